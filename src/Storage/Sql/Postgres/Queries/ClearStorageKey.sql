-- Clears by keeping the row with a NULL payload and a bumped version (see the schema for why).
-- Exactly one row comes back: the new version, or NULL when the caller's version is stale.
WITH cleared AS (
    UPDATE grain_state
    SET payload = NULL,
        version = version + 1,
        modified_on = now()
    WHERE grain_id_hash = @GrainIdHash
      AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId
      AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "NewGrainStateVersion";
