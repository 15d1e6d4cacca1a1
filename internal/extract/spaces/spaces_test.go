package spaces_test

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/argmap/argmap/internal/extract/spaces"
)

func TestSingle(t *testing.T) {
	cases := []struct {
		in, want string
		same     bool // already single-spaced: the same string comes back
	}{
		{"", "", true},
		{"one", "one", true},
		{"two words", "two words", true},
		{"  lead", "lead", false},
		{"trail ", "trail", false},
		{"a  b", "a b", false},
		{"tab\there", "tab here", false},
		{"line\nbreak", "line break", false},
		{"no\u00a0break", "no break", false}, // U+00A0 is white space to unicode.IsSpace
		{"café au lait", "café au lait", true},
		{"bad \xff byte", "bad \xff byte", true},
		{" ", "", false},
	}
	for _, c := range cases {
		got := spaces.Single(c.in)
		if got != c.want {
			t.Errorf("Single(%q) = %q, want %q", c.in, got, c.want)
		}
		if c.same && c.in != "" && unsafe.StringData(got) != unsafe.StringData(c.in) {
			t.Errorf("Single(%q) copied a string that was single-spaced already", c.in)
		}
	}
}

func FuzzSingle(f *testing.F) {
	for _, s := range []string{"", "a  b", " x\t", "é\u2003é", "\xff \xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := spaces.Single(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("Single(%q) = %q, want %q", s, got, want)
		}
	})
}
