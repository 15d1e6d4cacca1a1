package argmaptest

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// testClaimKeys checks argmap.KeyedClaims and argmap.KeyBackfill, which
// every store implements: the newest claims under each key with the claims
// naming their propositions, keys going with their claim, and the backfill
// of claims with no keys.
func testClaimKeys(t *testing.T, e *env) {
	s := e.store(t)
	keyed, ok := s.(interface {
		argmap.KeyedClaims
		argmap.KeyBackfill
	})
	if !ok {
		t.Fatalf("%T does not implement argmap.KeyedClaims and argmap.KeyBackfill", s)
	}
	base := argmap.Now()
	n := 0
	claim := func(text string, keys ...string) argmap.Claim {
		n++
		c := newClaim(text)
		c.Keys = keys
		c.CreatedAt = base.Add(time.Duration(n) * time.Second) // stored in this order
		return c
	}
	a := claim("IOM excludes asylum seekers", "asylum exclude", "exclude iom")
	b := claim("IOM keeps asylum seekers out", "asylum exclude")
	c := claim("Climate drives migration", "climate drive")
	d := claim("IOM bars asylum seekers", "bar iom") // restates a
	d.Proposition = a.ID
	bare := claim("Stored before keys were kept")
	write(t, s, &argmap.Graph{Claims: []argmap.Claim{a, b, c, d, bare}})
	ids := func(cs []argmap.Claim) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	sorted := func(xs ...string) []string {
		out := append([]string(nil), xs...)
		sort.Strings(out)
		return out
	}
	t.Run("ClaimsByKeys", func(t *testing.T) {
		tests := []struct {
			keys   []string
			perKey int
			want   []string
		}{
			{[]string{"asylum exclude"}, 10, sorted(a.ID, b.ID)},
			{[]string{"asylum exclude"}, 1, []string{b.ID}}, // the newest
			{[]string{"exclude iom", "climate drive"}, 10, sorted(a.ID, c.ID)},
			{[]string{"bar iom"}, 10, sorted(a.ID, d.ID)}, // with the claim naming its proposition
			{[]string{"asylum"}, 10, nil},                 // a key is matched whole, not as a prefix
			{[]string{"nothing here"}, 10, nil},
			{nil, 10, nil},
		}
		for _, tt := range tests {
			got, err := keyed.ClaimsByKeys(ctx(t), tt.keys, tt.perKey)
			must(t, fmt.Sprintf("ClaimsByKeys(%v)", tt.keys), err)
			if diff := cmp.Diff(tt.want, ids(got), opts); diff != "" {
				t.Errorf("ClaimsByKeys(%v, %d) (-want +got):\n%s", tt.keys, tt.perKey, diff)
			}
			for _, c := range got {
				if c.ID == a.ID && c.Text != a.Text {
					t.Errorf("ClaimsByKeys claim text = %q, want %q", c.Text, a.Text)
				}
			}
		}
	})
	t.Run("KeyLists", func(t *testing.T) {
		kl, ok := s.(argmap.KeyLists)
		if !ok {
			t.Skipf("%T does not implement argmap.KeyLists (optional)", s)
		}
		lists, heads, err := kl.ClaimKeyLists(ctx(t), []string{"asylum exclude", "bar iom", "exclude iom", "asylum exclude", "nothing here"}, 10)
		must(t, "ClaimKeyLists", err)
		got := map[string][]string{}
		for k, cs := range lists {
			got[k] = ids(cs)
		}
		// newest first, a key asked twice listed once, a key with nothing left out
		want := map[string][]string{"asylum exclude": {b.ID, a.ID}, "bar iom": {d.ID}, "exclude iom": {a.ID}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ClaimKeyLists (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]string{a.ID}, ids(heads)); diff != "" {
			t.Errorf("ClaimKeyLists heads (-want +got):\n%s", diff)
		}
		if len(heads) == 1 && heads[0].Text != a.Text {
			t.Errorf("ClaimKeyLists head text = %q, want %q", heads[0].Text, a.Text)
		}
		if l := lists["bar iom"]; len(l) == 1 && (l[0].Text != d.Text || l[0].Proposition != a.ID) {
			t.Errorf("ClaimKeyLists claim = %+v, want text %q, proposition %s", l[0], d.Text, a.ID)
		}
		lists, _, err = kl.ClaimKeyLists(ctx(t), []string{"asylum exclude"}, 1)
		must(t, "ClaimKeyLists(perKey 1)", err)
		if diff := cmp.Diff([]string{b.ID}, ids(lists["asylum exclude"])); diff != "" {
			t.Errorf("ClaimKeyLists(perKey 1) (-want +got):\n%s", diff)
		}
		// the version moves with every change of claims or their keys, and
		// not with reads
		version := func() int64 {
			t.Helper()
			v, err := kl.ClaimsVersion(ctx(t))
			must(t, "ClaimsVersion", err)
			return v
		}
		last := version()
		moved := func(what string, yes bool) {
			t.Helper()
			v := version()
			if (v != last) != yes {
				t.Errorf("ClaimsVersion after %s: %d -> %d, want moved = %v", what, last, v, yes)
			}
			last = v
		}
		_, _, err = kl.ClaimKeyLists(ctx(t), []string{"asylum exclude"}, 4)
		must(t, "ClaimKeyLists", err)
		_, err = s.Claim(ctx(t), a.ID)
		must(t, "Claim", err)
		moved("reads", false)
		e1 := claim("Asylum seekers are excluded by the IOM", "asylum exclude")
		write(t, s, &argmap.Graph{Claims: []argmap.Claim{e1}})
		moved("a claim written", true)
		must(t, "AddClaimKeys", keyed.AddClaimKeys(ctx(t), map[string][]string{e1.ID: {"iom exclude"}}))
		moved("keys added", true)
		must(t, "AddClaimKeys again", keyed.AddClaimKeys(ctx(t), map[string][]string{e1.ID: {"iom exclude"}}))
		moved("keys added again (nothing new)", false)
		text := "Asylum seekers are kept out by the IOM"
		_, err = s.UpdateClaim(ctx(t), e1.ID, argmap.ClaimUpdate{Text: &text})
		must(t, "UpdateClaim", err)
		moved("a claim's text changed", true)
		must(t, "DeleteClaim", s.DeleteClaim(ctx(t), e1.ID))
		moved("a claim deleted", true)
		if tr, ok := s.(argmap.Transactor); ok {
			e2 := claim("The IOM turns asylum seekers away", "asylum turn")
			err := tr.Atomically(ctx(t), func(tx argmap.Store) error {
				txl, ok := tx.(argmap.KeyLists)
				if !ok {
					t.Fatalf("the store of Atomically (%T) is not an argmap.KeyLists", tx)
				}
				before, err := txl.ClaimsVersion(ctx(t))
				if err != nil {
					return err
				}
				if before != last {
					t.Errorf("ClaimsVersion in a transaction = %d, want %d", before, last)
				}
				if err := tx.WriteGraph(ctx(t), &argmap.Graph{Claims: []argmap.Claim{e2}}); err != nil {
					return err
				}
				after, err := txl.ClaimsVersion(ctx(t))
				if err != nil {
					return err
				}
				if after == before {
					t.Errorf("ClaimsVersion in a transaction did not move with its own write (%d)", after)
				}
				lists, _, err := txl.ClaimKeyLists(ctx(t), []string{"asylum turn"}, 4)
				if err != nil {
					return err
				}
				if diff := cmp.Diff([]string{e2.ID}, ids(lists["asylum turn"])); diff != "" {
					t.Errorf("ClaimKeyLists in a transaction after its write (-want +got):\n%s", diff)
				}
				last = after
				return nil
			})
			must(t, "Atomically", err)
			moved("the transaction committed", false)
			must(t, "DeleteClaim", s.DeleteClaim(ctx(t), e2.ID))
			moved("a claim deleted", true)
		}
	})
	t.Run("Backfill", func(t *testing.T) {
		got, err := keyed.UnkeyedClaims(ctx(t), argmap.Page{Limit: 10})
		must(t, "UnkeyedClaims", err)
		if diff := cmp.Diff([]string{bare.ID}, ids(got), opts); diff != "" {
			t.Fatalf("UnkeyedClaims (-want +got):\n%s", diff)
		}
		if got[0].Text != bare.Text {
			t.Errorf("UnkeyedClaims text = %q, want %q", got[0].Text, bare.Text)
		}
		if got, err := keyed.UnkeyedClaims(ctx(t), argmap.Page{After: bare.ID, Limit: 10}); err != nil || len(got) != 0 {
			t.Errorf("UnkeyedClaims(after the last) = %v, %v, want none", ids(got), err)
		}
		keys := map[string][]string{bare.ID: {"before kept", "before kept", "keep store"}, "clm_notstored0000": {"x y"}}
		must(t, "AddClaimKeys", keyed.AddClaimKeys(ctx(t), keys))
		must(t, "AddClaimKeys again", keyed.AddClaimKeys(ctx(t), keys)) // idempotent
		if got, err := keyed.UnkeyedClaims(ctx(t), argmap.Page{Limit: 10}); err != nil || len(got) != 0 {
			t.Errorf("UnkeyedClaims after AddClaimKeys = %v, %v, want none", ids(got), err)
		}
		got, err = keyed.ClaimsByKeys(ctx(t), []string{"keep store", "before kept"}, 10)
		must(t, "ClaimsByKeys", err)
		if diff := cmp.Diff([]string{bare.ID}, ids(got), opts); diff != "" {
			t.Errorf("ClaimsByKeys of added keys (-want +got):\n%s", diff)
		}
		// adding keys keeps those a claim has
		must(t, "AddClaimKeys", keyed.AddClaimKeys(ctx(t), map[string][]string{c.ID: {"migration drive"}}))
		got, err = keyed.ClaimsByKeys(ctx(t), []string{"climate drive", "migration drive"}, 10)
		must(t, "ClaimsByKeys", err)
		if diff := cmp.Diff([]string{c.ID}, ids(got), opts); diff != "" {
			t.Errorf("ClaimsByKeys after adding a key (-want +got):\n%s", diff)
		}
		tooMany := make([]string, argmap.MaxClaimKeys+1)
		for i := range tooMany {
			tooMany[i] = fmt.Sprintf("k%d", i)
		}
		wantCode(t, "AddClaimKeys(too many)", keyed.AddClaimKeys(ctx(t), map[string][]string{c.ID: tooMany}), argmap.EINVALID)
		wantCode(t, "AddClaimKeys(empty key)", keyed.AddClaimKeys(ctx(t), map[string][]string{c.ID: {""}}), argmap.EINVALID)
		wantCode(t, "AddClaimKeys(bad ID)", keyed.AddClaimKeys(ctx(t), map[string][]string{"src_x": {"a b"}}), argmap.EINVALID)
	})
	t.Run("UpdateReplacesKeys", func(t *testing.T) {
		byKeys := func(what string, keys ...string) []string {
			got, err := keyed.ClaimsByKeys(ctx(t), keys, 10)
			must(t, "ClaimsByKeys "+what, err)
			return ids(got)
		}
		// a new text without keys drops the old ones: they described the
		// old text, and the claim waits for the backfill
		text := "Climate drives displacement"
		_, err := s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Text: &text})
		must(t, "UpdateClaim(text)", err)
		if got := byKeys("after a new text", "climate drive", "migration drive"); len(got) != 0 {
			t.Errorf("ClaimsByKeys(old keys) after a new text = %v, want none", got)
		}
		got, err := keyed.UnkeyedClaims(ctx(t), argmap.Page{Limit: 10})
		must(t, "UnkeyedClaims", err)
		if diff := cmp.Diff([]string{c.ID}, ids(got), opts); diff != "" {
			t.Errorf("UnkeyedClaims after a new text (-want +got):\n%s", diff)
		}
		// keys given replace the claim's keys
		keys := []string{"climate displacement", "displacement drive"}
		_, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Keys: &keys})
		must(t, "UpdateClaim(keys)", err)
		if diff := cmp.Diff([]string{c.ID}, byKeys("given", "climate displacement")); diff != "" {
			t.Errorf("ClaimsByKeys(new key) (-want +got):\n%s", diff)
		}
		// the same text again keeps them; text and keys together replace them
		_, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Text: &text})
		must(t, "UpdateClaim(same text)", err)
		if diff := cmp.Diff([]string{c.ID}, byKeys("same text", "displacement drive")); diff != "" {
			t.Errorf("ClaimsByKeys after the same text (-want +got):\n%s", diff)
		}
		text2 := "Floods drive displacement"
		keys2 := []string{"flood displacement"}
		_, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Text: &text2, Keys: &keys2})
		must(t, "UpdateClaim(text and keys)", err)
		if got := byKeys("old", "climate displacement", "displacement drive"); len(got) != 0 {
			t.Errorf("ClaimsByKeys(replaced keys) = %v, want none", got)
		}
		if diff := cmp.Diff([]string{c.ID}, byKeys("text and keys", "flood displacement")); diff != "" {
			t.Errorf("ClaimsByKeys(key given with the text) (-want +got):\n%s", diff)
		}
		tooMany := make([]string, argmap.MaxClaimKeys+1)
		for i := range tooMany {
			tooMany[i] = fmt.Sprintf("k%d", i)
		}
		_, err = s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{Keys: &tooMany})
		wantCode(t, "UpdateClaim(too many keys)", err, argmap.EINVALID)
		if diff := cmp.Diff([]string{c.ID}, byKeys("after a refused update", "flood displacement")); diff != "" {
			t.Errorf("ClaimsByKeys after a refused update (-want +got):\n%s", diff)
		}
	})
	t.Run("DeleteTakesKeys", func(t *testing.T) {
		must(t, "DeleteClaim", s.DeleteClaim(ctx(t), a.ID))
		got, err := keyed.ClaimsByKeys(ctx(t), []string{"exclude iom", "asylum exclude"}, 10)
		must(t, "ClaimsByKeys", err)
		if diff := cmp.Diff([]string{b.ID}, ids(got), opts); diff != "" {
			t.Errorf("ClaimsByKeys after deleting a (-want +got):\n%s", diff)
		}
	})
	t.Run("TooManyKeys", func(t *testing.T) {
		bad := claim("too many keys")
		for i := 0; i <= argmap.MaxClaimKeys; i++ {
			bad.Keys = append(bad.Keys, fmt.Sprintf("k%d", i))
		}
		wantCode(t, "WriteGraph(claim with too many keys)", s.WriteGraph(ctx(t), &argmap.Graph{Claims: []argmap.Claim{bad}}), argmap.EINVALID)
	})
}
