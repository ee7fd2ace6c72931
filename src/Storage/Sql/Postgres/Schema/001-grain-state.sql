-- Grain state for Orleans' ADO.NET grain storage, and the table that provider reads its queries from.

-- The provider runs "SELECT QueryKey, QueryText FROM OrleansQuery ..." unquoted, which PostgreSQL folds
-- to lower case; Npgsql then matches the column names case-insensitively.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  text NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per grain state. A cleared state keeps its row with a NULL payload and a higher version, so a
-- writer still holding the version from before the clear is refused (no ABA after a clear).
CREATE TABLE IF NOT EXISTS grain_state (
    grain_id_hash      integer     NOT NULL,
    grain_type_hash    integer     NOT NULL,
    service_id         text        NOT NULL,
    grain_type         text        NOT NULL,
    grain_id_n0        bigint      NOT NULL,
    grain_id_n1        bigint      NOT NULL,
    -- NULL when the grain key has no extension; '' is a different key, so NULL is kept as NULL.
    grain_id_extension text        NULL,
    version            integer     NOT NULL,
    payload            bytea       NULL,
    modified_on        timestamptz NOT NULL,
    -- The identity of a state; the hashes lead so that a lookup is decided by integer comparisons first.
    -- NULLS NOT DISTINCT (PostgreSQL 15+) makes two keys without extension collide, as they must.
    -- A B-tree entry is limited to about 2.7 kB, which bounds service id + grain type + key extension.
    CONSTRAINT grain_state_identity UNIQUE NULLS NOT DISTINCT (
        grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);
