// Indexes stored claims under link signature keys (migration
// 0006_claim_keys): one ClaimKey node a key and claim, whose slot is the key,
// U+001F, the claim's created_at in milliseconds (15 digits, so that slots
// sort by it) and U+001F and its ID. A key the claim already has is skipped;
// a claim not stored is skipped. Returns how many keys were added.
// params: $rows
UNWIND $rows AS row
MATCH (c:Claim {id: row.claim})
WITH c, row.key + '\u001F' + right('000000000000000' + toString(c.created_at), 15) + '\u001F' + c.id AS slot
WHERE NOT EXISTS { MATCH (:ClaimKey {slot: slot})-[:KEYS]->(c) }
CREATE (:ClaimKey {slot: slot})-[:KEYS]->(c)
RETURN count(*) AS linked
