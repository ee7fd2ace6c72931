INSERT INTO QuorumSchemaVersion (Version, Script, AppliedOn)
VALUES (@Version, @Script, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
