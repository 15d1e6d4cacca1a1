package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	wn "github.com/argmap/argmap/internal/extract/lexicon"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// Attribution: who asserts what a sentence says. A sentence may report a
// view ("Critics say that P": P is asserted by the critics, not by the
// author), or report it in order to reject it ("It is wrong to say that P",
// "Contrary to the view that P, ...", "In contrast to the tendency to
// portray X as P": the author denies P). The constructions are general word
// classes (reporting verbs, words of falsity, nouns of opinion), not
// phrases of particular documents.

// token is a word or a punctuation mark of a sentence.
type token struct {
	text  string // as written
	lower string // lower case, curly apostrophes folded; "" for punctuation
	punct byte   // ',' ';' ':' '(' ')' '.' '?' '!' '"' for punctuation, else 0
}

// tokenCache keeps the tokens of the texts attribute reads more than once
// (a claim is read as the sentence after a view and again for who asserts
// it). The tokens are shared: readers must not change them.
type tokenCache struct {
	m map[string][]token
	// the units of the document by their text, whose words the units
	// stage has split already (unit.toks): their tokens are read from
	// those words (tokensOfWords), not from the text again
	text  string
	units map[string]*unit
	arena *[]token // room for the tokens read from words, shared by the texts
	room  int      // the room to make at first: a fifth of the units' bytes
}

// newTokenCache returns a cache for the texts of units, spans of text.
func newTokenCache(text string, units []*unit) tokenCache {
	c := tokenCache{m: map[string][]token{}, text: text, units: make(map[string]*unit, len(units)), arena: new([]token)}
	for _, u := range units {
		if u.toks != nil {
			c.units[text[u.Start:u.End]] = u
			c.room += (u.End - u.Start) / 5
		}
	}
	return c
}

// of returns the tokens of s, split once.
func (c tokenCache) of(s string) []token {
	if t, ok := c.m[s]; ok {
		return t
	}
	var t []token
	if u, ok := c.units[s]; ok {
		if n := tokensBound(u.Start, u.End, u.toks); cap(*c.arena)-len(*c.arena) < n {
			*c.arena = make([]token, 0, max(n, c.room))
		}
		a := len(*c.arena)
		if *c.arena, ok = tokensOfWords(c.text, u.Start, u.End, u.toks, *c.arena); ok {
			t = (*c.arena)[a:len(*c.arena):len(*c.arena)]
		} else {
			*c.arena = (*c.arena)[:a]
			t = tokens(s)
		}
	} else {
		t = tokens(s)
	}
	c.m[s] = t
	return t
}

// tokensBound is the most tokens tokensOfWords gives for the span
// [start,end) with words toks: a token a word and at most one a byte of
// the gaps between them. (Sized by the span's bytes, the arena ran out
// early and half a document's room was left unused.)
func tokensBound(start, end int, toks []argstruct.Token) int {
	n := len(toks) + end - start
	for _, t := range toks {
		n -= t.End - t.Start
	}
	return n
}

// tokensOfWords appends to out tokens(text[start:end]), read from the
// span's words as the structure parser splits them (toks, argstruct.Tokenize,
// each inside the span) and the punctuation between them. The two splitters
// start a word at the same word runes, join across a mark before a word
// rune alike and keep a word's text as written; tokens also runs a word on
// across a mark before a byte outside ASCII that is no word rune ("a.’b",
// then dropping the marks it ends with) and then keeps no token of the
// mark. Where a word is followed so, ok is false and the caller splits the
// span itself.
func tokensOfWords(text string, start, end int, toks []argstruct.Token, out []token) ([]token, bool) {
	at := start // the end of the word before
	for k := 0; k <= len(toks); k++ {
		ge := end // the gap's end: the next word's start
		if k < len(toks) {
			ge = toks[k].Start
		}
		if k > 0 && at < end {
			r, n := rune(text[at]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[at:end])
			}
			if (r == '\'' || r == '’' || r == '-' || r == '.') && at+n < end && tokenByte(text[at+n]) {
				return out, false
			}
		}
		for i := at; i < ge; {
			r, n := rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(text[i:ge])
			}
			if p, ok := punctByte(r); ok {
				out = append(out, token{text: text[i : i+n], punct: p})
			}
			i += n
		}
		if k < len(toks) {
			t := toks[k]
			out = append(out, token{text: text[t.Start:t.End], lower: t.Word})
			at = t.End
		}
	}
	return out, true
}

// tokens splits s into words and the punctuation that bounds clauses.
func tokens(s string) []token {
	out := make([]token, 0, len(s)/5+4)
	start := -1
	// the lower case of ASCII words with capitals, cut into strings at the
	// end (from a copy: the arrays are scratch on the stack)
	var arenaArr [160]byte
	var lowAtArr [32]int
	arena := arenaArr[:0]
	lowAt := lowAtArr[:0] // token index, offset in arena, for each of them
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := s[start:end]
		if c := w[len(w)-1]; c == '\'' || c == '-' || c == '.' || c >= 0x80 {
			w = strings.TrimRight(w, "'’-.")
		}
		start = -1
		if w == "" {
			return
		}
		upper := false
		for k := 0; k < len(w); k++ {
			c := w[k]
			if c >= utf8.RuneSelf {
				out = append(out, token{text: w, lower: strings.ToLower(strings.ReplaceAll(w, "’", "'"))})
				return
			}
			upper = upper || 'A' <= c && c <= 'Z'
		}
		if !upper {
			out = append(out, token{text: w, lower: w})
			return
		}
		// one allocation a text, not one a capitalised word
		lowAt = append(lowAt, len(out), len(arena))
		for k := 0; k < len(w); k++ {
			c := w[k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			arena = append(arena, c)
		}
		out = append(out, token{text: w})
	}
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case wn.IsWordRune(r):
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-' || r == '.') && start >= 0 && i+n < len(s) && tokenByte(s[i+n]):
			// inner apostrophe, hyphen or full stop (U.S., don't, co-operate)
		default:
			flush(i)
			if p, ok := punctByte(r); ok {
				out = append(out, token{text: s[i : i+n], punct: p}) // r as written, without an allocation
			}
		}
		i += n
	}
	flush(len(s))
	if len(lowAt) > 0 {
		all := string(arena)
		for k := 0; k < len(lowAt); k += 2 {
			end := len(all)
			if k+3 < len(lowAt) {
				end = lowAt[k+3]
			}
			out[lowAt[k]].lower = all[lowAt[k+1]:end]
		}
	}
	return out
}

func tokenByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// region is a stretch of a sentence with one voice: who asserts it, and
// whether the author rejects it.
type region struct {
	toks     []token
	asserter string // "" when the author asserts it
	rejected bool   // the author reports it in order to deny it
}

// reporting verbs: saying, arguing, believing, finding, in every form. The
// subject of one of these asserts the clause that follows.
var reportingVerbs = wordSet(`say says said saying claim claims claimed claiming argue argues argued arguing contend
	contends contended assert asserts asserted maintain maintains maintained hold holds held believe believes believed
	suggest suggests suggested allege alleges alleged insist insists insisted conclude concludes concluded answer answers
	answered reply replies replied warn warns warned show shows showed shown find finds found observe observes observed
	note notes noted report reports reported recount recounts recounted document documents documented think thinks
	thought state states stated agree agrees agreed acknowledge acknowledges acknowledged
	accept accepts accepted describe describes described write writes wrote stress stresses stressed emphasise
	emphasises emphasised emphasize emphasizes emphasized`)

// nounDeterminers are the determiners after which a reporting verb's form
// is a noun ("no say", "a claim", "their findings", "every report"): the
// articles, the possessive determiners and the quantifiers that take a
// noun. The demonstratives are left out: "this shows that P" is a clause
// whose subject is "this".
var nounDeterminers = wordSet(`a an the no any every each its their his her our my your whose`)

// sayVerbs are the reporting verbs that are never nouns: a question may
// drop the "that" after them.
var sayVerbs = wordSet(`say says said argue argues argued contend contends contended believe believes believed
	think thinks insist insists insisted suggest suggests suggested maintain maintains maintained allege alleges
	alleged assert asserts asserted`)

// authorSubjects are subjects through which the author speaks.
var authorSubjects = wordSet(`we i it this our my paper chapter article study book essay report brief review section
	statement here`)

// evidential verbs report what something shows; unless a named source is
// their subject ("Webber (2011) showed"), the author draws the conclusion
// ("the record shows that").
var evidential = wordSet(`show shows showed shown find finds found note notes noted observe observes observed
	document documents documented`)

// falsity words: it is <one of these> to say that P.
var falsity = wordSet(`wrong false mistaken misleading inaccurate untrue incorrect myth simplistic naive error fallacy
	fiction illusion misconception mistake doubtful unlikely implausible questionable dubious unfounded baseless
	groundless exaggerated overstated overblown debunked discredited disproved`)

// opinionNouns: contrary to the <one of these> that P.
var opinionNouns = wordSet(`view views claim claims idea ideas belief beliefs assumption assumptions notion notions
	argument arguments tendency tendencies perception perceptions image picture narrative portrayal story assertion
	suggestion reports allegation allegations rumour rumours rumor rumors fear fears`)

// portrayVerbs: the tendency to <one of these> X as P.
var portrayVerbs = wordSet(`portray portrays portrayed depict depicts depicted present presents presented cast casts
	describe describes described represent represents see sees seen view views regard regards treat treats frame
	frames characterise characterize paint paints`)

// holderOpeners open a subject that stands for whoever holds a view:
// "whoever", "those / anyone / anybody / people who".
var holderOpeners = wordSet(`whoever those anyone anybody people`)

// callingVerbs say what someone takes a thing to be ("call the harbour
// safe", "calling it safe"), in every form.
var callingVerbs = wordSet(`call calls called calling consider considers considered considering describe describes
	described describing think thinks thought thinking believe believes believed believing claim claims claimed
	claiming`)

// rejectVerbs: we <one of these> that P.
var rejectVerbs = wordSet(`disagree reject rejects deny denies dispute disputes contest contests refute refutes`)

// A lenFirst tells, for the words of a set, which lengths and first bytes
// they have: a word whose pair no member has is not in the set, told
// without hashing it (most words of a sentence are in none of these sets).
type lenFirst [24][256]bool

func newLenFirst[V any](set map[string]V) *lenFirst {
	f := new(lenFirst)
	for w := range set {
		if w != "" && len(w) < len(f) {
			f[len(w)][w[0]] = true
		}
	}
	return f
}

// may reports whether w may be in the set (always, for a filter not made
// yet: vocab's is made at the end of init).
func (f *lenFirst) may(w string) bool {
	return f == nil || w == "" || len(w) >= len(f) || f[len(w)][w[0]]
}

// mayBytes is may for a word held in bytes.
func (f *lenFirst) mayBytes(w []byte) bool {
	return f == nil || len(w) == 0 || len(w) >= len(f) || f[len(w)][w[0]]
}

var (
	rejectAnaphorLF  = newLenFirst(rejectAnaphor)
	reportingVerbsLF = newLenFirst(reportingVerbs)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// regions splits a sentence into its voices. A sentence with no reporting or
// rejecting construction is one region the author asserts.
func regions(s string) []region {
	return regionsOf(s, false)
}

// regionsOf splits s into its voices; loose accepts "X say P" with no
// "that" before any clause, as people put questions ("critics say return
// is forced"), where a sentence of a document needs a capitalised clause.
func regionsOf(s string, loose bool) []region {
	return regionsOfTokens(tokens(s), loose)
}

// regionsOfTokens is regionsOf of a sentence's tokens.
func regionsOfTokens(toks []token, loose bool) []region {
	if rs, ok := rejectedView(toks); ok {
		return rs
	}
	if rs, ok := reported(toks, loose); ok {
		return rs
	}
	return []region{{toks: toks}}
}

// rejectedView finds "it is wrong/false/a myth to say that P", "it is not
// true that P", "the idea/claim that P is false/a myth", "contrary to the
// view that P, Q", "in contrast to the tendency to portray X as P, Q" and
// "we disagree/reject that P".
func rejectedView(toks []token) ([]region, bool) {
	n := len(toks)
	for i := 0; i < n; i++ {
		w := toks[i].lower
		switch {
		case i+2 < n && toks[i+1].lower == "that" && opinionNouns[w]: // the map last: most words are not before "that"
			// the <opinion> that P is (simply|not|a ...) <falsity>: P runs
			// to the copula the verdict follows
			for k := i + 3; k < n && toks[k].punct != ':' && toks[k].punct != ';'; k++ {
				end, ok, upheld := falsityAfter(toks, k)
				if !ok {
					continue
				}
				out := []region{}
				if i > 0 {
					out = append(out, region{toks: toks[:i]})
				}
				out = append(out, region{toks: holderForPronoun(toks, i, toks[i+2:k]), rejected: !upheld})
				if end+1 < n {
					out = append(out, region{toks: toks[end+1:]})
				}
				return out, true
			}
		case w == "it" || w == "that" || w == "this":
			// it is (also|not|simply)* <falsity> to <verb> (that)? P
			j := i + 1
			if j >= n || (toks[j].lower != "is" && toks[j].lower != "was" && toks[j].lower != "would") {
				continue
			}
			j++
			if j < n && toks[j].lower == "be" {
				j++
			}
			neg := false
			for j < n && (toks[j].lower == "also" || toks[j].lower == "simply" || toks[j].lower == "thus" ||
				toks[j].lower == "therefore" || toks[j].lower == "not" || toks[j].lower == "a" || toks[j].lower == "an" ||
				toks[j].lower == "quite" || toks[j].lower == "plainly" || toks[j].lower == "clearly") {
				if toks[j].lower == "not" {
					neg = true
				}
				j++
			}
			if j >= n {
				continue
			}
			head := toks[j].lower
			// a verdict of falsity that is itself negated upholds the view
			// ("it is not wrong to say that P" says P)
			upheld := neg && falsity[head]
			bad := (falsity[head] && !neg) || (neg && (head == "true" || head == "accurate" || head == "correct" || head == "right" || head == "fair" || head == "the"))
			if !bad && !upheld {
				continue
			}
			if head == "the" && (j+1 >= n || toks[j+1].lower != "case") {
				continue
			}
			if head == "the" {
				j++
			}
			j++
			// "to say that" / "that"
			if j < n && toks[j].lower == "to" && j+1 < n {
				j += 2
			}
			if j < n && toks[j].lower == "that" {
				j++
			}
			if j >= n || toks[j].punct != 0 && toks[j].punct != '"' {
				// "..., but this is false.": a verdict on what came
				// before (rejectedTail), no view after it
				continue
			}
			out := []region{}
			if i > 0 {
				out = append(out, region{toks: toks[:i]})
			}
			// the rejected view runs to a colon or semicolon: what follows
			// is the author's own reason ("it is not accurate to say that
			// P: much of its budget goes to Q")
			end := j
			for end < n && toks[end].punct != ':' && toks[end].punct != ';' {
				end++
			}
			out = append(out, region{toks: toks[j:end], rejected: !upheld})
			if end+1 < n {
				out = append(out, region{toks: toks[end+1:]})
			}
			return out, true
		case w == "contrary" || (w == "in" && i+1 < n && (toks[i+1].lower == "contrast" || toks[i+1].lower == "opposition")):
			j := i + 1
			if w == "in" {
				j = i + 2
			}
			if j >= n || toks[j].lower != "to" {
				continue
			}
			// the rejected view runs to the next comma; what follows is the
			// author's own
			end := j + 1
			for end < n && toks[end].punct != ',' && toks[end].punct != ';' {
				end++
			}
			view := toks[j+1 : end]
			// "the tendency (in X) to portray A as B": the view is "A B"
			for k, t := range view {
				if portrayVerbs[t.lower] {
					rest := view[k+1:]
					cut := []token{}
					for _, r := range rest {
						if r.lower == "as" {
							continue
						}
						cut = append(cut, r)
					}
					view = cut
					break
				}
				if t.lower == "that" && k > 0 && opinionNouns[view[k-1].lower] {
					view = view[k+1:]
					break
				}
			}
			out := []region{}
			if i > 0 {
				out = append(out, region{toks: toks[:i]})
			}
			out = append(out, region{toks: view, rejected: true})
			if end+1 < n {
				out = append(out, region{toks: toks[end+1:]})
			}
			return out, true
		case i == 0 && (holderOpeners[w] || (strings.HasSuffix(w, "ing") && callingVerbs[w])):
			// "whoever / those who / anyone who calls X P is wrong",
			// "calling X P would be a mistake": P is the view of whoever
			// holds it, which the sentence says is false
			j := i + 1
			if !callingVerbs[w] {
				if w != "whoever" {
					if j >= n || toks[j].lower != "who" {
						continue
					}
					j++
				}
				for j < n && isAux(toks[j].lower) {
					j++
				}
				if j >= n || !(callingVerbs[toks[j].lower] || reportingVerbs[toks[j].lower]) {
					continue
				}
				j++
			}
			if j < n && toks[j].lower == "that" {
				j++
			}
			for k := j + 2; k < n && toks[k].punct != ':' && toks[k].punct != ';'; k++ {
				end, ok, upheld := falsityAfter(toks, k)
				if !ok && toks[k].lower == "would" && k+2 < n && toks[k+1].lower == "be" {
					// "would be wrong", "would be a mistake"
					end = k + 2
					for end < n-1 && (toks[end].lower == "a" || toks[end].lower == "an" || toks[end].lower == "simply" ||
						toks[end].lower == "quite" || toks[end].lower == "plainly") {
						end++
					}
					ok = falsity[toks[end].lower]
				}
				if !ok {
					continue
				}
				out := []region{{toks: toks[j:k], rejected: !upheld}}
				if end+1 < n {
					out = append(out, region{toks: toks[end+1:]})
				}
				return out, true
			}
		case (w == "we" || w == "i") && i+1 < n && rejectVerbs[toks[i+1].lower]:
			j := i + 2
			if j < n && toks[j].lower == "that" {
				j++
			}
			if j >= n || toks[j].punct != 0 {
				continue
			}
			return []region{{toks: toks[j:], rejected: true}}, true
		}
	}
	return nil, false
}

// falsityAfter reports whether a copula at toks[k] gives a verdict on the
// truth of what comes before it, and the index of the verdict word: that
// it is false ("is a myth", "was simply wrong", "is not true"), or, a
// verdict of falsity negated, that it holds (upheld: "is not false", "is
// not a myth").
func falsityAfter(toks []token, k int) (end int, ok, upheld bool) {
	switch toks[k].lower {
	case "is", "was", "are", "were", "remains", "remained", "proved", "proves":
	default:
		return 0, false, false
	}
	neg := false
	j := k + 1
	for j < len(toks) && (toks[j].lower == "also" || toks[j].lower == "simply" || toks[j].lower == "not" ||
		toks[j].lower == "a" || toks[j].lower == "an" || toks[j].lower == "quite" || toks[j].lower == "plainly" ||
		toks[j].lower == "clearly" || toks[j].lower == "just" || toks[j].lower == "largely" || toks[j].lower == "to" ||
		toks[j].lower == "be") {
		if toks[j].lower == "not" {
			neg = true
		}
		j++
	}
	if j >= len(toks) {
		return 0, false, false
	}
	head := toks[j].lower
	if falsity[head] && neg {
		return j, true, true
	}
	if falsity[head] || (neg && (head == "true" || head == "accurate" || head == "correct" || head == "right")) {
		return j, true, false
	}
	return 0, false, false
}

// reported finds "X says (that) P" and "according to X, P". The asserter
// is X unless X is the author (we, I, this paper).
func reported(toks []token, loose bool) ([]region, bool) {
	n := len(toks)
	for i := 0; i+1 < n; i++ {
		if toks[i].lower == "according" && toks[i+1].lower == "to" {
			end := i + 2
			for end < n && toks[end].punct != ',' {
				end++
			}
			if end >= n-1 {
				return nil, false
			}
			who := subjectText(toks[i+2 : end])
			if who == "" || isAuthor(toks[i+2:end]) || !named(toks[i+2:end]) {
				return nil, false
			}
			return []region{{toks: toks[end+1:], asserter: who}}, true
		}
	}
	for i := 1; i < n; i++ {
		if !reportingVerbsLF.may(toks[i].lower) || !reportingVerbs[toks[i].lower] || nounDeterminers[toks[i-1].lower] {
			// (after a determiner the word is a noun: "donors have no
			// say in it", "a report of the board", "their claim")
			continue
		}
		j := i + 1
		// "say yes:", "argue, ..."
		for j < n && (toks[j].lower == "yes" || toks[j].lower == "no" || toks[j].punct == ':' || toks[j].punct == ',') {
			j++
		}
		hasThat := j < n && toks[j].lower == "that"
		if hasThat {
			j++
		}
		// the subject: back to the clause's start
		s := i - 1
		for s >= 0 && (toks[s].punct == 0 || toks[s].punct == ')') {
			if toks[s].punct == ')' {
				// a parenthesised year or aside belongs to the subject
				for s >= 0 && toks[s].punct != '(' {
					s--
				}
				if s < 0 {
					break // an unopened ")": the sentence's start bounds the subject
				}
			}
			s--
		}
		s = max(s, -1)
		subj := toks[s+1 : i]
		// auxiliaries and adverbs between subject and verb (have argued, also say)
		wrongly := false // "critics wrongly claim that P": the author says P is false
		for len(subj) > 0 && (isAux(subj[len(subj)-1].lower) || falsityAdverb(subj[len(subj)-1].lower)) {
			wrongly = wrongly || falsityAdverb(subj[len(subj)-1].lower)
			subj = subj[:len(subj)-1]
		}
		if len(subj) == 0 || len(subj) > 8 || j >= n || (!hasThat && toks[i+1].punct != ':' && !clauseFollows(toks[j:]) && !(loose && sayVerbs[toks[i].lower] && n-j >= 2)) {
			continue
		}
		if !subjectLike(subj) {
			continue
		}
		out := []region{}
		if s >= 0 {
			out = append(out, region{toks: toks[:s+1]})
		}
		if noHolder(subj) {
			// "No one believes that P", "few people think that P": the
			// author reports a view nobody (or hardly anybody) holds, in
			// order to deny it
			return append(out, region{toks: toks[j:], rejected: true}), true
		}
		who := ""
		if !isAuthor(subj) && (!evidential[toks[i].lower] || named(subj)) {
			who = subjectText(subj)
		}
		view := toks[j:]
		if t := rejectedTail(view); t > 0 {
			// "Critics claim P, but this is false": the view ends where
			// the clause that judges it starts
			view, wrongly = view[:t], true
		}
		return append(out, region{toks: view, asserter: who, rejected: wrongly}), true
	}
	return nil, false
}

// boundWords after "no" or "nothing" make a bound, not a negative
// quantifier ("no fewer than ten inspectors", "nothing but luck").
var boundWords = wordSet(`fewer less more but short other sooner longer`)

// noHolder reports whether a reporting verb's subject says that nobody,
// or hardly anybody, holds the view, or that nothing shows it: "no one",
// "nobody", "none of them", "few (people)", "hardly anyone", "not many",
// "nothing", "no study".
func noHolder(subj []token) bool {
	if len(subj) == 0 {
		return false
	}
	w0 := subj[0].lower
	w1 := ""
	if len(subj) > 1 {
		w1 = subj[1].lower
	}
	switch {
	case w0 == "nobody" || w0 == "none" || w0 == "few" || (w0 == "nothing" || w0 == "no" && w1 != "") && !boundWords[w1]:
		// (and what shows nothing: "nothing suggests that P", "no
		// study has shown that P"; not "no fewer than ten", "nothing but")
		return true
	case (w0 == "hardly" || w0 == "scarcely") && (w1 == "anyone" || w1 == "anybody"):
		return true
	case w0 == "not" && (w1 == "many" || w1 == "one"):
		return true
	}
	return false
}

// holderForPronoun returns the view of "X's <opinion> that P" with an "it"
// or "they" that opens P read as X ("The company's claim that it is
// profitable is false": "the company is profitable"), new tokens; view as
// it is otherwise. X runs back from the possessive before the opinion noun
// at toks[i] to the sentence's start or a mark.
func holderForPronoun(toks []token, i int, view []token) []token {
	if i == 0 || len(view) == 0 || (view[0].lower != "it" && view[0].lower != "they") {
		return view
	}
	last := toks[i-1]
	base, ok := strings.CutSuffix(last.lower, "'s")
	if !ok || base == "" {
		return view
	}
	from := i - 1
	for from > 0 && toks[from-1].punct == 0 {
		from--
	}
	out := make([]token, 0, i-from+len(view))
	out = append(out, toks[from:i-1]...)
	out = append(out, token{text: strings.TrimSuffix(strings.TrimSuffix(last.text, "'s"), "’s"), lower: base})
	return append(out, view[1:]...)
}

// falsityAdverb reports whether w is the adverb of a falsity word
// ("wrongly", "falsely", "mistakenly", "incorrectly"): said of a
// reporting verb, the author holds what is reported false.
func falsityAdverb(w string) bool {
	base, ok := strings.CutSuffix(w, "ly")
	return ok && len(base) > 3 && falsity[base]
}

func isAux(w string) bool {
	switch w {
	case "have", "has", "had", "also", "often", "rightly", "wrongly", "long", "still", "now", "do", "does", "did",
		"will", "would", "may", "might", "can", "could", "should", "commonly", "widely", "generally", "repeatedly":
		return true
	}
	return false
}

// clauseFollows reports whether ts starts like a clause with its own subject
// after a reporting verb with no "that" ("X say IOM enforces ..."): a
// capitalised word. A lower-case word is more often the verb's object
// ("reports the results").
func clauseFollows(ts []token) bool {
	if len(ts) < 3 || ts[0].punct != 0 {
		return false
	}
	return unicode.IsUpper([]rune(ts[0].text)[0])
}

// named reports whether a subject names someone: a capitalised word after
// its first, or a plural noun (critics, researchers, others).
func named(subj []token) bool {
	for k, t := range subj {
		if t.punct != 0 {
			continue
		}
		if k > 0 && unicode.IsUpper([]rune(t.text)[0]) {
			return true
		}
		if k == 0 && unicode.IsUpper([]rune(t.text)[0]) && !strings.EqualFold(t.text, "the") && !strings.EqualFold(t.text, "its") {
			return true
		}
	}
	last := subj[len(subj)-1].lower
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// subjectLike rejects subjects that are not noun phrases ("as the report
// shows" is a subordinate clause; "which" introduces a relative clause).
func subjectLike(subj []token) bool {
	for _, t := range subj {
		switch t.lower {
		case "which", "who", "as", "if", "when", "because", "is", "are", "was", "were", "be", "not", "to":
			return false
		}
	}
	return true
}

func isAuthor(subj []token) bool {
	for _, t := range subj {
		if authorSubjects[t.lower] {
			return true
		}
	}
	return false
}

// subjectText is the asserter's name as written: leading connectives and
// determiners and trailing parenthesised years dropped.
func subjectText(subj []token) string {
	var parts []string
	for _, t := range subj {
		if t.punct == '(' {
			break
		}
		if t.punct != 0 {
			continue
		}
		parts = append(parts, t.text)
	}
	for len(parts) > 0 {
		switch strings.ToLower(parts[0]) {
		case "the", "but", "and", "yet", "however", "so", "then", "while", "on", "other", "one", "side", "its", "his", "her", "their":
			parts = parts[1:]
			continue
		}
		break
	}
	return strings.Join(parts, " ")
}

// Asserter returns who asserts what sentence says when it reports someone
// else's view ("Critics say that P" gives "Critics"), and "" when the author
// asserts it or rejects a view.
func Asserter(sentence string) string {
	return asserterOf(tokens(sentence))
}

// asserterOf is Asserter of a sentence's tokens.
func asserterOf(toks []token) string {
	for _, r := range regionsOfTokens(toks, false) {
		if r.asserter != "" {
			return r.asserter
		}
	}
	return ""
}

// attribute records the reported speaker of each claim as an actor that
// asserts it: "Critics say that P" gives the claim an actor "Critics" in the
// role asserts, so the claim is not taken for the author's own. An actor
// already in g with that name or alias is reused; otherwise a group actor is
// added.
// tc holds the tokens of the texts of the document's units.
func attribute(g *argmap.Graph, tc tokenCache) {
	markRejectedViews(g, tc)
	byName := map[string]string{}
	for _, a := range g.Actors {
		byName[strings.ToLower(a.Name)] = a.ID
		for _, al := range a.Aliases {
			byName[strings.ToLower(al)] = a.ID
		}
	}
	for i := range g.Claims {
		c := &g.Claims[i]
		who := asserterOf(tc.of(c.Text))
		if who == "" || len(who) > argmap.MaxNameLen {
			continue
		}
		var ids []string
		if id, ok := byName[strings.ToLower(who)]; ok {
			ids = []string{id}
		} else if parts := speakerParts(who); len(parts) > 1 {
			// "Ashutosh and Mountz": each a speaker the finder listed
			for _, p := range parts {
				if id, ok := byName[strings.ToLower(p)]; ok {
					ids = append(ids, id)
				}
			}
			if len(ids) != len(parts) {
				ids = nil
			}
		}
		if ids == nil {
			if !groupName(who) {
				// a named speaker the actor finder did not list is left to it
				continue
			}
			id := argmap.ActorID(who)
			byName[strings.ToLower(who)] = id
			g.Actors = append(g.Actors, argmap.Actor{ID: id, Name: who, Kind: argmap.ActorGroup, Aliases: []string{}})
			ids = []string{id}
		}
		for _, id := range ids {
			have := false
			for k, r := range c.Actors {
				if r.ActorID == id {
					c.Actors[k].Role = argmap.RoleAsserts
					have = true
				}
			}
			if !have {
				c.Actors = append(c.Actors, argmap.ActorRef{ActorID: id, Role: argmap.RoleAsserts})
			}
		}
	}
}

// speakerParts splits a speaker named as several ("Ashutosh and Mountz",
// "Amnesty International & Human Rights Watch") into their names.
func speakerParts(who string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(strings.NewReplacer(" and ", "\x00", " & ", "\x00", ", ", "\x00").Replace(who), func(r rune) bool { return r == 0 }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// rejectAnaphor are the verbs with which a sentence rejects the view of the
// sentence before it: "recent research has challenged this view".
var rejectAnaphor = wordSet(`disagree disagrees disagreed reject rejects rejected deny denies denied dispute disputes
	disputed contest contests contested refute refutes refuted challenge challenges challenged question questions
	questioned doubt doubts doubted`)

// anaphors point back at what was just said.
var anaphors = wordSet(`this that these those such`)

// leadWords open a sentence without changing what it says.
var leadWords = wordSet(`but however yet and still`)

// trueWords, negated, say a view is false: "that is not true".
var trueWords = wordSet(`true correct accurate right case so`)

// rejectsPreviousTokens reports whether a sentence (its tokens) rejects,
// by pointing back at it, the view the sentence before it states: "Recent research has
// challenged this view", "I contest that claim", "We disagree.", "This
// view is mistaken", "That is not true"; and whether the author is the one
// who rejects it (no subject, or one the author speaks through: "we",
// "this chapter").
func rejectsPreviousTokens(toks []token) (rejects, byAuthor bool) {
	var wsArr [64]string // read here only: on the stack for a sentence of ordinary length
	ws := wsArr[:0]
	if len(toks) > len(wsArr) {
		ws = make([]string, 0, len(toks))
	}
	for _, t := range toks {
		if t.punct == 0 {
			ws = append(ws, t.lower)
		} else if t.punct != ',' && t.punct != '"' {
			ws = append(ws, ".")
		}
	}
	for len(ws) > 0 && ws[len(ws)-1] == "." {
		ws = ws[:len(ws)-1]
	}
	for len(ws) > 0 && leadWords[ws[0]] {
		ws = ws[1:] // "But this is not true"
	}
	at := func(i int) string {
		if i < len(ws) {
			return ws[i]
		}
		return "."
	}
	for i, w := range ws {
		if !rejectAnaphorLF.may(w) || !rejectAnaphor[w] {
			continue
		}
		j := i + 1
		if at(j) == "with" {
			j++
		}
		author := i == 0 || authorSubjects[ws[0]]
		switch {
		case anaphors[at(j)] && (opinionNouns[at(j+1)] || at(j+1) == "."):
			// "challenged this view", "disagree with that."
			return true, author
		case (w == "disagree" || w == "disagrees") && at(j) == "." && i <= 2:
			// "We disagree."
			return true, author
		}
	}
	// "We do not agree", "I don't agree with that"
	if len(ws) >= 3 && (ws[0] == "we" || ws[0] == "i") {
		j := 1
		if at(j) == "do" || at(j) == "can" {
			j++
		}
		if negWords[at(j)] || strings.HasSuffix(at(j), "n't") {
			j++
			if at(j) == "agree" && (at(j+1) == "." || (at(j+1) == "with" && anaphors[at(j+2)] &&
				(opinionNouns[at(j+3)] || at(j+3) == "."))) {
				return true, true
			}
		}
	}
	// "This view is mistaken", "That is not true", "This claim is a myth"
	if len(ws) >= 3 && anaphors[ws[0]] {
		j := 1
		if opinionNouns[ws[j]] {
			j++
		}
		if w := at(j); w == "is" || w == "are" || w == "was" || w == "were" {
			j++
			if at(j) == "a" || at(j) == "an" || at(j) == "simply" {
				j++
			}
			if falsity[at(j)] || (at(j) == "not" && (trueWords[at(j+1)] || (at(j+1) == "the" && at(j+2) == "case"))) {
				return true, true
			}
		}
	}
	return false, false
}

// markRejectedViews gives the cue argmap.CueRejectedView to every claim the
// next sentence (a claim or evidence) rejects by pointing back at it: the
// claim that ends right before a sentence that rejectsPreviousTokens, with
// nothing else stated between. Evidence so rejected becomes such a claim
// (promoteViews). A view the author reports from someone
// ("critics say that P") counts as rejected only when the author rejects
// it ("We disagree"), not when a third party does ("The agency rejects
// this view"); a view the author states itself ("Early studies read X as
// P") counts as rejected when the next sentence rejects it at all.
func markRejectedViews(g *argmap.Graph, tc tokenCache) {
	type at struct {
		start, end int
		text       string
		claim      int // index in g.Claims, -1 for evidence
	}
	bySource := map[string][]at{}
	var views []string // the texts of rejected views filed as evidence
	for i, c := range g.Claims {
		for _, sp := range c.Spans {
			bySource[sp.SourceID] = append(bySource[sp.SourceID], at{sp.Start, sp.End, c.Text, i})
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			bySource[sp.SourceID] = append(bySource[sp.SourceID], at{sp.Start, sp.End, e.Text, -1})
		}
	}
	for _, xs := range bySource {
		sort.Slice(xs, func(a, b int) bool {
			if xs[a].start != xs[b].start {
				return xs[a].start < xs[b].start
			}
			return xs[a].end > xs[b].end
		})
		last := 0 // the unit before cur that ends last (a citation inside a claim does not stand between)
		for k := 1; k < len(xs); k++ {
			if xs[k-1].end > xs[last].end {
				last = k - 1
			}
			prev, cur := xs[last], xs[k]
			if cur.start-prev.end > 3 || cur.start < prev.end {
				continue
			}
			rejects, byAuthor := rejectsPreviousTokens(tc.of(cur.text))
			if !rejects || (!byAuthor && asserterOf(tc.of(prev.text)) != "") {
				continue
			}
			if prev.claim < 0 {
				views = append(views, prev.text)
				continue
			}
			c := &g.Claims[prev.claim]
			if !contains(c.Cues, argmap.CueRejectedView) {
				c.Cues = append(c.Cues, argmap.CueRejectedView)
			}
		}
	}
	if len(views) > 0 {
		promoteViews(g, views)
	}
}

// promoteViews turns the evidence whose text is among views (a view the
// next sentence rejects, which the roles stage took for a finding or a
// reported view) into claims with the cue argmap.CueRejectedView: a view
// its source argues against is a proposition, and the mark is what lets
// answers put the source on the other side. The relations that used the
// evidence use the claim.
func promoteViews(g *argmap.Graph, views []string) {
	rejected := map[string]bool{}
	for _, v := range views {
		rejected[v] = true
	}
	renamed := map[string]string{}
	kept := g.Evidence[:0]
	for _, e := range g.Evidence {
		if !rejected[e.Text] {
			kept = append(kept, e)
			continue
		}
		id := argmap.ScopedID(argmap.KindClaim, argmap.ScopeOf(e.ID), e.ID, "rejected view")
		renamed[e.ID] = id
		g.Claims = append(g.Claims, argmap.Claim{ID: id, Text: e.Text, Origin: e.Origin, Score: e.Score,
			Spans: e.Spans, Cues: []string{argmap.CueRejectedView}, CreatedAt: e.CreatedAt})
	}
	g.Evidence = kept
	for i := range g.Relations {
		r := &g.Relations[i]
		for k, f := range r.From {
			if id, ok := renamed[f]; ok {
				r.From[k] = id
			}
		}
		if id, ok := renamed[r.To]; ok {
			r.To = id
		}
	}
}

// groupName reports whether who names a group by a common plural noun
// ("Critics", "critical geographers", "others"), not a person or body.
func groupName(who string) bool {
	ws := strings.Fields(who)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws[1:] {
		if unicode.IsUpper([]rune(w)[0]) {
			return false
		}
	}
	last := strings.ToLower(ws[len(ws)-1])
	return len(last) > 3 && strings.HasSuffix(last, "s") && !strings.HasSuffix(last, "ss")
}

// punctByte is the punctuation mark a token records for r, and whether r is
// one: curly quotes read as '"', dashes as ','.
func punctByte(r rune) (byte, bool) {
	switch r {
	case ',', ';', ':', '(', ')', '.', '?', '!', '"':
		return byte(r), true
	case '“', '”':
		return '"', true
	case '—', '–':
		return ',', true
	}
	return 0, false
}
