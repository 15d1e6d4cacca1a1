package structure

import (
	"strings"
	"testing"
)

func TestReportedView(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"some readers write that the agency is a tool of its donors", true},
		{"many people in town believe it", true},
		{"a few parents would say so", true},
		{"others claim the opposite", true},
		{"some of the trees were cut down", false},
		{"several studies show a rise", false},
		{"the readers write that it is late", false},
		{"some of the people who live here near the park say so", false}, // the verb is too far
		{"", false},
	}
	for _, tt := range tests {
		if got := reportedView(strings.Fields(tt.text)); got != tt.want {
			t.Errorf("reportedView(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestReportsView(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"finally it is sometimes argued that banning cars restricts freedom", true},
		{"it has often been claimed that prices rise", true},
		{"it is widely believed to be safe", true},
		{"but it is said that dogs are loyal", true},
		{"the plan is often said to cost too much", true},
		{"one might object that it costs too much", true},
		{"someone will say it is too late", true},
		{"you might think that it is easy", true},
		{"some people say it is too late", true},
		{"moreover many parents believe it", true},
		{"you think it is easy", false},
		{"because it is said that dogs are loyal", false},
		{"it is a good idea to say no", false},
		{"it is clear that prices rise", false},
		{"the plan is said by many", false},
		{"remote work is often promoted as a way to cut emissions", true},
		{"some residents have complained that deliveries block the street", true},
		{"many parents have long argued for it", true},
		{"some residents have lived here for years", false},
		{"the tax is widely seen as unfair", true},
		{"the plan is seen by many", false},
		{"the scheme was presented to the council", false},
		{"it should be noted that prices rise", false},
		{"one of the trees fell", false},
		{"people say things online that they would not say in person", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := reportsView(strings.Fields(tt.text)); got != tt.want {
			t.Errorf("reportsView(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestWordFilters: the filter in front of wordFlags lets every key of the
// map through (flagsOf would miss a flag otherwise), and flagsOf agrees
// with the map on every key and on words outside it.
func TestWordFilters(t *testing.T) {
	for w, f := range wordFlags {
		if !flagged.May(w) {
			t.Errorf("flagged rules out %q, which has flags", w)
		}
		if got := flagsOf(w); got != f {
			t.Errorf("flagsOf(%q) = %b, want %b", w, got, f)
		}
	}
	for _, w := range []string{"", "migration", "border", "The", "é", "\xff", "however,"} {
		if got, want := flagsOf(w), wordFlags[w]; got != want {
			t.Errorf("flagsOf(%q) = %b, want %b", w, got, want)
		}
	}
}
