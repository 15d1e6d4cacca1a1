package neo4jstore_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/neo4jstore"
)

// server is a Neo4j server of the test's own, started with the launcher
// scripts/test-neo4j.sh names in ARGMAP_NEO4J_LAUNCHER, so that the test can
// stop and restart it on the same data.
type server struct {
	t        *testing.T
	launcher string
	home     string
	port     int
	password string
	cmd      *exec.Cmd
	stdin    io.WriteCloser
}

// newServer starts a server on a free loopback port with data in a
// temporary directory, or skips the test without a launcher.
func newServer(t *testing.T) *server {
	t.Helper()
	launcher := os.Getenv("ARGMAP_NEO4J_LAUNCHER")
	if launcher == "" {
		t.Skip("ARGMAP_NEO4J_LAUNCHER is not set: the fault tests start servers of their own (scripts/test-neo4j.sh sets it)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	s := &server{t: t, launcher: launcher, home: t.TempDir(), port: port, password: "fault-test-password"}
	t.Cleanup(func() { s.stop(syscall.SIGTERM) })
	s.start()
	return s
}

func (s *server) uri() string { return fmt.Sprintf("bolt://127.0.0.1:%d", s.port) }

// start runs the launcher on s.home and waits until it says it is ready.
func (s *server) start() {
	s.t.Helper()
	cmd := exec.Command("bash", s.launcher, "--home", s.home, "--port", fmt.Sprint(s.port),
		"--password", s.password, "--stop-on-eof")
	stdin, err := cmd.StdinPipe() // the server stops when this test process ends
	if err != nil {
		s.t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		s.t.Fatal(err)
	}
	var log strings.Builder
	cmd.Stderr = &log
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start %s: %v", s.launcher, err)
	}
	s.cmd, s.stdin = cmd, stdin
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "argmap-neo4j-server ready") {
				ready <- true
				io.Copy(io.Discard, out)
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			cmd.Wait()
			s.t.Fatalf("the Neo4j launcher exited before it was ready:\n%s", log.String())
		}
	case <-time.After(6 * time.Minute):
		s.stop(syscall.SIGKILL)
		s.t.Fatalf("the Neo4j launcher was not ready after 6 minutes:\n%s", log.String())
	}
}

// stop sends sig to the server and waits for it to exit.
func (s *server) stop(sig syscall.Signal) {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Signal(sig)
	s.cmd.Wait()
	s.stdin.Close()
	s.cmd = nil
}

// open opens the store on the server with the query timeout.
func (s *server) open(timeout time.Duration) *neo4jstore.Store {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: s.uri(), User: "neo4j", Password: s.password, QueryTimeout: timeout})
	if err != nil {
		s.t.Fatalf("Open(%s) = %v", s.uri(), err)
	}
	s.t.Cleanup(func() { st.Close() })
	return st
}

// killOnWrite is the store under ingest, which closes writing when a
// WriteGraph of the source with the content hash begins.
type killOnWrite struct {
	*neo4jstore.Store
	hash    string
	writing chan struct{}
}

func (k *killOnWrite) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	if len(g.Sources) > 0 && g.Sources[0].ContentHash == k.hash && k.writing != nil {
		close(k.writing)
		k.writing = nil
	}
	return k.Store.WriteGraph(ctx, g)
}

// TestServerKilledMidIngest kills the server (SIGKILL, no shutdown) while
// documents are ingested one after another, as a large one is being
// written: that ingest fails with EUNAVAILABLE; after a restart on the same
// data every document is either wholly stored or not at all, and ingesting
// them all again completes. Then the server is stopped and restarted while
// an ingest waits: the driver retries until it is back, and the ingest
// succeeds.
func TestServerKilledMidIngest(t *testing.T) {
	began := time.Now()
	phase := func(what string) { t.Logf("%6.1fs %s", time.Since(began).Seconds(), what) }
	srv := newServer(t)
	phase("server started")
	st := srv.open(time.Minute)
	ctx := context.Background()

	// The demo documents with a large one (all of them ten times over: a
	// write of many round trips) second. Claims are not linked across
	// documents here (no linker): that is many searches, and not what this
	// test is about.
	docs := demoDocuments(t)
	var big []byte
	for i := range 10 {
		for _, d := range docs {
			if d.MediaType != "text/html" {
				big = append(big, d.Data...)
				big = append(big, fmt.Sprintf("\n\nPart %d ends here.\n\n", i)...)
			}
		}
	}
	large := argmap.Document{Name: "large.md", URI: "large.md", MediaType: "text/markdown", Data: big}
	docs = append(docs[:1], append([]argmap.Document{large}, docs[1:]...)...)
	want := map[string]int{}
	ex := extract.New(extract.Options{})
	for _, d := range docs {
		g, err := ex.Extract(ctx, d)
		if err != nil {
			t.Fatalf("Extract(%s) = %v", d.Name, err)
		}
		want[argmap.ContentHash(d.Data)] = len(g.Claims)
	}
	t.Logf("%d documents; the large one has %d claims", len(docs), want[argmap.ContentHash(large.Data)])

	// Ingest in the background; kill the server as the large one is written.
	kw := &killOnWrite{Store: st, hash: argmap.ContentHash(large.Data), writing: make(chan struct{})}
	writing := kw.writing
	type result struct {
		i   int
		err error
	}
	results := make(chan result, len(docs))
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		defer close(results)
		svc := ingest.New(kw, ex, nil)
		for i, d := range docs {
			_, err := svc.Ingest(ctx, d)
			results <- result{i, err}
			if err != nil {
				break
			}
		}
	}()
	select {
	case <-writing:
		srv.stop(syscall.SIGKILL)
		phase("server killed")
	case <-finished:
		for r := range results {
			if r.err != nil {
				t.Fatalf("Ingest(%s) before the kill = %v", docs[r.i].Name, r.err)
			}
		}
		t.Fatal("the ingests ended before the large document was written")
	case <-time.After(15 * time.Minute):
		t.Fatal("the large document was not written within 15 minutes")
	}
	stored := map[int]bool{}
	var failure error
	for r := range results {
		if r.err != nil {
			failure = r.err
			if docs[r.i].Name != large.Name {
				t.Errorf("Ingest(%s) failed, want the ingest of %s to fail", docs[r.i].Name, large.Name)
			}
			break
		}
		stored[r.i] = true
	}
	if failure == nil {
		t.Fatal("every ingest succeeded although the server was killed")
	}
	if argmap.ErrorCode(failure) != argmap.EUNAVAILABLE {
		t.Errorf("Ingest during the outage = %v (code %q), want EUNAVAILABLE", failure, argmap.ErrorCode(failure))
	}
	t.Logf("ingest with the server killed: %s", argmap.ErrorMessage(failure))

	// Restart on the same data; the store's driver reconnects by itself.
	// From here on calls get minutes (a loaded machine needs them after a
	// recovery).
	srv.start()
	phase("server restarted")
	patient := srv.open(4 * time.Minute)
	st = patient
	complete := func(stage string) int {
		t.Helper()
		n := 0
		for i, d := range docs {
			hash := argmap.ContentHash(d.Data)
			src, err := st.SourceByHash(ctx, hash)
			if argmap.IsNotFound(err) {
				if stored[i] {
					t.Errorf("%s: %s was stored before the kill and is gone", stage, d.Name)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: SourceByHash(%s) = %v", stage, d.Name, err)
			}
			claims, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: src.ID, Page: argmap.Page{Limit: argmap.MaxLimit}})
			if err != nil {
				t.Fatalf("%s: Claims(source %s) = %v", stage, src.ID, err)
			}
			if len(claims) != want[hash] {
				t.Errorf("%s: %s is stored with %d claims, want %d (half written)", stage, d.Name, len(claims), want[hash])
			}
			n++
		}
		return n
	}
	if n := complete("after restart"); n < len(stored) {
		t.Errorf("after restart %d documents are stored, want at least the %d stored before the kill", n, len(stored))
	}
	svc := ingest.New(st, ex, nil)
	for _, d := range docs {
		if _, err := svc.Ingest(ctx, d); err != nil {
			t.Fatalf("Ingest(%s) after restart = %v", d.Name, err)
		}
	}
	if n := complete("after re-ingest"); n != len(docs) {
		t.Errorf("after re-ingest %d of %d documents are stored", n, len(docs))
	}
	phase("re-ingested")

	// An outage shorter than the query timeout: the driver retries.
	srv.stop(syscall.SIGTERM)
	late := docs[0]
	late.Data = append(append([]byte{}, late.Data...), "\nWritten while the server restarted.\n"...)
	done := make(chan error, 1)
	go func() {
		_, err := ingest.New(patient, ex, nil).Ingest(ctx, late)
		done <- err
	}()
	time.Sleep(time.Second)
	srv.start()
	select {
	case err := <-done:
		phase("ingest across a restart returned")
		if err != nil {
			t.Errorf("Ingest across a restart = %v, want the driver to retry until the server is back", err)
		}
	case <-time.After(5 * time.Minute):
		t.Fatal("Ingest across a restart did not return")
	}
	if _, err := st.SourceByHash(ctx, argmap.ContentHash(late.Data)); err != nil {
		t.Errorf("SourceByHash(document written across the restart) = %v", err)
	}
}
