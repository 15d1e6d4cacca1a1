// Records where a source states a relation. Rows: {node, source_id, start, end, quote}.
// params: $rows
UNWIND $rows AS row
MATCH (r:Relation {id: row.node})
MATCH (s:Source {id: row.source_id})
CREATE (r)-[:STATED_IN {start: row.start, end: row.end, quote: row.quote}]->(s)
