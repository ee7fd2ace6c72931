-- Query texts are replaced on every start, so a corrected query ships without a numbered script.
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES (@QueryKey, @QueryText)
ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;
