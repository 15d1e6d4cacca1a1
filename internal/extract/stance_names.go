package extract

import (
	"strings"

	wn "github.com/argmap/argmap/internal/extract/lexicon"
)

// namesOpposed reports whether two names of several words (lower case)
// differ in one word only, and WordNet opposes those two words: "global
// north" and "global south", "east africa" and "west africa". A name that
// turns a question's round in the same slot denies it as an antonym does.
func namesOpposed(a, b string) bool {
	if a == "" || b == "" || a == b {
		return false
	}
	aw, bw := strings.Fields(a), strings.Fields(b)
	if len(aw) != len(bw) || len(aw) < 2 {
		return false
	}
	at := -1
	for k := range aw {
		if aw[k] != bw[k] {
			if at >= 0 {
				return false
			}
			at = k
		}
	}
	lex := wn.Default()
	x, y := aw[at], bw[at]
	return sharesConcept(lex.Antonyms(x), lex.Concepts(y)) || sharesConcept(lex.Antonyms(y), lex.Concepts(x))
}
