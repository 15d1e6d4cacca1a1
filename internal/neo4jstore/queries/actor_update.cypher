// Sets the editable fields of an actor.
// params: $id, $name, $kind, $aliases
MATCH (a:Actor {id: $id})
SET a.name = $name, a.kind = $kind, a.aliases = $aliases
RETURN count(a) AS updated
