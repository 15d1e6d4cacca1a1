-- Two indexes each written row cost the writer more than the reads they
-- served (BenchmarkIngestWriter, the IOM corpus repeated to 10 MiB: each
-- about 3 % of the writer's CPU time).
--
-- relations_span_source: no query reads relations by their span's source.
-- Its only reader was the foreign key's ON DELETE SET NULL when a source is
-- deleted (DeleteSource), which now reads the relations whole, once per
-- source deleted: a rare command, against an index write for every
-- relation stored.
--
-- claims_origin: claims are listed by origin (ClaimFilter.Origin) in ID
-- order. Nearly every claim is extracted, and listing those walks the claims
-- by ID as a list of all claims does; the index serves the others (curated,
-- linked), which are few, so it now holds only them. Claims lists a
-- filter on another origin with the index's own condition, so that the
-- planner can take it.

DROP INDEX relations_span_source;

DROP INDEX claims_origin;
CREATE INDEX claims_origin ON claims (origin, id) WHERE origin <> 'extracted';
