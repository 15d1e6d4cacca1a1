-- The full-text rows of new claims and evidence are written by the store once
-- per graph written, in one statement each (sqlitestore writeGraph), instead
-- of by a trigger per row: FTS5 flushes its pending terms to a new segment at
-- every statement that writes it, so a document of 100 claims made 100
-- segments to merge. Updates and deletes keep their triggers.
DROP TRIGGER claims_fts_insert;
DROP TRIGGER evidence_fts_insert;
