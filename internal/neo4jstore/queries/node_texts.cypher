// Returns the short text of each claim (its gist, else its text) and piece of
// evidence among the IDs; unknown IDs are left out.
// params: $ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c.id AS id, CASE WHEN coalesce(c.gist, '') <> '' THEN c.gist ELSE c.text END AS text
UNION ALL
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
RETURN e.id AS id, e.text AS text
