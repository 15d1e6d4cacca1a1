// Full-text search over evidence text, with English stemming and stop words
// (as claim_text in 0002).
CREATE FULLTEXT INDEX evidence_text IF NOT EXISTS
FOR (e:Evidence) ON EACH [e.text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
