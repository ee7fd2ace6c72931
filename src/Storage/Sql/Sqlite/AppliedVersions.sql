SELECT Version FROM QuorumSchemaVersion ORDER BY Version;
