// Returns every source with its text, ordered by ID.
// params: none
MATCH (s:Source)
RETURN s
ORDER BY s.id
