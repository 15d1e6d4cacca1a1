package wordfilter_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/wordfilter"
)

// TestMembers: every member passes, "" only when added, a nil or zero
// Filter passes all, and most words outside a set are ruled out.
func TestMembers(t *testing.T) {
	set := strings.Fields(`the of and to in that is was it for on as with by at from this which but not be
		are have has had an or were been their there its they he she we you i all so if than more also however
		because therefore although whereas may must should would could might can will é naïve ’s x a1 Z`)
	f := wordfilter.New(set)
	for _, w := range set {
		if !f.May(w) {
			t.Errorf("May(%q) = false for a member", w)
		}
	}
	if f.May("") {
		t.Error(`May("") = true, "" is no member`)
	}
	f.Add("")
	if !f.May("") {
		t.Error(`May("") = false after Add("")`)
	}
	var nilF *wordfilter.Filter
	if !nilF.May("anything") || !(&wordfilter.Filter{}).May("anything") {
		t.Error("a nil or zero Filter rules a word out")
	}
	// content words: few share a member's length, first two bytes and last
	// byte (bit collisions aside)
	out := strings.Fields(`migration policy government report numbers border people refugees camps
		security funding shelter children health rights law asylum workers country states`)
	passed := 0
	for _, w := range out {
		if f.May(w) {
			passed++
		}
	}
	if passed > 3 {
		t.Errorf("%d of %d words outside the set pass, want at most 3", passed, len(out))
	}
}

// TestRandomSets: members of random sets of random byte strings (bad UTF-8
// among them), from 1 to 20,000 words, all pass.
func TestRandomSets(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1, 10, 300, 5000, 20000} {
		ws := make([]string, n)
		for i := range ws {
			b := make([]byte, 1+r.IntN(12))
			for k := range b {
				b[k] = byte(r.IntN(256))
			}
			ws[i] = string(b)
		}
		f := wordfilter.New(ws)
		for _, w := range ws {
			if !f.May(w) {
				t.Fatalf("n=%d: May(%q) = false for a member", n, w)
			}
		}
	}
}

// FuzzMembers: a member always passes, whatever the other members.
func FuzzMembers(f *testing.F) {
	f.Add("a", "b")
	f.Add("however", "\xff\xfe")
	f.Fuzz(func(t *testing.T, w, other string) {
		fl := wordfilter.New([]string{w, other})
		if !fl.May(w) || !fl.May(other) {
			t.Errorf("New(%q, %q) rules a member out", w, other)
		}
	})
}
