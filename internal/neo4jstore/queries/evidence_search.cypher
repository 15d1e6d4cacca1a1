// Ranks evidence against a full-text query, best first.
// $query is a Lucene query built and escaped in Go.
// params: $query, $limit
CALL db.index.fulltext.queryNodes('evidence_text', $query) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
