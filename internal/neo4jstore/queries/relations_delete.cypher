// Deletes relations with their edges.
// params: $ids
UNWIND $ids AS id
MATCH (r:Relation {id: id})
DETACH DELETE r
