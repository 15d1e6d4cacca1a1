package meta_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/meta"
)

// TestLowerText checks lowerText against strings.ToLower, whose output
// kindOf's searches were written for.
func TestLowerText(t *testing.T) {
	for _, s := range []string{
		"",
		"plain ascii text, no capitals",
		"This Chapter ARGUES",
		"“Curly” quotes and ‘single’ ones in This Volume",
		"KELVIN \u212a and İstanbul and ẞ and \u023a grows",
		"bad \xff bytes \xe2\x80 cut ÉTÉ",
		"\xef\xbf\xbd a real replacement character",
	} {
		if got, want := meta.LowerText(s), strings.ToLower(s); got != want {
			t.Errorf("LowerText(%q) = %q, want %q", s, got, want)
		}
	}
}
