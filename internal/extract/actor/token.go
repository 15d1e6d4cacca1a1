package actor

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// token is one word of the text: a run of letters and digits, possibly joined
// by inner hyphens ("nation-states"), an initialism with its dots ("U.N."), or
// an ampersand.
type token struct {
	start, end int    // byte offsets of the word itself
	text       string // text[start:end]
	low        string // lower-cased key, "&" folded to "and"
	poss       bool   // followed by a possessive 's or ’s (or a bare ’ after s)
	breakAfter bool   // sentence or clause punctuation (. ; : ? ! newline, brackets) follows
	newline    bool   // a line break follows before the next token
}

// tokenize splits text into tokens. It never fails; offsets are on rune
// boundaries.
func tokenize(text string) []token { return tokenizeInto(nil, text) }

// tokenizeInto is tokenize appending to toks[:0] (a buffer kept between
// texts).
func tokenizeInto(toks []token, text string) []token {
	if n := len(text)/6 + 1; cap(toks) < n {
		toks = make([]token, 0, n)
	}
	toks = toks[:0]
	// the lower case of capitalised ASCII words, and the token index and
	// offset in arena of each of them: scratch, on the stack for a short
	// text (a name, a sentence)
	var arenaArr [256]byte
	var lowAtArr [32]int
	arena := arenaArr[:0]
	lowAt := lowAtArr[:0]
	i := 0
	n := len(text)
	for i < n {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r == '&' {
			toks = append(toks, token{start: i, end: i + 1, text: "&", low: "and"})
			i += size
			continue
		}
		if !lexicon.IsWordRune(r) {
			i += size
			continue
		}
		start := i
		i += size
		for i < n {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if lexicon.IsWordRune(r) {
				i += size
				continue
			}
			// Inner hyphen or dot between word runes: "nation-states", "U.N.".
			if (r == '-' || r == '‐' || r == '.') && i+size < n {
				r2, _ := utf8.DecodeRuneInString(text[i+size:])
				if lexicon.IsWordRune(r2) {
					if r == '.' && !initialismSoFar(text[start:i]) {
						break
					}
					i += size
					continue
				}
			}
			break
		}
		end := i
		// Initialisms keep their final dot: "U.N." but not "migrants.".
		if i < n && text[i] == '.' && initialismSoFar(text[start:end]) && strings.Contains(text[start:end], ".") {
			end = i + 1
			i = end
		}
		t := token{start: start, end: end, text: text[start:end]}
		switch upper, ascii := caseOf(t.text); {
		case !ascii:
			t.low = strings.ToLower(t.text)
		case upper:
			// lowered into one arena, cut into strings below: one
			// allocation a text, not one a capitalised word
			lowAt = append(lowAt, len(toks), len(arena))
			for k := 0; k < len(t.text); k++ {
				c := t.text[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				arena = append(arena, c)
			}
		default:
			t.low = t.text // already lower case
		}
		toks = append(toks, t)
	}
	if len(lowAt) > 0 {
		all := string(arena)
		for k := 0; k < len(lowAt); k += 2 {
			end := len(all)
			if k+3 < len(lowAt) {
				end = lowAt[k+3]
			}
			toks[lowAt[k]].low = all[lowAt[k+1]:end]
		}
	}
	// Possessives and punctuation between tokens.
	for k := range toks {
		from := toks[k].end
		to := n
		if k+1 < len(toks) {
			to = toks[k+1].start
		}
		gap := text[from:to]
		if (gap == "'" || gap == "’" || gap == "`") && k+1 < len(toks) && toks[k+1].low == "s" {
			toks[k].poss = true
			// The "s" after the apostrophe is a token of its own; drop it below.
		} else if (strings.HasPrefix(gap, "'") || strings.HasPrefix(gap, "’")) && strings.HasSuffix(toks[k].low, "s") {
			toks[k].poss = true
		}
		if gap == " " {
			continue // the common case: no punctuation, no line break, no possessive
		}
		if strings.ContainsAny(gap, ".,;:?!()[]{}\"“”‘’'|•\n") {
			toks[k].breakAfter = true
		}
		if strings.Contains(gap, "\n") {
			toks[k].newline = true
		}
	}
	// Remove the "s" tokens of possessives.
	out := toks[:0]
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if k > 0 && toks[k-1].poss && t.low == "s" && t.start-toks[k-1].end <= 3 {
			// inherit the punctuation flags of the dropped token
			out[len(out)-1].breakAfter = t.breakAfter
			out[len(out)-1].newline = t.newline
			continue
		}
		out = append(out, t)
	}
	return out
}

// initialismSoFar reports whether s looks like the start of an initialism:
// single letters separated by dots ("U", "U.N", "U.S.A").
func initialismSoFar(s string) bool {
	for s != "" {
		p, rest, _ := strings.Cut(s, ".")
		s = rest
		if p == "" {
			continue
		}
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(p)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// capitalised reports whether s starts with an upper-case letter.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// allCaps reports whether s has at least one letter and no lower-case letter.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 0
}

// isLowerWord reports whether s starts with a lower-case letter.
func isLowerWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// caseOf reports whether s has an upper-case ASCII letter and whether it is
// all ASCII.
func caseOf(s string) (upper, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return upper, false
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	return upper, true
}
