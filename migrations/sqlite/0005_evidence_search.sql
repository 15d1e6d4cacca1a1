-- Full-text search over evidence, as over claims (0001): questions are
-- answered by facts and reported findings as well as by claims. The index
-- follows the evidence table's rowid; the store never runs VACUUM, which may
-- renumber the rowids of a table without an INTEGER PRIMARY KEY.
CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    text,
    content = 'evidence', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO evidence_fts (rowid, text) SELECT rowid, text FROM evidence;

CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts (rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
CREATE TRIGGER evidence_fts_update AFTER UPDATE OF text ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO evidence_fts (rowid, text) VALUES (new.rowid, new.text);
END;
