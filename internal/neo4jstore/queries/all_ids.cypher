// Returns the IDs of every claim, evidence, actor and relation, ordered by ID.
// params: none
MATCH (c:Claim)
RETURN c.id AS id
UNION ALL
MATCH (e:Evidence)
RETURN e.id AS id
UNION ALL
MATCH (a:Actor)
RETURN a.id AS id
UNION ALL
MATCH (r:Relation)
RETURN r.id AS id
