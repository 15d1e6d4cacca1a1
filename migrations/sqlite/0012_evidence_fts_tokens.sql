-- Every token of the evidence's full-text index with its row, column and
-- position, read into memory with the claims' (migration 0011) to rank
-- evidence without FTS5's bm25().
CREATE VIRTUAL TABLE evidence_fts_tokens USING fts5vocab(evidence_fts, instance);
