package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// demoDocs returns the demo corpus documents, sorted by name.
func demoDocs(t *testing.T) []argmap.Document {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no demo corpus: %v", err)
	}
	sort.Strings(files)
	var docs []argmap.Document
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
	}
	return docs
}

// linkage is what linking made of a store: each claim's proposition and
// every relation between claims, by ID.
func linkage(t *testing.T, st argmap.Store) (map[string]string, []string) {
	t.Helper()
	g, err := st.(interface {
		Dump(context.Context) (*argmap.Graph, error)
	}).Dump(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]string{}
	for _, c := range g.Claims {
		props[c.ID] = c.Proposition
	}
	var rels []string
	for _, r := range g.Relations {
		rels = append(rels, r.ID)
	}
	return props, rels
}

// TestIngestAll: documents extracted in parallel and written by one writer
// end as they do one after another (same claims, propositions, relations);
// outcomes come in order, a bad document and a repeated one among them.
func TestIngestAll(t *testing.T) {
	ctx := context.Background()
	docs := demoDocs(t)
	docs = append(docs, argmap.Document{Name: "bad.txt", Data: []byte("IOM is \xff criticised.")}, docs[0])
	readErr := errors.New("cannot read this one")
	read := func(_ context.Context, i int) (argmap.Document, error) {
		if i == 2 {
			return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "%v", readErr)
		}
		return docs[i], nil
	}

	one := openStore(t)
	svc := newService(one)
	for i, d := range docs {
		if i == 2 {
			continue
		}
		if _, err := svc.Ingest(ctx, d); err != nil && d.Name != "bad.txt" {
			t.Fatalf("Ingest(%s): %v", d.Name, err)
		}
	}

	all := openStore(t)
	var got []ingest.Outcome
	if err := newService(all).IngestAll(ctx, len(docs), 3, read, func(o ingest.Outcome) { got = append(got, o) }); err != nil {
		t.Fatalf("IngestAll: %v", err)
	}
	if len(got) != len(docs) {
		t.Fatalf("IngestAll reported %d documents, want %d", len(got), len(docs))
	}
	for i, o := range got {
		if o.Index != i {
			t.Errorf("outcome %d has index %d: not in order", i, o.Index)
		}
		switch {
		case i == 2 || docs[i].Name == "bad.txt":
			if o.Err == nil {
				t.Errorf("outcome %d (%s): no error, want one", i, o.Name)
			}
		case i == len(docs)-1:
			if o.Err != nil || o.Result.Created {
				t.Errorf("outcome of the repeated document = %+v, %v; want unchanged", o.Result, o.Err)
			}
		default:
			if o.Err != nil || !o.Result.Created || o.Name != docs[i].Name || o.Bytes != len(docs[i].Data) {
				t.Errorf("outcome %d = %+v; want %s created", i, o, docs[i].Name)
			}
		}
	}
	wantProps, wantRels := linkage(t, one)
	gotProps, gotRels := linkage(t, all)
	if diff := cmp.Diff(wantProps, gotProps); diff != "" {
		t.Errorf("propositions, IngestAll vs one by one (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRels, gotRels); diff != "" {
		t.Errorf("relations, IngestAll vs one by one (-want +got):\n%s", diff)
	}
}

// TestIngestAllInterrupted: once the context ends IngestAll stops and says
// why; every document it reported is stored, and none it did not report.
func TestIngestAllInterrupted(t *testing.T) {
	var docs []argmap.Document
	for i := 0; i < 80; i++ { // more than a batch
		d := demoDocs(t)[i%8]
		d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %d.\n", i)...)
		docs = append(docs, d)
	}
	st := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reported := map[int]bool{}
	read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
	svc := newService(st)
	svc.SetBatchLimits(16, 50*time.Millisecond) // several transactions
	err := svc.IngestAll(ctx, len(docs), 2, read, func(o ingest.Outcome) {
		reported[o.Index] = true
		if len(reported) == 2 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("IngestAll after cancel = %v, want context.Canceled", err)
	}
	if len(reported) >= len(docs) {
		t.Errorf("all %d documents reported after the cancel", len(reported))
	}
	for i, d := range docs {
		_, err := st.SourceByHash(context.Background(), argmap.ContentHash(d.Data))
		if stored := err == nil; stored != reported[i] {
			t.Errorf("document %d stored = %v, reported = %v", i, stored, reported[i])
		}
	}
}

// batchStore counts the graphs written in each transaction and can fail
// the write of one document inside a transaction of several.
type batchStore struct {
	*sqlitestore.Store
	perTx   []int
	failFor string // a source title
	before  func() // called before each transaction
}

func (b *batchStore) Atomically(ctx context.Context, fn func(tx argmap.Store) error) error {
	b.perTx = append(b.perTx, 0)
	if b.before != nil {
		b.before()
	}
	return b.Store.Atomically(ctx, func(tx argmap.Store) error {
		return fn(&batchTx{Store: tx, b: b})
	})
}

type batchTx struct {
	argmap.Store
	b *batchStore
}

func (t *batchTx) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	t.b.perTx[len(t.b.perTx)-1]++
	if t.b.failFor != "" && g.Sources[0].Title == t.b.failFor {
		return argmap.Errorf(argmap.ECONFLICT, "made to fail")
	}
	return t.Store.WriteGraph(ctx, g)
}

func (t *batchTx) ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]argmap.Claim, error) {
	return t.Store.(argmap.KeyedClaims).ClaimsByKeys(ctx, keys, perKey)
}

// TestCommitTogether: documents committed in one transaction are stored and
// linked as one after another; when one of them fails inside it, the
// transaction is rolled back, those before it are committed together, it on
// its own, and those after it together.
func TestCommitTogether(t *testing.T) {
	ctx := context.Background()
	docs := demoDocs(t)
	one := openStore(t)
	for _, d := range docs {
		if _, err := newService(one).Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	wantProps, wantRels := linkage(t, one)
	for _, fail := range []bool{false, true} {
		bs := &batchStore{Store: openStore(t)}
		svc := ingest.New(bs, extract.New(extract.Options{}), extract.NewLinker())
		if fail {
			res, _ := newService(openStore(t)).Ingest(ctx, docs[3])
			bs.failFor = res.Source.Title
		}
		results, errs := svc.CommitTogether(ctx, docs)
		for i := range docs {
			if errs[i] != nil || !results[i].Created {
				t.Errorf("fail=%v: document %d: %+v, %v; want created", fail, i, results[i], errs[i])
			}
		}
		// all in one transaction; with the failure, it stopped at the
		// fourth, the three before it were written together again, the
		// fourth on its own (not counted: no transaction of several) and
		// the rest together
		want := []int{len(docs)}
		if fail {
			want = []int{4, 3, len(docs) - 4}
		}
		if diff := cmp.Diff(want, bs.perTx); diff != "" {
			t.Errorf("fail=%v: graphs written per transaction (-want +got):\n%s", fail, diff)
		}
		gotProps, gotRels := linkage(t, bs.Store)
		if diff := cmp.Diff(wantProps, gotProps); diff != "" {
			t.Errorf("fail=%v: propositions, together vs one by one (-want +got):\n%s", fail, diff)
		}
		if diff := cmp.Diff(wantRels, gotRels); diff != "" {
			t.Errorf("fail=%v: relations, together vs one by one (-want +got):\n%s", fail, diff)
		}
	}
}

// TestIngestAllLinksAhead: on a real corpus with restatements across
// documents (the mixed corpus, then copies of the IOM documents), IngestAll
// links the documents ahead of its writer, which takes those links, and the
// store ends as with one document after another; also with a copy started
// again every few documents and a writer that would wait an hour for a
// batch to grow (it stops when linking ahead waits for it).
func TestIngestAllLinksAhead(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the mixed corpus twice")
	}
	ctx := context.Background()
	docs := append(mixedCorpus(t), repeatedCorpus(t, 1<<20)[:30]...)
	one := openStore(t)
	svc := newService(one)
	for _, d := range docs {
		if _, err := svc.Ingest(ctx, d); err != nil {
			t.Fatalf("Ingest(%s): %v", d.Name, err)
		}
	}
	wantProps, wantRels := linkage(t, one)
	read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
	for _, small := range []bool{false, true} {
		all := openStore(t)
		svc = newService(all)
		rctx := ctx
		if small { // the copy is started again every few documents
			svc.SetAheadLimits(300, 2000)
			// and the writer would wait an hour for a batch to grow:
			// it stops waiting when linking ahead waits for it
			svc.SetBatchLimits(512, time.Hour)
			var cancel context.CancelFunc
			rctx, cancel = context.WithTimeout(ctx, 2*time.Minute)
			defer cancel()
		}
		if err := svc.IngestAll(rctx, len(docs), 2, read, func(o ingest.Outcome) {
			if o.Err != nil {
				t.Errorf("%s: %v", o.Name, o.Err)
			}
		}); err != nil {
			t.Fatalf("IngestAll: %v", err)
		}
		if took := svc.TookAhead(); took < len(docs)*9/10 {
			t.Errorf("small copy %v: %d of %d documents written with the links found ahead, want nearly all", small, took, len(docs))
		}
		gotProps, gotRels := linkage(t, all)
		if diff := cmp.Diff(wantProps, gotProps); diff != "" {
			t.Errorf("small copy %v: propositions, IngestAll vs one by one (-want +got):\n%s", small, diff)
		}
		if diff := cmp.Diff(wantRels, gotRels); diff != "" {
			t.Errorf("small copy %v: relations, IngestAll vs one by one (-want +got):\n%s", small, diff)
		}
	}
}

// TestIngestAllAheadSeesOtherWriters: a document written by someone else
// between linking a document ahead and writing it (here: a copy of it,
// whose claims it restates) is seen: the writer links it again, and the
// store ends as if that document had come just before it. The same when
// another writer writes before every transaction (linking ahead then
// pauses).
func TestIngestAllAheadSeesOtherWriters(t *testing.T) {
	ctx := context.Background()
	var docs []argmap.Document
	for i := 0; i < 80; i++ { // more than a batch and the documents in flight
		d := demoDocs(t)[i%8]
		d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %d.\n", i)...)
		docs = append(docs, d)
	}
	other := func(d argmap.Document) argmap.Document {
		d.Name = "other-" + d.Name
		d.Data = append(append([]byte{}, d.Data...), "\n\nWritten by someone else.\n"...)
		return d
	}
	for _, every := range []bool{false, true} {
		all := openStore(t)
		svc := newService(all)
		svc.SetBatchLimits(16, 50*time.Millisecond) // several transactions
		at := map[int]bool{}                        // the other writer wrote before these documents
		svc.BeforeCommit(func(first int) {
			// the first transaction's first document is not a copy of one stored
			if len(at) == 0 || every {
				at[first] = true
				if _, err := newService(all).Ingest(ctx, other(docs[first])); err != nil {
					t.Errorf("the other writer: %v", err)
				}
			}
		})
		read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
		if err := svc.IngestAll(ctx, len(docs), 2, read, func(o ingest.Outcome) {
			if o.Err != nil {
				t.Errorf("%s: %v", o.Name, o.Err)
			}
		}); err != nil {
			t.Fatalf("IngestAll: %v", err)
		}
		if took := svc.TookAhead(); (took == 0 || took == len(docs)) && !every {
			t.Errorf("%d of %d documents written with the links found ahead, want some but not all", took, len(docs))
		}
		one := openStore(t)
		svc = newService(one)
		for i, d := range docs {
			if at[i] {
				if _, err := svc.Ingest(ctx, other(d)); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := svc.Ingest(ctx, d); err != nil {
				t.Fatal(err)
			}
		}
		wantProps, wantRels := linkage(t, one)
		gotProps, gotRels := linkage(t, all)
		if diff := cmp.Diff(wantProps, gotProps); diff != "" {
			t.Errorf("every=%v: propositions, IngestAll with another writer vs one by one (-want +got):\n%s", every, diff)
		}
		if diff := cmp.Diff(wantRels, gotRels); diff != "" {
			t.Errorf("every=%v: relations, IngestAll with another writer vs one by one (-want +got):\n%s", every, diff)
		}
	}
}

// TestIngestAllWaitsForABatch: documents that come a little apart are
// committed together, the writer waiting for the next while its batch is
// small (under a quarter of this small corpus: four documents of the
// same size); and its wait is bounded: a document whose successor only
// comes once it is reported is committed without it.
func TestIngestAllWaitsForABatch(t *testing.T) {
	ctx := context.Background()
	var docs []argmap.Document
	for i := 0; i < 8; i++ {
		d := demoDocs(t)[i]
		d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %d.\n", i)...)
		docs = append(docs, d)
	}
	var same []argmap.Document // of one size
	for i := 0; i < 16; i++ {
		d := demoDocs(t)[0]
		d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %02d.\n", i)...)
		same = append(same, d)
	}
	ingestAll := func(svc *ingest.Service, n int, read ingest.Reader, done func(int)) []int {
		t.Helper()
		var firsts []int // each transaction's first document
		svc.BeforeCommit(func(first int) { firsts = append(firsts, first) })
		err := svc.IngestAll(ctx, n, 2, read, func(o ingest.Outcome) {
			if o.Err != nil {
				t.Errorf("%s: %v", o.Name, o.Err)
			}
			done(o.Index)
		})
		if err != nil {
			t.Fatalf("IngestAll: %v", err)
		}
		return firsts
	}

	// a document every 30 ms and a wait longer than the test: the first
	// transaction holds at least a quarter of the corpus, 4 (without the
	// wait the first document would be committed alone, the next one not
	// being extracted yet; on a loaded machine more may be ready by the
	// time the writer starts, so more than 4 is right too), and there are
	// several (with a floor of 1 MiB, one at the end)
	svc := newService(openStore(t))
	svc.SetBatchLimits(512, time.Hour)
	start := time.Now()
	read := func(_ context.Context, i int) (argmap.Document, error) {
		// document i at 30i ms, whichever worker reads it
		time.Sleep(time.Until(start.Add(time.Duration(i) * 30 * time.Millisecond)))
		return same[i], nil
	}
	if got := ingestAll(svc, len(same), read, func(int) {}); len(got) < 2 || got[1] < 4 {
		t.Errorf("documents a little apart: transactions start at %v, want [0 n ...] with n >= 4", got)
	}

	// document i+1 is read once document i is reported: each is committed
	// alone, after the wait
	svc = newService(openStore(t))
	svc.SetBatchLimits(4, 20*time.Millisecond)
	reported := make([]chan struct{}, len(docs))
	for i := range reported {
		reported[i] = make(chan struct{})
	}
	read = func(_ context.Context, i int) (argmap.Document, error) {
		if i > 0 {
			select {
			case <-reported[i-1]:
			case <-time.After(time.Minute):
				return argmap.Document{}, fmt.Errorf("document %d not reported after a minute: the writer waits for it", i-1)
			}
		}
		return docs[i], nil
	}
	got := ingestAll(svc, len(docs), read, func(i int) { close(reported[i]) })
	if want := []int{0, 1, 2, 3, 4, 5, 6, 7}; !cmp.Equal(got, want) {
		t.Errorf("documents read one after the other: transactions start at %v, want %v", got, want)
	}
}

func (t *batchTx) ClaimsVersion(ctx context.Context) (int64, error) {
	return t.Store.(argmap.KeyLists).ClaimsVersion(ctx)
}

func (t *batchTx) ClaimKeyLists(ctx context.Context, keys []string, perKey int) (map[string][]argmap.Claim, []argmap.Claim, error) {
	return t.Store.(argmap.KeyLists).ClaimKeyLists(ctx, keys, perKey)
}

// TestIngestAllFailureInBatch: when a document fails inside a transaction
// of documents linked ahead, those before it are committed together with
// the links found ahead, it is written on its own, those after it together,
// and the store ends as with one document after another.
func TestIngestAllFailureInBatch(t *testing.T) {
	ctx := context.Background()
	var docs []argmap.Document
	for i := 0; i < 24; i++ {
		d := demoDocs(t)[i%8]
		d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %d.\n", i)...)
		docs = append(docs, d)
	}
	one := openStore(t)
	for _, d := range docs {
		if _, err := newService(one).Ingest(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	wantProps, wantRels := linkage(t, one)
	bs := &batchStore{Store: openStore(t)}
	res, err := newService(openStore(t)).Ingest(ctx, docs[13])
	if err != nil {
		t.Fatal(err)
	}
	bs.failFor = res.Source.Title // documents 5, 13 and 21 fail in a transaction
	svc := ingest.New(bs, extract.New(extract.Options{}), extract.NewLinker())
	svc.SetBatchLimits(24, time.Hour) // one transaction unless one fails
	svc.SetBatchShare(0)
	read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
	err = svc.IngestAll(ctx, len(docs), 2, read, func(o ingest.Outcome) {
		if o.Err != nil || !o.Result.Created {
			t.Errorf("%d: %+v, %v; want created", o.Index, o.Result, o.Err)
		}
	})
	if err != nil {
		t.Fatalf("IngestAll: %v", err)
	}
	// 6 in the first transaction (the sixth fails), the five before it
	// again, 8 (the eighth fails), the seven before it, the same again, and
	// the last 2
	if diff := cmp.Diff([]int{6, 5, 8, 7, 8, 7, 2}, bs.perTx); diff != "" {
		t.Errorf("graphs written per transaction (-want +got):\n%s", diff)
	}
	if took := svc.TookAhead(); took < 5 {
		t.Errorf("%d documents written with the links found ahead, want the first transaction's 5 at least", took)
	}
	gotProps, gotRels := linkage(t, bs.Store)
	if diff := cmp.Diff(wantProps, gotProps); diff != "" {
		t.Errorf("propositions, IngestAll with failures vs one by one (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantRels, gotRels); diff != "" {
		t.Errorf("relations, IngestAll with failures vs one by one (-want +got):\n%s", diff)
	}
}

// TestCommitTogetherInterrupted: when the context ends after a batch was
// split around a failed document, the documents committed before are
// reported as stored and the rest as interrupted.
func TestCommitTogetherInterrupted(t *testing.T) {
	docs := demoDocs(t)
	res, err := newService(openStore(t)).Ingest(context.Background(), docs[3])
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	bs := &batchStore{Store: openStore(t), failFor: res.Source.Title}
	bs.before = func() {
		if len(bs.perTx) == 3 { // the rest, after the three before the failed one and it
			cancel()
		}
	}
	svc := ingest.New(bs, extract.New(extract.Options{}), extract.NewLinker())
	results, errs := svc.CommitTogether(ctx, docs)
	for i := range docs {
		_, serr := bs.SourceByHash(context.Background(), argmap.ContentHash(docs[i].Data))
		stored := serr == nil
		if i < 4 {
			if errs[i] != nil || results[i] == nil || !results[i].Created || !stored {
				t.Errorf("document %d: %+v, %v, stored %v; want created and stored", i, results[i], errs[i], stored)
			}
			continue
		}
		if !errors.Is(errs[i], context.Canceled) || stored {
			t.Errorf("document %d: error %v, stored %v; want context.Canceled and not stored", i, errs[i], stored)
		}
	}
}

// TestGate: the writer takes a CPU at once, though workers hold both; a
// worker then waits until the writer gives its CPU back, not only until a
// worker does. When the context ends, a waiting worker stops with false.
// One CPU gates nothing.
func TestGate(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := ingest.NewGate(ctx, 2)
	got := make(chan string, 2)
	take := func(who string, writer bool) {
		if g.Take(writer) {
			got <- who
		} else {
			got <- who + " stopped"
		}
	}
	nothing := func(when string) {
		t.Helper()
		select {
		case who := <-got:
			t.Fatalf("%s: the %s took a CPU", when, who)
		case <-time.After(20 * time.Millisecond):
		}
	}
	if !g.Take(false) || !g.Take(false) {
		t.Fatal("Take on a free gate = false")
	}
	go take("writer", true)
	select {
	case who := <-got:
		if who != "writer" {
			t.Fatalf("got %q, want the writer", who)
		}
	case <-time.After(time.Minute):
		t.Fatal("the writer waits for a CPU the workers hold")
	}
	go take("worker", false)
	waitFor(t, g, 1)
	nothing("workers and the writer hold the CPUs")
	g.Give() // a worker's
	nothing("a worker gave its CPU back, the writer holds one")
	g.Give() // the writer's
	if who := <-got; who != "worker" {
		t.Fatalf("got %q, want the worker", who)
	}
	g.Give() // the other worker's
	g.Give() // the new worker's

	g.Take(false)
	g.Take(false)
	go take("late worker", false)
	waitFor(t, g, 1)
	cancel()
	if who := <-got; who != "late worker stopped" {
		t.Errorf("after the context ended, a waiter got %q, want it stopped", who)
	}

	one := ingest.NewGate(context.Background(), 1)
	for i := 0; i < 3; i++ {
		if !one.Take(false) {
			t.Fatalf("Take on a gate of one CPU = false")
		}
	}
}

// TestGateSize: IngestAll gates its workers when they are as many as the
// CPUs or more, and leaves them alone with fewer (the writer has a CPU of
// its own).
func TestGateSize(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, tt := range []struct{ workers, want int }{
		{1, 0}, {3, 0}, {4, 4}, {6, 6},
	} {
		if got := ingest.GateSize(tt.workers); got != tt.want {
			t.Errorf("GateSize(%d) with 4 CPUs = %d, want %d", tt.workers, got, tt.want)
		}
	}
}

// waitFor waits until n goroutines wait for a CPU of g.
func waitFor(t *testing.T, g ingest.Gate, n int) {
	t.Helper()
	for start := time.Now(); g.Waiting() != n; time.Sleep(100 * time.Microsecond) {
		if time.Since(start) > time.Minute {
			t.Fatalf("%d goroutines wait for a CPU after a minute, want %d", g.Waiting(), n)
		}
	}
}
