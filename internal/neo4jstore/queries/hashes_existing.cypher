// Returns the stored sources that have one of the content hashes.
// params: $hashes
UNWIND $hashes AS hash
MATCH (s:Source {content_hash: hash})
RETURN s.id AS id, s.content_hash AS hash
