package actor

import (
	"fmt"
	"github.com/argmap/argmap/internal/extract/spaces"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenLowsAgree checks that every token of text has the lower case
// strings.ToLower gives it ("and" for "&").
func TokenLowsAgree(text string) error {
	for _, t := range tokenize(text) {
		want := strings.ToLower(t.text)
		if t.text == "&" {
			want = "and"
		}
		if t.low != want {
			return fmt.Errorf("token %q of %q: low %q, want %q", t.text, text, t.low, want)
		}
	}
	return nil
}

// InitialsMatchAgrees checks initialsMatch against the form that builds
// every spelling of each word (initialsMatchSpelled) on the words of text
// taken from index from on, for the letters of acr.
func InitialsMatchAgrees(text string, from int, acr string) error {
	toks := tokenize(text)
	var idx []int
	for k := from; k < len(toks); k++ {
		idx = append(idx, k)
	}
	letters := []rune(strings.ToLower(acr))
	if got, want := initialsMatch(toks, idx, letters), initialsMatchSpelled(toks, idx, letters); got != want {
		return fmt.Errorf("initialsMatch(%q from %d, %q) = %v, spelled out %v", text, from, acr, got, want)
	}
	return nil
}

// initialsMatchSpelled is initialsMatch as it was written first: each
// word's spellings built as rune slices, then tried in turn.
func initialsMatchSpelled(toks []token, idx []int, letters []rune) bool {
	var rec func(w, l int) bool
	rec = func(w, l int) bool {
		if w == len(idx) {
			return l == len(letters)
		}
		if l >= len(letters) {
			return false
		}
		t := toks[idx[w]]
		var options [][]rune
		first, _ := utf8.DecodeRuneInString(t.low)
		options = append(options, []rune{first})
		if strings.Contains(t.low, "-") {
			var parts []rune
			for _, p := range strings.Split(t.low, "-") {
				if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
					parts = append(parts, r)
				}
			}
			options = append(options, parts)
		}
		if allCaps(t.text) && len(t.text) > 1 {
			var all []rune
			for _, r := range t.low {
				if unicode.IsLetter(r) {
					all = append(all, r)
				}
			}
			options = append(options, all)
		}
		for _, opt := range options {
			if l+len(opt) > len(letters) {
				continue
			}
			ok := true
			for k, r := range opt {
				if letters[l+k] != r {
					ok = false
					break
				}
			}
			if ok && rec(w+1, l+len(opt)) {
				return true
			}
		}
		return false
	}
	return rec(0, 0)
}

// SpacingAgrees checks oneSpaced and asciiLower against strings.Join of
// strings.Fields and strings.ToLower.
func SpacingAgrees(s string) error {
	if got, want := spaces.Single(s), strings.Join(strings.Fields(s), " "); got != want {
		return fmt.Errorf("spaces.Single(%q) = %q, want %q", s, got, want)
	}
	if low, ok := asciiLower([]byte("x"), s); ok && string(low) != "x"+strings.ToLower(s) || !ok && string(low) != "x" {
		return fmt.Errorf("asciiLower(%q) = %q, %v", s, low, ok)
	}
	return nil
}

// InitialismAgrees checks initialismSoFar against the form that splits s
// at its dots first.
func InitialismAgrees(s string) error {
	want := true
	for _, p := range strings.Split(s, ".") {
		if p == "" {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(p); utf8.RuneCountInString(p) != 1 || !unicode.IsUpper(r) {
			want = false
			break
		}
	}
	if got := initialismSoFar(s); got != want {
		return fmt.Errorf("initialismSoFar(%q) = %v, want %v", s, got, want)
	}
	return nil
}
