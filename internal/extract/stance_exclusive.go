package extract

import (
	"slices"

	"github.com/argmap/argmap/internal/argmap"
)

// Exclusive questions: "only X does P", "X is the only N that does P", "X
// alone does P" say that nothing besides X does P. A claim that some other
// does P as well ("Other bodies also license moorings", "The council
// licenses moorings too") denies it, though it never says X: the question's
// words outside what "only" restricts are its own, and an additive word
// (also, too, other, another ...) says there is more than X. A claim that
// says X itself with an additive word ("X also does P") is left as it is
// read: it may add P to what X does, not X to who does P.

// exclusives are the words that restrict what they bear on to itself.
var exclusives = wordSet(`only sole solely exclusively alone`)

// additives are the words that add to something said or known besides:
// what their clause says holds of more than one.
var additives = wordSet(`also too other others another besides likewise similarly`)

// markExclusive marks the terms of a question that an exclusive word
// restricts (term.excl): the subject of "X is the only / sole N", the phrase
// after "only" or "solely" when no verb follows it ("only the harbour
// board", "solely by member states"), the subject before "alone" when a
// verb follows it. "not only", "only a few" (a quantity), "only if / for
// / when / where" (a condition: markOnly) and an "only" before a verb (it
// restricts what is done, not who does it) restrict nothing here.
func (s *Stancer) markExclusive(toks []token, qt []term) {
	for i, t := range toks {
		if !exclusives[t.lower] || i > 0 && (negWords[toks[i-1].lower] || toks[i-1].lower == "just") {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		from, to := -1, -1
		switch {
		case t.lower == "alone":
			if i > 0 && next != "" && s.verbForm(next) {
				from, to = 0, i
			}
		case i >= 2 && determiners[toks[i-1].lower] && (copulas[toks[i-2].lower] || toks[i-2].lower == "remains" || toks[i-2].lower == "remained"):
			// "X is the only body that ...": X
			from, to = 0, i-2
		case t.lower == "only" && (next == "a" || next == "an" || next == "for" || next == "if" || next == "when" || next == "where"):
		case next != "" && toks[i+1].punct == 0 && !s.verbForm(next):
			// "only the harbour board licenses", "solely by member states"
			from, to = i+1, len(toks)
			for j := i + 2; j < len(toks); j++ {
				if toks[j].punct != 0 || clauseBreaks[toks[j].lower] || s.verbForm(toks[j].lower) {
					to = j
					break
				}
			}
		}
		if from < 0 {
			continue
		}
		n := 0
		for k := range qt {
			if qt[k].tok >= from && qt[k].tok < to && !qt[k].ante {
				n++
			}
		}
		if n == 0 || n == len(qt) {
			continue // it must leave something the restricted words do
		}
		for k := range qt {
			if qt[k].tok >= from && qt[k].tok < to {
				qt[k].excl = true
			}
		}
		return
	}
}

// verbForm reports whether w may be a finite verb as written: an
// auxiliary, a word read as a verb (verbAt), or an inflected form in -s or
// -ed of a verb WordNet knows ("licenses", "funds", though they are nouns
// too). A plural noun is taken for a verb: what follows is then read as
// the predicate, and more of the question must be said.
func (s *Stancer) verbForm(w string) bool {
	return finiteWords[w] || s.verbAt(w) || len(w) > 3 && (w[len(w)-1] == 's' || w[len(w)-2:] == "ed") && s.lex.Verb(w)
}

// markAdditive marks the terms of each clause of a claim that has an
// additive word (term.adds): "also", "other", "another", "besides",
// "likewise", "similarly", and "too" or "as well" at the end of a clause
// ("too small" is a degree). The clause is that of the first term after
// the word, or of the last before it at a clause's end.
func markAdditive(toks []token, ts []term) []term {
	for i, t := range toks {
		w := t.lower
		end := i+1 == len(toks) || toks[i+1].punct != 0
		if !additives[w] && !(w == "well" && i > 0 && toks[i-1].lower == "as" && end) {
			continue
		}
		if w == "too" && !end {
			continue
		}
		markClauseOf(ts, i, end, func(t *term) { t.adds = true })
	}
	return ts
}

// markClauseOf marks every term of the clause a word at token i belongs
// to: the clause of the first term after the word, or, when there is none
// or back is set, of the last term before it. A claim with no such term is
// left as it is. markAdditive and markLater mark with it.
func markClauseOf(ts []term, i int, back bool, mark func(*term)) {
	k := -1
	if !back {
		k = slices.IndexFunc(ts, func(x term) bool { return x.tok > i })
	}
	if k < 0 {
		for j := range ts {
			if ts[j].tok < i {
				k = j
			}
		}
	}
	if k < 0 {
		return
	}
	c := ts[k].clause
	for j := range ts {
		if ts[j].clause == c {
			mark(&ts[j])
		}
	}
}

// exclusiveDenial returns the best coverage of the question's words
// besides those its exclusive word restricts, over the windows of the claim
// that say each of them (a near word in part is not enough), add to them (an additive word), say none of the restricted words and
// agree in polarity with the question, and the asserter of that window's
// region: "Other bodies also license moorings" of "The harbour board
// is the only body that licenses moorings". It returns 0 when the
// question restricts nothing.
func (s *Stancer) exclusiveDenial(qt []term, w []float64, c analysis) (float64, string) {
	if !slices.ContainsFunc(qt, func(t term) bool { return t.excl }) {
		return 0, ""
	}
	var rest, only []term
	var restW []float64
	for i, t := range qt {
		if exclusives[t.lemma] {
			continue // "alone", "sole": the restriction itself
		}
		if t.excl {
			only = append(only, t)
			continue
		}
		rest = append(rest, t)
		if w != nil {
			restW = append(restW, w[i])
		}
	}
	// every word of what the restricted do is said: "other bodies license
	// fishing boats" adds to no one who licenses moorings
	return restSaid(c, rest, restW, func(win []term) bool {
		if !slices.ContainsFunc(win, func(t term) bool { return t.adds }) {
			return false
		}
		co, _, _, _, _ := match(only, win, nil)
		return co == 0
	})
}

// judgeAnswer is judge, and a claim that says another figure or year in
// the question's slot denies it (figureDenial), as one it finds only on
// the topic of an exclusive question does when it says that another does
// what the question restricts (exclusiveDenial).
func (s *Stancer) judgeAnswer(qt []term, w []float64, c analysis) argmap.Judgement {
	return s.judgeAnswerFrom(qt, w, c, s.judge(qt, w, c))
}

// judgeAnswerFrom is judgeAnswer given j, judge's judgement of c.
func (s *Stancer) judgeAnswerFrom(qt []term, w []float64, c analysis, j argmap.Judgement) argmap.Judgement {
	if j.Stance != argmap.StanceDenial {
		// a claim that says all else of the question and another figure
		// in its slot denies it, though its other words state it
		if cov, asserter := figureDenial(qt, w, c); cov >= s.threshold {
			return argmap.Judgement{Stance: argmap.StanceDenial, Score: cov, Asserter: asserter}
		}
		// and so does one that says it came about later than the
		// question's start (onsetDenial)
		if cov, asserter := onsetDenial(qt, w, c); cov >= s.threshold {
			return argmap.Judgement{Stance: argmap.StanceDenial, Score: cov, Asserter: asserter}
		}
	}
	if j.Stance != argmap.StanceTopic {
		return j
	}
	if cov, asserter := s.exclusiveDenial(qt, w, c); cov >= s.threshold {
		return argmap.Judgement{Stance: argmap.StanceDenial, Score: cov, Asserter: asserter}
	}
	return j
}
