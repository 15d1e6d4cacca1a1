// Ranks evidence against a full-text query, best first.
// $query is a Lucene query built and escaped in Go. Lucene keeps only the
// $limit best (without the option every match, tens of thousands for common
// words, came back to be sorted here: 0.9 s on 100k claims); nodes of equal
// score at the cut are those Lucene ranks first, then sorted by ID.
// params: $query, $limit
CALL db.index.fulltext.queryNodes('evidence_text', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
