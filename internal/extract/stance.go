package extract

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/argmap/argmap/internal/argmap"
	wn "github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/meta"
)

// Stance: does a claim state a question's proposition, deny it, or only
// share its topic? Both are reduced to content terms (lemmas with their
// WordNet concepts and antonyms, a long name folded to the acronym a text
// defines for it), each term carrying the negation of its clause. A claim
// answers the question when its terms cover the question's; it denies it
// when the matched terms disagree in polarity (a negation in one clause and
// not the other, or an antonym), or when the claim reports the view in
// order to reject it.

// term is a content word of a clause.
type term struct {
	lemma    string
	vec      int32 // its number in the word vectors plus one, or 0: none the judge uses (withVectors)
	concepts []wn.Concept
	antonyms []wn.Concept
	broader  []wn.Concept // hypernyms: a claim word whose broader concepts hold a question word's states it in part
	narrower []wn.Concept // narrow hyponyms
	related  []wn.Concept // similar, also-see, entailed ...: related both ways
	genus    []wn.Concept // the verbs its definitions open with: a word of the same genus is a kind of the same act
	adverb   bool         // a manner or degree word (surprisingly, genuinely): it weighs less
	hedge    bool         // an emphasiser right after a negation ("not really"): it weighs nothing
	neg      bool         // its clause is negated
	clause   int          // which clause of its region it stands in
	acr      bool         // an acronym: it meets other words only by name
	negs     int          // how many negation words its clause has
	doubt    bool         // its clause puts it in doubt ("is contested", "questioned")
	tok      int          // the index of its (last) token
	ante     bool         // it stands in the condition of a conditional question
	pred     bool         // the head of a question's nominal predicate ("instrument" of "X is an instrument of Y")
	adjPred  bool         // a question's predicate adjective ("voluntary" of "return is voluntary")
	subj     bool         // a word of the subject of a question with a predicate adjective
	endedBy  []wn.Concept // the verbs whose event ends the state it says (outside: join, enter; inside: exit, withdraw)
	stem     string       // a question word's Snowball stem when long enough to tie derivations WordNet does not (destitute, destitution)
	noun     bool         // a question word with a stem: WordNet has it as a noun (a derivation ties a noun to a word that is none)
	long     string       // a name's words (lower case): a name run's own, an acronym's long name the texts define
	contra   bool         // it stands after "rather than": the alternative its clause sets aside
	light    bool         // a question's verb before "the N of" where N names an act ("enforces the exclusion of"): it weighs as a modifier
	act      bool         // that N: a claim that does not say it, in whole or in part, does not state the question
	negHead  bool         // the first word a question's negation governs: a claim that does not say it does not deny the question by having no negation
	onlyIf   bool         // a question's word in a restriction "only for / if / when / where" opens: a condition too, so a claim's condition is kept (judge)
	counted  bool         // that word is the noun a quantifier of few counts ("only a handful of countries"): a claim says it only as the head of a phrase, not as a modifier ("national offices")
	aside    bool         // it stands in a source set between commas ("..., as the survey documented, ..."): its clauses are no window's
	selfNeg  bool         // an adjective of absence that negates its own clause ("unsafe", "silent"): an antonym it meets is that negation, not a second one
	negBase  string       // the lemma a negative prefix turns round (reliable of unreliable, consistency of inconsistencies), or ""
	dir      int8         // +1 a word of increase (grow, rise, expand), -1 of decrease (decline, shrink, diminish): direction
	themeOn  bool         // a word of change said of the noun after it ("gained popularity", "rising rents", "a decline in visits"); otherwise of the words before it ("fares rose")
	trend    bool         // it says only a direction of change ("more and more", "ever fewer", "increasingly"): a question's is its point
	noKinds  bool         // a word of a question of one or two words: a claim word that is only a kind of it does not say it in part
	restrict bool         // it stands in a relative clause of the subject ("divers who use the harbour"): a question's does not vote on polarity
	lead     bool         // a word of a question's subject, before its first verb (markLead): it votes on polarity only when no other word does
	side     int8         // the side a word takes (sideWords): +1 for something (support, welcome), -1 against it (oppose, criticise); +2 keeping a rule (comply, respect), -2 breaking it (violate, disregard)
	alters   bool         // a general word of change (change, alter, evolve, transform: alterWords), neither up nor down
	cond     bool         // it stands in a claim's condition ("if", "unless"): not asserted (markConditions)
	camp     int8         // a noun of the subject that names people by the side they take ("critics", "supporters", "opponents"): its side (sideWords); a question's is met only by a word of the same camp
	stays    bool         // a word of staying as it is (remain, stay): WordNet opposes it to change, so a change up or down (dir) of what a question says stays denies it
	excl     bool         // a question's word that an exclusive word restricts ("only the harbour board", "X is the sole N": markExclusive)
	onset    bool         // a question's word of a start ("from the start", "originally": markOnset)
	later    bool         // it stands in a claim's clause that says something came about later ("over time", "later": markLater)
	slot     string       // a year's slot: the preposition before it (markSlots)
	adds     bool         // it stands in a claim's clause with an additive word ("also", "too", "other": markAdditive)
	similar  []wn.Concept // a claim's adjective: the adjective synsets WordNet places its senses near (similar to, also see), through which it is opposed to an antonym of theirs (withSimilar)
	role     int8         // its role against its clause's verb: roleDoer, roleDone or 0 (markRoles)
	circ     bool         // a word of a question's trailing condition ("... when people are detained"): it weighs as a modifier and does not vote on polarity
	before   bool         // a word of a question in the simple past ("chose to stay outside"): what it says held then, which a later event that ends it does not deny
	noVote   bool         // a word of the main clause's subject after an opening "far from" clause: what both clauses say, it votes on the polarity of neither
	main     bool         // the predicate of its clause: a question's predicate adjective or noun, else what a copula says, else the main verb (markMain)
	copular  bool         // that predicate is what a copula says ("unfair" of "the rules are unfair to tenants")
}

// readAs are word forms read as another form of the same word that
// WordNet does not tie to them: "persons", the formal plural of "person",
// is "people" ("displaced persons" / "displaced people"), which WordNet
// lists only as a group noun and not as person's plural. (Giving "people"
// person's senses instead would make it a broader word for every kind of
// person, "migrants" among them.)
var readAs = map[string]string{"persons": "people"}

// negPrefixes turn an adjective, an adverb or a noun of quality into its
// opposite: unreliable, inconsistent, impartial, irregular, illegal,
// dishonest, noncompliant.
var negPrefixes = []string{"non-", "non", "dis", "un", "in", "im", "il", "ir"}

// negativeBase returns the lemma of the word a negative prefix turns
// round in w ("unreliable": "reliable"; "inconsistencies": "consistency"),
// or "" when w has no such prefix. The rest must be a word WordNet knows as
// an adjective or adverb, or a noun whose lemma's stem is an adjective's
// ("consistency" of "consistent"): "discover", "inform", "inside" are no
// opposites of "cover", "form", "side". A word WordNet places near its
// rest ("invaluable" is similar to "valuable") is no opposite either; one
// it lists as the rest's antonym needs no prefix to be read.
func (s *Stancer) negativeBase(w string, in wn.Info) string {
	if len(w) < 7 || len(in.Lemma) < 7 {
		return ""
	}
	for _, p := range negPrefixes {
		// the lemma, not the form: "discovered" is no "dis" + "covered"
		rest, ok := strings.CutPrefix(in.Lemma, p)
		if !ok || len(rest) < 5 {
			continue
		}
		base := s.lex.Word(rest)
		if len(base.Concepts) == 0 || !s.quality(rest, base) {
			continue
		}
		near := slices.Concat(base.Concepts, base.Related, base.Narrower, base.Broader, base.Antonyms)
		if sharesConcept(in.Concepts, near) {
			return ""
		}
		return base.Lemma
	}
	return ""
}

// quality reports whether WordNet knows w (read as in) as an adjective or
// adverb and as no verb or noun, or as a noun with the stem of an
// adjective it knows ("consistency": "consistent").
func (s *Stancer) quality(w string, in wn.Info) bool {
	if s.isVerb(w) {
		return false // "cover", "form": a verb's concepts hold its participles' too
	}
	if in.Adverb || (!s.isNoun(w) && len(s.lex.Adjectives(in.Concepts)) > 0) {
		return true
	}
	if !s.isNoun(w) {
		return false
	}
	st := derivationStem(in.Lemma)
	if st == "" {
		return false
	}
	for _, suf := range []string{"ent", "ant", "al", "ive", "able", "ible", "ous", "ful", "ic", "e", ""} {
		if a := st + suf; a != in.Lemma && s.isKnown(a) && len(s.lex.Adjectives(s.lex.Concepts(a))) > 0 {
			return true
		}
	}
	return false
}

// negatedBy reports whether one of q and c is the other turned round by a
// negative prefix: the same lemma or stem after it ("unreliable" of
// "reliable", "inconsistencies" of "consistently").
func negatedBy(q, c term) bool {
	same := func(base string, t term) bool {
		if base == t.lemma {
			return true
		}
		st := derivationStem(base)
		return st != "" && st == derivationStem(t.lemma)
	}
	return (c.negBase != "" && same(c.negBase, q)) || (q.negBase != "" && same(q.negBase, c))
}

// occasionNouns name the occasions a universal determiner (everyDets)
// ranges over: "in every case", "at all times", "in each instance" say
// "always".
var occasionNouns = wordSet(`case cases instance instances time times occasion occasions circumstance circumstances
	situation situations`)

// everyDets are the universal determiners ("any" is not one here: "in
// any case" says "anyhow", not "always").
var everyDets = wordSet(`every all each`)

// negWords negate the clause they stand in; among them the verbs whose
// object is what is not done (refrain, refuse, avoid, abstain, cease:
// "avoids the levy" does not pay it, "ceased its ferry service" no longer
// runs it) and the verbs of failing and leaving undone (notDoingVerbs).
var negWords = wordSet(`not no never cannot neither nor without lack lacks lacked lacking absence devoid none
	nothing nobody nowhere hardly scarcely barely seldom rarely n't isn't aren't wasn't weren't doesn't don't didn't won't can't couldn't shouldn't
	hasn't haven't hadn't fail fails failed refrain refrains refrained refraining refuse refuses refused refusing
	avoid avoids avoided avoiding abstain abstains abstained abstaining neglect neglects neglected neglecting cease
	ceases ceased ceasing`)

// notDoingVerbs are the verbs of failing and leaving undone: "failed to
// protect them", "neglected to inspect them", "omitted to mention it",
// "neglected the protection of migrants" do not protect, inspect or
// mention. Their object, unlike avoid's or refuse's, is not what is left
// undone but who or what suffers it ("neglected the camps", "failed the
// students", "omitted the clause"). So they negate their clause only when
// they govern a verb or an object that names an act (verbalComplement,
// actObject); with an object that names a thing, or none, they are a
// predicate of their own, stated as any verb is ("States neglected the
// camps" states that; "the talks failed" says that they failed, not that
// there were no talks).
var notDoingVerbs = wordSet(`fail fails failed failing neglect neglects neglected neglecting omit omits omitted
	omitting`)

// negatesAt reports whether the word at toks[i] negates its clause: a
// negation word, a verb of not doing that governs a verb, or a verb of
// avoiding (avoidingAt).
func (s *Stancer) negatesAt(toks []token, i int) bool {
	w := toks[i].lower
	if notDoingVerbs[w] {
		return s.verbalComplement(toks, i) || s.actObject(toks, i)
	}
	return negWords[w] || s.avoidingAt(toks, i)
}

// elidedAux are the auxiliaries of an elided denial ("but it does not").
var elidedAux = wordSet(`does do did is are was were has have had can could will would`)

// elidedDenial reports whether the "but" at toks[i] opens a clause that
// denies what came before with its verb left out: a pronoun, an auxiliary
// and a negation, and nothing after it but the sentence's end ("..., but
// it does not.", "but in fact they did not", "but it hasn't"). An adverb
// or "in fact" may stand after "but".
func elidedDenial(toks []token, i int) bool {
	k := i + 1
	for k < len(toks) && toks[k].punct == 0 && (toks[k].lower == "in" || toks[k].lower == "fact" || toks[k].lower == "actually" ||
		toks[k].lower == "really" || toks[k].lower == "often" || toks[k].lower == "then") {
		k++
	}
	if k+1 >= len(toks) || toks[k].punct != 0 {
		return false
	}
	switch toks[k].lower {
	case "it", "they", "he", "she", "we", "this", "that", "these", "those":
	default:
		return false
	}
	k++
	aux := toks[k].lower
	if strings.HasSuffix(aux, "n't") {
		aux = strings.TrimSuffix(aux, "n't")
		if aux == "does" || aux == "do" || aux == "did" || aux == "is" || aux == "are" || aux == "was" || aux == "were" ||
			aux == "has" || aux == "have" || aux == "had" || aux == "could" || aux == "would" || aux == "ca" || aux == "wo" {
			k++
		} else {
			return false
		}
	} else {
		if !elidedAux[aux] || k+1 >= len(toks) || (toks[k+1].lower != "not" && toks[k+1].lower != "never") {
			return false
		}
		k += 2
	}
	return k >= len(toks) || toks[k].punct == '.' || toks[k].punct == ';' || toks[k].punct == '!'
}

// notOnlyBut reports whether toks[i] is the "not" of "not only / just /
// merely / solely X but (also) Y", which says X and Y: a "but" follows in
// its sentence (after "not only", an "also", past a semicolon too, or a
// comma that ends the text). ("Not simply X" with no "but" after it denies that X is
// all there is, and stays a negation.)
func notOnlyBut(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	switch toks[i+1].lower {
	case "only", "just", "merely", "solely":
	default:
		return false
	}
	k := i + 2
	for semi := false; k < len(toks) && toks[k].punct != '.'; k++ {
		semi = semi || toks[k].punct == ';'
		if (toks[k].lower == "but" && !semi) || (toks[i+1].lower == "only" && toks[k].lower == "also") {
			return true
		}
	}
	// "not only X," at the end of a text: the first half of "not only X,
	// but also Y", cut where the sentence was split into claims
	return toks[i+1].lower == "only" && k == len(toks) && toks[k-1].punct == ','
}

// denyingAt reports whether toks[i] is a word of denying or doubting
// before "that" or "whether", which denies the clause it opens ("disputes
// that P", "doubts whether P", "no doubt that P"): WordNet's commonest
// senses of deny, doubt and dispute, among the word's senses (gainsay,
// challenge, the noun "doubt") or as its definitions' genus.
func (s *Stancer) denyingAt(toks []token, i int) bool {
	if i+1 >= len(toks) || (toks[i+1].lower != "that" && toks[i+1].lower != "whether") || toks[i].punct != 0 ||
		len(toks[i].lower) < 4 || propStop[toks[i].lower] || finiteWords[toks[i].lower] {
		return false
	}
	in := s.word(toks[i].lower, true)
	return sharesConcept(in.Concepts, s.denying) || sharesConcept(in.Genus, s.denying)
}

// avoidMark is the term a verb of avoiding leaves besides the negation of
// its clause: it meets only another (a name's way of matching, term.acr,
// which does not vote on polarity). In a question of one word besides
// names ("IOM evades accountability") it weighs in full, so that a claim
// that only mentions accountability does not deny it; in a longer one as
// a manner word (questionTerms).
const avoidMark = "(avoiding)"

// avoidForms are the forms of avoid, which negWords holds.
var avoidForms = wordSet(`avoid avoids avoided avoiding`)

// avoidingAt reports whether toks[i] is a verb of avoiding used as a verb:
// its object is what is not done, as avoid's is ("dodge their duties",
// "shuns the press", "evaded the levy", "sidestepped the question").
// WordNet gives the class (avoiding). Used as a verb, it has an object: a
// word that is no preposition, clause word or auxiliary follows it. A word
// after a determiner or a possessive is a noun or an adjective ("a hedge",
// "their slack"), and so is one after a copula but for a participle
// ("were slack"; "was evaded", "is dodging") and one after a preposition
// but for an -ing form ("in hedge funds"; "by dodging the levy").
func (s *Stancer) avoidingAt(toks []token, i int) bool {
	w := toks[i].lower
	if len(w) < 4 || toks[i].punct != 0 || propStop[w] || negWords[w] || finiteWords[w] {
		return false
	}
	passive := false // "the levy was evaded (by most firms)": its subject is what is not done
	if i > 0 {
		prev := toks[i-1].lower
		if determiners[prev] || prev == "of" || strings.HasSuffix(prev, "'s") ||
			(copulas[prev] && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ing")) ||
			((predicateEnds[prev] || prepositions[prev]) && prev != "to" && !strings.HasSuffix(w, "ing")) {
			// (after a preposition only an -ing form is a verb: "in hedge
			// funds", but "by dodging the levy")
			return false
		}
		passive = copulas[prev] && strings.HasSuffix(w, "ed")
	}
	if !passive {
		if i+1 >= len(toks) {
			return false
		}
		if next := toks[i+1].lower; toks[i+1].punct != 0 || predicateEnds[next] || prepositions[next] || clauseBreaks[next] || finiteWords[next] {
			return false
		}
	}
	return cached(&s.mu, &s.avoiders, avoiderCache, 64, w, func() bool { return s.avoiding(w) })
}

// avoiding reports whether WordNet has w as a verb of avoiding: avoid's
// commonest sense ("stay clear from; keep away from") is one of its senses
// (eschew, shun) or what its definitions open with (evade: "avoid or try
// to avoid fulfilling ..."; sidestep, shirk, skirt); or, for a verb whose
// kept senses' definitions open with no verb, so is a hypernym's ("dodge",
// a kind of evading). A word of change is none ("decline" refuses too).
func (s *Stancer) avoiding(w string) bool {
	if !s.isVerb(w) {
		return false
	}
	in := s.word(w, true)
	of := func(in wn.Info) bool {
		return slices.Contains(in.Concepts, s.avoid) || slices.Contains(in.Genus, s.avoid)
	}
	if s.direction(in) != 0 {
		return false
	}
	if of(in) {
		return true
	}
	if len(in.Genus) > 0 {
		return false
	}
	for _, c := range in.Broader {
		if !s.lex.HasVerbConcept([]wn.Concept{c}) {
			continue
		}
		for _, m := range s.avoidingMembers(c, of) {
			if m != in.Lemma {
				return true
			}
		}
	}
	return false
}

// avoidingMembers returns the members of concept c that are verbs of
// avoiding by of, once per concept (avoidersOf): the words of a text
// share their broader concepts, and reading every member's senses again
// for each word was most of the time of avoiding, a fifth of a claim's
// link signature.
func (s *Stancer) avoidingMembers(c wn.Concept, of func(wn.Info) bool) []string {
	s.mu.Lock()
	ms, ok := s.avoidersOf[c]
	s.mu.Unlock()
	if ok {
		return ms
	}
	for _, m := range s.lex.Members(c) {
		// (of reads only a member's concepts and genus: the other near
		// synsets, most of a word's parse, are not read)
		if s.isVerb(m) && of(wn.Info{Concepts: s.word(m, false).Concepts, Genus: s.lex.Genus(m)}) {
			ms = append(ms, m)
		}
	}
	s.mu.Lock()
	if s.avoidersOf == nil || len(s.avoidersOf) >= avoiderCache {
		s.avoidersOf = make(map[wn.Concept][]string, 64)
	}
	s.avoidersOf[c] = ms
	s.mu.Unlock()
	return ms
}

// actObject reports whether the verb at toks[i] has an object whose head
// names an act: a noun WordNet derives from a verb that is no verb form
// itself ("criticism", "protection", "detention"; not "camps", "offer").
// The head is the last word before a preposition, a clause word or a
// punctuation mark, within four words after a determiner.
func (s *Stancer) actObject(toks []token, i int) bool {
	k := i + 1
	if k < len(toks) && determiners[toks[k].lower] {
		k++
	}
	head := -1
	for j := k; j < len(toks) && j < k+4; j++ {
		w := toks[j].lower
		if toks[j].punct != 0 || predicateEnds[w] || prepositions[w] || clauseBreaks[w] || finiteWords[w] || propStop[w] {
			break
		}
		head = j
	}
	if head < 0 {
		return false
	}
	h := toks[head].lower
	return s.isNoun(h) && !s.isVerb(h) && s.lex.HasVerbConcept(s.lex.Word(h).Concepts)
}

// verbalComplement reports whether the verb at toks[i] governs a verb: "to"
// and a verb, "from" and an -ing verb, or an -ing verb, with at most two
// adverbs before the verb ("failed to adequately protect", "avoided even
// mentioning").
func (s *Stancer) verbalComplement(toks []token, i int) bool {
	k := i + 1
	skipAdverbs := func() {
		for n := 0; n < 2 && k < len(toks) && toks[k].punct == 0 && (toks[k].lower == "even" || toks[k].lower == "ever" ||
			(len(toks[k].lower) > 4 && strings.HasSuffix(toks[k].lower, "ly") && s.isAdverb(toks[k].lower))); n++ {
			k++
		}
	}
	skipAdverbs()
	if k < len(toks) && toks[k].punct == 0 && (toks[k].lower == "to" || toks[k].lower == "from") {
		ing := toks[k].lower == "from"
		k++
		skipAdverbs()
		if k >= len(toks) || toks[k].punct != 0 {
			return false
		}
		return (!ing || strings.HasSuffix(toks[k].lower, "ing")) && s.isVerb(toks[k].lower)
	}
	return k < len(toks) && toks[k].punct == 0 && len(toks[k].lower) > 4 && strings.HasSuffix(toks[k].lower, "ing") &&
		s.isVerb(toks[k].lower)
}

// declineVerbs refuse what their "to" complement says ("declined to fund").
var declineVerbs = wordSet(`decline declines declined declining`)

// doubtWords put their clause's proposition in doubt: "its voluntariness
// is contested" denies that it is voluntary (past forms only: "questions"
// and "challenges" are more often nouns).
var doubtWords = wordSet(`contested questioned disputed doubted challenged denied rejected refuted deny denies`)

// clauseBreaks start a new clause for the scope of negation.
var clauseBreaks = wordSet(`but while whereas although though yet which who whose whom because since unless if where
	when whether however`)

// clauseSubjects start a coordinated clause after "and" or "or" ("and
// that P": a second that-clause, with a negation of its own).
var clauseSubjects = wordSet(`its it the their they this these that we i he she there`)

// connectiveNoun reports whether toks[i] is the noun of a complex
// preposition of cause ("in response to", "in reaction to", "as a result
// of", "as a consequence of"): like "because of" and "after", it says how
// two things are linked and is no word of the proposition ("launched in
// response to the shipwreck" / "launched after the shipwreck").
func connectiveNoun(toks []token, i int) bool {
	if i < 1 || i+1 >= len(toks) || toks[i-1].punct != 0 || toks[i+1].punct != 0 {
		return false
	}
	prev, next := toks[i-1].lower, toks[i+1].lower
	switch toks[i].lower {
	case "response", "reaction":
		return prev == "in" && next == "to"
	case "result", "consequence":
		return prev == "a" && i >= 2 && toks[i-2].lower == "as" && next == "of"
	}
	return false
}

// propStop are function words and auxiliaries: no proposition of their own.
var propStop = wordSet(`a an the of to in on at for from by with as and or is are was were be been being am do does
	did has have had having it its it's this that these those there their them they he she his her we our us i me my
	you your than then thus also very more most much many some any all each both such only own same other another into
	onto over under about between through during before after above up down out off again further once here can could
	may might must shall should will would just even still so whether if s one ones what how why whose simply merely
	rather itself themselves who which whom when where while because since although though yet however therefore hence
	indeed`)

// analysis is a sentence reduced to its voices and their terms.
type analysis struct {
	regions []termRegion
	// echo: the claim says what the sentence before it said, of another
	// case ("The same is true of ..."; echoes): judged alone it states
	// nothing and denies nothing
	echo bool
}

type termRegion struct {
	terms    []term
	asserter string
	rejected bool
}

// Stancer judges claims against questions with the embedded WordNet
// lexicon. It implements argmap.Judge and is safe for concurrent use.
type Stancer struct {
	lex *wn.Lexicon
	// words keeps what the lexicon says of each word form met (wordRec:
	// its Info, lemmas and kinds, read with one lemmatisation): a claim's
	// terms ask it of the same words many times (Verb, Noun and the rest
	// through kind; Word; the multiword lemmas a word starts), and a run's
	// claims share most of their words
	words *memo[*wordRec]
	// learned decides which candidates of a weighted answer the rules
	// leave below their threshold answer the question (JudgeAll,
	// stance_learned.go); nil: the rules alone
	learned *judgeModels
	// side decides the side of every candidate an answer takes as stating
	// or denying the question (stance_side.go); nil: the rules' side
	side *sideModel
	// stopping are the WordNet synsets of putting an end to an activity
	// (discontinue: cease, stop, quit; end, terminate): a verb with one of
	// them among its senses or their hypernyms is a verb of stopping
	stopping []wn.Concept
	// inside, entering and leaving are WordNet's synsets of being inside,
	// of joining or entering, and of exiting or withdrawing: a word
	// WordNet opposes to being inside (outside, exterior) states what a
	// verb of joining or entering ends ("remained outside the UN" /
	// "joined the UN in 2016"), being inside what a verb of leaving ends
	inside, entering, leaving []wn.Concept
	// unwilling are WordNet's synsets of being unwilling, unable or
	// unlikely and their satellites (reluctant, loath): "reluctant to fund
	// it" does not fund it, "unlikely to fund it" will probably not
	unwilling []wn.Concept
	// willing are WordNet's synsets of being willing, able or ready and
	// their satellites: "before they were ready to fund it" says that they
	// were not yet
	willing []wn.Concept
	// rising and falling are WordNet's synsets of increase and of
	// decrease: a word with one among its senses, their hypernyms or its
	// definitions' genus says a direction of change (direction)
	rising, falling []wn.Concept
	// changing is WordNet's synset of change ("undergo a change; become
	// different"): a word with it among its antonyms says that something
	// stays as it is (remain, stay: term.stays)
	changing []wn.Concept
	// altering are the verb senses of the general words of change
	// (alterWords): a word with one says that something changes, neither
	// up nor down (term.alters)
	altering []wn.Concept
	// sides are the synsets of each side of sideWords (taking a side for
	// or against something, keeping or breaking a rule): WordNet opposes
	// few of them (support and oppose, respect and disregard are no
	// antonyms there)
	sides [len(sideWords)][2][]wn.Concept
	// sideStems are the Snowball stems of sideWords (derivationStem), with
	// the side each takes: a predicative adjective derived from one that
	// WordNet does not tie to it takes its side ("critical of" the plan,
	// "supportive of" it). Read only after NewStancer.
	sideStems map[string]int8
	// avoid is WordNet's synset of avoid's commonest sense ("stay clear
	// from; keep away from"): a verb with it among its senses or as its
	// definitions' genus is one of avoiding (avoiding)
	avoid wn.Concept
	// denying are WordNet's synsets of the commonest senses of deny
	// ("declare untrue"), doubt and dispute ("take exception to"): a word
	// with one among its senses or as its genus, before "that" or
	// "whether", denies the clause (denyingAt)
	denying []wn.Concept
	// threshold is the share of the question's terms a claim must cover to
	// answer it.
	threshold float64

	// questions keeps the terms of the questions judged lately (at most
	// questionCache): an answer judges its question against every node it
	// reaches, and analysing the question again for each was most of an
	// answer's time.
	mu        sync.Mutex
	questions map[string][]term
	// claims keeps the analyses of claim texts read with no definitions
	// but their own (at most claimCache): answers to different questions
	// reach the same nodes.
	claims map[string]analysis
	// avoiders keeps whether a word is a verb of avoiding (at most
	// avoiderCache words): every word of every text is asked
	avoiders map[string]bool
	// avoidersOf keeps, by concept, its members that are verbs of
	// avoiding (avoidingMembers; at most avoiderCache concepts)
	avoidersOf map[wn.Concept][]string
}

// questionCache and claimCache are how many questions' terms and claim
// texts' analyses a Stancer keeps.
const (
	questionCache = 256
	claimCache    = 4096
	avoiderCache  = 8192
)

// NewStancer returns a Stancer over the embedded lexicon.
func NewStancer() *Stancer {
	lex := wn.Default()
	stopping := append(lex.Concepts("discontinue")[:1:1], lex.Concepts("terminate")...)
	entering := append(lex.Concepts("join")[:len(lex.Concepts("join")):len(lex.Concepts("join"))], lex.Concepts("enter")...)
	leaving := append(lex.Concepts("exit")[:len(lex.Concepts("exit")):len(lex.Concepts("exit"))], lex.Concepts("withdraw")...)
	var unwilling []wn.Concept
	for _, w := range []string{"unwilling", "unable", "unlikely"} {
		_, narrower, _ := lex.Near(w)
		unwilling = append(append(unwilling, lex.Adjectives(lex.Concepts(w))...), lex.Adjectives(narrower)...)
	}
	var willing []wn.Concept
	for _, w := range []string{"willing", "able", "ready"} {
		_, narrower, _ := lex.Near(w)
		willing = append(append(willing, lex.Adjectives(lex.Concepts(w))...), lex.Adjectives(narrower)...)
	}
	var avoid wn.Concept
	for _, c := range lex.Concepts("avoid") {
		if lex.HasVerbConcept([]wn.Concept{c}) {
			avoid = c
			break
		}
	}
	var denying []wn.Concept
	for _, w := range []string{"deny", "doubt", "dispute"} {
		for _, c := range lex.Concepts(w) {
			if lex.HasVerbConcept([]wn.Concept{c}) {
				denying = append(denying, c)
				break
			}
		}
	}
	side := func(ws string) []wn.Concept {
		var out []wn.Concept
		for _, w := range strings.Fields(ws) {
			for _, c := range lex.Concepts(w) {
				if lex.HasVerbConcept([]wn.Concept{c}) {
					out = append(out, c) // its verb senses: a derivation ("opposition") has them among its own
				}
			}
		}
		return out
	}
	var sides [len(sideWords)][2][]wn.Concept
	sideStems := map[string]int8{}
	for i, ws := range sideWords {
		sides[i] = [2][]wn.Concept{side(ws[0]), side(ws[1])}
		for k, sign := range [2]int8{1, -1} {
			for _, w := range strings.Fields(ws[k]) {
				if st := derivationStem(w); st != "" {
					sideStems[st] = sign * int8(i+1)
				}
			}
		}
	}
	return &Stancer{lex: lex, words: newMemo[*wordRec](wordMemoMax), avoid: avoid, sides: sides, sideStems: sideStems, altering: side(alterWords), denying: denying, stopping: stopping, inside: lex.Concepts("inside"), entering: entering, leaving: leaving,
		unwilling: unwilling, willing: willing, rising: lex.Concepts("increase"), falling: lex.Concepts("decrease"),
		changing: lex.Concepts("change"), threshold: 0.65, learned: shippedJudgeModels(), side: shippedSideModel()}
}

// notYet reports whether toks[i] is the "before" of a clause that says its
// subject was willing, able or ready to do something ("... before its
// member states were ready to fund the topic", "before the board was able
// to pay"): what the sentence tells of happened while that was not so yet.
// A copula and the adjective follow within a few words, "to" and a verb
// after it.
func (s *Stancer) notYet(toks []token, i int) bool {
	if toks[i].lower != "before" {
		return false
	}
	for k := i + 2; k < min(len(toks)-2, i+8) && toks[k].punct == 0; k++ {
		if copulas[toks[k-1].lower] && toks[k+1].lower == "to" && s.isVerb(toks[k+2].lower) &&
			sharesConcept(s.lex.Adjectives(s.lex.Concepts(toks[k].lower)), s.willing) {
			return true
		}
	}
	return false
}

// fewAt reports whether toks[i] is "few" or "little" as a quantifier of
// near absence before a noun, "to" or "of", which negates its clause as
// "hardly" does ("there is little evidence that P", "few states fund it",
// "IOM has done little to protect them"): not after "a", "quite" or a
// determiner ("a few", "the little boat", "its few friends"); "few" as
// a sentence's subject before an auxiliary too ("few would deny"). After a
// verb ("studied surprisingly little") it is a word of degree, read as
// "under-studied" is.
func (s *Stancer) fewAt(toks []token, i int) bool {
	if w := toks[i].lower; (w != "few" && w != "little") || i+1 >= len(toks) || toks[i+1].punct != 0 {
		return false
	}
	if i > 0 && (determiners[toks[i-1].lower] || toks[i-1].lower == "quite" || toks[i-1].lower == "whose" || toks[i-1].lower == "your") {
		return false
	}
	next := toks[i+1].lower
	if finiteWords[next] && toks[i].lower == "few" && (i == 0 || toks[i-1].punct != 0) {
		return true // "few" as a sentence's subject: "Few would deny that P", "few can afford it"
	}
	if j := i + 1; capitalised(toks[j]) {
		// a name before the noun: "few IOM staff", "few Harbour Board
		// members"
		for j < len(toks) && capitalised(toks[j]) {
			j++
		}
		return j < len(toks) && toks[j].punct == 0 && s.isNoun(toks[j].lower) && !s.isAdverb(toks[j].lower) && !propStop[toks[j].lower]
	}
	return next == "to" || next == "of" || (s.isNoun(next) && !s.isAdverb(next) && !propStop[next])
}

// capitalised reports whether t is a word written with a capital (a name
// or an acronym).
func capitalised(t token) bool {
	return t.punct == 0 && t.text != "" && t.text[0] >= 'A' && t.text[0] <= 'Z'
}

// markConditions marks the terms of out in the ranges conds (the clauses
// an "if" or "unless" opens) as a condition (term.cond): a claim does not
// assert what it makes a condition of ("If the board has a licence, it
// will clear the channel"). When the sentence says what would be or would
// have been (counterfactualAt), an "if" condition is contrary to fact, and
// denied instead ("If the board had a licence, it would clear the
// channel"), and so is a "without" that opens the sentence before a comma:
// what it says is lacking is there ("Without its subsidy, the ferry would
// close" says it has one).
func (s *Stancer) markConditions(toks []token, out []term, conds [][3]int) {
	if len(toks) > 2 && toks[0].lower == "without" {
		// "Without its subsidy, the ferry would close": a condition
		// too, set off by a comma (only a counterfactual reads it as one)
		for p := 1; p < len(toks) && p < 12; p++ {
			if toks[p].punct == ',' {
				n := 0
				for n < len(out) && out[n].tok < p {
					n++
				}
				if n > 0 {
					conds = append(conds, [3]int{0, n, 2})
				}
				break
			}
			if toks[p].punct != 0 {
				break
			}
		}
	}
	if len(conds) == 0 {
		return
	}
	contrary := false
	for i, t := range toks {
		if (t.lower == "would" || t.lower == "should") && s.counterfactualAt(toks, i) > 0 {
			contrary = true
			break
		}
	}
	for _, r := range conds {
		if r[0] >= r[1] || r[0] >= len(out) {
			continue
		}
		for k := r[0]; k < min(r[1], len(out)); k++ {
			if contrary && r[2] != 1 {
				out[k].neg = !out[k].neg
				out[k].negs++
				continue
			}
			if r[2] != 2 {
				out[k].cond = true
			}
		}
	}
}

// sinceDate reports whether toks[i] is a "since" before a date or "then"
// ("has not changed since 1990"): a preposition, not a clause of its own.
func sinceDate(toks []token, i int) bool {
	if toks[i].lower != "since" || i+1 >= len(toks) || toks[i+1].punct != 0 {
		return false
	}
	next := toks[i+1].lower
	return next == "then" || (next != "" && next[0] >= '0' && next[0] <= '9')
}

// alterWords are the general verbs of change (their verb senses; a noun
// derived from one has it: "the evolution of its mandate", "a shift in
// policy"). Change up or down is direction's.
const alterWords = `change alter modify transform evolve reshape`

// sideWords are pairs of opposite sides, the general verbs of each (their
// verb senses in WordNet; a noun derived from one has it among its own:
// "opposition", "criticism", "violation"): the sides one takes on a
// proposal, a plan or a view, and keeping or breaking a rule, a right or a
// duty. WordNet opposes approve and disapprove, praise and criticise, but
// not support and oppose, welcome and criticise, endorse and object,
// respect and disregard, comply and violate, heed and ignore.
var sideWords = [...][2]string{
	{`support endorse favor advocate champion welcome approve praise`,
		`oppose object resist protest condemn denounce criticize criticise disapprove reject`},
	{`comply respect honor heed obey adhere`,
		`violate disregard ignore flout infringe contravene`},
}

// attitude returns the side cs (a word's synsets) takes: +k for the first
// side of sideWords[k-1], -k for its second, 0 none or both of a pair.
func (s *Stancer) attitude(cs []wn.Concept) int8 {
	for i, pair := range s.sides {
		pro, con := sharesConcept(cs, pair[0]), sharesConcept(cs, pair[1])
		switch {
		case pro && !con:
			return int8(i + 1)
		case con && !pro:
			return -int8(i + 1)
		}
	}
	return 0
}

// verbAhead reports whether a verb form follows toks[i] in its clause:
// toks[i] stands before its clause's verb, in the subject.
func (s *Stancer) verbAhead(toks []token, i int) bool {
	for j := i + 1; j < len(toks) && toks[j].punct == 0 && !clauseBreaks[toks[j].lower]; j++ {
		if w := toks[j].lower; s.verbAt(w) || (s.isVerb(w) && !s.isNoun(w) && !s.isAdverb(w)) {
			return true
		}
	}
	return false
}

// minorityAt reports whether toks[i] is the quantifier of a minority that
// negates its clause as "few" does: "minority" or "handful" after "a" (and
// a word of size: "a small minority") and before "of" ("only a minority of
// islanders support the port", "a handful of staff"), or "few" after
// "only a" ("only a few islanders"). A minority's support denies that most
// support it.
func minorityAt(toks []token, i int) bool {
	w := toks[i].lower
	if w == "few" {
		return i >= 2 && toks[i-1].lower == "a" && toks[i-2].lower == "only" && i+1 < len(toks) && toks[i+1].punct == 0
	}
	if (w != "minority" && w != "handful") || i+1 >= len(toks) || toks[i+1].lower != "of" {
		return false
	}
	j := i - 1
	if j >= 0 && sizeWords[toks[j].lower] {
		j--
	}
	return j >= 0 && toks[j].lower == "a"
}

// sizeWords say how large a minority is.
var sizeWords = wordSet(`small tiny mere shrinking`)

// counterfactualAt returns how many tokens a modal of what did not happen
// takes at toks[i], or 0: "would" or "should" with "have" and a
// participle ("would have been", "should have warned"), or "would" in a
// sentence with a condition ("would be profitable if fares rose", "if they
// stayed they would lose it", "without it they would travel home"). A
// "would" with no condition ("one would expect"), or a few words after a
// reporting verb ("said it would fund it if donors agreed": a plan
// reported), is not one.
func (s *Stancer) counterfactualAt(toks []token, i int) int {
	w := toks[i].lower
	if w != "would" && w != "should" {
		return 0
	}
	if i+2 < len(toks) && toks[i+1].lower == "have" && toks[i+2].punct == 0 &&
		(toks[i+2].lower == "been" || strings.HasSuffix(toks[i+2].lower, "ed") ||
			(s.lex.Irregular(toks[i+2].lower) && s.isVerb(s.lex.Lemma(toks[i+2].lower)) && !s.isNoun(toks[i+2].lower))) {
		return 2
	}
	if w != "would" || i+1 >= len(toks) || (toks[i+1].lower == "have" && (i+2 >= len(toks) || toks[i+2].lower != "to")) {
		return 0 // ("would have to" is a present one)
	}
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].punct == 0; k-- {
		if reportingVerbs[toks[k].lower] {
			return 0 // a report of what was to come: "said it would fund it if donors agreed"
		}
	}
	from, to := i, i
	for from > 0 && !sentenceEnd(toks[from-1]) {
		from--
	}
	for to < len(toks) && !sentenceEnd(toks[to]) {
		to++
	}
	for k := from; k < to; k++ {
		switch toks[k].lower {
		case "if", "unless", "without":
			return 1
		}
	}
	return 0
}

// sentenceEnd reports whether t ends a sentence or a clause that stands as
// one (a semicolon).
func sentenceEnd(t token) bool {
	return t.punct == '.' || t.punct == '!' || t.punct == '?' || t.punct == ';'
}

// relativeThat reports whether toks[i] is a "that" that opens a relative
// clause after a noun ("A ferry that is built for cars does not need a
// permit"): right after a word WordNet has as a noun and not as a verb
// form, and right before an auxiliary or a word that can only be a verb
// ("that funded", "that has"), or a word that may be one before "to" and a
// verb or before a possessive ("that wish to avoid", "that shun their
// duties"). A "that" after a verb ("said that") or before a noun ("the
// claim that states pay") opens no relative clause.
func (s *Stancer) relativeThat(toks []token, i int) bool {
	if toks[i].lower != "that" || i == 0 || i+1 >= len(toks) || toks[i-1].punct != 0 || toks[i+1].punct != 0 {
		return false
	}
	prev, next := toks[i-1].lower, toks[i+1].lower
	if propStop[prev] || s.verbAt(prev) || !s.isNoun(prev) {
		return false
	}
	if finiteWords[next] || (!propStop[next] && s.verbAt(next)) {
		return true
	}
	// a word that may be a verb, followed by "to" and a verb or by a
	// possessive ("states that wish to avoid ...", "firms that shun their
	// duties"): its verb
	if propStop[next] || i+3 >= len(toks) || !s.isVerb(next) || toks[i+2].punct != 0 {
		return false
	}
	after := toks[i+2].lower
	return (after == "to" && s.isVerb(toks[i+3].lower)) || after == "their" || after == "its" || after == "his" || after == "her"
}

// indefinites open a subject that stands for whoever or whatever is so:
// a relative clause after it says what holds of them ("a person who must
// choose ...").
var indefinites = wordSet(`a an any anyone anybody anything every everyone each someone somebody`)

// copulas link a subject to what a "before" clause says it was.
var copulas = wordSet(`is are was were be been being became become becomes felt feel`)

// direction returns +1 when WordNet has the word read as in as one of
// increase (among its senses, their hypernyms or the verbs its definitions
// open with: grow, rise, expand, surge), -1 as one of decrease (decline,
// shrink, diminish, dwindle), 0 when neither or both.
func (s *Stancer) direction(in wn.Info) int8 {
	of := func(cs []wn.Concept) bool {
		return sharesConcept(in.Concepts, cs) || sharesConcept(in.Broader, cs) || sharesConcept(in.Genus, cs)
	}
	up, down := of(s.rising), of(s.falling)
	switch {
	case up && !down:
		return 1
	case down && !up:
		return -1
	}
	return 0
}

// magnitudes are the comparatives of quantity a trend repeats: "more and
// more", "fewer and fewer", "ever less".
var magnitudes = map[string]int8{"more": 1, "less": -1, "fewer": -1}

// trendAt returns the direction and length of a trend phrase at toks[i]: a
// comparative of quantity repeated with "and" ("more and more", "less and
// less") or after "ever" ("ever more", "ever fewer"); 0, 0 when none.
func trendAt(toks []token, i int) (int8, int) {
	w := toks[i].lower
	if d := magnitudes[w]; d != 0 && i+2 < len(toks) && toks[i+1].lower == "and" && toks[i+2].lower == w {
		return d, 3
	}
	if w == "ever" && i+1 < len(toks) {
		if d := magnitudes[toks[i+1].lower]; d != 0 {
			return d, 2
		}
	}
	return 0, 0
}

// trendTerm is the term of a trend phrase of direction d: increase or
// decrease.
func (s *Stancer) trendTerm(d int8, clause, tok int) term {
	w := "increase"
	if d < 0 {
		w = "decrease"
	}
	return term{lemma: w, concepts: s.lex.Concepts(w), antonyms: s.lex.Antonyms(w), dir: d, trend: true, clause: clause, tok: tok}
}

// unwillingAt reports whether w is an adjective of not wanting or not
// being able or likely to do what its "to" complement says: WordNet's
// "unwilling", "unable", "unlikely" and their satellites (reluctant, loath,
// incapable, improbable ...).
func (s *Stancer) unwillingAt(w string) bool {
	return len(w) > 4 && sharesConcept(s.lex.Adjectives(s.lex.Concepts(w)), s.unwilling)
}

// analyseQuestion analyses a question, reading "X say P" loosely.
func (s *Stancer) analyseQuestion(text string, gl *glossary) analysis {
	var a analysis
	for _, r := range regionsOf(text, true) {
		a.regions = append(a.regions, termRegion{terms: s.terms(r.toks, gl), asserter: r.asserter, rejected: r.rejected})
	}
	return a
}

// analyse analyses a claim's text with the acronyms gl knows besides those
// the text defines.
func (s *Stancer) analyse(text string, gl *glossary) analysis {
	var a analysis
	text = dropQuestions(text)
	if strings.TrimSpace(text) == "" {
		return a
	}
	a.echo = echoes(text)
	for _, r := range regions(text) {
		ts := s.withSimilar(markLater(r.toks, markSlots(r.toks, markAdditive(r.toks, s.terms(r.toks, gl)))))
		s.markRoles(r.toks, ts)
		s.markMain(r.toks, ts)
		a.regions = append(a.regions, termRegion{terms: ts, asserter: r.asserter, rejected: r.rejected})
	}
	return a
}

// withSimilar gives each adjective of a claim the adjective synsets
// WordNet places its senses near (term.similar). WordNet opposes the heads
// of its adjective clusters, not their satellites: "marginal" is no
// antonym of "central", but it is similar to "peripheral", which is; so a
// claim's "marginal" denies a question's "central" as "peripheral" does
// (indirect antonymy, the claim's side of withIndirectAntonyms).
func (s *Stancer) withSimilar(ts []term) []term {
	for i := range ts {
		t := &ts[i]
		if t.acr || t.adverb || len(t.related) == 0 || len(s.lex.Adjectives(t.concepts)) == 0 || s.lex.NounLemma(t.lemma) {
			// (a noun's and an adverb's concepts hold the adjectives
			// they derive from: "secrecy" and "openly" are no
			// adjectives of the claim's; a participle stays one when its
			// verb is also a noun: "biased", of "bias")
			continue
		}
		t.similar = s.lex.Adjectives(t.related)
	}
	return ts
}

// terms reduces tokens to content terms with the negation of their clause;
// a long name gl defines folds to its acronym.
func (s *Stancer) terms(toks []token, gl *glossary) []term {
	var out []term
	clauseStart := 0
	neg := false
	skip := false // after "rather than": what follows is set aside
	negs := 0
	doubt := false
	var absent [][2]int // token ranges a noun of absence negates ("the lack of [alternatives] to")
	var conds [][3]int  // ranges of out in a condition ("if", "unless": 1 in the third), markConditions
	condFrom, condUnless := -1, 0
	contra := false // after "rather than": the alternative set aside
	flushNeg := func() {
		for k := clauseStart; k < len(out); k++ {
			out[k].neg = neg
			out[k].contra = contra
			out[k].negs = negs
			out[k].doubt = doubt
			for _, r := range absent {
				if out[k].tok >= r[0] && out[k].tok < r[1] {
					out[k].neg = !neg
				}
			}
		}
	}
	// a clause with no verb before the main clause ("Only refugees and
	// asylum seekers, as a target group of UNHCR, are not among ...") is
	// its subject or a circumstance: it takes the main clause's negation
	clauseVerb := false  // the clause has a verb
	subordinate := false // the clause opens with a clause word (which, because, if ...)
	pending := -1        // where the run of verbless clauses before the main clause starts in out
	var own [][2]int     // the relative clauses in that run: they keep their own negation
	endClause := func() {
		flushNeg()
		switch {
		case !clauseVerb:
			if negs > 0 || doubt {
				pending, own = -1, nil
			} else if pending < 0 && clauseStart < len(out) {
				// (an empty clause, before an opening "Whether P is
				// disputed", is nothing the main clause says)
				pending = clauseStart
			}
		case subordinate:
			// a relative or adverbial clause says nothing of the main
			// clause's subject ("IOM, which is not a UN body, is ..."),
			// nor does the main clause's negation deny it ("the council,
			// which funds the ferry, has no say")
			if pending >= 0 {
				own = append(own, [2]int{clauseStart, len(out)})
				for k := clauseStart; k < len(out); k++ {
					out[k].restrict = true
				}
			}
		default:
			if neg && pending >= 0 {
				for k := pending; k < clauseStart; k++ {
					if !slices.ContainsFunc(own, func(r [2]int) bool { return k >= r[0] && k < r[1] }) {
						out[k].neg, out[k].negs = true, negs
					}
				}
			}
			pending, own = -1, nil
		}
	}
	// a relative clause right after a subject with no verb yet ("A person
	// who must choose between detention and a flight home has not made a
	// free choice") ends where a second verb group starts: the main
	// clause's; after an indefinite subject ("a person who", "anyone
	// who") it says what holds of whoever it is, not that anyone is so,
	// and its words are left out
	relOpen, relIndef := false, false
	clauseFirst := 0 // the index of the clause's first token
	clause := 0
	// "Far from being neutral, the agency serves donors": a sentence that
	// opens with "far from" and an -ing form says it of the main clause's
	// subject, which the main clause's predicate is said of too: its terms
	// (up to the main clause's verb, not the manner words before it) vote
	// on the polarity of neither (term.noVote)
	farFront, subjFrom, subjEnd := false, -1, -1
	prevNeg, prevNegs := false, 0              // the negation of the clause before the current one
	var consumed map[int]bool                  // particles of a phrase met before them ("take the politics out")
	lastNeg := -10                             // the index of the clause's last negation word
	lessEnd, lessNeg, lessNegs := -1, false, 0 // the "than" of "less X than Y", and the clause's negation before "less"
	var bound byte                             // the bound of the figure at boundAt ("more than 170": quantityBound)
	boundAt := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// "and its constitution ...": a coordinated clause with its own subject
		coord := (t.lower == "and" || t.lower == "or") && i+1 < len(toks) && clauseSubjects[toks[i+1].lower]
		if t.punct == ',' && s.listComma(toks, i) {
			continue // "by migrants, refugees and asylum seekers": one list, one clause
		}
		if relOpen && clauseVerb && finiteWords[t.lower] && !finiteWords[toks[i-1].lower] && !negWords[toks[i-1].lower] &&
			toks[i-1].lower != "or" && toks[i-1].lower != "and" {
			// (a verb group after "or" or "and" is coordinated with the
			// relative clause's own: "nurses who cannot or do not wish to
			// work abroad", whose negation stays in it)
			if relIndef {
				out = out[:clauseStart]
			}
			endClause()
			prevNeg, prevNegs = neg, negs
			clauseStart, neg, skip, negs, doubt, lastNeg = len(out), false, false, 0, false, -10
			clauseVerb, subordinate, contra, relOpen = false, false, false, false
			if clauseStart > 0 && (len(out) == 0 || out[len(out)-1].clause == clause) {
				clause++
			}
		}
		if t.lower == "if" && i+1 < len(toks) && (toks[i+1].lower == "ever" || (toks[i+1].lower == "at" && i+2 < len(toks) && toks[i+2].lower == "all")) && i > 0 && negWords[toks[i-1].lower] {
			// "rarely if ever funds it", "seldom if at all": no
			// condition, the negation goes on
			i++
			if toks[i].lower == "at" {
				i++
			}
			continue
		}
		if t.lower == "but" && len(out) > 0 && elidedDenial(toks, i) {
			// "The board claims to clean the canal, but it does not": the
			// clause before is denied, and the rest says nothing more
			endClause()
			for k := range out {
				out[k].neg = !out[k].neg
				out[k].negs++
			}
			markAsides(toks, out)
			withVectors(toks, out)
			return out
		}
		relThat := s.relativeThat(toks, i)
		if t.punct != 0 || (clauseBreaks[t.lower] && !yetTo(toks, i) && !notYetWord(toks, i) && !sinceDate(toks, i)) || coord || relThat {
			relOpen = (t.lower == "who" || t.lower == "which" || relThat) && i > 0 && toks[i-1].punct == 0 && !clauseVerb
			relIndef = relOpen && indefinites[toks[clauseFirst].lower]
			clauseFirst = i + 1
			if farFront && t.punct == ',' && subjFrom < 0 {
				subjFrom = len(out)
			} else if subjFrom >= 0 && subjEnd < 0 {
				subjFrom, farFront = -1, false // no verb: no main clause read
			}
			endClause()
			if condFrom >= 0 {
				conds = append(conds, [3]int{condFrom, len(out), condUnless})
				condFrom = -1
			}
			if (t.lower == "if" || t.lower == "unless") && (i == 0 || toks[i-1].lower != "as") {
				condFrom = len(out) // a condition: what it says is not asserted
				condUnless = 0
				if t.lower == "unless" {
					condUnless = 1
				}
			}
			// "it is disputed whether P", "critics questioned whether P":
			// a clause of doubt with no word of its own puts the
			// "whether" clause after it in doubt
			doubtOn := t.lower == "whether" && doubt && clauseStart == len(out)
			prevNeg, prevNegs = neg, negs
			clauseStart, neg, skip, negs, doubt, lastNeg = len(out), false, false, 0, false, -10
			clauseVerb, subordinate, contra = false, clauseBreaks[t.lower] || relThat, false
			if doubtOn {
				neg, negs, doubt = prevNeg, prevNegs, true
			}
			if clauseStart > 0 && (len(out) == 0 || out[len(out)-1].clause == clause) {
				clause++
			}
			continue
		}
		if t.lower == "not" && len(out) == clauseStart && i > 0 && toks[i-1].punct == ',' && out != nil && !prevNeg && s.verbless(toks, i+1) {
			// "funds the bridge, not the ferry", "the council, not the
			// port, funds it": the alternative set aside, as after
			// "rather than"
			contra = true
			continue
		}
		if t.lower == "let" && i+1 < len(toks) && toks[i+1].lower == "alone" && len(out) == clauseStart && prevNeg {
			// "reluctant to discuss, let alone finance projects": what
			// "let alone" adds is denied as what came before it is
			neg, negs = prevNeg, prevNegs
			i++
			continue
		}
		w := strings.TrimSuffix(strings.TrimSuffix(t.lower, "'s"), "'")
		if !clauseVerb && (s.verbAt(w) || (i == clauseFirst && i > 0 && (toks[i-1].lower == "who" || toks[i-1].lower == "which") && s.isVerb(w))) {
			// (the word right after a relative "who" or "which" is its
			// verb when it may be one: "which funds the ferry")
			clauseVerb = true
		}
		if subjFrom >= 0 && subjEnd < 0 && (s.verbAt(w) || (len(out) > subjFrom && s.isVerb(w) && !nounPlace(toks, i))) {
			// the subject ends at the main clause's verb: an auxiliary or
			// verb form, or a word that may be a verb after its first term
			subjEnd = len(out)
			for subjEnd > subjFrom && out[subjEnd-1].adverb && s.isAdverb(out[subjEnd-1].lemma) {
				// a manner word right before the verb is the verb's,
				// not the subject's: "far from being idle, they
				// eagerly take part" says the eagerness, not its lack
				subjEnd--
			}
		}
		if (w == "lack" || w == "absence") && i+2 < len(toks) && toks[i+1].lower == "of" {
			// "protested against the lack of alternatives to the
			// programme": a noun of absence negates its of-phrase, not
			// its clause
			absent = append(absent, [2]int{i + 2, ofPhraseEnd(toks, i+2)})
			i++
			continue
		}
		if w == "no" && reducedRelative(toks, i) && len(out) > clauseStart {
			// "gaps no other agency wanted to fill": the negation is the
			// relative clause's, not its head noun's
			endClause()
			clauseStart, neg, skip, negs, doubt, lastNeg = len(out), false, false, 0, false, -10
			clauseVerb, subordinate = false, true
			clause++
		}
		if doubtWords[w] {
			if !passiveAt(toks, i) && len(out) > clauseStart {
				// "migrants protested and questioned its voluntary
				// nature": an active verb of doubt puts its object in
				// doubt, not its subject or what they did before
				flushNeg()
				clauseStart, pending = len(out), -1
			}
			doubt = true
		}
		if w == "not" && notOnlyBut(toks, i) {
			// "not only cleans the canal but also repairs its locks"
			// says both
			i++
			continue
		}
		if !doubtWords[w] && s.denyingAt(toks, i) {
			// "critics dispute that P", "no one doubts that P", "there
			// is no doubt that P": what follows is denied, once more;
			// its subject is not
			if len(out) > clauseStart {
				flushNeg()
				clauseStart, pending = len(out), -1
			}
			negs++
			neg = negs%2 == 1
			lastNeg = i
			continue
		}
		stopping := s.stoppingAt(toks, i)
		if stopping && directiveBefore(toks, i) {
			// "urge IOM to cease detaining migrants": a call to stop
			// doing something takes for granted that it is being done
			// (with "refrain from or cease", the pair counted as one
			// negation at "refrain" is taken back)
			if negWords[w] && coordinatedNeg(toks, i, lastNeg) {
				negs--
			}
			neg = negs%2 == 1
			lastNeg = -10
			continue
		}
		if !negWords[w] && (passiveAt(toks, i) || s.complementAt(toks, i)) && s.isNegative(w) && !s.isVerb(w) {
			// "its constitution is silent on the rights of migrants": an
			// adjective that says an absence (WordNet), said of the
			// subject, negates its clause like "does not refer to"; it
			// stays a term of its own. A participle ("rights are
			// disregarded", "is missing") is read as the verb's.
			if !coordinatedNeg(toks, i, lastNeg) {
				negs++
			}
			neg = negs%2 == 1
			lastNeg = i
		}
		if n := s.counterfactualAt(toks, i); n > 0 {
			// "would have been profitable", "should have warned them",
			// "would be profitable if fares rose": what did not happen,
			// or is not so; a "without" before it in its clause is the
			// condition ("without it they would travel home unsupported"),
			// not a negation of what follows
			if lastNeg >= 0 && toks[lastNeg].lower == "without" {
				negs--
			}
			negs++
			neg = negs%2 == 1
			lastNeg = -10
			i += n - 1
			continue
		}
		if s.negatesAt(toks, i) || doubtWords[w] || strings.HasSuffix(w, "n't") || stopping || s.fewAt(toks, i) || minorityAt(toks, i) {
			// (a verb of stopping that reports an end, "the board stopped
			// funding it", says that it is no longer done)
			// two negations in a clause cancel ("refusing to help them
			// would not have set them free")
			if w != "neither" && !coordinatedNeg(toks, i, lastNeg) {
				negs++ // "neither P nor Q", "refrain from or cease" negate once
			}
			neg = negs%2 == 1 || w == "neither"
			lastNeg = i
			if (avoidForms[w] || s.avoidingAt(toks, i)) && !skip {
				// the avoiding itself, which a question of one word
				// besides names needs said (avoidMark)
				out = append(out, term{lemma: avoidMark, acr: true, clause: clause, tok: i})
			}
			continue
		}
		if b, n := quantityBound(toks, i); n > 0 {
			// "more than 170", "nearly 375": the figure's bound, not a
			// negation (stance_numbers.go)
			bound, boundAt = b, i+n
			i += n - 1
			continue
		}
		if everyDets[w] && i+1 < len(toks) && occasionNouns[toks[i+1].lower] {
			// "in every case", "at all times": a universal said as a noun
			// phrase is a manner of the clause, "always", not a thing a
			// claim must name
			out = append(out, term{lemma: "always", concepts: s.lex.Concepts("always"), adverb: true, clause: clause, tok: i + 1})
			i++
			continue
		}
		if w == "still" && i > 0 && i+1 < len(toks) && toks[i+1].punct == 0 && (finiteWords[toks[i-1].lower] || finiteWords[toks[i+1].lower] || s.verbAt(toks[i+1].lower)) {
			// "is still a small business", "still runs the ferry": what
			// stays as it is (a question's "remained", term.stays)
			out = append(out, term{lemma: "still", stays: true, adverb: true, clause: clause, tok: i})
			continue
		}
		if w == "far" && i == 0 && i+2 < len(toks) && toks[i+1].lower == "from" && strings.HasSuffix(toks[i+2].lower, "ing") {
			farFront = true
		}
		if ((w == "more" || w == "far") && i+1 < len(toks) && (toks[i+1].lower == "than" || toks[i+1].lower == "from")) ||
			(w == "anything" && i+1 < len(toks) && toks[i+1].lower == "but") ||
			(declineVerbs[w] && i+2 < len(toks) && toks[i+1].lower == "to" && s.isVerb(toks[i+2].lower)) ||
			(i+2 < len(toks) && toks[i+1].lower == "to" && s.unwillingAt(w) && s.isVerb(toks[i+2].lower)) ||
			(yetTo(toks, i) && s.isVerb(toks[i+2].lower)) {
			// "more than (just) a tool", "far from neutral", "anything but
			// neutral", "declined to fund it" (decline as refuse, not as
			// fall: only before "to" and a verb), "reluctant to fund it"
			// (an adjective of not wanting, before "to" and a verb), "has
			// yet to fund it" (not so far)
			negs++
			neg = negs%2 == 1
			i++
			continue
		}
		if w == "rather" && i+1 < len(toks) && toks[i+1].lower == "than" && len(out) > clauseStart {
			// "frame alternatives as an option rather than an
			// obligation": what follows is the alternative set aside, a
			// clause of its own whose words a question says the other
			// way round
			endClause()
			clauseStart, skip, doubt, lastNeg = len(out), false, false, -10
			clauseVerb, subordinate, contra = false, true, true
			clause++
			i++
			continue
		}
		if w == "rather" && i+1 < len(toks) && toks[i+1].lower == "than" {
			skip = true
			i++
			continue
		}
		if s.notYet(toks, i) {
			// "put it at the centre of its work before its member states
			// were ready to fund it": they were not ready then, a clause
			// of its own, negated
			endClause()
			clauseStart, skip, doubt, lastNeg = len(out), false, false, -10
			clauseVerb, subordinate, contra = false, true, false
			negs, neg = 1, true
			clause++
			continue
		}
		if w == "instead" && i+1 < len(toks) && toks[i+1].lower == "of" {
			// "built a bridge instead of funding the ferry", "instead of
			// funding the ferry, it built a bridge": what follows is the
			// alternative set aside, a clause of its own
			if len(out) > clauseStart {
				endClause()
				clauseStart, skip, doubt, lastNeg = len(out), false, false, -10
				clauseVerb, subordinate = false, true
				clause++
			}
			contra = true
			i++
			continue
		}
		if w == "as" && i+1 < len(toks) && (toks[i+1].lower == "though" || toks[i+1].lower == "if") {
			// "speaks as though it worked for migrants": a pretence or a
			// likeness, which the sentence neither states nor denies
			skip = true
			i++
			continue
		}
		if i == lessEnd {
			// the "than" of "less X than Y": Y is said as the clause says it
			flushNeg()
			clauseStart, neg, negs = len(out), lessNeg, lessNegs
			continue
		}
		if w == "less" && lessEnd < i {
			if k := thanAfter(toks, i); k > 0 && !s.comparison(toks, i, k) {
				// "driven less by the needs of migrants than by the demand
				// of states": X is denied
				flushNeg()
				clauseStart, lessEnd, lessNeg, lessNegs, pending = len(out), k, neg, negs, -1
				negs++
				neg = negs%2 == 1
				continue
			}
		}
		if skip || consumed[i] {
			continue
		}
		if d, n := trendAt(toks, i); d != 0 {
			// "refers to it more and more often": a rising trend, which
			// "a decline in references" denies
			out = append(out, s.trendTerm(d, clause, i+n-1))
			i += n - 1
			continue
		}
		// a defined long name folds to its acronym
		if n, acr := gl.atTokens(toks, i); n > 0 {
			out = append(out, s.acronym(acr, clause))
			out[len(out)-1].long = gl.expansion[acr]
			i += n - 1
			out[len(out)-1].tok = i
			continue
		}
		if n := nameRun(toks, i); n > 1 {
			// a name of several capitalised words (Missing Migrants
			// Project, Human Rights Watch) is one term that meets others
			// only by name, as an acronym does
			out = append(out, s.acronym(strings.Join(lowerWords(toks[i:i+n]), " "), clause))
			out[len(out)-1].long = out[len(out)-1].lemma
			i += n - 1
			out[len(out)-1].tok = i
			continue
		}
		if w == "against" && passiveAt(toks, i) && i+1 < len(toks) && toks[i+1].punct == 0 {
			// "the fishermen are against the quotas": to be against
			// something is to oppose it, a side taken (sideWords)
			in := s.lex.Word("oppose")
			out = append(out, s.placed(term{lemma: in.Lemma, concepts: in.Concepts, antonyms: in.Antonyms, broader: in.Broader,
				narrower: in.Narrower, related: in.Related, genus: in.Genus, clause: clause, tok: i, side: s.attitude(in.Concepts)}))
			continue
		}
		if propStop[w] || len(w) < 2 || connectiveNoun(toks, i) {
			continue
		}
		if passiveVerbs[w] && s.placeAfter(toks, i) {
			// "remained outside the UN" says where it is, as "is outside"
			// does: the copula is no term of its own
			continue
		}
		if hasDigit(w) && len(w) != 4 && !decade(w) {
			if n := number(w); n != "" {
				// a figure of two digits or more ("375 million") meets
				// only the same figure, or one its bound allows
				// (figureMeets), and does not vote on polarity
				if boundAt == i {
					n = string(bound) + n
				}
				out = append(out, term{lemma: n, clause: clause, acr: true, tok: i})
			}
			continue // other figures (list numbers, "2014-16") say little about the proposition
		}
		if isAcronym(t.text) && !shouting(toks, i) {
			out = append(out, s.acronym(acronymKey(t.text), clause))
			out[len(out)-1].tok = i
			if gl != nil {
				out[len(out)-1].long = gl.expansion[out[len(out)-1].lemma]
			}
			continue
		}
		if k := strings.LastIndexByte(w, '-'); k > 0 && k < len(w)-1 && !s.isKnown(w) {
			// a compound (nation-state, rights-based) is one term, with the
			// concepts of its head
			head := w[k+1:]
			cs := s.lex.Concepts(head)
			if w[:k] == "de" {
				cs = s.izeConcepts(head)
			}
			out = append(out, term{lemma: w, concepts: cs, clause: clause, tok: i})
			switch w[:k] {
			case "under":
				// "under-studied": studied too little
				out = append(out, term{lemma: "little", concepts: s.lex.Concepts("little"), antonyms: s.lex.Antonyms("little"), clause: clause, tok: i})
			case "de":
				// "de-politicizes": takes the political character away
				out = append(out, s.removal(clause, i))
			}
			continue
		}
		if len(w) > 9 && strings.HasPrefix(w, "under") && strings.HasSuffix(w, "ed") && s.isVerb(w[5:]) {
			// "understudied" (which WordNet reads as "understudy"):
			// studied too little, besides what WordNet says of it
			in := s.lex.WordNoNear(w)
			out = append(out, term{lemma: in.Lemma, concepts: append(in.Concepts[:len(in.Concepts):len(in.Concepts)], s.lex.Concepts(w[5:])...),
				clause: clause, tok: i},
				term{lemma: "little", concepts: s.lex.Concepts("little"), antonyms: s.lex.Antonyms("little"), clause: clause, tok: i})
			continue
		}
		if base, ok := s.dePrefixed(w); ok {
			// "depoliticises", which WordNet does not list: its base and
			// the removal the prefix says
			out = append(out, term{lemma: w, concepts: s.izeConcepts(base), clause: clause, tok: i}, s.removal(clause, i))
			continue
		}
		if lemma, last := s.phraseAt(toks, i, &consumed); lemma != "" {
			// a multiword verb, adverb or adjective WordNet lists (keep
			// away, close to, talk out of) is one term with its meaning
			in := s.word(lemma, gl == nil || !gl.noNear)
			// (with its verb's synsets too: "move people out of Europe"
			// still says "move", whether or not the other text reads the
			// phrase)
			head := s.word(w, false).Concepts
			out = append(out, term{lemma: lemma, concepts: append(in.Concepts[:len(in.Concepts):len(in.Concepts)], head...),
				antonyms: in.Antonyms, broader: in.Broader, narrower: in.Narrower, related: in.Related, genus: in.Genus, clause: clause, tok: last})
			if last == i+len(strings.Fields(lemma))-1 {
				i = last // a contiguous phrase: its words are said
			}
			continue
		}
		if r := readAs[w]; r != "" {
			w = r
		}
		in := s.word(w, gl == nil || !gl.noNear)
		nt := term{lemma: in.Lemma, concepts: in.Concepts, antonyms: in.Antonyms,
			broader: in.Broader, narrower: in.Narrower, related: in.Related, genus: in.Genus, adverb: in.Adverb, clause: clause, tok: i,
			negBase: s.negativeBase(w, in), selfNeg: lastNeg == i}
		if !quantityHeads[in.Lemma] {
			// (a noun that counts, "a number of", says no change though
			// WordNet has a sense of it under decrease: "number" as
			// "limit")
			nt.dir = s.direction(in)
			nt.stays = nt.dir == 0 && len(in.Antonyms) > 0 && sharesConcept(in.Antonyms, s.changing)
			nt.alters = nt.dir == 0 && !nt.stays && sharesConcept(in.Concepts, s.altering)
			nt.themeOn = (nt.dir != 0 || nt.alters) && s.themeAfter(toks, i)
		}
		if (i == 0 || toks[i-1].lower != "to") && (s.isVerb(in.Lemma) || s.isNoun(in.Lemma) || passiveAt(toks, i)) && (clauseVerb || !s.verbAhead(toks, i)) {
			// (after "to" it is a purpose or a plan, not a side taken:
			// "grants to support the harbour"; an adjective is a manner,
			// "dismissive replies"; a noun before its clause's verb is
			// in the subject and names who is on a side, not a side the
			// clause takes: "The mayor's critics and her defenders
			// engage with each other's arguments" says they engage; an
			// adjective after a copula is what the clause says of its
			// subject, "are critical of the plan", "was supportive of it")
			nt.side = s.attitude(in.Concepts)
			if nt.side == 0 && passiveAt(toks, i) {
				// an adjective WordNet does not tie to the verb it is
				// derived from: "critical" of criticise, "supportive"
				// of support (sideStems)
				nt.side = s.sideStems[derivationStem(in.Lemma)]
			}
		} else if s.isNoun(in.Lemma) && !s.isVerb(w) {
			// "critics", "supporters", "opponents" in the subject: who
			// is on a side (term.camp)
			nt.camp = s.attitude(in.Concepts)
		}
		if base, ok := strings.CutSuffix(w, "ly"); ok && in.Adverb && nt.dir == 0 && len(base) > 4 {
			if d := s.direction(s.word(base, true)); d != 0 {
				// "increasingly", "decreasingly": an adverb of a word of
				// change says only the trend, and is a question's point
				nt = s.trendTerm(d, clause, i)
			}
		}
		out = append(out, s.placed(nt))
	}
	endClause()
	if subjFrom >= 0 && subjEnd > subjFrom {
		for k := subjFrom; k < min(subjEnd, len(out)); k++ {
			out[k].noVote = true
		}
	}
	if condFrom >= 0 {
		conds = append(conds, [3]int{condFrom, len(out), condUnless})
	}
	s.markConditions(toks, out, conds)
	markAsides(toks, out)
	withVectors(toks, out)
	return out
}

// nounPlace reports whether toks[i] stands where a verb cannot: right
// after a determiner or a preposition other than "to" ("the states of
// transit", "with support"), so that a word WordNet has as a verb too is
// read there as a noun.
func nounPlace(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1].lower
	return determiners[p] || (roleEnds[p] && p != "to")
}

// verbless reports whether the words from toks[k] to the next punctuation
// mark or clause word are some and have no verb.
func (s *Stancer) verbless(toks []token, k int) bool {
	n := 0
	for ; k < len(toks) && toks[k].punct == 0 && !clauseBreaks[toks[k].lower]; k++ {
		if s.verbAt(toks[k].lower) {
			return false
		}
		n++
	}
	return n > 0
}

// notYetWord reports whether toks[i] is the "yet" of "not yet" ("is not yet
// profitable"): no clause word, the negation before it goes on.
func notYetWord(toks []token, i int) bool {
	return toks[i].lower == "yet" && i > 0 && (negWords[toks[i-1].lower] || strings.HasSuffix(toks[i-1].lower, "n't"))
}

// comparison reports whether "less" at toks[i], with its "than" at
// toks[k], compares two things in one quality ("less profitable than the
// bus company", "less costly than before"): one adjective between, and
// no preposition or pronoun after "than" that would set a second reading
// of the same thing against the first ("less by the needs of migrants than
// by the demand of states", "less neutral than it claims").
func (s *Stancer) comparison(toks []token, i, k int) bool {
	if k != i+2 || k+1 >= len(toks) || toks[k+1].punct != 0 {
		return false
	}
	adj := toks[i+1].lower
	if len(s.lex.Adjectives(s.lex.Concepts(adj))) == 0 || s.isNoun(adj) {
		return false
	}
	switch next := toks[k+1].lower; next {
	case "it", "they", "he", "she", "we", "i", "you", "its", "their":
		return false
	default:
		return !prepositions[next] && !predicateEnds[next]
	}
}

// yetTo reports whether toks[i] is the "yet" of "has/is yet to V" (not so
// far), with a word after "to".
func yetTo(toks []token, i int) bool {
	if toks[i].lower != "yet" || i == 0 || i+2 >= len(toks) || toks[i+1].lower != "to" {
		return false
	}
	switch toks[i-1].lower {
	case "has", "have", "had", "is", "are", "was", "were":
		return true
	}
	return false
}

// markNegated marks the first word a question's negation governs ("does
// not count refugees ...": count; "carries no political weight":
// political, not the verb before "no", often a light one: "offers no
// protection" is denied by "protects"): a claim that does not say it (a near word says it only in
// part) says nothing of what the question denies, so the question's negation set against the
// claim's lack of one is no denial ("some operations were undermining the
// rights of refugees" of "IOM does not count refugees among the people its
// projects are for"). A condition's negation ("without a mandate") is left
// alone. A quantifier of a minority or of few ("in only a handful of
// ports", "few states fund it") governs the noun it counts: a claim that
// does not speak of the ports, or of a count of them, shares only the
// question's topic ("Part of what the charity does is to show off its
// donors" of "The charity operates in only a handful of ports").
func (s *Stancer) markNegated(toks []token, ts []term) {
	for i, t := range toks {
		if (!s.negatesAt(toks, i) && !minorityAt(toks, i) && !s.fewAt(toks, i)) || t.lower == "without" {
			continue
		}
		if t.lower == "no" && i+1 < len(toks) && toks[i+1].lower == "longer" {
			i++ // "no longer dredges it": what it governs is "dredges"
		}
		for k := range ts {
			if ts[k].tok > i && !ts[k].ante {
				if ts[k].adverb && k+1 < len(ts) && ts[k+1].clause == ts[k].clause && !ts[k+1].acr {
					// "not really voluntary", "does not genuinely help":
					// the negation governs the word the manner or degree
					// word modifies
					ts[k].hedge = emphasisers[ts[k].lemma]
					continue
				}
				if !ts[k].acr && ts[k].neg {
					h := s.phraseHead(toks, ts, k)
					ts[h].negHead = true
					ts[h].counted = !s.negatesAt(toks, i)
				}
				return
			}
		}
		return
	}
}

// phraseHead returns the index in ts of the head of the noun phrase that
// ts[k] opens after a determiner or possessive: the last of the content
// words that follow it with no preposition, mark, clause word or verb
// between ("dodge their human rights obligations": obligations, not
// human). A word with no determiner before it is its own head ("does not
// count refugees": count; "offers no protection").
func (s *Stancer) phraseHead(toks []token, ts []term, k int) int {
	j := ts[k].tok
	if j == 0 || j >= len(toks) || !determiners[toks[j-1].lower] || s.verbAt(toks[j].lower) || s.isAdverb(toks[j].lower) {
		return k
	}
	for j+1 < len(toks) {
		w := toks[j+1].lower
		if toks[j+1].punct != 0 || propStop[w] || prepositions[w] || predicateEnds[w] || clauseBreaks[w] || s.verbAt(w) {
			break
		}
		j++
	}
	for h := k; h < len(ts) && ts[h].tok <= j; h++ {
		if ts[h].tok == j && !ts[h].acr {
			return h
		}
	}
	return k
}

// markAsides marks the terms of a source set between commas inside a
// sentence ("..., as the survey documented in its 2019 report "Title",
// ..."; "..., according to the survey, ..."): an aside that says where the
// sentence comes from, not a clause of the proposition, so the clauses on
// either side of it stay within one window.
func markAsides(toks []token, ts []term) {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].punct != ',' || (toks[i].lower != "as" && toks[i].lower != "according") {
			continue
		}
		end, says := i+1, toks[i].lower == "according"
		for end < len(toks) && toks[end].punct != ',' && toks[end].punct != ';' && toks[end].punct != '.' {
			says = says || reportingVerbs[toks[end].lower]
			end++
		}
		if !says || end >= len(toks) || toks[end].punct != ',' {
			continue
		}
		for k := range ts {
			if ts[k].tok > i && ts[k].tok < end {
				ts[k].aside = true
			}
		}
		i = end
	}
}

// placed marks a word of place: an opposite of being inside (outside) is
// a state that joining or entering ends, being inside one that leaving
// ends. Only the event denies the state ("IOM joined the UN" denies "IOM
// remained outside the UN"): a claim that something is outside does not
// deny that it joined, which says it was outside before.
func (s *Stancer) placed(t term) term {
	switch {
	case sharesConcept(t.antonyms, s.inside):
		t.endedBy = s.entering
	case sharesConcept(t.concepts, s.inside):
		t.endedBy = s.leaving
	}
	return t
}

// placeAfter reports whether a word of being inside or outside
// (outside, inside, within) follows toks[i], at most one adverb between.
func (s *Stancer) placeAfter(toks []token, i int) bool {
	for k := i + 1; k < len(toks) && k <= i+2; k++ {
		if toks[k].punct != 0 {
			return false
		}
		w := toks[k].lower
		if s.isAdverb(w) && !sharesConcept(s.lex.Concepts(w), s.inside) && !sharesConcept(s.lex.Antonyms(w), s.inside) {
			continue
		}
		return sharesConcept(s.lex.Concepts(w), s.inside) || sharesConcept(s.lex.Antonyms(w), s.inside)
	}
	return false
}

// verbAt reports whether w is a verb as written: an auxiliary or copula,
// a word WordNet knows only as a verb (seem, protested is not: protest is
// a noun too, but an -ed form of a verb is taken as one).
func (s *Stancer) verbAt(w string) bool {
	if finiteWords[w] {
		return true
	}
	if propStop[w] || len(w) < 3 {
		return false
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return s.isVerb(w)
	}
	// (most content words are nouns: that look-up first)
	return !s.isNoun(w) && s.isVerb(w) && !s.isKnown(w+"s")
}

// ofPhraseEnd returns the index of the token after the noun phrase that
// starts at toks[k] (the of-phrase of "the lack of"): it ends at a
// punctuation mark, a clause word, an auxiliary, a negation or a
// preposition after its first word.
func ofPhraseEnd(toks []token, k int) int {
	for j := k; j < len(toks); j++ {
		w := toks[j].lower
		if toks[j].punct != 0 || clauseBreaks[w] || finiteWords[w] || negWords[w] || j > k && (predicateEnds[w] || w == "and" || w == "or") {
			return j
		}
	}
	return len(toks)
}

// particles end a verb's phrase after its object ("take the politics
// out", "keeping them away", "talk young people out of it").
var particles = wordSet(`out away off up down back over aside apart together`)

// maxPhraseGap is how many words may stand between a verb and its
// particle.
const maxPhraseGap = 3

// phraseAt returns the multiword lemma WordNet lists that starts at
// toks[i] and the index of its last token, or "" when there is none: the
// longest contiguous one ("close to", "carry out"), else a verb whose
// particle follows its object ("take the politics out of"). The particles
// of a separated phrase are marked consumed, so that they are not read
// again; the words between stay terms of their own.
func (s *Stancer) phraseAt(toks []token, i int, consumed *map[int]bool) (string, int) {
	if cardinals[toks[i].lower] > 0 {
		// "four times", "two times" (WordNet's adverbs): a count and what
		// it counts, each a word of its own (countMeets)
		return "", 0
	}
	r := s.wordOf(toks[i].lower)
	if !r.phrase {
		return "", 0
	}
	lemmas := r.lemmas
	word := func(k int) bool { return k < len(toks) && toks[k].punct == 0 && toks[k].lower != "" }
	for n := 3; n >= 1; n-- {
		ok := true
		for k := i + 1; k <= i+n; k++ {
			if !word(k) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if lemma, found := s.lex.PhraseOf(lemmas, strings.ToLower(joinLower(toks[i+1:i+n+1]))); found {
			return lemma, i + n
		}
	}
	for g := 1; g <= maxPhraseGap; g++ {
		j := i + g + 1
		if !word(j) || clauseBreaks[toks[i+g].lower] || negWords[toks[i+g].lower] || !word(i+g) {
			return "", 0
		}
		if !particles[toks[j].lower] {
			continue
		}
		if word(j + 1) {
			if lemma, found := s.lex.PhraseOf(lemmas, toks[j].lower+" "+toks[j+1].lower); found {
				mark(consumed, j, j+1)
				return lemma, j + 1
			}
		}
		if lemma, found := s.lex.PhraseOf(lemmas, toks[j].lower); found {
			mark(consumed, j)
			return lemma, j
		}
		return "", 0
	}
	return "", 0
}

func mark(m *map[int]bool, ks ...int) {
	if *m == nil {
		*m = map[int]bool{}
	}
	for _, k := range ks {
		(*m)[k] = true
	}
}

func joinLower(ts []token) string {
	var b strings.Builder
	for k, t := range ts {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.lower)
	}
	return b.String()
}

// directives ask or require that something be done: a verb of stopping
// after one of them is asked for, not said to have happened.
var directives = wordSet(`urge urges urged urging ask asks asked asking call calls called calling demand demands
	demanded demanding request requests requested requesting recommend recommends recommended recommending press
	presses pressed pressing should must ought need needs insist insists insisted`)

// stoppingAt reports whether the word at toks[i] is a verb of stopping
// (WordNet: one of its senses, or their hypernyms, is discontinue or
// terminate: cease, stop, quit, end) with an -ing verb as its complement
// ("cease engaging", "stop detaining", an adverb between allowed). Such a
// verb says that the activity ends, and so that it was going on.
func (s *Stancer) stoppingAt(toks []token, i int) bool {
	if len(toks[i].lower) < 3 {
		return false
	}
	k := i + 1
	for k < len(toks) && k <= i+2 && toks[k].punct == 0 && strings.HasSuffix(toks[k].lower, "ly") {
		k++
	}
	// (the -ing complement first: it rules most words out without a look-up)
	if k >= len(toks) || toks[k].punct != 0 || !strings.HasSuffix(toks[k].lower, "ing") ||
		!s.isVerb(toks[i].lower) || !s.isVerb(toks[k].lower) {
		return false
	}
	in := s.lex.Word(toks[i].lower)
	return sharesConcept(in.Concepts, s.stopping) || sharesConcept(in.Broader, s.stopping)
}

// directiveBefore reports whether a directive asks for what the verb at
// toks[i] says ("urge X to", "must", "call on X to"): one stands at most
// twelve words back in its sentence, with no clause word such as "but" or
// "because" between. A verb of stopping asked for takes the activity for
// granted: it asks that it end.
func directiveBefore(toks []token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		w := toks[j].lower
		if toks[j].punct == '.' || toks[j].punct == ';' || clauseBreaks[w] {
			return false
		}
		if directives[w] {
			return true
		}
	}
	return false
}

// listComma reports whether the comma at toks[i] separates the items of a
// list of nouns ("migrants, refugees and asylum seekers", "detention,
// destitution or death"): up to three words that can be nouns after it,
// then and/or and up to three more that can be nouns, up to a punctuation
// mark, the end, or a preposition. Such a comma does not end a clause.
func (s *Stancer) listComma(toks []token, i int) bool {
	if i == 0 || toks[i-1].punct != 0 {
		return false
	}
	nounRun := func(k int) int { // how many words from k can be nouns (at most 3)
		n := 0
		for ; k+n < len(toks) && n < 3; n++ {
			t := toks[k+n]
			if t.punct != 0 || t.lower == "and" || t.lower == "or" || propStop[t.lower] && !determiners[t.lower] || prepositions[t.lower] {
				break
			}
			if !determiners[t.lower] && !s.isNoun(t.lower) && !isAcronym(t.text) {
				return -1
			}
		}
		return n
	}
	k := i + 1
	n := nounRun(k)
	if n <= 0 {
		return false
	}
	k += n
	if k >= len(toks) || toks[k].lower != "and" && toks[k].lower != "or" {
		// another item ("A, B, C and D") or no list
		return k < len(toks) && toks[k].punct == ',' && s.listComma(toks, k)
	}
	k++
	n = nounRun(k)
	if n <= 0 {
		return false
	}
	k += n
	return k >= len(toks) || toks[k].punct != 0 || predicateEnds[toks[k].lower] || prepositions[toks[k].lower]
}

// prepositions (besides predicateEnds) may follow the last item of a list.
var prepositions = wordSet(`among amongst between against across through into within under over via per about`)

// coordinatedNeg reports whether the negation word at toks[i] is
// coordinated with the one at toks[last] ("refrain from or immediately
// cease engaging"): "or", "and" or "nor" stands just before it (an adverb
// may come between) and the other is at most five words back. Both then
// negate the same thing once.
func coordinatedNeg(toks []token, i, last int) bool {
	if i-last > 6 {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2 && k > last; k-- {
		switch toks[k].lower {
		case "or", "and", "nor":
			return true
		}
	}
	return false
}

// thanAfter returns the index of the "than" that closes a comparison
// opened at toks[i] ("less by the needs of migrants than ..."), within ten
// words and no punctuation, or 0; "less than" right after is a quantity
// ("less than half"), not a comparison of two things.
func thanAfter(toks []token, i int) int {
	for k := i + 2; k < len(toks) && k <= i+10; k++ {
		if toks[k].punct != 0 {
			return 0
		}
		if toks[k].lower == "than" {
			return k
		}
	}
	return 0
}

// removal is the term a "de-" prefix adds: the verb "remove".
func (s *Stancer) removal(clause, tok int) term {
	in := s.lex.WordNoNear("remove")
	return term{lemma: "remove", concepts: in.Concepts, clause: clause, tok: tok}
}

// dePrefixed returns the base of a word WordNet does not know that is
// "de" + a verb it knows ("depoliticise": "politicise").
func (s *Stancer) dePrefixed(w string) (string, bool) {
	if len(w) < 7 || !strings.HasPrefix(w, "de") || s.isKnown(w) {
		return "", false
	}
	base := w[2:]
	if !s.isVerb(base) {
		return "", false
	}
	return base, true
}

// izeConcepts returns the synsets of a verb and, when it is an "-ize"
// verb ("politicize": give a political character to), those of the words
// its stem makes (politic, politics, political), which WordNet often does
// not link to it.
func (s *Stancer) izeConcepts(verb string) []wn.Concept {
	lemma := s.lex.Lemma(verb)
	out := s.lex.Concepts(lemma)
	stem, ok := strings.CutSuffix(lemma, "ize")
	if !ok {
		stem, ok = strings.CutSuffix(lemma, "ise") // politicise
	}
	if ok && len(stem) > 3 {
		for _, w := range []string{stem, stem + "s", stem + "al"} {
			if s.isKnown(w) {
				out = append(out, s.lex.Concepts(w)...)
			}
		}
	}
	return out
}

// number returns a figure of two or more digits as a term's lemma (commas
// dropped: "20,000" is "20000"), or "" for a token that is not a figure.
// decade reports whether w names a decade ("1970s"): a word of time, kept
// as a term as a year is, not dropped with the other figures that are no
// numbers.
func decade(w string) bool {
	if len(w) != 5 || w[4] != 's' || w[3] != '0' {
		return false
	}
	for k := range 4 {
		if w[k] < '0' || w[k] > '9' {
			return false
		}
	}
	return true
}

func number(w string) string {
	var b strings.Builder
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == ',' || c == '.':
		default:
			return ""
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// complementAt reports whether the word at toks[i] stands after a noun
// and ends its clause or comes before a preposition: what the clause's
// verb says its object is ("inspectors found the quay unsafe", "the
// scheme left migrants destitute"), not a modifier, which comes before
// its noun.
func (s *Stancer) complementAt(toks []token, i int) bool {
	if i == 0 || toks[i-1].punct != 0 || propStop[toks[i-1].lower] || !s.isNoun(toks[i-1].lower) {
		return false
	}
	if i+1 == len(toks) || toks[i+1].punct != 0 {
		return true
	}
	n := toks[i+1].lower
	return clauseBreaks[n] || predicateEnds[n] || prepositions[n]
}

// passiveVerbs stand before a participle in the passive ("is contested",
// "has been questioned").
var passiveVerbs = wordSet(`is are was were be been being remains remain remained get gets got become becomes became
	stay stays stayed seem seems seemed`)

// passiveAt reports whether the verb at toks[i] is a passive participle:
// a form of "be" (or another copula: remain, stay, seem, get, become)
// stands before it, at most one adverb between ("is hotly contested",
// "will stay contested").
func passiveAt(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if toks[k].punct != 0 {
			return false
		}
		if passiveVerbs[toks[k].lower] {
			return true
		}
	}
	return false
}

// nameWords may stand inside a name between capitalised words
// (International Organization for Migration).
var nameWords = wordSet(`of for the and on de`)

// nameRun returns how many tokens from toks[i] make a name of capitalised
// words (two at least, small words inside allowed), or 0. A capitalised
// word that opens a sentence counts only when the next word is capitalised
// too; a run of capitals (a heading) is no name.
func nameRun(toks []token, i int) int {
	capital := func(k int) bool {
		if k >= len(toks) || toks[k].punct != 0 || toks[k].text == "" {
			return false
		}
		r := []rune(toks[k].text)[0]
		return unicode.IsUpper(r) && !isAcronym(toks[k].text) && !propStop[toks[k].lower]
	}
	if !capital(i) {
		return 0
	}
	n := 1
	for k := i + 1; k < len(toks); k++ {
		if capital(k) {
			n = k - i + 1
			continue
		}
		if toks[k].punct == 0 && nameWords[toks[k].lower] && capital(k+1) {
			continue
		}
		break
	}
	if n < 2 {
		return 0
	}
	return n
}

// shouting reports whether the capitals at toks[i] are those of a line in
// capitals (a heading) rather than an acronym: a neighbouring word is in
// capitals too.
func shouting(toks []token, i int) bool {
	for _, k := range []int{i - 1, i + 1} {
		if k >= 0 && k < len(toks) && toks[k].punct == 0 && len(toks[k].text) > 3 && isAcronym(toks[k].text) {
			return true
		}
	}
	return false
}

// acronym is the term of an acronym or its expansion: one term that meets
// other words only by name ("IOM" does not cover "international" or
// "migration").
func (s *Stancer) acronym(acr string, clause int) term {
	return term{lemma: acr, clause: clause, acr: true}
}

func lowerWords(ts []token) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.punct != 0 {
			break
		}
		out = append(out, t.lower)
	}
	return out
}

// masks are a term's concept lists as conceptMasks.
type masks struct {
	concepts, antonyms, broader, narrower, related, genus, endedBy mask
}

// mask is a set of concept numbers modulo 256.
type mask [4]uint64

// meets reports whether the masks have a number in common.
func (m *mask) meets(o *mask) bool {
	return m[0]&o[0] != 0 || m[1]&o[1] != 0 || m[2]&o[2] != 0 || m[3]&o[3] != 0
}

// termMasks returns the masks of each term's concept lists.
func termMasks(ts []term) []masks {
	out := make([]masks, len(ts))
	for i := range ts {
		t := &ts[i]
		out[i] = masks{conceptMask(t.concepts), conceptMask(t.antonyms), conceptMask(t.broader), conceptMask(t.narrower),
			conceptMask(t.related), conceptMask(t.genus), conceptMask(t.endedBy)}
	}
	return out
}

// conceptMask is the set of the concepts' numbers modulo 256: lists that
// share a concept have masks that meet (the converse need not hold).
func conceptMask(cs []wn.Concept) mask {
	var m mask
	for _, c := range cs {
		m[c/64%4] |= 1 << (c % 64)
	}
	return m
}

func sharesConcept(a, b []wn.Concept) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// sharesSense reports whether the terms share a concept that is a sense
// of one of them: a synset of a part of speech WordNet lists one of the
// two words as. Two words whose only common concept is a third word that
// each is derived from or gives ("migrant" and "migration", both of
// "migrate"; "instrument" and "implement", both of the adjective
// "instrumental, implemental") are kin, not one word: a doer is not the
// act, nor a tool the carrying out.
// (The match itself goes on to meet them at nearWeight.)
func sharesSense(qt, ct term) bool {
	lex := wn.Default()
	const parts = wn.KindNoun | wn.KindVerb | wn.KindAdjective | wn.KindAdverb
	var kinds wn.Kind
	asked := false
	for _, x := range qt.concepts {
		for _, y := range ct.concepts {
			if x != y {
				continue
			}
			if !asked {
				// asked only of a pair that shares a concept
				asked = true
				qk, ck := lex.Kinds(qt.lemma)&parts, lex.Kinds(ct.lemma)&parts
				if qk == 0 || ck == 0 {
					return true // a word WordNet does not list as it is written (a phrase read as its verb): its concepts stand as its own
				}
				kinds = qk | ck
			}
			if lex.PartOf(x)&kinds != 0 {
				return true
			}
		}
	}
	return false
}

// match compares question terms q with claim terms c, each question term
// weighing w[i] (nil: all 1): the weighted share of q's terms c covers; the
// weight of covered terms that agree and disagree in the negation of their
// clauses; how many are covered by an antonym; and which terms c covers. A
// negation covers a whole clause (its subject too), so the clauses'
// negations are compared by weighted majority; an antonym flips the
// proposition on its own.
func match(q, c []term, w []float64) (coverage, agree, disagree float64, flips int, hits []bool) {
	hits = make([]bool, len(q))
	if len(q) == 0 {
		return 0, 0, 0, 0, hits
	}
	seen := map[string]bool{}
	total, got := 0.0, 0.0
	contraHit := false                  // a word is set aside ("rather than") by one of the question and the claim and said by the other
	leadAgree, leadDisagree := 0.0, 0.0 // the votes of the question's subject (term.lead)
	var direct map[int]bool             // the clauses of c that have a word of q (the same word or a synonym)
	// each term's concept lists as masks (conceptMask): two lists share a
	// concept only where their masks meet, so most pairs are ruled out
	// without comparing their concepts one by one
	qm, cm := termMasks(q), termMasks(c)
	// says[k]: whether c[k] is a word of q (saysQuestionWord), asked once
	// per match: 0 not yet, 1 yes, 2 no
	says := make([]uint8, len(c))
	// at[i]: the claim term that met q[i] (-1: none, or not known), and
	// earned[i] the weight it earned, taken back when the claim gives it
	// the other role (swappedRoles); kept only for a question whose verb
	// has roles
	var at []int
	var earned []float64
	var atBuf [16]int
	var earnedBuf [16]float64
	if slices.ContainsFunc(q, func(t term) bool { return t.role == roleVerb }) {
		if len(q) <= len(atBuf) {
			at, earned = atBuf[:len(q)], earnedBuf[:len(q)]
		} else {
			at, earned = make([]int, len(q)), make([]float64, len(q))
		}
		for i := range at {
			at[i] = -1
		}
	}
	for i, qt := range q {
		if seen[qt.lemma] || repeatedLater(q, i) {
			// a word the question says twice is matched once, where it
			// says it last: "Voluntary return is not voluntary" says
			// its point in the predicate, not in the subject's name
			continue
		}
		seen[qt.lemma] = true
		if qt.hedge {
			// "not really voluntary" says "not voluntary": the
			// emphasiser softens the denial and adds nothing a claim
			// must say
			continue
		}
		wt := 1.0
		if w != nil {
			wt = w[i]
		}
		if qt.adverb || qt.light || qt.circ {
			wt *= modifierWeight
		}
		total += wt
		found, flip, cneg := false, false, false
		share := 1.0 // of wt the match earns
		contraAt, metAt := -1, -1
		for k, ct := range c {
			if ct.lemma == qt.lemma && !(qt.acr && isFigure(qt) && !sameScale(q, i, c, k)) ||
				(!qt.acr && qm[i].concepts.meets(&cm[k].concepts) && sharesSense(qt, ct)) ||
				(qt.acr && ct.acr && figureMeets(qt.lemma, ct.lemma) && sameScale(q, i, c, k)) ||
				(qt.side != 0 && ct.side == qt.side && sameObject(q, i, c, k)) || (qt.stays && ct.stays) || (qt.camp != 0 && (ct.camp == qt.camp || ct.side == qt.camp)) ||
				(qt.alters && (ct.alters || ct.dir != 0) && changeOf(q, qm, c, cm, k)) ||
				countMeets(qt.lemma, ct) ||
				(qt.acr && ct.acr && (qt.long == "" && spells(qt.lemma, ct.long) || ct.long == "" && spells(ct.lemma, qt.long))) ||
				(qt.dir != 0 && ct.dir == qt.dir && (qt.trend || qt.adjPred || qt.pred) && changeOf(q, qm, c, cm, k)) {
				// (a change the same way states a question's trend or
				// predicate of change: "increasingly" of "more and more",
				// "rose" of "are rising"; a word of the same side states
				// a side taken: "objects to" of "opposes")
				if qt.adjPred && attributive(q, c, k) {
					continue // "voluntary return" does not say that return is voluntary
				}
				found, flip, cneg, contraAt, metAt = true, false, ct.neg, k, k
				break
			}
		}
		if !found && !qt.acr {
			if direct == nil {
				direct = directClauses(q, qm, c, cm)
			}
			if name := nameAfter(q, qt.tok); name != "" && qt.endedBy != nil && !qt.before {
				// "remained outside the UN": joining or entering the UN
				// ends that state, said of what the question names
				for k, ct := range c {
					if !ct.acr && qm[i].endedBy.meets(&cm[k].concepts) && sharesConcept(qt.endedBy, ct.concepts) && nameAfter(c, ct.tok) == name {
						found, flip, cneg = true, true, ct.neg
						break
					}
				}
			}
			for k, ct := range c {
				if found {
					break
				}
				if !direct[ct.clause] {
					// an opposite in a clause that says nothing else of
					// the question ("... a flight home was the only way
					// out; refusing would not have set them free") does
					// not turn it round
					continue
				}
				if says[k] == 0 {
					says[k] = 2
					if saysQuestionWord(q, qm, ct, cm[k]) {
						says[k] = 1
					}
				}
				if says[k] == 1 {
					// a word the question itself has does not stand for
					// its opposite there too ("one large programme rather
					// than many small projects": the claim's "large" is
					// the question's, not the opposite of its "small")
					continue
				}
				// (a word of place is opposed only of the same place:
				// "inside the breakwater" does not turn round "outside
				// the harbour")
				if ((qm[i].concepts.meets(&cm[k].antonyms) && sharesConcept(qt.concepts, ct.antonyms)) || similarOpposite(qt, ct) ||
					(qm[i].antonyms.meets(&cm[k].concepts) && sharesConcept(qt.antonyms, ct.concepts)) || negatedBy(qt, ct)) && (qt.endedBy == nil || sameHead(q, i, c, k)) ||
					(qt.dir != 0 && ct.dir == -qt.dir && (qt.trend || qt.adjPred || qt.pred) && changeOf(q, qm, c, cm, k)) ||
					(qt.stays && (ct.dir != 0 || ct.alters) && changeOf(q, qm, c, cm, k)) || (qt.side != 0 && ct.side == -qt.side && sameObject(q, i, c, k)) {
					// (a change of what the question says stays as it is:
					// "started small and grew into the largest" of "has
					// remained a small business")
					// (a change the other way: "a decline in references"
					// of "refers to it more and more often", "use
					// shrinks" of "use is growing")
					// "unsafe" of "safe": an adjective of absence has
					// negated its clause already; its being the opposite
					// is that negation, not a second turn
					found, flip, cneg, metAt = true, !ct.selfNeg && !qt.selfNeg, ct.neg, k
					break
				}
			}
		}
		if !found && !qt.acr {
			// a narrower or related word says it in part ("emergency"
			// of "crisis", "objective" of "neutral"), and so does a kin
			// word by derivation ("migration" of "migrants": sharesSense);
			// a broader one says less ("situation" of "exclusion")
			for k, ct := range c {
				qk, ck := &qm[i], &cm[k]
				if !ct.acr && ((qk.concepts.meets(&ck.concepts) && sharesConcept(qt.concepts, ct.concepts)) ||
					(!qt.noKinds && qk.concepts.meets(&ck.broader) && sharesConcept(qt.concepts, ct.broader)) ||
					(qk.narrower.meets(&ck.concepts) && sharesConcept(qt.narrower, ct.concepts)) ||
					(qk.related.meets(&ck.concepts) && sharesConcept(qt.related, ct.concepts)) ||
					(qk.concepts.meets(&ck.related) && sharesConcept(qt.concepts, ct.related)) ||
					(qk.genus.meets(&ck.genus) && sharesConcept(qt.genus, ct.genus)) ||
					(qk.concepts.meets(&ck.genus) && sharesConcept(qt.concepts, ct.genus))) {
					found, flip, cneg, share, metAt = true, false, ct.neg, nearWeight, k
					break
				}
			}
			if !found && qt.stem != "" {
				// a derivation WordNet does not tie (destitute,
				// destitution; dismissive, dismissal): the same stem, a
				// noun for a word that is none (two nouns of one stem are
				// often two things: university, universe)
				for k, ct := range c {
					if derives(qt, ct) {
						found, flip, cneg, share, metAt = true, false, ct.neg, derivationWeight, k
						break
					}
				}
			}
			if !found {
				for k, ct := range c {
					if !ct.acr && ((qm[i].broader.meets(&cm[k].concepts) && sharesConcept(qt.broader, ct.concepts)) ||
						(qm[i].concepts.meets(&cm[k].narrower) && sharesConcept(qt.concepts, ct.narrower))) {
						found, flip, cneg, share, metAt = true, false, ct.neg, broaderWeight, k
						break
					}
				}
			}
		}
		if !found && qt.acr && qt.long != "" {
			// "the Global South" of "the Global North": a name the
			// question's turns round
			for _, ct := range c {
				if ct.acr && namesOpposed(qt.long, ct.long) {
					found, flip, cneg = true, true, ct.neg
					break
				}
			}
		}
		if !found {
			// "the EU trust fund" of "the EU Emergency Trust Fund for
			// Africa (EUTF)", "the displacement task force" of "the Task
			// Force on Displacement": words of the question that say a
			// name the claim uses, its head among them (not what the
			// question says of its subject: "voluntary" of "assisted
			// voluntary returns (AVRs)" is no predicate)
			for _, ct := range c {
				if ct.acr && ct.long != "" && !qt.pred && !qt.adjPred && namesWord(q, qt, ct.long) {
					found, flip, cneg = true, false, ct.neg
					break
				}
			}
		}
		if !found && !qt.acr {
			// a word WordNet does not tie but used alike (harms ~
			// undermines, clashes ~ conflicts): word vectors, at part
			// of the weight, never an opposite
			if k := vectorNear(qt, c, func(k int) bool {
				if says[k] == 0 {
					says[k] = 2
					if saysQuestionWord(q, qm, c[k], cm[k]) {
						says[k] = 1
					}
				}
				return says[k] == 1
			}); k >= 0 {
				found, flip, cneg, share, metAt = true, false, c[k].neg, vectorWeight, k
			}
		}
		if !found {
			continue
		}
		hits[i] = share == 1 // a related word does not say what the question's predicate says
		wt *= share
		got += wt
		if at != nil {
			at[i], earned[i] = metAt, wt
		}
		if flip {
			flips++
		}
		if found && contraAt >= 0 && c[contraAt].contra != qt.contra {
			contraHit = true
		}
		if metAt >= 0 && c[metAt].noVote {
			// "Far from being idle, the crews work long hours": the
			// crews are said to be both, so they vote for neither
			continue
		}
		if qt.lead {
			// what the question's subject is: the claim may negate its
			// predicate only ("The board rejected the plan"), its subject
			// with it ("The board did not accept the plan"), or neither
			if cneg == qt.neg {
				leadAgree += wt
			} else {
				leadDisagree += wt
			}
			continue
		}
		if qt.acr || qt.restrict {
			// a name (IOM) is what a claim is about, often the subject of
			// a clause apart from the negated predicate ("despite having no
			// mandate, IOM is ..."): it does not vote on polarity; nor
			// does what a relative clause says of the subject ("divers who
			// use the harbour were never trained")
			continue
		}
		if cneg == qt.neg {
			agree += wt
		} else {
			disagree += wt
		}
	}
	if total == 0 {
		return 0, 0, 0, 0, hits
	}
	if swapped := swappedRoles(q, c, at); at != nil && swapped != nil {
		// "The school funds the ministry" of "The ministry funds the
		// school": the same words in the other roles say another thing
		for i, sw := range swapped {
			if sw {
				got -= earned[i]
				hits[i] = false
			}
		}
	}
	if agree+disagree == 0 {
		agree, disagree = leadAgree, leadDisagree
	}
	if contraHit && !q[0].ante {
		// "treats it as a favour rather than a duty" turns round a
		// question that says it is a duty, however many of its words
		// are said so; "treats it as a duty" turns round a question
		// that says "a favour rather than a duty", and a claim that sets
		// the same alternative aside states it
		flips++
	}
	return got / total, agree, disagree, flips, hits
}

// repeatedLater reports whether the question word q[i] comes again later
// in q, an acronym or name aside (they do not vote on polarity).
func repeatedLater(q []term, i int) bool {
	if q[i].acr {
		return false
	}
	for j := i + 1; j < len(q); j++ {
		if q[j].lemma == q[i].lemma {
			return true
		}
	}
	return false
}

// similarOpposite reports whether the claim's adjective ct is similar to
// an antonym of the question's word qt ("marginal", near "peripheral", of
// "central"; "superficial", near "careless", of "thorough", which is
// near "careful"), unless it is near the question's word itself.
func similarOpposite(qt, ct term) bool {
	if len(qt.antonyms) == 0 || len(ct.similar) == 0 || !sharesConcept(qt.antonyms, ct.similar) || sharesConcept(qt.concepts, ct.similar) {
		return false
	}
	// (WordNet's related senses of a word may hold its antonym: "common"
	// is related to "uncommon", which "rare" is similar to)
	for _, r := range qt.related {
		if !slices.Contains(qt.antonyms, r) && (slices.Contains(ct.concepts, r) || slices.Contains(ct.similar, r)) {
			return false
		}
	}
	return true
}

// objectHead returns the index in ts of the head of what ts[k] is said of:
// the last of the first run of adjacent words after it in its clause ("the
// new quotas", "the ferry plan", "the detention" of "the detention of
// migrants"), or -1.
func objectHead(ts []term, k int) int {
	head := -1
	for j := k + 1; j < len(ts) && ts[j].clause == ts[k].clause; j++ {
		if head >= 0 && ts[j].tok != ts[head].tok+1 {
			break
		}
		head = j
	}
	return head
}

// sameObject reports whether the question's side word q[i] and the claim's
// c[k] may take their sides on the same thing: unless the head of what
// follows the claim's (objectHead) is another word of the question than
// the head of what follows the question's. "Offers its support to
// migrants" takes no side on "the detention of migrants".
func sameObject(q []term, i int, c []term, k int) bool {
	qh, ch := objectHead(q, i), objectHead(c, k)
	if qh < 0 || ch < 0 {
		return true
	}
	if sameWord(q[qh], c[ch]) {
		return true
	}
	return !slices.ContainsFunc(q, func(t term) bool { return sameWord(t, c[ch]) })
}

// sameHead reports whether what follows q[i] and c[k] (objectHead) is the same
// word or shares a synset, or one of them has nothing after it: "outside
// Iraq" and "inside the country" speak of two places.
func sameHead(q []term, i int, c []term, k int) bool {
	qh, ch := objectHead(q, i), objectHead(c, k)
	if qh < 0 || ch < 0 {
		return true
	}
	return sameWord(q[qh], c[ch])
}

// sameWord reports whether two terms are one word: the same lemma, words
// sharing a synset, or acronyms one of which spells the other's name. It is
// what sameObject and sameHead compare the heads after two words with.
func sameWord(a, b term) bool {
	return a.lemma == b.lemma || !a.acr && !b.acr && sharesConcept(a.concepts, b.concepts) ||
		a.acr && b.acr && (spells(a.lemma, b.long) || spells(b.lemma, a.long))
}

// changeOf reports whether the claim's word of change c[k] is said of
// something the question names: what changes (the noun after it when it
// takes one, themeOn; otherwise one of the two words before it in its
// clause) is a word of the question, itself or a synonym ("fares rose",
// "spending on the ferry keeps growing", "a decline in the ferry's
// passengers"). A change of something else ("gained popularity", "in a
// time of rising rents", "in addition") neither states nor
// denies a change the question says.
func changeOf(q []term, qm []masks, c []term, cm []masks, k int) bool {
	says := func(j int) bool {
		if c[j].acr {
			return slices.ContainsFunc(q, func(qt term) bool { return qt.acr && qt.lemma == c[j].lemma })
		}
		return saysQuestionWord(q, qm, c[j], cm[j])
	}
	if c[k].themeOn {
		return k+1 < len(c) && c[k+1].clause == c[k].clause && says(k+1)
	}
	for j := k - 1; j >= 0 && j >= k-2 && c[j].clause == c[k].clause; j-- {
		if says(j) {
			return true
		}
	}
	return false
}

// themeAfter reports whether the word of change at toks[i] is said of the
// noun after it: its object or the noun it modifies ("gained popularity",
// "rising rents", "cut the fares"), or the noun of an "in" or
// "of" phrase after it ("a decline in visits", "the growth of trade"), a
// determiner between allowed. A figure, an adverb or another
// preposition after it leaves it said of what comes before ("rose 10%",
// "rose sharply", "shrank to three members").
func (s *Stancer) themeAfter(toks []token, i int) bool {
	k := i + 1
	if k < len(toks) && (toks[k].lower == "in" || toks[k].lower == "of") {
		k++
	}
	if k < len(toks) && determiners[toks[k].lower] {
		k++
	}
	if k >= len(toks) || toks[k].punct != 0 {
		return false
	}
	w := strings.TrimSuffix(toks[k].lower, "'s")
	return !propStop[w] && !hasDigit(w) && !s.isAdverb(w) && !prepositions[w] && !predicateEnds[w] && !clauseBreaks[w]
}

// nameEnds end the head of a name: "fund" of "trust fund for africa",
// "force" of "task force on displacement".
var nameEnds = wordSet(`of for on in and to at de`)

// spells reports whether acronym acr (lower case, two letters or more) is
// the initials of words of the name long (lower-case words), the
// connecting words left out, up to the name's end: "unhcr" of "united
// nations high commissioner for refugees", also at the end of a longer name
// ("executive committee of the united nations high commissioner for
// refugees"); not "un" of it. Only an acronym no text defines is read so: a
// defined one meets its definition alone, not another name with its
// initials (a defined DTM is not the "Drought Tracking Model").
func spells(acr, long string) bool {
	if len(acr) < 2 || long == "" || strings.ContainsRune(acr, ' ') {
		return false
	}
	ws := strings.Fields(long)
	if spellsHead(acr, ws) {
		return true
	}
	for start := range ws {
		if nameEnds[ws[start]] || ws[start] == "the" {
			continue
		}
		k, whole := 0, true
		for _, w := range ws[start:] {
			if nameEnds[w] || w == "the" {
				continue
			}
			if k == len(acr) || w[0] != acr[k] {
				whole = false
				break
			}
			k++
		}
		if whole && k == len(acr) {
			return true
		}
	}
	return false
}

// spellsHead reports whether acr is the initials of the words of the name
// ws before its first connecting word, two or more: the head a name's
// acronym may abbreviate alone ("GPs" of "Guiding Principles on Internal
// Displacement"). "UN" is not the head of "United Nations High
// Commissioner for Refugees".
func spellsHead(acr string, ws []string) bool {
	if len(acr) < 2 {
		return false
	}
	k := 0
	for _, w := range ws {
		if w == "the" && k == 0 {
			continue
		}
		if nameEnds[w] {
			break
		}
		if k == len(acr) || w[0] != acr[k] {
			return false
		}
		k++
	}
	return k == len(acr) && k < len(ws)
}

// namesWord reports whether the question term qt is one of the words of the
// name long (lower-case words), said by the question among two or more of
// them that include the name's head (its last word before of, for, on ...):
// the question then names it in its own words ("the displacement task
// force"). A question that has only some other words of a name ("human
// rights" of "Human Rights Watch") does not name it.
func namesWord(q []term, qt term, long string) bool {
	if !mayName(long, qt) {
		return false // (most names: the cheap test first)
	}
	if a, b, ok := strings.Cut(long, " and "); ok {
		// two names run together ("Amnesty International and Human
		// Rights Watch"), or a name with "and" in it: each part on its own
		return namesWord(q, qt, a) || namesWord(q, qt, b)
	}
	ws := strings.Fields(long)
	if len(ws) < 2 {
		return false
	}
	head := len(ws) - 1
	for k, w := range ws {
		if k > 0 && nameEnds[w] {
			head = k - 1
			break
		}
	}
	lemmas := make([]string, len(ws))
	for k, w := range ws {
		if len(w) > 3 && !nameEnds[w] {
			lemmas[k] = wn.Default().Lemma(w)
		}
	}
	in := func(t term) int {
		if !mayName(long, t) {
			return -1
		}
		for k, w := range ws {
			if !nameEnds[w] && (w == t.lemma || (!t.acr && lemmas[k] == t.lemma)) {
				return k
			}
		}
		return -1
	}
	if in(qt) < 0 {
		return false
	}
	said, hasHead := 0, false
	for _, t := range q {
		if k := in(t); k >= 0 {
			said++
			hasHead = hasHead || k == head
		}
	}
	return said >= 2 && hasHead
}

// mayName reports whether long may have t's word: it has t's lemma but its
// last letter ("agenc" of agencies, "state" of states).
func mayName(long string, t term) bool {
	p := t.lemma
	if len(p) > 3 {
		p = p[:len(p)-1]
	}
	return strings.Contains(long, p)
}

// saysQuestionWord reports whether ct is a word of q (the same word or
// one sharing a synset with it, names aside); qm and cm are their masks.
func saysQuestionWord(q []term, qm []masks, ct term, cm masks) bool {
	if ct.acr {
		return false
	}
	for i, qt := range q {
		if !qt.acr && (ct.lemma == qt.lemma || (qm[i].concepts.meets(&cm.concepts) && sharesConcept(qt.concepts, ct.concepts))) {
			return true
		}
	}
	return false
}

// directClauses returns the clauses of c that have a word of q, the same
// word or one sharing a synset with it (names aside); qm and cm are their
// masks.
func directClauses(q []term, qm []masks, c []term, cm []masks) map[int]bool {
	out := map[int]bool{}
	for k, ct := range c {
		if out[ct.clause] || ct.acr {
			continue
		}
		for i, qt := range q {
			if !qt.acr && (ct.lemma == qt.lemma || (qm[i].concepts.meets(&cm[k].concepts) && sharesConcept(qt.concepts, ct.concepts))) {
				out[ct.clause] = true
				break
			}
		}
	}
	return out
}

// nameAfter returns the name (acronym) that follows the term at token
// tok within a few words ("joined the United Nations"), or "".
func nameAfter(ts []term, tok int) string {
	for _, t := range ts {
		if t.acr && t.tok > tok && t.tok <= tok+4 {
			return t.lemma
		}
	}
	return ""
}

// reducedRelative reports whether the "no" at toks[i] opens a relative
// clause with no relative word ("crises that exposed gaps no other agency
// wanted to fill"): it follows a content word, and a finite verb (a past
// form or an auxiliary) comes within three words after it.
func reducedRelative(toks []token, i int) bool {
	if i == 0 || toks[i-1].punct != 0 || propStop[toks[i-1].lower] || negWords[toks[i-1].lower] {
		return false
	}
	for j := i + 2; j < len(toks) && j <= i+3; j++ {
		w := toks[j].lower
		if toks[j].punct != 0 {
			return false
		}
		if finiteWords[w] || (len(w) > 4 && strings.HasSuffix(w, "ed")) {
			return true
		}
	}
	return false
}

// derivationWeight is the share of a question word's weight that a word
// of the same stem earns when WordNet ties them by no synset.
const derivationWeight = nearWeight

// minDerivationStem is the shortest stem that ties two words: five letters
// tie an adjective or a verb to its noun (political, politics; legal,
// legality; annul, annulment), and a few words apart in meaning too
// (organise, organ; humane, human; polite, politics), which a derivation's
// half weight keeps from deciding alone; shorter stems tie more apart
// (gener-).
const minDerivationStem = 5

// derivationStem returns w's Snowball (Porter2) stem when it is at least
// minDerivationStem long, or "".
func derivationStem(w string) string {
	if len(w) < minDerivationStem || strings.ContainsAny(w, "-'’") {
		return ""
	}
	st := english.Stem(w, false)
	if len(st) < minDerivationStem {
		return ""
	}
	return st
}

// derives reports whether the claim term ct is a derivation of the question
// term qt that WordNet does not tie: the same stem (stemmed only when its
// lemma starts as the stem does), and a noun where qt is none or the other
// way round.
func derives(qt, ct term) bool {
	if ct.acr || len(ct.lemma) < minDerivationStem || ct.lemma == qt.lemma ||
		!strings.HasPrefix(ct.lemma, qt.stem[:minDerivationStem-1]) || derivationStem(ct.lemma) != qt.stem {
		return false
	}
	return wn.Default().Noun(ct.lemma) != qt.noun
}

// withStems sets the stem of each of a question's words that has one, and
// whether it is a noun.
func (s *Stancer) withStems(qt []term) []term {
	for i := range qt {
		if t := &qt[i]; !t.acr && !strings.Contains(t.lemma, " ") {
			if t.stem = derivationStem(t.lemma); t.stem != "" {
				t.noun = s.isNoun(t.lemma)
			}
		}
	}
	return qt
}

// nearWeight is the share of a question word's weight that a narrower or
// related word earns: "emergency" states "crisis" only in part.
const nearWeight = 0.5

// broaderWeight is the share a broader word earns ("crisis" of
// "emergency", "situation" of "exclusion"): it says less than the
// question, so it counts for less than a narrower or related one.
const broaderWeight = 0.25

// emphasisers are adverbs of emphasis: after a negation ("not really X")
// they soften the denial of X and add no content of their own.
var emphasisers = wordSet(`really truly genuinely actually indeed very`)

// modifierWeight scales the weight of a question's adverbs: "genuinely",
// "surprisingly" qualify the proposition more than they make it.
const modifierWeight = 0.5

// condWords open the condition of a conditional: "without a mandate, IOM
// has no obligations", "if P, Q", "unless P, Q".
var condWords = wordSet(`without if unless absent lacking`)

// finiteWords are auxiliaries and copulas that mark the main verb of a
// clause, where a condition with no comma ends before its subject.
var finiteWords = wordSet(`is are was were has have had does do did can cannot could will would must should may
	might shall`)

// determiners open a noun phrase: the subject of a clause may start with one.
var determiners = wordSet(`the a an its their his her this that these those our my`)

// predicateEnds are the words after which a nominal predicate's head has
// been said: "an instrument of", "the main source of".
var predicateEnds = wordSet(`of for in on to from with by at that which`)

// markPredicate marks the head of a question's nominal predicate: in "X
// is/are a/an/the ... N of Y", the last content word before the first
// preposition, relative word or punctuation after the article.
func (s *Stancer) markPredicate(toks []token, ts []term) {
	for i := 1; i+1 < len(toks); i++ {
		switch toks[i].lower {
		case "is", "are", "was", "were", "be":
		default:
			continue
		}
		if a := toks[i+1].lower; a != "a" && a != "an" && a != "the" {
			s.markAdjective(toks, ts, i)
			return
		}
		if i+2 >= len(toks) {
			return
		}
		end := len(toks)
		for j := i + 2; j < len(toks); j++ {
			if toks[j].punct != 0 || predicateEnds[toks[j].lower] {
				end = j
				break
			}
		}
		head := -1
		for k, t := range ts {
			if t.tok > i+1 && t.tok < end {
				head = k
			}
		}
		if head >= 0 {
			ts[head].pred = true
		}
		return
	}
}

// markAdjective marks, in a question "X is/be [not] [adverbs] A" that
// ends with its predicate A after the copula at toks[i], A as the
// predicate and the words of X as its subject: a claim that has A only as
// a modifier of the subject ("voluntary return programmes" for "return is
// voluntary") does not state it. Only negations, adverbs and one participle
// ("cannot be considered voluntary", "is seen as neutral") may stand between
// the copula and A; a question that goes on past them ("was first used in
// Iraq in 2004", "was launched in response to the disaster") has no
// predicate adjective, and neither has one whose last word is a verb's
// participle ("how migration is ordered": a passive).
func (s *Stancer) markAdjective(toks []token, ts []term, i int) {
	last := -1
	for k, t := range ts {
		if t.tok > i && t.tok < len(toks) {
			last = k
		}
	}
	if last < 0 || ts[last].acr || ts[last].tok != len(toks)-1 && !(ts[last].tok == len(toks)-2 && toks[len(toks)-1].punct != 0) {
		return // the predicate is not the question's last word
	}
	start := ts[last].tok - strings.Count(ts[last].lemma, " ")
	if start <= i {
		start = ts[last].tok // a phrase read across the copula: its last word
	}
	participle := false
	for j := i + 1; j < start; j++ {
		w := toks[j].lower
		switch {
		case negWords[w] || strings.HasSuffix(w, "n't") || w == "be" || w == "been":
		case !participle && s.participle(w):
			participle = true
			if j+2 == start && toks[j+1].lower == "as" {
				j++
			}
		case s.isAdverb(w) || (len(w) > 4 && strings.HasSuffix(w, "ly")):
		default:
			return // more than the predicate's modifiers: not "X is A"
		}
	}
	if s.participle(toks[start].lower) {
		// "is ordered", "were never detained": a passive verb, not an
		// adjective; still what the question says of its subject, so a
		// claim must say it (in any of its senses)
		ts[last].pred = true
		return
	}
	for k := range ts {
		if ts[k].tok < i {
			ts[k].subj = true
		}
	}
	// (a match counts a word once, at its last place: "voluntary" of
	// "voluntary return is voluntary" is the predicate's)
	ts[last].adjPred = true
}

// resultVerbs make their object what an adjective after it says:
// "makes return voluntary", "renders the quay unsafe", "keeps fares low",
// "leaves tenants destitute".
var resultVerbs = wordSet(`make makes made making render renders rendered rendering keep keeps kept keeping leave
	leaves left leaving`)

// markResult marks, in a question "X makes Y A" that ends with the
// adjective A after a verb of result and its object Y, A as the predicate
// adjective of Y (as markAdjective marks "Y is A"): a claim that has A only
// as a modifier of Y ("voluntary return" for "makes return voluntary")
// does not state it. A question with a predicate adjective already is
// left as it is.
func (s *Stancer) markResult(toks []token, ts []term) {
	if len(ts) < 2 || slices.ContainsFunc(ts, func(t term) bool { return t.adjPred }) {
		return
	}
	last := len(ts) - 1
	for last >= 0 && ts[last].tok >= len(toks) {
		last--
	}
	if last < 1 || ts[last].acr || ts[last].tok != len(toks)-1 && !(ts[last].tok == len(toks)-2 && toks[len(toks)-1].punct != 0) {
		return
	}
	a := toks[ts[last].tok].lower
	if s.kind(a)&wn.KindAdjective == 0 || strings.HasSuffix(a, "ing") {
		return
	}
	// the object between the verb and A: a determiner and at most three
	// nouns ("makes return voluntary", "keeps the hull dry"); not a
	// phrase with a preposition, a degree word or a verb ("keeps them
	// away from the coast", "makes borders less relevant")
	for i := ts[last].tok - 1; i > 0 && i >= ts[last].tok-4; i-- {
		w := toks[i].lower
		if !resultVerbs[w] {
			if toks[i].punct != 0 || !(determiners[w] || s.isNoun(w) && !s.verbAt(w) && !s.isAdverb(w)) {
				return
			}
			continue
		}
		if i == ts[last].tok-1 {
			return
		}
		object := false
		for k := range last {
			if ts[k].tok > i {
				ts[k].subj, object = true, true
			}
		}
		if object {
			ts[last].adjPred = true
		}
		return
	}
}

// markLight marks, in a question, a verb followed by "the/a N of" where the
// noun N names an act (WordNet derives it from a verb: "enforces the
// exclusion of asylum seekers", "ensure the return of"): the noun carries
// the act, so a claim that says it ("obstructing" for "exclusion", or
// "excludes") states most of the predicate even without the verb, which
// weighs as a modifier does.
func (s *Stancer) markLight(toks []token, ts []term) {
	for k := 0; k+1 < len(ts); k++ {
		v, n := ts[k], ts[k+1]
		i := v.tok
		if v.acr || n.acr || strings.Contains(v.lemma, " ") || i+3 >= len(toks) || n.tok != i+2 {
			continue
		}
		if d := toks[i+1].lower; d != "the" && d != "a" && d != "an" {
			continue
		}
		if toks[n.tok+1].lower != "of" || !s.isVerb(toks[i].lower) || !s.isNoun(toks[n.tok].lower) ||
			s.isVerb(toks[n.tok].lower) || !s.lex.HasVerbConcept(n.concepts) {
			continue
		}
		ts[k].light = true
		ts[k+1].act = true
	}
}

// participle reports whether w is a verb's past participle ("considered",
// "seen", "ordered"): an -ed or -en form, or an irregular one, that
// WordNet reads as a verb.
func (s *Stancer) participle(w string) bool {
	if !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "en") || strings.HasSuffix(w, "wn")) || len(w) < 4 {
		return false
	}
	for _, lm := range s.lex.Lemmas(w) {
		if lm != w && s.isVerb(lm) {
			return true
		}
	}
	return false
}

// attributive reports whether the claim term c[k] stands before a word of
// the question's subject ("voluntary return"): a modifier, not a
// predicate.
func attributive(q []term, c []term, k int) bool {
	if k+1 >= len(c) || c[k+1].tok != c[k].tok+1 {
		return false
	}
	n := c[k+1]
	for _, qt := range q {
		if qt.subj && (qt.lemma == n.lemma || sharesConcept(qt.concepts, n.concepts)) {
			return true
		}
	}
	return false
}

// markOnly marks the terms of a restriction that "only" opens before
// "for", "if", "when" or "where" ("should arrange evictions only for
// households that have had advice", "only if it is safe"): a condition of
// what the question says, as an "if" clause is.
func markOnly(toks []token, qt []term) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower != "only" {
			continue
		}
		switch toks[i+1].lower {
		case "for", "if", "when", "where":
			for k := range qt {
				if qt[k].tok > i+1 {
					qt[k].onlyIf = true
				}
			}
			return
		}
	}
}

// bareComplementVerbs take an object and a bare verb ("who help patients
// recover", "who make crews work", "who let tenants stay", "who see prices
// rise"): the verb after their object is theirs, not the main clause's.
var bareComplementVerbs = wordSet(`help helps helped make makes made let lets have has had see sees saw hear hears
	heard watch watches watched`)

// relativeEnd returns the index of the token where a question's main
// clause starts after a relative clause of its subject that no auxiliary
// ends ("Those who repair the boats decide which routes get used", "Most
// fishermen who sell to the cooperative later leave the trade"), or 0.
// Without it the relative clause runs to the end, its words are read as
// what it says of the subject (term.restrict) and the main verb is never
// the main clause's. The main verb is the first word after the relative
// clause's verb and its object that WordNet has as a verb and that stands
// where a verb does: after a noun or an adverb (not a determiner, a
// preposition, "to" or a participle), before a determiner, a preposition,
// a word that is no noun or may be an adjective ("pay lower rates"), or
// the end, unless it can only be a verb. A
// negation or adverbs before it go with it.
func (s *Stancer) relativeEnd(toks []token) int {
	rel := -1
	for i := 1; i < len(toks); i++ {
		w := toks[i].lower
		if toks[i].punct != 0 {
			return 0
		}
		if w == "who" || w == "which" {
			rel = i
			break
		}
		if clauseBreaks[w] || s.verbAt(w) {
			return 0 // a verb before it: the relative clause is no subject's
		}
	}
	if rel < 0 || rel+2 >= len(toks) {
		return 0
	}
	verb := rel + 1
	for verb < len(toks) && (negWords[toks[verb].lower] || finiteWords[toks[verb].lower] || s.isAdverb(toks[verb].lower) && !s.isVerb(toks[verb].lower)) {
		verb++
	}
	end := len(toks)
	for j := verb + 1; j < len(toks); j++ {
		if finiteWords[toks[j].lower] {
			return 0 // an auxiliary ends it already (terms)
		}
		if toks[j].punct != 0 || clauseBreaks[toks[j].lower] {
			end = j
			break
		}
	}
	skip := verb < len(toks) && bareComplementVerbs[toks[verb].lower]
	bare := -1 // the bare verb skipped
	for j := verb + 2; j < end; j++ {
		w, prev := toks[j].lower, toks[j-1].lower
		if propStop[w] || capitalised(toks[j]) || !s.isVerb(w) {
			continue
		}
		if j-1 != bare && (propStop[prev] && !negWords[prev] || prepositions[prev] || predicateEnds[prev] || s.participle(prev) ||
			strings.HasSuffix(prev, "ing") || !s.isNoun(prev) && !s.isAdverb(prev) && !negWords[prev]) {
			continue
		}
		if !s.verbAt(w) && j+1 < end {
			next := toks[j+1].lower
			if !(determiners[next] || propStop[next] || prepositions[next] || !capitalised(toks[j+1]) &&
				(!s.isNoun(next) || len(s.lex.Adjectives(s.lex.Concepts(next))) > 0)) {
				continue // a noun before a noun: "return programmes"
			}
		}
		if skip {
			skip, bare = false, j // the bare verb of "help patients recover"
			continue
		}
		k := j
		for k-1 > verb+1 && (negWords[toks[k-1].lower] || s.isAdverb(toks[k-1].lower) && !s.isNoun(toks[k-1].lower)) {
			k--
		}
		return k
	}
	return 0
}

// conditionEnd returns the index of the first token of a conditional
// question's consequent ("IOM has no obligations" in "without a mandate
// IOM has no obligations"), or 0 when toks is no conditional. The condition
// ends at the first comma, or, with none, before the subject of the first
// finite verb.
func conditionEnd(toks []token) int {
	if len(toks) < 4 || !condWords[toks[0].lower] {
		return 0
	}
	for i := 1; i < len(toks)-1; i++ {
		if toks[i].punct == ',' {
			return i + 1
		}
		if toks[i].punct != 0 {
			return 0
		}
	}
	for i := 3; i < len(toks)-1; i++ {
		if !finiteWords[toks[i].lower] {
			continue
		}
		start := i - 1
		if start > 2 && determiners[toks[start-1].lower] {
			start--
		}
		return start
	}
	return 0
}

// conditionOpeners open an adverbial clause of condition or circumstance.
var conditionOpeners = wordSet(`when whenever if unless once`)

// trailingCondition returns the index of the word that opens a condition
// or circumstance after a question's main clause ("Return is not voluntary
// when people are detained", "... if they are held"), or 0 when there is
// none: the word comes after a verb of the main clause and at least two
// words follow it.
func (s *Stancer) trailingCondition(toks []token) int {
	verb := false
	for i, t := range toks {
		if t.punct != 0 && t.punct != ',' {
			return 0
		}
		if verb && i > 1 && conditionOpeners[t.lower] && i+2 < len(toks) {
			return i
		}
		verb = verb || finiteWords[t.lower] || (i > 0 && s.verbAt(t.lower))
	}
	return 0
}

// pastAux are the auxiliaries of the simple past.
var pastAux = wordSet(`was were did had`)

// pastTense reports whether the first verb of a question's main clause is
// in the simple past ("IOM chose to stay outside", "the port stayed
// closed", "was outside"): a regular past in -ed or an irregular form of a
// verb WordNet lists, or a past auxiliary; "has remained", "is", "stays"
// are not.
func (s *Stancer) pastTense(toks []token) bool {
	for i, t := range toks {
		w := t.lower
		if i == 0 || t.punct != 0 || !s.verbAt(w) && !(s.lex.Irregular(w) && s.isVerb(w)) {
			continue
		}
		switch {
		case finiteWords[w]:
			return pastAux[w]
		case len(w) > 4 && strings.HasSuffix(w, "ed"):
			return true
		default:
			return s.lex.Irregular(w) && !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") && s.lex.Lemma(w) != w
		}
	}
	return false
}

// questionTerms analyses a question: a question put as a rejected view
// ("it is wrong to say that P") asks not-P; in a conditional ("without P,
// Q") the terms of the condition are marked.
func (s *Stancer) questionTerms(question string, gl *glossary) []term {
	qt := s.withIndirectAntonyms(s.withStems(s.questionTermsRead(question, gl)))
	if words := contentWords(qt); words > 1 {
		// a verb of avoiding in a question with more to say weighs as a
		// manner word: a claim that says it without a verb of avoiding
		// ("without coming under public criticism" of "to avoid public
		// criticism") still states it
		for i := range qt {
			if qt[i].lemma == avoidMark {
				qt[i].adverb = true
			}
		}
	}
	if shortQuestion(qt) {
		// "IOM acts in its own name": with one or two words besides
		// names, a word that is only a kind of one of them in WordNet
		// ("use", "draw", "work" are kinds of acting) would be half the
		// question; a general word has thousands of kinds
		for i := range qt {
			qt[i].noKinds = true
		}
	}
	return qt
}

// withIndirectAntonyms adds to each adjective of a question its indirect
// antonyms, as WordNet's adjective clusters give them: the antonyms of the
// heads its senses are similar to ("adequate" is similar to "sufficient",
// whose antonym is "insufficient"), and the satellites of every antonym
// ("scant" and "meagre" of "insufficient", "deficient" of "inadequate"). A
// claim that says a quantity or quality is scant then denies that it is
// adequate, as "inadequate" does. Only adjective synsets take part.
func (s *Stancer) withIndirectAntonyms(qt []term) []term {
	for i := range qt {
		t := &qt[i]
		if t.acr || len(s.lex.Adjectives(t.concepts)) == 0 {
			continue
		}
		heads := s.lex.Adjectives(t.antonyms)
		for _, r := range s.lex.Adjectives(t.related) {
			for _, m := range s.lex.Members(r) {
				heads = append(heads, s.lex.Adjectives(s.lex.Antonyms(m))...)
			}
		}
		if len(heads) == 0 {
			continue
		}
		out := slices.Clone(t.antonyms)
		for _, h := range heads {
			if !slices.Contains(out, h) {
				out = append(out, h)
			}
			for _, m := range s.lex.Members(h) {
				_, narrower, _ := s.lex.Near(m)
				for _, c := range s.lex.Adjectives(narrower) {
					if !slices.Contains(out, c) && !slices.Contains(t.concepts, c) {
						out = append(out, c)
					}
				}
			}
		}
		t.antonyms = out
	}
	return qt
}

// questionTermsRead is questionTerms without the stems.
func (s *Stancer) questionTermsRead(question string, gl *glossary) []term {
	var qt []term
	rs := s.analyseQuestion(question, gl).regions
	if len(rs) == 1 && !rs[0].rejected && rs[0].asserter == "" {
		toks := tokens(question)
		if k := conditionEnd(toks); k > 0 {
			ante := s.terms(toks[:k], gl)
			cons := s.terms(toks[k:], gl)
			if len(ante) > 0 && len(cons) > 0 {
				for i := range ante {
					ante[i].ante = true
				}
				shift := ante[len(ante)-1].clause + 1
				for i := range cons {
					cons[i].clause += shift
				}
				return append(ante, cons...)
			}
		}
	}
	if len(rs) == 1 && !rs[0].rejected && rs[0].asserter == "" {
		toks := tokens(question)
		if k := s.relativeEnd(toks); k > 0 {
			// the relative clause of the subject ends where the main
			// clause's verb starts: a comma there closes it
			toks = slices.Insert(slices.Clone(toks), k, token{text: ",", punct: ','})
		}
		qt := s.terms(toks, gl)
		s.markRoles(toks, qt)
		main := toks
		if k := s.trailingCondition(toks); k > 0 {
			// "X is not A when C": A is the predicate; what the
			// condition says of the circumstance narrows the question,
			// weighs as a modifier and does not vote on polarity
			// (term.circ)
			main = toks[:k]
			for i := range qt {
				if qt[i].tok > k {
					qt[i].restrict, qt[i].circ = true, true
				}
			}
		}
		s.markPredicate(main, qt)
		s.markResult(main, qt)
		s.markMain(main, qt)
		if s.pastTense(toks) {
			for i := range qt {
				qt[i].before = true
			}
		}
		s.markLight(toks, qt)
		s.markLead(toks, qt)
		s.markNegated(toks, qt)
		markOnly(toks, qt)
		s.markExclusive(toks, qt)
		markSlots(toks, qt)
		markOnset(toks, qt)
		for i := range qt {
			if qt[i].adjPred {
				// a predicate adjective is met by a word that says it as
				// an adjective (or a derivation of that sense: voluntariness
				// of voluntary), not by a noun it shares a spelling with
				// ("objective" of "statistics are objective", "target")
				if adj := s.lex.Adjectives(qt[i].concepts); len(adj) > 0 {
					qt[i].concepts = adj
				}
			}
		}
		return qt
	}
	for _, r := range rs {
		if r.rejected {
			for _, t := range r.terms {
				t.neg = !t.neg
				qt = append(qt, t)
			}
			continue
		}
		qt = append(qt, r.terms...)
	}
	return qt
}

// Judge implements argmap.Judge: the stance of claim text against the
// question, the share of the question's terms it covers, and who asserts
// the part of it that matches. Every term of the question weighs the same.
func (s *Stancer) Judge(question, claim string) argmap.Judgement {
	gl := &glossary{}
	gl.add(question)
	if !defines(claim) {
		// the claim defines no acronym, so the question reads as it does
		// alone: its terms are kept
		qt := s.ownQuestionTerms(question, gl)
		if gl.expansion == nil {
			return s.judgeAnswer(qt, nil, s.ownAnalysis(claim, gl))
		}
		return s.judgeAnswer(qt, nil, s.analyse(claim, gl))
	}
	gl.add(claim)
	return s.judgeAnswer(s.questionTerms(question, gl), nil, s.analyse(claim, gl))
}

// ownAnalysis returns the analysis of a claim text that neither it nor the
// question defines an acronym for (gl is empty), from the cache when it has
// it. The analysis is shared: judge only reads it.
func (s *Stancer) ownAnalysis(claim string, gl *glossary) analysis {
	return cached(&s.mu, &s.claims, claimCache, 64, claim, func() analysis { return s.analyse(claim, gl) })
}

// defines reports whether text may define an acronym (glossary.add learns
// nothing from a text without a parenthesis).
func defines(text string) bool {
	return strings.IndexByte(text, '(') >= 0
}

// ownQuestionTerms returns the terms of question read with only its own
// definitions (gl holds them), from the cache when it has them. The terms
// are shared: judge and match only read them.
func (s *Stancer) ownQuestionTerms(question string, gl *glossary) []term {
	return cached(&s.mu, &s.questions, questionCache, 16, question, func() []term { return s.questionTerms(question, gl) })
}

// cached returns m's value for key, computing it (outside mu) and keeping it
// when m does not have it; m starts again, sized initial, once it holds
// limit values. mu guards m.
func cached[V any](mu *sync.Mutex, m *map[string]V, limit, initial int, key string, compute func() V) V {
	mu.Lock()
	v, ok := (*m)[key]
	mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	mu.Lock()
	if *m == nil || len(*m) >= limit {
		*m = make(map[string]V, initial)
	}
	(*m)[key] = v
	mu.Unlock()
	return v
}

// minWeighed is how many candidates JudgeAll needs to weigh the question's
// terms by them.
const minWeighed = 8

// JudgeAll implements argmap.Judge: it judges every text against the
// question, each question term weighing by how few of the texts contain it
// (1 - the share that do, at least 0.15). The texts are the candidates a
// search for the question found, so a term they nearly all share (the
// organisation's name, the subject) says little about whether one states
// the question, and a rarer one (the predicate) says much.
func (s *Stancer) JudgeAll(question string, texts []string) []argmap.Judgement {
	return s.judgeAll(question, texts, nil)
}

// judgeAll is JudgeAll, where sources[i] names the source of texts[i]
// (nil: each text its own), so that the learned judge reads what the other
// candidates of a source say.
func (s *Stancer) judgeAll(question string, texts, sources []string) []argmap.Judgement {
	r := s.ruleJudge(question, texts)
	if r.w != nil && s.learned != nil {
		// a weighted answer: the learned judge decides which candidates
		// the rules leave below their threshold answer (stance_learned.go)
		s.decide(s.learned, r, sources)
	}
	if s.side != nil {
		s.decideSides(s.side, r)
	}
	return r.out
}

// ruling is what the rules made of a question's candidates: the question's
// terms, their weights (nil when there are fewer than minWeighed
// candidates), each candidate's analysis, judge's judgement of it and the
// window it judged by, and the rules' final judgements (out).
type ruling struct {
	question string
	texts    []string
	qt       []term
	w        []float64
	as       []analysis
	js       []argmap.Judgement
	bws      []bestWindow
	out      []argmap.Judgement
}

// ruleJudge judges texts against the question by the rules.
func (s *Stancer) ruleJudge(question string, texts []string) *ruling {
	// the acronyms the question and its candidates define hold for all
	gl := &glossary{}
	gl.add(question)
	for _, t := range texts {
		gl.add(t)
	}
	qt := s.questionTerms(question, gl)
	as := make([]analysis, len(texts))
	df := make([]float64, len(qt))
	for k, t := range texts {
		as[k] = s.analyse(t, gl)
		in := make([]bool, len(qt))
		for _, r := range as[k].regions {
			_, _, _, _, hits := match(qt, r.terms, nil)
			for i, h := range hits {
				in[i] = in[i] || h
			}
		}
		for i, h := range in {
			if h {
				df[i]++
			}
		}
	}
	var w []float64
	if len(texts) >= minWeighed {
		w = make([]float64, len(qt))
		for i := range qt {
			w[i] = max(0.15, 1-df[i]/float64(len(texts)))
		}
	}
	r := &ruling{question: question, texts: texts, qt: qt, w: w, as: as, js: make([]argmap.Judgement, len(texts)), bws: make([]bestWindow, len(texts)),
		out: make([]argmap.Judgement, len(texts))}
	for k := range texts {
		r.js[k] = s.judgeWindow(qt, w, as[k], s.threshold, &r.bws[k])
		r.out[k] = s.judgeAnswerFrom(qt, w, as[k], r.js[k])
	}
	s.bestAvailable(qt, w, as, r.out)
	return r
}

// availableFloor and availableMargin: when no candidate of a weighted
// answer states or denies the question, those whose coverage is within
// availableMargin of the best, the best being at least availableFloor,
// state it if they would at that lower threshold and also cover the
// question's words, counted alike, up to the threshold (bestAvailable).
// Chosen on the question sets questions.json and s3 … s7 and on
// paraphrases of their questions (the issue 9 note of session 11).
const (
	availableFloor  = 0.6
	availableMargin = 0.02
)

// bestAvailable lists, in out, the candidates that come closest to
// stating a question no candidate states or denies: a question put in
// other words than its sources' ("IOM uses the language of human rights"
// of "IOM borrows the vocabulary of human rights") misses the threshold
// by the weight of the word it paraphrases, in every candidate alike, so
// the best of them are its answers. They must state it at a threshold just
// below their coverage, and cover its words counted alike (no weights) up
// to the full threshold: a candidate that reaches the floor through one
// or two words the others lack ("often" of "refers to it more and more
// often") is not listed. Denials are not read this way: a polarity read
// at a lower threshold is less sure than a match.
func (s *Stancer) bestAvailable(qt []term, w []float64, as []analysis, out []argmap.Judgement) {
	if w == nil {
		return
	}
	best := 0.0
	for _, j := range out {
		if j.Stance != argmap.StanceTopic {
			return
		}
		best = max(best, j.Score)
	}
	if best < availableFloor {
		return
	}
	for k := range out {
		if out[k].Score < best-availableMargin {
			continue
		}
		j := s.judgeAt(qt, w, as[k], best-availableMargin)
		if j.Stance != argmap.StanceSame || s.judge(qt, nil, as[k]).Stance != argmap.StanceSame {
			continue
		}
		out[k] = j
	}
}

// judge judges the analysed claim c against the question's terms qt (w:
// their weights, nil all 1) at the Stancer's threshold.
func (s *Stancer) judge(qt []term, w []float64, c analysis) argmap.Judgement {
	return s.judgeAt(qt, w, c, s.threshold)
}

// judgeAt is judge at the given threshold.
func (s *Stancer) judgeAt(qt []term, w []float64, c analysis, threshold float64) argmap.Judgement {
	return s.judgeWindow(qt, w, c, threshold, nil)
}

// bestWindow is what judgeWindow found in the claim window it judged by:
// its coverage before the checks that cap it (raw), whether one did
// (capped), which question terms it meets (hits) and its terms.
type bestWindow struct {
	raw    float64
	capped bool
	// capBy names the first check that capped it (capNames), "" none:
	// what train-judge --misses reports of a source it cannot place
	capBy string
	hits  []bool
	terms []term
	// the window's votes on polarity (match's agree, disagree and flips):
	// what the side model reads (stance_side.go)
	agree, disagree float64
	flips           int
}

// judgeWindow is judgeAt, also recording in bw (when not nil) the window it
// judged by.
func (s *Stancer) judgeWindow(qt []term, w []float64, c analysis, threshold float64, bw *bestWindow) argmap.Judgement {
	best := argmap.Judgement{Stance: argmap.StanceTopic}
	bestRaw := 0.0
	var bestHits []bool
	bestAgree, bestDisagree, bestFlips := 0.0, 0.0, 0
	var bestRegion *termRegion
	var bestWin []term
	bestCap := ""
	// a conditional question is answered only by claims that state its
	// consequent: "IOM has no mandate" states the condition of "without a
	// mandate IOM has no obligations", not the question
	var cons []term
	var consW []float64
	for i, t := range qt {
		if t.ante {
			continue
		}
		cons = append(cons, t)
		if w != nil {
			consW = append(consW, w[i])
		}
	}
	conditional := len(cons) < len(qt)
	// a question restricted by "only if" or "only for" states a condition
	// too: a claim's condition ("unless the person has had advice") is
	// matched with it, not left out
	restricted := slices.ContainsFunc(qt, func(t term) bool { return t.onlyIf })
	for i := range c.regions {
		r := &c.regions[i]
		ts := r.terms
		if !conditional && !restricted && slices.ContainsFunc(ts, func(t term) bool { return t.cond }) {
			// what a claim makes a condition of, it does not assert
			// (a conditional question matches conditions with its own)
			ts = slices.DeleteFunc(slices.Clone(ts), func(t term) bool { return t.cond })
		}
		// a proposition is stated within a clause or a few adjacent ones
		// (a subject set off by commas): words scattered over a long
		// sentence do not state it
		for _, win := range windows(ts) {
			cov, ag, dis, fl, hits := match(qt, win, w)
			raw := cov
			capBy := ""
			capAs := func(name string) {
				if capBy == "" && cov > threshold/2 {
					capBy = name
				}
			}
			for k, h := range hits {
				if (qt[k].pred || qt[k].adjPred || qt[k].trend || isFigure(qt[k]) || qt[k].side == 1 || qt[k].side == -1 || qt[k].stays) && !h {
					capAs(capUnsaid(qt[k]))
					// a claim that leaves out what the question says its
					// subject is, or its figure, does not state it; nor
					// one that leaves out the side for or against
					// something it says is taken ("IOM opposes the
					// detention of migrants": a claim on IOM and detention
					// that says no side, or the other), or that something
					// stays as it is ("has remained a small business": "is
					// still")
					cov = min(cov, threshold/2)
				}
				if (qt[k].side == 1 || qt[k].side == -1) && h {
					if o := objectHead(qt, k); o >= 0 && !hits[o] {
						if c1, _, _, _, _ := match(qt[o:o+1], win, nil); c1 == 0 {
							capAs(capSideObject)
							// nor one that takes the side on something
							// else: "stiff resistance from the
							// tenants" of "The council is against the
							// eviction of tenants"
							cov = min(cov, threshold/2)
						}
					}
				}
				if qt[k].camp != 0 && !h {
					capAs(capCamp)
					// nor one that names other people than the side the
					// question names ("the mayor's supporters" of "the
					// mayor's critics")
					cov = min(cov, threshold/2)
				}
				if qt[k].act && !h {
					if c1, _, _, _, _ := match(qt[k:k+1], win, nil); c1 == 0 {
						capAs(capAct)
						// nor one that leaves out the act its light verb
						// governs ("the exclusion" of "enforces the
						// exclusion of")
						cov = min(cov, threshold/2)
					}
				}
			}
			if cov >= threshold {
				// the claim's own predicate against the question's, which
				// it leaves out (predicateClash): "The new toll helps
				// small bakeries" turns round "The new toll hurts small
				// bakeries"; "The late shifts are paid" does not say that
				// they are tiring (a window read as a denial already is
				// left as it is: "before the board was able to" of "the
				// board was ready to")
				switch opposed, other := s.predicateClash(qt, hits, win); {
				case opposed:
					fl++
				case other && (dis > ag) == (fl%2 == 1):
					capAs(capPredicate)
					cov = min(cov, threshold/2)
				}
			}
			if cov >= threshold && saysOpposite(qt, hits, win) {
				capAs(capOpposite)
				// "The board undermined the old wall" of "The board
				// strengthened the harbour wall": its nouns are the
				// question's, but a word of it says the opposite of one
				// the question says and it does not say
				cov = min(cov, threshold/2)
			}
			if conditional {
				cc, _, _, _, _ := match(cons, win, consW)
				if cc < cov {
					capAs(capConsequent)
				}
				cov = min(cov, cc)
			}
			if cov > best.Score || (cov == best.Score && bestRegion != nil && bestRegion.asserter != "" && r.asserter == "") {
				best.Score, bestAgree, bestDisagree, bestFlips, bestRegion, bestWin = cov, ag, dis, fl, r, win
				bestRaw, bestHits, bestCap = raw, hits, capBy
			}
		}
	}
	if bestRegion == nil {
		return best
	}
	if bw != nil {
		if best.Score >= bestRaw {
			bestCap = ""
		}
		*bw = bestWindow{raw: bestRaw, capped: best.Score < bestRaw, capBy: bestCap, hits: bestHits, terms: bestWin,
			agree: bestAgree, disagree: bestDisagree, flips: bestFlips}
	}
	best.Asserter = bestRegion.asserter
	if best.Score < threshold || bestAgree+bestDisagree == 0 || c.echo {
		// (an echo's own words name only the case it speaks of: its
		// predecessor says what is said of it)
		return best
	}
	denial := (bestDisagree > bestAgree) != (bestFlips%2 == 1)
	if conditional {
		// the negations of a conditional spread over its condition, its
		// consequent and the link between them ("the lack of a mandate
		// does not mean a lack of obligations"): compare their number
		denial = (negations(qt)+negations(bestWin)+bestFlips)%2 == 1
	}
	if denial && bestFlips == 0 && !conditional && !bestRegion.rejected {
		_, _, _, _, hits := match(qt, bestWin, w)
		for k, t := range qt {
			if t.negHead && (!hits[k] || !s.ownWord(qt, k, bestWin)) {
				// the claim does not say what the question negates (a
				// near word says it only in part, or a synonym that
				// stands for another word of the question too): its lack
				// of a negation does not deny it
				return best
			}
		}
	}
	if bestRegion.rejected {
		denial = !denial
	}
	if doubted(qt) && !doubted(bestWin) && !bestRegion.rejected {
		// "the voluntariness of X is contested" says there is a dispute:
		// a claim that takes a side in it ("X is voluntary", "X is not
		// voluntary") neither states nor denies that
		return best
	}
	best.Stance = argmap.StanceSame
	if denial {
		best.Stance = argmap.StanceDenial
	}
	return best
}

// ownWord reports whether the claim window says the question's word qt[k]
// by a word of its own: the same word, or a synonym that is no synonym of
// another word of the question. "It helps states stop people" says
// "assisted" with "helps"; it does not also say "support" of "Assisted
// return leaves people with no support", and lacks that negation only
// because it says something else.
func (s *Stancer) ownWord(qt []term, k int, win []term) bool {
	t := qt[k]
	for j, ct := range win {
		if ct.acr {
			continue
		}
		if t.counted && j+1 < len(win) && win[j+1].tok == ct.tok+1 && win[j+1].clause == ct.clause {
			// a word before another content word modifies it: "national
			// offices" speaks of offices, not of a count of countries
			continue
		}
		if ct.lemma == t.lemma || negatedBy(t, ct) || sharesConcept(t.antonyms, ct.concepts) || sharesConcept(ct.antonyms, t.concepts) ||
			s.participleOpposite(t.lemma, ct) {
			return true // (or its opposite: "involuntary", "unsupported")
		}
		if !sharesConcept(t.concepts, ct.concepts) {
			continue
		}
		other := false
		for j, o := range qt {
			if j != k && !o.acr && o.lemma != t.lemma && (o.lemma == ct.lemma || sharesConcept(o.concepts, ct.concepts)) {
				other = true
				break
			}
		}
		if !other {
			return true
		}
	}
	return false
}

// participleOpposite reports whether ct is the antonym of a participle of
// the verb lemma: "unsupported" of "support" (WordNet opposes the
// adjectives "unsupported" and "supported", not the verb).
func (s *Stancer) participleOpposite(lemma string, ct term) bool {
	for _, a := range ct.antonyms {
		for _, m := range s.lex.Members(a) {
			if len(lemma) > 2 && m != lemma && strings.HasPrefix(m, lemma[:len(lemma)-1]) && slices.Contains(s.lex.Lemmas(m), lemma) {
				return true
			}
		}
	}
	return false
}

// saysOpposite reports whether a claim's window says the opposite of a
// question word it does not say (hits: what it says), by WordNet or by
// word vectors (opposite), or a change the other way of what the
// question's word changes: a claim word that is no word of the question
// and no name.
func saysOpposite(qt []term, hits []bool, win []term) bool {
	var qm, cm []masks
	for k, t := range qt {
		if hits[k] || t.acr || t.adverb || t.ante {
			continue
		}
		for j, ct := range win {
			if ct.acr || slices.ContainsFunc(qt, func(q term) bool { return q.lemma == ct.lemma }) {
				continue
			}
			if opposite(t, ct) {
				return true
			}
			if t.dir != 0 && ct.dir == -t.dir {
				// a change the other way, of what the question's
				// changes ("curtailed the ferry service" of "expanded
				// the ferry service")
				if qm == nil {
					qm, cm = termMasks(qt), termMasks(win)
				}
				if changeOf(qt, qm, win, cm, j) {
					return true
				}
			}
		}
	}
	return false
}

// markLead marks the words of a question's subject: those before its
// first verb, an auxiliary or a word read as a verb as written (verbAt: an
// -ed form, a word WordNet has as a verb and no noun; a form in -s before a
// determiner). Whether a claim
// negates them with its predicate depends on how it negates ("The board
// rejected the plan" keeps its subject, "The board did not accept the
// plan" does not), so they say nothing of its polarity. A question whose
// first verb comes after a clause word or a mark, or that has no word
// after it, is left alone.
func (s *Stancer) markLead(toks []token, ts []term) {
	end := -1
	for i := 1; i < len(toks); i++ {
		w := toks[i].lower
		if toks[i].punct != 0 || clauseBreaks[w] {
			return
		}
		if finiteWords[w] || negWords[w] || s.verbAt(w) ||
			(strings.HasSuffix(w, "s") && i+1 < len(toks) && determiners[toks[i+1].lower] && !propStop[toks[i-1].lower] && s.isVerb(w)) {
			// (a form in -s between a word and a determiner is a verb:
			// "trusts the survey", "funds the ferry")
			end = i
			break
		}
	}
	if end < 0 || len(ts) == 0 || ts[len(ts)-1].tok < end {
		return
	}
	for k := range ts {
		if ts[k].tok < end {
			ts[k].lead = true
		}
	}
}

// contentWords counts a question's words besides names, manner words, the
// light verb of an act, the words of its condition and its mark of
// avoiding.
func contentWords(qt []term) int {
	var ws []string
	for _, t := range qt {
		if !t.acr && !t.adverb && !t.light && !t.ante && !slices.Contains(ws, t.lemma) {
			ws = append(ws, t.lemma)
		}
	}
	return len(ws)
}

// shortQuestion reports whether a question has at most two words besides
// names, manner words, the light verb of an act and the words of its
// subject ("IOM acts in its own name": acts, name).
func shortQuestion(qt []term) bool {
	var ws []string
	for _, t := range qt {
		if !t.acr && !t.adverb && !t.light && !t.ante && !t.subj && !slices.Contains(ws, t.lemma) {
			ws = append(ws, t.lemma)
		}
	}
	return len(ws) <= 2
}

// SameProposition judges two claims against each other both ways: the
// stance of b towards a, and the smaller of the two coverages. Restatements
// cover each other; a claim that merely includes another's topic does not.
func (s *Stancer) SameProposition(a, b string) argmap.Judgement {
	ab := s.Judge(a, b)
	ba := s.Judge(b, a)
	if ab.Stance != ba.Stance {
		return argmap.Judgement{Stance: argmap.StanceTopic, Score: min(ab.Score, ba.Score)}
	}
	ab.Score = min(ab.Score, ba.Score)
	return ab
}

// windows returns the terms of each run of one to three adjacent clauses
// (all the terms when there is one clause).
func windows(ts []term) [][]term {
	if len(ts) == 0 || ts[0].clause == ts[len(ts)-1].clause {
		return [][]term{ts}
	}
	var starts []int // index of each clause's first term
	for i, t := range ts {
		if i == 0 || (t.clause != ts[i-1].clause && !ts[i-1].aside) {
			// an aside ("as the survey documented") joins the clause
			// after it, which it does not count against
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(ts))
	var out [][]term
	for k := 0; k+1 < len(starts); k++ {
		for n := 1; n <= 3 && k+n < len(starts); n++ {
			out = append(out, ts[starts[k]:starts[k+n]])
		}
	}
	return out
}

// doubted reports whether any of ts stands in a clause that puts it in
// doubt.
func doubted(ts []term) bool {
	for _, t := range ts {
		if t.doubt {
			return true
		}
	}
	return false
}

// negations counts the negation words of the clauses ts stand in.
func negations(ts []term) int {
	n := 0
	for i, t := range ts {
		if i == 0 || t.clause != ts[i-1].clause || t.ante != ts[i-1].ante {
			n += t.negs
		}
	}
	return n
}

// dropQuestions removes the sentences of s that end with a question mark:
// a question ("Does IOM enforce ...?", "doesn't this go against the
// convention?") asks whether P, it neither states nor denies it. A question
// mark inside quotation marks (a title) does not end a sentence.
func dropQuestions(s string) string {
	if strings.IndexByte(s, '?') < 0 {
		return s
	}
	var b strings.Builder
	start := 0  // where the current sentence begins
	quoted := 0 // open quotation marks: straight ones toggle, curly ones nest
	straight := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			straight = !straight
		case 0xE2:
			if strings.HasPrefix(s[i:], "“") {
				quoted++
			} else if strings.HasPrefix(s[i:], "”") && quoted > 0 {
				quoted--
			}
		case '.', '!', '?':
			end := i + 1
			for end < len(s) && (s[end] == '?' || s[end] == '!' || s[end] == '.') {
				end++
			}
			if end < len(s) && s[end] != ' ' && s[end] != '\n' && s[end] != '\t' || straight || quoted > 0 {
				// "U.S.", "3.5", or inside a quotation
				i = end - 1
				continue
			}
			if c == '?' {
				b.WriteByte(' ')
			} else {
				b.WriteString(s[start:end])
			}
			start = end
			i = end - 1
		}
	}
	b.WriteString(s[start:])
	return b.String()
}

// Posts implements argmap.PostFinder: the posts of a thread several people
// wrote (meta.Posts), so that answers take each poster as asserting what
// the post says.
func (s *Stancer) Posts(text string) []argmap.Post {
	return meta.Posts(text)
}

// memo is a Stancer's memo of an answer of the lexicon for each word form,
// safe for concurrent use (ingest analyses claims in parallel): the words
// are spread over shards by hash, each a map behind its own read-write
// lock, so that readers of different shards do not meet and readers of one
// do not wait for each other. It keeps at most max words; past that, other
// words are looked up each time.
type memo[V any] struct {
	seed   maphash.Seed
	n      atomic.Int64
	max    int64
	shards [memoShards]memoShard[V]
}

type memoShard[V any] struct {
	mu sync.RWMutex
	m  map[string]V
	_  [32]byte // a shard to a cache line: a writer's lock does not slow a reader of the next
}

const (
	memoShards = 16
	// wordMemoMax bounds the memo of word records: far more distinct word
	// forms than a large ingest meets, at ~250 bytes each (a word of one
	// lemma holds the lexicon's own concept lists) and the near synsets
	// of the few whose Word is asked for.
	wordMemoMax = 1 << 16
)

func newMemo[V any](max int64) *memo[V] {
	m := &memo[V]{seed: maphash.MakeSeed(), max: max}
	for i := range m.shards {
		m.shards[i].m = map[string]V{}
	}
	return m
}

// lookup returns the answer kept for w, if any.
func (m *memo[V]) lookup(w string) (V, bool) {
	sh := &m.shards[maphash.String(m.seed, w)%memoShards]
	sh.mu.RLock()
	v, ok := sh.m[w]
	sh.mu.RUnlock()
	return v, ok
}

// keep keeps v as the answer for w while the memo has room. The memo keeps
// w itself: a word cut from a text is cloned first (strings.Clone), so that
// the memo does not hold the text.
func (m *memo[V]) keep(w string, v V) {
	if m.n.Load() >= m.max {
		return
	}
	sh := &m.shards[maphash.String(m.seed, w)%memoShards]
	sh.mu.Lock()
	if _, had := sh.m[w]; !had {
		sh.m[w] = v
		m.n.Add(1)
	}
	sh.mu.Unlock()
}

// kind returns the lexicon's Kinds of w, from the memo when it has w.
func (s *Stancer) kind(w string) wn.Kind {
	if s.words == nil {
		return s.lex.Kinds(w)
	}
	return s.wordOf(w).kind
}

// wordRec is what the lexicon says of one word form (Stancer.words): its
// Info without the near synsets (WordNoNear), its lemmas (Lemmas) and
// kinds (Kinds), read with one lemmatisation (Lookup); whether a multiword
// lemma starts with one of its lemmas (PhraseStart); and its Info with the
// near synsets (Word), read when first asked for (a claim's link signature
// asks for it only of a few verbs). Its slices are shared by every reader
// and capped (len == cap), so that an append to one copies it; nobody
// writes into them.
type wordRec struct {
	w      string
	info   wn.Info
	lemmas []string
	kind   wn.Kind
	phrase bool
	once   sync.Once
	near   *wn.Info
}

// newWordRec reads w's record from the lexicon.
func (s *Stancer) newWordRec(w string) *wordRec {
	in, ls, k := s.lex.Lookup(w)
	in.Concepts, in.Antonyms, ls = slices.Clip(in.Concepts), slices.Clip(in.Antonyms), slices.Clip(ls)
	return &wordRec{w: strings.Clone(w), info: in, lemmas: ls, kind: k, phrase: s.lex.PhraseStart(ls)}
}

// wordOf returns w's record, from the memo when it has w.
func (s *Stancer) wordOf(w string) *wordRec {
	if s.words == nil {
		return s.newWordRec(w)
	}
	if r, ok := s.words.lookup(w); ok {
		return r
	}
	r := s.newWordRec(w)
	s.words.keep(r.w, r)
	return r
}

// word is the lexicon's Word of w, or its WordNoNear unless near, through
// the memo of word records. The Info's slices are shared: read only.
func (s *Stancer) word(w string, near bool) wn.Info {
	r := s.wordOf(w)
	if !near {
		return r.info
	}
	r.once.Do(func() {
		in := s.lex.Word(r.w)
		in.Concepts, in.Antonyms = slices.Clip(in.Concepts), slices.Clip(in.Antonyms)
		in.Broader, in.Narrower, in.Related, in.Genus = slices.Clip(in.Broader), slices.Clip(in.Narrower), slices.Clip(in.Related), slices.Clip(in.Genus)
		r.near = &in
	})
	return *r.near
}

// isVerb is the lexicon's Verb of w, isNoun its Noun, isAdverb its Adverb,
// isNegative its Negative and isKnown its Known, through the memo.
func (s *Stancer) isVerb(w string) bool     { return s.kind(w)&wn.KindVerb != 0 }
func (s *Stancer) isNoun(w string) bool     { return s.kind(w)&wn.KindNoun != 0 }
func (s *Stancer) isAdverb(w string) bool   { return s.kind(w)&wn.KindAdverbOnly != 0 }
func (s *Stancer) isNegative(w string) bool { return s.kind(w)&wn.KindNegative != 0 }
func (s *Stancer) isKnown(w string) bool    { return s.kind(w)&wn.KindKnown != 0 }
