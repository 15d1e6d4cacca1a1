// One level of a neighbourhood walk: every relation that touches the given
// claims, evidence or relations (as premise, target or itself), with its
// premises in order and its target.
// params: $claims, $evidence, $relations
UNWIND $claims AS id
MATCH (:Claim {id: id})-[:FROM|TO]-(r:Relation)
RETURN DISTINCT r.id AS relation
UNION
UNWIND $evidence AS id
MATCH (:Evidence {id: id})-[:FROM]->(r:Relation)
RETURN DISTINCT r.id AS relation
UNION
UNWIND $relations AS id
MATCH (r:Relation)-[:TO]->(:Relation {id: id})
RETURN DISTINCT r.id AS relation
UNION
UNWIND $relations AS id
MATCH (r:Relation {id: id})
RETURN r.id AS relation
