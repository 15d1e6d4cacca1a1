// One level of a reach walk: the relations that target the given claims or
// relations, with their premises in order. Go walks level by level.
// params: $claims, $relations
UNWIND $claims AS id
MATCH (r:Relation)-[:TO]->(:Claim {id: id})
MATCH (p)-[f:FROM]->(r)
WITH id, r, p, f
ORDER BY r.id, f.position
RETURN id AS target, r.id AS relation, r.kind AS kind, collect(p.id) AS premises
UNION ALL
UNWIND $relations AS id
MATCH (r:Relation)-[:TO]->(:Relation {id: id})
MATCH (p)-[f:FROM]->(r)
WITH id, r, p, f
ORDER BY r.id, f.position
RETURN id AS target, r.id AS relation, r.kind AS kind, collect(p.id) AS premises
