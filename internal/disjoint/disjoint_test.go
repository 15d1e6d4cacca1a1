package disjoint_test

import (
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/disjoint"
)

func TestSets(t *testing.T) {
	tests := []struct {
		name   string
		add    []string
		unions [][2]string
		same   [][2]string
		apart  [][2]string
	}{
		{name: "nothing joined", add: []string{"a", "b"}, apart: [][2]string{{"a", "b"}}},
		{name: "a chain", unions: [][2]string{{"a", "b"}, {"b", "c"}, {"c", "d"}}, same: [][2]string{{"a", "d"}, {"b", "c"}}},
		{name: "two parts", unions: [][2]string{{"a", "b"}, {"c", "d"}}, same: [][2]string{{"b", "a"}}, apart: [][2]string{{"a", "c"}, {"b", "d"}}},
		{name: "joined twice", unions: [][2]string{{"a", "b"}, {"b", "a"}, {"a", "b"}}, same: [][2]string{{"a", "b"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := disjoint.New[string](0)
			for _, x := range tc.add {
				s.Add(x)
			}
			for _, u := range tc.unions {
				s.Union(u[0], u[1])
			}
			for _, p := range tc.same {
				if s.Find(p[0]) != s.Find(p[1]) {
					t.Errorf("Find(%q) = %q, Find(%q) = %q, want one root", p[0], s.Find(p[0]), p[1], s.Find(p[1]))
				}
			}
			for _, p := range tc.apart {
				if s.Find(p[0]) == s.Find(p[1]) {
					t.Errorf("Find(%q) = Find(%q) = %q, want two roots", p[0], p[1], s.Find(p[0]))
				}
			}
		})
	}
}

func TestUnionPutsTheFirstRootUnderTheSecond(t *testing.T) {
	s := disjoint.New[string](0)
	s.Union("a", "b")
	if got := s.Find("a"); got != "b" {
		t.Errorf("Find(a) after Union(a, b) = %q, want b", got)
	}
}

func TestKeysAndHas(t *testing.T) {
	s := disjoint.New[int](4)
	s.Union(1, 2)
	s.Add(3)
	var keys []int
	s.Keys(func(k int) { keys = append(keys, k) })
	slices.Sort(keys)
	if !slices.Equal(keys, []int{1, 2, 3}) {
		t.Errorf("Keys = %v, want [1 2 3]", keys)
	}
	if s.Has(4) {
		t.Errorf("Has(4) = true, want false")
	}
	if got := s.Find(4); got != 4 {
		t.Errorf("Find(4) of a key never added = %d, want 4", got)
	}
}
