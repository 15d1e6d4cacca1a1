-- A claim's link signature (Claim.Keys: pairs of content words of a clause),
-- so that ingest finds the claims a new one may restate by index lookups
-- instead of ranking full-text matches. A claim's keys go with it.
CREATE TABLE claim_keys (
    key      TEXT NOT NULL,
    claim_pk INTEGER NOT NULL,
    PRIMARY KEY (key, claim_pk)
) WITHOUT ROWID;
CREATE INDEX claim_keys_claim ON claim_keys (claim_pk);

CREATE TRIGGER claim_keys_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_keys WHERE claim_pk = old.pk;
END;
