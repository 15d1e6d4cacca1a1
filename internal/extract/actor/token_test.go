package actor_test

import (
	"testing"

	"github.com/argmap/argmap/internal/extract/actor"
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
