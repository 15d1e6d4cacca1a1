// Returns every relation that targets one of the relations, directly or
// through a chain of undercuts.
// params: $ids
UNWIND $ids AS id
MATCH (u:Relation)-[:TO*1..]->(:Relation {id: id})
RETURN DISTINCT u.id AS id
