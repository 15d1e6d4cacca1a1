package spaces_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/argmap/argmap/internal/extract/spaces"
	"github.com/argmap/argmap/internal/sharedtest"
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

// TestAgainstFields checks Single and CountFields against strings.Fields,
// and AppendFields against the byte-by-byte form it replaced, on
// every text of up to five symbols from an alphabet of words, ASCII white
// space, white space outside ASCII and bytes that are not UTF-8, and on
// random texts long enough to be read eight bytes at a time, with a symbol
// at every offset. Single must return s itself when s is single-spaced.
func TestAgainstFields(t *testing.T) {
	alphabet := []string{"a", "Bc", " ", "\t", "\n", "\r", "\v", "\f", "é", "\u00a0", "\u0085", "\u2003", "\xff", "\x1f", "\x08", "\x0e", "!", "  "}
	var texts []string
	var gen func(prefix string, depth int)
	gen = func(prefix string, depth int) {
		texts = append(texts, prefix)
		if depth == 0 {
			return
		}
		for _, a := range alphabet {
			gen(prefix+a, depth-1)
		}
	}
	gen("", 4)
	r := rand.New(rand.NewPCG(3, 4))
	for k := 0; k < 20000; k++ {
		var b strings.Builder
		for n := r.IntN(40); n > 0; n-- {
			if r.IntN(3) == 0 {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			} else {
				b.WriteString("word"[:1+r.IntN(4)])
			}
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		fs := strings.Fields(s)
		want := strings.Join(fs, " ")
		got := spaces.Single(s)
		if got != want {
			t.Fatalf("Single(%q) = %q, want %q", s, got, want)
		}
		if want == s && s != "" && unsafe.StringData(got) != unsafe.StringData(s) {
			t.Fatalf("Single(%q) copied a string that was single-spaced already", s)
		}
		for _, n := range []int{-1, 0, 1, 2, 3, 12, 22} {
			for _, pre := range [][]string{nil, {"x", "y"}} {
				got := spaces.AppendFields(slices.Clone(pre), s, n)
				want := spaces.AppendFieldsOld(slices.Clone(pre), s, n)
				if !slices.Equal(got, want) {
					t.Fatalf("AppendFields(%q, %q, %d) = %q, want %q", pre, s, n, got, want)
				}
			}
		}
		for _, limit := range []int{-1, 0, 1, 2, 3, 5, 23} {
			want := len(fs)
			if limit > 0 {
				want = min(want, limit)
			}
			if got := spaces.CountFields(s, limit); got != want {
				t.Fatalf("CountFields(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

func FuzzCountFields(f *testing.F) {
	for _, s := range []string{"", "a  b", " x\t", "é\u2003é", "\xff \xfe", "one two three four five six seven"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		want := len(strings.Fields(s))
		if limit > 0 {
			want = min(want, limit)
		}
		if got := spaces.CountFields(s, limit); got != want {
			t.Fatalf("CountFields(%q, %d) = %d, want %d", s, limit, got, want)
		}
	})
}

// BenchmarkSpaces runs Single and CountFields (limit 23, as shorten asks)
// over the IOM documents' sentences (cut at ". "), made single-spaced as
// the gists are, the old way (byte by byte) and the new.
func BenchmarkSpaces(b *testing.B) {
	texts, _ := sharedtest.CorpusTexts(b)
	var sents []string
	size := 0
	for _, t := range texts {
		for _, s := range strings.Split(t, ". ") {
			s = strings.Join(strings.Fields(s), " ")
			sents = append(sents, s)
			size += len(s)
		}
	}
	for _, c := range []struct {
		name   string
		single func(string) string
		count  func(string, int) int
		fields func([]string, string, int) []string
	}{{"old", spaces.SingleOld, spaces.CountFieldsOld, spaces.AppendFieldsOld}, {"new", spaces.Single, spaces.CountFields, spaces.AppendFields}} {
		b.Run("Single/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, s := range sents {
					_ = c.single(s)
				}
			}
		})
		b.Run("AppendFields/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			var arr [12]string
			for i := 0; i < b.N; i++ {
				for _, s := range sents {
					_ = c.fields(arr[:0], s, 12)
				}
			}
		})
		b.Run("CountFields/"+c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, s := range sents {
					_ = c.count(s, 23)
				}
			}
		})
	}
}

func FuzzAppendFields(f *testing.F) {
	for _, s := range []string{"", "a  b", " x\t", "é\u2003é", "\xff \xfe", "one two three four five six seven"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		got, want := spaces.AppendFields(nil, s, n), spaces.AppendFieldsOld(nil, s, n)
		if !slices.Equal(got, want) {
			t.Fatalf("AppendFields(%q, %d) = %q, want %q", s, n, got, want)
		}
	})
}
