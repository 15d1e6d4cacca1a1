package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/metrics"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags("ingest")
	store := storeFlag(fs, e)
	progress := fs.String("progress", "auto", "auto (a bar on a terminal, else one line per document), bar, or lines")
	workers := fs.Int("workers", 0, "documents extracted at once (0: one per CPU)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one file or directory")
	}
	bar := false
	switch *progress {
	case "auto":
		bar = isTerminal(e.stderr)
	case "bar":
		bar = true
	case "lines":
	default:
		return usagef("--progress is auto, bar or lines, not %q", *progress)
	}
	if *workers < 0 {
		return usagef("--workers must be 0 or more")
	}
	// the extraction pipeline builds its tables while the store opens (a
	// new store applies its migrations): two starts of 15-20 ms each, at once
	pipeline := make(chan *extract.Pipeline, 1)
	go func() { pipeline <- newPipeline() }()
	st, err := openStore(ctx, e, *store)
	p := <-pipeline
	defer p.Close() // stops the PDF workers now rather than when they see argmap gone
	if err != nil {
		return err
	}
	defer st.Close()
	if s, ok := st.(*sqlitestore.Store); ok {
		// a run of many transactions: a longer write-ahead log, emptied
		// when the store closes
		if err := s.SetWALPages(ctx, sqlitestore.IngestWALPages); err != nil {
			return err
		}
	}
	if os.Getenv("GOGC") == "" {
		// a run that allocates much and keeps little: the collector runs
		// half as often (a tenth of the run's CPU at the default 100), for
		// a fifth more memory, and not before the heap reaches
		// ingestGCFloor; GOGC set by the user is left alone
		defer debug.SetGCPercent(debug.SetGCPercent(gcPercent(0, ingestGCPercent, ingestGCFloor)))
		defer keepGCFloor(ingestGCPercent, ingestGCFloor)()
	}
	_, err = ingestAll(ctx, e, ingest.New(st, p, extract.NewLinker()), expandInputs(pos), ingestOptions{bar: bar, workers: *workers})
	return err
}

// ingestNotes is what 'argmap help ingest' says besides the usage.
const ingestNotes = `Documents are extracted on every CPU (--workers) while one writer links and stores them,
each document whole or not at all. During the run the Go collector waits for a 128 MiB heap,
then runs at GOGC=200 (less CPU than the runtime's default of 100, for about a fifth more
memory: ~50 MB on a 10 MB corpus), unless GOGC is set in the environment (GOGC=100 gives
the runtime's default back).`

// ingestGCPercent is the collector's GOGC during 'argmap ingest' once the
// live heap is past a third of ingestGCFloor.
const ingestGCPercent = 200

// ingestGCFloor is the heap 'argmap ingest' lets grow before the collector
// runs (keepGCFloor), as 'argmap extract' waits for extractMemoryLimit: a
// small corpus is ingested with few collections or none (from the
// collector's usual start at 4 MiB, the mixed corpus of 150 short texts
// made it run while the tables of extraction were still being read in); a
// large one collects when its heap reaches the floor or ingestGCPercent
// more than its live heap, whichever is later (the IOM corpus repeated to
// 10 MiB, whose live heap is often small after a collection, collected
// less often for the same peak memory).
const ingestGCFloor = 128 << 20

// gcFloorEvery is how often keepGCFloor looks at the live heap.
const gcFloorEvery = 20 * time.Millisecond

// keepGCFloor sets the collector's GOGC to gcPercent of the live heap now,
// and again every gcFloorEvery as the heap grows, until the returned stop
// is called (it waits for the goroutine to end).
func keepGCFloor(percent int, floor uint64) (stop func()) {
	done := make(chan struct{})
	ended := make(chan struct{})
	go func() {
		defer close(ended)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		last := -1
		t := time.NewTicker(gcFloorEvery)
		defer t.Stop()
		for {
			metrics.Read(sample)
			var live uint64
			if sample[0].Value.Kind() == metrics.KindUint64 {
				live = sample[0].Value.Uint64()
			}
			if p := gcPercent(live, percent, floor); p != last {
				debug.SetGCPercent(p)
				last = p
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() {
		close(done)
		<-ended
	}
}

// gcPercent is the GOGC that puts the collector's next run at floor bytes
// of heap, given live bytes live after the last one, or percent when that
// run is later. Before the first run (live 0) the collector's goal is
// GOGC/100 times its minimum heap, 4 MiB.
func gcPercent(live uint64, percent int, floor uint64) int {
	if live == 0 {
		return max(percent, int(floor*100/(4<<20)))
	}
	if live >= floor {
		return percent
	}
	return max(percent, int((floor-live)*100/live))
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// newIngester wires the extraction pipeline and linker to a store.
func newIngester(st argmap.Store) *ingest.Service {
	return ingest.New(st, newPipeline(), extract.NewLinker())
}

// newPipeline returns the extraction pipeline of the commands, which reads
// PDFs in argmap's PDF workers; its Close stops them.
func newPipeline() *extract.Pipeline {
	return extract.New(extract.Options{MaxBytes: maxDocumentBytes, CacheDir: pdfCacheDir(), PDFWorker: pdfWorker()})
}

// ingestTotals sums what an ingest run did.
type ingestTotals struct {
	created, unchanged, failed int
	warned                     int // warnings given about stored documents
	counts                     argmap.Counts
	bytes                      int64 // of the documents read
}

// ingestOptions say how ingestAll reports and how many documents it
// extracts at once.
type ingestOptions struct {
	bar     bool // a progress bar (documents/s, ETA) instead of a line per document
	workers int  // 0: one per CPU
}

// ingestAll ingests every input, several extracted at once and stored one
// after another, each all or nothing. It reports on stderr one line per
// document, or, with a progress bar, only the documents that failed or
// gave warnings, and a summary at the end. A document that fails is reported
// and the rest are still ingested; the returned error says how many failed.
func ingestAll(ctx context.Context, e *env, svc *ingest.Service, inputs []input, o ingestOptions) (ingestTotals, error) {
	var t ingestTotals
	width := 0
	for _, in := range inputs {
		width = max(width, len(in.path))
	}
	width = min(width, 60)
	var pb *progressbar.ProgressBar
	if o.bar {
		pb = progressbar.NewOptions(len(inputs),
			progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("ingesting"),
			progressbar.OptionSetWidth(30),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("docs"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionUseANSICodes(true))
		_ = pb.RenderBlank()
	}
	// say prints a line, above the bar when there is one
	say := func(format string, args ...any) {
		if pb != nil {
			_ = pb.Clear()
		}
		fmt.Fprintf(e.stderr, format, args...)
	}
	start := time.Now()
	read := func(_ context.Context, i int) (argmap.Document, error) {
		if inputs[i].err != nil {
			return argmap.Document{}, inputs[i].err
		}
		return readDocument(inputs[i].path)
	}
	reported := 0
	err := svc.IngestAll(ctx, len(inputs), o.workers, read, func(out ingest.Outcome) {
		reported++
		path, res := inputs[out.Index].path, out.Result
		t.bytes += int64(out.Bytes)
		switch {
		case out.Err != nil:
			t.failed++
			say("%-*s  error: %s\n", width, path, argmap.ErrorMessage(out.Err))
		case !res.Created:
			t.unchanged++
			if pb == nil {
				say("%-*s  unchanged (already stored as %s)\n", width, path, res.Source.ID)
			}
		default:
			t.created++
			c := res.Counts
			t.counts.Sources++
			t.counts.Claims += c.Claims
			t.counts.Evidence += c.Evidence
			t.counts.Actors += c.Actors
			t.counts.Relations += c.Relations
			t.counts.Citations += c.Citations
			if pb == nil {
				say("%-*s  ok  %3d claims %3d evidence %3d actors %3d relations %3d citations  %s\n",
					width, path, c.Claims, c.Evidence, c.Actors, c.Relations, c.Citations, res.Source.ID)
			}
			for _, w := range res.Warnings {
				t.warned++
				say("%-*s  warning: %s\n", width, path, w)
			}
		}
		if pb != nil {
			_ = pb.Add(1)
		}
	})
	if pb != nil {
		_ = pb.Exit()
	}
	if err != nil {
		rest := len(inputs) - reported
		fmt.Fprintf(e.stderr, "interrupted: %d documents not ingested\n", rest)
		t.failed += rest
	}
	warned := ""
	if t.warned > 0 {
		warned = fmt.Sprintf(" (%d warnings)", t.warned)
	}
	took := time.Since(start)
	fmt.Fprintf(e.stderr, "ingested %d new, %d unchanged, %d failed%s: %d claims, %d evidence, %d actor mentions, %d relations, %d citations; %.1f MB in %v (%.2f MB/s, %.1f docs/s)\n",
		t.created, t.unchanged, t.failed, warned, t.counts.Claims, t.counts.Evidence, t.counts.Actors, t.counts.Relations, t.counts.Citations,
		float64(t.bytes)/1e6, took.Round(time.Millisecond), float64(t.bytes)/1e6/took.Seconds(), float64(reported)/took.Seconds())
	if t.failed > 0 {
		return t, &reportedError{msg: fmt.Sprintf("%d of %d documents failed", t.failed, len(inputs))}
	}
	return t, nil
}
