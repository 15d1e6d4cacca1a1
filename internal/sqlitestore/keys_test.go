package sqlitestore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

func TestClaimsByKeys(t *testing.T) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	claim := func(text string, keys ...string) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginCurated, Keys: keys}
	}
	a := claim("IOM excludes asylum seekers", "asylum exclude", "exclude iom")
	b := claim("IOM keeps asylum seekers out", "asylum exclude")
	c := claim("Climate drives migration", "climate drive")
	d := claim("IOM bars asylum seekers", "bar iom") // restates a
	d.Proposition = a.ID
	if err := st.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{a, b, c, d}}); err != nil {
		t.Fatal(err)
	}
	ids := func(cs []argmap.Claim) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		sort.Strings(out)
		return out
	}
	tests := []struct {
		keys   []string
		perKey int
		want   []string
	}{
		{[]string{"asylum exclude"}, 10, []string{a.ID, b.ID}},
		{[]string{"asylum exclude"}, 1, []string{b.ID}}, // the newest
		{[]string{"exclude iom", "climate drive"}, 10, []string{a.ID, c.ID}},
		{[]string{"bar iom"}, 10, []string{a.ID, d.ID}}, // with the claim naming its proposition
		{[]string{"nothing here"}, 10, nil},
		{nil, 10, nil},
	}
	for _, tt := range tests {
		got, err := st.ClaimsByKeys(ctx, tt.keys, tt.perKey)
		if err != nil {
			t.Fatalf("ClaimsByKeys(%v): %v", tt.keys, err)
		}
		want := append([]string(nil), tt.want...)
		sort.Strings(want)
		if diff := cmp.Diff(want, ids(got)); diff != "" {
			t.Errorf("ClaimsByKeys(%v, %d) (-want +got):\n%s", tt.keys, tt.perKey, diff)
		}
	}
	// a claim's keys go with it
	if err := st.DeleteClaim(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	got, err := st.ClaimsByKeys(ctx, []string{"exclude iom", "asylum exclude"}, 10)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{b.ID}, ids(got)); diff != "" {
		t.Errorf("ClaimsByKeys after deleting a (-want +got):\n%s", diff)
	}
	bad := claim("too many keys")
	for i := 0; i <= argmap.MaxClaimKeys; i++ {
		bad.Keys = append(bad.Keys, fmt.Sprintf("k%d", i))
	}
	if err := st.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{bad}}); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("WriteGraph(claim with %d keys) error = %v, want EINVALID", len(bad.Keys), err)
	}
}
