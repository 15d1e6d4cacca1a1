package argmap_test

import (
	"testing"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

func TestClip(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"Fares should be free", 40, "Fares should be free"},
		{"Fares  should\n be free", 40, "Fares should be free"},
		// Cut after the last whole word, never inside one.
		{"The voluntariness of return is contested for a reason", 40, "The voluntariness of return is…"},
		{"Fares should be free, because buses run empty", 24, "Fares should be free…"},
		{"Fares should be free", 20, "Fares should be free"},
		{"Fares should be free!", 20, "Fares should be…"},
		// No boundary in the last half of the room: cut inside the word.
		{"Supercalifragilisticexpialidocious words", 12, "Supercalifr…"},
		{"Größenwahnsinnige Ämter", 19, "Größenwahnsinnige…"},
		{"abc", 1, "…"},
	} {
		got := argmap.Clip(tt.in, tt.n)
		if got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.n {
			t.Errorf("Clip(%q, %d) = %q, longer than %d runes", tt.in, tt.n, got, tt.n)
		}
	}
}

func TestInferenceName(t *testing.T) {
	texts := map[string]string{
		"clm_a": "These documents are not binding in the way the Refugee Convention is",
		"clm_b": "Her central claim is that IOM is not simply an instrument",
		"evd_c": "In 2020, 40 people were counted",
	}
	text := func(id string) string { return texts[id] }
	for _, tt := range []struct {
		r    argmap.Relation
		want string
	}{
		{argmap.Relation{ID: "rel_x", Kind: argmap.Contests, From: []string{"clm_a"}, To: "clm_b"},
			"the inference from ‘These documents are not…’ to ‘Her central claim is that IOM…’"},
		{argmap.Relation{ID: "rel_y", Kind: argmap.Supports, From: []string{"clm_a", "evd_c"}, To: "rel_x"},
			"the inference from ‘These documents are not…’ + ‘In 2020, 40 people were…’ to another inference"},
	} {
		if got := argmap.InferenceName(&tt.r, text); got != tt.want {
			t.Errorf("InferenceName(%s) = %q, want %q", tt.r.ID, got, tt.want)
		}
	}
}
