package evaluate_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/google/go-cmp/cmp"
)

// framework builds a framework from "a>b" attack strings and bare names.
func framework(t testing.TB, spec ...string) *evaluate.Framework {
	t.Helper()
	f := evaluate.NewFramework()
	for _, s := range spec {
		if a, b, ok := strings.Cut(s, ">"); ok {
			f.AddAttack(a, b)
		} else {
			f.AddArgument(s)
		}
	}
	return f
}

func labelsByName(f *evaluate.Framework, l evaluate.Labelling) map[string]string {
	m := map[string]string{}
	for i, x := range l {
		m[f.Name(i)] = x.String()
	}
	return m
}

func TestSemantics(t *testing.T) {
	tests := []struct {
		name      string
		spec      []string
		grounded  map[string]string
		preferred [][]string
		stable    [][]string
		complete  [][]string
	}{
		{"empty", nil, map[string]string{}, [][]string{{}}, [][]string{{}}, [][]string{{}}},
		{"unattacked", []string{"a"}, map[string]string{"a": "in"}, [][]string{{"a"}}, [][]string{{"a"}}, [][]string{{"a"}}},
		{"simple attack", []string{"b>a"}, map[string]string{"a": "out", "b": "in"}, [][]string{{"b"}}, [][]string{{"b"}}, [][]string{{"b"}}},
		{"reinstatement", []string{"a>b", "b>c"}, map[string]string{"a": "in", "b": "out", "c": "in"},
			[][]string{{"a", "c"}}, [][]string{{"a", "c"}}, [][]string{{"a", "c"}}},
		{"even cycle", []string{"a>b", "b>a"}, map[string]string{"a": "undec", "b": "undec"},
			[][]string{{"a"}, {"b"}}, [][]string{{"a"}, {"b"}}, [][]string{{}, {"a"}, {"b"}}},
		{"odd cycle", []string{"a>b", "b>c", "c>a"}, map[string]string{"a": "undec", "b": "undec", "c": "undec"},
			[][]string{{}}, nil, [][]string{{}}},
		{"self attack", []string{"a>a", "a>b", "c"}, map[string]string{"a": "undec", "b": "undec", "c": "in"},
			[][]string{{"c"}}, nil, [][]string{{"c"}}},
		{"self attacker defeated", []string{"a>a", "c>a", "a>b"}, map[string]string{"a": "out", "b": "in", "c": "in"},
			[][]string{{"b", "c"}}, [][]string{{"b", "c"}}, [][]string{{"b", "c"}}},
		{"floating reinstatement", []string{"a>b", "b>a", "a>c", "b>c", "c>d"},
			map[string]string{"a": "undec", "b": "undec", "c": "undec", "d": "undec"},
			[][]string{{"a", "d"}, {"b", "d"}}, [][]string{{"a", "d"}, {"b", "d"}}, [][]string{{}, {"a", "d"}, {"b", "d"}}},
		{"odd cycle feeding an argument", []string{"a>b", "b>c", "c>a", "c>d", "e"},
			map[string]string{"a": "undec", "b": "undec", "c": "undec", "d": "undec", "e": "in"},
			[][]string{{"e"}}, nil, [][]string{{"e"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := framework(t, tt.spec...)
			if diff := cmp.Diff(tt.grounded, labelsByName(f, evaluate.Grounded(f))); diff != "" {
				t.Errorf("Grounded labels (-want +got):\n%s", diff)
			}
			for _, c := range []struct {
				sem  evaluate.Semantics
				want [][]string
			}{{evaluate.SemPreferred, tt.preferred}, {evaluate.SemStable, tt.stable}, {evaluate.SemComplete, tt.complete}} {
				r, err := evaluate.Evaluate(f, c.sem, evaluate.Limits{})
				if err != nil {
					t.Fatalf("Evaluate(%s): %v", c.sem, err)
				}
				got := sortedSets(r.Extensions)
				if diff := cmp.Diff(sortedSets(c.want), got); diff != "" {
					t.Errorf("Evaluate(%s) extensions (-want +got):\n%s", c.sem, diff)
				}
				if r.Count != len(c.want) {
					t.Errorf("Evaluate(%s).Count = %d, want %d", c.sem, r.Count, len(c.want))
				}
			}
		})
	}
}

func sortedSets(s [][]string) [][]string {
	out := make([][]string, 0, len(s))
	for _, x := range s {
		y := append([]string{}, x...)
		sort.Strings(y)
		out = append(out, y)
	}
	sort.Slice(out, func(i, j int) bool { return strings.Join(out[i], ",") < strings.Join(out[j], ",") })
	return out
}

// randomFramework returns a framework of n arguments with each attack present
// with probability p.
func randomFramework(r *rand.Rand, n int, p float64) *evaluate.Framework {
	f := evaluate.NewFramework()
	for i := range n {
		f.AddArgument(fmt.Sprint(i))
	}
	for i := range n {
		for j := range n {
			if r.Float64() < p {
				f.AddAttack(fmt.Sprint(i), fmt.Sprint(j))
			}
		}
	}
	return f
}

// bruteForce returns the complete, preferred and stable extensions of a small
// framework by trying every subset.
func bruteForce(f *evaluate.Framework) (complete, preferred, stable [][]string) {
	n := f.Len()
	var adm []uint32
	attacks := func(set uint32, b int) bool {
		for _, a := range f.Attackers(b) {
			if set&(1<<a) != 0 {
				return true
			}
		}
		return false
	}
	for set := uint32(0); set < 1<<n; set++ {
		ok := true
		for a := 0; a < n && ok; a++ {
			if set&(1<<a) == 0 {
				continue
			}
			if attacks(set, a) {
				ok = false
			}
			for _, b := range f.Attackers(a) {
				if !attacks(set, b) {
					ok = false
				}
			}
		}
		if ok {
			adm = append(adm, set)
		}
	}
	names := func(set uint32) []string {
		s := []string{}
		for a := range n {
			if set&(1<<a) != 0 {
				s = append(s, f.Name(a))
			}
		}
		return s
	}
	for _, s := range adm {
		defendsMore := false
		for a := range n {
			if s&(1<<a) != 0 {
				continue
			}
			def := true
			for _, b := range f.Attackers(a) {
				if !attacks(s, b) {
					def = false
				}
			}
			if def {
				defendsMore = true
			}
		}
		if !defendsMore {
			complete = append(complete, names(s))
		}
		maximal := true
		for _, t := range adm {
			if t != s && t&s == s {
				maximal = false
			}
		}
		if maximal {
			preferred = append(preferred, names(s))
		}
		st := true
		for a := range n {
			if s&(1<<a) == 0 && !attacks(s, a) {
				st = false
			}
		}
		if st {
			stable = append(stable, names(s))
		}
	}
	return complete, preferred, stable
}

func TestSemanticsAgainstBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 400 {
		n := 1 + r.IntN(9)
		p := []float64{0.1, 0.2, 0.35}[trial%3]
		f := randomFramework(r, n, p)
		complete, preferred, stable := bruteForce(f)
		for _, c := range []struct {
			sem  evaluate.Semantics
			want [][]string
		}{{evaluate.SemComplete, complete}, {evaluate.SemPreferred, preferred}, {evaluate.SemStable, stable}} {
			res, err := evaluate.Evaluate(f, c.sem, evaluate.Limits{MaxListed: 1 << 20})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(sortedSets(c.want), sortedSets(res.Extensions)); diff != "" {
				t.Fatalf("trial %d %s on %s (-want +got):\n%s", trial, c.sem, describe(f), diff)
			}
		}
	}
}

func describe(f *evaluate.Framework) string {
	var s []string
	for a := range f.Len() {
		for _, b := range f.Targets(a) {
			s = append(s, f.Name(a)+">"+f.Name(b))
		}
	}
	return fmt.Sprintf("%d args %v", f.Len(), s)
}

// labellingOf returns the labelling of an extension: In the set, Out what it
// attacks, Undec the rest.
func labellingOf(f *evaluate.Framework, ext []string) evaluate.Labelling {
	l := make(evaluate.Labelling, f.Len())
	for _, name := range ext {
		i, _ := f.Index(name)
		l[i] = evaluate.In
	}
	for a := range f.Len() {
		if l[a] == evaluate.In {
			for _, t := range f.Targets(a) {
				l[t] = evaluate.Out
			}
		}
	}
	return l
}

// TestProperties checks on random frameworks larger than brute force can
// handle: grounded is contained in every preferred extension, every stable
// extension is preferred, and every labelling is conflict-free, admissible
// and complete.
func TestProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for trial := range 150 {
		n := 5 + r.IntN(60)
		f := randomFramework(r, n, 1.5/float64(n))
		g := evaluate.Grounded(f)
		if !evaluate.IsComplete(f, g) || !evaluate.IsAdmissible(f, g) {
			t.Fatalf("trial %d: grounded labelling is not complete and admissible on %s", trial, describe(f))
		}
		pref, err := evaluate.Evaluate(f, evaluate.SemPreferred, evaluate.Limits{MaxListed: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		stab, err := evaluate.Evaluate(f, evaluate.SemStable, evaluate.Limits{MaxListed: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		prefSets := map[string]bool{}
		for _, e := range pref.Extensions {
			prefSets[strings.Join(e, ",")] = true
			l := labellingOf(f, e)
			if !evaluate.IsConflictFree(f, l) || !evaluate.IsAdmissible(f, l) || !evaluate.IsComplete(f, l) {
				t.Fatalf("trial %d: preferred %v is not a complete admissible labelling", trial, e)
			}
			for _, in := range g.Extension(f) {
				if !slices.Contains(e, in) {
					t.Fatalf("trial %d: grounded argument %s missing from preferred %v", trial, in, e)
				}
			}
		}
		for _, e := range stab.Extensions {
			if !prefSets[strings.Join(e, ",")] {
				t.Fatalf("trial %d: stable %v is not preferred", trial, e)
			}
			l := labellingOf(f, e)
			for a, x := range l {
				if x == evaluate.Undec {
					t.Fatalf("trial %d: stable %v leaves %s undecided", trial, e, f.Name(a))
				}
			}
		}
		for a := range f.Len() {
			if pref.Sceptical[a] && !pref.Credulous[a] {
				t.Fatalf("trial %d: %s sceptically but not credulously accepted", trial, f.Name(a))
			}
			if g[a] == evaluate.In && !pref.Sceptical[a] {
				t.Fatalf("trial %d: grounded %s not sceptically preferred", trial, f.Name(a))
			}
		}
	}
}

func TestEnumerationBound(t *testing.T) {
	// 30 separate two-cycles have 2^30 preferred extensions: each part is
	// small, so labels come out, and listing is cut at the limit.
	var spec []string
	for i := range 30 {
		a, b := fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i)
		spec = append(spec, a+">"+b, b+">"+a)
	}
	f := framework(t, spec...)
	r, err := evaluate.Evaluate(f, evaluate.SemPreferred, evaluate.Limits{})
	if err != nil {
		t.Fatalf("Evaluate(30 two-cycles): %v", err)
	}
	if r.Count != 1<<30 || len(r.Extensions) != evaluate.DefaultMaxListed {
		t.Errorf("Evaluate(30 two-cycles) = %d extensions, %d listed; want %d, %d", r.Count, len(r.Extensions), 1<<30, evaluate.DefaultMaxListed)
	}
	if !r.Credulous[0] || r.Sceptical[0] {
		t.Errorf("a0 credulous %v sceptical %v, want true false", r.Credulous[0], r.Sceptical[0])
	}
	// One connected group with many preferred extensions: a chain of
	// two-cycles joined so they stay one part.
	spec = nil
	for i := range 20 {
		a, b := fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i)
		spec = append(spec, a+">"+b, b+">"+a, fmt.Sprintf("%s>x%d", a, i), fmt.Sprintf("x%d>a%d", i, i+1))
	}
	f = framework(t, spec...)
	_, err = evaluate.Evaluate(f, evaluate.SemPreferred, evaluate.Limits{MaxLabellings: 100})
	if argmap.ErrorCode(err) != argmap.ETOOLARGE {
		t.Fatalf("Evaluate(joined cycles, 100 labellings) error = %v, want code %s", err, argmap.ETOOLARGE)
	}
	if !strings.Contains(argmap.ErrorMessage(err), "grounded") {
		t.Errorf("error message %q does not point to grounded semantics", argmap.ErrorMessage(err))
	}
}

func TestEvaluateDoesNotChangeFramework(t *testing.T) {
	f := framework(t, "a>b", "b>a", "b>c", "c>c")
	before := describe(f)
	for _, s := range []evaluate.Semantics{evaluate.SemGrounded, evaluate.SemComplete, evaluate.SemPreferred, evaluate.SemStable} {
		if _, err := evaluate.Evaluate(f, s, evaluate.Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	if after := describe(f); after != before {
		t.Errorf("framework changed: %s -> %s", before, after)
	}
}
