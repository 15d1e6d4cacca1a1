package structure

import (
	"fmt"
	"unicode"
	"unicode/utf8"
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
