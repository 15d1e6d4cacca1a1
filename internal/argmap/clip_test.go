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
