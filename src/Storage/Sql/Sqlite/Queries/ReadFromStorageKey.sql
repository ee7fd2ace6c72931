-- Returns the row even when a clear left its payload NULL: the provider then reports no record
-- (RecordExists is false) but keeps the version as ETag, which the next write must match.
SELECT PayloadBinary, Version
FROM GrainState
WHERE GrainIdHash = @GrainIdHash
  AND GrainTypeHash = @GrainTypeHash
  AND ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND GrainIdExtensionString IS @GrainIdExtensionString;
