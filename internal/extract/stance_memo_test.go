package extract_test

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestStancerSharedWords judges judgePairs and reads their link keys from
// several goroutines through one Stancer and one Linker, whose memos of
// words they share, twice over, and compares each answer with a fresh
// Stancer's and Linker's: a reader that wrote into a word's shared record
// (its concept lists are handed to every term of that word) would change
// later answers, and -race reports readers and writers of the memo that do
// not take its locks.
func TestStancerSharedWords(t *testing.T) {
	var cs []argmap.Claim
	for i, c := range judgePairs.claims {
		cs = append(cs, argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, "memo", string(rune('a'+i))), Text: c, Gist: c})
	}
	want := map[string][]argmap.Judgement{}
	for _, q := range judgePairs.questions {
		want[q] = extract.NewStancer().JudgeAll(q, judgePairs.claims)
	}
	wantKeys := map[string][]string{}
	for _, c := range cs {
		wantKeys[c.Text] = extract.NewLinker().Keys(c)
	}
	s, l := extract.NewStancer(), extract.NewLinker()
	var wg sync.WaitGroup
	var mu sync.Mutex
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 2 {
				for k := range judgePairs.questions {
					q := judgePairs.questions[(k+g)%len(judgePairs.questions)]
					got := s.JudgeAll(q, judgePairs.claims)
					if d := cmp.Diff(want[q], got); d != "" {
						mu.Lock()
						t.Errorf("round %d: shared JudgeAll(%q) differs from a fresh Stancer's (-fresh +shared):\n%s", round, q, d)
						mu.Unlock()
					}
				}
				for k := range cs {
					c := cs[(k+g)%len(cs)]
					if got := l.Keys(c); !cmp.Equal(got, wantKeys[c.Text]) {
						mu.Lock()
						t.Errorf("round %d: shared Keys(%q) = %q, want %q", round, c.Text, got, wantKeys[c.Text])
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
}
