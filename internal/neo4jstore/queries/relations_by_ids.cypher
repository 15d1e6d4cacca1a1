// Returns relations with their premises (in order), target and span, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (r:Relation {id: id})
CALL (r) {
  OPTIONAL MATCH (p)-[f:FROM]->(r)
  WITH p, f
  ORDER BY f.position
  RETURN collect(p.id) AS premises
}
CALL (r) {
  OPTIONAL MATCH (r)-[:TO]->(t)
  RETURN t.id AS target
}
CALL (r) {
  OPTIONAL MATCH (r)-[st:STATED_IN]->(s:Source)
  RETURN CASE WHEN s IS NULL THEN null ELSE {source_id: s.id, start: st.start, end: st.end, quote: st.quote} END AS span
  LIMIT 1
}
RETURN r, premises, target, span
ORDER BY r.id
