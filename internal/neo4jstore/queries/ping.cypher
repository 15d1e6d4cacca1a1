// Answers one row without reading any record: the database is there.
// params: none
RETURN 1 AS ok
