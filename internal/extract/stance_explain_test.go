package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// TestExplain: the words of a question as a weighted answer weighs them,
// which each candidate meets, and which words one text meets on its own.
func TestExplain(t *testing.T) {
	s := extract.NewStancer()
	q := "The harbour board raised the mooring fees"
	texts := []string{
		"The harbour board raised the mooring fees last spring.",
		"The harbour board met on Tuesday.",
		"Fishermen complained about the weather.",
		"The ferry timetable changed in May.",
		"A new crane arrived at the quay.",
		"The harbour board published its accounts.",
		"Boat owners pay mooring fees every month.",
		"The lighthouse was painted white.",
	}
	words, met := s.Explain(q, texts, nil)
	if len(words) == 0 || len(met) != len(texts) {
		t.Fatalf("Explain(%q) = %d words, %d candidates; want words and one row a candidate", q, len(words), len(met))
	}
	rarest := 0
	for i, w := range words {
		if w.Rarest {
			rarest++
		}
		if w.Weight <= 0 || w.Weight > 1 {
			t.Errorf("Explain(%q): %s weighs %v, want (0, 1]", q, w.Lemma, w.Weight)
		}
		if !met[0][i] {
			t.Errorf("Explain(%q): %q does not meet %s, want every word met", q, texts[0], w.Lemma)
		}
		if met[2] != nil && met[2][i] {
			t.Errorf("Explain(%q): %q meets %s", q, texts[2], w.Lemma)
		}
	}
	if rarest != 1 {
		t.Errorf("Explain(%q) marks %d words rarest, want 1", q, rarest)
	}
	byLemma := map[string]float64{}
	for _, w := range words {
		byLemma[w.Lemma] = w.Weight
	}
	// "board" is in three candidates, "raised" in one: the rarer weighs more
	if byLemma["raised"] <= byLemma["board"] {
		t.Errorf("Explain(%q) weights %v: want raised above board", q, byLemma)
	}
	got := s.WordsMet(q, "Boat owners pay mooring fees every month.")
	if !got["fee"] || got["board"] || got["raised"] {
		t.Errorf("WordsMet(%q, the owners' fees) = %v, want fee and not board or raised", q, got)
	}
}

// TestDecadeIsAWord: a decade ("the 1980s") is a word of the question a
// claim must say, as a year is, not a figure left out: a claim of another
// decade does not meet it.
func TestDecadeIsAWord(t *testing.T) {
	s := extract.NewStancer()
	q := "The island school has taught sailing since the 1980s"
	for _, tc := range []struct {
		claim string
		want  bool
	}{
		{"Since the 1980s the island school has taught sailing.", true},
		{"The island school has taught sailing since the 2000s.", false},
	} {
		if got := s.WordsMet(q, tc.claim)["1980s"]; got != tc.want {
			t.Errorf("WordsMet(%q, %q)[1980s] = %v, want %v", q, tc.claim, got, tc.want)
		}
	}
}
