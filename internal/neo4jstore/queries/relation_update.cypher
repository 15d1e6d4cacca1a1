// Sets the editable fields of a relation.
// params: $id, $kind, $origin, $score
MATCH (r:Relation {id: $id})
SET r.kind = $kind, r.origin = $origin, r.score = $score
RETURN count(r) AS updated
