// Returns every source, with its text when $with_text, ordered by ID.
// params: $with_text
MATCH (s:Source)
RETURN s {.id, .title, .authors, .date, .kind, .uri, .venue, .doi, .content_hash, .created_at,
          text: CASE WHEN $with_text THEN s.text ELSE null END} AS s
ORDER BY s.id
