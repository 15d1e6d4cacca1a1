-- The actors a piece of evidence names or that state it, as claim_actors
-- holds a claim's: deleting a source removes the actors that neither a claim
-- nor evidence refers to any more.
CREATE TABLE evidence_actors (
    evidence_id TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    actor_id    TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role        TEXT NOT NULL CHECK (role IN ('asserts', 'disputes', 'named')),
    PRIMARY KEY (evidence_id, actor_id, role)
) WITHOUT ROWID;
CREATE INDEX evidence_actors_actor ON evidence_actors (actor_id, evidence_id);
