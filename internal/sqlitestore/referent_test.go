package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestReferentsMigration checks migration 0017 on a store written before
// it: its claims and evidence read back without a referent, and new ones
// keep theirs.
func TestReferentsMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	old := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "It closed the port.", Origin: argmap.OriginExtracted}
	oldEv := argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: "These figures rose.", Origin: argmap.OriginExtracted}
	if err := s.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{old}, Evidence: []argmap.Evidence{oldEv}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// the store as migration 0015 left it
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`ALTER TABLE claims DROP COLUMN referent`,
		`ALTER TABLE evidence DROP COLUMN referent`,
		`DELETE FROM schema_migrations WHERE name = '0017_referents.sql'`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	if s, err = sqlitestore.Open(ctx, path); err != nil {
		t.Fatalf("Open() of a store before 0017 = %v", err)
	}
	defer s.Close()
	c, err := s.Claim(ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Evidence(ctx, oldEv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Referent != nil || e.Referent != nil {
		t.Errorf("after migrating: claim referent %+v, evidence referent %+v, want none", c.Referent, e.Referent)
	}
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Port", Text: "The harbour board met. It closed the port."}
	ref := &argmap.Referent{Words: "It", Text: "The harbour board", Span: argmap.Span{SourceID: src.ID, Start: 0, End: 22, Quote: "The harbour board met."}}
	c2 := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "It closed the port.", Origin: argmap.OriginExtracted, Referent: ref,
		Spans: []argmap.Span{{SourceID: src.ID, Start: 23, End: 42}}}
	if err := s.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c2}}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Claim(ctx, c2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Referent == nil || *got.Referent != *ref {
		t.Errorf("Claim().Referent after migrating = %+v, want %+v", got.Referent, ref)
	}
}
