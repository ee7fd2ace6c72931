-- Runs first, inside the start-up transaction (BEGIN IMMEDIATE already holds the write lock, so a
-- second process applying the schema at the same moment waits rather than racing).
-- Records which numbered scripts under Schema/ have been applied.
CREATE TABLE IF NOT EXISTS QuorumSchemaVersion (
    Version   INTEGER NOT NULL PRIMARY KEY,
    Script    TEXT    NOT NULL,
    AppliedOn TEXT    NOT NULL
);
