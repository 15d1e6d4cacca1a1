// Links actors to claims. Rows: {actor, claim, role}; role is asserts,
// disputes or named. A relationship type cannot be a parameter, so each role
// has its own branch.
// params: $rows
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (c:Claim {id: row.claim})
FOREACH (_ IN CASE WHEN row.role = 'asserts' THEN [1] ELSE [] END | MERGE (a)-[:ASSERTS]->(c))
FOREACH (_ IN CASE WHEN row.role = 'disputes' THEN [1] ELSE [] END | MERGE (a)-[:DISPUTES]->(c))
FOREACH (_ IN CASE WHEN row.role = 'named' THEN [1] ELSE [] END | MERGE (a)-[:NAMED_IN]->(c))
