package structure

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/swar"
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
		// eight ASCII bytes at a time while they are letters or digits
		if i+8 <= end {
			if x := swar.Load(text, i); x&swar.Hi == 0 {
				word := swar.In(x|0x2020202020202020, 'a', 'z') | swar.In(x, '0', '9')
				if word == swar.Hi {
					i += 8
					continue
				}
				i += bits.TrailingZeros64(^word&swar.Hi) >> 3 // the first other byte
			}
		}
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

// TokenizeSpans splits n spans of text (span(i) gives the i-th's start and
// end) as Tokenize does, and gives each span's padded words too: its
// lower-cased words in order between single spaces, with a space at either
// end (" one two "; two spaces for none), where a phrase is found on word
// boundaries. toks[i] and padded[i] are span i's. The words of all spans
// are in one array and their padded words and the tokens' words are cut
// from one string: a few allocations for a document's sentences, where
// splitting and joining each made two or three.
func TokenizeSpans(text string, n int, span func(i int) (start, end int)) (toks [][]Token, padded []string) {
	total := 0
	for i := 0; i < n; i++ {
		s, e := span(i)
		total += e - s + 2
	}
	// the padded words are written into one string (a word has no space:
	// they are cut from it at the spaces below), the tokens into one array
	var b strings.Builder
	b.Grow(total)
	words := make([]Token, 0, total/6+1)
	at := make([]int, 2*(n+1)) // each span's first word and start in b
	for i := 0; i < n; i++ {
		start, end := span(i)
		at[2*i], at[2*i+1] = len(words), b.Len()
		b.WriteByte(' ')
		first := len(words)
		for j := start; ; {
			var s int
			if s, j = nextWord(text, j, end); s == j {
				break
			}
			t := Token{Start: s, End: j}
			if !writeLower(&b, text[s:j]) {
				t.Word = unevenWord
			}
			b.WriteByte(' ')
			words = append(words, t)
		}
		if len(words) == first {
			b.WriteByte(' ')
		}
	}
	at[2*n], at[2*n+1] = len(words), b.Len()
	all := b.String()
	toks, padded = make([][]Token, n), make([]string, n)
	for i := 0; i < n; i++ {
		w0, w1 := at[2*i], at[2*i+2]
		p := all[at[2*i+1]:at[2*i+3]]
		toks[i], padded[i] = words[w0:w1:w1], p
		for k, from := w0, 1; k < w1; k++ {
			to := from + words[k].End - words[k].Start // an ASCII word is as long lowered
			if words[k].Word == unevenWord {
				to = from + strings.IndexByte(p[from:], ' ')
			}
			words[k].Word = p[from:to]
			from = to + 1
		}
	}
	return toks, padded
}

// unevenWord marks, in TokenizeSpans, a word whose lower case may not be
// as long as the word (writeLower): its end is found at the space after it.
const unevenWord = "\x00"

// writeLower writes w to b as appendLower appends it, and reports whether w
// is ASCII (what it writes is then as long as w).
func writeLower(b *strings.Builder, w string) (ascii bool) {
	if plainLower(w) {
		b.WriteString(w)
		return true
	}
	ascii = true
	for _, r := range w {
		switch {
		case r == '’':
			ascii = false
			b.WriteByte('\'')
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		default:
			ascii = false
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return ascii
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
