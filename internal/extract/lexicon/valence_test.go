package lexicon_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

func TestValence(t *testing.T) {
	for _, c := range []struct {
		word string
		sign int
	}{
		{"helpful", 1}, {"succeeded", 1}, {"fair", 1},
		{"dangerous", -1}, {"fails", -1}, {"cruel", -1},
		{"harbour", 0}, {"the", 0}, {"Helpful", 0}, // forms as given, in lower case
	} {
		v := lexicon.Valence(c.word)
		if (c.sign > 0 && v < 0.5) || (c.sign < 0 && v > -0.5) || (c.sign == 0 && v != 0) {
			t.Errorf("Valence(%q) = %v, want sign %d", c.word, v, c.sign)
		}
	}
}
