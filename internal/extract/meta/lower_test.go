package meta_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/meta"
	"github.com/argmap/argmap/internal/sharedtest"
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
	// every ASCII byte, and a rune outside ASCII or a bad byte at each
	// offset of a text longer than the eight bytes lowered at once
	var all []byte
	for c := 0; c < 0x80; c++ {
		all = append(all, byte(c))
	}
	texts := []string{string(all), strings.ToUpper(string(all[32:]))}
	for _, odd := range []string{"É", "\u212a", "\xff", "\xe2\x80", "’"} {
		for i := 0; i <= 17; i++ {
			texts = append(texts, "ABCDEFGHIJKLMNOPQ"[:i]+odd+"RSTUVWXYZ@[`{az")
		}
	}
	for _, s := range texts {
		if got, want := meta.LowerText(s), strings.ToLower(s); got != want {
			t.Errorf("LowerText(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzLowerText checks lowerText against strings.ToLower on any text.
func FuzzLowerText(f *testing.F) {
	for _, s := range []string{"", "Hello, World! This Chapter", "ÀÉ ascii MIXED \xff\xfe ok", "@[`{AZaz09"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := meta.LowerText(s), strings.ToLower(s); got != want {
			t.Errorf("LowerText(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestSplitByline: a line is cut at " | ", " · " and dashes between
// spaces, each part trimmed; a line without one is one trimmed part.
func TestSplitByline(t *testing.T) {
	split := func(l string) []string { // every separator in turn, as the parts are cut
		parts := []string{l}
		for _, sep := range []string{" | ", " · ", " — ", " – "} {
			var next []string
			for _, p := range parts {
				next = append(next, strings.Split(p, sep)...)
			}
			parts = next
		}
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts
	}
	for _, l := range []string{"", "  ", "By Jane Doe", " By Jane Doe | 12 March 2020 ", "Jane Doe · March 2020", "a—b", "a — b – c",
		"pipe|without spaces", "x · y | z — w", "em—dash and en–dash only", "·", " | "} {
		if got, want := meta.SplitByline(l), split(l); !slices.Equal(got, want) {
			t.Errorf("splitByline(%q) = %q, want %q", l, got, want)
		}
	}
}

// TestPagesLine: a page header is found as the regexp alone finds it.
func TestPagesLine(t *testing.T) {
	for _, l := range []string{"", "Pages 21-38 | Received 3 May 2010", "PAGES 1–9", "page 4 - 7", "pAgE 4-7", "Page", "The page 21-38",
		"Pages twenty", "language 2-3", "ſpage 1-2", "Ṕages 1-2", "pages\t21 -38", "Manage 1-2"} {
		if !meta.PagesLineAgrees(l) {
			t.Errorf("pagesLine(%q) differs from the regexp", l)
		}
	}
}

// BenchmarkLowerText lowers the corpus documents as kindOf does, the old
// way (rune by rune into a builder) and the new (eight ASCII bytes at once).
func BenchmarkLowerText(b *testing.B) {
	texts, size := sharedtest.CorpusTexts(b)
	b.Run("old", func(b *testing.B) {
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			for _, s := range texts {
				_ = meta.LowerTextOld(s)
			}
		}
	})
	b.Run("new", func(b *testing.B) {
		b.SetBytes(int64(size))
		for i := 0; i < b.N; i++ {
			for _, s := range texts {
				_ = meta.LowerTextBytes(s)
			}
		}
	})
}

// TestContainsRare checks containsRare against strings.Contains for every
// cue Detect searches with it, and short and odd ones, in texts that hold
// them at the start, the end, cut short, in another case or not at all.
func TestContainsRare(t *testing.T) {
	cues := []string{"", "x", "ab", "eceived", "ECEIVED", "ccepted", "ublished", "UBLISHED", "tatement", "://",
		"Forum Index", "Post subject:", "PostPosted:", "phpBB", "Back to top", "é", "aé", "\xff\xfe", "zz"}
	texts := []string{"", "a", "zz", "zzz", "ab", "ba"}
	for _, c := range cues {
		for _, around := range [][2]string{{"", ""}, {"The paper was ", " in May."}, {"x", ""}, {"", "y"}} {
			texts = append(texts, around[0]+c+around[1], around[0]+strings.ToUpper(c)+around[1])
			if len(c) > 1 {
				texts = append(texts, around[0]+c[1:]+around[1], around[0]+c[:len(c)-1]+around[1])
			}
		}
	}
	for _, s := range texts {
		for _, c := range cues {
			if got, want := meta.ContainsRare(s, c), strings.Contains(s, c); got != want {
				t.Errorf("containsRare(%q, %q) = %v, want %v", s, c, got, want)
			}
		}
	}
}

func FuzzContainsRare(f *testing.F) {
	f.Add("Received 3 May, accepted 9 June", "ccepted")
	f.Add("a Statement by", "tatement")
	f.Add("\xff\xfe", "\xfe")
	f.Fuzz(func(t *testing.T, s, sub string) {
		if got, want := meta.ContainsRare(s, sub), strings.Contains(s, sub); got != want {
			t.Errorf("containsRare(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}

// BenchmarkContainsRare looks for Detect's cues as it does (the forum cues
// in each corpus document, the line cues in its first 60 lines) with
// strings.Contains and with containsRare.
func BenchmarkContainsRare(b *testing.B) {
	texts, size := sharedtest.CorpusTexts(b)
	forum := []string{"Forum Index", "Post subject:", "PostPosted:", "Reply with quote", "Post new topic", "Reply to topic",
		"phpBB", "View previous topic", "Posts:", "Joined:", "Back to top"}
	line := []string{"ublished", "UBLISHED", "age", "AGE", "eceived", "ccepted", "ECEIVED", "CCEPTED", "tatement", "://"}
	for _, c := range []struct {
		name     string
		contains func(s, sub string) bool
	}{{"Contains", strings.Contains}, {"containsRare", meta.ContainsRare}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					for _, f := range forum {
						c.contains(t, f)
					}
					lines := strings.Split(t, "\n")
					for _, l := range lines[:min(len(lines), 60)] {
						for _, cue := range line {
							c.contains(l, cue)
						}
					}
				}
			}
		})
	}
}
