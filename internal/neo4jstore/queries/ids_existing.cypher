// Returns which of the claim, evidence, relation and citation IDs are stored.
// params: $claims, $evidence, $relations, $citations
UNWIND $claims AS id
MATCH (n:Claim {id: id})
RETURN n.id AS id
UNION ALL
UNWIND $evidence AS id
MATCH (n:Evidence {id: id})
RETURN n.id AS id
UNION ALL
UNWIND $relations AS id
MATCH (n:Relation {id: id})
RETURN n.id AS id
UNION ALL
UNWIND $citations AS id
MATCH (n:Citation {id: id})
RETURN n.id AS id
