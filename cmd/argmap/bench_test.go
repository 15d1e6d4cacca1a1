package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/sharedtest"
)

// BenchmarkServeSupporters answers GET /v1/supporters in process, through the
// handler argmap serve runs (newAPI: query expansion, the stance judge, the
// middleware, a JSON log written nowhere), from GOMAXPROCS goroutines, on a
// store of the IOM corpus ingested as scripts/bench-api.sh ingests it: the
// in-process reference for the requests/s that script gets over HTTP with
// wrk. BENCH_QUERY and ARGMAP_CORPUS change the question and the corpus, as in
// the script. ARGMAP_BENCH_DB names a store to ask instead (not written to:
// scripts/bench-answers.sh passes a copy of the generated 100k store), and
// BENCH_QUERIES a file of questions, one "id<TAB>q" or "text<TAB>q" a line
// (scripts/benchanswers/latency.py), asked in turn; BENCH_EXTRA is appended
// to every URL ("&full=true").
func BenchmarkServeSupporters(b *testing.B) {
	store := os.Getenv("ARGMAP_BENCH_DB")
	if store == "" {
		dir := os.Getenv("ARGMAP_CORPUS") // as in scripts/bench-api.sh
		if dir == "" {
			dir = sharedtest.CorpusDir(b)
		}
		names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		store = filepath.Join(b.TempDir(), "argmap.db")
		args := append([]string{"ingest", "--store", store}, names...)
		if code, _, errs := cli(b, nil, args...); code != 0 {
			b.Fatalf("ingest = %d: %s", code, errs)
		}
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	st, err := openStore(context.Background(), e, store)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cfg := httpapi.Config{Logger: slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo})), Tokens: []string{"bench"}}
	h := newAPI(st, cfg, render.New(render.Options{})).Handler()
	qs := []string{"IOM serves the interests of states"}
	if v := os.Getenv("BENCH_QUERY"); v != "" {
		qs = []string{v}
	}
	if f := os.Getenv("BENCH_QUERIES"); f != "" {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		qs = nil
		for _, line := range strings.Split(string(data), "\n") {
			if _, q, ok := strings.Cut(line, "\t"); ok {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			b.Fatalf("no questions in %s", f)
		}
	}
	targets := make([]string, len(qs))
	for i, q := range qs {
		targets[i] = "/v1/supporters?q=" + url.QueryEscape(q) + os.Getenv("BENCH_EXTRA")
		// each once before timing: the store's copies are read, and a
		// question that fails stops the benchmark here
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, targets[i], nil))
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s = %d %s", targets[i], w.Code, w.Body)
		}
	}
	var next atomic.Int64
	cpu0 := processCPU()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			target := targets[int(next.Add(1)-1)%len(targets)]
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
			if w.Code != http.StatusOK {
				b.Errorf("GET %s = %d", target, w.Code)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	// CPU per answer: what throughput is on a machine the answers have to
	// themselves, however loaded this one is while it measures
	b.ReportMetric(float64(processCPU()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu_ms/op")
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
