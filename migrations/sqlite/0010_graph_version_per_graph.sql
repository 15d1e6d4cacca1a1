-- New relations and their premises bump graph_version once per graph written
-- (sqlitestore writeGraph, the only place that inserts them) instead of by a
-- trigger per row: the per-row UPDATE was close to half the cost of writing
-- a relation when ingesting a corpus. Updates and deletes keep their
-- triggers. A walk needs only to see that the counter moved, not by how much.
DROP TRIGGER relations_version_insert;
DROP TRIGGER relation_premises_version_insert;
