// Removes a claim's link signature keys (an update that replaces them).
// params: $id
MATCH (k:ClaimKey)-[:KEYS]->(:Claim {id: $id})
DETACH DELETE k
RETURN count(*) AS removed
