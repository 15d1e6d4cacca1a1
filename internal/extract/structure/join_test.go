package structure_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// TestJoin: a unit joined from Segment's parts keeps the words that reading
// its text afresh gives, however many parts are joined and whatever stands
// between them (quotes, dashes, brackets, an abbreviation's full stops).
func TestJoin(t *testing.T) {
	m := defaultModel(t)
	for _, text := range []string{
		"In North Africa, where the routes meet, because the U.S. funds them, \"the camps\" grew, but they failed.",
		"Although trams cost a lot, they last — and (as the council's 2019 report said) they carry more people, which helps commuters.",
		"Looking at the high rate of divorce, I believe that marriage, as an institution, is failing, since couples no longer stay together.",
	} {
		units := m.Segment(text, extract.StructureSentences(text))
		if len(units) < 2 {
			t.Fatalf("%q: %d units, want a sentence split in parts", text, len(units))
		}
		for i := 0; i+1 < len(units); i++ {
			j := units[i]
			for k := i + 1; k < len(units) && units[k].Sent == units[i].Sent; k++ {
				j = structure.Join(j, units[k])
				if j.Start != units[i].Start || j.End != units[k].End || j.Sent != units[k].Sent {
					t.Fatalf("%q: join %d..%d spans %d-%d", text, i, k, j.Start, j.End)
				}
				if got, want := structure.UnitWords(j), structure.TextWords(text, j.Start, j.End); !slices.Equal(got, want) {
					t.Errorf("%q: join %d..%d words %q, read afresh %q", text, i, k, got, want)
				}
			}
		}
	}
}

// TestTokenWords: the words of a sentence are its spans lowered, curly
// apostrophes folded, whether the sentence is ASCII or not.
func TestTokenWords(t *testing.T) {
	for _, s := range []string{"", "plain words only", "Capitals In ASCII", "The agency’s “return” programmes", "Ärzte ÖFFNEN Türen’s",
		"mixed’ case’S Word", "\xffbad UTF-8 Here", "İstanbul and KELVIN \u212a", strings.Repeat("Ünïcode Wörds ", 40)} {
		if err := structure.TokenWordsAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzTokenWords checks the same on any text.
func FuzzTokenWords(f *testing.F) {
	f.Add("The agency’s “Return” programmes, Ärzte’S")
	f.Fuzz(func(t *testing.T, s string) {
		if err := structure.TokenWordsAgree(s); err != nil {
			t.Error(err)
		}
	})
}
