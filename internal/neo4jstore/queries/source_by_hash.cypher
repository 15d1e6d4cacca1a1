// Returns the source with a content hash, with its text.
// params: $hash
MATCH (s:Source {content_hash: $hash})
RETURN s
