// Returns relations with their premises (in order), target and span, ordered by ID.
// params: $ids
UNWIND $ids AS id
MATCH (r:Relation {id: id})
RETURN r,
       COLLECT {
         MATCH (p)-[f:FROM]->(r)
         RETURN p.id ORDER BY f.position
       } AS premises,
       head(COLLECT {
         MATCH (r)-[:TO]->(t)
         RETURN t.id
       }) AS target,
       head(COLLECT {
         MATCH (r)-[st:STATED_IN]->(s:Source)
         RETURN {source_id: s.id, start: st.start, end: st.end, quote: st.quote}
       }) AS span
ORDER BY r.id
