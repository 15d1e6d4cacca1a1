// Returns the stored actors among the IDs, with their names and aliases.
// params: $ids
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a
