package main

import (
	"context"
	"fmt"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags("ingest")
	store := storeFlag(fs, e)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one file or directory")
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = ingestAll(ctx, e, newIngester(st), expandInputs(pos))
	return err
}

// newIngester wires the extraction pipeline and linker to a store.
func newIngester(st argmap.Store) *ingest.Service {
	return ingest.New(st, extract.New(extract.Options{MaxBytes: maxDocumentBytes, CacheDir: pdfCacheDir()}), extract.NewLinker())
}

// ingestTotals sums what an ingest run did.
type ingestTotals struct {
	created, unchanged, failed int
	warned                     int // warnings given about stored documents
	counts                     argmap.Counts
}

// ingestAll ingests every input, printing one progress line per document on
// stderr and a summary at the end. A document that fails is reported and the
// rest are still ingested; the returned error says how many failed.
func ingestAll(ctx context.Context, e *env, svc argmap.Ingester, inputs []input) (ingestTotals, error) {
	var t ingestTotals
	width := 0
	for _, in := range inputs {
		width = max(width, len(in.path))
	}
	width = min(width, 60)
	for _, in := range inputs {
		if ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "interrupted: %d documents not ingested\n", len(inputs)-t.created-t.unchanged-t.failed)
			t.failed += len(inputs) - t.created - t.unchanged - t.failed
			break
		}
		start := time.Now()
		res, err := ingestOne(ctx, svc, in)
		took := time.Since(start).Round(time.Millisecond)
		switch {
		case err != nil:
			t.failed++
			fmt.Fprintf(e.stderr, "%-*s  error: %s\n", width, in.path, argmap.ErrorMessage(err))
		case !res.Created:
			t.unchanged++
			fmt.Fprintf(e.stderr, "%-*s  unchanged (already stored as %s)\n", width, in.path, res.Source.ID)
		default:
			t.created++
			c := res.Counts
			t.counts.Sources++
			t.counts.Claims += c.Claims
			t.counts.Evidence += c.Evidence
			t.counts.Actors += c.Actors
			t.counts.Relations += c.Relations
			t.counts.Citations += c.Citations
			fmt.Fprintf(e.stderr, "%-*s  ok  %3d claims %3d evidence %3d actors %3d relations %3d citations  %s  (%v)\n",
				width, in.path, c.Claims, c.Evidence, c.Actors, c.Relations, c.Citations, res.Source.ID, took)
			for _, w := range res.Warnings {
				t.warned++
				fmt.Fprintf(e.stderr, "%-*s  warning: %s\n", width, in.path, w)
			}
		}
	}
	warned := ""
	if t.warned > 0 {
		warned = fmt.Sprintf(" (%d warnings)", t.warned)
	}
	fmt.Fprintf(e.stderr, "ingested %d new, %d unchanged, %d failed%s: %d claims, %d evidence, %d actor mentions, %d relations, %d citations\n",
		t.created, t.unchanged, t.failed, warned, t.counts.Claims, t.counts.Evidence, t.counts.Actors, t.counts.Relations, t.counts.Citations)
	if t.failed > 0 {
		return t, &reportedError{msg: fmt.Sprintf("%d of %d documents failed", t.failed, len(inputs))}
	}
	return t, nil
}

func ingestOne(ctx context.Context, svc argmap.Ingester, in input) (*argmap.IngestResult, error) {
	if in.err != nil {
		return nil, in.err
	}
	doc, err := readDocument(in.path)
	if err != nil {
		return nil, err
	}
	return svc.Ingest(ctx, doc)
}
