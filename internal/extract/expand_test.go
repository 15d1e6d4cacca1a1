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
		{"AVR voluntariness is contested", []string{
			"AVR voluntariness is contested",
			"avr voluntary is contested",
			"avr voluntary is questioned",
			"avr voluntary is disputed",
			"avr voluntariness is challenged",
		}, []string{"AVR voluntariness is supported", "assisted voluntary return voluntariness is contested"}}, // no acronym is spelled out by hand
		{"IOM enforces asylum exclusions", []string{
			"iom imposes asylum exclusions",
			"iom implements asylum exclusions",
			"iom enforces asylum excludes",
			"iom enforces asylum filtering",
		}, []string{"international organization for migration enforces asylum exclusions"}},
		{"assisted voluntary return keeps out migrants", []string{
			"assisted voluntary return excludes migrants",
			"assisted voluntary return denies access migrants",
		}, []string{"AVR keeps out migrants"}},
		{"weather in Geneva", []string{"weather in Geneva"}, nil},
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
	if got := extract.ExpandQuery("plain words only"); len(got) != 1 {
		t.Errorf("ExpandQuery(plain) = %q, want just the query", got)
	}
}
