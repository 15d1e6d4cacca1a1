package lexicon_test

import (
	"bytes"
	"compress/gzip"
	"reflect"
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

// TestParseNames: a table of tab-separated lines reads back; a line
// without four fields, with an unknown kind or an empty form or canonical
// name is an error.
func TestParseNames(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	ns, err := lexicon.ParseNames(gz("Greek\td\tGreece\t\r\nTurkey\ts\tTurkey\tc\n"))
	want := []lexicon.Name{{Form: "Greek", Kind: lexicon.NameDemonym, Canonical: "Greece"}, {Form: "Turkey", Kind: lexicon.NameState, Canonical: "Turkey", Common: true}}
	if err != nil || !reflect.DeepEqual(ns, want) {
		t.Errorf("ParseNames = %+v, %v; want %+v", ns, err, want)
	}
	for _, bad := range []string{"a\ts\tb\n", "a\ts\tb\tc\td\n", "a\tq\tb\tc\n", "\ts\tb\tc\n", "a\ts\t\tc\n", "a\ts\tb\tc\n\n"} {
		if _, err := lexicon.ParseNames(gz(bad)); err == nil {
			t.Errorf("ParseNames(%q): no error", bad)
		}
	}
}
