// Returns evidence with its spans, ordered by ID. (The store orders spans
// itself.)
// params: $ids
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
RETURN e,
       COLLECT {
         MATCH (e)-[q:QUOTED_IN]->(s:Source)
         RETURN {source_id: s.id, start: q.start, end: q.end, quote: q.quote}
       } AS spans
ORDER BY e.id
