// Links actors to evidence, as roles_create does to claims. Rows: {actor,
// evidence, role}; role is asserts, disputes or named.
// params: $rows
UNWIND $rows AS row
MATCH (a:Actor {id: row.actor})
MATCH (e:Evidence {id: row.evidence})
FOREACH (_ IN CASE WHEN row.role = 'asserts' THEN [1] ELSE [] END | MERGE (a)-[:ASSERTS]->(e))
FOREACH (_ IN CASE WHEN row.role = 'disputes' THEN [1] ELSE [] END | MERGE (a)-[:DISPUTES]->(e))
FOREACH (_ IN CASE WHEN row.role = 'named' THEN [1] ELSE [] END | MERGE (a)-[:NAMED_IN]->(e))
