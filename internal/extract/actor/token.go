package actor

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/swar"
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
	// the lower case of capitalised ASCII words, in the order of their
	// tokens: scratch, on the stack for a short text (a name, a sentence).
	// Such a token keeps low "" until the arena is cut into strings below.
	var arenaArr [256]byte
	arena := arenaArr[:0]
	// The token before the one being read, which may have been dropped
	// (the "s" of a possessive): where it ends, whether it is followed by a
	// possessive and whether it was kept. Its punctuation flags go to the
	// last kept token, toks[len(toks)-1], which is the token itself when
	// it was kept and the token it was dropped after when it was not.
	prevEnd, prevPoss, prevKept := 0, false, false
	prevLowS := false // the previous token's lower case ends in "s"
	first := true
	i := 0
	n := len(text)
	for {
		// find the next token: [start, end), or none (start == n)
		start, end := n, n
		amp, upper, ascii, dot := false, false, true, false
		for i < n {
			r, size := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if r == '&' {
				start, end, amp = i, i+1, true
				i += size
				break
			}
			if !lexicon.IsWordRune(r) {
				i += size
				continue
			}
			start = i
			if size > 1 {
				ascii = false
			} else if 'A' <= r && r <= 'Z' {
				upper = true
			}
			i += size
			for i < n {
				// eight ASCII bytes at a time while they are letters or
				// digits: the word runs on over them, noting a capital
				if i+8 <= n {
					if x := swar.Load(text, i); x&swar.Hi == 0 {
						word := swar.In(x|0x2020202020202020, 'a', 'z') | swar.In(x, '0', '9')
						caps := swar.In(x, 'A', 'Z')
						k := 8
						if word != swar.Hi {
							k = bits.TrailingZeros64(^word&swar.Hi) >> 3 // the first other byte
							caps &= 1<<(8*k) - 1
						}
						upper = upper || caps != 0
						if i += k; k == 8 {
							continue
						}
					}
				}
				c := text[i]
				r, size = rune(c), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(text[i:])
				}
				if lexicon.IsWordRune(r) {
					if size > 1 {
						ascii = false
					} else if 'A' <= c && c <= 'Z' {
						upper = true
					}
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
						if r == '.' {
							dot = true
						} else if size > 1 {
							ascii = false
						}
						i += size
						continue
					}
				}
				break
			}
			end = i
			// Initialisms keep their final dot: "U.N." but not "migrants.".
			if dot && i < n && text[i] == '.' && initialismSoFar(text[start:end]) {
				end = i + 1
				i = end
			}
			break
		}
		isS := end-start == 1 && (text[start] == 's' || text[start] == 'S')
		// The gap after the previous token decides whether it is followed
		// by a possessive and which punctuation follows it.
		if !first {
			gap := text[prevEnd:start]
			poss := false
			if (gap == "'" || gap == "’" || gap == "`") && start < n && isS {
				poss = true
			} else if (strings.HasPrefix(gap, "'") || strings.HasPrefix(gap, "’")) && prevLowS {
				poss = true
			}
			if prevKept {
				toks[len(toks)-1].poss = poss
			}
			last := &toks[len(toks)-1]
			if gap == " " {
				last.breakAfter, last.newline = false, false
			} else {
				last.breakAfter = strings.ContainsAny(gap, ".,;:?!()[]{}\"“”‘’'|•\n")
				last.newline = strings.IndexByte(gap, '\n') >= 0
			}
			prevPoss = poss
		}
		if start == n {
			break
		}
		// The "s" of a possessive is dropped: "the agency's".
		kept := first || !(prevPoss && isS && start-prevEnd <= 3)
		if kept {
			t := token{start: start, end: end, text: text[start:end]}
			switch {
			case amp:
				t.low = "and"
			case !ascii:
				t.low = strings.ToLower(t.text)
			case upper:
				// lowered into one arena, cut into strings below: one
				// allocation a text, not one a capitalised word
				for k := start; k < end; k++ {
					c := text[k]
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
		prevEnd, prevKept, first = end, kept, false
		prevLowS = !amp && (text[end-1] == 's' || text[end-1] == 'S')
	}
	if len(arena) > 0 {
		all := string(arena)
		at := 0
		for k := range toks {
			if toks[k].low == "" {
				w := len(toks[k].text)
				toks[k].low = all[at : at+w]
				at += w
			}
		}
	}
	return toks
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
