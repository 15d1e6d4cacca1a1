// Returns sources without their text, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .title, .authors, .date, .kind, .uri, .venue, .doi, .content_hash, .created_at} AS s
ORDER BY s.id
