package actor_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/sharedtest"
)

func TestTokenLowerCase(t *testing.T) {
	for _, s := range []string{"", "The IOM and UNHCR met in Geneva.", "U.N. officials, the E.U.'s envoy & Amnesty",
		"Ärger über ZÖLLE", "mixed CaSe words-with-Hyphens and 2020s", "all lower case here"} {
		if err := actor.TokenLowsAgree(s); err != nil {
			t.Error(err)
		}
	}
}

func FuzzTokenLowerCase(f *testing.F) {
	f.Add("The IOM’s report & UNHCR's reply (U.S.-led)")
	f.Fuzz(func(t *testing.T, s string) {
		if err := actor.TokenLowsAgree(s); err != nil {
			t.Error(err)
		}
	})
}

// TestInitialsMatch: an acronym is spelled by its words' first letters,
// the first letters of hyphenated parts or a word in capitals whole, as
// the form that spells every word out finds.
func TestInitialsMatch(t *testing.T) {
	for _, tt := range []struct {
		text string
		from int
		acr  string
	}{
		{"International Organization for Migration", 0, "IOFM"}, {"International Organization Migration", 0, "IOM"},
		{"Non-Governmental Organisation", 0, "NGO"}, {"the UN High Commissioner", 1, "UNHC"}, {"the UN High Commissioner", 1, "UHC"},
		{"Médecins Sans Frontières", 0, "MSF"}, {"Ärzte ohne Grenzen", 0, "ÄOG"}, {"co-- operation", 0, "CO"},
		{"EU-Turkey Statement", 0, "ETS"}, {"EU-Turkey Statement", 0, "EUTS"}, {"", 0, "A"}, {"One Two", 0, ""},
	} {
		if err := actor.InitialsMatchAgrees(tt.text, tt.from, tt.acr); err != nil {
			t.Error(err)
		}
	}
}

// FuzzInitialsMatch checks the same on any words and letters.
func FuzzInitialsMatch(f *testing.F) {
	f.Add("Non-Governmental UN Organisation", 0, "NGUNO")
	f.Fuzz(func(t *testing.T, text string, from int, acr string) {
		if from < 0 || from > 64 || len(text) > 200 || len(acr) > 12 {
			return
		}
		if err := actor.InitialsMatchAgrees(text, from, acr); err != nil {
			t.Error(err)
		}
	})
}

// TestSpacing: the alias helpers fold spaces and case as the strings
// package does.
func TestSpacing(t *testing.T) {
	for _, s := range []string{"", " ", "IOM", "the  IOM", " lead", "trail ", "tab\there", "nbsp\u00a0here", "Ärzte ohne Grenzen", "\xff\xfe", "A\u3000B"} {
		if err := actor.SpacingAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzSpacing checks the same on any text.
func FuzzSpacing(f *testing.F) {
	f.Add("The  International\tOrganization ’s")
	f.Fuzz(func(t *testing.T, s string) {
		if err := actor.SpacingAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// TestInitialism: single capitals between dots make an initialism so far.
func TestInitialism(t *testing.T) {
	for _, s := range []string{"", ".", "U", "U.N", "U.N.", "U..N", ".U", "UN", "U.n", "U.NN", "Ä.Ö", "u", "U.\xff"} {
		if err := actor.InitialismAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// tokenizeCases are texts for the tokenizer's edge cases: possessives in
// every spelling (one after another, at the end, before punctuation, after
// a capital S), initialisms, inner hyphens and dots, ampersands, line
// breaks, text outside ASCII and invalid UTF-8.
var tokenizeCases = []string{
	"", " ", "s", "'s", "S", "&", "& &&", "a&b", "x's", "x’s", "x`s", "X'S", "x's's", "x' s", "x’ s.", "cats'",
	"the bus’", "the boss' car", "the bosses' 's", "Ross's, then", "ROSS’S\nnext", "the firm's. s", "A.B.'s", "U.S.A.",
	"U.N.'s staff", "e.g. this", "the U.S.-led plan", "nation-states", "co‐operation", "co-- operation", "a.b.c.",
	"x.Y.z", "Ä.Ö.", "Ärger über ZÖLLE", "ÉCOLE's", "İstanbul’s", "\xff\xfeabc\xffs", "ab\xc3", "x'\xffs",
	"line one\nline two\r\nthree", "(brackets) [and] {braces}; semi: colon? bang! pipe| dot•", "“quoted” ‘single’ \"plain\"",
	"2020s and 1990’s", "plan B. then", "so do I.", "x''s", "x'`s", "x's  s", "x'ss", "it’s its", "The Agency's agents' reports' notes",
	"harbourmasters", "harbourmastersX", "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ",
	"longwords@longwords[longwords`longwords{longwords/longwords:longwords", "lighthouse-keepers lighthouse.keepers",
	"Q.R.S.T.U.V.W. and q.r.s.t.u.v.w.", "storehouseé storehouseÿ storehouse’s storehousE's", "bcdefghijklmno",
}

// capitalAtEvery is tokenizeCases' long words with a capital, a digit, a
// joiner, a byte outside ASCII or a bad byte put at every place: the
// eight-byte reading must see each wherever it falls in its word.
func capitalAtEvery() []string {
	var out []string
	for _, w := range []string{"shipwrights and ferrymen", "warehousekeepers"} {
		for k := 0; k <= len(w); k++ {
			for _, x := range []string{"Q", "7", "-", ".", "'", "é", "\xff", " ", "&", "@", "Z-x"} {
				out = append(out, w[:k]+x+w[k:])
			}
		}
	}
	return out
}

// TestTokenizeAgrees: tokenize gives exactly the tokens of the form it
// replaced, on the edge cases and on every line of the IOM documents.
func TestTokenizeAgrees(t *testing.T) {
	for _, s := range append(capitalAtEvery(), tokenizeCases...) {
		if err := actor.TokenizeAgrees(s); err != nil {
			t.Error(err)
		}
	}
	for _, f := range sharedtest.CorpusFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := actor.TokenizeAgrees(string(b)); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if err := actor.TokenizeAgrees(line); err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
			}
		}
	}
}

// FuzzTokenize checks the same on any text.
func FuzzTokenize(f *testing.F) {
	for _, s := range tokenizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if err := actor.TokenizeAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// BenchmarkTokenize tokenizes the IOM documents with tokenize and with the
// form it replaced, a buffer kept between documents as Find keeps one.
func BenchmarkTokenize(b *testing.B) {
	docs, size := sharedtest.CorpusTexts(b)
	for _, form := range []struct {
		name string
		slow bool
	}{{"new", false}, {"old", true}} {
		b.Run(form.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			var buf []actor.Token
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					actor.TokenizeCount(&buf, d, form.slow)
				}
			}
		})
	}
}
