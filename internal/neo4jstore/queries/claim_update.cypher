// Sets the editable fields of a claim (a null proposition removes it).
// params: $id, $text, $gist, $score, $main, $origin, $proposition
MATCH (c:Claim {id: $id})
SET c.text = $text, c.gist = $gist, c.score = $score, c.main = $main, c.origin = $origin,
    c.proposition = $proposition
RETURN count(c) AS updated
