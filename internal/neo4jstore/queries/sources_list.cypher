// Lists sources without their text, ordered by ID.
// params: $after, $kind, $query, $limit
MATCH (s:Source)
WHERE s.id > $after
  AND ($kind = '' OR s.kind = $kind)
  AND ($query = '' OR toLower(s.title) CONTAINS toLower($query))
RETURN s {.id, .title, .authors, .date, .kind, .uri, .venue, .doi, .content_hash, .created_at} AS s
ORDER BY s.id
LIMIT $limit
