package sqlitestore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestKeyListsMigration checks migration 0015 on a store written before it
// (and 0023 after it): the claims' keys column is filled from claim_keys, so
// that deleting a claim still removes its keys (a claim written later may
// take its pk), a re-keyed update replaces them, and only claims without
// keys are unkeyed.
func TestKeyListsMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	newPath := filepath.Join(dir, "new.db")
	s, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	keyed := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Climate drives migration.", Origin: argmap.OriginExtracted,
		Keys: []string{"climate drive", "drive migration"}}
	other := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Borders close.", Origin: argmap.OriginExtracted,
		Keys: []string{"border close"}}
	bare := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "No keys here.", Origin: argmap.OriginCurated}
	if err := s.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{keyed, bare, other}}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// the store as migration 0013 left it: no keys column, claim_keys
	// indexed by claim and emptied by claim through that index
	path := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, path, "0013_evidence_actors.sql"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, path, newPath)
	if n := count(t, path, `SELECT count(*) FROM claim_keys`); n != 3 {
		t.Fatalf("old store: %d rows in claim_keys, want 3", n)
	}

	if s, err = sqlitestore.Open(ctx, path); err != nil {
		t.Fatalf("Open() of a store before 0015 = %v", err)
	}
	defer s.Close()
	unkeyed, err := s.UnkeyedClaims(ctx, argmap.Page{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(unkeyed) != 1 || unkeyed[0].ID != bare.ID {
		t.Errorf("UnkeyedClaims() after migrating = %v, want only %s", unkeyed, bare.ID)
	}
	byKey := func(keys ...string) []string {
		t.Helper()
		cs, err := s.ClaimsByKeys(ctx, keys, 10)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		return ids
	}
	if got := byKey("climate drive", "border close"); len(got) != 2 {
		t.Errorf("ClaimsByKeys() after migrating = %v, want both keyed claims", got)
	}
	// deleting the claim takes its keys: a new claim with the freed pk
	// (the highest) is not found under them
	if err := s.DeleteClaim(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	late := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Something else.", Origin: argmap.OriginCurated}
	if err := s.CreateClaim(ctx, &late); err != nil {
		t.Fatal(err)
	}
	if got := byKey("border close"); len(got) != 0 {
		t.Errorf("ClaimsByKeys(border close) after deleting its claim = %v, want none", got)
	}
	// a new text replaces the keys
	text, storm := "Storms drive people away.", []string{"storm drive"}
	if _, err := s.UpdateClaim(ctx, keyed.ID, argmap.ClaimUpdate{Text: &text, Keys: &storm}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{keyed.ID}, byKey("storm drive", "climate drive", "drive migration")); diff != "" {
		t.Errorf("ClaimsByKeys() after a new text (-want +got):\n%s", diff)
	}
	if got := byKey("climate drive", "drive migration"); len(got) != 0 {
		t.Errorf("ClaimsByKeys(the old keys) = %v, want none", got)
	}
	if err := s.DeleteClaim(ctx, keyed.ID); err != nil {
		t.Fatal(err)
	}
	if got := byKey("storm drive"); len(got) != 0 {
		t.Errorf("ClaimsByKeys(storm drive) after deleting its claim = %v, want none", got)
	}
}
