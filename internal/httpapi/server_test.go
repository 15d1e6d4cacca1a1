package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
)

// slow is a store whose Stats waits for release, reporting when it starts
// and whether its context was cancelled meanwhile.
type slow struct {
	argmap.Store
	entered   chan struct{}
	release   chan struct{}
	cancelled chan bool
}

func (s *slow) Stats(ctx context.Context) (argmap.Counts, error) {
	s.entered <- struct{}{}
	<-s.release
	s.cancelled <- ctx.Err() != nil
	return s.Store.Stats(ctx)
}

// serve runs Server.Serve on a loopback listener and returns its address and
// the channel Serve's result arrives on.
func serve(t *testing.T, ctx context.Context, cfg httpapi.Config, st argmap.Store) (string, <-chan error) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := httpapi.New(cfg, httpapi.Deps{Store: st})
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, l) }()
	return "http://" + l.Addr().String(), done
}

func TestServeFinishesInFlightRequests(t *testing.T) {
	st := &slow{Store: openStore(t), entered: make(chan struct{}, 1), release: make(chan struct{}), cancelled: make(chan bool, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, done := serve(t, ctx, httpapi.Config{ShutdownTimeout: 10 * time.Second}, st)

	type result struct {
		status int
		body   string
		err    error
	}
	got := make(chan result, 1)
	go func() {
		res, err := http.Get(base + "/v1/stats")
		if err != nil {
			got <- result{err: err}
			return
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		got <- result{status: res.StatusCode, body: string(b), err: err}
	}()
	select {
	case <-st.entered:
	case <-time.After(10 * time.Second):
		t.Fatal("the slow request never reached the store")
	}
	cancel()
	// Serve must not return while the request is in flight.
	select {
	case err := <-done:
		t.Fatalf("Serve returned %v with a request in flight", err)
	case <-time.After(200 * time.Millisecond):
	}
	// New connections are refused once shutdown has begun.
	c := &http.Client{Timeout: 2 * time.Second}
	if res, err := c.Get(base + "/healthz"); err == nil {
		res.Body.Close()
		t.Errorf("GET /healthz during shutdown = %d, want the connection refused", res.StatusCode)
	}
	close(st.release)
	r := <-got
	if r.err != nil || r.status != http.StatusOK {
		t.Fatalf("in-flight GET /v1/stats = %d %q %v, want 200", r.status, r.body, r.err)
	}
	if <-st.cancelled {
		t.Errorf("the in-flight request's context was cancelled by shutdown")
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve = %v, want nil after a clean shutdown", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after the last request finished")
	}
}

func TestServeShutdownIsBounded(t *testing.T) {
	st := &slow{Store: openStore(t), entered: make(chan struct{}, 1), release: make(chan struct{}), cancelled: make(chan bool, 1)}
	defer close(st.release)
	ctx, cancel := context.WithCancel(context.Background())
	base, done := serve(t, ctx, httpapi.Config{ShutdownTimeout: 150 * time.Millisecond}, st)
	go func() {
		if res, err := http.Get(base + "/v1/stats"); err == nil {
			res.Body.Close()
		}
	}()
	<-st.entered
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
			t.Errorf("Serve = %v, want an unavailable error after the shutdown timeout", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("Serve took %s to give up, want about 150ms", d)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not give up waiting for a stuck request")
	}
}

// stuck is a store whose Stats waits for its context to end.
type stuck struct{ argmap.Store }

func (stuck) Stats(ctx context.Context) (argmap.Counts, error) {
	<-ctx.Done()
	return argmap.Counts{}, fmt.Errorf("stats: %w", ctx.Err())
}

// TestHealthzWhileStoreBusy: /healthz pings the store and answers while
// reads that count or list records are stuck (it counted every table, so a
// burst of map requests holding the read pool made it wait).
func TestHealthzWhileStoreBusy(t *testing.T) {
	e := newEnv(t, httpapi.Config{RequestTimeout: 5 * time.Second}, stuck{openStore(t)}, nil)
	if r := e.get("/healthz"); r.Status != http.StatusOK {
		t.Fatalf("GET /healthz while the store's reads are stuck = %d %s, want 200", r.Status, r.Body)
	}
}

func TestRequestTimeout(t *testing.T) {
	e := newEnv(t, httpapi.Config{RequestTimeout: 100 * time.Millisecond}, stuck{openStore(t)}, nil)
	start := time.Now()
	r := e.get("/v1/stats")
	if r.Status != http.StatusServiceUnavailable {
		t.Fatalf("GET /v1/stats over a stuck store = %d %s, want 503", r.Status, r.Body)
	}
	if got := r.Err(t); got.Code != argmap.EUNAVAILABLE || !strings.Contains(got.Message, "timed out") {
		t.Errorf("GET /v1/stats over a stuck store = %+v, want unavailable, timed out", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the request took %s, want about 100ms", d)
	}
}

// slowIngester takes its time over a document, as extraction does over a
// big one, and reports whether its context ended first.
type slowIngester struct{ took time.Duration }

func (s slowIngester) Ingest(ctx context.Context, doc argmap.Document) (*argmap.IngestResult, error) {
	select {
	case <-time.After(s.took):
		return &argmap.IngestResult{Source: argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: doc.Name, Kind: argmap.SourceDocument}, Created: true}, nil
	case <-ctx.Done():
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "ingest cancelled", Err: ctx.Err()}
	}
}

// TestIngestDeadlineGrowsWithTheDocument checks that a big document inside
// the size limits gets time for its size (a 50 MB document got 503 after the
// 100 s every request gets) while a small one keeps the request timeout.
func TestIngestDeadlineGrowsWithTheDocument(t *testing.T) {
	e := newEnv(t, httpapi.Config{RequestTimeout: 200 * time.Millisecond}, openStore(t), slowIngester{took: time.Second})
	big := bytes.Repeat([]byte("The IOM runs return programmes. "), (2<<20)/32)
	if r := e.upload("big.txt", big); r.Status != http.StatusCreated {
		t.Errorf("POST /v1/sources (2 MiB, ingest 1 s, request timeout 200 ms) = %d %s, want 201", r.Status, trunc(r.Body))
	}
	if r := e.upload("small.txt", []byte("The IOM runs return programmes.")); r.Status != http.StatusServiceUnavailable {
		t.Errorf("POST /v1/sources (small, ingest 1 s, request timeout 200 ms) = %d %s, want 503", r.Status, trunc(r.Body))
	}
}

// stubbornIngester ignores its context, as a long extraction stage does, and
// finishes only when released.
type stubbornIngester struct{ release chan struct{} }

func (s stubbornIngester) Ingest(ctx context.Context, doc argmap.Document) (*argmap.IngestResult, error) {
	<-s.release
	return &argmap.IngestResult{Source: argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: doc.Name, Kind: argmap.SourceDocument}, Created: true}, nil
}

// TestIngestAnswersAtItsDeadline checks that an ingest past its deadline is
// answered 503 with Retry-After at the deadline, even while the work has not
// noticed (a 20 MB upload got an empty reply after 14 minutes).
func TestIngestAnswersAtItsDeadline(t *testing.T) {
	ing := stubbornIngester{release: make(chan struct{})}
	defer close(ing.release)
	e := newEnv(t, httpapi.Config{RequestTimeout: 100 * time.Millisecond}, openStore(t), ing)
	r := e.upload("slow.txt", []byte("The IOM runs return programmes."))
	if r.Status != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
		t.Errorf("POST /v1/sources past its deadline = %d (Retry-After %q) %s, want 503 with Retry-After", r.Status, r.Header.Get("Retry-After"), trunc(r.Body))
	}
}
