// Gives actor $into every role actor $from plays, on claims and evidence;
// duplicates are not made.
// params: $from, $into
MATCH (f:Actor {id: $from})-[r:ASSERTS|DISPUTES|NAMED_IN]->(c)
WHERE c:Claim OR c:Evidence
MATCH (t:Actor {id: $into})
WITH t, c, type(r) AS role
FOREACH (_ IN CASE WHEN role = 'ASSERTS' THEN [1] ELSE [] END | MERGE (t)-[:ASSERTS]->(c))
FOREACH (_ IN CASE WHEN role = 'DISPUTES' THEN [1] ELSE [] END | MERGE (t)-[:DISPUTES]->(c))
FOREACH (_ IN CASE WHEN role = 'NAMED_IN' THEN [1] ELSE [] END | MERGE (t)-[:NAMED_IN]->(c))
