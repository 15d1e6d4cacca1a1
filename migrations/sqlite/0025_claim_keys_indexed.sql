-- claim_keys_fts (0024) cost about ten microseconds of the writer's time a
-- claim, a few per cent of ingesting a corpus, whose process reads the
-- key lists whole and never searches them. So the writer no longer indexes
-- each claim: the index holds the claims up to keys_indexed's pk top (the
-- claims stored after, the tail, have no row). A process that searches the
-- index reads the tail's keys from the claims (their keys columns, as a
-- whole read does for every claim), and its next write transaction indexes
-- the tail and its own new claims and moves top to the highest pk: the
-- claims of a corpus are indexed once, by the first process that searches
-- after it, and each document ingested alone after that is indexed as it
-- is written. A claim of the tail whose keys change has no row to change.

CREATE TABLE keys_indexed (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    top INTEGER NOT NULL
);
INSERT INTO keys_indexed (id, top) SELECT 1, coalesce(max(pk), 0) FROM claims;

DROP TRIGGER claims_keys_fts_update;
CREATE TRIGGER claims_keys_fts_update AFTER UPDATE OF keys ON claims
    WHEN old.pk <= (SELECT top FROM keys_indexed WHERE id = 1) BEGIN
    DELETE FROM claim_keys_fts WHERE rowid = old.pk;
    INSERT INTO claim_keys_fts (rowid, keys)
        SELECT new.pk, h FROM (SELECT group_concat(hex(value), ' ') AS h FROM json_each(new.keys)) WHERE h <> '';
END;

-- A new claim takes the pk above the highest one stored, which is the pk of
-- a deleted claim when the highest claims were deleted: top never stays
-- above the highest pk, so that every claim above it is of the tail.
CREATE TRIGGER claims_keys_indexed_delete AFTER DELETE ON claims
    WHEN old.pk >= (SELECT top FROM keys_indexed WHERE id = 1) BEGIN
    UPDATE keys_indexed SET top = (SELECT coalesce(max(pk), 0) FROM claims)
        WHERE id = 1 AND top > (SELECT coalesce(max(pk), 0) FROM claims);
END;
