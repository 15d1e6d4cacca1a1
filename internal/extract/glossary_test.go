package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func TestDefinitions(t *testing.T) {
	tests := []struct {
		text string
		want map[string]string
	}{
		{"It counts internally displaced persons (IDPs) in camps.", map[string]string{"idp": "internally displaced persons"}},
		{"The International Organization for Migration (IOM) was founded in 1951.", map[string]string{"iom": "international organization for migration"}},
		{"Through the Displacement Tracking Matrix (DTM), the organization counts.", map[string]string{"dtm": "displacement tracking matrix"}},
		{"Both (IOM and UNHCR) work there.", map[string]string{}}, // no definition
		{"The figures (DTM) were late.", map[string]string{}},     // the words do not spell it
		{"A new body (XY) met; the Xeno Yard (XY) too.", map[string]string{"xy": "xeno yard"}},
		{"", map[string]string{}},
		// a tail after the words that give the letters, opened by a
		// function word; a word in capitals gives all its letters, one
		// capitalised word between may give none
		{"It cites the Harbour Rules on Coastal Shipping (HRs) twice.", map[string]string{"hr": "harbour rules on coastal shipping"}},
		{"The EU Coastal Ferry Fund for Ireland (EUFF) paid.", map[string]string{"euff": "eu coastal ferry fund for ireland"}},
		{"The Harbour Office of the Port (XY) paid.", map[string]string{}},
		{"The harbour office of the port (HO) paid.", map[string]string{}}, // not a capitalised name
	}
	for _, tt := range tests {
		got := extract.Definitions(tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("Definitions(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("Definitions(%q)[%q] = %q, want %q", tt.text, k, got[k], v)
			}
		}
	}
}

// TestStanceDefinedAcronyms: a long name and the acronym a text defines for
// it are one term, whichever of the judged texts defines it; an acronym no
// text defines meets only itself.
func TestStanceDefinedAcronyms(t *testing.T) {
	s := extract.NewStancer()
	q := "The DTM is the main source of data on floods"
	texts := []string{
		"The Displacement Tracking Matrix (DTM) was first used in Iraq in 2004.",
		"The Displacement Tracking Matrix is the main source of data on floods.",
		"The Drought Tracking Model is the main source of data on floods.",
	}
	got := s.JudgeAll(q, texts)
	if got[1].Stance != argmap.StanceSame {
		t.Errorf("long name, defined in another text: %+v, want same", got[1])
	}
	if got[2].Score >= got[1].Score {
		t.Errorf("another name scored %.2f, not below the defined one's %.2f", got[2].Score, got[1].Score)
	}
	if j := s.Judge("The DTM is the main source of data on floods", "The Displacement Tracking Matrix (DTM) is the main source of data on floods."); j.Stance != argmap.StanceSame || j.Score < 0.99 {
		t.Errorf("defined in the claim itself: %+v, want same, full coverage", j)
	}
	// a name of capitalised words is one term: its words do not vote on
	// the polarity of the clause ("Missing" is no negation)
	if j := s.Judge("The Missing Migrants Project counts deaths", "The Missing Migrants Project counts deaths at sea."); j.Stance != argmap.StanceSame {
		t.Errorf("a name: %+v, want same", j)
	}
}
