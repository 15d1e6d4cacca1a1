package structure

import (
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// token is one word of a text: its lower-cased form and byte span.
type token struct {
	w          string
	start, end int
}

// tokenize returns the words of text[start:end] with their byte offsets into
// text: runs of letters and digits with inner apostrophes, hyphens and full
// stops, lower-cased (curly apostrophes folded). An ASCII span is
// lower-cased once, so its words share one string.
func tokenize(text string, start, end int, out []token) []token {
	low, ascii, upper := text, true, false
	for i := start; i < end; i++ {
		if c := text[i]; c >= utf8.RuneSelf {
			ascii = false
			break
		} else if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii && !upper {
		low = text[start:end] // nothing to lower, nothing to copy
	} else if ascii {
		b := []byte(text[start:end])
		changed := false
		for i, c := range b {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
				changed = true
			}
		}
		if changed {
			low = string(b)
		} else {
			low = text[start:end]
		}
	}
	i := start
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		if !lexicon.IsWordRune(r) {
			i += n
			continue
		}
		s := i
		for i < end {
			r, n = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:end])
			}
			if lexicon.IsWordRune(r) {
				i += n
				continue
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.') && i+n < end {
				r2, _ := utf8.DecodeRuneInString(text[i+n : end])
				if lexicon.IsWordRune(r2) {
					i += n
					continue
				}
			}
			break
		}
		var w string
		if ascii {
			w = low[s-start : i-start]
		} else {
			w = lower(text[s:i])
		}
		out = append(out, token{w: w, start: s, end: i})
	}
	return out
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
