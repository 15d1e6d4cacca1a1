package httpapi_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

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
