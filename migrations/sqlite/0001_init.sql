-- argmap schema, version 1. IDs and timestamps are minted in Go: IDs are
-- prefixed text, times are Unix milliseconds (UTC).

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
CREATE INDEX sources_kind ON sources (kind, id);

-- Claims keep an integer rowid so that the full-text index can refer to them.
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
);
CREATE INDEX claims_origin ON claims (origin, id);

CREATE VIRTUAL TABLE claims_fts USING fts5 (
    text, gist,
    content = 'claims', content_rowid = 'pk',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text, gist) VALUES (new.pk, new.text, new.gist);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, gist) VALUES ('delete', old.pk, old.text, old.gist);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, gist ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text, gist) VALUES ('delete', old.pk, old.text, old.gist);
    INSERT INTO claims_fts (rowid, text, gist) VALUES (new.pk, new.text, new.gist);
END;

CREATE TABLE evidence (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL,
    origin     TEXT NOT NULL CHECK (origin IN ('extracted', 'curated', 'linked')),
    score      REAL NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);

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

CREATE TABLE claim_actors (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('asserts', 'disputes', 'named')),
    PRIMARY KEY (claim_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX claim_actors_actor ON claim_actors (actor_id, claim_id);

-- Where sources state claims and evidence. node_id names a claim or evidence;
-- the store removes a node's spans when it removes the node.
CREATE TABLE spans (
    node_id   TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    quote     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (node_id, source_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX spans_source ON spans (source_id, node_id);

CREATE TRIGGER claims_spans_delete AFTER DELETE ON claims BEGIN
    DELETE FROM spans WHERE node_id = old.id;
END;
CREATE TRIGGER evidence_spans_delete AFTER DELETE ON evidence BEGIN
    DELETE FROM spans WHERE node_id = old.id;
END;

-- Relations are records of their own: to_id names a claim or a relation (an
-- undercut), so it cannot be a foreign key; the store checks it.
CREATE TABLE relations (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('supports', 'contests')),
    to_id          TEXT NOT NULL,
    span_source_id TEXT REFERENCES sources (id) ON DELETE SET NULL,
    span_start     INTEGER NOT NULL DEFAULT 0,
    span_end       INTEGER NOT NULL DEFAULT 0,
    span_quote     TEXT NOT NULL DEFAULT '',
    origin         TEXT NOT NULL CHECK (origin IN ('extracted', 'curated', 'linked')),
    score          REAL NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);
CREATE INDEX relations_to ON relations (to_id, id);
CREATE INDEX relations_span_source ON relations (span_source_id);

-- The premises of a relation, in the order given.
CREATE TABLE relation_premises (
    relation_id TEXT NOT NULL REFERENCES relations (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    node_id     TEXT NOT NULL,
    PRIMARY KEY (relation_id, position)
) WITHOUT ROWID;
CREATE INDEX relation_premises_node ON relation_premises (node_id, relation_id);

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
CREATE INDEX citations_source ON citations (source_id, id);
CREATE INDEX citations_cited ON citations (cited_id);
