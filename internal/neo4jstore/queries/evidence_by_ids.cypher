// Returns evidence with its spans, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
CALL (e) {
  OPTIONAL MATCH (e)-[q:QUOTED_IN]->(s:Source)
  WITH q, s
  ORDER BY s.id, q.start, q.end
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE {source_id: s.id, start: q.start, end: q.end, quote: q.quote} END) AS spans
}
RETURN e, spans
ORDER BY e.id
