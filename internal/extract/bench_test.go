package extract_test

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sync/atomic"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

// BenchmarkExtract extracts the IOM corpus repeated to about 20 MB, one
// document at a time per worker, GOMAXPROCS workers (run with -cpu 1,2).
// Beside MB/s of wall time it reports cpu-MB/s, the bytes extracted per
// second of the process's CPU time: on a machine other processes share, the
// wall time grows with their load and the CPU time much less.
func BenchmarkExtract(b *testing.B) {
	var docs [][]byte
	for _, f := range sharedtest.CorpusFiles(b) {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	// copies differ by a header line so no two documents are identical
	var corpus [][]byte
	total := 0
	for i := 0; total < 20<<20; i++ {
		d := append([]byte(fmt.Sprintf("Copy %d\n\n", i)), docs[i%len(docs)]...)
		corpus = append(corpus, d)
		total += len(d)
	}
	p := extract.New(extract.Options{})
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu := cpuTime(b)
	for i := 0; i < b.N; i++ {
		var next atomic.Int64
		done := make(chan error)
		workers := runtime.GOMAXPROCS(0) // set by -cpu
		for w := 0; w < workers; w++ {
			go func() {
				for {
					k := int(next.Add(1)) - 1
					if k >= len(corpus) {
						done <- nil
						return
					}
					if _, err := p.Extract(context.Background(), argmap.Document{Name: "d.txt", Data: corpus[k]}); err != nil {
						done <- err
						return
					}
				}
			}()
		}
		for w := 0; w < workers; w++ {
			if err := <-done; err != nil {
				b.Fatal(err)
			}
		}
	}
	if used := cpuTime(b) - cpu; used > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}
