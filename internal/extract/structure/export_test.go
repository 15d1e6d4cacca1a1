package structure

import (
	"fmt"
	"reflect"
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
