package httpapi_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/ingest"
)

// seedText is the text of the seeded source.
const seedText = "The organisation serves the interests of states. Critics say it controls migration. A 2010 report counted 4000 returns."

// seeded names the records seed writes.
type seeded struct {
	Source, Serves, Controls, Report, Actor, Backs, Attacks string
}

// span returns the span of quote in seedText.
func span(t *testing.T, src, quote string) argmap.Span {
	t.Helper()
	i := strings.Index(seedText, quote)
	if i < 0 {
		t.Fatalf("%q is not in the seed text", quote)
	}
	return argmap.Span{SourceID: src, Start: i, End: i + len(quote)}
}

// seed writes a small graph: one source stating two claims and a piece of
// evidence; the evidence supports the first claim, the second contests it.
func seed(t *testing.T, st argmap.Store) seeded {
	t.Helper()
	s := seeded{
		Source:   argmap.DerivedID(argmap.KindSource, "seed"),
		Serves:   argmap.DerivedID(argmap.KindClaim, "serves"),
		Controls: argmap.DerivedID(argmap.KindClaim, "controls"),
		Report:   argmap.DerivedID(argmap.KindEvidence, "report"),
		Actor:    argmap.ActorID("International Organization for Migration"),
		Backs:    argmap.DerivedID(argmap.KindRelation, "backs"),
		Attacks:  argmap.DerivedID(argmap.KindRelation, "attacks"),
	}
	now := argmap.Now()
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: s.Source, Title: "Seed report", Kind: argmap.SourceReport, URI: "seed.txt",
			ContentHash: argmap.ContentHash([]byte(seedText)), Text: seedText, CreatedAt: now}},
		Actors: []argmap.Actor{{ID: s.Actor, Name: "International Organization for Migration", Kind: argmap.ActorOrganisation,
			Aliases: []string{"IOM"}, CreatedAt: now}},
		Claims: []argmap.Claim{
			{ID: s.Serves, Text: "The organisation serves the interests of states.", Origin: argmap.OriginExtracted, Score: 0.8,
				Main: true, Spans: []argmap.Span{span(t, s.Source, "The organisation serves the interests of states.")},
				Actors: []argmap.ActorRef{{ActorID: s.Actor, Role: argmap.RoleNamed}}, CreatedAt: now},
			{ID: s.Controls, Text: "Critics say it controls migration.", Origin: argmap.OriginExtracted, Score: 0.6,
				Spans: []argmap.Span{span(t, s.Source, "Critics say it controls migration.")}, CreatedAt: now},
		},
		Evidence: []argmap.Evidence{{ID: s.Report, Kind: argmap.EvidenceStatistic, Text: "A 2010 report counted 4000 returns.",
			Origin: argmap.OriginExtracted, Score: 0.7, Spans: []argmap.Span{span(t, s.Source, "A 2010 report counted 4000 returns.")}, CreatedAt: now}},
		Relations: []argmap.Relation{
			{ID: s.Backs, Kind: argmap.Supports, From: []string{s.Report}, To: s.Serves, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: now},
			{ID: s.Attacks, Kind: argmap.Contests, From: []string{s.Controls}, To: s.Serves, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: now},
		},
	}
	if err := st.WriteGraph(context.Background(), g); err != nil {
		t.Fatalf("seeding: %v", err)
	}
	return s
}

// wantStatus fails the test unless r has the status.
func wantStatus(t *testing.T, what string, r *resp, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("%s = %d %s, want %d", what, r.Status, trunc(r.Body), status)
	}
}

func TestClaimLifecycle(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)

	var list struct {
		Items      []argmap.Claim `json:"items"`
		NextCursor string         `json:"next_cursor"`
	}
	r := e.get("/v1/claims?source=" + s.Source)
	wantStatus(t, "GET /v1/claims?source=", r, http.StatusOK)
	r.JSON(t, &list)
	var ids []string
	for _, c := range list.Items {
		ids = append(ids, c.ID)
	}
	sort.Strings(ids)
	want := []string{s.Serves, s.Controls}
	sort.Strings(want)
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("GET /v1/claims?source= ids (-want +got):\n%s", diff)
	}

	var hits struct {
		Items []argmap.ClaimHit `json:"items"`
	}
	r = e.get("/v1/claims/search?q=" + url.QueryEscape("interests of states"))
	wantStatus(t, "GET /v1/claims/search", r, http.StatusOK)
	r.JSON(t, &hits)
	if len(hits.Items) == 0 || hits.Items[0].Claim.ID != s.Serves {
		t.Errorf("search for %q: top hit %+v, want %s", "interests of states", hits.Items, s.Serves)
	}

	// A curated claim with a span and an actor.
	body := fmt.Sprintf(`{"text":"States use the organisation to contain migrants.","spans":[{"source_id":%q,"start":%d,"end":%d}],"actors":[{"actor_id":%q,"role":"asserts"}]}`,
		s.Source, span(t, s.Source, "it controls migration").Start, span(t, s.Source, "it controls migration").End, s.Actor)
	r = e.write(http.MethodPost, "/v1/claims", body)
	wantStatus(t, "POST /v1/claims", r, http.StatusCreated)
	var cl argmap.Claim
	r.JSON(t, &cl)
	if argmap.KindOf(cl.ID) != argmap.KindClaim || cl.Origin != argmap.OriginCurated || cl.Score != 1 {
		t.Errorf("POST /v1/claims = id %q origin %q score %v, want a clm_ ID, curated, 1", cl.ID, cl.Origin, cl.Score)
	}
	if r.Header.Get("Location") != "/v1/claims/"+cl.ID {
		t.Errorf("POST /v1/claims Location = %q, want /v1/claims/%s", r.Header.Get("Location"), cl.ID)
	}
	if len(cl.Spans) != 1 || cl.Spans[0].Quote != "it controls migration" {
		t.Errorf("POST /v1/claims spans = %+v, want one quoting %q", cl.Spans, "it controls migration")
	}

	r = e.write(http.MethodPatch, "/v1/claims/"+cl.ID, `{"gist":"states contain migrants","score":0.9}`)
	wantStatus(t, "PATCH /v1/claims/{id}", r, http.StatusOK)
	var patched argmap.Claim
	r.JSON(t, &patched)
	if patched.Gist != "states contain migrants" || patched.Score != 0.9 || patched.Text != cl.Text {
		t.Errorf("PATCH = gist %q score %v text %q, want the gist and score changed, the text kept", patched.Gist, patched.Score, patched.Text)
	}

	// The curated claim supports the seeded one; then it undercuts the support
	// of the report.
	r = e.write(http.MethodPost, "/v1/relations", fmt.Sprintf(`{"kind":"supports","from":[%q],"to":%q}`, cl.ID, s.Serves))
	wantStatus(t, "POST /v1/relations (support)", r, http.StatusCreated)
	var sup argmap.Relation
	r.JSON(t, &sup)
	r = e.write(http.MethodPost, "/v1/relations", fmt.Sprintf(`{"kind":"contests","from":[%q],"to":%q}`, s.Controls, s.Backs))
	wantStatus(t, "POST /v1/relations (undercut)", r, http.StatusCreated)
	var undercut argmap.Relation
	r.JSON(t, &undercut)
	if undercut.To != s.Backs || undercut.Origin != argmap.OriginCurated {
		t.Errorf("undercut = %+v, want to %s, curated", undercut, s.Backs)
	}
	r = e.get("/v1/relations?node=" + s.Backs)
	wantStatus(t, "GET /v1/relations?node=", r, http.StatusOK)
	var rels struct {
		Items []argmap.Relation `json:"items"`
	}
	r.JSON(t, &rels)
	found := false
	for _, x := range rels.Items {
		found = found || x.ID == undercut.ID
	}
	if !found {
		t.Errorf("GET /v1/relations?node=%s does not list the undercut %s: %+v", s.Backs, undercut.ID, rels.Items)
	}

	var ans argmap.SupportAnswer
	r = e.get("/v1/claims/" + s.Serves + "/supporters?depth=2")
	wantStatus(t, "GET supporters", r, http.StatusOK)
	r.JSON(t, &ans)
	if len(ans.Claims) != 1 || ans.Claims[0].ID != s.Serves {
		t.Errorf("supporters claims = %+v, want just %s", ans.Claims, s.Serves)
	}
	if len(ans.Supporting) == 0 || ans.Supporting[0].Source.ID != s.Source || len(ans.Supporting[0].Spans) == 0 || ans.Supporting[0].Spans[0].Quote == "" {
		t.Errorf("supporting = %+v, want the seed source with quoted spans", ans.Supporting)
	}
	if len(ans.Contesting) == 0 || ans.Contesting[0].Source.ID != s.Source {
		t.Errorf("contesting = %+v, want the seed source (it states the contesting claim)", ans.Contesting)
	}

	var con argmap.SupportAnswer
	r = e.get("/v1/claims/" + s.Serves + "/contesters")
	wantStatus(t, "GET contesters", r, http.StatusOK)
	r.JSON(t, &con)
	if len(con.Supporting) != 0 || len(con.Contesting) != len(ans.Contesting) {
		t.Errorf("contesters = %d supporting, %d contesting; want 0 and %d", len(con.Supporting), len(con.Contesting), len(ans.Contesting))
	}

	var byText argmap.SupportAnswer
	r = e.get("/v1/supporters?q=" + url.QueryEscape("serves the interests of states"))
	wantStatus(t, "GET /v1/supporters?q=text", r, http.StatusOK)
	r.JSON(t, &byText)
	if len(byText.Claims) == 0 || byText.Claims[0].ID != s.Serves {
		t.Errorf("supporters by text resolved to %+v, want %s first", byText.Claims, s.Serves)
	}

	wantStatus(t, "DELETE /v1/relations/{id}", e.write(http.MethodDelete, "/v1/relations/"+sup.ID, ""), http.StatusNoContent)
	wantStatus(t, "GET deleted relation", e.get("/v1/relations/"+sup.ID), http.StatusNotFound)
	wantStatus(t, "DELETE /v1/claims/{id}", e.write(http.MethodDelete, "/v1/claims/"+cl.ID, ""), http.StatusNoContent)
	wantStatus(t, "GET deleted claim", e.get("/v1/claims/"+cl.ID), http.StatusNotFound)
}

func TestEvidenceAndActors(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)

	r := e.write(http.MethodPost, "/v1/evidence", fmt.Sprintf(`{"text":"4000 returns in 2010","kind":"statistic","score":0.5,"spans":[{"source_id":%q,"start":0,"end":16}],"actors":[{"actor_id":%q,"role":"named"}]}`, s.Source, s.Actor))
	wantStatus(t, "POST /v1/evidence", r, http.StatusCreated)
	var ev argmap.Evidence
	r.JSON(t, &ev)
	if ev.Origin != argmap.OriginCurated || ev.Score != 0.5 || len(ev.Spans) != 1 || ev.Spans[0].Quote != seedText[:16] {
		t.Errorf("POST /v1/evidence = %+v, want curated, score 0.5, one span quoting %q", ev, seedText[:16])
	}
	if want := []argmap.ActorRef{{ActorID: s.Actor, Role: argmap.RoleNamed}}; !reflect.DeepEqual(ev.Actors, want) {
		t.Errorf("POST /v1/evidence actors = %+v, want %+v", ev.Actors, want)
	}
	r = e.write(http.MethodPost, "/v1/evidence", `{"text":"x","actors":[{"actor_id":"act_nosuchactor","role":"named"}]}`)
	wantStatus(t, "POST /v1/evidence naming an unknown actor", r, http.StatusBadRequest)
	r = e.write(http.MethodPatch, "/v1/evidence/"+ev.ID, `{"kind":"event"}`)
	wantStatus(t, "PATCH /v1/evidence/{id}", r, http.StatusOK)
	r.JSON(t, &ev)
	if ev.Kind != "event" {
		t.Errorf("PATCH evidence kind = %q, want event", ev.Kind)
	}
	r = e.get("/v1/evidence?source=" + s.Source)
	wantStatus(t, "GET /v1/evidence", r, http.StatusOK)
	var evs struct {
		Items []argmap.Evidence `json:"items"`
	}
	r.JSON(t, &evs)
	if len(evs.Items) != 2 {
		t.Errorf("GET /v1/evidence?source= has %d items, want 2", len(evs.Items))
	}
	wantStatus(t, "GET /v1/evidence/{id}", e.get("/v1/evidence/"+ev.ID), http.StatusOK)
	wantStatus(t, "DELETE /v1/evidence/{id}", e.write(http.MethodDelete, "/v1/evidence/"+ev.ID, ""), http.StatusNoContent)

	r = e.write(http.MethodPost, "/v1/actors", `{"name":"United Nations","kind":"organisation","aliases":["UN"]}`)
	wantStatus(t, "POST /v1/actors", r, http.StatusCreated)
	var un argmap.Actor
	r.JSON(t, &un)
	wantStatus(t, "POST /v1/actors again", e.write(http.MethodPost, "/v1/actors", `{"name":"united  nations"}`), http.StatusConflict)
	r = e.write(http.MethodPatch, "/v1/actors/"+un.ID, `{"aliases":["UN","the UN"]}`)
	wantStatus(t, "PATCH /v1/actors/{id}", r, http.StatusOK)
	r = e.get("/v1/actors?q=" + url.QueryEscape("the UN"))
	wantStatus(t, "GET /v1/actors?q=", r, http.StatusOK)
	var acts struct {
		Items []argmap.Actor `json:"items"`
	}
	r.JSON(t, &acts)
	if len(acts.Items) != 1 || acts.Items[0].ID != un.ID {
		t.Errorf("GET /v1/actors?q=the UN = %+v, want just %s", acts.Items, un.ID)
	}
	r = e.write(http.MethodPost, "/v1/actors/"+un.ID+"/merge", fmt.Sprintf(`{"into":%q}`, s.Actor))
	wantStatus(t, "POST merge", r, http.StatusOK)
	var merged argmap.Actor
	r.JSON(t, &merged)
	if merged.ID != s.Actor || !contains(merged.Aliases, "United Nations") {
		t.Errorf("merge = %+v, want %s with alias United Nations", merged, s.Actor)
	}
	wantStatus(t, "GET merged-away actor", e.get("/v1/actors/"+un.ID), http.StatusNotFound)
	wantStatus(t, "DELETE /v1/actors/{id}", e.write(http.MethodDelete, "/v1/actors/"+s.Actor, ""), http.StatusNoContent)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestPagination(t *testing.T) {
	st := openStore(t)
	e := newEnv(t, httpapi.Config{}, st, nil)
	var want []string
	for i := range 7 {
		r := e.write(http.MethodPost, "/v1/actors", fmt.Sprintf(`{"name":"Actor %d"}`, i))
		wantStatus(t, "POST /v1/actors", r, http.StatusCreated)
		var a argmap.Actor
		r.JSON(t, &a)
		want = append(want, a.ID)
	}
	sort.Strings(want)
	for _, limit := range []int{1, 2, 3, 7, 50} {
		var got []string
		cursor, pages := "", 0
		for {
			r := e.get(fmt.Sprintf("/v1/actors?limit=%d&cursor=%s", limit, url.QueryEscape(cursor)))
			wantStatus(t, "GET /v1/actors", r, http.StatusOK)
			var page struct {
				Items      []argmap.Actor `json:"items"`
				NextCursor string         `json:"next_cursor"`
			}
			r.JSON(t, &page)
			pages++
			if len(page.Items) > limit {
				t.Fatalf("limit %d: a page has %d items", limit, len(page.Items))
			}
			for _, a := range page.Items {
				got = append(got, a.ID)
			}
			if page.NextCursor == "" || pages > 20 {
				break
			}
			cursor = page.NextCursor
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("limit %d: paged IDs (-want +got):\n%s", limit, diff)
		}
		if wantPages := (len(want) + limit - 1) / limit; pages != wantPages {
			t.Errorf("limit %d: %d pages, want %d", limit, pages, wantPages)
		}
	}
}

func TestGraphAndMaps(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)

	r := e.get("/v1/graph?focus=" + s.Serves + "&depth=2")
	wantStatus(t, "GET /v1/graph", r, http.StatusOK)
	var g struct {
		Focus string `json:"focus"`
		Nodes []struct {
			ID    string `json:"id"`
			Kind  string `json:"kind"`
			Label string `json:"label"`
			Focus bool   `json:"focus"`
		} `json:"nodes"`
		Edges []struct {
			ID, Kind, From, To string
		} `json:"edges"`
	}
	r.JSON(t, &g)
	nodes := map[string]string{}
	for _, n := range g.Nodes {
		nodes[n.ID] = n.Kind
		if n.Focus != (n.ID == s.Serves) {
			t.Errorf("node %s focus = %v", n.ID, n.Focus)
		}
	}
	for id, kind := range map[string]string{s.Serves: "claim", s.Controls: "claim", s.Report: "evidence", s.Source: "source", s.Actor: "actor"} {
		if nodes[id] != kind {
			t.Errorf("graph node %s kind = %q, want %q", id, nodes[id], kind)
		}
	}
	edges := map[string]string{}
	for _, ed := range g.Edges {
		edges[ed.Kind+" "+ed.From+" "+ed.To] = ed.ID
		if nodes[ed.From] == "" || nodes[ed.To] == "" {
			t.Errorf("edge %s %s -> %s has an end that is not a node", ed.Kind, ed.From, ed.To)
		}
	}
	for _, k := range []string{"supports " + s.Report + " " + s.Serves, "contests " + s.Controls + " " + s.Serves,
		"states " + s.Source + " " + s.Serves, "named " + s.Actor + " " + s.Serves} {
		if edges[k] == "" {
			t.Errorf("graph has no edge %q; edges: %v", k, edges)
		}
	}

	tests := []struct {
		path, ctype string
		magic       []byte
	}{
		{"/v1/claims/" + s.Serves + "/map.svg", "image/svg+xml", []byte("<svg")},
		{"/v1/claims/" + s.Serves + "/map.dot?depth=1", "text/vnd.graphviz; charset=utf-8", []byte("digraph")},
		{"/v1/claims/" + s.Serves + "/map.png", "image/png", []byte("\x89PNG")},
		{"/v1/map.svg", "image/svg+xml", []byte("<svg")},
		{"/v1/map.dot?limit=10", "text/vnd.graphviz; charset=utf-8", []byte("digraph")},
		{"/v1/map.png", "image/png", []byte("\x89PNG")},
		{"/v1/sources/" + s.Source + "/map.svg", "image/svg+xml", []byte("<svg")},
		{"/v1/sources/" + s.Source + "/map.dot", "text/vnd.graphviz; charset=utf-8", []byte("digraph")},
		{"/v1/sources/" + s.Source + "/map.png", "image/png", []byte("\x89PNG")},
	}
	etags := map[string]string{}
	for _, tt := range tests {
		r := e.get(tt.path)
		if r.Status != http.StatusOK || r.Header.Get("Content-Type") != tt.ctype || !bytes.Contains(r.Body[:min(len(r.Body), 400)], tt.magic) {
			t.Errorf("GET %s = %d %q %q, want 200 %q starting with %q", tt.path, r.Status, r.Header.Get("Content-Type"), trunc(r.Body[:min(len(r.Body), 40)]), tt.ctype, tt.magic)
		}
		// The map's ETag: asked again with it, the answer is 304 with no
		// body; with another tag, or after the map changed, the map.
		etag := r.Header.Get("ETag")
		if len(etag) < 34 || etag[0] != '"' || etags[etag] != "" {
			t.Errorf("GET %s ETag = %q, want a quoted tag of its own (seen on %s)", tt.path, etag, etags[etag])
			continue
		}
		etags[etag] = tt.path
		for header, want := range map[string]int{etag: http.StatusNotModified, `"other", W/` + etag: http.StatusNotModified, "*": http.StatusNotModified, `"other"`: http.StatusOK} {
			r := e.do(request{Method: http.MethodGet, Path: tt.path, Header: map[string]string{"If-None-Match": header}})
			if r.Status != want || (want == http.StatusNotModified && (len(r.Body) != 0 || r.Header.Get("ETag") != etag)) {
				t.Errorf("GET %s If-None-Match %s = %d, %d bytes, ETag %q; want %d", tt.path, header, r.Status, len(r.Body), r.Header.Get("ETag"), want)
			}
		}
	}
	// A new relation changes the maps around it: the old ETag gets the map.
	if r := e.write(http.MethodPost, "/v1/relations", `{"kind":"supports","from":["`+s.Report+`"],"to":"`+s.Controls+`"}`); r.Status != http.StatusCreated {
		t.Fatalf("POST /v1/relations = %d %s", r.Status, r.Body)
	}
	for etag, path := range etags {
		if r := e.do(request{Method: http.MethodGet, Path: path, Header: map[string]string{"If-None-Match": etag}}); r.Status != http.StatusOK {
			t.Errorf("GET %s after a change, If-None-Match the old ETag = %d, want 200", path, r.Status)
		}
	}
}

// TestSourceMapErrors checks the document map's errors: an unknown source,
// an ID of another kind.
func TestSourceMapErrors(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	for path, want := range map[string]int{
		"/v1/sources/src_unknown/map.svg": http.StatusNotFound,
		"/v1/sources/clm_x/map.dot":       http.StatusNotFound,
	} {
		if r := e.get(path); r.Status != want {
			t.Errorf("GET %s = %d, want %d", path, r.Status, want)
		}
	}
}

// TestWebAppMount checks that / and /ui/ reach the web app when one is
// configured, and that /ui/ is a JSON 404 when none is.
func TestWebAppMount(t *testing.T) {
	st := openStore(t)
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "web app %s", r.URL.Path) })
	with := httptest.NewServer(httpapi.New(httpapi.Config{}, httpapi.Deps{Store: st, UI: ui}).Handler())
	defer with.Close()
	for _, path := range []string{"/", "/ui/claims/clm_x"} {
		res, err := http.Get(with.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || string(b) != "web app "+path {
			t.Errorf("GET %s = %d %q, want the web app's answer", path, res.StatusCode, b)
		}
	}
	e := newEnv(t, httpapi.Config{}, st, nil)
	if r := e.get("/ui/claims/clm_x"); r.Status != http.StatusNotFound || !bytes.Contains(r.Body, []byte(`"code"`)) {
		t.Errorf("GET /ui/... without a web app = %d %s, want a JSON 404", r.Status, trunc(r.Body))
	}
}

func TestSources(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)

	r := e.get("/v1/sources?kind=report&q=seed")
	wantStatus(t, "GET /v1/sources", r, http.StatusOK)
	var list struct {
		Items []argmap.Source `json:"items"`
	}
	r.JSON(t, &list)
	if len(list.Items) != 1 || list.Items[0].ID != s.Source || list.Items[0].Text != "" {
		t.Errorf("GET /v1/sources = %+v, want the seed source without text", list.Items)
	}
	r = e.get("/v1/sources/" + s.Source)
	wantStatus(t, "GET /v1/sources/{id}", r, http.StatusOK)
	var d struct {
		Source argmap.Source  `json:"source"`
		Claims []argmap.Claim `json:"claims"`
	}
	r.JSON(t, &d)
	if d.Source.Text != seedText || len(d.Claims) != 2 {
		t.Errorf("GET /v1/sources/{id} = text %q, %d claims; want the seed text and 2 claims", d.Source.Text, len(d.Claims))
	}
	wantStatus(t, "DELETE /v1/sources/{id}", e.write(http.MethodDelete, "/v1/sources/"+s.Source, ""), http.StatusNoContent)
	wantStatus(t, "GET deleted source", e.get("/v1/sources/"+s.Source), http.StatusNotFound)
	wantStatus(t, "GET claim of deleted source", e.get("/v1/claims/"+s.Serves), http.StatusNotFound)
}

func TestHomeAndHealth(t *testing.T) {
	st := openStore(t)
	seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)
	r := e.get("/")
	wantStatus(t, "GET /", r, http.StatusOK)
	body := string(r.Body)
	for _, want := range []string{`<img src="/v1/map.svg"`, `<td>2</td>`, `/v1/supporters?q=`, `id="q"`} {
		if !strings.Contains(body, want) {
			t.Errorf("GET / does not contain %q", want)
		}
	}
	csp := r.Header.Get("Content-Security-Policy")
	i := strings.Index(csp, "'nonce-")
	if i < 0 {
		t.Fatalf("GET / CSP = %q, want a script nonce", csp)
	}
	nonce := csp[i+len("'nonce-") : i+strings.Index(csp[i:], "';")]
	if !strings.Contains(body, `<script nonce="`+nonce+`">`) {
		t.Errorf("GET / script does not carry the CSP nonce %q", nonce)
	}
	if strings.Contains(body, "innerHTML") {
		t.Errorf("GET / script uses innerHTML; results must be built with textContent")
	}
	wantStatus(t, "GET /healthz", e.get("/healthz"), http.StatusOK)

	empty := newEnv(t, httpapi.Config{}, openStore(t), nil)
	if r := empty.get("/"); r.Status != http.StatusOK || strings.Contains(string(r.Body), "<img") || !strings.Contains(string(r.Body), "Nothing is stored yet") {
		t.Errorf("GET / on an empty store = %d, want 200 without a map and with a hint", r.Status)
	}
	if r := empty.get("/v1/map.svg"); r.Status != http.StatusNotFound || !strings.Contains(r.Err(t).Message, "nothing to draw") {
		t.Errorf("GET /v1/map.svg on an empty store = %d %s, want 404 nothing to draw", r.Status, r.Body)
	}
	r = e.get("/v1/stats")
	wantStatus(t, "GET /v1/stats", r, http.StatusOK)
	var n argmap.Counts
	r.JSON(t, &n)
	if diff := cmp.Diff(argmap.Counts{Sources: 1, Claims: 2, Evidence: 1, Actors: 1, Relations: 2}, n); diff != "" {
		t.Errorf("GET /v1/stats (-want +got):\n%s", diff)
	}
}

// TestMapCutByRelevance checks that a map over its limit is cut by relevance,
// never by ID order, and says what it left out: the whole map keeps the
// largest connected part (a chain whose IDs sort after 120 lone claims), a
// claim's map keeps the claims nearest it.
func TestMapCutByRelevance(t *testing.T) {
	st := openStore(t)
	now := argmap.Now()
	g := &argmap.Graph{}
	for i := range 120 {
		g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_a%03d", i), Text: fmt.Sprintf("Lone claim number %d.", i), Origin: argmap.OriginCurated, Score: 0.5, CreatedAt: now})
	}
	for i := range 60 {
		g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_z%03d", i), Text: fmt.Sprintf("Chain claim number %d.", i), Origin: argmap.OriginCurated, Score: 0.5, CreatedAt: now})
		if i > 0 {
			g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_z%03d", i), Kind: argmap.Supports, From: []string{fmt.Sprintf("clm_z%03d", i)}, To: fmt.Sprintf("clm_z%03d", i-1), Origin: argmap.OriginCurated, Score: 0.5, CreatedAt: now})
		}
	}
	if err := st.WriteGraph(t.Context(), g); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Config{}, st, nil)
	drawn := func(dot []byte) (chain, lone int, ids map[string]bool) {
		ids = map[string]bool{}
		for _, m := range regexp.MustCompile(`clm_[az]\d{3}`).FindAll(dot, -1) {
			ids[string(m)] = true
		}
		for id := range ids {
			if strings.HasPrefix(id, "clm_z") {
				chain++
			} else {
				lone++
			}
		}
		return chain, lone, ids
	}

	r := e.get("/v1/map.dot?limit=80")
	wantStatus(t, "GET /v1/map.dot?limit=80", r, http.StatusOK)
	if chain, lone, _ := drawn(r.Body); chain != 60 || lone != 20 {
		t.Errorf("whole map with limit 80 drew %d chain and %d lone claims, want the chain whole (60) and 20 lone", chain, lone)
	}
	if cut := r.Header.Get("Argmap-Cut"); !strings.Contains(cut, "left out 100 claims, 0 evidence, 0 relations") {
		t.Errorf("Argmap-Cut = %q, want it to say 100 claims were left out", cut)
	}
	if !bytes.Contains(r.Body, []byte("part: 80 of 180 claims and evidence")) {
		t.Errorf("the map's title does not say it is part of the graph")
	}

	r = e.get("/v1/claims/clm_z030/map.dot?depth=5&limit=5")
	wantStatus(t, "GET claim map limit 5", r, http.StatusOK)
	if _, _, ids := drawn(r.Body); len(ids) != 5 || !ids["clm_z028"] || !ids["clm_z030"] || !ids["clm_z032"] {
		t.Errorf("claim map with limit 5 drew %v, want clm_z028..clm_z032 (nearest the claim)", ids)
	}
	if cut := r.Header.Get("Argmap-Cut"); !strings.Contains(cut, "left out 6 claims") {
		t.Errorf("claim map Argmap-Cut = %q, want 6 claims left out (11 within depth 5)", cut)
	}

	r = e.get("/v1/claims/clm_z030/map.dot?depth=1")
	if r.Header.Get("Argmap-Cut") != "" {
		t.Errorf("a map that fits has Argmap-Cut %q", r.Header.Get("Argmap-Cut"))
	}
}

// TestWholeMapReadBound checks the whole map of a store larger than the API
// reads at once: it is chosen among the claims and evidence with the most
// relations (Store.Hubs), not among the first by ID, so a hub whose ID sorts
// last is drawn, and Argmap-Cut says the store's size and how the map was
// chosen.
func TestWholeMapReadBound(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 6000 claims")
	}
	st := openStore(t)
	ctx := t.Context()
	bg, err := argmaptest.GenerateBenchGraph(ctx, st, 6000)
	if err != nil {
		t.Fatal(err)
	}
	// a hub whose ID sorts after every generated claim, argued for by 60 of them
	now := argmap.Now()
	hub := argmap.Claim{ID: "clm_zzzzzzzzzzzzzzzz", Text: "The hub claim everyone argues about.", Origin: argmap.OriginCurated, CreatedAt: now}
	g := &argmap.Graph{Claims: []argmap.Claim{hub}}
	for i := range 60 {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports,
			From: []string{bg.Claims[i*97]}, To: hub.ID, Origin: argmap.OriginCurated, CreatedAt: now})
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Config{}, st, nil)
	r := e.get("/v1/map.dot?limit=30")
	wantStatus(t, "GET /v1/map.dot?limit=30", r, http.StatusOK)
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`clm_[a-z0-9]{16}`).FindAll(r.Body, -1) {
		ids[string(m)] = true
	}
	if len(ids) != 30 || !ids[hub.ID] {
		t.Errorf("whole map of limit 30 drew %d nodes, hub %s drawn: %v; want 30 with the hub", len(ids), hub.ID, ids[hub.ID])
	}
	cut := r.Header.Get("Argmap-Cut")
	for _, want := range []string{"drew 30 of 6001 claims", "left out 5971 claims", "the store holds 6001 claims and 0 evidence",
		"chosen among the 5000 with the most relations"} {
		if !strings.Contains(cut, want) {
			t.Errorf("Argmap-Cut = %q, want it to say %q", cut, want)
		}
	}
	if !bytes.Contains(r.Body, []byte("part: 30 of 6001 claims and evidence")) {
		t.Errorf("the map's title does not say it is part of the store's 6001 claims")
	}
}

// TestPatchClaimTextRekeys: an edited claim text is stored with the link
// signature of the new text, so that documents ingested later find the claim
// by what it now says and not by what it used to say.
func TestPatchClaimTextRekeys(t *testing.T) {
	st := openStore(t)
	ids := seed(t, st)
	ing := ingest.New(st, extract.New(extract.Options{}), extract.NewLinker())
	e := newEnv(t, httpapi.Config{}, st, ing)
	text := "Donors earmark humanitarian funding for particular projects."
	r := e.write(http.MethodPatch, "/v1/claims/"+ids.Serves, fmt.Sprintf(`{"text":%q}`, text))
	wantStatus(t, "PATCH /v1/claims/{id} text", r, http.StatusOK)
	keys := ing.ClaimKeys(argmap.Claim{Text: text})
	if len(keys) == 0 {
		t.Fatalf("ClaimKeys(%q) = none", text)
	}
	got, err := st.ClaimsByKeys(context.Background(), keys, 4)
	if err != nil {
		t.Fatalf("ClaimsByKeys: %v", err)
	}
	if len(got) != 1 || got[0].ID != ids.Serves {
		t.Errorf("ClaimsByKeys(keys of the new text) = %v, want the edited claim", got)
	}
	old := ing.ClaimKeys(argmap.Claim{Text: "The organisation serves the interests of states."})
	if got, err := st.ClaimsByKeys(context.Background(), old, 4); err != nil || len(got) != 0 {
		t.Errorf("ClaimsByKeys(keys of the old text) = %v, %v, want none", got, err)
	}
}
