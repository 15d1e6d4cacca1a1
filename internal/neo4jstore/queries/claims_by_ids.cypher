// Returns claims with their spans and actor roles, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
CALL (c) {
  OPTIONAL MATCH (c)-[st:STATED_IN]->(s:Source)
  WITH st, s
  ORDER BY s.id, st.start, st.end
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {source_id: s.id, start: st.start, end: st.end, quote: st.quote} END) AS spans
}
CALL (c) {
  OPTIONAL MATCH (a:Actor)-[role:ASSERTS|DISPUTES|NAMED_IN]->(c)
  WITH a, role
  ORDER BY a.id, type(role)
  RETURN collect(CASE WHEN a IS NULL THEN null ELSE {actor_id: a.id, role: type(role)} END) AS actors
}
RETURN c, spans, actors
ORDER BY c.id
