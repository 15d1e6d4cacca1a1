package lexicon

import (
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r can be part of a word: a letter or a digit.
// The tokenizers call it for every byte of a text, so ASCII is read from a
// table and the check is small enough to be inlined.
func IsWordRune(r rune) bool {
	if uint32(r) < utf8.RuneSelf {
		return wordBytes[r]
	}
	return isWordRuneWide(r)
}

// wordBytes marks the ASCII letters and digits.
var wordBytes = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRuneWide is IsWordRune of a rune outside ASCII, kept apart so that
// IsWordRune is inlined.
//
//go:noinline
func isWordRuneWide(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
