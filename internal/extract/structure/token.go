package structure

import (
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// Token is one word of a text: its lower-cased form and byte span.
type Token struct {
	Word       string // lower-cased, curly apostrophes folded
	Start, End int    // byte offsets of the word as written
}

// token is the parser's own name for a Token.
type token = Token

// Tokenize returns the words of text[start:end], appended to out, as the
// parser splits them (tokenize). A caller that has tokenised a sentence so
// hands its words to Segment in Sentence.Words, and the parser does not
// split it again.
func Tokenize(text string, start, end int, out []Token) []Token {
	return tokenize(text, start, end, out)
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
	var arenaArr [256]byte
	var lowAtArr [32]int
	arena := arenaArr[:0] // the lower case of the words of a span that is not ASCII
	lowAt := lowAtArr[:0] // index in out, offset in arena, for each of them
	for i := start; ; {
		var s int
		if s, i = nextWord(text, i, end); s == i {
			break
		}
		var w string
		switch {
		case ascii:
			w = low[s-start : i-start]
		case plainLower(text[s:i]):
			w = text[s:i]
		default:
			// lowered into one arena, cut into strings below: one
			// allocation a sentence, not one a word
			lowAt = append(lowAt, len(out), len(arena))
			arena = appendLower(arena, text[s:i])
		}
		out = append(out, token{Word: w, Start: s, End: i})
	}
	if len(lowAt) > 0 {
		all := string(arena)
		for k := 0; k < len(lowAt); k += 2 {
			e := len(all)
			if k+3 < len(lowAt) {
				e = lowAt[k+3]
			}
			out[lowAt[k]].Word = all[lowAt[k+1]:e]
		}
	}
	return out
}

// nextWord returns the span [s,e) of the first word of text[i:end], or
// s == e == end when there is none: a run of letters and digits with inner
// apostrophes, hyphens and full stops (a mark between two word runes).
func nextWord(text string, i, end int) (s, e int) {
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		if lexicon.IsWordRune(r) {
			break
		}
		i += n
	}
	s = i
	for i < end {
		r, n := rune(text[i]), 1
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
	return s, i
}

// TokenizePadded is Tokenize, and the padded words of the span too: its
// lower-cased words in order between single spaces, with a space at either
// end (" one two "; two spaces for none), where a phrase is found on word
// boundaries. The words of the tokens are cut from that string: one
// allocation for the words of a span, where Tokenize and a join made two or
// three.
func TokenizePadded(text string, start, end int, out []Token) ([]Token, string) {
	var bufArr [384]byte
	var boundsArr [96]int32
	buf, bounds := bufArr[:0], boundsArr[:0] // start of each word in buf (spans are < 2 GB)
	if end-start+2 > len(bufArr) {
		buf = make([]byte, 0, end-start+2)
	}
	buf = append(buf, ' ')
	first := len(out)
	for i := start; ; {
		var s int
		if s, i = nextWord(text, i, end); s == i {
			break
		}
		bounds = append(bounds, int32(len(buf)))
		buf = appendLower(buf, text[s:i])
		buf = append(buf, ' ')
		out = append(out, Token{Start: s, End: i})
	}
	if len(bounds) == 0 {
		buf = append(buf, ' ')
	}
	all := string(buf)
	for k, b := range bounds {
		e := len(all) - 1
		if k+1 < len(bounds) {
			e = int(bounds[k+1]) - 1
		}
		out[first+k].Word = all[b:e]
	}
	return out, all
}

// plainLower reports whether w is ASCII without capitals (appendLower gives it
// back unchanged).
func plainLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower appends w to b lower-cased, curly apostrophes folded.
func appendLower(b []byte, w string) []byte {
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
	return b
}

// words returns the lower-cased words of toks.
func words(toks []token) []string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.Word
	}
	return ws
}
