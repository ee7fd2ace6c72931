SELECT version FROM quorum_schema_version ORDER BY version;
