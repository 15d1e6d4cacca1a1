package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sharedtest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// mixedCorpus returns the mixed real corpus of issue 15: the IOM documents,
// the demo corpus and the microtext texts of ../shared/data/microtexts2.
func mixedCorpus(tb testing.TB) []argmap.Document {
	tb.Helper()
	files := sharedtest.CorpusFiles(tb)
	demo, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	micro, _ := filepath.Glob(filepath.Join(sharedtest.Dir(tb), "data", "microtexts2", "*.txt"))
	if len(micro) == 0 {
		tb.Skip("no microtexts in shared/data/microtexts2; skipping")
	}
	var docs []argmap.Document
	for _, f := range append(append(files, demo...), micro...) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
	}
	return docs
}

// repeatedCorpus returns the IOM documents repeated to size bytes, each copy
// made unique by a line at its end (ARGMAP_BENCH_MB changes the size).
func repeatedCorpus(tb testing.TB, size int) []argmap.Document {
	tb.Helper()
	if mb, err := strconv.Atoi(os.Getenv("ARGMAP_BENCH_MB")); err == nil && mb > 0 {
		size = mb << 20
	}
	var one [][]byte
	for _, f := range sharedtest.CorpusFiles(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		one = append(one, data)
	}
	var docs []argmap.Document
	for n, total := 0, 0; total < size; n++ {
		data := append(append([]byte{}, one[n%len(one)]...), fmt.Sprintf("\n\nCopy %d of the corpus.\n", n)...)
		docs = append(docs, argmap.Document{Name: fmt.Sprintf("doc%d.txt", n), Data: data})
		total += len(data)
	}
	return docs
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time of the process per op since start (all
// goroutines: workers and writer), which a loaded machine changes less than
// the wall time.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime(b)-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

func corpusBytes(docs []argmap.Document) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d.Data))
	}
	return n
}

// BenchmarkIngestCorpus measures ingest end to end (extraction, linking, the
// SQLite write), in wall time and in the process's CPU time per op
// (cpu-ms/op, which a machine loaded by others changes less), against its
// reference in the same run, extraction alone with
// GOMAXPROCS workers: one document after another (Ingest) and several
// extracted at once with one writer (IngestAll), on the mixed real corpus and on the IOM corpus
// repeated to 10 MB. Each op ingests the whole corpus into a new store.
func BenchmarkIngestCorpus(b *testing.B) {
	for _, set := range []struct {
		name string
		docs func(testing.TB) []argmap.Document
	}{
		{"mixed", mixedCorpus},
		{"iom10MB", func(tb testing.TB) []argmap.Document { return repeatedCorpus(tb, 10<<20) }},
	} {
		docs := set.docs(b)
		b.Run(set.name+"/extract", func(b *testing.B) {
			ex := extract.New(extract.Options{})
			b.SetBytes(corpusBytes(docs))
			cpu := cpuTime(b)
			for i := 0; i < b.N; i++ {
				var wg sync.WaitGroup
				next := make(chan argmap.Document)
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for d := range next {
							if _, err := ex.Extract(context.Background(), d); err != nil {
								b.Error(err)
							}
						}
					}()
				}
				for _, d := range docs {
					next <- d
				}
				close(next)
				wg.Wait()
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run(set.name+"/ingest", func(b *testing.B) {
			b.SetBytes(corpusBytes(docs))
			var cpu time.Duration // of the timed parts only
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := openStore(b)
				svc := newService(st)
				b.StartTimer()
				start := cpuTime(b)
				for _, d := range docs {
					if _, err := svc.Ingest(context.Background(), d); err != nil {
						b.Fatalf("Ingest(%s): %v", d.Name, err)
					}
				}
				cpu += cpuTime(b) - start
			}
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
		b.Run(set.name+"/ingestall", func(b *testing.B) {
			b.SetBytes(corpusBytes(docs))
			var cpu time.Duration // of the timed parts only
			var linked extract.LinkCounts
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := openStore(b)
				// the write-ahead log of 'argmap ingest', emptied by Close
				if err := st.SetWALPages(context.Background(), sqlitestore.IngestWALPages); err != nil {
					b.Fatal(err)
				}
				linker := extract.NewLinker()
				svc := ingest.New(st, extract.New(extract.Options{}), linker)
				b.StartTimer()
				start := cpuTime(b)
				read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
				err := svc.IngestAll(context.Background(), len(docs), 0, read, func(o ingest.Outcome) {
					if o.Err != nil {
						b.Errorf("IngestAll(%s): %v", o.Name, o.Err)
					}
				})
				if err != nil {
					b.Fatal(err)
				}
				// as the command, the run ends with the store closed (its
				// last checkpoint)
				if err := st.Close(); err != nil {
					b.Fatal(err)
				}
				cpu += cpuTime(b) - start
				n := linker.Counts()
				linked.Claims += n.Claims
				linked.Compared += n.Compared
			}
			b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
			// linking's compares per new claim (extract.Linker.Counts)
			b.ReportMetric(float64(linked.Compared)/float64(max(linked.Claims, 1)), "compares/claim")
		})
	}
}
