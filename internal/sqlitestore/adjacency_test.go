package sqlitestore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestReachAdjacency checks that walks from the relations kept in memory
// give what walks in SQL give, and that a write by the store or by another
// store on the same file is seen by the next walk.
func TestReachAdjacency(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(5, 6))
	var g argmap.Graph
	var ids []string
	for i := range 60 {
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: fmt.Sprintf("Claim number %d.", i), Origin: argmap.OriginCurated}
		g.Claims = append(g.Claims, c)
		ids = append(ids, c.ID)
	}
	var rels []string
	for range 150 {
		rel := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Origin: argmap.OriginCurated,
			To: ids[r.IntN(len(ids))], From: []string{ids[r.IntN(len(ids))]}}
		if r.IntN(3) == 0 {
			rel.Kind = argmap.Contests
		}
		if r.IntN(4) == 0 {
			rel.From = append(rel.From, ids[r.IntN(len(ids))])
		}
		if len(rels) > 0 && r.IntN(8) == 0 {
			rel.To, rel.Kind = rels[r.IntN(len(rels))], argmap.Contests // an undercut
		}
		if rel.From[0] == rel.To || (len(rel.From) == 2 && (rel.From[1] == rel.To || rel.From[1] == rel.From[0])) {
			continue
		}
		g.Relations = append(g.Relations, rel)
		rels = append(rels, rel.ID)
	}
	if err := s.WriteGraph(ctx, &g); err != nil {
		t.Fatal(err)
	}
	walk := func(s *sqlitestore.Store) map[string][]argmap.Reach {
		t.Helper()
		out := map[string][]argmap.Reach{}
		for _, id := range ids {
			rs, err := s.Reach(ctx, id, argmap.MaxDepth)
			if err != nil {
				t.Fatal(err)
			}
			out[id] = rs
		}
		return out
	}
	inSQL := walk(s.WithoutAdjacency())
	// a relation's ends, as answers name an inference: from memory as
	// Relation reads them, an unknown or non-relation ID not found
	ends := func(s *sqlitestore.Store) map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, id := range append(rels, "rel_unknown", ids[0]) {
			from, to, err := s.RelationEnds(ctx, id)
			if err != nil && !argmap.IsNotFound(err) {
				t.Fatal(err)
			}
			out[id] = fmt.Sprint(from, " -> ", to, " ", argmap.IsNotFound(err))
			if err == nil {
				r, err := s.Relation(ctx, id)
				if err != nil || fmt.Sprint(r.From, r.To) != fmt.Sprint(from, to) {
					t.Errorf("RelationEnds(%s) = %v -> %s, Relation = %v, %v", id, from, to, r, err)
				}
			}
		}
		return out
	}
	endsInSQL := ends(s.WithoutAdjacency())
	warm := func(when string) {
		t.Helper()
		if ok, err := s.WarmAdjacency(ctx, ids[0]); err != nil || !ok {
			t.Fatalf("%s: WarmAdjacency = %v, %v; want the relations in memory", when, ok, err)
		}
	}
	warm("after the first write")
	if diff := cmp.Diff(inSQL, walk(s)); diff != "" {
		t.Fatalf("walks from memory differ from walks in SQL (-sql +memory):\n%s", diff)
	}
	if diff := cmp.Diff(endsInSQL, ends(s)); diff != "" {
		t.Fatalf("relation ends from memory differ from SQL (-sql +memory):\n%s", diff)
	}
	// walks reuse what earlier ones left (marks, lists): again, and from
	// several goroutines at once, they give the same
	var wg sync.WaitGroup
	diffs := make([]string, 4)
	for i := range diffs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				got := map[string][]argmap.Reach{}
				for _, id := range ids {
					rs, err := s.Reach(ctx, id, argmap.MaxDepth)
					if err != nil {
						diffs[i] = err.Error()
						return
					}
					got[id] = rs
					if _, err := s.Reach(ctx, id, 1); err != nil { // a shorter walk between
						diffs[i] = err.Error()
						return
					}
				}
				if diffs[i] = cmp.Diff(inSQL, got); diffs[i] != "" {
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, d := range diffs {
		if d != "" {
			t.Fatalf("walks from memory, concurrent and repeated, differ from walks in SQL (-sql +memory):\n%s", d)
		}
	}

	// a relation written by this store is walked at once
	target, premise := ids[0], argmap.NewID(argmap.KindClaim)
	if err := s.WriteGraph(ctx, &argmap.Graph{
		Claims:    []argmap.Claim{{ID: premise, Text: "A new premise.", Origin: argmap.OriginCurated}},
		Relations: []argmap.Relation{{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Origin: argmap.OriginCurated, To: target, From: []string{premise}}},
	}); err != nil {
		t.Fatal(err)
	}
	reaches := func(id string) bool {
		t.Helper()
		rs, err := s.Reach(ctx, target, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Node == id {
				return true
			}
		}
		return false
	}
	if !reaches(premise) {
		t.Errorf("Reach(%s) after a new relation from %s does not reach it", target, premise)
	}

	// and so is one written by another store on the file (another process)
	warm("after the second write")
	other, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	premise2 := argmap.NewID(argmap.KindClaim)
	if err := other.WriteGraph(ctx, &argmap.Graph{
		Claims:    []argmap.Claim{{ID: premise2, Text: "Another premise.", Origin: argmap.OriginCurated}},
		Relations: []argmap.Relation{{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests, Origin: argmap.OriginCurated, To: target, From: []string{premise2}}},
	}); err != nil {
		t.Fatal(err)
	}
	if !reaches(premise2) {
		t.Errorf("Reach(%s) after another store's new relation from %s does not reach it", target, premise2)
	}

	// a relation deleted is no longer walked
	warm("after the third write")
	rs, err := s.Reach(ctx, target, 1)
	if err != nil {
		t.Fatal(err)
	}
	var relID string
	for _, r := range rs {
		if r.Node == premise2 {
			relID = r.Steps[0].RelationID
		}
	}
	if err := other.DeleteRelation(ctx, relID); err != nil {
		t.Fatal(err)
	}
	if reaches(premise2) {
		t.Errorf("Reach(%s) still reaches %s after its relation was deleted", target, premise2)
	}
}
