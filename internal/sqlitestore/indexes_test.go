package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestWriteIndexesMigration checks migration 0026 on a store written
// before it: the same records, the same claims listed by each origin as a
// new store lists, no index on the relations' span sources and one on the
// claims of origins other than extracted; and deleting a source still
// takes the span off the relations stated in it (the foreign key's action,
// which read that index).
func TestWriteIndexesMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	newPath := filepath.Join(dir, "new.db")
	fresh, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Ferries",
		Text: "The ferry line stopped in winter. Fares doubled. Nobody asked the islanders."}
	other := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Letters", Text: "We were never asked."}
	claim := func(origin argmap.Origin, text string, sp argmap.Span) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: origin, Spans: []argmap.Span{sp}}
	}
	stopped := claim(argmap.OriginExtracted, "The ferry line stopped in winter.", argmap.Span{SourceID: src.ID, Start: 0, End: 33})
	fares := claim(argmap.OriginExtracted, "Fares doubled.", argmap.Span{SourceID: src.ID, Start: 34, End: 48})
	asked := claim(argmap.OriginCurated, "Nobody asked the islanders.", argmap.Span{SourceID: src.ID, Start: 49, End: 76})
	never := claim(argmap.OriginLinked, "We were never asked.", argmap.Span{SourceID: other.ID, Start: 0, End: 20})
	claims := []argmap.Claim{stopped, fares, asked, never}
	// one relation with its premise's span, one with a span of its own
	rels := []argmap.Relation{
		{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, From: []string{fares.ID}, To: stopped.ID,
			Origin: argmap.OriginExtracted, Span: &argmap.Span{SourceID: src.ID, Start: 34, End: 48}},
		{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests, From: []string{never.ID}, To: asked.ID,
			Origin: argmap.OriginCurated, Span: &argmap.Span{SourceID: src.ID, Start: 0, End: 48}},
	}
	g := argmap.Graph{Sources: []argmap.Source{src, other}, Claims: claims, Relations: rels}
	if err := fresh.WriteGraph(ctx, &g); err != nil {
		t.Fatal(err)
	}
	want, err := fresh.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	origins := []argmap.Origin{argmap.OriginExtracted, argmap.OriginCurated, argmap.OriginLinked}
	listed := func(s *sqlitestore.Store) map[argmap.Origin][]string {
		t.Helper()
		out := map[argmap.Origin][]string{}
		for _, o := range origins {
			cs, err := s.Claims(ctx, argmap.ClaimFilter{Origin: o})
			if err != nil {
				t.Fatal(err)
			}
			out[o] = []string{}
			for _, c := range cs {
				out[o] = append(out[o], c.ID)
			}
		}
		return out
	}
	wantListed := listed(fresh)
	if n := len(wantListed[argmap.OriginExtracted]); n != 2 {
		t.Fatalf("new store: Claims(Origin: extracted) lists %d claims, want 2", n)
	}
	fresh.Close()

	// the same rows in a store at migration 0025
	oldPath := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, oldPath, "0025_claim_keys_indexed.sql"); err != nil {
		t.Fatal(err)
	}
	// (copyRows copies the one-row counters of migrations 0023 and 0025
	// too, which the old store starts with)
	db, err := sql.Open("sqlite", oldPath)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM keys_version; DELETE FROM keys_indexed`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	copyRows(t, oldPath, newPath)
	old := openMigrated(t, ctx, oldPath, "0025", want)
	if diff := cmp.Diff(wantListed, listed(old)); diff != "" {
		t.Errorf("Claims() by origin after migrating (-new store +migrated):\n%s", diff)
	}
	schema, err := old.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(schema, "\n")
	if strings.Contains(joined, "relations_span_source") {
		t.Errorf("migrated schema still has relations_span_source:\n%s", joined)
	}
	if !strings.Contains(joined, "claims_origin ON claims (origin, id) WHERE origin <> 'extracted'") {
		t.Errorf("migrated schema has no claims_origin of the other origins:\n%s", joined)
	}

	if err := old.DeleteSource(ctx, src.ID); err != nil {
		t.Fatal(err)
	}
	r, err := old.Relation(ctx, rels[1].ID)
	if err != nil {
		t.Fatalf("Relation(%s) after deleting its span's source = %v", rels[1].ID, err)
	}
	if r.Span != nil {
		t.Errorf("Relation(%s).Span after deleting its source = %+v, want none", rels[1].ID, r.Span)
	}
}
