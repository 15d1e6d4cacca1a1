-- The schema that the migrations up to and including 0026_write_indexes.sql
-- leave in a new database, as one script: a new store runs it instead of
-- them (sqlitestore applySchema). Generated, do not edit: go test
-- ./internal/sqlitestore -run TestSchemaScript -update writes it again.

CREATE TABLE sources (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL,
    authors      TEXT NOT NULL DEFAULT '[]', -- JSON array, in the order given
    date         TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT '',
    uri          TEXT NOT NULL DEFAULT '',
    venue        TEXT NOT NULL DEFAULT '',
    doi          TEXT NOT NULL DEFAULT '',
    content_hash TEXT UNIQUE,                -- NULL when unknown
    text         TEXT NOT NULL DEFAULT '',
    created_at   INTEGER NOT NULL
);

CREATE TABLE claims (
    pk         INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    text       TEXT NOT NULL,
    gist       TEXT NOT NULL DEFAULT '',
    origin     TEXT NOT NULL CHECK (origin IN ('extracted', 'curated', 'linked')),
    score      REAL NOT NULL DEFAULT 0,
    main       INTEGER NOT NULL DEFAULT 0,
    cues       TEXT NOT NULL DEFAULT '[]', -- JSON array
    created_at INTEGER NOT NULL
, title TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'argument')), assumed INTEGER NOT NULL DEFAULT 0, issue TEXT NOT NULL DEFAULT '', standard TEXT NOT NULL DEFAULT '', proposition TEXT NOT NULL DEFAULT '', section TEXT NOT NULL DEFAULT '[]', keys TEXT NOT NULL DEFAULT '[]', referent TEXT NOT NULL DEFAULT '', span_source_id TEXT, span_start INTEGER NOT NULL DEFAULT 0, span_end INTEGER NOT NULL DEFAULT 0, actor_id TEXT, actor_role TEXT NOT NULL DEFAULT '', span_quote TEXT);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, gist,
    content = 'claims', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE evidence (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL,
    origin     TEXT NOT NULL CHECK (origin IN ('extracted', 'curated', 'linked')),
    score      REAL NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
, referent TEXT NOT NULL DEFAULT '', span_source_id TEXT, span_start INTEGER NOT NULL DEFAULT 0, span_end INTEGER NOT NULL DEFAULT 0, actor_id TEXT, actor_role TEXT NOT NULL DEFAULT '', span_quote TEXT);

CREATE TABLE actors (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;

CREATE TABLE "extra_claim_actors" (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('asserts', 'disputes', 'named')),
    PRIMARY KEY (claim_id, actor_id, role)
) WITHOUT ROWID;

CREATE TABLE relations (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('supports', 'contests')),
    to_id          TEXT NOT NULL,
    span_source_id TEXT REFERENCES sources (id) ON DELETE SET NULL,
    span_start     INTEGER NOT NULL DEFAULT 0,
    span_end       INTEGER NOT NULL DEFAULT 0,
    origin         TEXT NOT NULL CHECK (origin IN ('extracted', 'curated', 'linked')),
    score          REAL NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
, title TEXT NOT NULL DEFAULT '', scheme TEXT NOT NULL DEFAULT '', premise_id TEXT, span_quote TEXT);

CREATE TABLE citations (
    id        TEXT PRIMARY KEY,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    author    TEXT NOT NULL,
    year      TEXT NOT NULL,
    text      TEXT NOT NULL DEFAULT '',
    start     INTEGER NOT NULL DEFAULT 0,
    "end"     INTEGER NOT NULL DEFAULT 0,
    cited_id  TEXT REFERENCES sources (id) ON DELETE SET NULL
);

CREATE VIRTUAL TABLE evidence_fts USING fts5 (
    text,
    content = 'evidence', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE audit (
	id        TEXT PRIMARY KEY,
	at        INTEGER NOT NULL,
	who       TEXT NOT NULL,
	action    TEXT NOT NULL,
	kind      TEXT NOT NULL,
	target_id TEXT NOT NULL,
	before    TEXT NOT NULL DEFAULT '',
	after     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE audit_refs (
	audit_id TEXT NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
	node_id  TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (audit_id, node_id)
) WITHOUT ROWID;

CREATE TABLE graph_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);

CREATE TABLE content_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);

CREATE VIRTUAL TABLE claims_fts_tokens USING fts5vocab(claims_fts, instance);

CREATE VIRTUAL TABLE evidence_fts_tokens USING fts5vocab(evidence_fts, instance);

CREATE TABLE "extra_evidence_actors" (
    evidence_id TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('asserts', 'disputes', 'named')),
    PRIMARY KEY (evidence_id, actor_id, role)
) WITHOUT ROWID;

CREATE TABLE extra_spans (
    node_id   TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    quote     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (node_id, source_id, start, "end")
) WITHOUT ROWID;

CREATE TABLE extra_premises (
    relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL CHECK (position > 0),
    node_id     TEXT NOT NULL,
    PRIMARY KEY (relation_id, position)
) WITHOUT ROWID;

CREATE TABLE keys_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);

CREATE VIRTUAL TABLE claim_keys_fts USING fts5 (
    keys,
    content = '', contentless_delete = 1, detail = none,
    tokenize = 'ascii'
);

CREATE TABLE keys_indexed (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    top INTEGER NOT NULL
);

CREATE INDEX sources_kind ON sources (kind, id);

CREATE INDEX claim_actors_actor ON "extra_claim_actors" (actor_id, claim_id);

CREATE INDEX relations_to ON relations (to_id, id);

CREATE INDEX citations_source ON citations (source_id, id);

CREATE INDEX citations_cited ON citations (cited_id);

CREATE INDEX claims_proposition ON claims (proposition) WHERE proposition <> '';

CREATE INDEX audit_at ON audit (at DESC, id DESC);

CREATE INDEX audit_target ON audit (target_id);

CREATE INDEX audit_refs_node ON audit_refs (node_id);

CREATE INDEX evidence_actors_actor ON "extra_evidence_actors" (actor_id, evidence_id);

CREATE INDEX extra_spans_source ON extra_spans (source_id, node_id);

CREATE INDEX extra_premises_node ON extra_premises (node_id, relation_id);

CREATE INDEX relations_premise ON relations (premise_id, id) WHERE premise_id IS NOT NULL;

CREATE INDEX claims_span_source ON claims (span_source_id) WHERE span_source_id IS NOT NULL;

CREATE INDEX evidence_span_source ON evidence (span_source_id) WHERE span_source_id IS NOT NULL;

CREATE INDEX claims_actor ON claims (actor_id) WHERE actor_id IS NOT NULL;

CREATE INDEX evidence_actor ON evidence (actor_id) WHERE actor_id IS NOT NULL;

CREATE INDEX claims_origin ON claims (origin, id) WHERE origin <> 'extracted';

CREATE VIEW relation_premises (relation_id, position, node_id) AS
    SELECT id, CAST(0 AS INTEGER), premise_id FROM relations WHERE premise_id IS NOT NULL
    UNION ALL
    SELECT relation_id, position, node_id FROM extra_premises;

CREATE VIEW claim_actors (claim_id, actor_id, role) AS
    SELECT id, actor_id, actor_role FROM claims WHERE actor_id IS NOT NULL
    UNION ALL
    SELECT claim_id, actor_id, role FROM extra_claim_actors;

CREATE VIEW evidence_actors (evidence_id, actor_id, role) AS
    SELECT id, actor_id, actor_role FROM evidence WHERE actor_id IS NOT NULL
    UNION ALL
    SELECT evidence_id, actor_id, role FROM extra_evidence_actors;

CREATE VIEW spans (node_id, source_id, start, "end", quote) AS
    SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM claims WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM evidence WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT node_id, source_id, start, "end", quote FROM extra_spans;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, gist) VALUES ('delete', old.pk, old.text, old.gist);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, gist ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, gist) VALUES ('delete', old.pk, old.text, old.gist);
    INSERT INTO claims_fts (rowid, text, gist) VALUES (new.pk, new.text, new.gist);
END;

CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;

CREATE TRIGGER evidence_fts_update AFTER UPDATE OF text ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
    INSERT INTO evidence_fts (rowid, text) VALUES (new.rowid, new.text);
END;

CREATE TRIGGER relations_version_update AFTER UPDATE ON relations BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER relations_version_delete AFTER DELETE ON relations BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;

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

CREATE TRIGGER sources_content_update AFTER UPDATE ON sources BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER sources_content_delete AFTER DELETE ON sources BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;

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

CREATE TRIGGER actors_inline_delete AFTER DELETE ON actors BEGIN
    UPDATE claims SET actor_id = NULL, actor_role = '' WHERE actor_id = old.id;
    UPDATE evidence SET actor_id = NULL, actor_role = '' WHERE actor_id = old.id;
END;

CREATE TRIGGER actors_content_delete AFTER DELETE ON actors BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER claims_keys_delete AFTER DELETE ON claims BEGIN
    UPDATE keys_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER claims_keys_update AFTER UPDATE OF keys ON claims BEGIN
    UPDATE keys_version SET n = n + 1 WHERE id = 1;
END;

CREATE TRIGGER claims_keys_fts_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_keys_fts WHERE rowid = old.pk;
END;

CREATE TRIGGER claims_keys_fts_update AFTER UPDATE OF keys ON claims
    WHEN old.pk <= (SELECT top FROM keys_indexed WHERE id = 1) BEGIN
    DELETE FROM claim_keys_fts WHERE rowid = old.pk;
    INSERT INTO claim_keys_fts (rowid, keys)
        SELECT new.pk, h FROM (SELECT group_concat(hex(value), ' ') AS h FROM json_each(new.keys)) WHERE h <> '';
END;

CREATE TRIGGER claims_keys_indexed_delete AFTER DELETE ON claims
    WHEN old.pk >= (SELECT top FROM keys_indexed WHERE id = 1) BEGIN
    UPDATE keys_indexed SET top = (SELECT coalesce(max(pk), 0) FROM claims)
        WHERE id = 1 AND top > (SELECT coalesce(max(pk), 0) FROM claims);
END;

INSERT INTO graph_version VALUES (1, 0);

INSERT INTO content_version VALUES (1, 0);

INSERT INTO keys_version VALUES (1, 0);

INSERT INTO keys_indexed VALUES (1, 0);
