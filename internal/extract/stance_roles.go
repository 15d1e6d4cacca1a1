package extract

import (
	"slices"
	"strings"
)

// Who does what to whom: the words of a question and of a claim are
// matched as bags, so "The ministry funds the school" would state "The
// school funds the ministry". A simple clause gives each word before its
// verb and after it a role: the doer (the subject of an active verb, the
// "by" phrase of a passive) or what is done to it (the object of an active
// verb, the subject of a passive). A claim that gives the question's doer
// the other role, and the question's other party the doer's, says the
// converse with the same words: those words are not met (match). Passive
// for active keeps the roles ("The school is funded by the ministry"); a
// word after another preposition ("to", "from", "of") has none, so a
// converse verb ("receives money from the ministry") turns nothing round.

// roleDoer and roleDone are a term's roles (term.role); roleVerb marks
// the verb they are roles of.
const (
	roleDoer = 1
	roleDone = -1
	roleVerb = 2
)

// roleEnds are the prepositions that end a verb's object: what follows is
// neither its doer nor what it is done to ("by" after a passive is its doer).
var roleEnds = wordSet(`of for in on at to from with by into onto about over under among amongst between against
	across through within via per as during after before since until than towards toward upon without`)

// markRoles gives the terms of each clause of toks their role against the
// clause's first verb (term.role): the terms before it are its subject,
// those after it up to a preposition its object; with a passive verb the
// subject is what is done to it and a "by" phrase its doer. A clause with
// no verb after its first word, or no term before the verb, gives none.
func (s *Stancer) markRoles(toks []token, ts []term) {
	for lo := 0; lo < len(ts); {
		hi := lo
		for hi < len(ts) && ts[hi].clause == ts[lo].clause {
			hi++
		}
		from, to := 0, 0
		for _, t := range ts[:lo] {
			from = max(from, t.tok+1)
		}
		for _, t := range ts[lo:hi] {
			to = max(to, t.tok)
		}
		s.clauseRoles(toks, ts[lo:hi], from, to)
		lo = hi
	}
}

// clauseRoles marks the roles of the terms ts of one clause, whose tokens
// run from toks[from] to toks[to].
func (s *Stancer) clauseRoles(toks []token, ts []term, from, to int) {
	v := -1
	for i := from + 1; i <= to && i < len(toks); i++ {
		w := toks[i].lower
		if toks[i].punct != 0 || clauseBreaks[w] {
			return
		}
		if finiteWords[w] || s.verbAt(w) || s.participle(w) || (len(w) > 2 && !propStop[w] && s.lex.Irregular(w) && s.lex.Verb(w)) ||
			(strings.HasSuffix(w, "s") && i+1 < len(toks) && determiners[toks[i+1].lower] && !propStop[toks[i-1].lower] && s.lex.Verb(w)) {
			v = i
			break
		}
	}
	if v < 0 || !slices.ContainsFunc(ts, func(t term) bool { return t.tok < v }) {
		return
	}
	// the verb's own token: a participle after its auxiliaries ("was
	// funded", "has been funded") says whether it is a passive
	verb, passive := v, false
	for i := v; i <= v+3 && i <= to && i < len(toks); i++ {
		w := toks[i].lower
		if toks[i].punct != 0 {
			break
		}
		if !finiteWords[w] && !passiveVerbs[w] && w != "not" && w != "never" {
			verb = i
			passive = passiveAt(toks, i) && s.participle(w)
			break
		}
	}
	subject, object := int8(roleDoer), int8(roleDone)
	if passive {
		subject, object = roleDone, 0
	}
	for k := range ts {
		switch t := &ts[k]; {
		case t.tok < v:
			t.role = subject
		case t.tok == verb:
			t.role = roleVerb
		case t.tok > verb && t.tok <= to && t.tok < len(toks):
			// the verb's object up to a preposition, a passive's doer
			// after "by"
			t.role = object
			for i := t.tok - 1; i > verb; i-- {
				if w := toks[i].lower; roleEnds[w] {
					t.role = 0
					if passive && w == "by" {
						t.role = roleDoer
					}
					break
				}
			}
		}
	}
}

// swappedRoles reports which of q's terms a claim meets in the other role
// (q[i] met by c[at[i]], at[i] < 0: not met): only when the claim's verb
// meets the question's and the claim gives the question's doer what is
// done and something the question has done the doer's role, in that
// clause (roles are of a verb: "The reform was driven by the needs of
// patients" does not turn round "The reform served the needs of patients") ("States help the agency keep migrants away"
// of "The agency helps states keep migrants away": "migrants" keeps its
// role and is met). Nil when nothing is swapped.
func swappedRoles(q, c []term, at []int) []bool {
	clause := -1
	for i, k := range at {
		if k >= 0 && q[i].role == roleVerb && c[k].role == roleVerb {
			clause = c[k].clause
			break
		}
	}
	if clause < 0 {
		return nil
	}
	var doer, done bool
	for i, k := range at {
		if k < 0 || q[i].role == 0 || q[i].role == roleVerb || c[k].role != -q[i].role {
			continue
		}
		if c[k].clause != clause {
			return nil
		}
		if q[i].role == roleDoer {
			doer = true
		} else {
			done = true
		}
	}
	if !doer || !done {
		return nil
	}
	out := make([]bool, len(q))
	for i, k := range at {
		out[i] = k >= 0 && q[i].role != 0 && q[i].role != roleVerb && c[k].role == -q[i].role
	}
	return out
}
