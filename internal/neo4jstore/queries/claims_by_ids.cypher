// Returns claims with their spans and actor roles, ordered by ID. (The store
// orders spans and roles itself.)
// params: $ids
UNWIND $ids AS id
MATCH (c:Claim {id: id})
RETURN c,
       COLLECT {
         MATCH (c)-[st:STATED_IN]->(s:Source)
         RETURN {source_id: s.id, start: st.start, end: st.end, quote: st.quote}
       } AS spans,
       COLLECT {
         MATCH (a:Actor)-[role:ASSERTS|DISPUTES|NAMED_IN]->(c)
         RETURN {actor_id: a.id, role: type(role)}
       } AS actors
ORDER BY c.id
