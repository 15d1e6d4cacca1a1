package structure

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// EvaluateOracle scores m on the gold units, leaving segmentation out.
var EvaluateOracle = func(m *Model, docs []Doc) Score { return evaluate(m, docs, true) }

// simpleSentences splits on full stops, question and exclamation marks.
func simpleSentences(text string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(text); i++ {
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			out = append(out, Sentence{Start: start, End: i + 1})
			start = i + 1
			for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
				start++
			}
		}
	}
	if start < len(text) {
		out = append(out, Sentence{Start: start, End: len(text)})
	}
	return out
}

// Dependent reports which of units continue their sentence with a
// dependent clause (dependent).
func Dependent(text string, units []Unit) []bool {
	v := newView(text, units)
	out := make([]bool, len(units))
	for k := range units {
		out[k] = dependent(v, k)
	}
	return out
}

// UnitWords are the words Segment (or Join) kept with u, nil when none;
// TextWords the words of text[start:end] read afresh.
func UnitWords(u Unit) []string { return u.ws }

func TextWords(text string, start, end int) []string { return words(tokenize(text, start, end, nil)) }

// TokenWordsAgree checks that every word tokenize finds in text is its
// span lowered rune by rune, curly apostrophes folded.
func TokenWordsAgree(text string) error {
	for _, t := range tokenize(text, 0, len(text), nil) {
		var b []byte
		for _, r := range text[t.Start:t.End] {
			switch {
			case r == '’':
				b = append(b, '\'')
			default:
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
		}
		if t.Word != string(b) {
			return fmt.Errorf("word %q of %q: %q, want %q", text[t.Start:t.End], text, t.Word, b)
		}
	}
	return nil
}

// nextWordSlow is nextWord as it was until session 17: a byte or rune at a
// time.
func nextWordSlow(text string, i, end int) (s, e int) {
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

// NextWordAgrees checks nextWord against nextWordSlow from every byte of
// text to its end and to each of ends (those inside text).
func NextWordAgrees(text string, ends ...int) error {
	for i := 0; i <= len(text); i++ {
		for _, end := range append([]int{len(text)}, ends...) {
			if end < i || end > len(text) {
				continue
			}
			s, e := nextWord(text, i, end)
			s0, e0 := nextWordSlow(text, i, end)
			if s != s0 || e != e0 {
				return fmt.Errorf("nextWord(%q, %d, %d) = %d, %d, want %d, %d", text, i, end, s, e, s0, e0)
			}
		}
	}
	return nil
}

// ConnectivePhrases returns the phrases of the connective lexicon.
func ConnectivePhrases() []string {
	out := make([]string, 0, len(connectives))
	for ph := range connectives {
		out = append(out, ph)
	}
	return out
}

// ConnectiveAtFlaggedAgrees checks connectiveAtFlagged, given the words'
// flags, against connectiveAt at every word of text (and one past the last),
// the words as the tokenizer splits them.
func ConnectiveAtFlaggedAgrees(text string) error {
	ws := words(tokenize(text, 0, len(text), nil))
	fl := make([]uint16, len(ws))
	for k, w := range ws {
		fl[k] = flagsOf(w)
	}
	for i := 0; i <= len(ws); i++ {
		c, n := connectiveAtFlagged(ws, fl, i)
		wc, wn := connectiveAt(ws, i)
		if c != wc || n != wn {
			return fmt.Errorf("connectiveAtFlagged(%q, %d) = %q, %d; connectiveAt %q, %d", ws, i, c, n, wc, wn)
		}
	}
	return nil
}

// ConnectiveLookups returns a function that looks up a connective at every
// word of text's words, with the words' flags (flagged) or without: what
// BenchmarkConnectiveAt times.
func ConnectiveLookups(text string, flagged bool) func() int {
	ws := words(tokenize(text, 0, len(text), nil))
	fl := make([]uint16, len(ws))
	for k, w := range ws {
		fl[k] = flagsOf(w)
	}
	return func() int {
		n := 0
		for i := range ws {
			var c string
			if flagged {
				c, _ = connectiveAtFlagged(ws, fl, i)
			} else {
				c, _ = connectiveAt(ws, i)
			}
			if c != classNone {
				n++
			}
		}
		return n
	}
}

// SegmentFlagsAgree checks that segmenting the sentences of text (split
// at full stops, question and exclamation marks) gives the same units,
// their words' flags among them, whether the sentences carry their words'
// flags (Sentence.Flags, as WordFlags gives them) or the parser looks them
// up, as a short text and as a long one.
func SegmentFlagsAgree(text string) error {
	m, err := Default()
	if err != nil {
		return err
	}
	plain := simpleSentences(text)
	with := make([]Sentence, len(plain))
	for i, s := range plain {
		toks := Tokenize(text, s.Start, s.End, nil)
		ws := words(toks)
		fl := make([]uint16, len(ws))
		for k, w := range ws {
			fl[k] = WordFlags(w)
		}
		with[i] = Sentence{Start: s.Start, End: s.End, Words: toks, Lower: ws, Flags: fl}
	}
	for _, short := range []bool{true, false} {
		want, got := m.SegmentShort(text, plain, short), m.SegmentShort(text, with, short)
		if len(want) != len(got) {
			return fmt.Errorf("SegmentShort(%q, short %v) with flags: %d units, without %d", text, short, len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(want[i], got[i]) {
				return fmt.Errorf("SegmentShort(%q, short %v) unit %d with flags %+v, without %+v", text, short, i, got[i], want[i])
			}
		}
	}
	return nil
}

// tokenizeSpansIndex is TokenizeSpans as it was before it knew an ASCII
// word's end: each word cut from the padded words at the space after it.
func tokenizeSpansIndex(text string, n int, span func(i int) (start, end int)) (toks [][]Token, padded []string) {
	var b strings.Builder
	words := []Token{}
	at := make([]int, 2*(n+1))
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
			b.Write(appendLower(nil, text[s:j]))
			b.WriteByte(' ')
			words = append(words, Token{Start: s, End: j})
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
			to := from + strings.IndexByte(p[from:], ' ')
			words[k].Word = p[from:to]
			from = to + 1
		}
	}
	return toks, padded
}

// TokenizeSpansAgrees checks TokenizeSpans on text cut into spans at
// cuts (byte offsets, in order; the spans between them and the text's
// ends, a span empty where two are equal) against the form that cut every
// word at the space after it, and each span's tokens against Tokenize.
func TokenizeSpansAgrees(text string, cuts ...int) error {
	bounds := append(append([]int{0}, cuts...), len(text))
	span := func(i int) (int, int) { return bounds[i], bounds[i+1] }
	n := len(bounds) - 1
	got, gotP := TokenizeSpans(text, n, span)
	want, wantP := tokenizeSpansIndex(text, n, span)
	for i := 0; i < n; i++ {
		if !slices.Equal(got[i], want[i]) || gotP[i] != wantP[i] {
			return fmt.Errorf("TokenizeSpans(%q) span %d = %v, %q; cut at spaces %v, %q", text, i, got[i], gotP[i], want[i], wantP[i])
		}
		s, e := span(i)
		if tw := Tokenize(text, s, e, nil); !slices.Equal(got[i], tw) {
			return fmt.Errorf("TokenizeSpans(%q) span %d = %v; Tokenize %v", text, i, got[i], tw)
		}
	}
	return nil
}
