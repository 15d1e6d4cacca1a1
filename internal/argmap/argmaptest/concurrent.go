package argmaptest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// testConcurrentWrites writes graphs at once that share new records, as
// documents ingested in parallel do: an actor each names differently (an
// upsert whose aliases all survive) and a work each cites (kept once). Every
// write succeeds and no record is stored twice. Graphs holding the same
// source content conflict: one is stored, the others get ECONFLICT.
func testConcurrentWrites(t *testing.T, e *env) {
	const writers = 8
	// parallel runs write(i) for every writer at once and returns the errors.
	parallel := func(write func(i int) error) []error {
		errs := make([]error, writers)
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = write(i)
			}()
		}
		close(start)
		wg.Wait()
		return errs
	}
	t.Run("SharedActorAndCitedWork", func(t *testing.T) {
		s := e.store(t)
		actor := newActor("Shared Agency")
		cited := citedSource("Shared 2020")
		errs := parallel(func(i int) error {
			a := actor
			a.Aliases = []string{fmt.Sprintf("Agency %d", i)}
			src := newSource(fmt.Sprintf("Paper %d", i), fmt.Sprintf("Paper %d says the Shared Agency acts (Shared 2020).", i))
			c := stated(src, "the Shared Agency acts")
			c.Actors = []argmap.ActorRef{{ActorID: actor.ID, Role: argmap.RoleAsserts}}
			cit := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: src.ID, Author: "Shared", Year: "2020", CitedID: cited.ID}
			return s.WriteGraph(ctx(t), &argmap.Graph{Sources: []argmap.Source{src, cited}, Claims: []argmap.Claim{c},
				Actors: []argmap.Actor{a}, Citations: []argmap.Citation{cit}})
		})
		for i, err := range errs {
			if err != nil {
				t.Errorf("WriteGraph(writer %d) = %v", i, err)
			}
		}
		want := argmap.Counts{Sources: writers + 1, Claims: writers, Actors: 1, Citations: writers}
		if diff := cmp.Diff(want, stats(t, s)); diff != "" {
			t.Errorf("Stats() after concurrent writes (-want +got):\n%s", diff)
		}
		got, err := s.Actor(ctx(t), actor.ID)
		must(t, "Actor", err)
		var aliases []string
		for i := range writers {
			aliases = append(aliases, fmt.Sprintf("Agency %d", i))
		}
		if diff := cmp.Diff(aliases, got.Aliases); diff != "" {
			t.Errorf("Actor().Aliases after concurrent upserts lost some (-want +got):\n%s", diff)
		}
	})
	t.Run("SameContent", func(t *testing.T) {
		s := e.store(t)
		const text = "One document, sent by every writer at once."
		errs := parallel(func(i int) error {
			src := newSource(fmt.Sprintf("Copy %d", i), text)
			return s.WriteGraph(ctx(t), &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{stated(src, "One document")}})
		})
		stored := 0
		for i, err := range errs {
			switch argmap.ErrorCode(err) {
			case "":
				stored++
			case argmap.ECONFLICT:
			default:
				t.Errorf("WriteGraph(copy %d) = %v, want success or ECONFLICT", i, err)
			}
		}
		if n := stats(t, s); stored != 1 || n.Sources != 1 || n.Claims != 1 {
			t.Errorf("%d writes succeeded, Stats() = %+v; want one write, one source and one claim", stored, n)
		}
		if _, err := s.SourceByHash(ctx(t), argmap.ContentHash([]byte(text))); err != nil {
			t.Errorf("SourceByHash() = %v", err)
		}
	})
}
