package sqlitestore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// contentWords make the claims of TestContentCopy: inflections that stem
// alike, words that FTS5 splits or folds (accents, apostrophes, digits),
// function words, and a few words common enough to rank low.
var contentWords = strings.Fields(`migration migrations migrating migrant border borders control controlled
	asylum refugee refugees camp patrol sea route routes desert smuggler smuggling trafficking return returns
	agreement fund funding donor europe union africa sahel niger mali policy policies law rights protection
	the of and in a to crisis 2015 2016 café naïve l'état rôle über data sharing cooperation report study`)

// TestContentCopy checks that answers read from the content copy (texts,
// spans and sources in memory, claims and evidence ranked from the index
// terms in memory) are what the same reads in SQL give, and that writes by the store or by
// another store on the same file are seen by the next read.
func TestContentCopy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(7, 8))
	sentence := func(n int) string {
		w := make([]string, n)
		for i := range w {
			w[i] = contentWords[int(float64(len(contentWords))*r.Float64()*r.Float64())]
		}
		return strings.Join(w, " ") + "."
	}
	var g argmap.Graph
	var ids, sources []string
	for k := range 4 {
		g.Actors = append(g.Actors, argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: fmt.Sprint("Agency ", k)})
	}
	roles := []argmap.Role{argmap.RoleAsserts, argmap.RoleDisputes, argmap.RoleNamed}
	for si := range 6 {
		var text strings.Builder
		var claims []argmap.Claim
		src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: fmt.Sprintf("Report %d", si), Kind: argmap.SourceReport,
			URI: fmt.Sprintf("https://example.org/%d", si), Authors: []string{"A. Author", fmt.Sprint("B", si)}}
		for range 40 {
			t := sentence(3 + r.IntN(12))
			c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: t, Origin: argmap.OriginExtracted,
				Spans: []argmap.Span{{SourceID: src.ID, Start: text.Len(), End: text.Len() + len(t)}}}
			if r.IntN(4) == 0 {
				c.Gist = sentence(2 + r.IntN(4))
			}
			// every field of a claim's record, some of the time
			if r.IntN(3) == 0 {
				c.Cues = []string{"because", "however"}[:1+r.IntN(2)]
				c.Section = []string{"Findings", fmt.Sprint("Part ", si)}
				c.Title, c.Score, c.Main = fmt.Sprint("Title ", len(ids)), r.Float64(), r.IntN(2) == 0
			}
			if r.IntN(5) == 0 {
				c.Kind, c.Assumed, c.Issue, c.Standard = argmap.ClaimArgument, true, "issue-1", argmap.StandardCCE
			}
			if r.IntN(6) == 0 {
				c.Referent = &argmap.Referent{Words: "It", Text: "the border agency", Span: argmap.Span{SourceID: src.ID, Start: 0, End: 3}}
			}
			// a third state a proposition named by an earlier claim
			if len(claims) > 0 && r.IntN(3) == 0 {
				c.Proposition = claims[r.IntN(len(claims))].ID
			}
			for k := range r.IntN(3) {
				c.Actors = append(c.Actors, argmap.ActorRef{ActorID: g.Actors[(len(ids)+k)%len(g.Actors)].ID, Role: roles[r.IntN(len(roles))]})
			}
			text.WriteString(t + " ")
			claims = append(claims, c)
			ids = append(ids, c.ID)
		}
		src.Text = text.String()
		g.Sources = append(g.Sources, src)
		g.Claims = append(g.Claims, claims...)
		sources = append(sources, src.ID)
	}
	for i := range 80 {
		e := argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: fmt.Sprintf("Figure %d: %s", i, sentence(3+r.IntN(10))), Origin: argmap.OriginCurated}
		g.Evidence = append(g.Evidence, e)
		ids = append(ids, e.ID)
	}
	for range 300 {
		rel := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Origin: argmap.OriginCurated,
			To: g.Claims[r.IntN(len(g.Claims))].ID, From: []string{ids[r.IntN(len(ids))]}}
		if rel.From[0] != rel.To {
			g.Relations = append(g.Relations, rel)
		}
	}
	if err := s.WriteGraph(ctx, &g); err != nil {
		t.Fatal(err)
	}
	queries := []string{"", "the of and", "zeppelin", "migration", "migrations border", "Migrating BORDERS control",
		"café rôle", "cafe role", "naive state", "l'état", "über data", "2015 report", "refugee camp sea route",
		"asylum policy law rights protection", "smuggler trafficking zeppelin desert", "donor fund africa sahel niger mali"}
	for range 60 {
		queries = append(queries, sentence(1+r.IntN(6)))
	}
	sql := s.WithoutAdjacency()
	type reads struct {
		Claims   map[string]*argmap.Claim
		Members  map[string][]argmap.Claim
		Search   map[string][]argmap.ClaimHit
		Evidence map[string][]argmap.EvidenceHit
		Texts    map[string]string
		Sources  []argmap.Source
		Reach    map[string][]argmap.Reach
	}
	read := func(s *sqlitestore.Store) reads {
		t.Helper()
		out := reads{Claims: map[string]*argmap.Claim{}, Members: map[string][]argmap.Claim{},
			Search: map[string][]argmap.ClaimHit{}, Evidence: map[string][]argmap.EvidenceHit{}, Reach: map[string][]argmap.Reach{}}
		for _, id := range append(ids, "clm_unknown", sources[0]) {
			c, err := s.Claim(ctx, id)
			if err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
			out.Claims[id] = c
			// its proposition's claims, as answers list them, whole and
			// in pages
			for _, pg := range []argmap.Page{{}, {Limit: 1}, {Limit: 2, After: id}} {
				cs, err := s.Claims(ctx, argmap.ClaimFilter{Proposition: id, Page: pg})
				if err != nil {
					t.Fatal(err)
				}
				out.Members[fmt.Sprint(id, pg)] = cs
			}
			if c != nil && c.Proposition != "" {
				cs, err := s.Claims(ctx, argmap.ClaimFilter{Proposition: c.Proposition, Page: argmap.Page{After: id}})
				if err != nil {
					t.Fatal(err)
				}
				out.Members[c.Proposition+" after "+id] = cs
			}
		}
		for _, q := range queries {
			for _, limit := range []int{3, 10, 60} {
				hits, err := s.SearchClaims(ctx, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				out.Search[fmt.Sprint(q, "/", limit)] = hits
				evs, err := s.SearchEvidence(ctx, q, limit)
				if err != nil {
					t.Fatal(err)
				}
				out.Evidence[fmt.Sprint(q, "/", limit)] = evs
			}
		}
		var err error
		if out.Texts, err = s.NodeTexts(ctx, append(ids, "clm_unknown", sources[0])); err != nil {
			t.Fatal(err)
		}
		if out.Sources, err = s.SourcesByID(ctx, append([]string{sources[3], "src_unknown", ids[0]}, sources...)); err != nil {
			t.Fatal(err)
		}
		for _, id := range append(ids[:100:100], ids[len(ids)-1], "clm_unknown", sources[0]) {
			if out.Reach[id], err = s.Reach(ctx, id, 3); err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
		}
		return out
	}
	warm := func(when string) {
		t.Helper()
		if ok, err := s.WarmAdjacency(ctx, ids[0]); err != nil || !ok {
			t.Fatalf("%s: WarmAdjacency = %v, %v; want the store in memory", when, ok, err)
		}
	}
	compare := func(when string) {
		t.Helper()
		warm(when)
		if diff := cmp.Diff(read(sql), read(s)); diff != "" {
			t.Fatalf("%s: reads from memory differ from reads in SQL (-sql +memory):\n%s", when, diff)
		}
	}
	compare("after the first write")

	// words that are one index term each are ranked in memory; a word FTS5
	// splits in two (here at a Thai vowel mark, a separator to unicode61)
	// is left to FTS5
	for _, tc := range []struct {
		q      string
		memory bool
	}{{"migrations border", true}, {"zeppelin", true}, {"2015 report", true}, {"café rôle", true}, {"l'état", true}, {"border\u0e31patrol", false}, {"the of", false}} {
		_, ok, err := s.SearchClaimsInMemory(ctx, tc.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		if ok != tc.memory {
			t.Errorf("SearchClaimsInMemory(%q) ranked in memory = %v, want %v", tc.q, ok, tc.memory)
		}
	}

	// a claim written by this store is found, its text and span read
	first := func(q string) string {
		t.Helper()
		hits, err := s.SearchClaims(ctx, q, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			return ""
		}
		return hits[0].Claim.ID
	}
	fresh := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Zeppelins patrol the desert route.", Origin: argmap.OriginCurated,
		Spans: []argmap.Span{{SourceID: sources[0], Start: 0, End: 5}}}
	if err := s.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{fresh}}); err != nil {
		t.Fatal(err)
	}
	if got := first("zeppelin patrol"); got != fresh.ID {
		t.Errorf("SearchClaims(zeppelin patrol) after writing %s = %q", fresh.ID, got)
	}
	compare("after a claim written by the store")

	// a claim updated and a source deleted by another store on the file
	// (another process) are seen by the next read
	other, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	text := "Airships hover above the sea."
	if _, err := other.UpdateClaim(ctx, fresh.ID, argmap.ClaimUpdate{Text: &text}); err != nil {
		t.Fatal(err)
	}
	if got := first("zeppelin patrol"); got == fresh.ID {
		t.Errorf("SearchClaims(zeppelin patrol) still finds %s after another store changed its text", fresh.ID)
	}
	if got := first("airships hover"); got != fresh.ID {
		t.Errorf("SearchClaims(airships hover) = %q, want %s after another store changed its text", got, fresh.ID)
	}
	texts, err := s.NodeTexts(ctx, []string{fresh.ID})
	if err != nil {
		t.Fatal(err)
	}
	if texts[fresh.ID] != text {
		t.Errorf("NodeTexts(%s) = %q after another store's update, want %q", fresh.ID, texts[fresh.ID], text)
	}
	compare("after another store's update")
	if err := other.DeleteSource(ctx, sources[1]); err != nil {
		t.Fatal(err)
	}
	got, err := s.SourcesByID(ctx, []string{sources[1]})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 0 {
		t.Errorf("SourcesByID(%s) = %v after another store deleted it", sources[1], got)
	}
	compare("after another store deleted a source")

	// and so is a claim of another store's bulk load
	bulk := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Dirigibles cross the sea route.", Origin: argmap.OriginCurated}
	if err := other.Bulk(ctx, func(tx argmap.Store) error {
		return tx.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{bulk}})
	}); err != nil {
		t.Fatal(err)
	}
	if got := first("dirigibles"); got != bulk.ID {
		t.Errorf("SearchClaims(dirigibles) = %q, want %s after another store's bulk load", got, bulk.ID)
	}
	compare("after another store's bulk load")

	// actors merged and deleted by another store: the claims' references
	// change with no claim written
	named := func(actor string) int {
		t.Helper()
		n := 0
		for _, id := range ids[:240] {
			c, err := s.Claim(ctx, id)
			if err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
			if c == nil {
				continue
			}
			for _, a := range c.Actors {
				if a.ActorID == actor {
					n++
				}
			}
		}
		return n
	}
	warm("before the merge")
	if named(g.Actors[0].ID) == 0 {
		t.Fatalf("no claim names actor %s", g.Actors[0].ID)
	}
	if _, err := other.MergeActor(ctx, g.Actors[0].ID, g.Actors[1].ID); err != nil {
		t.Fatal(err)
	}
	if n := named(g.Actors[0].ID); n != 0 {
		t.Errorf("%d claims still name actor %s after another store merged it away", n, g.Actors[0].ID)
	}
	compare("after another store merged two actors")
	if err := other.DeleteActor(ctx, g.Actors[1].ID); err != nil {
		t.Fatal(err)
	}
	if n := named(g.Actors[1].ID); n != 0 {
		t.Errorf("%d claims still name actor %s after another store deleted it", n, g.Actors[1].ID)
	}
	compare("after another store deleted an actor")
}

// TestNoCopyForOneQuestion checks that reads in quick succession, as one
// command answering one question makes, read no copy into memory: only a
// version seen unchanged for a while is copied.
func TestNoCopyForOneQuestion(t *testing.T) {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, b := argmap.NewID(argmap.KindClaim), argmap.NewID(argmap.KindClaim)
	if err := s.WriteGraph(ctx, &argmap.Graph{
		Claims:    []argmap.Claim{{ID: a, Text: "Patrols rose.", Origin: argmap.OriginCurated}, {ID: b, Text: "Budgets rose.", Origin: argmap.OriginCurated}},
		Relations: []argmap.Relation{{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Origin: argmap.OriginCurated, To: a, From: []string{b}}},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := argmap.FindSupporters(ctx, s, nil, "patrols", 3); err != nil {
		t.Fatal(err)
	}
	if _, err := argmap.FindSupporters(ctx, s, nil, a, 3); err != nil {
		t.Fatal(err)
	}
	rel, content, reading, err := s.InMemory(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rel || content || reading {
		t.Errorf("after two questions in quick succession: relations in memory %v, content %v, reading %v; want none", rel, content, reading)
	}
}

// TestCopyNotRetriedAfterFailure checks that a copy that fails to read is
// not read again at every read of the same version, only at a new one.
func TestCopyNotRetriedAfterFailure(t *testing.T) {
	at, wait, reads := sqlitestore.FailingCopy()
	for range 5 {
		at(1)
		wait()
	}
	if n := reads(); n != 1 {
		t.Errorf("reads at version 1 = %d, want 1 (the first after it was seen)", n)
	}
	for range 5 {
		at(2)
		wait()
	}
	if n := reads(); n != 2 {
		t.Errorf("reads after version 2 = %d, want 2", n)
	}
}

// TestWarm checks that Warm reads both copies at once (no second of quiet,
// no second read), that a write makes them old and Warm reads them again,
// and that a cancelled context is an error.
func TestWarm(t *testing.T) {
	ctx := context.Background()
	s, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	in := func(when string, want bool) {
		t.Helper()
		rel, content, _, err := s.InMemory(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rel != want || content != want {
			t.Errorf("%s: relations in memory %v, content %v; want %v", when, rel, content, want)
		}
	}
	write := func(text string) string {
		t.Helper()
		a, b := argmap.NewID(argmap.KindClaim), argmap.NewID(argmap.KindClaim)
		if err := s.WriteGraph(ctx, &argmap.Graph{
			Claims:    []argmap.Claim{{ID: a, Text: text, Origin: argmap.OriginCurated}, {ID: b, Text: "Budgets rose.", Origin: argmap.OriginCurated}},
			Relations: []argmap.Relation{{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Origin: argmap.OriginCurated, To: a, From: []string{b}}},
		}); err != nil {
			t.Fatal(err)
		}
		return a
	}
	write("Patrols rose.")
	in("before Warm", false)
	if ok, err := s.Warm(ctx); err != nil || !ok {
		t.Fatalf("Warm = %v, %v; want true", ok, err)
	}
	in("after Warm", true)
	a := write("Fences rose.")
	in("after a write", false)
	if ok, err := s.Warm(ctx); err != nil || !ok {
		t.Fatalf("Warm after a write = %v, %v; want true", ok, err)
	}
	in("after Warm again", true)
	c, err := s.Claim(ctx, a)
	if err != nil || c.Text != "Fences rose." {
		t.Errorf("Claim(%s) from memory = %v, %v", a, c, err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Warm(cancelled); err == nil {
		t.Error("Warm with a cancelled context: no error")
	}
}
