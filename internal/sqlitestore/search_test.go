package sqlitestore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestSearchAllButOne checks SearchClaims' fills when no claim has every
// word of the query: claims with all words but one first, ranked by score;
// when those are fewer than the limit, claims with any word fill the list
// as before.
func TestSearchAllButOne(t *testing.T) {
	ctx := context.Background()
	s := open(t)
	defer s.Close()
	texts := map[string]string{
		"three-a": "Border patrol budget rose sharply.",
		"three-b": "The patrol budget was cut by donors in the south.",
		"three-c": "Border budget talks stalled.",
		"one-a":   "Patrol boats were seen.",
		"one-b":   "The budget was approved.",
	}
	for i := range 20 {
		texts[fmt.Sprint("none-", i)] = fmt.Sprintf("Nothing here matches at all, number %d.", i)
	}
	var g argmap.Graph
	byID := map[string]string{}
	for name, text := range texts {
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginCurated}
		byID[c.ID] = name
		g.Claims = append(g.Claims, c)
	}
	if err := s.WriteGraph(ctx, &g); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query string
		limit int
		want  []string // names, in any order
		first []string // names that must all come before the rest
	}{
		{"all but one fills", "border patrol budget zeppelin", 3, []string{"three-a", "three-b", "three-c"}, nil},
		{"any word fills the rest", "border patrol budget zeppelin", 5,
			[]string{"three-a", "three-b", "three-c", "one-a", "one-b"}, []string{"three-a", "three-b", "three-c"}},
		{"three words", "border patrol budget", 3, []string{"three-a", "three-b", "three-c"}, nil},
		{"two words: any word", "patrol zeppelin", 5, []string{"three-a", "three-b", "one-a"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.SearchClaims(ctx, tc.query, tc.limit)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, h := range hits {
				got = append(got, byID[h.Claim.ID])
				if i > 0 && h.Rank > hits[i-1].Rank {
					t.Errorf("hit %d ranked %v above hit %d's %v", i, h.Rank, i-1, hits[i-1].Rank)
				}
			}
			if !sameSet(got, tc.want) {
				t.Errorf("SearchClaims(%q, %d) = %v, want %v in any order", tc.query, tc.limit, got, tc.want)
			}
			for i, name := range got {
				if i >= len(tc.first) && slices.Contains(tc.first, name) {
					t.Errorf("SearchClaims(%q, %d) = %v: %s should be among the first %d", tc.query, tc.limit, got, name, len(tc.first))
				}
			}
		})
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return strings.Join(a, "|") == strings.Join(b, "|")
}

// TestEveryDense checks the every-word intersection of the in-memory index
// when some of the words' lists are dense (tested by their bit sets rather
// than galloped through): for random lists, every choice of dense lists
// offers the claims in every list, each once.
func TestEveryDense(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 200 {
		docs := 1 + r.IntN(700)
		lists := make([][]uint32, 1+r.IntN(4))
		for i := range lists {
			share := r.Float64()
			for d := range uint32(docs) {
				if r.Float64() < share {
					lists[i] = append(lists[i], d)
				}
			}
		}
		if r.IntN(10) == 0 {
			lists = append(lists, lists[0]) // a word twice
		}
		var want []uint32
		for d := range uint32(docs) {
			in := true
			for _, l := range lists {
				in = in && slices.Contains(l, d)
			}
			if in {
				want = append(want, d)
			}
		}
		for mask := range 1 << len(lists) {
			dense := make([]bool, len(lists))
			for i := range dense {
				dense[i] = mask&(1<<i) != 0
			}
			got, seen := sqlitestore.Every(lists, dense, docs)
			if !slices.Equal(got, want) || seen != len(want) {
				t.Fatalf("round %d, %d claims, dense %v: offered %v (%d offers), want %v", round, docs, dense, got, seen, want)
			}
		}
	}
}
