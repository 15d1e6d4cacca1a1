-- The claims under a link key can be found without reading every claim's
-- keys (migration 0023 lists them in memory, read whole at a process's
-- first link: a cost that grows with the store, paid by a command that
-- ingests one document into it). claim_keys_fts indexes each claim's keys
-- by its pk, one token a key: the key's UTF-8 bytes in hexadecimal, so that
-- no two keys fold into one token (a tokeniser folds case and splits at
-- spaces and punctuation). It is contentless (the keys are
-- in claims.keys) and keeps no positions (detail=none): a key is found or
-- not, and its claims come newest first (ORDER BY rowid DESC). Rows are
-- deleted by pk (contentless_delete), so a delete needs no old values.
-- The store adds a claim's row where it adds its full-text row (sqlitestore
-- graphWriter.index, from the keys it wrote, in hexadecimal made in Go;
-- bulk loads, in SQL); the triggers follow deletes and new keys.

CREATE VIRTUAL TABLE claim_keys_fts USING fts5 (
    keys,
    content = '', contentless_delete = 1, detail = none,
    tokenize = 'ascii'
);
INSERT INTO claim_keys_fts (rowid, keys)
    SELECT pk, h FROM (SELECT pk, (SELECT group_concat(hex(value), ' ') FROM json_each(claims.keys)) AS h
        FROM claims WHERE keys <> '[]') WHERE h <> '';

CREATE TRIGGER claims_keys_fts_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_keys_fts WHERE rowid = old.pk;
END;
CREATE TRIGGER claims_keys_fts_update AFTER UPDATE OF keys ON claims BEGIN
    DELETE FROM claim_keys_fts WHERE rowid = old.pk;
    INSERT INTO claim_keys_fts (rowid, keys)
        SELECT new.pk, h FROM (SELECT group_concat(hex(value), ' ') AS h FROM json_each(new.keys)) WHERE h <> '';
END;
