package extract

import (
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// The predicate. A question's coverage sums its words, so a claim that says
// every word of its subject and object and another verb ("The night bus
// avoids the old town" of "The night bus serves the old town") covers most
// of it. The question's predicate (its predicate adjective or noun, else
// the head of what its copula says, else its main verb: markMain) and a
// claim's own (its main verb, or what its copula says) are marked; when a
// claim window that reaches the threshold does not meet the question's
// predicate at all (not in full, by a near or broader word, nor by word
// vectors) but has a predicate of its own, judgeWindow reads the two
// predicates against each other (predicateClash): the claim's turns the
// question round when it is its opposite (WordNet, or rated of the other
// value: lexicon.Valence), and it does not state a question whose
// predicate a copula says ("The late buses are unfair to night workers" is
// not stated by "The late buses are free for night workers"). A claim
// with another verb than the question's main verb still states it: verbs
// are paraphrased in more ways than WordNet and word vectors tie (leaving
// such windows out lost eight answers of the tuning sets, all right).

// mainVerb returns the index in toks of a clause's main verb: the first
// word after the subject that is a finite auxiliary or copula, or a verb
// WordNet knows in an inflected form ("-s", "-ed", an irregular past) or a
// bare form after a plural noun ("the rules apply"). A word after a
// determiner or a preposition is a noun, and a form in -s before a
// negation, an auxiliary or a word that is only a verb is the plural head
// of the subject ("the rules are", "the crews never rest"). -1 when there
// is none before a clause break.
func (s *Stancer) mainVerb(toks []token) int {
	for i := 1; i < len(toks); i++ {
		w := toks[i].lower
		if toks[i].punct != 0 || clauseBreaks[w] {
			return -1
		}
		if finiteWords[w] {
			return i
		}
		prev := toks[i-1].lower
		if toks[i-1].punct != 0 || determiners[prev] || roleEnds[prev] || len(w) < 3 || !s.isVerb(w) {
			continue
		}
		next := ""
		if i+1 < len(toks) && toks[i+1].punct == 0 {
			next = toks[i+1].lower
		}
		if strings.HasSuffix(w, "s") && next != "" && (finiteWords[next] || negWords[next] ||
			!strings.HasSuffix(next, "s") && !determiners[next] && s.isVerb(next) && !s.isNoun(next)) {
			continue
		}
		if strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || s.lex.Irregular(w) {
			return i
		}
		if strings.HasSuffix(prev, "s") && !strings.HasSuffix(prev, "ss") && s.isNoun(prev) {
			return i
		}
	}
	return -1
}

// markMain marks the predicate of a clause (term.main): a question's
// predicate adjective or nominal head where markPredicate found one; else,
// after a copula, the first word that is not a manner word (term.copular
// too: "unfair" of "the rules are unfair to tenants"); else the main verb
// (mainVerb). After another auxiliary ("does", "has") nothing is marked:
// what follows may be a light verb's object.
func (s *Stancer) markMain(toks []token, ts []term) {
	for k := range ts {
		if ts[k].pred || ts[k].adjPred {
			ts[k].main = true
			return
		}
	}
	v := s.mainVerb(toks)
	if v < 0 {
		return
	}
	if w := toks[v].lower; finiteWords[w] {
		if !copulas[w] {
			return
		}
		for k := range ts {
			if ts[k].tok > v && !ts[k].adverb && !ts[k].acr {
				ts[k].main, ts[k].copular = true, true
				return
			}
		}
		return
	}
	for k := range ts {
		if ts[k].tok == v {
			ts[k].main = true
			return
		}
	}
}

// minValence is how far from 0 two predicates' valence must lie for their
// opposite signs to make them opposites (lexicon.Valence).
const minValence = 1.0

// predicateClash reads the claim window win against the question qt, of
// which it meets the words hits, when it leaves the question's predicate
// out entirely and has a predicate of its own that is no word of the
// question: opposed, that predicate is its opposite (WordNet's opposite,
// or valence of the other sign, each turned round under a negation);
// other, the question's predicate is what a copula says, which the claim
// says otherwise. Neither when the question has no such predicate (a
// predicate adjective or noun the checks of judgeWindow already require).
func (s *Stancer) predicateClash(qt []term, hits []bool, win []term) (opposed, other bool) {
	m := -1
	for i, t := range qt {
		if t.main && !hits[i] && !t.pred && !t.adjPred {
			m = i
			break
		}
	}
	if m < 0 {
		return false, false
	}
	c := -1
	for k, ct := range win {
		if ct.main && !ct.acr && !slices.ContainsFunc(qt, func(q term) bool { return q.lemma == ct.lemma }) {
			c = k
			break
		}
	}
	if c < 0 {
		return false, false
	}
	if c1, _, _, _, _ := match(qt[m:m+1], win, nil); c1 > 0 {
		return false, false // a near word, a broader one or vectors meet it
	}
	q, ct := qt[m], win[c]
	qv, cv := lexicon.Valence(q.lemma), lexicon.Valence(ct.lemma)
	if q.neg {
		qv = -qv
	}
	if ct.neg {
		cv = -cv
	}
	opposed = opposite(q, ct) || math.Abs(qv) >= minValence && math.Abs(cv) >= minValence && qv*cv < 0
	return opposed, !opposed && q.copular
}
