// A claim's link signature (Claim.Keys): one ClaimKey node per key and claim,
// (k:ClaimKey)-[:KEYS]->(c:Claim), whose slot is the key, the time the claim
// was stored and its ID. The newest claims under a key are then one prefix
// range read of this index, read backwards, whatever the size of the store.
CREATE INDEX claim_key_slot IF NOT EXISTS FOR (k:ClaimKey) ON (k.slot);
