package extract

import (
	"strings"
	"unicode"

	"github.com/argmap/argmap/internal/extract/lexicon"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// A sentence the structure model splits at a comma may leave a part with
// no verb of its own before the clause it belongs to: "In North Africa,",
// "However, with the political upheavals of 2011,", "Only refugees and
// asylum seekers,". Such a part states nothing; as a unit it is a claim
// without a predicate, and the clause after it loses what it is about.
// mergeFragments joins it to the next part of its sentence.

// mergeFragments returns aus with every part that ends in a comma and
// either opens its sentence and has no finite verb, or ends in a word that
// opens a clause (endsOpen), joined to the part after it in the same
// sentence (a chain of them joins into one). Parts are otherwise kept as
// they are. A verbless part inside a sentence stays: it is an item of a
// list or an aside that bears on the unit before it ("… is part of
// reading -- the turn of the pages, the weight of the book").
func mergeFragments(text string, aus []argstruct.Unit) []argstruct.Unit {
	var lex *lexicon.Lexicon
	out := make([]argstruct.Unit, 0, len(aus))
	for k := 0; k < len(aus); k++ {
		u := aus[k]
		if k+1 < len(aus) && aus[k+1].Sent == u.Sent {
			part := strings.TrimSpace(text[u.Start:u.End])
			if strings.HasSuffix(part, ",") {
				// a part joined before this one starts where its sentence
				// does, as the first part does
				opens := k == 0 || aus[k-1].Sent != u.Sent || aus[k-1].Start == u.Start
				if opens && !endsOpen(part) && lex == nil {
					lex = lexicon.Default() // only when hasFiniteVerb is asked
				}
				if endsOpen(part) || opens && !hasFiniteVerb(part, lex) {
					// the joined part is read as one: its words are the
					// two parts' together
					aus[k+1] = argstruct.Join(u, aus[k+1])
					continue
				}
			}
		}
		out = append(out, u)
	}
	return out
}

// endsOpen reports whether part ends in a word that opens a clause it does
// not go on to state: a relative word or a subordinating conjunction before
// the comma ("were taken from detention centres where, as the report
// documented, beatings were common": the clause of "where" is in the next
// part).
func endsOpen(part string) bool {
	w := strings.TrimRight(part, ", ")
	w = strings.ToLower(w[strings.LastIndexAny(w, " \n\t")+1:])
	return clauseOpeners[w]
}

// clauseOpeners are relative words and subordinating conjunctions.
var clauseOpeners = wordSet(`where which who whom whose that when whereas while although though because since if unless
	whether than`)

// hasFiniteVerb reports whether s may hold a finite verb: an auxiliary or
// common verb, a negated auxiliary, a past form in -ed, or a word WordNet
// knows as a verb that does not follow a determiner, preposition or
// adjective (then it is a noun of a noun phrase: "of humanitarian
// projects", "the upheavals"), unless a pronoun stands before it ("these
// reveal"). A word in -ing is not finite; a capitalised word inside s is a
// name. When unsure it says yes: a part joined wrongly loses a claim.
func hasFiniteVerb(s string, lex *lexicon.Lexicon) bool {
	prev := ""
	for i, rest := 0, s; ; i++ {
		// the fields of s one by one, as strings.Fields gives them
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		f := rest
		if end := strings.IndexFunc(rest, unicode.IsSpace); end >= 0 {
			f, rest = rest[:end], rest[end:]
		} else {
			rest = ""
		}
		w := strings.Trim(f, ",;:()[]\"“”‘’'.!?")
		if w == "" {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case i > 0 && w != lw: // a name
		case isVerbForm(lw):
			return true
		case strings.HasSuffix(lw, "ing"):
		case !lex.Verb(lw): // asked once: both cases below want a verb
		case !lex.Noun(lw) && !phraseOpeners[prev]:
			// a word WordNet has only as a verb is one, whatever stands
			// before it ("Large families provide …")
			return true
		case wordFlags(lw)&flagFunction == 0 || subjectPronouns[lw]:
			afterPronoun := subjectPronouns[prev]
			inPhrase := prev != "" && (phraseOpeners[prev] || len(lex.Adjectives(lex.Concepts(prev))) > 0)
			if afterPronoun || !inPhrase && (prev != "" || !lex.Noun(lw)) {
				return true
			}
		}
		prev = lw
	}
	return false
}

// phraseOpeners are determiners and prepositions: a word after one is in
// a noun phrase ("the upheavals", "of projects") or an infinitive ("to
// recognise"), not a finite verb. Conjunctions are not among them: "but
// finds it incomplete" has its verb.
var phraseOpeners = wordSet(`the a an this that these those its their his her our my your no every each some any
	of in on at for with by from to into onto about over under between among through during against without within
	across per via after before since until upon toward towards`)

// subjectPronouns stand as a clause's subject before its verb.
var subjectPronouns = wordSet(`i we you he she it they this that these those who which`)
