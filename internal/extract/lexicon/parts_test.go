package lexicon_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// TestParts: the parts of speech WordNet lists a word as (Kinds) and the
// part of speech of a synset (PartOf).
func TestParts(t *testing.T) {
	l := lexicon.Default()
	for _, c := range []struct {
		word       string
		has, hasNo lexicon.Kind
	}{
		{"voluntary", lexicon.KindAdjective, lexicon.KindVerb},
		{"quickly", lexicon.KindAdverb, lexicon.KindNoun | lexicon.KindAdjective},
		{"harbour", lexicon.KindNoun | lexicon.KindVerb, lexicon.KindAdverb},
		{"migrate", lexicon.KindVerb, lexicon.KindAdjective},
	} {
		if k := l.Kinds(c.word); k&c.has != c.has || k&c.hasNo != 0 {
			t.Errorf("Kinds(%q) = %b, want %b set and %b clear", c.word, k, c.has, c.hasNo)
		}
	}
	for _, c := range []struct {
		word string
		want lexicon.Kind
	}{
		{"harbour", lexicon.KindNoun}, {"migrate", lexicon.KindVerb}, {"unsafe", lexicon.KindAdjective}, {"quickly", lexicon.KindAdverb},
	} {
		cs := l.Concepts(c.word)
		if len(cs) == 0 {
			t.Fatalf("Concepts(%q) = none", c.word)
		}
		if got := l.PartOf(cs[0]); got != c.want {
			t.Errorf("PartOf(the first concept of %q) = %b, want %b", c.word, got, c.want)
		}
	}
}
