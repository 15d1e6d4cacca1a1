package evaluate

import (
	"math"
	"sort"
	"strconv"

	"github.com/argmap/argmap/internal/argmap"
)

// Semantics names a way of choosing acceptable sets of arguments.
type Semantics string

// Semantics of abstract frameworks. Carneades is the structured evaluation of
// argmap graphs (see EvaluateGraph).
const (
	SemGrounded  Semantics = "grounded"
	SemComplete  Semantics = "complete"
	SemPreferred Semantics = "preferred"
	SemStable    Semantics = "stable"
	SemCarneades Semantics = "carneades"
)

// String returns the name of s.
func (s Semantics) String() string { return string(s) }

// ParseSemantics checks a semantics name.
func ParseSemantics(s string) (Semantics, error) {
	switch Semantics(s) {
	case SemGrounded, SemComplete, SemPreferred, SemStable, SemCarneades:
		return Semantics(s), nil
	}
	return "", argmap.Errorf(argmap.EINVALID, "unknown semantics %q (want grounded, complete, preferred, stable or carneades)", s)
}

// Limits bound the enumeration of labellings. Zero fields take the defaults.
type Limits struct {
	// MaxSteps bounds the search nodes visited over the whole framework.
	MaxSteps int
	// MaxLabellings bounds the labellings of one independent part of the
	// framework (a connected group of arguments the grounded labelling leaves
	// undecided).
	MaxLabellings int
	// MaxListed bounds the extensions listed in a Result.
	MaxListed int
}

// Default limits.
const (
	DefaultMaxSteps      = 1_000_000
	DefaultMaxLabellings = 10_000
	DefaultMaxListed     = 20
)

func (l Limits) withDefaults() Limits {
	if l.MaxSteps <= 0 {
		l.MaxSteps = DefaultMaxSteps
	}
	if l.MaxLabellings <= 0 {
		l.MaxLabellings = DefaultMaxLabellings
	}
	if l.MaxListed <= 0 {
		l.MaxListed = DefaultMaxListed
	}
	return l
}

// Result is what a semantics says about a framework.
type Result struct {
	Semantics Semantics
	// Labels is the sceptical labelling: In when the argument is In in every
	// labelling of the semantics, Out when Out in every one, Undec otherwise.
	// With no labelling at all (stable semantics on an odd cycle) every
	// argument is Undec.
	Labels Labelling
	// Credulous[i] tells whether argument i is In in some labelling;
	// Sceptical[i] whether it is In in every labelling (and one exists).
	Credulous, Sceptical []bool
	// Count is the number of labellings (extensions), saturating at
	// math.MaxInt.
	Count int
	// Extensions lists the In sets of up to Limits.MaxListed labellings,
	// each sorted by name.
	Extensions [][]string
}

// Evaluate applies a Dung semantics (grounded, complete, preferred or stable)
// to f. Enumeration works part by part: the grounded labelling is computed
// first, and the arguments it leaves undecided split into groups that do not
// attack each other, each enumerated alone. ETOOLARGE when a group has more
// labellings than lim allows or the search runs over its step bound.
func Evaluate(f *Framework, sem Semantics, lim Limits) (*Result, error) {
	lim = lim.withDefaults()
	n := f.Len()
	g := Grounded(f)
	res := &Result{Semantics: sem, Labels: g, Credulous: make([]bool, n), Sceptical: make([]bool, n), Count: 1}
	for i, x := range g {
		res.Credulous[i] = x == In
		res.Sceptical[i] = x == In
	}
	switch sem {
	case SemGrounded:
		res.Extensions = [][]string{g.Extension(f)}
		return res, nil
	case SemComplete, SemPreferred, SemStable:
	default:
		return nil, argmap.Errorf(argmap.EINVALID, "semantics %q does not apply to an abstract framework", sem)
	}
	parts := undecidedParts(f, g)
	steps := 0
	perPart := make([][]Labelling, len(parts))
	for pi, part := range parts {
		s := newSearcher(f, part, sem, lim, &steps)
		s.run()
		if s.err != nil {
			return nil, s.err
		}
		ls := s.labellings()
		if sem == SemStable {
			kept := ls[:0]
			for _, l := range ls {
				if !hasUndec(l) {
					kept = append(kept, l)
				}
			}
			ls = kept
		}
		perPart[pi] = ls
	}
	labels := append(Labelling(nil), g...)
	for pi, part := range parts {
		ls := perPart[pi]
		res.Count = mulSat(res.Count, len(ls))
		for k, a := range part {
			allIn, allOut, someIn := len(ls) > 0, len(ls) > 0, false
			for _, l := range ls {
				switch l[k] {
				case In:
					someIn = true
					allOut = false
				case Out:
					allIn = false
				default:
					allIn, allOut = false, false
				}
			}
			res.Credulous[a] = someIn
			res.Sceptical[a] = allIn
			switch {
			case allIn:
				labels[a] = In
			case allOut:
				labels[a] = Out
			default:
				labels[a] = Undec
			}
		}
	}
	if res.Count == 0 {
		// No labelling (stable semantics): nothing is accepted.
		for i := range labels {
			labels[i] = Undec
			res.Credulous[i] = false
			res.Sceptical[i] = false
		}
		res.Labels = labels
		return res, nil
	}
	res.Labels = labels
	res.Extensions = listExtensions(f, g, parts, perPart, lim.MaxListed)
	return res, nil
}

func hasUndec(l Labelling) bool {
	for _, x := range l {
		if x == Undec {
			return true
		}
	}
	return false
}

func mulSat(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt/b {
		return math.MaxInt
	}
	return a * b
}

// listExtensions combines up to max choices of one labelling per part with
// the grounded In set.
func listExtensions(f *Framework, g Labelling, parts [][]int, perPart [][]Labelling, max int) [][]string {
	choice := make([]int, len(parts))
	var out [][]string
	for len(out) < max {
		l := append(Labelling(nil), g...)
		for pi, part := range parts {
			for k, a := range part {
				l[a] = perPart[pi][choice[pi]][k]
			}
		}
		ext := l.Extension(f)
		if ext == nil {
			ext = []string{}
		}
		out = append(out, ext)
		// advance the odometer
		pi := 0
		for ; pi < len(parts); pi++ {
			choice[pi]++
			if choice[pi] < len(perPart[pi]) {
				break
			}
			choice[pi] = 0
		}
		if pi == len(parts) {
			break
		}
	}
	return out
}

// undecidedParts groups the arguments g leaves Undec into weakly connected
// parts of the attack graph restricted to them, each sorted.
func undecidedParts(f *Framework, g Labelling) [][]int {
	n := f.Len()
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for a := range n {
		if g[a] != Undec {
			continue
		}
		for _, t := range f.targets[a] {
			if g[t] == Undec {
				ra, rt := find(a), find(t)
				if ra != rt {
					parent[ra] = rt
				}
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for a := range n {
		if g[a] != Undec {
			continue
		}
		r := find(a)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], a)
	}
	sort.Ints(roots)
	parts := make([][]int, 0, len(roots))
	for _, r := range roots {
		parts = append(parts, groups[r])
	}
	return parts
}

// marks used during the search.
type mark uint8

const (
	mBlank   mark = iota // not yet decided
	mIn                  // in the set being built
	mOut                 // attacked by the set
	mMustOut             // attacks the set: must end up attacked by it
	mUndec               // left out of the set (may still end up attacked)
)

type change struct {
	i    int
	prev mark
}

// searcher enumerates the admissible sets of one part (Nofal, Atkinson and
// Dunne's labelling search): pick a blank argument, try it In, then try it
// left out; an argument attacking the set must end up attacked by it.
// Preferred search keeps only maximal sets and prunes branches that cannot
// outgrow a set already found; complete search keeps the sets that contain
// every argument they defend.
type searcher struct {
	att, tgt [][]int // local attackers and targets within the part
	lab      []mark
	trail    []change
	sem      Semantics
	lim      Limits
	steps    *int
	size     int
	found    [][]uint64 // In sets (bitsets)
	labs     []Labelling
	err      error
}

func newSearcher(f *Framework, part []int, sem Semantics, lim Limits, steps *int) *searcher {
	local := make(map[int]int, len(part))
	for k, a := range part {
		local[a] = k
	}
	s := &searcher{att: make([][]int, len(part)), tgt: make([][]int, len(part)), lab: make([]mark, len(part)),
		sem: sem, lim: lim, steps: steps, size: len(part)}
	for k, a := range part {
		for _, b := range f.attackers[a] {
			if j, ok := local[b]; ok {
				s.att[k] = append(s.att[k], j)
			}
		}
		for _, t := range f.targets[a] {
			if j, ok := local[t]; ok {
				s.tgt[k] = append(s.tgt[k], j)
			}
		}
	}
	return s
}

func (s *searcher) set(i int, m mark) {
	s.trail = append(s.trail, change{i, s.lab[i]})
	s.lab[i] = m
}

func (s *searcher) undo(to int) {
	for len(s.trail) > to {
		c := s.trail[len(s.trail)-1]
		s.trail = s.trail[:len(s.trail)-1]
		s.lab[c.i] = c.prev
	}
}

func (s *searcher) hasBlankAttacker(i int) bool {
	for _, b := range s.att[i] {
		if s.lab[b] == mBlank {
			return true
		}
	}
	return false
}

// stuck reports whether some must-out target of x has lost its last blank
// attacker.
func (s *searcher) stuck(x int) bool {
	for _, w := range s.tgt[x] {
		if s.lab[w] == mMustOut && !s.hasBlankAttacker(w) {
			return true
		}
	}
	return false
}

func (s *searcher) makeIn(x int) bool {
	s.set(x, mIn)
	for _, y := range s.tgt[x] {
		switch s.lab[y] {
		case mIn:
			return false
		case mOut:
		default:
			s.set(y, mOut)
		}
	}
	for _, z := range s.att[x] {
		switch s.lab[z] {
		case mIn:
			return false
		case mBlank, mUndec:
			s.set(z, mMustOut)
		}
	}
	for _, z := range s.att[x] {
		if s.lab[z] == mMustOut && !s.hasBlankAttacker(z) {
			return false
		}
		if s.stuck(z) {
			return false
		}
	}
	for _, y := range s.tgt[x] {
		if s.stuck(y) {
			return false
		}
	}
	return !s.stuck(x)
}

func (s *searcher) makeUndec(x int) bool {
	s.set(x, mUndec)
	return !s.stuck(x)
}

// pick returns a blank argument, preferring one that attacks a must-out
// argument, or -1 when none is left.
func (s *searcher) pick() int {
	first := -1
	for i, m := range s.lab {
		if m != mBlank {
			continue
		}
		if first < 0 {
			first = i
		}
		for _, t := range s.tgt[i] {
			if s.lab[t] == mMustOut {
				return i
			}
		}
	}
	return first
}

func (s *searcher) tooLarge(what string) {
	s.err = argmap.Errorf(argmap.ETOOLARGE,
		"%s semantics: %s in a group of %d mutually attacking arguments; use grounded semantics, or narrow the graph with --claim and --depth",
		s.sem, what, s.size)
}

func (s *searcher) run() {
	if s.err != nil {
		return
	}
	*s.steps++
	if *s.steps > s.lim.MaxSteps {
		s.tooLarge("the search needs more than " + strconv.Itoa(s.lim.MaxSteps) + " steps")
		return
	}
	x := s.pick()
	if x < 0 {
		s.leaf()
		return
	}
	mark := len(s.trail)
	if s.makeIn(x) {
		s.run()
	}
	s.undo(mark)
	if s.err != nil {
		return
	}
	if s.makeUndec(x) && !(s.sem != SemComplete && s.covered()) {
		s.run()
	}
	s.undo(mark)
}

// covered reports whether every argument still able to join the set lies in
// a set already found, so the branch cannot give a larger one.
func (s *searcher) covered() bool {
	if len(s.found) == 0 {
		return false
	}
	cur := make([]uint64, (s.size+63)/64)
	for i, m := range s.lab {
		if m == mIn || m == mBlank {
			cur[i/64] |= 1 << (i % 64)
		}
	}
	for _, f := range s.found {
		if subset(cur, f) {
			return true
		}
	}
	return false
}

func (s *searcher) leaf() {
	for _, m := range s.lab {
		if m == mMustOut {
			return
		}
	}
	if s.sem == SemComplete {
		// every argument the set defends must be in it
		for i, m := range s.lab {
			if m != mUndec {
				continue
			}
			defended := true
			for _, b := range s.att[i] {
				if s.lab[b] != mOut {
					defended = false
					break
				}
			}
			if defended {
				return
			}
		}
	}
	set := make([]uint64, (s.size+63)/64)
	for i, m := range s.lab {
		if m == mIn {
			set[i/64] |= 1 << (i % 64)
		}
	}
	if s.sem != SemComplete {
		kept := s.found[:0]
		for _, f := range s.found {
			if subset(set, f) {
				return // not maximal (or already found)
			}
		}
		for _, f := range s.found {
			if !subset(f, set) {
				kept = append(kept, f)
			}
		}
		s.found = kept
	}
	s.found = append(s.found, set)
	if len(s.found) > s.lim.MaxLabellings {
		s.tooLarge("more than " + strconv.Itoa(s.lim.MaxLabellings) + " labellings")
	}
}

func subset(a, b []uint64) bool {
	for i := range a {
		if a[i]&^b[i] != 0 {
			return false
		}
	}
	return true
}

// labellings turns the sets found into labellings of the part: In the set,
// Out what it attacks, Undec the rest.
func (s *searcher) labellings() []Labelling {
	out := make([]Labelling, 0, len(s.found))
	for _, set := range s.found {
		l := make(Labelling, s.size)
		for i := range l {
			if set[i/64]&(1<<(i%64)) != 0 {
				l[i] = In
			}
		}
		for i := range l {
			if l[i] != In {
				continue
			}
			for _, t := range s.tgt[i] {
				l[t] = Out
			}
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return lessLabelling(out[i], out[j]) })
	return out
}

func lessLabelling(a, b Labelling) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] == In || (a[i] == Out && b[i] == Undec)
		}
	}
	return false
}
