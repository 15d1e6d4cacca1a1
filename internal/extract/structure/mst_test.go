package structure

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMaxArborescence(t *testing.T) {
	x := math.Inf(-1)
	tests := []struct {
		name   string
		w      [][]float64 // w[u][v]: edge u -> v
		root   int
		want   []int
		wantOK bool
	}{
		{"chain", [][]float64{{x, 5, 1}, {x, x, 5}, {x, 1, x}}, 0, []int{-1, 0, 1}, true},
		{"star beats chain", [][]float64{{x, 5, 5}, {x, x, 1}, {x, 1, x}}, 0, []int{-1, 0, 0}, true},
		// 1 and 2 prefer each other (a cycle); the cycle is entered where it
		// loses least: 0 -> 2 (4) costs 10-4 = 6 and 0 -> 1 (1) costs 10-1 = 9
		{"cycle", [][]float64{{x, 1, 4}, {x, x, 10}, {x, 10, x}}, 0, []int{-1, 2, 0}, true},
		// the same graph with the root forced to 1
		{"forced root", [][]float64{{x, 1, 4}, {3, x, 10}, {x, 10, x}}, 1, []int{1, -1, 1}, true},
		// a three-cycle inside a four-node graph
		{"three-cycle", [][]float64{
			{x, 2, 1, 1},
			{x, x, 9, x},
			{x, x, x, 9},
			{x, 9, x, x},
		}, 0, []int{-1, 0, 1, 2}, true},
		{"unreachable", [][]float64{{x, 1, x}, {x, x, x}, {x, x, x}}, 0, nil, false},
	}
	for _, tt := range tests {
		got, ok := maxArborescence(tt.w, tt.root)
		if ok != tt.wantOK {
			t.Errorf("%s: maxArborescence ok = %v, want %v", tt.name, ok, tt.wantOK)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: maxArborescence (-want +got):\n%s", tt.name, diff)
		}
	}
}

// TestMaxArborescenceBrute checks the decoder against every tree on small
// graphs with weights from a fixed pattern.
func TestMaxArborescenceBrute(t *testing.T) {
	for n := 2; n <= 5; n++ {
		for seed := 0; seed < 30; seed++ {
			w := make([][]float64, n)
			for u := range w {
				w[u] = make([]float64, n)
				for v := range w[u] {
					w[u][v] = float64((u*7+v*13+seed*29+u*v*seed)%17) - 3
					if u == v {
						w[u][v] = math.Inf(-1)
					}
				}
			}
			for root := 0; root < n; root++ {
				got, ok := maxArborescence(w, root)
				if !ok {
					t.Fatalf("n=%d seed=%d: no tree", n, seed)
				}
				best := bruteBest(w, root)
				if s := treeWeight(w, got); math.Abs(s-best) > 1e-9 {
					t.Errorf("n=%d seed=%d root=%d: tree weight %v, want the best %v", n, seed, root, s, best)
				}
			}
		}
	}
}

func treeWeight(w [][]float64, parent []int) float64 {
	s := 0.0
	for v, p := range parent {
		if p >= 0 {
			s += w[p][v]
		}
	}
	return s
}

// bruteBest tries every parent assignment and keeps the best tree.
func bruteBest(w [][]float64, root int) float64 {
	n := len(w)
	parent := make([]int, n)
	best := math.Inf(-1)
	var rec func(v int)
	rec = func(v int) {
		if v == n {
			for s := 0; s < n; s++ { // every node reaches the root
				x, k := s, 0
				for x != root && k <= n {
					x, k = parent[x], k+1
				}
				if x != root {
					return
				}
			}
			best = math.Max(best, treeWeight(w, parent))
			return
		}
		if v == root {
			parent[v] = -1
			rec(v + 1)
			return
		}
		for u := 0; u < n; u++ {
			if u != v {
				parent[v] = u
				rec(v + 1)
			}
		}
	}
	rec(0)
	return best
}
