-- Claims that state the same proposition across sources share a proposition:
-- the ID of the first claim that stated it ('' for a claim that is its own).
ALTER TABLE claims ADD COLUMN proposition TEXT NOT NULL DEFAULT '';
CREATE INDEX claims_proposition ON claims (proposition) WHERE proposition <> '';
