// Returns the names of the schema migrations applied.
// params: none
MATCH (m:SchemaMigration)
RETURN m.name AS name
ORDER BY name
