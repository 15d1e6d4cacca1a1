package lexicon_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

func TestNames(t *testing.T) {
	by := map[string]lexicon.Name{}
	for _, n := range lexicon.Names() {
		by[n.Form] = n
	}
	tests := []struct {
		form, kind, canonical string
		common                bool
	}{
		{"Germany", lexicon.NameState, "Germany", false},
		{"UK", lexicon.NameState, "United Kingdom", false},
		{"U.S.", lexicon.NameState, "United States", false},
		{"Niger", lexicon.NameState, "Niger", false}, // the state before the river
		{"Turkey", lexicon.NameState, "Turkey", true},
		{"United Nations", lexicon.NameOrganisation, "UN", false},
		{"European Union", lexicon.NameOrganisation, "EU", false},
		{"International Labour Organization", lexicon.NameOrganisation, "ILO", false},
		{"London", lexicon.NamePlace, "London", false},
		{"Europe", lexicon.NamePlace, "Europe", false}, // the continent first, not the EU
		{"Greek", lexicon.NameDemonym, "Greece", false},
		{"URL", lexicon.NameOther, "URL", false},
	}
	for _, tt := range tests {
		n, ok := by[tt.form]
		if !ok {
			t.Errorf("Names() lacks %q", tt.form)
			continue
		}
		if n.Kind != tt.kind || n.Canonical != tt.canonical || n.Common != tt.common {
			t.Errorf("Names()[%q] = %+v, want kind %s, canonical %s, common %v", tt.form, n, tt.kind, tt.canonical, tt.common)
		}
	}
	for _, form := range []string{"European country", "United Nations agency", "Migration"} {
		if n, ok := by[form]; ok {
			t.Errorf("Names() has %+v: a class or a common word is no name", n)
		}
	}
}
