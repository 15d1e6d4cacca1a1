package extract_test

import (
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

func TestExpandQuery(t *testing.T) {
	tests := []struct {
		q       string
		want    []string // alternatives that must be present
		notWant []string
	}{
		// derivations the stemmers do not fold, and synonyms, from WordNet
		{"The council enforces the exclusion of tenants", []string{
			"The council enforces the exclusion of tenants",
			"The council enforces the exclude of tenants",
			"The council impose the exclusion of tenants",
		}, []string{"the council enforces the exclusion of tenants"}},
		{"Detention of lodgers is questioned", []string{
			"detain of lodgers is questioned",
		}, nil},
		{"AVR voluntariness is contested", []string{
			"AVR voluntary is contested",
			"AVR voluntariness is contention",
		}, []string{"assisted voluntary return voluntariness is contested"}}, // no acronym is spelled out
		// names, acronyms and function words stay
		{"IOM and UNHCR in Geneva", []string{"IOM and UNHCR in Geneva"}, nil},
	}
	for _, tt := range tests {
		got := extract.ExpandQuery(tt.q)
		if len(got) == 0 || got[0] != tt.q {
			t.Errorf("ExpandQuery(%q)[0] = %v, want the query first", tt.q, got)
		}
		if len(got) > 17 {
			t.Errorf("ExpandQuery(%q) gave %d strings, want at most 17", tt.q, len(got))
		}
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("ExpandQuery(%q) = %q, want it to hold %q", tt.q, got, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(got, w) {
				t.Errorf("ExpandQuery(%q) holds %q", tt.q, w)
			}
		}
		seen := map[string]bool{}
		for _, a := range got {
			if seen[a] {
				t.Errorf("ExpandQuery(%q) repeats %q", tt.q, a)
			}
			seen[a] = true
		}
	}
	if got := extract.ExpandQuery("  "); got != nil {
		t.Errorf("ExpandQuery(blank) = %q, want nil", got)
	}
	if got := extract.ExpandQuery("IOM and UNHCR in Geneva"); len(got) != 1 {
		t.Errorf("ExpandQuery(names and function words) = %q, want just the query", got)
	}
	a, b := extract.ExpandQuery("The council enforces the exclusion of tenants"), extract.ExpandQuery("The council enforces the exclusion of tenants")
	if !slices.Equal(a, b) {
		t.Errorf("ExpandQuery differs between calls: %q, %q", a, b)
	}
}
