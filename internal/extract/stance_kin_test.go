package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// TestKinByDerivation: two words whose only common WordNet concept is a
// third word each is derived from or gives (a doer and the act, both of
// one verb) meet in part, not as one word; a word and its own derivation
// still meet in full.
func TestKinByDerivation(t *testing.T) {
	s := extract.NewStancer()
	for _, c := range []struct {
		q, claim string
		full     bool
	}{
		{"Donors fund the museum", "Donations fund the museum.", false},
		{"Migrants crowd the harbour", "Migration crowds the harbour.", false},
		{"The harbour board is an instrument of the council", "The harbour board implements the council's plans.", false},
		{"The council excludes fishermen", "The exclusion of fishermen by the council.", true},
		{"The council detains migrants", "The detention of migrants by the council.", true},
		{"The return is voluntary", "The voluntariness of the return.", true},
		{"The ferry company employs migrants", "The ferry company gives employment to migrants.", true},
	} {
		j := s.Judge(c.q, c.claim)
		if got := j.Score == 1; got != c.full {
			t.Errorf("Judge(%q, %q) = %s %.2f; want every word met in full: %v", c.q, c.claim, j.Stance, j.Score, c.full)
		}
	}
}
