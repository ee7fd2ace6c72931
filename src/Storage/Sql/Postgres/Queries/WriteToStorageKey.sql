-- Optimistic write. The provider expects exactly one row: the new version, or NULL when the caller's
-- version (@GrainStateVersion, the ETag) is stale; NULL makes it throw InconsistentStateException.
--   no ETag  : insert version 1, only if no row exists for this grain at all;
--   ETag = v : bump to v + 1, only if the stored version is still v.
-- Only one of the two branches can return a row. Under concurrency the unique constraint decides
-- between two inserts, and the row lock plus re-check of "version = v" decides between two updates.
WITH inserted AS (
    INSERT INTO grain_state (
        grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
        version, payload, modified_on)
    SELECT
        @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
        1, @PayloadBinary, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT grain_state_identity DO NOTHING
    RETURNING version
), updated AS (
    UPDATE grain_state
    SET version = version + 1,
        payload = @PayloadBinary,
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
SELECT (SELECT version FROM inserted UNION ALL SELECT version FROM updated) AS "NewGrainStateVersion";
