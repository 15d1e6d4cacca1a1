package ingest_test

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// BenchmarkIngestBigDocument ingests one document of 5 MB (ARGMAP_BENCH_MB
// sets another size) made of the IOM corpus repeated, each copy under a
// section heading, into an empty store.
func BenchmarkIngestBigDocument(b *testing.B) {
	size := 5 << 20
	if mb, err := strconv.Atoi(os.Getenv("ARGMAP_BENCH_MB")); err == nil && mb > 0 {
		size = mb << 20
	}
	var one []byte
	for _, d := range repeatedCorpus(b, 1<<16) { // the IOM corpus once
		one = append(append(one, d.Data...), "\n\n"...)
	}
	var data []byte
	for i := 0; len(data) < size; i++ {
		data = append(append(data, fmt.Sprintf("\n\nSection %d\n\n", i)...), one...)
	}
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		svc := newService(st)
		doc := argmap.Document{Name: "big.txt", Data: append([]byte(fmt.Sprintf("run %d\n", i)), data...)}
		b.StartTimer()
		if _, err := svc.Ingest(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
