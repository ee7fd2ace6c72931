-- Clears by keeping the row with a NULL payload and a bumped version (see the schema for why).
-- Exactly one row comes back: the new version, or NULL when the caller's version is stale.
UPDATE GrainState
SET PayloadBinary = NULL,
    Version = Version + 1,
    ModifiedOn = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

SELECT NULL AS NewGrainStateVersion WHERE changes() = 0;
