package argmaptest

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// bulkBatches returns the benchmark graph of about claims claims as its
// batches, with every kind of record added (actors and roles, keys, gists,
// evidence, relations from evidence and stated in a source, citations) and
// fixed creation times, so that the same batches written to several stores
// give the same records.
func bulkBatches(t *testing.T, claims int) ([]*argmap.Graph, *BenchGraph) {
	t.Helper()
	var batches []*argmap.Graph
	bg, _, err := generate(claims, func(b *argmap.Graph) error { batches = append(batches, b); return nil })
	must(t, "generate", err)
	at := time.Date(2025, 3, 4, 5, 6, 7, 8e6, time.UTC)
	actor := newActor("Bulk Agency", "BA")
	actor.CreatedAt = at
	for bi, g := range batches {
		if bi == 0 {
			g.Actors = append(g.Actors, actor)
		}
		for i := range g.Sources {
			g.Sources[i].CreatedAt = at
			if i > 0 {
				g.Citations = append(g.Citations, argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: g.Sources[i].ID,
					Author: "Agency", Year: "2020", CitedID: g.Sources[i-1].ID})
			}
		}
		for i := range g.Claims {
			c := &g.Claims[i]
			c.CreatedAt = at
			if i%10 == 0 {
				c.Actors = []argmap.ActorRef{{ActorID: actor.ID, Role: argmap.RoleAsserts}}
				w := strings.Fields(strings.ToLower(strings.TrimSuffix(c.Text, ".")))
				c.Keys = []string{w[0] + " " + w[1], w[2] + " " + w[3]}
				c.Gist = strings.Join(w[:3], " ")
			}
			if i%10 == 3 {
				sp := c.Spans[0]
				sp.Quote = "the sentence before"
				c.Referent = &argmap.Referent{Words: strings.Fields(c.Text)[0], Text: "The agency", Span: sp}
			}
		}
		for i := 0; i < 20; i++ {
			c := g.Claims[i*7]
			ev := newEvidence("Figure for "+c.Text, c.Spans...)
			ev.CreatedAt = at
			if i%2 == 0 {
				ev.Actors = []argmap.ActorRef{{ActorID: actor.ID, Role: argmap.RoleNamed}}
			}
			if i%3 == 0 {
				ev.Referent = &argmap.Referent{Words: "Figure", Text: "The agency's figure", Span: c.Spans[0]}
			}
			g.Evidence = append(g.Evidence, ev)
			r := rel(argmap.Supports, g.Claims[i*7+1].ID, ev.ID)
			sp := c.Spans[0]
			r.Span = &sp
			g.Relations = append(g.Relations, r)
		}
		for i := range g.Relations {
			g.Relations[i].CreatedAt = at
		}
	}
	return batches, bg
}

// testBulk checks that a graph written in one Bulk load (argmap.Bulk: the
// store's BulkLoader, else Atomically), and as one large WriteGraph (what a
// copy or an import writes), gives the same answers as the same batches
// written one WriteGraph each, and that a load that fails leaves nothing.
func testBulk(t *testing.T, e *env) {
	batches, bg := bulkBatches(t, 2000)
	all := &argmap.Graph{}
	for _, g := range batches {
		all.Sources = append(all.Sources, g.Sources...)
		all.Actors = append(all.Actors, g.Actors...)
		all.Claims = append(all.Claims, g.Claims...)
		all.Evidence = append(all.Evidence, g.Evidence...)
		all.Relations = append(all.Relations, g.Relations...)
		all.Citations = append(all.Citations, g.Citations...)
	}
	// what the store answers, asked the same questions after each way of
	// writing (one store at a time: a backend's test stores may share one
	// database)
	type answers struct {
		dump    *argmap.Graph
		stats   argmap.Counts
		hits    [][]string
		ranks   [][]float64
		reach   [][]string
		nb      [][]string
		keyed   []string
		queries []string
	}
	key := all.Claims[0].Keys[0]
	ask := func(name string, s argmap.Store) *answers {
		a := &answers{}
		var err error
		a.dump, err = s.Dump(ctx(t))
		must(t, name+": Dump", err)
		a.stats = stats(t, s)
		for i := 0; i < 12; i++ {
			text := bg.Texts[(i*7919)%len(bg.Texts)]
			words := strings.Fields(strings.TrimSuffix(text, "."))
			q := strings.Join(words[:min(4, len(words))], " ")
			a.queries = append(a.queries, q)
			hits, err := s.SearchClaims(ctx(t), q, 10)
			must(t, name+": SearchClaims", err)
			a.hits, a.ranks = append(a.hits, hitIDs(hits)), append(a.ranks, hitRanks(hits))
			target := bg.Claims[(i*104729)%len(bg.Claims)]
			reach, err := s.Reach(ctx(t), target, argmap.DefaultDepth)
			must(t, name+": Reach", err)
			a.reach = append(a.reach, reachDepths(reach))
			nb, err := s.Neighbourhood(ctx(t), target, 2, 100)
			must(t, name+": Neighbourhood", err)
			a.nb = append(a.nb, nodeIDs(nb))
		}
		if keyed, ok := s.(argmap.KeyedClaims); ok {
			got, err := keyed.ClaimsByKeys(ctx(t), []string{key}, 1000)
			must(t, name+": ClaimsByKeys", err)
			a.keyed = ids(got, claimID)
		}
		// the store stays writable as usual after a load
		c := newClaim("Written after the load about sahel patrols")
		must(t, name+": CreateClaim", s.CreateClaim(ctx(t), &c))
		r := rel(argmap.Contests, bg.Claims[0], c.ID)
		must(t, name+": CreateRelation", s.CreateRelation(ctx(t), &r))
		hits, err := s.SearchClaims(ctx(t), "sahel patrols written", 5)
		must(t, name+": SearchClaims", err)
		if len(hits) == 0 || hits[0].Claim.ID != c.ID {
			t.Errorf("%s: SearchClaims after the load = %v, want %s first", name, hitIDs(hits), c.ID)
		}
		reach, err := s.Reach(ctx(t), bg.Claims[0], 1)
		must(t, name+": Reach", err)
		if !reachHas(reach, c.ID) {
			t.Errorf("%s: Reach(%s, 1) after a new relation misses %s", name, bg.Claims[0], c.ID)
		}
		return a
	}

	byOne := e.store(t)
	for _, g := range batches {
		write(t, byOne, g)
	}
	want := ask("batch by batch", byOne)
	if got := want.dump.Counts(); got != all.Counts() {
		t.Fatalf("Dump() after writing the batches counts %+v, want %+v", got, all.Counts())
	}
	if len(want.keyed) == 0 {
		if _, ok := byOne.(argmap.KeyedClaims); ok {
			t.Errorf("ClaimsByKeys(%q) found nothing", key)
		}
	}
	ways := []struct {
		name  string
		write func(s argmap.Store) error
	}{
		{"Bulk", func(s argmap.Store) error {
			return argmap.Bulk(ctx(t), s, func(tx argmap.Store) error {
				for _, g := range batches {
					if err := tx.WriteGraph(ctx(t), g); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{"one WriteGraph", func(s argmap.Store) error { return s.WriteGraph(ctx(t), all) }},
	}
	for _, way := range ways {
		s := e.store(t)
		must(t, way.name, way.write(s))
		got := ask(way.name, s)
		if diff := cmp.Diff(*want.dump, *got.dump, opts); diff != "" {
			t.Errorf("%s: Dump() differs from the batches written one by one (-want +got):\n%s", way.name, diff)
		}
		if got.stats != want.stats {
			t.Errorf("%s: Stats() = %+v, want %+v", way.name, got.stats, want.stats)
		}
		for i, q := range want.queries {
			if diff := cmp.Diff(want.hits[i], got.hits[i]); diff != "" {
				t.Errorf("%s: SearchClaims(%q) hits differ (-want +got):\n%s", way.name, q, diff)
			}
			for k := range min(len(want.ranks[i]), len(got.ranks[i])) {
				w, g := want.ranks[i][k], got.ranks[i][k]
				if math.Abs(w-g) > 1e-9*math.Max(1, math.Abs(w)) {
					t.Errorf("%s: SearchClaims(%q) hit %d rank %v, want %v", way.name, q, k, g, w)
				}
			}
			if diff := cmp.Diff(want.reach[i], got.reach[i]); diff != "" {
				t.Errorf("%s: Reach differs (-want +got):\n%s", way.name, diff)
			}
			if diff := cmp.Diff(want.nb[i], got.nb[i]); diff != "" {
				t.Errorf("%s: Neighbourhood nodes differ (-want +got):\n%s", way.name, diff)
			}
		}
		if diff := cmp.Diff(want.keyed, got.keyed); diff != "" {
			t.Errorf("%s: ClaimsByKeys(%q) differs (-want +got):\n%s", way.name, key, diff)
		}
	}

	t.Run("failed load leaves nothing", func(t *testing.T) {
		s := e.store(t)
		before := stats(t, s)
		err := argmap.Bulk(ctx(t), s, func(tx argmap.Store) error {
			if err := tx.WriteGraph(ctx(t), batches[0]); err != nil {
				return err
			}
			return argmap.Errorf(argmap.EINVALID, "the caller gives up")
		})
		wantCode(t, "Bulk(fn failing)", err, argmap.EINVALID)
		if got := stats(t, s); got != before {
			t.Errorf("Stats() after a failed load = %+v, want %+v", got, before)
		}
		// a graph that conflicts fails the load even if fn goes on (the
		// BulkLoader contract; Atomically, the fallback, commits what fn
		// leaves)
		_, loader := s.(argmap.BulkLoader)
		err = argmap.Bulk(ctx(t), s, func(tx argmap.Store) error {
			if !loader {
				return argmap.Errorf(argmap.ECONFLICT, "skipped: not a BulkLoader")
			}
			if err := tx.WriteGraph(ctx(t), batches[0]); err != nil {
				return err
			}
			dup := *batches[1]
			dup.Claims = append([]argmap.Claim{batches[0].Claims[5]}, dup.Claims...)
			_ = tx.WriteGraph(ctx(t), &dup) // ignored on purpose
			return nil
		})
		wantCode(t, "Bulk(a graph conflicting)", err, argmap.ECONFLICT)
		if got := stats(t, s); got != before {
			t.Errorf("Stats() after a load with a conflict = %+v, want %+v", got, before)
		}
		// one large graph with a record already stored: ECONFLICT, nothing written
		write(t, s, batches[0])
		before = stats(t, s)
		err = s.WriteGraph(ctx(t), all)
		wantCode(t, "WriteGraph(a large graph holding stored records)", err, argmap.ECONFLICT)
		if got := stats(t, s); got != before {
			t.Errorf("Stats() after a failed large WriteGraph = %+v, want %+v", got, before)
		}
		// ... and one whose only stored record is a relation
		g := *batches[1]
		stored := batches[0].Relations[3]
		g.Relations = append(append([]argmap.Relation(nil), g.Relations...), stored)
		err = s.WriteGraph(ctx(t), &g)
		wantCode(t, "WriteGraph(a large graph holding a stored relation)", err, argmap.ECONFLICT)
		if err != nil && !strings.Contains(argmap.ErrorMessage(err), stored.ID) {
			t.Errorf("WriteGraph error %q does not name the relation %s", argmap.ErrorMessage(err), stored.ID)
		}
		if got := stats(t, s); got != before {
			t.Errorf("Stats() after a failed large WriteGraph = %+v, want %+v", got, before)
		}
	})
}

// reachDepths lists the nodes of a walk with the length of their paths,
// sorted (the order of a walk is free but for its first node).
func reachDepths(rs []argmap.Reach) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = fmt.Sprintf("%s %d", r.Node, len(r.Steps))
	}
	sort.Strings(out)
	return out
}

func reachHas(rs []argmap.Reach, id string) bool {
	for _, r := range rs {
		if r.Node == id {
			return true
		}
	}
	return false
}
