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
	"testing"

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
// the script.
func BenchmarkServeSupporters(b *testing.B) {
	dir := os.Getenv("ARGMAP_CORPUS") // as in scripts/bench-api.sh
	if dir == "" {
		dir = sharedtest.CorpusDir(b)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	store := filepath.Join(b.TempDir(), "argmap.db")
	args := append([]string{"ingest", "--store", store}, names...)
	if code, _, errs := cli(b, nil, args...); code != 0 {
		b.Fatalf("ingest = %d: %s", code, errs)
	}
	e := &env{stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" }}
	st, err := openStore(context.Background(), e, store)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	cfg := httpapi.Config{Logger: slog.New(slog.NewJSONHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelInfo})), Tokens: []string{"bench"}}
	h := newAPI(st, cfg, render.New(render.Options{})).Handler()
	q := "IOM serves the interests of states"
	if v := os.Getenv("BENCH_QUERY"); v != "" {
		q = v
	}
	target := "/v1/supporters?q=" + url.QueryEscape(q)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
	if w.Code != http.StatusOK {
		b.Fatalf("GET %s = %d %s", target, w.Code, w.Body)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
			if w.Code != http.StatusOK {
				b.Errorf("GET %s = %d", target, w.Code)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}
