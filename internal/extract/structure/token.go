package structure

import (
	"unicode"
	"unicode/utf8"
)

// token is one word of a text: its lower-cased form and byte span.
type token struct {
	w          string
	start, end int
}

// tokenize returns the words of text[start:end] with their byte offsets into
// text: runs of letters and digits with inner apostrophes, hyphens and full
// stops, lower-cased (curly apostrophes folded).
func tokenize(text string, start, end int, out []token) []token {
	i := start
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		s := i
		ascii, upper := true, false
		for i < end {
			r, n = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:end])
				ascii = false
			}
			if isWordRune(r) {
				if r >= 'A' && r <= 'Z' {
					upper = true
				}
				i += n
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.') && i+n < end {
				r2, _ := utf8.DecodeRuneInString(text[i+n : end])
				if isWordRune(r2) {
					ascii = ascii && r < utf8.RuneSelf
					upper = upper || r == '’'
					i += n
					continue
				}
			}
			break
		}
		w := text[s:i]
		if !ascii || upper {
			w = lower(w)
		}
		out = append(out, token{w: w, start: s, end: i})
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// lower lower-cases w and folds curly apostrophes.
func lower(w string) string {
	b := make([]byte, 0, len(w))
	for _, r := range w {
		switch {
		case r == '’':
			b = append(b, '\'')
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return string(b)
}

// words returns the lower-cased words of toks.
func words(toks []token) []string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.w
	}
	return ws
}
