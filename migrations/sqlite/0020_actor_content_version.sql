-- The content copy (sqlitestore contentCopy, migration 0011) also keeps every
-- claim's whole record, its actor references among it, so that answers read
-- no SQL while it holds the store as it is. Actor references are inserted
-- only with a claim written (writeGraph, which bumps content_version once
-- per graph) or when an actor is merged into another, and removed with
-- their claim or their actor (ON DELETE CASCADE). A merge and a delete both
-- end with the removal of an actor, so one trigger there tells the copy
-- that references changed, whichever connection or process wrote. Nothing
-- is added to the path of an ingest: it deletes no actor.
CREATE TRIGGER actors_content_delete AFTER DELETE ON actors BEGIN
    UPDATE content_version SET n = n + 1 WHERE id = 1;
END;
