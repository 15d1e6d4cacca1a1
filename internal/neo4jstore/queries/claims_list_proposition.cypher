// Lists the claims that state a proposition (the claim whose ID names it,
// and those that point to it) and match the other filters, ordered by ID,
// with their spans and actor roles as claims_by_ids returns them (one
// statement, not two). It starts from the proposition index: claims_list, which serves the
// other filters, walks every claim in ID order (4.9 s for a proposition on
// 100k claims).
// params: $after, $origin, $actor, $source, $proposition, $limit
CALL () {
  MATCH (c:Claim)
  WHERE c.proposition = $proposition
  RETURN c
  UNION
  MATCH (c:Claim {id: $proposition})
  RETURN c
}
WITH c
WHERE c.id > $after
  AND ($origin = '' OR c.origin = $origin)
  AND ($actor = '' OR EXISTS { (:Actor {id: $actor})-[:ASSERTS|DISPUTES|NAMED_IN]->(c) })
  AND ($source = '' OR EXISTS { (c)-[:STATED_IN]->(:Source {id: $source}) })
WITH c
ORDER BY c.id
LIMIT $limit
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
