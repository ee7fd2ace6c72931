-- Runs first, inside the start-up transaction. The advisory lock (released at commit) serialises two
-- processes applying the schema at the same moment: CREATE ... IF NOT EXISTS alone can still race in
-- PostgreSQL and fail on the catalog's unique index. The key is an arbitrary constant of Quorum's.
SELECT pg_advisory_xact_lock(7151823640211580417);

-- Records which numbered scripts under Schema/ have been applied.
CREATE TABLE IF NOT EXISTS quorum_schema_version (
    version    integer     NOT NULL PRIMARY KEY,
    script     text        NOT NULL,
    applied_on timestamptz NOT NULL DEFAULT now()
);
