package httpapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
	"github.com/argmap/argmap/internal/sharedtest"
)

// benchServer ingests the IOM corpus and returns the API's handler.
func benchServer(b *testing.B) http.Handler {
	b.Helper()
	dir := sharedtest.CorpusDir(b)
	st := openStore(b)
	ing := pipeline(st)
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ing.Ingest(context.Background(), argmap.Document{Name: filepath.Base(n), URI: n, Data: data}); err != nil {
			b.Fatalf("ingest %s: %v", n, err)
		}
	}
	r := render.New(render.Options{Engine: gvwasm.Layout})
	b.Cleanup(func() { r.Close() })
	return httpapi.New(httpapi.Config{}, httpapi.Deps{Store: st, Ingester: ing, Renderer: r}).Handler()
}

// BenchmarkSupporters measures GET /v1/supporters in process (no network).
func BenchmarkSupporters(b *testing.B) {
	h := benchServer(b)
	target := "/v1/supporters?q=" + url.QueryEscape("IOM serves the interests of states")
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s = %d %s", target, w.Code, w.Body)
		}
	}
}

// BenchmarkSupportersParallel is BenchmarkSupporters from GOMAXPROCS
// goroutines at once: the in-process figure that wrk's requests/s over HTTP
// (scripts/bench-api.sh, 16 connections) compares with.
func BenchmarkSupportersParallel(b *testing.B) {
	h := benchServer(b)
	target := "/v1/supporters?q=" + url.QueryEscape("IOM serves the interests of states")
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			w := httptest.NewRecorder()
			h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, target, nil))
			if w.Code != http.StatusOK {
				b.Errorf("GET %s = %d %s", target, w.Code, w.Body)
				return
			}
		}
	})
}
