-- Query texts are replaced on every start, so a corrected query ships without a numbered script.
INSERT INTO orleansquery (querykey, querytext)
VALUES (@QueryKey, @QueryText)
ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
