// Deletes evidence with its spans and relation edges.
// params: $ids
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
DETACH DELETE e
