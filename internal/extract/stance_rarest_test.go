package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// TestCaps: Caps names the check that capped a candidate's coverage, and
// tells how the candidate meets the question's rarest word: in full, by a
// word WordNet ties to it (half), or not at all. Sentences of our own.
func TestCaps(t *testing.T) {
	s := extract.NewStancer()
	const question = "The new parking rules are unfair"
	texts := []string{
		"The new parking rules are unfair.",
		"The new parking rules are strict.", // its predicate another word
		"The bakery on the corner opens at six.",
		"The new parking rules are unjust.", // a synonym: in full
		// more candidates, so that the answer weighs the question's
		// words (the rarest is the one the fewest say)
		"Shift workers park near the station.",
		"The parking rules changed in spring.",
		"New rules cover the night shift.",
		"Workers at the depot start early.",
		"Parking is free on Sundays.",
	}
	caps, rarest := s.Caps(question, texts, nil)
	if len(caps) != len(texts) || len(rarest) != len(texts) {
		t.Fatalf("Caps gave %d caps and %d rarest shares for %d texts", len(caps), len(rarest), len(texts))
	}
	for k, want := range []string{"", "predicate", ""} {
		if caps[k] != want {
			t.Errorf("Caps(%q) = %q, want %q", texts[k], caps[k], want)
		}
	}
	for k, want := range []float64{1, 0, 0, 1} {
		if rarest[k] != want {
			t.Errorf("rarest share of %q = %v, want %v", texts[k], rarest[k], want)
		}
	}
	// a similar word, not a synonym, says the rarest word in part
	near := []string{"The old harbour map is pertinent.", "The old harbour map hangs in the hall.",
		"The harbour opens at dawn.", "Maps of the coast are sold here.", "The old pier was rebuilt.",
		"The hall closes early.", "Boats leave the harbour at noon.", "An old map shows the town."}
	if _, r := s.Caps("The old harbour map is relevant", near, nil); r[0] != 0.5 || r[1] != 0 {
		t.Errorf("rarest shares of %q, %q = %v, %v, want 0.5, 0", near[0], near[1], r[0], r[1])
	}
}
