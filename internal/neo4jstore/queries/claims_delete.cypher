// Deletes claims with their spans, roles, relation edges and link signature
// keys.
// params: $ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL (c) {
  MATCH (k:ClaimKey)-[:KEYS]->(c)
  DETACH DELETE k
}
DETACH DELETE c
