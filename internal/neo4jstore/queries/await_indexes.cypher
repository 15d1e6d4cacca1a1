// Waits until every index is online, so that a freshly created full-text
// index answers queries. Run after migrations that created indexes.
// params: $seconds
CALL db.awaitIndexes($seconds)
