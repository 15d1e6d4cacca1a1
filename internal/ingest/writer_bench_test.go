package ingest_test

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// BenchmarkIngestWriter measures IngestAll's writer alone: the graphs its
// transactions wrote while ingesting a corpus (recorded once, outside the
// timing) are written again into a new store, transaction by transaction,
// and the store closed (its last checkpoint), as 'argmap ingest' does.
// Extraction and linking are left out, so a change to the SQLite writer
// shows in cpu-ms/op with less noise than in BenchmarkIngestCorpus.
// ARGMAP_BENCH_RECORDED=FILE keeps the recorded transactions of the
// iom10MB set in FILE (written when it does not exist, read when it does),
// so that several test binaries (scripts/writer-instructions.sh, under
// valgrind) write the same transactions without extracting the corpus.
func BenchmarkIngestWriter(b *testing.B) {
	for _, set := range []struct {
		name string
		docs func(testing.TB) []argmap.Document
	}{
		{"mixed", mixedCorpus},
		{"iom10MB", func(tb testing.TB) []argmap.Document { return repeatedCorpus(tb, 10<<20) }},
	} {
		b.Run(set.name, func(b *testing.B) {
			var recorded [][]byte
			if file := os.Getenv("ARGMAP_BENCH_RECORDED"); file != "" && set.name == "iom10MB" {
				recorded = recordedFile(b, file, set.docs)
			} else {
				recorded = recordTransactions(b, set.docs(b))
			}
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				txs := decodeTransactions(b, recorded)
				st := openStore(b)
				if err := st.SetWALPages(context.Background(), sqlitestore.IngestWALPages); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := cpuTime(b)
				writeTransactions(b, st, txs)
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime(b) - start
			}
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		})
	}
}

// recordedFile returns the transactions recorded in file, recording those
// of docs there first when it does not exist.
func recordedFile(tb testing.TB, file string, docs func(testing.TB) []argmap.Document) [][]byte {
	tb.Helper()
	var recorded [][]byte
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		recorded = recordTransactions(tb, docs(tb))
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(recorded); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
		return recorded
	}
	if err != nil {
		tb.Fatal(err)
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&recorded); err != nil {
		tb.Fatalf("reading the transactions recorded in %s: %v", file, err)
	}
	return recorded
}

// recorder keeps the graphs written through a store, by transaction, gob
// encoded (the writer changes the graphs it writes).
type recorder struct {
	txs [][]byte
	cur []argmap.Graph
}

func (r *recorder) keep(tb testing.TB, gs []argmap.Graph) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(gs); err != nil {
		tb.Fatal(err)
	}
	r.txs = append(r.txs, buf.Bytes())
}

// recordingStore is a store whose writes IngestAll makes are recorded;
// recordingTx is the store of one of its transactions.
type recordingStore struct {
	*sqlitestore.Store
	tb  testing.TB
	rec *recorder
}

type recordingTx struct {
	*sqlitestore.Store
	rec *recorder
}

func (r recordingTx) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	r.rec.cur = append(r.rec.cur, copyGraph(g))
	return r.Store.WriteGraph(ctx, g)
}

func (r recordingStore) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	c := copyGraph(g)
	err := r.Store.WriteGraph(ctx, g)
	if err == nil {
		r.rec.keep(r.tb, []argmap.Graph{c})
	}
	return err
}

func (r recordingStore) Atomically(ctx context.Context, fn func(tx argmap.Store) error) error {
	err := r.Store.Atomically(ctx, func(tx argmap.Store) error {
		r.rec.cur = nil // fn may be called again
		return fn(recordingTx{tx.(*sqlitestore.Store), r.rec})
	})
	if err == nil && len(r.rec.cur) > 0 {
		r.rec.keep(r.tb, r.rec.cur)
	}
	r.rec.cur = nil
	return err
}

// copyGraph returns a deep copy of g.
func copyGraph(g *argmap.Graph) argmap.Graph {
	var buf bytes.Buffer
	var out argmap.Graph
	if err := gob.NewEncoder(&buf).Encode(g); err != nil {
		panic(err)
	}
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		panic(err)
	}
	return out
}

// recordTransactions ingests docs with IngestAll into a new store and
// returns the graphs of each transaction it wrote (gob encoded).
func recordTransactions(tb testing.TB, docs []argmap.Document) [][]byte {
	tb.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(tb.TempDir(), "recorded.db"))
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	rec := &recorder{}
	svc := ingest.New(recordingStore{st, tb, rec}, extract.New(extract.Options{}), extract.NewLinker())
	read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
	err = svc.IngestAll(context.Background(), len(docs), 0, read, func(o ingest.Outcome) {
		if o.Err != nil {
			tb.Errorf("IngestAll(%s): %v", o.Name, o.Err)
		}
	})
	if err != nil {
		tb.Fatal(err)
	}
	return rec.txs
}

func decodeTransactions(tb testing.TB, recorded [][]byte) [][]argmap.Graph {
	tb.Helper()
	txs := make([][]argmap.Graph, len(recorded))
	for i, data := range recorded {
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&txs[i]); err != nil {
			tb.Fatal(err)
		}
	}
	return txs
}

// writeTransactions writes each transaction's graphs into st as IngestAll
// wrote them: a single graph by WriteGraph, several in one Atomically.
func writeTransactions(tb testing.TB, st *sqlitestore.Store, txs [][]argmap.Graph) {
	tb.Helper()
	ctx := context.Background()
	for _, gs := range txs {
		if len(gs) == 1 {
			if err := st.WriteGraph(ctx, &gs[0]); err != nil {
				tb.Fatal(err)
			}
			continue
		}
		err := st.Atomically(ctx, func(tx argmap.Store) error {
			for i := range gs {
				if err := tx.WriteGraph(ctx, &gs[i]); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}
