package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestEndToEnd drives the real server over HTTP with each real store,
// extraction pipeline and renderer: it ingests the IOM corpus, asks
// questions, curates, renders, deletes, and meets every error status.
// SQLite always runs; Neo4j runs when ARGMAP_NEO4J_URI names a server
// (scripts/test-neo4j.sh), whose database it wipes first.
func TestEndToEnd(t *testing.T) {
	dir := sharedtest.CorpusDir(t)
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) != 5 {
		t.Fatalf("want the five IOM documents in %s, found %v (%v)", dir, names, err)
	}
	sort.Strings(names)
	stores := []struct {
		name string
		open func(t *testing.T) argmap.Store
	}{
		{"sqlite", func(t *testing.T) argmap.Store { return openStore(t) }},
		{"neo4j", openNeo4j},
	}
	for _, tc := range stores {
		t.Run(tc.name, func(t *testing.T) { endToEnd(t, names, tc.open(t)) })
	}
}

// openNeo4j opens the Neo4j store ARGMAP_NEO4J_URI names and wipes it, or
// skips the test when the variable is unset.
func openNeo4j(t *testing.T) argmap.Store {
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
	st, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("neo4jstore.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.Wipe(ctx); err != nil {
		t.Fatalf("Wipe: %v", err)
	}
	return st
}

func endToEnd(t *testing.T, names []string, st argmap.Store) {
	e := newEnv(t, httpapi.Config{MaxBodyBytes: 1 << 20}, st, pipeline(st))

	// Upload the corpus.
	var sources []argmap.Source
	total := argmap.Counts{}
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		r := e.upload(filepath.Base(n), data)
		wantStatus(t, "upload "+filepath.Base(n), r, http.StatusCreated)
		var res argmap.IngestResult
		r.JSON(t, &res)
		if !res.Created || argmap.KindOf(res.Source.ID) != argmap.KindSource || res.Source.URI != "corpus/"+filepath.Base(n) {
			t.Errorf("upload %s = created %v, source %+v; want a new source with the sent uri", n, res.Created, res.Source)
		}
		sources = append(sources, res.Source)
		total.Claims += res.Counts.Claims
		total.Relations += res.Counts.Relations
	}
	if total.Claims < 10 {
		t.Fatalf("the corpus gave %d claims, want at least 10", total.Claims)
	}
	t.Logf("ingested %d documents: %d claims, %d relations", len(sources), total.Claims, total.Relations)

	// The same bytes again: 200 and the stored source.
	data, _ := os.ReadFile(names[0])
	r := e.upload("again.txt", data)
	wantStatus(t, "re-upload", r, http.StatusOK)
	var again argmap.IngestResult
	r.JSON(t, &again)
	if again.Created || again.Source.ID != sources[0].ID {
		t.Errorf("re-upload = created %v id %s, want false and %s", again.Created, again.Source.ID, sources[0].ID)
	}

	// A JSON upload.
	r = e.write(http.MethodPost, "/v1/sources", `{"title":"A note","uri":"notes/a.txt","text":"The International Organization for Migration is accountable to no one. Critics argue that its projects contain migrants for wealthy states."}`)
	wantStatus(t, "JSON upload", r, http.StatusCreated)

	// Listing finds the uploads.
	r = e.get("/v1/sources?limit=1000")
	wantStatus(t, "GET /v1/sources", r, http.StatusOK)
	var list struct {
		Items []argmap.Source `json:"items"`
	}
	r.JSON(t, &list)
	listed := map[string]bool{}
	for _, s := range list.Items {
		listed[s.ID] = true
	}
	for _, s := range sources {
		if !listed[s.ID] {
			t.Errorf("GET /v1/sources does not list %s (%s)", s.ID, s.URI)
		}
	}

	// Search, then ask who supports the best hit.
	r = e.get("/v1/claims/search?q=" + url.QueryEscape("IOM migration states") + "&limit=5")
	wantStatus(t, "search", r, http.StatusOK)
	var hits struct {
		Items []argmap.ClaimHit `json:"items"`
	}
	r.JSON(t, &hits)
	if len(hits.Items) == 0 {
		t.Fatal("searching the corpus for \"IOM migration states\" found nothing")
	}
	top := hits.Items[0].Claim
	r = e.get("/v1/supporters?q=" + url.QueryEscape(top.Text))
	wantStatus(t, "supporters by text", r, http.StatusOK)
	var ans argmap.SupportAnswer
	r.JSON(t, &ans)
	if len(ans.Claims) == 0 || len(ans.Supporting) == 0 {
		t.Fatalf("supporters of %q = %+v, want the claim and at least its own source", top.Text, ans)
	}
	for _, b := range ans.Supporting {
		for _, sp := range b.Spans {
			if sp.Quote == "" {
				t.Errorf("supporting %s has a span without a quote", b.Source.ID)
			}
		}
	}

	// Curate: a claim quoting another source supports the hit; a second claim
	// undercuts that support.
	if len(top.Spans) == 0 {
		t.Fatalf("the top hit %s has no span", top.ID)
	}
	other, third := sources[len(sources)-1], sources[2]
	if other.ID == top.Spans[0].SourceID {
		other = sources[0]
	}
	src := e.get("/v1/sources/" + other.ID)
	wantStatus(t, "GET /v1/sources/{id}", src, http.StatusOK)
	var detail struct {
		Source argmap.Source `json:"source"`
	}
	src.JSON(t, &detail)
	end := strings.IndexByte(detail.Source.Text, '.')
	if end <= 0 {
		t.Fatalf("source %s has no sentence", other.ID)
	}
	r = e.write(http.MethodPost, "/v1/claims", fmt.Sprintf(`{"text":"A curated claim backing the hit.","spans":[{"source_id":%q,"start":0,"end":%d}]}`, other.ID, end))
	wantStatus(t, "POST /v1/claims", r, http.StatusCreated)
	var backer argmap.Claim
	r.JSON(t, &backer)
	r = e.write(http.MethodPost, "/v1/relations", fmt.Sprintf(`{"kind":"supports","from":[%q],"to":%q}`, backer.ID, top.ID))
	wantStatus(t, "POST support", r, http.StatusCreated)
	var support argmap.Relation
	r.JSON(t, &support)
	r = e.write(http.MethodPost, "/v1/claims", fmt.Sprintf(`{"text":"The backing does not follow.","spans":[{"source_id":%q,"start":0,"end":1}]}`, third.ID))
	wantStatus(t, "POST undercutter", r, http.StatusCreated)
	var undercutter argmap.Claim
	r.JSON(t, &undercutter)
	r = e.write(http.MethodPost, "/v1/relations", fmt.Sprintf(`{"kind":"contests","from":[%q],"to":%q}`, undercutter.ID, support.ID))
	wantStatus(t, "POST undercut", r, http.StatusCreated)

	r = e.get("/v1/claims/" + top.ID + "/supporters")
	wantStatus(t, "supporters by ID", r, http.StatusOK)
	r.JSON(t, &ans)
	foundBacker := false
	for _, b := range ans.Supporting {
		if b.Source.ID == other.ID && contains(b.Nodes, backer.ID) {
			foundBacker = true
		}
	}
	if !foundBacker {
		t.Errorf("after curating, supporters of %s do not include %s through %s: %+v", top.ID, other.ID, backer.ID, ans.Supporting)
	}
	foundUndercut := false
	for _, b := range ans.Contesting {
		if b.Source.ID == third.ID && contains(b.Nodes, undercutter.ID) {
			foundUndercut = true
		}
	}
	if !foundUndercut {
		t.Errorf("the undercut of %s by %s (stated in %s) is not among the contesters: %+v", support.ID, undercutter.ID, third.ID, ans.Contesting)
	}

	// Graph and map of the hit.
	r = e.get("/v1/graph?focus=" + support.ID + "&depth=1")
	wantStatus(t, "GET /v1/graph (relation focus)", r, http.StatusOK)
	r = e.get("/v1/claims/" + top.ID + "/map.svg?depth=2")
	wantStatus(t, "GET map.svg", r, http.StatusOK)
	if !strings.Contains(string(r.Body), "<svg") || r.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("map.svg = %q %s, want an SVG", r.Header.Get("Content-Type"), trunc(r.Body[:min(80, len(r.Body))]))
	}

	// Delete a source: it and what only it stated are gone.
	victim := sources[1]
	wantStatus(t, "DELETE source", e.write(http.MethodDelete, "/v1/sources/"+victim.ID, ""), http.StatusNoContent)
	wantStatus(t, "GET deleted source", e.get("/v1/sources/"+victim.ID), http.StatusNotFound)
	r = e.get("/v1/claims?source=" + victim.ID)
	wantStatus(t, "claims of a deleted source", r, http.StatusOK)
	var left struct {
		Items []argmap.Claim `json:"items"`
	}
	r.JSON(t, &left)
	if len(left.Items) != 0 {
		t.Errorf("the deleted source still has %d claims", len(left.Items))
	}

	// Every error status, once.
	wantStatus(t, "actor", e.write(http.MethodPost, "/v1/actors", `{"name":"End To End"}`), http.StatusCreated)
	errs := []struct {
		req    request
		status int
	}{
		{request{Method: "POST", Path: "/v1/claims", Body: `{"text":`, Token: writeToken}, 400},
		{request{Method: "POST", Path: "/v1/claims", Body: `{"text":"x"}`}, 401},
		{request{Method: "POST", Path: "/v1/claims", Body: `{"text":"x"}`, Token: readToken}, 403},
		{request{Method: "GET", Path: "/v1/claims/clm_gone"}, 404},
		{request{Method: "GET", Path: "/v2/claims"}, 404},
		{request{Method: "DELETE", Path: "/v1/supporters", Token: writeToken}, 405},
		{request{Method: "POST", Path: "/v1/actors", Body: `{"name":"end to  end"}`, Token: writeToken}, 409},
		{request{Method: "POST", Path: "/v1/sources", Body: `{"text":"` + strings.Repeat("x", 1<<20) + `"}`, Token: writeToken}, 413},
		{request{Method: "POST", Path: "/v1/relations", Body: `kind=supports`, ContentType: "application/x-www-form-urlencoded", Token: writeToken}, 415},
	}
	for _, x := range errs {
		r := e.do(x.req)
		if r.Status != x.status {
			t.Errorf("%s %s = %d %s, want %d", x.req.Method, x.req.Path, r.Status, trunc(r.Body), x.status)
			continue
		}
		r.Err(t)
	}
	// 500 and 503 from a store that fails underneath the same data.
	fe := newEnv(t, httpapi.Config{}, &failing{Store: st, relations: errors.New("database disk image is malformed"), ping: errors.New("connection reset")}, nil)
	for path, status := range map[string]int{"/v1/relations": 500, "/healthz": 503} {
		r := fe.get(path)
		if r.Status != status {
			t.Errorf("GET %s over a failing store = %d, want %d", path, r.Status, status)
			continue
		}
		if got := r.Err(t); strings.Contains(got.Message, "malformed") || strings.Contains(got.Message, "reset") {
			t.Errorf("GET %s leaks the cause: %q", path, got.Message)
		}
	}
}
