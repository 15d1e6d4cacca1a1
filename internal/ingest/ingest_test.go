package ingest_test

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sharedtest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

func openStore(t testing.TB) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatalf("sqlitestore.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func newService(st *sqlitestore.Store) *ingest.Service {
	return ingest.New(st, extract.New(extract.Options{}), extract.NewLinker())
}

const essay = `# Return programmes under scrutiny

We argue that the International Organization for Migration (IOM) enforces the exclusion of asylum seekers on behalf of
its member states. Its assisted voluntary return programmes are presented as humanitarian help. However, critics
contend that return cannot be voluntary when the alternative is indefinite detention.
`

const reply = `# A reply

Several researchers hold that IOM enforces the exclusion of asylum seekers from Europe. The organisation rejects this
view and says that every return it assists is voluntary.
`

func doc(name, text string) argmap.Document {
	return argmap.Document{Name: name, URI: "/docs/" + name, MediaType: "text/markdown", Data: []byte(text)}
}

func stats(t *testing.T, st argmap.Store) argmap.Counts {
	t.Helper()
	n, err := st.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	return n
}

func TestIngestIsIdempotent(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := newService(st)
	first, err := svc.Ingest(ctx, doc("essay.md", essay))
	if err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	if !first.Created || first.Counts.Claims == 0 {
		t.Fatalf("Ingest = %+v, want a created source with claims", first)
	}
	ingestUnchanged(ctx, t, svc, st, doc("renamed.md", essay), first.Source.ID)
}

// ingestUnchanged ingests d, whose content is stored already as source id,
// and fails t unless the store reports it unchanged and its counts stay.
func ingestUnchanged(ctx context.Context, t *testing.T, svc *ingest.Service, st argmap.Store, d argmap.Document, id string) {
	t.Helper()
	before := stats(t, st)
	again, err := svc.Ingest(ctx, d)
	if err != nil {
		t.Fatalf("Ingest(%s again): %v", d.Name, err)
	}
	if again.Created || again.Source.ID != id {
		t.Errorf("Ingest(%s again) = created %v source %s, want not created, source %s", d.Name, again.Created, again.Source.ID, id)
	}
	if after := stats(t, st); after != before {
		t.Errorf("Stats after ingesting %s again = %+v, want %+v", d.Name, after, before)
	}
}

// brokenExtractor yields a draft whose last record is bad, as if extraction
// had failed halfway through writing its output.
type brokenExtractor struct{ inner argmap.Extractor }

func (b brokenExtractor) Extract(ctx context.Context, d argmap.Document) (*argmap.Graph, error) {
	g, err := b.inner.Extract(ctx, d)
	if err != nil {
		return nil, err
	}
	g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports,
		From: []string{g.Claims[0].ID}, To: argmap.NewID(argmap.KindClaim), Origin: argmap.OriginExtracted, Score: 0.5})
	return g, nil
}

func TestIngestFailingHalfwayLeavesStoreAsItWas(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := newService(st).Ingest(ctx, doc("essay.md", essay)); err != nil {
		t.Fatalf("Ingest: %v", err)
	}
	before := stats(t, st)
	svc := ingest.New(st, brokenExtractor{extract.New(extract.Options{})}, extract.NewLinker())
	_, err := svc.Ingest(ctx, doc("reply.md", reply))
	if argmap.ErrorCode(err) != argmap.EINVALID {
		t.Fatalf("Ingest(broken draft) error = %v, want EINVALID", err)
	}
	if after := stats(t, st); after != before {
		t.Errorf("Stats after failed ingest = %+v, want %+v (unchanged)", after, before)
	}
	if _, err := st.SourceByHash(ctx, argmap.ContentHash([]byte(reply))); !argmap.IsNotFound(err) {
		t.Errorf("SourceByHash(failed doc) error = %v, want ENOTFOUND", err)
	}
}

func TestIngestRejectsBadInput(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := newService(st)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, argmap.EINVALID},
		{"blank", []byte(" \n\t\n"), argmap.EINVALID},
		{"invalid UTF-8", []byte("IOM is \xff\xfe criticised."), argmap.EINVALID},
		{"image", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), argmap.EUNSUPPORTED},
		{"binary", []byte("\x01\x02binary\x00data"), argmap.EINVALID},
	}
	for _, tt := range tests {
		_, err := svc.Ingest(ctx, argmap.Document{Name: tt.name, Data: tt.data})
		if got := argmap.ErrorCode(err); got != tt.want {
			t.Errorf("Ingest(%s) error = %v (code %q), want %q", tt.name, err, got, tt.want)
		}
	}
	big := ingest.New(st, extract.New(extract.Options{MaxBytes: 1 << 20}), nil)
	_, err := big.Ingest(ctx, argmap.Document{Name: "big.txt", Data: []byte(strings.Repeat("IOM acts. ", 200000))})
	if got := argmap.ErrorCode(err); got != argmap.ETOOLARGE {
		t.Errorf("Ingest(2 MB over a 1 MB limit) error = %v, want %q", err, argmap.ETOOLARGE)
	}
	if n := stats(t, st); n.Sources != 0 || n.Claims != 0 {
		t.Errorf("Stats after bad input = %+v, want an empty store", n)
	}
}

func TestIngestLinksAcrossDocuments(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := newService(st)
	a, err := svc.Ingest(ctx, doc("essay.md", essay))
	if err != nil {
		t.Fatalf("Ingest(essay): %v", err)
	}
	b, err := svc.Ingest(ctx, doc("reply.md", reply))
	if err != nil {
		t.Fatalf("Ingest(reply): %v", err)
	}
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "IOM enforces the exclusion of asylum seekers", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	got := map[string]bool{}
	for _, s := range ans.Supporting {
		got[s.Source.ID] = true
		if len(s.Spans) == 0 || s.Spans[0].Quote == "" {
			t.Errorf("supporting source %s has no quoted span", s.Source.ID)
		}
	}
	if !got[a.Source.ID] || !got[b.Source.ID] {
		t.Errorf("supporting sources = %v, want both %s and %s", got, a.Source.ID, b.Source.ID)
	}
}

// unscopedExtractor gives the claims, evidence, relations and citations of
// its drafts IDs without a document's scope, as extraction made them before
// argmap.ScopedID: a store written then.
type unscopedExtractor struct{ inner argmap.Extractor }

func (u unscopedExtractor) Extract(ctx context.Context, d argmap.Document) (*argmap.Graph, error) {
	g, err := u.inner.Extract(ctx, d)
	if err != nil {
		return nil, err
	}
	ids := map[string]string{}
	old := func(id string) string {
		if n, ok := ids[id]; ok {
			return n
		}
		if k := argmap.KindOf(id); k == argmap.KindClaim || k == argmap.KindEvidence || k == argmap.KindRelation || k == argmap.KindCitation {
			ids[id] = argmap.DerivedID(k, "before scopes", id)
			return ids[id]
		}
		return id
	}
	for i := range g.Claims {
		g.Claims[i].ID, g.Claims[i].Proposition = old(g.Claims[i].ID), old(g.Claims[i].Proposition)
	}
	for i := range g.Evidence {
		g.Evidence[i].ID = old(g.Evidence[i].ID)
	}
	for i := range g.Relations {
		r := &g.Relations[i]
		r.ID, r.To = old(r.ID), old(r.To)
		for j := range r.From {
			r.From[j] = old(r.From[j])
		}
	}
	for i := range g.Citations {
		g.Citations[i].ID = old(g.Citations[i].ID)
	}
	return g, nil
}

// TestIngestBesideUnscopedIDs: a store whose documents were given IDs
// before they were scoped by document takes new documents beside them. The
// new claims carry their document's scope, are linked to the stored ones
// (a proposition named by a stored claim, contests scoped by the new
// claim), answers reach both sources, and the stored document ingested
// again is unchanged.
func TestIngestBesideUnscopedIDs(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	first, err := ingest.New(st, unscopedExtractor{extract.New(extract.Options{})}, extract.NewLinker()).Ingest(ctx, doc("essay.md", essay))
	if err != nil {
		t.Fatalf("Ingest(essay) with unscoped IDs: %v", err)
	}
	stored, err := st.Claims(ctx, argmap.ClaimFilter{})
	if err != nil {
		t.Fatalf("Claims: %v", err)
	}
	essayClaims := map[string]bool{}
	for _, c := range stored {
		essayClaims[c.ID] = true
		if argmap.ScopeOf(c.ID) == argmap.Scope(argmap.ContentHash([]byte(essay))) {
			t.Fatalf("claim %s of the unscoped store has the essay's scope", c.ID)
		}
	}
	svc := newService(st)
	second, err := svc.Ingest(ctx, doc("reply.md", reply))
	if err != nil {
		t.Fatalf("Ingest(reply): %v", err)
	}
	replyClaims, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: second.Source.ID})
	if err != nil || len(replyClaims) == 0 {
		t.Fatalf("Claims(reply) = %d claims, %v", len(replyClaims), err)
	}
	scope := argmap.Scope(argmap.ContentHash([]byte(reply)))
	joined := 0
	for _, c := range replyClaims {
		if essayClaims[c.ID] {
			continue
		}
		if argmap.ScopeOf(c.ID) != scope {
			t.Errorf("reply claim %s lacks the reply's scope %s", c.ID, scope)
		}
		if essayClaims[c.Proposition] {
			joined++
		}
	}
	if joined == 0 {
		t.Errorf("no claim of the reply joined a proposition named by a stored claim; reply claims: %+v", replyClaims)
	}
	for _, c := range replyClaims {
		rels, err := st.Relations(ctx, argmap.RelationFilter{NodeID: c.ID})
		if err != nil {
			t.Fatalf("Relations(%s): %v", c.ID, err)
		}
		for _, r := range rels {
			if argmap.ScopeOf(r.ID) != scope && !essayClaims[r.From[0]] {
				t.Errorf("relation %s from %s to %s: want the reply's scope %s", r.ID, r.From, r.To, scope)
			}
		}
	}
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "IOM enforces the exclusion of asylum seekers", 3)
	if err != nil {
		t.Fatalf("FindSupporters: %v", err)
	}
	got := map[string]bool{}
	for _, s := range ans.Supporting {
		got[s.Source.ID] = true
	}
	if !got[first.Source.ID] || !got[second.Source.ID] {
		t.Errorf("supporting sources = %v, want both %s and %s", got, first.Source.ID, second.Source.ID)
	}
	ingestUnchanged(ctx, t, svc, st, doc("essay-again.md", essay), first.Source.ID)
}

// BenchmarkIngest measures ingest throughput (extraction, linking and the
// SQLite write) on the IOM corpus repeated to 10 MB (ARGMAP_BENCH_MB sets
// another size); each copy is made unique so that idempotency does not skip
// it.
func BenchmarkIngest(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.CorpusDir(b), "*.txt"))
	var docs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, data)
	}
	target := 10 << 20
	if mb, err := strconv.Atoi(os.Getenv("ARGMAP_BENCH_MB")); err == nil && mb > 0 {
		target = mb << 20
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st := openStore(b)
		svc := newService(st)
		b.StartTimer()
		total := 0
		for n := 0; total < target; n++ {
			d := docs[n%len(docs)]
			data := append(append([]byte{}, d...), fmt.Sprintf("\n\nCopy %d of the corpus.\n", n)...)
			if _, err := svc.Ingest(context.Background(), argmap.Document{Name: fmt.Sprintf("doc%d.txt", n), Data: data}); err != nil {
				b.Fatalf("Ingest: %v", err)
			}
			total += len(data)
		}
		b.SetBytes(int64(total))
	}
}

// deletingStore deletes every claim a candidate search finds, right after
// the search: the worst case of a client deleting claims while documents
// are ingested.
type deletingStore struct {
	*sqlitestore.Store
	deleted int
}

func (d *deletingStore) SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error) {
	hits, err := d.Store.SearchClaims(ctx, q, limit)
	for _, h := range hits {
		if d.Store.DeleteClaim(ctx, h.Claim.ID) == nil {
			d.deleted++
		}
	}
	return hits, err
}

// ClaimsByKeys deletes what it finds, as SearchClaims does.
func (d *deletingStore) ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]argmap.Claim, error) {
	cs, err := d.Store.ClaimsByKeys(ctx, keys, perKey)
	for _, c := range cs {
		if d.Store.DeleteClaim(ctx, c.ID) == nil {
			d.deleted++
		}
	}
	return cs, err
}

// ClaimKeyLists deletes what it finds, as SearchClaims does.
func (d *deletingStore) ClaimKeyLists(ctx context.Context, keys []string, perKey int) (map[string][]argmap.Claim, []argmap.Claim, error) {
	lists, heads, err := d.Store.ClaimKeyLists(ctx, keys, perKey)
	for _, cs := range append(slices.Collect(maps.Values(lists)), heads) {
		for _, c := range cs {
			if d.Store.DeleteClaim(ctx, c.ID) == nil {
				d.deleted++
			}
		}
	}
	return lists, heads, err
}

// TestIngestWhileCandidatesAreDeleted checks that a document whose link
// candidates are deleted between the search and the write is stored, not
// refused as invalid (81 of 546 uploads were refused with 400 "unknown from").
func TestIngestWhileCandidatesAreDeleted(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	if _, err := newService(st).Ingest(ctx, doc("essay.md", essay)); err != nil {
		t.Fatalf("Ingest(essay): %v", err)
	}
	ds := &deletingStore{Store: st}
	svc := ingest.New(ds, extract.New(extract.Options{}), extract.NewLinker())
	// The reply states the essay's claim: without the deletes it links to it.
	res, err := svc.Ingest(ctx, doc("reply.md", reply))
	if err != nil {
		t.Fatalf("Ingest(reply) while its candidates are deleted: %v", err)
	}
	if ds.deleted == 0 {
		t.Fatalf("no candidate was deleted: the test does not test the race")
	}
	if !res.Created || res.Counts.Claims == 0 {
		t.Errorf("Ingest(reply) = %+v, want a created source with claims", res)
	}
	if _, err := st.Source(ctx, res.Source.ID); err != nil {
		t.Errorf("Source(%s) after ingest: %v", res.Source.ID, err)
	}
}

// ingestDir ingests every file of dir (sorted by name) and returns the
// source ID of each file by its name's first three characters.
func ingestDir(t *testing.T, svc *ingest.Service, dir string) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "README.md") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := svc.Ingest(context.Background(), argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
		if err != nil {
			t.Fatalf("Ingest(%s): %v", f, err)
		}
		out[filepath.Base(f)[:3]] = res.Source.ID
	}
	return out
}

// TestIOMPropositions: on the IOM documents, the protection-mandate claims of
// 003 and 004 are one proposition (no supports links between them), and the
// exclusion question lists 000 as supporting.
func TestIOMPropositions(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	src := ingestDir(t, newService(st), sharedtest.CorpusDir(t))
	cs, err := st.Claims(ctx, argmap.ClaimFilter{Query: "protection mandate", Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]bool{} // proposition -> sources
	for _, c := range cs {
		p := argmap.PropositionOf(c)
		if props[p] == nil {
			props[p] = map[string]bool{}
		}
		for _, sp := range c.Spans {
			props[p][sp.SourceID] = true
		}
	}
	found := false
	for _, srcs := range props {
		if srcs[src["003"]] && srcs[src["004"]] {
			found = true
		}
	}
	if !found {
		t.Errorf("no proposition holds claims of both 003 and 004 on the protection mandate: %v", props)
	}
	rels, err := st.Relations(ctx, argmap.RelationFilter{Kind: argmap.Supports, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels {
		if r.Origin == argmap.OriginLinked {
			t.Errorf("linked supports relation %s: restatements should share a proposition instead", r.ID)
		}
	}
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "IOM enforces asylum exclusions", 3)
	if err != nil {
		t.Fatal(err)
	}
	sup := map[string]bool{}
	for _, b := range ans.Supporting {
		sup[b.Source.ID] = true
	}
	if !sup[src["000"]] {
		t.Errorf("FindSupporters(exclusion).Supporting = %+v, want 000 among them", ans.Supporting)
	}
}

// TestDemoSides: on the demo corpus, the exclusion question lists the page
// that calls it wrong and the review that calls it inaccurate as contesting,
// each with a quote, and the research summary as supporting; the handout's
// "Critics say" style reports keep their speakers.
func TestDemoSides(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	src := ingestDir(t, newService(st), filepath.Join("..", "..", "scripts", "demo", "corpus"))
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "IOM enforces the exclusion of asylum seekers", 3)
	if err != nil {
		t.Fatal(err)
	}
	side := map[string]string{}
	for name, list := range map[string][]argmap.Backing{"supporting": ans.Supporting, "contesting": ans.Contesting} {
		for _, b := range list {
			side[b.Source.ID] += name
			if len(b.Quotes) == 0 || b.Quotes[0].Quote == "" {
				t.Errorf("%s source %s has no quote", name, b.Source.Title)
			}
		}
	}
	for _, tt := range []struct{ doc, want string }{
		{"01-", "supporting"}, {"02-", "supporting"}, {"04-", "supporting"},
		{"03-", "contesting"}, {"08-", "contesting"}, {"07-", ""},
	} {
		if got := side[src[tt.doc]]; got != tt.want {
			t.Errorf("exclusion question: %s is %q, want %q", tt.doc, got, tt.want)
		}
	}
	ans, err = argmap.FindSupporters(ctx, st, extract.NewStancer(), "Return from detention cannot be considered voluntary", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range ans.Contesting {
		if b.Source.ID == src["03-"] {
			return
		}
	}
	t.Errorf("detention question: 03 (\"We disagree. Return from detention can be voluntary\") not contesting: %+v", ans.Contesting)
}

// BenchmarkIngestIntoStore measures ingesting one new document into a store
// that already holds 1,000 or 10,000 documents (ARGMAP_BENCH_DOCS lists
// other sizes, comma-separated), with the store kept open (docs=N) and
// opened for each document (docs=N,opened): the time (and cpu-ms/op) to
// extract, find link candidates, link and write it should not grow with
// the store. The store is filled
// without extraction: the IOM and demo documents' extracted graphs are
// written again and again with new IDs and every claim's and evidence's
// words partly replaced by words of other claims, so that the full-text
// index and the link signatures grow like a corpus on one subject. Each op ingests one of the
// real documents, made unique.
func BenchmarkIngestIntoStore(b *testing.B) {
	sizes := []int{1000, 10000}
	if s := os.Getenv("ARGMAP_BENCH_DOCS"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
	}
	files := sharedtest.CorpusFiles(b)
	demo, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	var docs []argmap.Document
	for _, f := range append(files, demo...) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, argmap.Document{Name: filepath.Base(f), URI: f, Data: data})
	}
	ex := extract.New(extract.Options{})
	var graphs []*argmap.Graph
	var vocab []string
	for _, d := range docs {
		g, err := ex.Extract(context.Background(), d)
		if err != nil {
			b.Fatal(err)
		}
		graphs = append(graphs, g)
		for _, c := range g.Claims {
			vocab = append(vocab, strings.Fields(c.Text)...)
		}
	}
	copies := 0 // documents ingested by the ops, each made unique
	for _, n := range sizes {
		path := filepath.Join(b.TempDir(), "argmap.db")
		st, err := sqlitestore.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		rnd := uint64(1)
		next := func() uint64 { rnd = rnd*6364136223846793005 + 1442695040888963407; return rnd >> 33 }
		vary := func(s string) string {
			ws := strings.Fields(s)
			for i := range ws {
				if next()%3 == 0 {
					ws[i] = vocab[next()%uint64(len(vocab))]
				}
			}
			return strings.Join(ws, " ")
		}
		lk := extract.NewLinker()
		for i := 0; i < n; i++ {
			g := fill(graphs[i%len(graphs)], i, vary)
			for k := range g.Claims {
				g.Claims[k].Keys = lk.Keys(g.Claims[k]) // as ingest stores them
			}
			if err := st.WriteGraph(context.Background(), g); err != nil {
				b.Fatalf("WriteGraph(copy %d): %v", i, err)
			}
		}
		// ingestCopy ingests docs[i], made unique, through svc
		ingestCopy := func(b *testing.B, svc *ingest.Service, i int) int {
			d := docs[i%len(docs)]
			copies++
			d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nBenchmark copy %d.\n", copies)...)
			res, err := svc.Ingest(context.Background(), d)
			if err != nil {
				b.Fatalf("Ingest: %v", err)
			}
			return res.Counts.Claims
		}
		// one store kept, as a server
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			svc := newService(st)
			claims := 0
			start := cpuTime(b)
			for i := 0; i < b.N; i++ {
				claims += ingestCopy(b, svc, i)
			}
			reportCPU(b, start)
			b.ReportMetric(float64(claims)/float64(b.N), "claims/doc")
		})
		// the store opened for each document, as 'argmap ingest' of one
		// file: what it reads of the store at its first link is in the op
		// (the extractor and linker are kept: their start is not the
		// store's)
		b.Run(fmt.Sprintf("docs=%d,opened", n), func(b *testing.B) {
			claims := 0
			start := cpuTime(b)
			for i := 0; i < b.N; i++ {
				s, err := sqlitestore.Open(context.Background(), path)
				if err != nil {
					b.Fatal(err)
				}
				claims += ingestCopy(b, ingest.New(s, ex, lk), i)
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, start)
			b.ReportMetric(float64(claims)/float64(b.N), "claims/doc")
		})
		st.Close()
	}
}

// fill returns a copy of g with every ID made unique to copy i and the text
// of claims and evidence varied; spans keep their offsets (the quotes are
// re-cut from the source text).
func fill(g *argmap.Graph, i int, vary func(string) string) *argmap.Graph {
	suffix := strconv.Itoa(i)
	id := func(old string) string {
		if old == "" {
			return ""
		}
		return argmap.DerivedID(argmap.KindOf(old), old, suffix)
	}
	out := &argmap.Graph{}
	for _, s := range g.Sources {
		s.ID = id(s.ID)
		if s.ContentHash != "" {
			s.ContentHash = argmap.ContentHash([]byte(s.ContentHash + suffix))
		}
		out.Sources = append(out.Sources, s)
	}
	span := func(sps []argmap.Span) []argmap.Span {
		var o []argmap.Span
		for _, sp := range sps {
			sp.SourceID = id(sp.SourceID)
			o = append(o, sp)
		}
		return o
	}
	for _, a := range g.Actors {
		out.Actors = append(out.Actors, a) // actors are shared by name
	}
	for _, c := range g.Claims {
		c.ID, c.Text, c.Gist, c.Spans = id(c.ID), vary(c.Text), "", span(c.Spans)
		out.Claims = append(out.Claims, c)
	}
	for _, e := range g.Evidence {
		e.ID, e.Text, e.Spans = id(e.ID), vary(e.Text), span(e.Spans)
		out.Evidence = append(out.Evidence, e)
	}
	for _, r := range g.Relations {
		r.ID, r.To = id(r.ID), id(r.To)
		from := make([]string, len(r.From))
		for k, f := range r.From {
			from[k] = id(f)
		}
		r.From = from
		if r.Span != nil {
			sp := *r.Span
			sp.SourceID = id(sp.SourceID)
			r.Span = &sp
		}
		out.Relations = append(out.Relations, r)
	}
	for _, c := range g.Citations {
		c.ID, c.SourceID, c.CitedID = id(c.ID), id(c.SourceID), id(c.CitedID)
		if c.CitedID != "" {
			continue
		}
		out.Citations = append(out.Citations, c)
	}
	return out
}

// TestCuratedClaimsSurviveReingest: a claim a person accepted and edited
// outlives the deletion of its document, and ingesting the document again
// succeeds and leaves the curated claim as the person left it.
func TestCuratedClaimsSurviveReingest(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := newService(st)
	text := "The programme is voluntary. Critics say that returns from detention cannot be voluntary, because detention leaves no real choice."
	res, err := svc.Ingest(ctx, doc("a.txt", text))
	if err != nil {
		t.Fatal(err)
	}
	cls, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: res.Source.ID})
	if err != nil || len(cls) == 0 {
		t.Fatalf("Claims(source) = %v, %v; want claims", cls, err)
	}
	curated, edited := argmap.OriginCurated, "Edited by a person."
	if _, err := st.UpdateClaim(ctx, cls[0].ID, argmap.ClaimUpdate{Origin: &curated, Text: &edited}); err != nil {
		t.Fatal(err)
	}
	if err := st.DeleteSource(ctx, res.Source.ID); err != nil {
		t.Fatal(err)
	}
	again, err := svc.Ingest(ctx, doc("a.txt", text))
	if err != nil {
		t.Fatalf("Ingest(again after delete) = %v, want it stored", err)
	}
	if !again.Created {
		t.Errorf("Ingest(again).Created = false, want true")
	}
	got, err := st.Claim(ctx, cls[0].ID)
	if err != nil || got.Text != edited || got.Origin != argmap.OriginCurated {
		t.Errorf("curated claim after re-ingest = %+v, %v; want the edited text, curated", got, err)
	}
	if n := stats(t, st).Sources; n < 1 {
		t.Errorf("Stats().Sources = %d after re-ingest, want the document stored", n)
	}
	// The curated claim is stated in the new copy: its passage there is
	// one of its spans again, so the document's page marks it.
	if got == nil || len(got.Spans) != len(cls[0].Spans) || len(got.Spans) == 0 {
		t.Fatalf("curated claim spans after re-ingest = %+v, want its %d passages in the new copy", got, len(cls[0].Spans))
	}
	for i, sp := range got.Spans {
		want := cls[0].Spans[i]
		if sp.SourceID != again.Source.ID || sp.Start != want.Start || sp.End != want.End || sp.Quote != text[want.Start:want.End] {
			t.Errorf("span %d after re-ingest = %+v, want %d..%d of %s quoting %q", i, sp, want.Start, want.End, again.Source.ID, text[want.Start:want.End])
		}
	}
	inDoc, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: again.Source.ID})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range inDoc {
		found = found || c.ID == cls[0].ID
	}
	if !found || len(inDoc) != len(cls) {
		t.Errorf("Claims(new copy) = %d claims (curated one in: %v), want the %d of the first copy with the curated one", len(inDoc), found, len(cls))
	}
}

// recordingLinker is the extract linker that keeps the stored candidates
// each Link was given.
type recordingLinker struct {
	*extract.Linker
	stored [][]argmap.Claim
	new    [][]argmap.Claim
	calls  *[]int // when set, the number of new claims of each call
}

func (r *recordingLinker) Link(newClaims, stored []argmap.Claim) argmap.Links {
	if r.calls != nil {
		*r.calls = append(*r.calls, len(newClaims))
		return r.Linker.Link(newClaims, stored)
	}
	r.stored = append(r.stored, slices.Clone(stored))
	r.new = append(r.new, slices.Clone(newClaims))
	return r.Linker.Link(newClaims, stored)
}

// TestCandidatesOnePerProposition: a document restated three times is
// compared with the claim naming each proposition once, not with every copy.
func TestCandidatesOnePerProposition(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	lk := &recordingLinker{Linker: extract.NewLinker()}
	svc := ingest.New(st, extract.New(extract.Options{}), lk)
	for i := 0; i < 4; i++ {
		if _, err := svc.Ingest(ctx, doc(fmt.Sprintf("essay%d.md", i), essay+fmt.Sprintf("\nCopy %d.\n", i))); err != nil {
			t.Fatal(err)
		}
	}
	last := lk.stored[len(lk.stored)-1]
	if len(last) == 0 {
		t.Fatal("the fourth copy had no candidates: the test tests nothing")
	}
	props := map[string]string{}
	for _, c := range last {
		p := argmap.PropositionOf(c)
		if other, ok := props[p]; ok {
			t.Errorf("candidates %s and %s both state proposition %s", other, c.ID, p)
		}
		props[p] = c.ID
		if c.Proposition != "" {
			t.Errorf("candidate %s is a member of %s, want the claim naming it", c.ID, c.Proposition)
		}
	}
}

// TestCandidatesFoundUnderKeys: each link candidate comes with the keys of
// the new claims it was found under (the claim naming a proposition with
// those its members were found under), whether the document is linked by
// Ingest or ahead of the writer by IngestAll, so that the linker compares
// it only with those claims.
func TestCandidatesFoundUnderKeys(t *testing.T) {
	ctx := context.Background()
	docs := []argmap.Document{doc("essay.md", essay), doc("reply.md", reply)}
	for i := 0; i < 3; i++ {
		docs = append(docs, doc(fmt.Sprintf("essay%d.md", i), essay+fmt.Sprintf("\nCopy %d.\n", i)))
	}
	for _, all := range []bool{false, true} {
		lk := &recordingLinker{Linker: extract.NewLinker()}
		svc := ingest.New(openStore(t), extract.New(extract.Options{}), lk)
		if all {
			read := func(_ context.Context, i int) (argmap.Document, error) { return docs[i], nil }
			if err := svc.IngestAll(ctx, len(docs), 2, read, func(ingest.Outcome) {}); err != nil {
				t.Fatal(err)
			}
		} else {
			for _, d := range docs {
				if _, err := svc.Ingest(ctx, d); err != nil {
					t.Fatal(err)
				}
			}
		}
		n := 0
		for call, stored := range lk.stored {
			keys := map[string]bool{}
			for _, c := range lk.new[call] {
				for _, k := range c.Keys {
					keys[k] = true
				}
			}
			for _, c := range stored {
				n++
				if len(c.Keys) == 0 {
					t.Errorf("IngestAll %v: candidate %s has no keys, want those it was found under", all, c.ID)
				}
				for _, k := range c.Keys {
					if !keys[k] {
						t.Errorf("IngestAll %v: candidate %s found under %q, which no new claim has", all, c.ID, k)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("IngestAll %v: no candidates: the test tests nothing", all)
		}
	}
}

// sentencesExtractor makes one claim of each line of a document: enough to
// test linking on documents of any number of claims.
type sentencesExtractor struct{}

func (sentencesExtractor) Extract(_ context.Context, doc argmap.Document) (*argmap.Graph, error) {
	text := string(doc.Data)
	src := argmap.Source{ID: argmap.DerivedID(argmap.KindSource, argmap.ContentHash(doc.Data)), Title: doc.Name,
		ContentHash: argmap.ContentHash(doc.Data), Text: text}
	g := &argmap.Graph{Sources: []argmap.Source{src}}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			g.Claims = append(g.Claims, argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, src.ID, strconv.Itoa(start)),
				Text: t, Origin: argmap.OriginExtracted,
				Spans: []argmap.Span{{SourceID: src.ID, Start: start, End: start + len(t)}}})
		}
		start += len(line)
	}
	return g, nil
}

// TestBigDocumentLinkedInParts: a document of thousands of claims is linked
// part by part (work that grows with its size, not its square), and a claim
// restating one of an earlier part still joins its proposition.
func TestBigDocumentLinkedInParts(t *testing.T) {
	ctx := context.Background()
	subjects := []string{"returns", "detention centres", "border controls", "reception camps", "resettlement quotas", "deportation flights", "asylum hearings", "visa waivers"}
	places := []string{"Libya", "Niger", "Greece", "Italy", "Turkey", "Morocco", "Chad", "Mali", "Sudan", "Tunisia"}
	verbs := []string{"harm refugees", "protect migrants", "violate human rights", "reduce smuggling", "cost taxpayers", "separate families"}
	var b strings.Builder
	n := 0
	for _, s := range subjects {
		for _, p := range places {
			for _, v := range verbs {
				fmt.Fprintf(&b, "Organised %s in %s %s.\n", s, p, v)
				n++
			}
		}
	}
	// the same statements again, worded otherwise, hundreds of claims later
	for _, s := range subjects {
		for _, p := range places {
			for _, v := range verbs {
				fmt.Fprintf(&b, "Experts observe that organised %s in %s clearly %s.\n", s, p, v)
			}
		}
	}
	st := openStore(t)
	lk := &recordingLinker{Linker: extract.NewLinker(), calls: &[]int{}}
	svc := ingest.New(st, sentencesExtractor{}, lk)
	res, err := svc.Ingest(ctx, argmap.Document{Name: "book.txt", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	if res.Counts.Claims != 2*n {
		t.Fatalf("%d claims, want %d", res.Counts.Claims, 2*n)
	}
	for i, k := range *lk.calls {
		if k > 256 {
			t.Errorf("Link call %d compared %d new claims at once, want at most 256", i, k)
		}
	}
	g, err := st.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, c := range g.Claims {
		texts[c.ID] = c.Text
	}
	joined := 0
	for _, c := range g.Claims {
		if strings.HasPrefix(c.Text, "Experts") && c.Proposition != "" {
			if strings.HasPrefix(texts[c.Proposition], "Experts") {
				t.Errorf("%q joined %q, want the first statement", c.Text, texts[c.Proposition])
			}
			joined++
		}
	}
	if joined < n/2 {
		t.Errorf("%d of %d restatements joined the statement made hundreds of claims before, want most", joined, n)
	}
	t.Logf("%d claims, %d Link calls, %d restatements joined", res.Counts.Claims, len(*lk.calls), joined)
}

// TestRejectedInNextSentence: a view stated in one sentence and rejected by
// the next ("... Recent work has challenged this view") is the source's
// denial, not its support; a source that states the view in its own voice
// supports it.
func TestRejectedInNextSentence(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := t.TempDir()
	docs := map[string]string{
		"a1-rejects.md": "# Tools of donors?\n\nEarly studies described the relief agency as a tool of its donors. " +
			"Recent fieldwork has challenged this view. The agency sets its own priorities in many camps.\n",
		"b1-states.md": "# Follow the money\n\nThe relief agency is a tool of its donors. Its budget is earmarked by them " +
			"project by project.\n",
		"c1-disagrees.md": "# Letters\n\nSome readers write that the relief agency is a tool of its donors. We disagree. " +
			"Its board answers to the member governments, not to the funders.\n",
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := ingestDir(t, newService(st), dir)
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "The relief agency is a tool of its donors", 3)
	if err != nil {
		t.Fatal(err)
	}
	side := map[string]string{}
	for name, list := range map[string][]argmap.Backing{"supporting": ans.Supporting, "contesting": ans.Contesting} {
		for _, b := range list {
			side[b.Source.ID] += name
		}
	}
	for _, tt := range []struct{ doc, want string }{
		{"a1-", "contesting"}, {"b1-", "supporting"}, {"c1-", "contesting"},
	} {
		if got := side[src[tt.doc]]; got != tt.want {
			t.Errorf("%s is %q, want %q", tt.doc, got, tt.want)
		}
	}
}

// TestBackfillKeys: claims stored without a link signature (before the
// store kept them) get one from BackfillKeys, and a document ingested after
// it links to them; without the backfill it does not.
func TestBackfillKeys(t *testing.T) {
	ctx := context.Background()
	linked := func(backfill bool) (int, bool) {
		st := openStore(t)
		old := ingest.New(st, extract.New(extract.Options{}), nil) // keeps no signatures
		a, err := old.Ingest(ctx, doc("essay.md", essay))
		if err != nil {
			t.Fatal(err)
		}
		svc := newService(st)
		n := 0
		if backfill {
			if n, err = svc.BackfillKeys(ctx); err != nil {
				t.Fatalf("BackfillKeys: %v", err)
			}
			if again, err := svc.BackfillKeys(ctx); err != nil || again != 0 {
				t.Errorf("BackfillKeys again = %d, %v; want 0", again, err)
			}
		}
		b, err := svc.Ingest(ctx, doc("reply.md", reply))
		if err != nil {
			t.Fatal(err)
		}
		cs, err := st.Claims(ctx, argmap.ClaimFilter{SourceID: b.Source.ID, Page: argmap.Page{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Proposition == "" {
				continue
			}
			p, err := st.Claim(ctx, c.Proposition)
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Spans) > 0 && p.Spans[0].SourceID == a.Source.ID {
				return n, true
			}
		}
		return n, false
	}
	if n, ok := linked(true); n == 0 || !ok {
		t.Errorf("with the backfill: %d claims keyed, reply linked to the essay %v; want some and true", n, ok)
	}
	if _, ok := linked(false); ok {
		t.Errorf("without the backfill the reply linked to the essay's unkeyed claims: the test does not test the backfill")
	}
}

// TestThreadPosters: in a forum thread, each post's poster asserts what the
// post says; a thread whose posters take both sides of the question is
// listed on each side, under the posters, and a view a poster reports stays
// the reported speaker's.
func TestThreadPosters(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	dir := t.TempDir()
	thread := "Relief Forums > Policy\nTopic: Is the relief agency a tool of its donors?\n" +
		"Posted: 4 March 2019, 09:12    by heron_k\nThe relief agency is a tool of its donors. Its budget is earmarked project by project.\nReply | Quote\n" +
		"Posted: 4 March 2019, 11:40    by field_ana\nI worked there for years. The relief agency is not a tool of its donors; " +
		"its board answers to member governments.\nReply | Quote\n" +
		"Posted: 5 March 2019, 08:01    by quiet_li\nSome auditors say that the relief agency is a tool of its donors.\nReply | Quote\n"
	if err := os.WriteFile(filepath.Join(dir, "t1-thread.txt"), []byte(thread), 0o644); err != nil {
		t.Fatal(err)
	}
	src := ingestDir(t, newService(st), dir)
	ans, err := argmap.FindSupporters(ctx, st, extract.NewStancer(), "The relief agency is a tool of its donors", 3)
	if err != nil {
		t.Fatal(err)
	}
	find := func(list []argmap.Backing) *argmap.Backing {
		for i := range list {
			if list[i].Source.ID == src["t1-"] {
				return &list[i]
			}
		}
		return nil
	}
	sup, con := find(ans.Supporting), find(ans.Contesting)
	if sup == nil || con == nil {
		t.Fatalf("the thread is supporting %v, contesting %v; want it on both sides", sup != nil, con != nil)
	}
	if got := strings.Join(sup.Posters, ","); got != "heron_k,quiet_li" {
		t.Errorf("supporting posters = %q, want heron_k,quiet_li", got)
	}
	if got := strings.Join(con.Posters, ","); got != "field_ana" {
		t.Errorf("contesting posters = %q, want field_ana", got)
	}
	for _, q := range sup.Quotes {
		switch {
		case strings.Contains(q.Quote, "auditors"):
			if !q.Reported || q.AssertedBy != "Some auditors" && q.AssertedBy != "auditors" || q.Poster != "quiet_li" {
				t.Errorf("reported view: asserted_by %q reported %v poster %q, want the auditors reported by quiet_li", q.AssertedBy, q.Reported, q.Poster)
			}
		case q.Chain == nil || len(q.Chain) == 0:
			if q.AssertedBy != "heron_k" || q.Reported || q.Poster != "heron_k" {
				t.Errorf("%q: asserted_by %q reported %v poster %q, want heron_k's own", q.Quote, q.AssertedBy, q.Reported, q.Poster)
			}
		}
	}
	for _, q := range con.Quotes {
		if q.AssertedBy != "field_ana" {
			t.Errorf("contesting quote %q asserted by %q, want field_ana", q.Quote, q.AssertedBy)
		}
	}
}
