package meta

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// LowerText exposes lowerText to the tests.
func LowerText(s string) string { return string(lowerText(s)) }

// SplitByline exposes splitByline to the tests.
var SplitByline = splitByline

// PagesLineAgrees checks pagesLine against matchIf with its cues alone.
func PagesLineAgrees(l string) bool {
	return pagesLine(l) == (matchIf(pagesRe, l, "age", "AGE") != nil)
}

// LowerTextOld is lowerText as it was before it lowered eight ASCII bytes
// at a time, rune by rune into a builder, for the benchmark.
func LowerTextOld(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		b.WriteRune(unicode.ToLower(r))
		i += n
	}
	return b.String()
}

// LowerTextBytes is lowerText itself, for the benchmark.
var LowerTextBytes = lowerText

// ContainsRare exposes containsRare to the tests.
var ContainsRare = containsRare

// ReceivedLineAgrees checks receivedLine against receivedRe run wherever
// its cues are (the form before receivedDigit), and reports whether it
// matched.
func ReceivedLineAgrees(l string) (bool, error) {
	want := matchIf(receivedRe, l, "eceived", "ccepted", "ECEIVED", "CCEPTED") != nil
	if got := receivedLine(l); got != want {
		return want, fmt.Errorf("receivedLine(%q) = %v, want %v", l, got, want)
	}
	return want, nil
}
