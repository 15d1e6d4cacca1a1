// Returns actors, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a
ORDER BY a.id
