package actor_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestWordClasses: the word classes Find keeps with each token are the
// sets' answers, on every word of the sets (as written, capitalised, in
// capitals, with a possessive and odd marks around), the tokenizer's edge
// cases and every line of the IOM documents.
func TestWordClasses(t *testing.T) {
	ws := actor.ClassWords()
	texts := append([]string{}, tokenizeCases...)
	for i := 0; i < len(ws); i += 10 {
		run := ws[i:min(i+10, len(ws))]
		texts = append(texts, strings.Join(run, " "), strings.ToUpper(strings.Join(run, ", ")),
			capitalise(strings.Join(run, "’s ")), "(“"+strings.Join(run, "”) & (“")+"”)\xff")
	}
	for i, s := range texts {
		if err := actor.WordClassesAgree(s, i); err != nil {
			t.Error(err)
		}
	}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if err := actor.WordClassesAgree(line, i); err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
			}
		}
	}
}

// capitalise writes each word of s with a capital.
func capitalise(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

// FuzzWordClasses checks the same on any text.
func FuzzWordClasses(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := actor.WordClassesAgree(s, len(s)); err != nil {
			t.Error(err)
		}
	})
}
