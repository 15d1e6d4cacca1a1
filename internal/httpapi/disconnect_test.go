package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
)

// workerEnv makes this test binary a render worker (TestMain), so that the
// API can be tested with real worker processes.
const workerEnv = "ARGMAP_RENDER_TEST_WORKER"

func TestMain(m *testing.M) {
	if os.Getenv(workerEnv) == "1" {
		if err := render.ServeWorker(os.Stdin, os.Stdout, gvwasm.Layout); err != nil {
			fmt.Fprintln(os.Stderr, "render worker:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestMapClientDisconnect checks that a client that disconnects while its map
// is drawn does not kill the render worker: the map asked again is answered
// by the same worker (started once, counted through a shell that starts
// it), from the finished render.
func TestMapClientDisconnect(t *testing.T) {
	st := openStore(t)
	now := argmap.Now()
	g := &argmap.Graph{}
	for i := range 400 {
		g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_d%03d", i), Text: fmt.Sprintf("Claim number %d of a long debate about rescue at sea.", i), Origin: argmap.OriginCurated, Score: 0.5, CreatedAt: now})
		if i > 0 {
			g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_d%03d", i), Kind: argmap.Supports, From: []string{fmt.Sprintf("clm_d%03d", i)}, To: fmt.Sprintf("clm_d%03d", (i-1)/3), Origin: argmap.OriginCurated, Score: 0.5, CreatedAt: now})
		}
	}
	if err := st.WriteGraph(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	starts := filepath.Join(t.TempDir(), "starts")
	r := render.New(render.Options{
		Worker:     []string{"/bin/sh", "-c", `echo started >> "$0"; exec "$@"`, starts, os.Args[0], "-test.run=^$"},
		Env:        []string{workerEnv + "=1"},
		Workers:    1,
		Timeout:    2 * time.Minute,
		CacheBytes: -1, // the second request is drawn again, by the same worker
	})
	t.Cleanup(func() { r.Close() })
	api := httpapi.New(httpapi.Config{Tokens: []string{writeToken}}, httpapi.Deps{Store: st, Renderer: r})
	srv := httptest.NewServer(api.Handler())
	t.Cleanup(srv.Close)
	countStarts := func() int {
		b, _ := os.ReadFile(starts)
		return strings.Count(string(b), "started")
	}
	get := func(ctx context.Context, path string) (int, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return 0, err
		}
		res.Body.Close()
		return res.StatusCode, nil
	}
	// Start the worker with a small map.
	if code, err := get(context.Background(), "/v1/claims/clm_d100/map.svg?depth=1"); err != nil || code != http.StatusOK {
		t.Fatalf("small map = %d, %v", code, err)
	}
	// A large map, abandoned by its client after 100 ms.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := get(ctx, "/v1/map.svg?limit=400"); err == nil {
		t.Skip("the map was drawn within 100 ms: nothing was abandoned")
	}
	for _, path := range []string{"/v1/map.svg?limit=400", "/v1/claims/clm_d001/map.png?depth=1"} {
		if code, err := get(context.Background(), path); err != nil || code != http.StatusOK {
			t.Fatalf("GET %s after a client left = %d, %v", path, code, err)
		}
	}
	if n := countStarts(); n != 1 {
		t.Errorf("the render worker was started %d times, want once: a client that left killed it", n)
	}
}
