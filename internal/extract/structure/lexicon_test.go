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
