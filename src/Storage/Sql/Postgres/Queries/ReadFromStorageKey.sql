-- Returns the row even when a clear left its payload NULL: the provider then reports no record
-- (RecordExists is false) but keeps the version as ETag, which the next write must match.
SELECT payload AS "PayloadBinary", version AS "Version"
FROM grain_state
WHERE grain_id_hash = @GrainIdHash
  AND grain_type_hash = @GrainTypeHash
  AND service_id = @ServiceId
  AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0
  AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString;
