-- Grain state for Orleans' ADO.NET grain storage, and the table that provider reads its queries from.

-- The provider runs "SELECT QueryKey, QueryText FROM OrleansQuery ..." at start-up: name and columns are fixed.
CREATE TABLE IF NOT EXISTS OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

-- One row per grain state. A cleared state keeps its row with a NULL payload and a higher version, so a
-- writer still holding the version from before the clear is refused (no ABA after a clear).
CREATE TABLE IF NOT EXISTS GrainState (
    GrainIdHash            INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    ServiceId              TEXT    NOT NULL,
    GrainTypeString        TEXT    NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    -- NULL when the grain key has no extension; '' is a different key, so NULL is kept as NULL.
    GrainIdExtensionString TEXT    NULL,
    Version                INTEGER NOT NULL,
    PayloadBinary          BLOB    NULL,
    ModifiedOn             TEXT    NOT NULL
);

-- The identity of a state. The two hashes lead so that a lookup is decided by integer comparisons
-- before any string is compared. SQLite treats NULLs as distinct in a unique index, so the extension
-- enters through ifnull(..., x''): an empty BLOB never equals any TEXT, so a missing extension and an
-- empty one stay different keys while two missing ones collide as they must.
CREATE UNIQUE INDEX IF NOT EXISTS GrainStateIdentity ON GrainState (
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
    ifnull(GrainIdExtensionString, x'')
);
