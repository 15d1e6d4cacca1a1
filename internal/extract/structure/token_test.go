package structure_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/sharedtest"
)

// nextWordCases have words of every length around eight bytes, with joiners,
// capitals, digits, bytes outside ASCII and bad bytes at every place.
var nextWordCases = []string{
	"", " ", "a", "ab cd", "shipwright", "shipwrights and ferrymen", "Dockyard-workers' co-op.", "x.y.z", "U.N.'s",
	"rivermouths’ tides", "ferrymen‐ship", "twelve12twelve", "quay\xffside", "quaysideé", "é quayside", "\x7fquayside\x7f",
	"lighthouse-keepers--lighthouse..keepers", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{/:",
}

// nextWordTexts returns the cases, each long word with a joiner, capital,
// digit, wide or bad byte at every place, and the lines of our long texts.
func nextWordTexts(t *testing.T) []string {
	texts := append([]string(nil), nextWordCases...)
	for _, w := range []string{"shipwrights and ferrymen", "warehousekeepers"} {
		for k := 0; k <= len(w); k++ {
			for _, x := range []string{"Q", "7", "-", ".", "'", "’", "é", "\xff", " ", "@", "`", "[", "{", "/", ":"} {
				texts = append(texts, w[:k]+x+w[k:])
			}
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "longtext", "open", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	return texts
}

// TestNextWordAgrees checks the words the tokenizer finds, read eight bytes
// at a time, against the byte-by-byte reading: from every byte of each text
// to its end and to a few places short of it.
func TestNextWordAgrees(t *testing.T) {
	texts := nextWordTexts(t)
	if len(texts) < 500 {
		t.Fatalf("only %d texts: the long texts are missing", len(texts))
	}
	for _, s := range texts {
		if err := structure.NextWordAgrees(s, len(s)-1, len(s)-5, len(s)-9, len(s)/2); err != nil {
			t.Error(err)
		}
	}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := structure.NextWordAgrees(string(b)); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

// FuzzNextWord checks the same on any text.
func FuzzNextWord(f *testing.F) {
	for _, s := range nextWordCases {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, end int) {
		if err := structure.NextWordAgrees(s, end); err != nil {
			t.Error(err)
		}
	})
}

// TestTokenizeSpans checks TokenizeSpans, which takes an ASCII word's end
// from its length, against the form that cut each word at the space after
// it and against Tokenize: on the tokenizer's hard cases and our long
// texts, whole and cut into spans at several places, and on the shared
// corpus.
func TestTokenizeSpans(t *testing.T) {
	for _, s := range append(nextWordTexts(t), "’’’", "A’B’C a’b", "ÉCOLE’S Straße", "e\u0301t\u00e9 \xff\xfe x", "İstanbul ǅ") {
		n := len(s)
		if err := structure.TokenizeSpansAgrees(s); err != nil {
			t.Error(err)
		}
		if err := structure.TokenizeSpansAgrees(s, n/3, n/3, 2*n/3); err != nil {
			t.Error(err)
		}
	}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		var cuts []int
		for i := strings.Index(s, ". "); i >= 0 && i+2 < len(s); {
			cuts = append(cuts, i+2)
			k := strings.Index(s[i+2:], ". ")
			if k < 0 {
				break
			}
			i += 2 + k
		}
		if err := structure.TokenizeSpansAgrees(s, cuts...); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// FuzzTokenizeSpans checks the same on any text, cut at any two places.
func FuzzTokenizeSpans(f *testing.F) {
	for _, s := range nextWordCases {
		f.Add(s, 1, 5)
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		if a < 0 || b < 0 {
			return
		}
		a, b = min(a, len(s)), min(b, len(s))
		if err := structure.TokenizeSpansAgrees(s, min(a, b), max(a, b)); err != nil {
			t.Error(err)
		}
	})
}
