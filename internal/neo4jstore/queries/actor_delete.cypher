// Deletes an actor and its roles in claims.
// params: $id
MATCH (a:Actor {id: $id})
DETACH DELETE a
