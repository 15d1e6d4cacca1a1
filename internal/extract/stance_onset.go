package extract

import "slices"

// A question that says something held from the start ("The ferry company
// backed the plan from the start", "originally", "from its founding") is
// denied by a claim that says it came about later ("only came to back the
// plan later", "over time", "gradually", "eventually"): the claim must say
// every other word of the question, with the same polarity.

// onsetWords are the words after "from (the / its)" that name a start.
var onsetWords = wordSet(`start outset beginning first founding creation inception onset`)

// onsetAdverbs say by themselves that something held from the start.
var onsetAdverbs = wordSet(`originally initially always`)

// laterWords say that something came about after a start.
var laterWords = wordSet(`later gradually eventually subsequently`)

// markOnset marks the terms of a question's phrase of a start
// (term.onset) and reports whether it has one.
func markOnset(toks []token, qt []term) bool {
	at := map[int]bool{}
	for i, t := range toks {
		if onsetAdverbs[t.lower] {
			at[i] = true
			continue
		}
		if t.lower != "from" {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].lower == "the" || determiners[toks[j].lower]) {
			j++
		}
		if j < len(toks) && onsetWords[toks[j].lower] {
			at[i], at[j] = true, true
		}
	}
	if len(at) == 0 {
		return false
	}
	for k := range qt {
		if at[qt[k].tok] {
			qt[k].onset = true
		}
	}
	return true
}

// markLater marks the terms of each clause of a claim that says something
// came about later (term.later): a word of later time, or "over time" / "in
// time", "came to" / "began to" before a verb.
func markLater(toks []token, ts []term) []term {
	for i, t := range toks {
		w := t.lower
		ok := laterWords[w] || w == "time" && i > 0 && (toks[i-1].lower == "over" || toks[i-1].lower == "in") ||
			(w == "came" || w == "began") && i+1 < len(toks) && toks[i+1].lower == "to"
		if !ok {
			continue
		}
		markClauseOf(ts, i, false, func(t *term) { t.later = true })
	}
	return ts
}

// onsetDenial returns the best coverage of a question that says something
// held from the start, without its words of the start, over the windows of
// the claim that say it came about later, do not say the start, and say
// every other word of the question with the same polarity, and that
// window's asserter.
func onsetDenial(qt []term, w []float64, c analysis) (float64, string) {
	if !slices.ContainsFunc(qt, func(t term) bool { return t.onset }) {
		return 0, ""
	}
	var rest, start []term
	var restW []float64
	for i, t := range qt {
		if t.onset {
			start = append(start, t)
			continue
		}
		rest = append(rest, t)
		if w != nil {
			restW = append(restW, w[i])
		}
	}
	return restSaid(c, rest, restW, func(win []term) bool {
		if !slices.ContainsFunc(win, func(t term) bool { return t.later }) {
			return false
		}
		co, _, _, _, _ := match(start, win, nil)
		return co == 0 // else it says the start too
	})
}
