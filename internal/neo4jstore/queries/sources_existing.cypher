// Returns which of the source IDs are stored, with their kind.
// params: $ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s.id AS id, s.kind AS kind
