// Returns the source, the extracted claims and evidence stated only in it,
// which go when it goes, and the actors of those claims and evidence (deleted
// afterwards when no claim or evidence names them any more). No row when the source is unknown.
// params: $id
MATCH (s:Source {id: $id})
OPTIONAL MATCH (n)-[:STATED_IN|QUOTED_IN]->(s)
WHERE (n:Claim OR n:Evidence)
  AND n.origin = 'extracted'
  AND NOT EXISTS { (n)-[:STATED_IN|QUOTED_IN]->(o:Source) WHERE o <> s }
OPTIONAL MATCH (a:Actor)-[:ASSERTS|DISPUTES|NAMED_IN]->(n)
RETURN s.id AS id, collect(DISTINCT n.id) AS orphans, collect(DISTINCT a.id) AS actors
