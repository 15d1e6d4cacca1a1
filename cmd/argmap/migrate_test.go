package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestMigrateBackfillsKeys: claims stored without a link signature get one
// from `argmap migrate` (and in the destination of `argmap copy`); a second
// run has nothing to do.
func TestMigrateBackfillsKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "IOM enforces the exclusion of asylum seekers",
		Origin: argmap.OriginCurated}
	if err := st.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{c}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// a copy gets its signatures computed too (a dump carries none)
	copied := filepath.Join(t.TempDir(), "copy.db")
	if code, _, stderr := cli(t, nil, "copy", "--from", path, "--to", copied); code != 0 {
		t.Fatalf("copy: exit %d, stderr %q", code, stderr)
	}
	cp, err := sqlitestore.Open(ctx, copied)
	if err != nil {
		t.Fatal(err)
	}
	if left, err := cp.UnkeyedClaims(ctx, argmap.Page{Limit: 10}); err != nil || len(left) != 0 {
		t.Errorf("UnkeyedClaims after copy = %v, %v; want none", left, err)
	}
	cp.Close()
	code, out, stderr := cli(t, nil, "migrate", "--store", path)
	if code != 0 || !strings.Contains(out, "computed the link signatures of 1 claims") {
		t.Fatalf("migrate: exit %d, out %q, stderr %q; want the signatures of 1 claim computed", code, out, stderr)
	}
	code, out, _ = cli(t, nil, "migrate", "--store", path)
	if code != 0 || strings.Contains(out, "link signatures") {
		t.Errorf("migrate again: exit %d, out %q; want nothing to compute", code, out)
	}
	st, err = sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if left, err := st.UnkeyedClaims(ctx, argmap.Page{Limit: 10}); err != nil || len(left) != 0 {
		t.Errorf("UnkeyedClaims after migrate = %v, %v; want none", left, err)
	}
}
