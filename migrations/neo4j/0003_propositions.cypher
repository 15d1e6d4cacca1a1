// Claims that state the same proposition share its ID in the property
// proposition; questions list a proposition's claims through this index.
CREATE INDEX claim_proposition IF NOT EXISTS FOR (c:Claim) ON (c.proposition);
