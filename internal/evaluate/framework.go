// Package evaluate decides which claims of an argument graph stand. It holds
// abstract argumentation frameworks with grounded, complete, preferred and
// stable semantics (labellings in, out and undec; credulous and sceptical
// acceptance), and a structured evaluation of argmap graphs in the manner of
// Carneades 4: statements with assumptions, arguments with linked premises,
// rebuttals, undercuts, weights and proof standards.
//
// Everything here is pure: no I/O, and no function changes its input.
package evaluate

import (
	"fmt"
	"sort"
)

// Label is the status of an argument or statement.
type Label uint8

// Labels.
const (
	Undec Label = iota // neither accepted nor rejected
	In                 // accepted
	Out                // rejected
)

// String returns "in", "out" or "undec".
func (l Label) String() string {
	switch l {
	case In:
		return "in"
	case Out:
		return "out"
	}
	return "undec"
}

// MarshalText encodes l as its name.
func (l Label) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText decodes "in", "out" or "undec" (also "undecided").
func (l *Label) UnmarshalText(b []byte) error {
	switch string(b) {
	case "in":
		*l = In
	case "out":
		*l = Out
	case "undec", "undecided":
		*l = Undec
	default:
		return fmt.Errorf("unknown label %q", b)
	}
	return nil
}

// Framework is an abstract argumentation framework: named arguments and an
// attack relation. Arguments are numbered from 0 in the order they were added.
// Build one with AddArgument and AddAttack; the semantics only read it.
type Framework struct {
	names     []string
	index     map[string]int
	attackers [][]int
	targets   [][]int
	attacks   int
}

// NewFramework returns an empty framework.
func NewFramework() *Framework {
	return &Framework{index: map[string]int{}}
}

// AddArgument adds an argument named name, unless there is one, and returns
// its number.
func (f *Framework) AddArgument(name string) int {
	if i, ok := f.index[name]; ok {
		return i
	}
	i := len(f.names)
	f.names = append(f.names, name)
	f.index[name] = i
	f.attackers = append(f.attackers, nil)
	f.targets = append(f.targets, nil)
	return i
}

// AddAttack records that argument from attacks argument to, adding either if
// it is new. An attack recorded twice counts once; an argument may attack
// itself.
func (f *Framework) AddAttack(from, to string) {
	a, b := f.AddArgument(from), f.AddArgument(to)
	for _, t := range f.targets[a] {
		if t == b {
			return
		}
	}
	f.targets[a] = append(f.targets[a], b)
	f.attackers[b] = append(f.attackers[b], a)
	f.attacks++
}

// Len returns the number of arguments.
func (f *Framework) Len() int { return len(f.names) }

// Attacks returns the number of attacks.
func (f *Framework) Attacks() int { return f.attacks }

// Name returns the name of argument i.
func (f *Framework) Name(i int) string { return f.names[i] }

// Index returns the number of the argument named name.
func (f *Framework) Index(name string) (int, bool) {
	i, ok := f.index[name]
	return i, ok
}

// Attackers returns the arguments that attack argument i. The slice must not
// be changed.
func (f *Framework) Attackers(i int) []int { return f.attackers[i] }

// Targets returns the arguments argument i attacks. The slice must not be
// changed.
func (f *Framework) Targets(i int) []int { return f.targets[i] }

// Labelling gives every argument of a framework a label, indexed by argument
// number.
type Labelling []Label

// Extension returns the names of the arguments labelled In, sorted.
func (l Labelling) Extension(f *Framework) []string {
	var out []string
	for i, x := range l {
		if x == In {
			out = append(out, f.names[i])
		}
	}
	sort.Strings(out)
	return out
}

// Grounded returns the grounded labelling of f: the least complete labelling,
// computed in time linear in the arguments and attacks. An argument is In when
// every attacker is Out, Out when some attacker is In, and Undec otherwise.
func Grounded(f *Framework) Labelling {
	n := len(f.names)
	lab := make(Labelling, n)
	live := make([]int, n) // attackers not yet Out
	decided := make([]bool, n)
	queue := make([]int, 0, n)
	for i := range n {
		live[i] = len(f.attackers[i])
		if live[i] == 0 {
			queue = append(queue, i)
			decided[i] = true
		}
	}
	for len(queue) > 0 {
		a := queue[0]
		queue = queue[1:]
		lab[a] = In
		for _, t := range f.targets[a] {
			if decided[t] {
				continue
			}
			decided[t] = true
			lab[t] = Out
			for _, u := range f.targets[t] {
				live[u]--
				if live[u] == 0 && !decided[u] {
					decided[u] = true
					queue = append(queue, u)
				}
			}
		}
	}
	return lab
}

// IsConflictFree reports whether no argument labelled In attacks another
// (or itself) labelled In.
func IsConflictFree(f *Framework, l Labelling) bool {
	for a, x := range l {
		if x != In {
			continue
		}
		for _, t := range f.targets[a] {
			if l[t] == In {
				return false
			}
		}
	}
	return true
}

// IsAdmissible reports whether the In arguments of l are conflict-free and
// defend themselves: every attacker of an In argument is attacked by an In
// argument.
func IsAdmissible(f *Framework, l Labelling) bool {
	if !IsConflictFree(f, l) {
		return false
	}
	for a, x := range l {
		if x != In {
			continue
		}
		for _, b := range f.attackers[a] {
			if !attackedByIn(f, l, b) {
				return false
			}
		}
	}
	return true
}

// IsComplete reports whether l is a complete labelling: each argument is In
// exactly when all its attackers are Out, and Out exactly when some attacker
// is In.
func IsComplete(f *Framework, l Labelling) bool {
	if len(l) != len(f.names) {
		return false
	}
	for a, x := range l {
		allOut, someIn := true, false
		for _, b := range f.attackers[a] {
			switch l[b] {
			case In:
				someIn = true
				allOut = false
			case Undec:
				allOut = false
			}
		}
		switch x {
		case In:
			if !allOut {
				return false
			}
		case Out:
			if !someIn {
				return false
			}
		case Undec:
			if allOut || someIn {
				return false
			}
		}
	}
	return true
}

func attackedByIn(f *Framework, l Labelling, a int) bool {
	for _, b := range f.attackers[a] {
		if l[b] == In {
			return true
		}
	}
	return false
}
