// Deletes up to $batch records of any kind; schema migrations are kept.
// params: $batch
MATCH (n)
WHERE NOT n:SchemaMigration
WITH n
LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
