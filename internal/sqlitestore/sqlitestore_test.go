package sqlitestore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// open returns a store on a fresh file in t's temporary directory.
func open(t testing.TB) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	argmaptest.RunStoreTests(t, func(t *testing.T) argmap.Store { return open(t) })
}

// TestConformanceKeysSearched runs the conformance suite with stores that
// look link keys up in claim_keys_fts (migrations 0024, 0025) whatever
// their size (a store of the suite's few claims reads its lists whole),
// and have looked one up before the suite writes, so that their writes
// index the claims (catchUp).
func TestConformanceKeysSearched(t *testing.T) {
	argmaptest.RunStoreTests(t, func(t *testing.T) argmap.Store {
		s := open(t)
		sqlitestore.SetKeySearch(s, true)
		if _, _, err := s.ClaimKeyLists(context.Background(), []string{"any key"}, 1); err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestActorAliasesBounded checks that an actor upserted again and again with
// new aliases keeps at most argmap.MaxAliases, and can still be updated.
func TestActorAliasesBounded(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	a := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "IOM"}
	for round := range 3 {
		again := a
		for i := range argmap.MaxAliases {
			again.Aliases = append(again.Aliases, fmt.Sprintf("alias %d-%d", round, i))
		}
		if err := s.WriteGraph(ctx, &argmap.Graph{Actors: []argmap.Actor{again}}); err != nil {
			t.Fatalf("WriteGraph(round %d): %v", round, err)
		}
	}
	got, err := s.Actor(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Aliases) > argmap.MaxAliases {
		t.Errorf("Actor has %d aliases after three upserts, want at most %d", len(got.Aliases), argmap.MaxAliases)
	}
	name := "International Organization for Migration"
	if _, err := s.UpdateActor(ctx, a.ID, argmap.ActorUpdate{Name: &name}); err != nil {
		t.Errorf("UpdateActor after the upserts: %v", err)
	}
}

// TestPingWhileReadersBusy: Ping (what /healthz asks) answers while every
// connection of the read pool is taken, where Stats has to wait for one.
func TestPingWhileReadersBusy(t *testing.T) {
	s := open(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	release, err := s.HoldReaders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	short, cancelShort := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancelShort()
	if _, err := s.Stats(short); argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
		t.Fatalf("Stats with the read pool held = %v, want it to wait for a connection until its context ends", err)
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatalf("Ping with the read pool held = %v, want nil", err)
	}
	release()
	if _, err := s.Stats(ctx); err != nil {
		t.Fatalf("Stats after the release = %v", err)
	}
}
