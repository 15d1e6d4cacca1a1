package sqlitestore_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestActorsInOneTransaction checks that graphs written together in one
// transaction of Atomically (as ingest writes a batch of documents) leave an
// actor they share as the same graphs written one by one leave it: its name
// and every alias, whatever the order of names and aliases, with a deletion
// of the actor and the same actor written again in between. The writer
// skips an actor an earlier graph of the transaction stored with all its
// names (graphWriter.actor): a skip that missed an alias or outlived the
// deletion would differ.
func TestActorsInOneTransaction(t *testing.T) {
	ctx := context.Background()
	actor := func(name string, aliases ...string) argmap.Actor {
		return argmap.Actor{ID: "act_shared", Name: name, Kind: "organisation", Aliases: aliases}
	}
	graphs := [][]argmap.Actor{
		{actor("International Organization for Migration", "IOM")},
		{actor("International Organization for Migration", "IOM")},
		{actor("IOM")},
		{actor("the IOM", "UN Migration")},
		{actor("International Organization for Migration", "IOM", "the IOM")},
		{actor("IOM", "UN Migration"), {ID: "act_other", Name: "UNHCR"}},
		nil, // the shared actor deleted here
		{actor("UN Migration")},
		{actor("UN Migration")},
		{actor("UN Migration", "IOM")},
	}
	write := func(ctx context.Context, st argmap.Store, i int) error {
		if graphs[i] == nil {
			return st.DeleteActor(ctx, "act_shared")
		}
		src := argmap.Source{ID: argmap.DerivedID(argmap.KindSource, "actors", string(rune('a'+i))), Title: "t", Text: "IOM said so."}
		return st.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Actors: slices.Clone(graphs[i])})
	}
	state := func(t *testing.T, st argmap.Store) []string {
		t.Helper()
		var out []string
		for _, id := range []string{"act_shared", "act_other"} {
			a, err := st.Actor(ctx, id)
			if err != nil {
				t.Fatalf("Actor(%s) = %v", id, err)
			}
			al := slices.Clone(a.Aliases)
			slices.Sort(al)
			out = append(append(out, a.ID, a.Name, a.Kind), al...)
		}
		return out
	}
	open := func(t *testing.T) *sqlitestore.Store {
		t.Helper()
		st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "argmap.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	one := open(t)
	for i := range graphs {
		if err := write(ctx, one, i); err != nil {
			t.Fatalf("graph %d one by one: %v", i, err)
		}
	}
	together := open(t)
	err := together.Atomically(ctx, func(tx argmap.Store) error {
		for i := range graphs {
			if err := write(ctx, tx, i); err != nil {
				t.Fatalf("graph %d in one transaction: %v", i, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want, got := state(t, one), state(t, together)
	if !slices.Equal(got, want) {
		t.Errorf("actors written in one transaction = %q, one by one = %q", got, want)
	}
	if !slices.Contains(want, "IOM") || !slices.Contains(want, "UN Migration") {
		t.Errorf("actors = %q: the test lost its point", want)
	}
}
