package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/argmap/argmap/internal/argmap"
)

// A claim whose subject points back to something an earlier sentence named
// ("IOM was founded in 1951. The organisation now acts for the states that
// fund it.") states its proposition of that thing, but its own words do not
// name it: judged alone it covers less of a question about IOM than it
// says. The extraction records what such a subject stands for in the
// claim's gist (claimGist, referent); an answer reads the claim with its
// subject replaced by that referent.

// referringWords open a subject that stands for something named before:
// personal and demonstrative pronouns, the possessives of the former, and
// quantifiers standing alone for a part of a plural ("most are").
var referringWords = wordSet(`it they he she this that these those its their his her most many some all few several half both none`)

// referringDeterminers make a common noun after them a description of
// something named before ("the organisation", "this agency").
var referringDeterminers = wordSet(`the this that these those its their`)

// JudgeAllInContext implements argmap.ContextJudge: JudgeAll, with each text
// whose subject points back (a pronoun, or a determiner and a common noun)
// read with that subject replaced by what its gist names in its place. A
// text whose gist names nothing else there is judged as written.
func (s *Stancer) JudgeAllInContext(question string, texts, gists []string) []argmap.Judgement {
	return s.JudgeAll(question, s.readInContext(texts, gists))
}

// JudgeSources implements argmap.SourceJudge: JudgeAllInContext, with the
// learned judge reading each candidate with the others of its source
// (sources[i] names the source of texts[i]).
func (s *Stancer) JudgeSources(question string, texts, gists, sources []string) []argmap.Judgement {
	return s.judgeAll(question, s.readInContext(texts, gists), sources)
}

// readInContext returns texts with each one whose subject points back read
// as its gist names that subject (texts itself when none does).
func (s *Stancer) readInContext(texts, gists []string) []string {
	read := texts
	for k := range texts {
		if k >= len(gists) {
			break
		}
		r, ok := s.inContext(texts[k], gists[k])
		if !ok || echoes(texts[k]) {
			// (an echo's subject stands for a proposition, not for
			// something its gist may name in its place)
			continue
		}
		if &read[0] == &texts[0] {
			read = append([]string(nil), texts...)
		}
		read[k] = r
	}
	return read
}

// inContext returns text with its referring subject replaced by the
// referent gist puts in its place, and whether it had one.
func (s *Stancer) inContext(text, gist string) (string, bool) {
	if gist == "" || gist == text {
		return "", false
	}
	if r, ok := s.subjectInContext(text, gist); ok {
		return r, true
	}
	return describedInside(text, gist)
}

// describedInside returns text with a description after its first word
// that points back ("described those centres as ...") replaced by what
// gist puts in its place ("described detention centres as ..."), when gist
// is text with only that description changed (objectReferent).
func describedInside(text, gist string) (string, bool) {
	if !pointsBackInside(text) {
		return "", false
	}
	tf, gf := strings.Fields(text), strings.Fields(gist)
	norm := func(w string) string { return strings.ToLower(strings.Trim(w, ",;:.!?…\"“”")) }
	p := 0
	for p < len(tf) && p < len(gf) && norm(tf[p]) == norm(gf[p]) {
		p++
	}
	q := 0
	for q < len(tf)-p && q < len(gf)-p && norm(tf[len(tf)-1-q]) == norm(gf[len(gf)-1-q]) {
		q++
	}
	mid, with := tf[p:len(tf)-q], gf[p:len(gf)-q]
	// (the head noun after the demonstrative is the same in both)
	if p == 0 || q == 0 || len(mid) != 1 || !objectDemonstratives[strings.ToLower(mid[0])] || len(with) == 0 || len(with) > maxReferentWords {
		return "", false
	}
	return strings.Join(slices.Concat(tf[:p], with, tf[len(tf)-q:]), " "), true
}

// subjectInContext is inContext for a subject that points back.
func (s *Stancer) subjectInContext(text, gist string) (string, bool) {
	a := subjectStart(text)
	fs := fieldsN(text[a:], 6)
	if len(fs) < 2 {
		return "", false
	}
	w0 := strings.ToLower(strings.TrimRight(fs[0], ","))
	if !referringWords[w0] && !referringDeterminers[w0] {
		// "Far from being passive recipients, they take part": the
		// subject after a clause set before the main one
		k := strings.Index(clip(text[a:], 160), ", ")
		if k < 0 {
			return "", false
		}
		a += k + 2
		if fs = fieldsN(text[a:], 6); len(fs) < 2 {
			return "", false
		}
		if w0 = strings.ToLower(fs[0]); !barePronouns[w0] {
			return "", false
		}
	}
	// the longer reading first: "this agency" before "this"
	var spans []int
	if referringDeterminers[w0] && s.commonNoun(fs[1]) {
		spans = append(spans, 2)
	}
	if referringWords[w0] {
		spans = append(spans, 1)
	}
	gf := strings.Fields(gist)
	for _, n := range spans {
		if n >= len(fs) {
			continue
		}
		ref := referentIn(gf, fs[:n], fs[n:min(len(fs), n+3)])
		if ref == "" {
			continue
		}
		// the end of the n-th field of text[a:]
		b := a
		for i := 0; i < n; i++ {
			b += strings.Index(text[b:], fs[i]) + len(fs[i])
		}
		if w0 == "its" || w0 == "their" {
			if !strings.HasSuffix(ref, "'s") && !strings.HasSuffix(ref, "’s") {
				continue // the gist does not read it as a possessive
			}
		}
		return text[:a] + ref + text[b:], true
	}
	return "", false
}

// opensReferring reports whether text's main clause opens with a word
// that may point back (referringWords), or a determiner and a noun that
// describes may stand for something named before ("the organisation"):
// the cheap test before a unit's referent is looked for.
func opensReferring(text string, describes func(w string) bool) bool {
	a := subjectStart(text)
	fs := fieldsN(text[a:], 6)
	if len(fs) == 0 {
		return false
	}
	k := 0
	if leadClause[strings.ToLower(fs[0])] {
		// "In 2019, these figures rose ...": after the leading clause
		for k < len(fs)-1 && !strings.HasSuffix(fs[k], ",") {
			k++
		}
		if !strings.HasSuffix(fs[k], ",") {
			k = -1
		}
		k++
	}
	if k >= len(fs) {
		return false
	}
	w := strings.ToLower(strings.TrimRight(fs[k], ",;:"))
	if referringWords[w] {
		return true
	}
	return referringDeterminers[w] && k+1 < len(fs) && describes(strings.ToLower(strings.TrimRight(fs[k+1], ",;:")))
}

// subjectStart returns where text's main clause starts: after opening
// quotes and discourse markers ("Finally, it calls ...").
func subjectStart(text string) int {
	a := len(text) - len(strings.TrimLeft(text, " \t\n\"“‘'("))
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(clip(text[a:], 40))
		for _, dm := range discourseMarkers {
			if len(low) > len(dm) && strings.HasPrefix(low, dm) && (low[len(dm)] == ',' || low[len(dm)] == ' ') {
				a += len(dm)
				a += len(text[a:]) - len(strings.TrimLeft(text[a:], ", "))
				changed = true
				break
			}
		}
	}
	return a
}

// commonNoun reports whether w is a lower-case word the lexicon knows as a
// noun: "organisation", not "IOM" or "new".
func (s *Stancer) commonNoun(w string) bool {
	w = strings.TrimRight(w, ",;:")
	if w == "" || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLower(r) && r != '-' }) >= 0 {
		return false
	}
	return s.lex.Noun(w)
}

// referentIn returns the words gist (its fields gf) puts where expr stands
// in the text, found as the words before cont (the words after expr in the
// text) in the gist, or "" when the gist has expr itself there or does not
// have cont.
func referentIn(gf, expr, cont []string) string {
	norm := func(w string) string { return strings.ToLower(strings.Trim(w, ",;:.!?…\"“”")) }
	for len(cont) > 0 && norm(cont[len(cont)-1]) == "" {
		cont = cont[:len(cont)-1]
	}
	if len(cont) == 0 {
		return ""
	}
	for i := 1; i+len(cont) <= len(gf); i++ {
		same := true
		for k, c := range cont {
			if norm(gf[i+k]) != norm(c) {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		if i == len(expr) {
			differs := false
			for k := range expr {
				if norm(gf[k]) != norm(expr[k]) {
					differs = true
				}
			}
			if !differs {
				return "" // the gist kept the subject as written
			}
		}
		if i > maxReferentWords+2 {
			return ""
		}
		return strings.Join(gf[:i], " ")
	}
	return ""
}

// A sentence whose subject stands for what the sentence before it said
// ("The same is true of the night shift.", "This also holds for the
// pilots.") says that proposition of another case: its own words name only
// that case. Judged alone it shares the question's words without saying
// what the question says of them, or their opposite; its predecessor says
// that, and is judged for it.

// echoSubjects are the subjects that stand for a proposition said before.
var echoSubjects = wordSet(`same this that`)

// echoFillers are the words that may stand between an echo's subject, its
// copula and its predicate: adverbs of addition and degree, modals, the
// copula's and do's forms, and negations ("The same does not hold for X"
// says that what was said is not so of X: no more a stance of its own).
var echoFillers = wordSet(`also equally likewise too even more much no less especially particularly arguably certainly
	clearly largely partly often all can could may might must should will would is was are were be been being remains
	remained seems seemed appears appeared does do did not never hardly scarcely cannot isn't wasn't aren't weren't
	doesn't don't didn't can't`)

// echoPredicates are the predicates of truth or validity that an echo
// says of its subject: it is the case, it holds, it applies.
var echoPredicates = wordSet(`true case so valid hold holds held apply applies applied go goes went said`)

// echoes reports whether text is an echo: after its discourse markers, a
// subject that stands for a proposition ("the same", with or without a
// noun after it, "this", "that"), then, past adverbs, modals and a copula,
// a predicate of truth or validity ("is true", "is the case", "holds",
// "applies", "can be said") that opens no clause of its own ("This is
// true that ..." does not occur; "that is the case when" does).
func echoes(text string) bool {
	fs := fieldsN(text[subjectStart(text):], 12)
	norm := func(i int) string {
		if i >= len(fs) {
			return ""
		}
		return strings.ToLower(strings.Trim(fs[i], ",;:.!?…\"“”‘’'()"))
	}
	i := 0
	switch w := norm(0); {
	case w == "the" && norm(1) == "same":
		i = 2
		if w := norm(i); w != "" && !echoFillers[w] && !echoPredicates[w] {
			i++ // "the same argument holds"
		}
	case echoSubjects[w] && w != "same":
		i = 1
	default:
		return false
	}
	if strings.HasSuffix(fs[i-1], ",") {
		return false // "This, however, ..." and its like: a subject after an aside
	}
	for echoFillers[norm(i)] {
		i++
	}
	if norm(i) == "the" && norm(i+1) == "case" {
		i++
	}
	if !echoPredicates[norm(i)] {
		return false
	}
	if norm(i) == "said" && norm(i-1) != "be" && norm(i-1) != "been" {
		return false // "this said, ...", "that said": no echo
	}
	// the case it is said of follows, or nothing: "this holds for the
	// pilots", "the same is true, too", not "this holds the key", "this
	// is so costly" or "it is true that ..."
	return i+1 >= len(fs) || strings.HasSuffix(fs[i], ",") || strings.HasSuffix(fs[i], ".") || echoAfter[norm(i+1)]
}

// echoAfter are the words that may follow an echo's predicate: the
// preposition that names the other case, an adverb of addition or place,
// or a clause word of reason or time.
var echoAfter = wordSet(`for to in of with at among across about within under true also equally too here there
	because when where since whenever wherever`)
