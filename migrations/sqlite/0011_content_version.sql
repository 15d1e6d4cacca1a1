-- A counter of changes to what answers quote and rank: claims (and with them
-- the claims' full-text index), evidence, spans and sources. The store keeps
-- node texts, spans, sources and the claims' index terms in memory for
-- answers (sqlitestore contentCopy) and uses them only while this counter,
-- read in the same transaction, still has the value they were read at,
-- whichever connection or process wrote. New rows bump it once per graph
-- written (sqlitestore writeGraph, the only place that inserts them; spans
-- added to a stored claim come with an update of the claim); updates and
-- deletes bump it by a trigger per row. Rolled back writes roll back their
-- increments. A reader needs only to see that it moved, not by how much.
CREATE TABLE content_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO content_version (id, n) VALUES (1, 0);

CREATE TRIGGER claims_content_update AFTER UPDATE ON claims BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER claims_content_delete AFTER DELETE ON claims BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER evidence_content_update AFTER UPDATE ON evidence BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER evidence_content_delete AFTER DELETE ON evidence BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER spans_content_update AFTER UPDATE ON spans BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER spans_content_delete AFTER DELETE ON spans BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER sources_content_update AFTER UPDATE ON sources BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER sources_content_delete AFTER DELETE ON sources BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;

-- Every token of the claims' full-text index with its row, column and
-- position: read once into memory to rank claims without FTS5's bm25(),
-- whose first call in every query counts the rows of each query word over
-- the whole index.
CREATE VIRTUAL TABLE claims_fts_tokens USING fts5vocab(claims_fts, instance);
