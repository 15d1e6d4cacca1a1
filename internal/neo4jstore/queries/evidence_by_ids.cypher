// Returns evidence with its spans and actor roles, ordered by ID. (The store
// orders spans and roles itself.)
// params: $ids
UNWIND $ids AS id
MATCH (e:Evidence {id: id})
RETURN e,
       COLLECT {
         MATCH (e)-[q:QUOTED_IN]->(s:Source)
         RETURN {source_id: s.id, start: q.start, end: q.end, quote: q.quote}
       } AS spans,
       COLLECT {
         MATCH (a:Actor)-[role:ASSERTS|DISPUTES|NAMED_IN]->(e)
         RETURN {actor_id: a.id, role: type(role)}
       } AS actors
ORDER BY e.id
