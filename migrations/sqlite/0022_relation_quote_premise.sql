-- A relation's span quote is NULL in its row when the span is the first
-- span of its first premise (a claim or a piece of evidence), whose row
-- holds that quote (or its text, migration 0021): an extracted relation's
-- span is the sentence of its premise, so the row held that sentence a
-- third time. span_quote becomes a column that may be NULL, as 0021 made
-- the claims' and evidence's; NULL also for a relation without a span.
-- Readers take the premise's quote (sqlitestore relationCols). A node's
-- first span stays as long as the node, and deleting its source clears
-- the relation's span too (ON DELETE SET NULL).

ALTER TABLE relations ADD COLUMN quote TEXT;
UPDATE relations SET quote = span_quote WHERE span_source_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = relations.premise_id AND c.span_source_id = relations.span_source_id
        AND c.span_start = relations.span_start AND c.span_end = relations.span_end AND coalesce(c.span_quote, c.text) = relations.span_quote)
    AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.id = relations.premise_id AND e.span_source_id = relations.span_source_id
        AND e.span_start = relations.span_start AND e.span_end = relations.span_end AND coalesce(e.span_quote, e.text) = relations.span_quote);
ALTER TABLE relations DROP COLUMN span_quote;
ALTER TABLE relations RENAME COLUMN quote TO span_quote;
