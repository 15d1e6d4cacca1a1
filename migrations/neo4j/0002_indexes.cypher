// Indexes for listing filters and for claim search. The content hash is
// indexed by its uniqueness constraint (0001).
CREATE INDEX source_kind IF NOT EXISTS FOR (s:Source) ON (s.kind);
CREATE INDEX actor_name IF NOT EXISTS FOR (a:Actor) ON (a.name);
CREATE INDEX claim_origin IF NOT EXISTS FOR (c:Claim) ON (c.origin);
CREATE INDEX relation_kind IF NOT EXISTS FOR (r:Relation) ON (r.kind);
// Full-text search over a claim's text and gist, with English stemming and
// stop words.
CREATE FULLTEXT INDEX claim_text IF NOT EXISTS
FOR (c:Claim) ON EACH [c.text, c.gist]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
