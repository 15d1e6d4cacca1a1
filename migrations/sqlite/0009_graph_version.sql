-- A counter of changes to relations and their premises, read in the same
-- transaction as a walk: the store keeps the graph's edges in memory for
-- walks (sqlitestore adjacency) and uses them only while this counter still
-- has the value they were read at, whichever connection or process wrote.
-- Rolled back writes roll back their increments.
CREATE TABLE graph_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO graph_version (id, n) VALUES (1, 0);

CREATE TRIGGER relations_version_insert AFTER INSERT ON relations BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relations_version_update AFTER UPDATE ON relations BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relations_version_delete AFTER DELETE ON relations BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relation_premises_version_insert AFTER INSERT ON relation_premises BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relation_premises_version_update AFTER UPDATE ON relation_premises BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER relation_premises_version_delete AFTER DELETE ON relation_premises BEGIN
    UPDATE graph_version SET n = n + 1 WHERE id = 1;
END;
