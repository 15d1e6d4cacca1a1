-- The audit trail: one row per change made through the API, who made it
-- (the token's name), when (unix milliseconds), what (action on a record of a
-- kind) and the record before and after as JSON. audit_refs lists the other
-- records a change touches (a relation's ends, an actor merged away) so a
-- record's history can be listed. Entries outlive their records: no foreign
-- keys to the graph.
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
CREATE INDEX audit_at ON audit (at DESC, id DESC);
CREATE INDEX audit_target ON audit (target_id);
CREATE TABLE audit_refs (
	audit_id TEXT NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
	node_id  TEXT NOT NULL,
	position INTEGER NOT NULL,
	PRIMARY KEY (audit_id, node_id)
) WITHOUT ROWID;
CREATE INDEX audit_refs_node ON audit_refs (node_id);
