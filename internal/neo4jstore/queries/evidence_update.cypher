// Sets the editable fields of a piece of evidence.
// params: $id, $text, $kind, $score
MATCH (e:Evidence {id: $id})
SET e.text = $text, e.kind = $kind, e.score = $score
RETURN count(e) AS updated
