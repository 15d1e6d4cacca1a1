package sqlitestore_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestBulkIndexes checks what a load larger than the store does to the
// schema: the secondary indexes are dropped during the load and are back, the same, after it (and after a load
// that failed); the database and its full-text indexes pass SQLite's
// integrity checks; walks from memory see the loaded graph; the writer's
// cache is set back. The conformance suite (Bulk) checks the answers.
func TestBulkIndexes(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	before, err := s.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(before, "\n"), "index relations_to") {
		t.Fatalf("schema without relations_to: %v", before)
	}
	var during []string
	err = s.Bulk(ctx, func(tx argmap.Store) error {
		g, err := argmaptest.GenerateBenchGraph(ctx, tx, 5000)
		if err != nil {
			return err
		}
		if g.Counts.Claims != 5000 || g.Counts.Relations != 15000 {
			t.Errorf("counts in the load = %+v", g.Counts)
		}
		during, err = tx.(*sqlitestore.Store).Schema(ctx)
		return err
	})
	if err != nil {
		t.Fatalf("Bulk() = %v", err)
	}
	joined := strings.Join(during, "\n")
	for _, gone := range []string{"index relations_to", "index extra_premises_node", "index extra_spans_source", "index relations_premise", "index claims_span_source"} {
		if strings.Contains(joined, gone) {
			t.Errorf("during the load the schema still has %s", gone)
		}
	}
	after, err := s.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("schema after the load (-before +after):\n%s", diff)
	}
	cache, check, err := s.WriterCache(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if cache != -65536 || check != "ok" {
		t.Errorf("after the load: cache_size %d (want -65536), integrity %q", cache, check)
	}
	c, err := s.Stats(ctx)
	if err != nil || c.Claims != 5000 || c.Relations != 15000 {
		t.Fatalf("Stats() = %+v, %v", c, err)
	}
	// walks from memory (the cache is read at the version the load left)
	// agree with walks in SQL
	bg, err := s.BenchGraph(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := s.WarmAdjacency(ctx, bg.Targets[0]); !ok || err != nil {
		t.Fatalf("WarmAdjacency() = %v, %v", ok, err)
	}
	for _, id := range bg.Targets[:50] {
		mem, err := s.Reach(ctx, id, argmap.DefaultDepth)
		if err != nil {
			t.Fatal(err)
		}
		sqlw, err := s.WithoutAdjacency().Reach(ctx, id, argmap.DefaultDepth)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(sqlw, mem); diff != "" {
			t.Fatalf("Reach(%s) from memory differs from SQL (-sql +mem):\n%s", id, diff)
		}
	}

	// a second load, as large as the store, that fails after the drop
	err = s.Bulk(ctx, func(tx argmap.Store) error {
		if err := tx.WriteGraph(ctx, chainGraph("Chain", 6000)); err != nil {
			return err
		}
		sch, err := tx.(*sqlitestore.Store).Schema(ctx)
		if err != nil {
			return err
		}
		if strings.Contains(strings.Join(sch, "\n"), "index relations_to") {
			t.Errorf("a load as large as the store did not drop relations_to")
		}
		return argmap.Errorf(argmap.EINVALID, "stop")
	})
	if argmap.ErrorCode(err) != argmap.EINVALID {
		t.Fatalf("failing Bulk() = %v", err)
	}
	again, err := s.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, again); diff != "" {
		t.Errorf("schema after a failed load (-before +after):\n%s", diff)
	}
	if c2, err := s.Stats(ctx); err != nil || c2 != c {
		t.Errorf("Stats() after a failed load = %+v, %v; want %+v", c2, err, c)
	}
	if cache, check, err := s.WriterCache(ctx); err != nil || cache != -65536 || check != "ok" {
		t.Errorf("after a failed load: cache_size %d, integrity %q, %v", cache, check, err)
	}
}

// chainGraph returns n claims ("name claim i holds.") in sources of 100, each supported by the
// claim before it and contested by the one before that.
func chainGraph(name string, n int) *argmap.Graph {
	g := &argmap.Graph{}
	var src *argmap.Source
	var text strings.Builder
	for i := range n {
		if i%100 == 0 {
			if src != nil {
				src.Text = text.String()
				src.ContentHash = argmap.ContentHash([]byte(src.Text))
				g.Sources = append(g.Sources, *src)
			}
			src = &argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Chain", Kind: argmap.SourceReport}
			text.Reset()
		}
		t := fmt.Sprintf("%s claim %d holds.", name, i)
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: t, Origin: argmap.OriginExtracted,
			Spans: []argmap.Span{{SourceID: src.ID, Start: text.Len(), End: text.Len() + len(t)}}}
		text.WriteString(t + " ")
		g.Claims = append(g.Claims, c)
		for k, kind := range []argmap.RelationKind{argmap.Supports, argmap.Contests} {
			if i > k {
				g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: kind,
					From: []string{g.Claims[i-1-k].ID}, To: c.ID, Origin: argmap.OriginExtracted})
			}
		}
	}
	src.Text = text.String()
	src.ContentHash = argmap.ContentHash([]byte(src.Text))
	g.Sources = append(g.Sources, *src)
	return g
}

// TestBulkTextInLoad checks that the full-text rows a load defers are
// written before any other read or write in it: a search in the load finds
// its claims, and a claim of the load updated or deleted in it leaves the
// indexes sound (FTS5's integrity check fails on the delete of a row it was
// never given).
func TestBulkTextInLoad(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	g := chainGraph("Chain", 3000)
	err := s.Bulk(ctx, func(tx argmap.Store) error {
		if err := tx.WriteGraph(ctx, g); err != nil {
			return err
		}
		hits, err := tx.SearchClaims(ctx, "chain claim 1234", 5)
		if err != nil {
			return err
		}
		if len(hits) == 0 || hits[0].Claim.ID != g.Claims[1234].ID {
			t.Errorf("search in the load = %v, want %s first", hits, g.Claims[1234].ID)
		}
		text := "Zeppelins replaced chain claim seven."
		if _, err := tx.UpdateClaim(ctx, g.Claims[7].ID, argmap.ClaimUpdate{Text: &text}); err != nil {
			return err
		}
		if err := tx.DeleteClaim(ctx, g.Claims[8].ID); err != nil {
			return err
		}
		return tx.WriteGraph(ctx, chainGraph("Link", 2000)) // deferred again, written at the end
	})
	if err != nil {
		t.Fatalf("Bulk() = %v", err)
	}
	if _, check, err := s.WriterCache(ctx); err != nil || check != "ok" {
		t.Errorf("integrity after the load: %q, %v", check, err)
	}
	hits, err := s.SearchClaims(ctx, "zeppelins", 5)
	if err != nil || len(hits) != 1 || hits[0].Claim.ID != g.Claims[7].ID {
		t.Errorf("search for the updated text = %v, %v", hits, err)
	}
	c, err := s.Stats(ctx)
	if err != nil || c.Claims != 4999 {
		t.Errorf("Stats() = %+v, %v; want 4999 claims", c, err)
	}
}
