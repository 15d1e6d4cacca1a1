-- A claim's keys (migration 0007) are kept in its row too, as a JSON array,
-- so that removing them needs no index of claim_keys by claim: that index
-- took a B-tree insert for every key of every claim written (about a
-- twentieth of the time of writing an ingested document) and a tenth of
-- claim_keys' size, for deletes and re-keyed updates only. The store keeps
-- the array a superset of the claim's rows in claim_keys (sqlitestore
-- writeGraph, bulk loads, UpdateClaim, AddClaimKeys).
ALTER TABLE claims ADD COLUMN keys TEXT NOT NULL DEFAULT '[]';
UPDATE claims SET keys = (SELECT json_group_array(k.key) FROM claim_keys k WHERE k.claim_pk = claims.pk)
    WHERE pk IN (SELECT claim_pk FROM claim_keys);

DROP TRIGGER claim_keys_delete;
DROP INDEX claim_keys_claim;
CREATE TRIGGER claim_keys_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_keys WHERE key IN (SELECT value FROM json_each(old.keys)) AND claim_pk = old.pk;
END;
