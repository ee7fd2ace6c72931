-- Optimistic write. The provider expects exactly one row: the new version, or NULL when the caller's
-- version (@GrainStateVersion, the ETag) is stale; NULL makes it throw InconsistentStateException.
--   no ETag  : insert version 1, only if no row exists for this grain at all;
--   ETag = v : bump to v + 1, only if the stored version is still v.
-- One upsert statement decides atomically. The EXISTS guard stops an ETag'd write from inserting a
-- row that is not there (a deleted row is a conflict, not a fresh start).
INSERT INTO GrainState (
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString,
    Version, PayloadBinary, ModifiedOn)
SELECT
    @GrainIdHash, @GrainTypeHash, @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
    1, @PayloadBinary, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE @GrainStateVersion IS NULL
   OR EXISTS (
        SELECT 1 FROM GrainState
        WHERE GrainIdHash = @GrainIdHash
          AND GrainTypeHash = @GrainTypeHash
          AND ServiceId = @ServiceId
          AND GrainTypeString = @GrainTypeString
          AND GrainIdN0 = @GrainIdN0
          AND GrainIdN1 = @GrainIdN1
          AND GrainIdExtensionString IS @GrainIdExtensionString)
ON CONFLICT (
    GrainIdHash, GrainTypeHash, ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
    ifnull(GrainIdExtensionString, x''))
DO UPDATE SET
    Version = Version + 1,
    PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn
WHERE @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

-- changes() is per connection and counts the rows the statement above inserted or updated, so this
-- adds the NULL row exactly when nothing was written.
SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
