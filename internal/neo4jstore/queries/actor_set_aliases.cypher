// Replaces the aliases of actors. Rows: {id, aliases}.
// params: $rows
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.aliases = row.aliases
