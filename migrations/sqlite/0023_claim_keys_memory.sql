-- The claims under each link key are found in memory (sqlitestore
-- keyIndex), read from the claims' keys column (migration 0015), instead of
-- in claim_keys, a row a key of every claim: about ten B-tree inserts for
-- each claim ingested (a sixth of the writer's time) and an eighth of the
-- store's size, for lists that are read a few keys at a time. A store
-- keeps its copy of the lists as they were at the count in keys_version
-- and at the highest claim pk it read: claims are only ever stored with a
-- pk above every other (INTEGER PRIMARY KEY, and bulk loads number theirs
-- after the highest), so while the count stands the claims above that pk
-- are all that changed, and a copy catches up by reading their keys. The
-- count goes up whenever a claim is deleted or its keys are set, so that
-- every copy, in any process, reads the lists again.

CREATE TABLE keys_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO keys_version (id, n) VALUES (1, 0);

DROP TRIGGER claim_keys_delete;
DROP TABLE claim_keys;

CREATE TRIGGER claims_keys_delete AFTER DELETE ON claims BEGIN
    UPDATE keys_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER claims_keys_update AFTER UPDATE OF keys ON claims BEGIN
    UPDATE keys_version SET n = n + 1 WHERE id = 1;
END;
