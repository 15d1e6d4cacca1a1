-- The quote of a claim's or a piece of evidence's first span, kept in its
-- row (migration 0018), is NULL when it is the node's own text, as it is
-- for nearly every extracted node (the extractor takes a claim's text from
-- the sentence its span covers): the row then holds that text once instead
-- of twice. span_quote becomes a column that may be NULL (SQLite cannot
-- drop a NOT NULL constraint: a new column takes the quotes that differ
-- from the text, the old one is dropped and the new one takes its name);
-- NULL also for a node without a span in its row. Readers take
-- coalesce(span_quote, text), as the view spans does; for whoever reads the
-- file, the view keeps its columns and rows.

ALTER TABLE claims ADD COLUMN quote TEXT;
ALTER TABLE evidence ADD COLUMN quote TEXT;
UPDATE claims SET quote = span_quote WHERE span_source_id IS NOT NULL AND span_quote <> text;
UPDATE evidence SET quote = span_quote WHERE span_source_id IS NOT NULL AND span_quote <> text;

DROP VIEW spans; -- it names span_quote (0018)
ALTER TABLE claims DROP COLUMN span_quote;
ALTER TABLE evidence DROP COLUMN span_quote;
ALTER TABLE claims RENAME COLUMN quote TO span_quote;
ALTER TABLE evidence RENAME COLUMN quote TO span_quote;

CREATE VIEW spans (node_id, source_id, start, "end", quote) AS
    SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM claims WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM evidence WHERE span_source_id IS NOT NULL
    UNION ALL
    SELECT node_id, source_id, start, "end", quote FROM extra_spans;
