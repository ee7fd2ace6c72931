INSERT INTO quorum_schema_version (version, script) VALUES (@Version, @Script);
