// Sets the editable fields of a claim.
// params: $id, $text, $gist, $score, $main
MATCH (c:Claim {id: $id})
SET c.text = $text, c.gist = $gist, c.score = $score, c.main = $main
RETURN count(c) AS updated
