// Records a schema migration as applied.
// params: $name, $applied_at
MERGE (m:SchemaMigration {name: $name})
ON CREATE SET m.applied_at = $applied_at
