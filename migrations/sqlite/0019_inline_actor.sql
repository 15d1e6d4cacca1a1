-- A claim's or a piece of evidence's first actor reference (in (actor, role)
-- order) is kept in its row, as its first span is (migration 0018);
-- extra_claim_actors and extra_evidence_actors, the tables claim_actors and
-- evidence_actors renamed, hold the rest. An ingested claim has 1.8 actor
-- references on average, each a row, two index entries and two foreign-key
-- look-ups: with the first in the row, about half of those rows are not
-- written. claim_actors and evidence_actors become views of both parts, with
-- the columns and rows the tables had, for whoever reads the file; the store
-- reads and writes the parts (sqlitestore). Deleting an actor clears the
-- references in the rows by a trigger (the tables' references keep their
-- ON DELETE CASCADE); merging actors moves them (sqlitestore MergeActor).

ALTER TABLE claims ADD COLUMN actor_id TEXT;
ALTER TABLE claims ADD COLUMN actor_role TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN actor_id TEXT;
ALTER TABLE evidence ADD COLUMN actor_role TEXT NOT NULL DEFAULT '';

UPDATE claims SET (actor_id, actor_role) =
    (SELECT a.actor_id, a.role FROM claim_actors a WHERE a.claim_id = claims.id ORDER BY a.actor_id, a.role LIMIT 1)
    WHERE id IN (SELECT claim_id FROM claim_actors);
UPDATE evidence SET (actor_id, actor_role) =
    (SELECT a.actor_id, a.role FROM evidence_actors a WHERE a.evidence_id = evidence.id ORDER BY a.actor_id, a.role LIMIT 1)
    WHERE id IN (SELECT evidence_id FROM evidence_actors);
DELETE FROM claim_actors WHERE EXISTS (SELECT 1 FROM claims c WHERE c.id = claim_actors.claim_id
    AND c.actor_id = claim_actors.actor_id AND c.actor_role = claim_actors.role);
DELETE FROM evidence_actors WHERE EXISTS (SELECT 1 FROM evidence e WHERE e.id = evidence_actors.evidence_id
    AND e.actor_id = evidence_actors.actor_id AND e.actor_role = evidence_actors.role);

ALTER TABLE claim_actors RENAME TO extra_claim_actors;
ALTER TABLE evidence_actors RENAME TO extra_evidence_actors;

-- the references to an actor (claim_actors_actor and evidence_actors_actor
-- stay on the renamed tables)
CREATE INDEX claims_actor ON claims (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX evidence_actor ON evidence (actor_id) WHERE actor_id IS NOT NULL;

CREATE TRIGGER actors_inline_delete AFTER DELETE ON actors BEGIN
    UPDATE claims SET actor_id = NULL, actor_role = '' WHERE actor_id = old.id;
    UPDATE evidence SET actor_id = NULL, actor_role = '' WHERE actor_id = old.id;
END;

CREATE VIEW claim_actors (claim_id, actor_id, role) AS
    SELECT id, actor_id, actor_role FROM claims WHERE actor_id IS NOT NULL
    UNION ALL
    SELECT claim_id, actor_id, role FROM extra_claim_actors;
CREATE VIEW evidence_actors (evidence_id, actor_id, role) AS
    SELECT id, actor_id, actor_role FROM evidence WHERE actor_id IS NOT NULL
    UNION ALL
    SELECT evidence_id, actor_id, role FROM extra_evidence_actors;
