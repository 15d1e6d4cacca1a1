package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestAtomicallyIndexesText checks the full-text rows that graphs written in
// one Atomically transaction leave pending until it ends: a search, an
// update or a delete in the transaction sees them indexed first, and after
// the commit every claim and evidence is found and the indexes pass FTS5's
// integrity check (a 'delete' of a row never indexed would fail it).
func TestAtomicallyIndexesText(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "argmap.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	claim := func(text string) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginCurated}
	}
	first := claim("Zeppelins carried mail across the ocean.")
	second := claim("Zeppelins were slower than aeroplanes.")
	third := claim("Zeppelins burned hydrogen in their engines.")
	gone := claim("Zeppelins vanished after the disaster.")
	ev := argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: "A logbook of zeppelin flights.", Origin: argmap.OriginCurated}
	search := func(st argmap.Store, q string) map[string]bool {
		t.Helper()
		hits, err := st.SearchClaims(ctx, q, 20)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]bool{}
		for _, h := range hits {
			got[h.Claim.ID] = true
		}
		return got
	}
	err = s.Atomically(ctx, func(tx argmap.Store) error {
		if err := tx.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{first, gone}, Evidence: []argmap.Evidence{ev}}); err != nil {
			return err
		}
		if got := search(tx, "zeppelins"); !got[first.ID] || !got[gone.ID] {
			t.Errorf("search in the transaction after the first graph = %v; want %s and %s", got, first.ID, gone.ID)
		}
		if err := tx.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{second}}); err != nil {
			return err
		}
		text := "Zeppelins were faster than ships."
		if _, err := tx.UpdateClaim(ctx, second.ID, argmap.ClaimUpdate{Text: &text}); err != nil {
			return err
		}
		if err := tx.DeleteClaim(ctx, gone.ID); err != nil {
			return err
		}
		// pending when the transaction ends
		return tx.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{third}})
	})
	if err != nil {
		t.Fatalf("Atomically() = %v", err)
	}
	got := search(s, "zeppelins")
	for _, c := range []argmap.Claim{first, second, third} {
		if !got[c.ID] {
			t.Errorf("search after the commit misses %s (%q)", c.ID, c.Text)
		}
	}
	if got[gone.ID] {
		t.Errorf("search after the commit finds the deleted claim %s", gone.ID)
	}
	if got := search(s, "ships"); !got[second.ID] {
		t.Errorf("search for the updated text = %v; want %s", got, second.ID)
	}
	evs, err := s.SearchEvidence(ctx, "logbook", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Evidence.ID != ev.ID {
		t.Errorf("SearchEvidence(logbook) = %v; want %s", evs, ev.ID)
	}
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{"claims_fts", "evidence_fts"} {
		if _, err := db.ExecContext(ctx, `INSERT INTO `+table+` (`+table+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			t.Errorf("%s integrity-check: %v", table, err)
		}
	}
}
