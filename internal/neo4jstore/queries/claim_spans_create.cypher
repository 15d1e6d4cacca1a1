// Records where sources state claims. Rows: {node, source_id, start, end, quote}.
// params: $rows
UNWIND $rows AS row
MATCH (c:Claim {id: row.node})
MATCH (s:Source {id: row.source_id})
MERGE (c)-[st:STATED_IN {start: row.start, end: row.end}]->(s)
SET st.quote = row.quote
