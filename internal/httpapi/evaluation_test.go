package httpapi_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
)

func TestEvaluationEmpty(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	for _, sem := range []string{"", "?semantics=carneades", "?semantics=preferred"} {
		r := e.get("/v1/evaluation" + sem)
		if r.Status != http.StatusOK || !strings.Contains(string(r.Body), `"statements":[]`) {
			t.Errorf("GET /v1/evaluation%s on an empty store = %d %s, want 200 with no statements", sem, r.Status, trunc(r.Body))
		}
	}
}

func TestEvaluation(t *testing.T) {
	st := openStore(t)
	claim := func(title string) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Title: title, Text: "Claim " + title, Origin: argmap.OriginCurated}
	}
	a, b, c := claim("a"), claim("b"), claim("c")
	contest := func(from, to string) argmap.Relation {
		return argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests, From: []string{from}, To: to, Origin: argmap.OriginCurated}
	}
	g := &argmap.Graph{Claims: []argmap.Claim{a, b, c}, Relations: []argmap.Relation{contest(a.ID, b.ID), contest(b.ID, c.ID)}}
	if err := st.WriteGraph(context.Background(), g); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, httpapi.Config{}, st, nil)
	type result struct {
		Semantics  string
		Focus      string
		Statements []struct{ ID, Key, Label, Reason string }
	}
	get := func(path string, want int) result {
		t.Helper()
		r := e.get(path)
		if r.Status != want {
			t.Fatalf("GET %s = %d, want %d: %s", path, r.Status, want, trunc(r.Body))
		}
		var res result
		if want == http.StatusOK {
			if err := json.Unmarshal(r.Body, &res); err != nil {
				t.Fatal(err)
			}
		}
		return res
	}
	res := get("/v1/evaluation", http.StatusOK)
	labels := map[string]string{}
	for _, s := range res.Statements {
		labels[s.Key] = s.Label
	}
	if res.Semantics != "grounded" || labels["a"] != "in" || labels["b"] != "out" || labels["c"] != "in" {
		t.Errorf("GET /v1/evaluation = %s %v, want grounded a in, b out, c in", res.Semantics, labels)
	}
	res = get("/v1/evaluation?semantics=carneades&claim="+b.ID+"&depth=1", http.StatusOK)
	if res.Focus != b.ID || len(res.Statements) != 3 || res.Statements[0].ID != b.ID || res.Statements[0].Reason == "" {
		t.Errorf("GET /v1/evaluation?claim=b = %+v, want b first with a reason", res)
	}
	res = get("/v1/evaluation?semantics=carneades&assume_premises=true", http.StatusOK)
	for _, s := range res.Statements {
		labels[s.Key] = s.Label
	}
	if labels["a"] != "in" || labels["b"] != "out" || labels["c"] != "in" {
		t.Errorf("GET /v1/evaluation?semantics=carneades&assume_premises=true = %v, want a in, b out, c in", labels)
	}
	r0 := e.get("/v1/evaluation?q=Claim+b")
	var qa struct {
		Query, Verdict string
		Evaluations    []struct{ Focus string }
	}
	if err := json.Unmarshal(r0.Body, &qa); r0.Status != http.StatusOK || err != nil || qa.Verdict == "" || len(qa.Evaluations) == 0 || qa.Evaluations[0].Focus == "" {
		t.Errorf("GET /v1/evaluation?q=Claim b = %d %s", r0.Status, trunc(r0.Body))
	}
	get("/v1/evaluation?q=x&claim="+b.ID, http.StatusBadRequest)
	get("/v1/evaluation?semantics=ideal", http.StatusBadRequest)
	get("/v1/evaluation?claim=nope", http.StatusBadRequest)
	get("/v1/evaluation?claim=clm_doesnotexist0000", http.StatusNotFound)
	get("/v1/evaluation?depth=99", http.StatusBadRequest)

	// Maps coloured by evaluation.
	r := e.get("/v1/map.dot?evaluate=true&semantics=grounded")
	if r.Status != http.StatusOK || !strings.Contains(string(r.Body), "[OUT]") || !strings.Contains(string(r.Body), "labels under grounded semantics") {
		t.Errorf("GET /v1/map.dot?evaluate=true = %d:\n%s", r.Status, trunc(r.Body))
	}
	if r := e.get("/v1/claims/" + b.ID + "/map.dot?evaluate=true"); r.Status != http.StatusOK || !strings.Contains(string(r.Body), "[OUT]") {
		t.Errorf("GET claim map.dot?evaluate=true = %d:\n%s", r.Status, trunc(r.Body))
	}
	if r := e.get("/v1/map.dot?semantics=grounded"); r.Status != http.StatusBadRequest {
		t.Errorf("GET /v1/map.dot?semantics without evaluate = %d, want 400", r.Status)
	}
}
