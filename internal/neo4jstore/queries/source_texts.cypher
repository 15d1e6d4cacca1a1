// Returns the text of stored sources, to cut quotes from.
// params: $ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.text AS text
