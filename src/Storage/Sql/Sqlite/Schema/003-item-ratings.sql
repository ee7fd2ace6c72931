-- The rating journal: every rating given to an item, numbered 1, 2, 3... per item. Append-only (a rater who
-- changes a rating adds a row); the item's state in grain storage is a snapshot of it up to some number. A
-- rating is acknowledged to its rater only once its row is committed here.
CREATE TABLE IF NOT EXISTS ItemRating (
    ItemId  TEXT    NOT NULL,  -- the item's GUID, 32 hex digits
    Seq     INTEGER NOT NULL,  -- the rating's number in the item's journal (1, 2, 3, ...)
    RoundId TEXT    NOT NULL,
    RaterId TEXT    NOT NULL,
    RatedAt INTEGER NOT NULL,  -- Unix time in milliseconds
    -- The answers as JSON, camelCase, unanswered instruments left out, essentiality by name:
    -- {"essentiality":"notNecessary","relevance":2,"keyCorrect":false,"reason":"...","clarity":3,"angoff":55}
    Rating  TEXT    NOT NULL,
    -- One row per number: a second activation of the item that tries to commit a number already taken is
    -- refused here and must reload.
    PRIMARY KEY (ItemId, Seq)
) WITHOUT ROWID;
