// Returns one source with its text.
// params: $id
MATCH (s:Source {id: $id})
RETURN s
