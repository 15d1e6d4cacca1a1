package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestStancerVectors: a claim word WordNet does not tie to a question word
// but whose word vector is near it meets it in part; opposites, which
// vectors put close too, do not, and a denial stays a denial.
func TestStancerVectors(t *testing.T) {
	s := extract.NewStancer()
	tests := []struct {
		name, question, claim string
		want                  argmap.Stance
	}{
		// harm ~ undermine (0.66): three of the question's five words
		// alone are short of the threshold
		{"paraphrase", "The ferry levy harms island traders", "The ferry levy is undermining local traders", argmap.StanceSame},
		{"paraphrase negated", "The ferry levy harms island traders", "The ferry levy is not undermining local traders", argmap.StanceDenial},
		{"paraphrase in a rejected view", "The ferry levy harms island traders", "It is wrong to say that the ferry levy is undermining local traders", argmap.StanceDenial},
		// WordNet's opposites win over vectors (increase ~ decrease 0.88)
		{"antonym", "The island council increased its ferry subsidy", "The island council decreased its ferry subsidy", argmap.StanceDenial},
		// undermine (0.76 from strengthen) is nearer weaken, strengthen's
		// WordNet opposite: not a paraphrase
		{"nearer the opposite", "The museum's trustees strengthened its sculpture collection", "The museum's trustees undermined its collection", argmap.StanceTopic},
		{"nearer the opposite, present", "The harbour fees strengthen the fishing fleet", "The harbour fees undermine the fleet", argmap.StanceTopic},
		// an opposite said keeps another word near the question's (seek ~
		// strengthen 0.63) from standing for it
		{"opposite beside a near word", "The museum's trustees strengthened its sculpture collection", "The museum's trustees undermined its collection and sought donors", argmap.StanceTopic},
		// "supported" ~ "opposed" (0.82 as adjectives) is read as support ~
		// oppose, whose "support" is too frequent a word to tell by vectors:
		// no paraphrase; they take opposite sides (sideWords)
		{"participles", "The harbour trust supported the marina plan", "The harbour trust opposed the new plan", argmap.StanceDenial},
		// names are near their neighbours (Morocco ~ Tunisia 0.85) and
		// are not the same
		{"names", "Boats from Morocco crowd the harbour at night", "Boats from Tunisia crowd the harbour", argmap.StanceTopic},
		// helping is no paraphrase of harming
		{"unrelated verb", "The ferry levy harms island traders", "The ferry levy is helping local traders", argmap.StanceTopic},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := s.Judge(tc.question, tc.claim)
			if got.Stance != tc.want {
				t.Errorf("Judge(%q, %q) = %s (%.3f), want %s", tc.question, tc.claim, got.Stance, got.Score, tc.want)
			}
		})
	}
}
