package extract

import (
	"strconv"
	"strings"
)

// A figure a text gives with a bound or an approximation ("more than 170
// member states", "nearly 375 million euros", "fewer than 50 staff") says
// a range, not the figure: "173 member states" states "more than 170", and
// "close to 375 million" and "nearly 375 million" say the same. The bound
// words are the quantity's, not a negation ("more than a tool" denies
// being only a tool; "more than 170" denies nothing). A figure term's lemma
// carries its bound as a first character (boundAbove ...); a plain figure
// has none.

const (
	boundAbove  = '>' // more than, over, above, at least
	boundBelow  = '<' // fewer than, less than, under, below, at most, up to
	boundAbout  = '~' // nearly, almost, about, around, roughly, close to
	aboutMargin = 0.1 // the share of a figure an approximation may miss it by
)

// quantityBounds are the words that bound or approximate a figure right
// after them, by their number of words: the closed class of English
// quantity modifiers.
var quantityBounds = []map[string]byte{
	1: {"over": boundAbove, "above": boundAbove, "under": boundBelow, "below": boundBelow,
		"nearly": boundAbout, "almost": boundAbout, "about": boundAbout, "around": boundAbout, "roughly": boundAbout,
		"approximately": boundAbout, "some": boundAbout, "circa": boundAbout},
	2: {"more than": boundAbove, "at least": boundAbove, "upwards of": boundAbove, "fewer than": boundBelow,
		"less than": boundBelow, "at most": boundBelow, "up to": boundBelow, "close to": boundAbout,
		"just under": boundAbout, "just over": boundAbout},
	// ("no more than 30" is the negation of "more than 30", which is what
	// it says: the clause reads "no" as its negation first)
	3: {"in excess of": boundAbove},
}

// quantityBound returns the bound the words from toks[i] put on the figure
// right after them, and how many words they are; 0, 0 when toks[i] opens
// no bound of a figure.
func quantityBound(toks []token, i int) (byte, int) {
	if toks[i].punct != 0 {
		return 0, 0
	}
	for n := len(quantityBounds) - 1; n >= 1; n-- {
		// the figure first (rare), then the words before it
		if i+n >= len(toks) {
			continue
		}
		if w := toks[i+n].lower; !hasDigit(w) || len(w) == 4 || number(w) == "" {
			continue
		}
		var key strings.Builder
		for k := range n {
			if toks[i+k].punct != 0 {
				key.Reset()
				break
			}
			if k > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(toks[i+k].lower)
		}
		if b, ok := quantityBounds[n][key.String()]; ok && key.Len() > 0 {
			return b, n
		}
	}
	return 0, 0
}

// figureMeets reports whether a claim's figure term c states a question's
// figure term q, either with a bound: the claim's figure (or, when it is
// itself bounded, its range) lies within the question's range.
func figureMeets(q, c string) bool {
	qb, qv, ok1 := figure(q)
	cb, cv, ok2 := figure(c)
	if !ok1 || !ok2 || (qb == 0 && cb == 0) {
		return false // plain figures meet only by the same lemma
	}
	near := func(a, b float64) bool { return a >= b*(1-aboutMargin) && a <= b*(1+aboutMargin) }
	switch qb {
	case boundAbove:
		return (cb == 0 || cb == boundAbove || cb == boundAbout) && cv > qv || cb == boundAbove && cv == qv
	case boundBelow:
		return (cb == 0 || cb == boundBelow || cb == boundAbout) && cv < qv || cb == boundBelow && cv == qv
	case boundAbout:
		return cb != boundAbove && cb != boundBelow && near(cv, qv)
	default: // a plain figure, said by the claim approximately
		return cb == boundAbout && near(qv, cv)
	}
}

// figure splits a figure term's lemma into its bound (or 0) and value.
func figure(lemma string) (byte, float64, bool) {
	if lemma == "" {
		return 0, 0, false
	}
	var b byte
	if c := lemma[0]; c == boundAbove || c == boundBelow || c == boundAbout {
		b, lemma = c, lemma[1:]
	}
	if lemma == "" || lemma[0] < '0' || lemma[0] > '9' {
		return 0, 0, false // a name, not a figure (and no error to allocate)
	}
	v, err := strconv.ParseFloat(lemma, 64)
	return b, v, err == nil
}

// isFigure reports whether t is a figure (with or without a bound): a
// question's figure is its point, so a claim that does not say it, or says
// another, does not state the question.
func isFigure(t term) bool {
	if !t.acr {
		return false
	}
	_, _, ok := figure(t.lemma)
	return ok
}

// multipliers scale the figure before them.
var multipliers = wordSet(`hundred hundreds thousand thousands million millions billion billions trillion trillions`)

// scaleAfter returns the multiplier right after the figure ts[k] ("" for
// none) and the index of the term the figure counts (len(ts) for none).
func scaleAfter(ts []term, k int) (string, int) {
	if k+1 < len(ts) && ts[k+1].clause == ts[k].clause && multipliers[ts[k+1].lemma] {
		return strings.TrimSuffix(ts[k+1].lemma, "s"), k + 2
	}
	return "", k + 1
}

// sameScale reports whether the figures q[i] and c[k] have the same
// multiplier after them, or none ("375 million" and "nearly 375 million",
// not "375 thousand").
func sameScale(q []term, i int, c []term, k int) bool {
	a, _ := scaleAfter(q, i)
	b, _ := scaleAfter(c, k)
	return a == b
}

// vagueCounts are the words of an indefinite number with a lower bound: a
// claim's count at or above it states them ("renamed four times" states
// "changed its name several times"). The converse does not hold: "several
// times" does not say four.
var vagueCounts = map[string]int{"several": 3, "multiple": 2}

// cardinals are the number words a count is said with (a figure of two
// digits or more is a figure term: figure).
var cardinals = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000}

// countMeets reports whether a claim's term c is a count that states the
// question's vague count q ("four" of "several"): a number word or a
// figure.
func countMeets(q string, c term) bool {
	least, ok := vagueCounts[q]
	if !ok {
		return false
	}
	if isFigure(c) {
		b, v, _ := figure(c.lemma)
		return b != boundBelow && v >= float64(least)
	}
	return cardinals[c.lemma] >= least
}
