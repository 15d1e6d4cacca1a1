package structure_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/sharedtest"
)

// connectiveTexts puts every connective phrase of the lexicon at the start,
// in the middle and at the end of a sentence, cut short by one word, with
// capitals and joined to odd punctuation and bad bytes.
func connectiveTexts() []string {
	phrases := structure.ConnectivePhrases()
	slices.Sort(phrases)
	var texts []string
	for _, ph := range phrases {
		ws := strings.Fields(ph)
		short := strings.Join(ws[:len(ws)-1], " ")
		texts = append(texts,
			ph, ph+" the ferry sails", "the ferry sails "+ph+" the tide turns", "the tide turns "+ph,
			short+" the ferry sails", strings.ToUpper(ph)+", the tide turns",
			"quays; "+ph+"—docks", "\xff"+ph+"\xfe", "«"+ph+"» ‘"+ph+"’", ph+" "+ph)
	}
	return texts
}

// TestConnectiveAtFlagged checks that looking a connective up only at a
// word flagged as opening one finds what looking it up at every word finds:
// on the lexicon's phrases in many places, the tokenizer's hard cases, our
// long texts and the shared corpus.
func TestConnectiveAtFlagged(t *testing.T) {
	for _, s := range append(connectiveTexts(), nextWordTexts(t)...) {
		if err := structure.ConnectiveAtFlaggedAgrees(s); err != nil {
			t.Error(err)
		}
	}
	t.Run("corpus", func(t *testing.T) { agreesOnCorpus(t, "\n", structure.ConnectiveAtFlaggedAgrees) })
}

// agreesOnCorpus runs agrees on every piece of the shared corpus's files,
// split at sep, and reports each disagreement.
func agreesOnCorpus(t *testing.T, sep string, agrees func(string) error) {
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range strings.Split(string(b), sep) {
			if err := agrees(s); err != nil {
				t.Error(err)
			}
		}
	}
}

// fuzzAgrees runs agrees on any text, seeded with the connective texts.
func fuzzAgrees(f *testing.F, agrees func(string) error) {
	for _, s := range connectiveTexts()[:40] {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := agrees(s); err != nil {
			t.Error(err)
		}
	})
}

// FuzzConnectiveAtFlagged checks the same on any text.
func FuzzConnectiveAtFlagged(f *testing.F) { fuzzAgrees(f, structure.ConnectiveAtFlaggedAgrees) }

// BenchmarkConnectiveAt looks a connective up at every word of the IOM
// documents, with and without the words' flags.
func BenchmarkConnectiveAt(b *testing.B) {
	texts, _ := sharedtest.CorpusTexts(b)
	text := strings.Join(texts, "\n\n")
	for _, flagged := range []bool{false, true} {
		name := "plain"
		if flagged {
			name = "flagged"
		}
		look := structure.ConnectiveLookups(text, flagged)
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				look()
			}
		})
	}
}

// TestSegmentFlags checks that sentences carrying their words' flags
// (Sentence.Flags) segment into the units, and flags, of sentences whose
// flags the parser looks up: on the lexicon's connectives in many places,
// every flagged word, the tokenizer's hard cases, our long texts and the
// shared corpus.
func TestSegmentFlags(t *testing.T) {
	flagged := structure.FlaggedWords()
	slices.Sort(flagged)
	texts := append(connectiveTexts(), nextWordTexts(t)...)
	for i := 0; i < len(flagged); i += 12 {
		run := flagged[i:min(i+12, len(flagged))]
		texts = append(texts, "The ferry sails, "+strings.Join(run, " ")+" the tide turns. "+strings.ToUpper(strings.Join(run, "; "))+"!")
	}
	for _, s := range texts {
		if err := structure.SegmentFlagsAgree(s); err != nil {
			t.Error(err)
		}
	}
	t.Run("corpus", func(t *testing.T) { agreesOnCorpus(t, "\n\n", structure.SegmentFlagsAgree) })
}

// FuzzSegmentFlags checks the same on any text.
func FuzzSegmentFlags(f *testing.F) { fuzzAgrees(f, structure.SegmentFlagsAgree) }
