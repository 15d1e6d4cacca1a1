// Records where sources quote evidence. Rows: {node, source_id, start, end, quote}.
// params: $rows
UNWIND $rows AS row
MATCH (e:Evidence {id: row.node})
MATCH (s:Source {id: row.source_id})
MERGE (e)-[q:QUOTED_IN {start: row.start, end: row.end}]->(s)
SET q.quote = row.quote
