// Returns the claims stored under any of the keys, the newest $perKey a key,
// and the claims naming their propositions, each once, ordered by ID, without
// spans and actors. Each key is one backwards prefix range read of the
// claim_key_slot index ($prefixes: each key followed by the separator), so
// the cost does not grow with the store.
// params: $prefixes, $perKey
UNWIND $prefixes AS prefix
CALL (prefix) {
  MATCH (k:ClaimKey)
  WHERE k.slot STARTS WITH prefix
  RETURN k
  ORDER BY k.slot DESC
  LIMIT $perKey
}
MATCH (k)-[:KEYS]->(c:Claim)
WITH collect(DISTINCT c) AS found
CALL (found) {
  UNWIND found AS c
  MATCH (p:Claim {id: c.proposition})
  RETURN collect(DISTINCT p) AS named
}
UNWIND found + named AS c
WITH DISTINCT c
RETURN c, [] AS spans, [] AS actors
ORDER BY c.id
