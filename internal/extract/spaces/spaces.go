// Package spaces makes a text's white space single: the words of a
// sentence or a name joined by one space, as strings.Fields and
// strings.Join would, without a new string when the text is so already.
package spaces

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Single returns s with each run of white space made one space and none
// before or after: strings.Join(strings.Fields(s), " "), returning s
// itself when it already reads so.
func Single(s string) string {
	prevSpace := true // no leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return strings.Join(strings.Fields(s), " ")
			}
			i += n - 1
			prevSpace = false
			continue
		}
		switch c {
		case ' ':
			if prevSpace {
				return strings.Join(strings.Fields(s), " ")
			}
			prevSpace = true
		case '\t', '\n', '\v', '\f', '\r':
			return strings.Join(strings.Fields(s), " ")
		default:
			prevSpace = false
		}
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ") // a trailing space
	}
	return s
}
