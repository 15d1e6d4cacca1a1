// Sets the editable fields of a claim.
// params: $id, $text, $gist, $score, $main, $origin
MATCH (c:Claim {id: $id})
SET c.text = $text, c.gist = $gist, c.score = $score, c.main = $main, c.origin = $origin
RETURN count(c) AS updated
