-- The first span of a claim or evidence is kept in its row, as a relation
-- keeps its span, and the first premise of a relation in the relation's row;
-- extra_spans and extra_premises hold the rest. Nearly every extracted claim
-- and piece of evidence has one span and nearly every relation one premise,
-- so ingest writes a row and a B-tree entry or two fewer for each (the rows
-- of spans and relation_premises, one statement, two entries and a foreign
-- key look-up each, were about a sixth of the writer's time). spans and
-- relation_premises become views of both parts, with the columns and rows
-- they had, for whoever reads the file. The store itself reads and writes
-- the parts (sqlitestore: SQLite's planner does not push an IN list or a
-- join into a view of a UNION ALL, and would read the whole view).

-- the first span of each node in (source, start, end) order goes in its row
ALTER TABLE claims ADD COLUMN span_source_id TEXT;
ALTER TABLE claims ADD COLUMN span_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN span_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN span_quote TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN span_source_id TEXT;
ALTER TABLE evidence ADD COLUMN span_start INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN span_end INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evidence ADD COLUMN span_quote TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN premise_id TEXT;

CREATE TABLE extra_spans (
    node_id   TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    quote     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (node_id, source_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX extra_spans_source ON extra_spans (source_id, node_id);

CREATE TABLE extra_premises (
    relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position > 0),
    node_id     TEXT NOT NULL,
    PRIMARY KEY (relation_id, position)
) WITHOUT ROWID;
CREATE INDEX extra_premises_node ON extra_premises (node_id, relation_id);

UPDATE claims SET (span_source_id, span_start, span_end, span_quote) =
    (SELECT p.source_id, p.start, p."end", p.quote FROM spans p WHERE p.node_id = claims.id
        ORDER BY p.source_id, p.start, p."end" LIMIT 1)
    WHERE id IN (SELECT node_id FROM spans);
UPDATE evidence SET (span_source_id, span_start, span_end, span_quote) =
    (SELECT p.source_id, p.start, p."end", p.quote FROM spans p WHERE p.node_id = evidence.id
        ORDER BY p.source_id, p.start, p."end" LIMIT 1)
    WHERE id IN (SELECT node_id FROM spans);
-- the others, and the spans of no stored node (none are written; kept all
-- the same)
INSERT INTO extra_spans (node_id, source_id, start, "end", quote)
    SELECT p.node_id, p.source_id, p.start, p."end", p.quote FROM spans p
    WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = p.node_id
            AND c.span_source_id = p.source_id AND c.span_start = p.start AND c.span_end = p."end")
        AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = p.node_id
            AND e.span_source_id = p.source_id AND e.span_start = p.start AND e.span_end = p."end");

UPDATE relations SET premise_id = (SELECT p.node_id FROM relation_premises p WHERE p.relation_id = relations.id AND p.position = 0)
    WHERE id IN (SELECT relation_id FROM relation_premises WHERE position = 0);
INSERT INTO extra_premises (relation_id, position, node_id)
    SELECT relation_id, position, node_id FROM relation_premises WHERE position > 0;

DROP TRIGGER claims_spans_delete; -- they delete from spans (0001)
DROP TRIGGER evidence_spans_delete;
DROP TABLE spans; -- with its index and triggers
DROP TABLE relation_premises;

-- a relation by its first premise (relation_premises_node was by any)
CREATE INDEX relations_premise ON relations (premise_id, id) WHERE premise_id IS NOT NULL;
-- the spans lying in a source (spans_source was that index)
CREATE INDEX claims_span_source ON claims (span_source_id) WHERE span_source_id IS NOT NULL;
CREATE INDEX evidence_span_source ON evidence (span_source_id) WHERE span_source_id IS NOT NULL;

CREATE VIEW spans (node_id, source_id, start, "end", quote) AS
    SELECT id, span_source_id, span_start, span_end, span_quote FROM claims WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT id, span_source_id, span_start, span_end, span_quote FROM evidence WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT node_id, source_id, start, "end", quote FROM extra_spans;

CREATE VIEW relation_premises (relation_id, position, node_id) AS
    SELECT id, CAST(0 AS INTEGER), premise_id FROM relations WHERE premise_id IS NOT NULL
    UNION ALL
    SELECT relation_id, position, node_id FROM extra_premises;

-- the triggers the two tables had (migrations 0001, 0009, 0011)
CREATE TRIGGER claims_spans_delete AFTER DELETE ON claims BEGIN
    DELETE FROM extra_spans WHERE node_id = old.id;
END;
CREATE TRIGGER evidence_spans_delete AFTER DELETE ON evidence BEGIN
    DELETE FROM extra_spans WHERE node_id = old.id;
END;
CREATE TRIGGER spans_content_update AFTER UPDATE ON extra_spans BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER spans_content_delete AFTER DELETE ON extra_spans BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relation_premises_version_update AFTER UPDATE ON extra_premises BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relation_premises_version_delete AFTER DELETE ON extra_premises BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
