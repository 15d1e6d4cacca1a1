// Package disjoint keeps a partition of keys into disjoint sets (a
// union-find forest), the way the connected parts of a graph are found.
package disjoint

// Sets is a union-find forest over comparable keys. The zero value is not
// ready: make one with New.
type Sets[K comparable] struct {
	parent map[K]K
}

// New returns an empty forest with room for about n keys.
func New[K comparable](n int) *Sets[K] {
	return &Sets[K]{parent: make(map[K]K, n)}
}

// Add puts x in a set of its own unless the forest has it already.
func (s *Sets[K]) Add(x K) {
	if _, ok := s.parent[x]; !ok {
		s.parent[x] = x
	}
}

// Has reports whether the forest has x.
func (s *Sets[K]) Has(x K) bool {
	_, ok := s.parent[x]
	return ok
}

// Find returns the root of x's set (x itself for a key never added),
// halving the path it walks.
func (s *Sets[K]) Find(x K) K {
	for {
		p, ok := s.parent[x]
		if !ok || p == x {
			return x
		}
		gp := s.parent[p]
		s.parent[x] = gp
		x = gp
	}
}

// Union adds a and b and joins their sets: the root of a's set is put
// under the root of b's.
func (s *Sets[K]) Union(a, b K) {
	s.Add(a)
	s.Add(b)
	if ra, rb := s.Find(a), s.Find(b); ra != rb {
		s.parent[ra] = rb
	}
}

// Keys calls f with every key in the forest, in no particular order.
func (s *Sets[K]) Keys(f func(K)) {
	for x := range s.parent {
		f(x)
	}
}
