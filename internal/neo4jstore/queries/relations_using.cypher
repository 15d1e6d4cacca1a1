// Returns the relations that use the nodes: as a premise (claims, evidence)
// or as the target (claims, relations).
// params: $claims, $evidence, $relations
UNWIND $claims AS id
MATCH (:Claim {id: id})-[:FROM]->(r:Relation)
RETURN r.id AS id
UNION
UNWIND $evidence AS id
MATCH (:Evidence {id: id})-[:FROM]->(r:Relation)
RETURN r.id AS id
UNION
UNWIND $claims AS id
MATCH (r:Relation)-[:TO]->(:Claim {id: id})
RETURN r.id AS id
UNION
UNWIND $relations AS id
MATCH (r:Relation)-[:TO]->(:Relation {id: id})
RETURN r.id AS id
