package neo4jstore_test

import (
	"context"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/scripts/demo"
)

// openLive opens the store ARGMAP_NEO4J_URI names and wipes it, or skips
// the test when the variable is unset.
func openLive(t *testing.T) *neo4jstore.Store {
	t.Helper()
	uri := os.Getenv("ARGMAP_NEO4J_URI")
	if uri == "" {
		t.Skip("ARGMAP_NEO4J_URI is not set: no Neo4j server (scripts/test-neo4j.sh starts one)")
	}
	cfg, err := neo4jstore.ConfigFromEnv(uri)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open(%s) = %v", uri, err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Wipe(ctx); err != nil {
		t.Fatalf("Wipe() = %v", err)
	}
	return s
}

// demoDocuments returns the bundled demo corpus as documents.
func demoDocuments(t *testing.T) []argmap.Document {
	t.Helper()
	files, err := demo.Files()
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{".html": "text/html", ".md": "text/markdown", ".txt": "text/plain"}
	var docs []argmap.Document
	for _, f := range files {
		docs = append(docs, argmap.Document{Name: f.Name, URI: f.Path, MediaType: types[path.Ext(f.Name)], Data: f.Data})
	}
	return docs
}

func newIngester(st ingest.Store) *ingest.Service {
	return ingest.New(st, extract.New(extract.Options{}), extract.NewLinker())
}

// records lists the IDs of the records whose content does not depend on the
// order documents were ingested in (relations do: links reach the claims
// stored before), per kind.
func records(t *testing.T, st argmap.Store) map[string][]string {
	t.Helper()
	g, err := st.Dump(context.Background())
	if err != nil {
		t.Fatalf("Dump() = %v", err)
	}
	out := map[string][]string{}
	add := func(kind, id string) { out[kind] = append(out[kind], id) }
	for _, s := range g.Sources {
		add("sources", s.ID)
	}
	for _, c := range g.Claims {
		add("claims", c.ID)
	}
	for _, e := range g.Evidence {
		add("evidence", e.ID)
	}
	for _, a := range g.Actors {
		add("actors", a.ID)
	}
	for _, c := range g.Citations {
		add("citations", c.ID)
	}
	for _, ids := range out {
		sort.Strings(ids)
	}
	return out
}

// TestConcurrentIngest ingests documents in parallel on Neo4j: distinct
// documents (which share actors and cited works) must all be stored, with
// the records one after another would give; copies of one document must
// store it once (the content-hash constraint), every caller getting its
// source.
func TestConcurrentIngest(t *testing.T) {
	st := openLive(t)
	docs := demoDocuments(t)
	ctx := context.Background()

	// The records ingesting one after another gives, on SQLite.
	ref, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "ref.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.Close()
	for _, d := range docs {
		if _, err := newIngester(ref).Ingest(ctx, d); err != nil {
			t.Fatalf("SQLite Ingest(%s) = %v", d.Name, err)
		}
	}
	want := records(t, ref)

	const copies = 4
	tests := []struct {
		name string
		docs []argmap.Document
		want func(t *testing.T, res []*argmap.IngestResult)
	}{
		{"distinct", append(append([]argmap.Document{}, docs...), docs...), func(t *testing.T, res []*argmap.IngestResult) {
			created := map[string]int{}
			for _, r := range res {
				if r.Created {
					created[r.Source.ContentHash]++
				}
			}
			for _, d := range docs {
				if n := created[argmap.ContentHash(d.Data)]; n != 1 {
					t.Errorf("%s was created %d times, want once", d.Name, n)
				}
			}
			if diff := cmp.Diff(want, records(t, st)); diff != "" {
				t.Errorf("records after concurrent ingests differ from one after another (-sequential +concurrent):\n%s", diff)
			}
		}},
		{"identical", func() []argmap.Document {
			var out []argmap.Document
			for i := range copies * 2 {
				d := docs[0]
				d.URI = fmt.Sprintf("%s#%d", d.URI, i)
				out = append(out, d)
			}
			return out
		}(), func(t *testing.T, res []*argmap.IngestResult) {
			created, ids := 0, map[string]bool{}
			for _, r := range res {
				ids[r.Source.ID] = true
				if r.Created {
					created++
				}
			}
			if created != 1 || len(ids) != 1 {
				t.Errorf("identical documents: %d created, source IDs %v; want one created and one ID", created, ids)
			}
			hash := argmap.ContentHash(docs[0].Data)
			srcs, err := st.Sources(ctx, argmap.SourceFilter{Page: argmap.Page{Limit: argmap.MaxLimit}})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, s := range srcs {
				if s.ContentHash == hash {
					n++
				}
			}
			if n != 1 {
				t.Errorf("%d sources hold the content hash %s, want 1", n, hash)
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := st.Wipe(ctx); err != nil {
				t.Fatal(err)
			}
			res := make([]*argmap.IngestResult, len(tc.docs))
			errs := make([]error, len(tc.docs))
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i, d := range tc.docs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					<-start
					res[i], errs[i] = newIngester(st).Ingest(ctx, d)
				}()
			}
			close(start)
			wg.Wait()
			var failed []string
			for i, err := range errs {
				if err != nil {
					failed = append(failed, fmt.Sprintf("%s: %v", tc.docs[i].Name, err))
				}
			}
			if len(failed) > 0 {
				t.Fatalf("concurrent Ingest failed:\n%s", strings.Join(failed, "\n"))
			}
			tc.want(t, res)
		})
	}
}
