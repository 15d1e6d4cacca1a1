package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
)

// TestAuditTrail makes changes with a named and a plain token and reads them
// back from GET /v1/audit: who, what, before and after, per record and as a
// feed.
func TestAuditTrail(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{Tokens: []string{"ann:ann-secret-token", "plain-secret-token"}}, st, nil)
	as := func(token, method, path, body string) *resp {
		t.Helper()
		return e.do(request{Method: method, Path: path, Body: body, Token: token})
	}
	wantStatus(t, "PATCH claim", as("ann-secret-token", http.MethodPatch, "/v1/claims/"+s.Serves, `{"text":"The organisation serves <b>states</b>.","origin":"curated"}`), http.StatusOK)
	r := as("plain-secret-token", http.MethodPost, "/v1/relations", `{"kind":"supports","from":["`+s.Controls+`"],"to":"`+s.Serves+`"}`)
	wantStatus(t, "POST relation", r, http.StatusCreated)
	var rel argmap.Relation
	if err := json.Unmarshal(r.Body, &rel); err != nil {
		t.Fatal(err)
	}
	wantStatus(t, "PATCH relation", as("ann-secret-token", http.MethodPatch, "/v1/relations/"+rel.ID, `{"kind":"contests"}`), http.StatusOK)
	wantStatus(t, "PATCH relation bad kind", as("ann-secret-token", http.MethodPatch, "/v1/relations/"+rel.ID, `{"kind":"implies"}`), http.StatusBadRequest)
	wantStatus(t, "DELETE relation", as("ann-secret-token", http.MethodDelete, "/v1/relations/"+s.Backs, ""), http.StatusNoContent)
	other := as("ann-secret-token", http.MethodPost, "/v1/actors", `{"name":"IOM staff"}`)
	wantStatus(t, "POST actor", other, http.StatusCreated)
	var act argmap.Actor
	_ = json.Unmarshal(other.Body, &act)
	wantStatus(t, "merge actors", as("ann-secret-token", http.MethodPost, "/v1/actors/"+act.ID+"/merge", `{"into":"`+s.Actor+`"}`), http.StatusOK)

	var feed struct {
		Items      []argmap.AuditEntry `json:"items"`
		NextCursor string              `json:"next_cursor"`
	}
	read := func(path string) {
		t.Helper()
		r := e.get(path)
		wantStatus(t, "GET "+path, r, http.StatusOK)
		feed.Items, feed.NextCursor = nil, ""
		if err := json.Unmarshal(r.Body, &feed); err != nil {
			t.Fatal(err)
		}
	}
	read("/v1/audit")
	var got []string
	for _, it := range feed.Items {
		got = append(got, it.Who+" "+it.Action+" "+string(it.Kind))
	}
	want := []string{"ann merge actor", "ann create actor", "ann delete relation", "ann update relation", "token-2 create relation", "ann update claim"}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Errorf("GET /v1/audit = %q, want %q", got, want)
	}
	last := feed.Items[len(feed.Items)-1]
	if !strings.Contains(string(last.Before), `serves the interests of states`) || !strings.Contains(string(last.After), `serves \u003cb\u003estates\u003c/b\u003e`) ||
		!strings.Contains(string(last.After), `"origin":"curated"`) {
		t.Errorf("claim update entry before %s after %s, want the old and new text and the curated origin", last.Before, last.After)
	}

	// A claim's history holds its own changes and those of relations touching it.
	read("/v1/audit?node=" + s.Serves)
	if len(feed.Items) != 4 {
		t.Errorf("GET /v1/audit?node=claim has %d entries, want 4 (update, create, update and delete of relations)", len(feed.Items))
	}
	read("/v1/audit?who=token-2")
	if len(feed.Items) != 1 || feed.Items[0].TargetID != rel.ID {
		t.Errorf("GET /v1/audit?who=token-2 = %+v, want the relation's creation", feed.Items)
	}
	read("/v1/audit?limit=2")
	first := feed.Items
	read("/v1/audit?limit=2&cursor=" + feed.NextCursor)
	if len(first) != 2 || len(feed.Items) != 2 || first[1].ID == feed.Items[0].ID {
		t.Errorf("paging the audit trail: pages %v then %v", first, feed.Items)
	}

	// Two claims joined into one proposition.
	r = as("ann-secret-token", http.MethodPost, "/v1/claims/"+s.Controls+"/merge", `{"into":"`+s.Serves+`"}`)
	wantStatus(t, "merge claims", r, http.StatusOK)
	var merged struct {
		Proposition string         `json:"proposition"`
		Claims      []argmap.Claim `json:"claims"`
	}
	if err := json.Unmarshal(r.Body, &merged); err != nil {
		t.Fatal(err)
	}
	if merged.Proposition != s.Serves || len(merged.Claims) != 2 {
		t.Errorf("merge claims = %s with %d claims, want %s with 2", merged.Proposition, len(merged.Claims), s.Serves)
	}
	wantStatus(t, "merge claims again", as("ann-secret-token", http.MethodPost, "/v1/claims/"+s.Controls+"/merge", `{"into":"`+s.Serves+`"}`), http.StatusBadRequest)
	wantStatus(t, "merge into an unknown claim", as("ann-secret-token", http.MethodPost, "/v1/claims/"+s.Controls+"/merge", `{"into":"clm_nope"}`), http.StatusBadRequest)
	read("/v1/audit?limit=1")
	if len(feed.Items) != 1 || feed.Items[0].Action != argmap.AuditMerge || feed.Items[0].Kind != argmap.KindClaim || !strings.Contains(string(feed.Items[0].Before), s.Controls) {
		t.Errorf("the claim merge's audit entry = %+v", feed.Items)
	}

	// Without a token nothing changes and nothing is recorded.
	r = e.do(request{Method: http.MethodPatch, Path: "/v1/claims/" + s.Serves, Body: `{"text":"x"}`})
	wantStatus(t, "PATCH without a token", r, http.StatusUnauthorized)
	if !strings.Contains(string(r.Body), "Authorization: Bearer") {
		t.Errorf("PATCH without a token body %s, want it to say how to send a token", r.Body)
	}
	read("/v1/audit")
	if len(feed.Items) != 7 {
		t.Errorf("audit trail has %d entries after a refused write, want 7", len(feed.Items))
	}
}

// unrecordable is a store whose audit trail refuses every entry, inside
// transactions too.
type unrecordable struct{ argmap.Store }

func (u unrecordable) RecordAudit(ctx context.Context, e *argmap.AuditEntry) error {
	return argmap.Errorf(argmap.EINTERNAL, "the audit trail is full")
}

func (u unrecordable) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	// The hook of ctx gets this store's view of the transaction.
	wrapped := func(_ context.Context, tx argmap.Store, g *argmap.Graph) error {
		return argmap.RunGraphHook(ctx, unrecordable{tx}, g)
	}
	return u.Store.WriteGraph(argmap.WithGraphHook(ctx, wrapped), g)
}

func (u unrecordable) Atomically(ctx context.Context, fn func(tx argmap.Store) error) error {
	return u.Store.Atomically(ctx, func(tx argmap.Store) error { return fn(unrecordable{tx}) })
}

// TestAuditedOrNotMade checks that a change and its audit entry are one
// transaction: every kind of write, including document ingest and map
// import, is refused and leaves the store as it was when its entry cannot
// be recorded; with a working trail, ingest and import are recorded.
func TestAuditedOrNotMade(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	broken := unrecordable{st}
	e := newEnv(t, httpapi.Config{}, broken, pipeline(broken))
	ctx := context.Background()
	before, err := st.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	essay := []byte("# Ferries\n\nThe ferries should be sold, because fares would fall. Critics say fares never fell after a sale.\n")
	aifBody, aifType := multipartBody(t, "ferries.json", []byte(ferryAIF))
	docBody, docType := multipartBody(t, "ferries.md", essay)
	tests := []struct {
		name string
		req  request
	}{
		{"create claim", request{Method: http.MethodPost, Path: "/v1/claims", Body: `{"text":"A new claim."}`}},
		{"update claim", request{Method: http.MethodPatch, Path: "/v1/claims/" + s.Serves, Body: `{"text":"Changed."}`}},
		{"delete claim", request{Method: http.MethodDelete, Path: "/v1/claims/" + s.Controls}},
		{"merge claims", request{Method: http.MethodPost, Path: "/v1/claims/" + s.Controls + "/merge", Body: `{"into":"` + s.Serves + `"}`}},
		{"update evidence", request{Method: http.MethodPatch, Path: "/v1/evidence/" + s.Report, Body: `{"text":"Changed."}`}},
		{"create actor", request{Method: http.MethodPost, Path: "/v1/actors", Body: `{"name":"Some Body"}`}},
		{"update relation", request{Method: http.MethodPatch, Path: "/v1/relations/" + s.Backs, Body: `{"kind":"contests"}`}},
		{"delete relation", request{Method: http.MethodDelete, Path: "/v1/relations/" + s.Attacks}},
		{"delete source", request{Method: http.MethodDelete, Path: "/v1/sources/" + s.Source}},
		{"ingest", request{Method: http.MethodPost, Path: "/v1/sources", Body: docBody, ContentType: docType}},
		{"import", request{Method: http.MethodPost, Path: "/v1/import", Body: aifBody, ContentType: aifType}},
	}
	for _, tc := range tests {
		tc.req.Token = writeToken
		r := e.do(tc.req)
		wantStatus(t, tc.name, r, http.StatusInternalServerError)
	}
	if n := strings.Count(e.logs.String(), "change rolled back"); n != len(tests) {
		t.Errorf("the log says %d times that a change was rolled back for its audit entry, want %d:\n%s", n, len(tests), e.logs)
	}
	after, err := st.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before.Counts(), after.Counts()); diff != "" {
		t.Errorf("store changed by writes whose audit entry failed (-before +after):\n%s", diff)
	}
	if c, err := st.Claim(ctx, s.Serves); err != nil || c.Text != "The organisation serves the interests of states." {
		t.Errorf("claim after a refused update = %+v, %v; want it unchanged", c, err)
	}

	// With a working trail, ingest and import are recorded with their counts.
	ok := newEnv(t, httpapi.Config{}, st, pipeline(st))
	wantStatus(t, "ingest", ok.do(request{Method: http.MethodPost, Path: "/v1/sources", Body: docBody, ContentType: docType, Token: writeToken}), http.StatusCreated)
	wantStatus(t, "import", ok.do(request{Method: http.MethodPost, Path: "/v1/import", Body: aifBody, ContentType: aifType, Token: writeToken}), http.StatusCreated)
	wantStatus(t, "import again", ok.do(request{Method: http.MethodPost, Path: "/v1/import", Body: aifBody, ContentType: aifType, Token: writeToken}), http.StatusOK)
	r := ok.get("/v1/audit")
	wantStatus(t, "GET /v1/audit", r, http.StatusOK)
	var feed struct {
		Items []argmap.AuditEntry `json:"items"`
	}
	r.JSON(t, &feed)
	if len(feed.Items) != 2 {
		t.Fatalf("audit after ingest, import and a repeated import = %+v, want 2 entries", feed.Items)
	}
	for i, want := range []string{`"relations":2`, `"uri":"corpus/ferries.md"`} {
		got := feed.Items[i]
		if got.Action != argmap.AuditCreate || got.Kind != argmap.KindSource || got.Who != "token-1" ||
			!strings.Contains(string(got.After), want) || strings.Contains(string(got.After), `"text"`) {
			t.Errorf("audit entry %d = %+v (after %s), want the creation of a source, by token-1, with %s and no text", i, got, got.After, want)
		}
		if _, err := st.Source(ctx, got.TargetID); err != nil {
			t.Errorf("audit entry %d names source %s: %v", i, got.TargetID, err)
		}
	}
}

// TestEditClearsGist: a claim's new text without a gist clears the old gist,
// which summed up the old text; a gist given with it is kept.
func TestEditClearsGist(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	r := e.write(http.MethodPost, "/v1/claims", `{"text":"Ferries should be sold to cut fares.","gist":"Sell the ferries"}`)
	wantStatus(t, "POST claim", r, http.StatusCreated)
	var cl argmap.Claim
	r.JSON(t, &cl)
	for _, tc := range []struct{ body, text, gist string }{
		{`{"text":"Ferries should stay public."}`, "Ferries should stay public.", ""},
		{`{"text":"Ferries should be sold.","gist":"Sell them"}`, "Ferries should be sold.", "Sell them"},
		{`{"score":0.5}`, "Ferries should be sold.", "Sell them"},
	} {
		r := e.write(http.MethodPatch, "/v1/claims/"+cl.ID, tc.body)
		wantStatus(t, "PATCH "+tc.body, r, http.StatusOK)
		var got argmap.Claim
		r.JSON(t, &got)
		if got.Text != tc.text || got.Gist != tc.gist {
			t.Errorf("PATCH %s = text %q gist %q, want %q and %q", tc.body, got.Text, got.Gist, tc.text, tc.gist)
		}
	}
}
