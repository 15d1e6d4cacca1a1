// Ranks claims against a full-text query, best first.
// $query is a Lucene query built and escaped in Go. Lucene keeps only the
// $limit best (without the option every match, tens of thousands for common
// words, came back to be sorted here: 0.9 s on 100k claims); nodes of equal
// score at the cut are those Lucene ranks first, then sorted by ID. The
// claims come back whole, with their spans and actor roles as claims_by_ids
// returns them: one statement per search, not two.
// params: $query, $limit
CALL db.index.fulltext.queryNodes('claim_text', $query, {limit: $limit}) YIELD node, score
WITH node AS c, score
ORDER BY score DESC, c.id
LIMIT $limit
RETURN c, score,
       COLLECT {
         MATCH (c)-[st:STATED_IN]->(s:Source)
         RETURN {source_id: s.id, start: st.start, end: st.end, quote: st.quote}
       } AS spans,
       COLLECT {
         MATCH (a:Actor)-[role:ASSERTS|DISPUTES|NAMED_IN]->(c)
         RETURN {actor_id: a.id, role: type(role)}
       } AS actors
ORDER BY score DESC, c.id
