// Package spaces makes a text's white space single: the words of a
// sentence or a name joined by one space, as strings.Fields and
// strings.Join would, without a new string when the text is so already;
// and counts a text's words as strings.Fields splits them.
//
// They read ASCII text eight bytes at a time (white space is found in a
// word of eight bytes with a few additions and masks: masks, swar) and go
// byte by byte from the first eight with a byte outside ASCII, as they went
// before.
package spaces

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/swar"
)

// Single returns s with each run of white space made one space and none
// before or after: strings.Join(strings.Fields(s), " "), returning s
// itself when it already reads so.
func Single(s string) string {
	i := 0
	prev := uint64(0x80) // the byte before, as masks marks it: a space (no leading space)
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s, i)
		if x&swar.Hi != 0 {
			break
		}
		sp, ctl := masks(x)
		if ctl != 0 || sp&(sp<<8|prev) != 0 {
			return strings.Join(strings.Fields(s), " ")
		}
		prev = sp >> 56
	}
	prevSpace := prev != 0
	for ; i < len(s); i++ {
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

// CountFields returns len(strings.Fields(s)), counting no further than
// limit (when limit is above 0).
func CountFields(s string, limit int) int {
	n, i := 0, 0
	prev := uint64(0x80) // the byte before, as masks marks white space: s opens a word
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s, i)
		if x&swar.Hi != 0 {
			break
		}
		sp, ctl := masks(x)
		ws := sp | ctl
		// a word opens at a byte that is no white space after one that is
		n += bits.OnesCount64(^ws & swar.Hi & (ws<<8 | prev))
		if limit > 0 && n >= limit {
			return limit
		}
		prev = ws >> 56
	}
	in := prev == 0
	for ; i < len(s); i++ {
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

// AppendFields appends to out the first n words of s, as strings.Fields
// splits them (n counts the words already in out, as len(out)+n is where
// it stops; with n 0 or less it appends every word but the last).
func AppendFields(out []string, s string, n int) []string {
	n += len(out)
	start := -1
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := swar.Load(s, i)
		if x&swar.Hi != 0 {
			break
		}
		sp, ctl := masks(x)
		ws := sp | ctl
		prev := uint64(0) // the byte before, marked as masks does: white space
		if start < 0 {
			prev = 0x80
		}
		// the bytes where a word opens (no white space after white
		// space) and where it ends (white space after a word), in turn
		edges := (^ws&(ws<<8|prev) | ws&(^ws<<8|prev^0x80)) & swar.Hi
		for edges != 0 {
			k := i + bits.TrailingZeros64(edges)>>3
			edges &= edges - 1
			if start < 0 {
				start = k
				continue
			}
			out = append(out, s[start:k])
			start = -1
			if len(out) == n {
				return out
			}
		}
	}
	for i < len(s) {
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

// masks returns, for eight ASCII bytes in x (no top bit set), 0x80 in
// each byte that is a space (sp) and in each that is '\t', '\n', '\v', '\f'
// or '\r' (ctl): the ASCII white space of unicode.IsSpace.
func masks(x uint64) (sp, ctl uint64) {
	return swar.Eq(x, ' '), swar.In(x, '\t', '\r')
}
