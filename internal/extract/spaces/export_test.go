package spaces

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SingleOld is Single as it was before it read eight bytes at a time, for
// the benchmark.
func SingleOld(s string) string {
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

// CountFieldsOld is extract's countFields as it was before CountFields, for
// the benchmark.
func CountFieldsOld(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); i++ {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size - 1
		}
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n == limit {
				return n
			}
		}
	}
	return n
}

// AppendFieldsOld is extract's appendFieldsN as it was before
// AppendFields, for the tests and the benchmark.
func AppendFieldsOld(out []string, s string, n int) []string {
	n += len(out)
	start := -1
	for i := 0; i < len(s); {
		var space bool
		size := 1
		if c := s[i]; c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
				if len(out) == n {
					return out
				}
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 && len(out) < n {
		out = append(out, s[start:])
	}
	return out
}
