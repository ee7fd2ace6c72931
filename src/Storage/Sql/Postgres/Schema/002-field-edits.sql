-- The edit journal: every operation applied to an item's text field, in revision order. Append-only; it is
-- the field's history (who changed what, when) and, with the field's latest snapshot in grain state, its
-- durable text. An edit is acknowledged to its author only once its row is committed here.
CREATE TABLE IF NOT EXISTS field_edit (
    item_id    uuid        NOT NULL,
    field      text        NOT NULL,  -- "stem", "option:2", ...
    revision   integer     NOT NULL,  -- the field's revision this edit produced (1, 2, 3, ...)
    panel_id   uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    client_id  text        NOT NULL,  -- the browser tab that sent it, for exactly-once delivery on reconnect
    client_seq bigint      NOT NULL,
    edited_at  timestamptz NOT NULL,
    op         text        NOT NULL,  -- the operation as applied, in the text-unicode JSON form
    -- One row per revision: a second activation of the same field (a partition, a slow failover) that
    -- tries to commit a revision already taken is refused here and must reload.
    CONSTRAINT field_edit_revision PRIMARY KEY (item_id, field, revision)
);

-- The panel's audit trail reads edits by panel and time.
CREATE INDEX IF NOT EXISTS field_edit_by_panel ON field_edit (panel_id, edited_at);
