-- The edit journal: every operation applied to an item's text field, in revision order. Append-only; it is
-- the field's history (who changed what, when) and, with the field's latest snapshot in grain state, its
-- durable text. An edit is acknowledged to its author only once its row is committed here.
CREATE TABLE IF NOT EXISTS FieldEdit (
    ItemId     TEXT    NOT NULL,  -- the item's GUID, 32 hex digits
    Field      TEXT    NOT NULL,  -- "stem", "option:2", ...
    Revision   INTEGER NOT NULL,  -- the field's revision this edit produced (1, 2, 3, ...)
    PanelId    TEXT    NOT NULL,
    AuthorId   TEXT    NOT NULL,
    ClientId   TEXT    NOT NULL,  -- the browser tab that sent it, for exactly-once delivery on reconnect
    ClientSeq  INTEGER NOT NULL,
    EditedAt   INTEGER NOT NULL,  -- Unix time in milliseconds
    Op         TEXT    NOT NULL,  -- the operation as applied, in the text-unicode JSON form
    -- One row per revision: a second activation of the same field (a partition, a slow failover) that
    -- tries to commit a revision already taken is refused here and must reload.
    PRIMARY KEY (ItemId, Field, Revision)
) WITHOUT ROWID;

-- The panel's audit trail reads edits by panel and time.
CREATE INDEX IF NOT EXISTS FieldEditByPanel ON FieldEdit (PanelId, EditedAt);
