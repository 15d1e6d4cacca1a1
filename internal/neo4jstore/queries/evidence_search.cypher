// Ranks evidence against a full-text query, best first.
// $query is a Lucene query built and escaped in Go. Lucene keeps only the
// $limit best (without the option every match, tens of thousands for common
// words, came back to be sorted here: 0.9 s on 100k claims); nodes of equal
// score at the cut are those Lucene ranks first, then sorted by ID. The
// evidence comes back whole, with its spans and actor roles as
// evidence_by_ids returns them: one statement per search, not two.
// params: $query, $limit
CALL db.index.fulltext.queryNodes('evidence_text', $query, {limit: $limit}) YIELD node, score
WITH node AS e, score
ORDER BY score DESC, e.id
LIMIT $limit
RETURN e, score,
       COLLECT {
         MATCH (e)-[q:QUOTED_IN]->(s:Source)
         RETURN {source_id: s.id, start: q.start, end: q.end, quote: q.quote}
       } AS spans,
       COLLECT {
         MATCH (a:Actor)-[role:ASSERTS|DISPUTES|NAMED_IN]->(e)
         RETURN {actor_id: a.id, role: type(role)}
       } AS actors
ORDER BY score DESC, e.id
