// Reach in one statement for depths up to 3: every path that leads back to
// the claim through relations, at most $depth relations long, and the spans
// of the claim and of every claim and piece of evidence a path ends at (Go
// then walks the relations on the paths level by level, as it walks
// reach_level's rows for deeper walks). One row; none for an unknown claim.
// A relation adds two hops at most (its TO edge, then a premise's FROM edge
// or an undercut's TO edge), so six hops cover depth 3; the hop bound of a
// variable-length pattern cannot be a parameter. BenchmarkReachShapes
// measures this against one reach_level per level.
// params: $id, $depth
MATCH (c:Claim {id: $id})
OPTIONAL MATCH path = (c)<-[:TO|FROM*1..6]-(n)
WHERE size([x IN nodes(path) WHERE x:Relation]) <= $depth
WITH c,
     collect([x IN nodes(path) | x.id]) AS ids,
     collect([x IN nodes(path) | CASE WHEN x:Relation THEN x.kind ELSE '' END]) AS kinds,
     collect(DISTINCT n) AS ends
UNWIND [c] + [m IN ends WHERE m:Claim OR m:Evidence] AS m
WITH ids, kinds, m.id AS node,
     COLLECT {
       MATCH (m)-[st:STATED_IN|QUOTED_IN]->(s:Source)
       RETURN {source_id: s.id, start: st.start, end: st.end, quote: st.quote}
     } AS spans
RETURN ids, kinds, collect({id: node, spans: spans}) AS nodes
