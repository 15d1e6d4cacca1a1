// Deletes claims with their spans, roles and relation edges.
// params: $ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
DETACH DELETE c
