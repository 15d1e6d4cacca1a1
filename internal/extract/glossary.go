package extract

import (
	"strings"
	"unicode"
)

// A glossary holds the acronyms texts define ("internally displaced persons
// (IDPs)", "the Displacement Tracking Matrix (DTM)"): the stance of a claim
// folds a defined long name and its acronym into one term, so that "the
// DTM" meets "the Displacement Tracking Matrix". Nothing is listed by hand:
// what a glossary knows comes from the texts it was built from (the
// question and the claims judged with it).
type glossary struct {
	expansion map[string]string   // acronym (lower case, singular) -> long name (lower case words)
	byFirst   map[string][]string // first word of a long name -> long names
	acronymOf map[string]string   // long name -> acronym
	// noNear leaves the near concepts out of the terms: the linker
	// compares synonyms only, and need not pay for them.
	noNear bool
}

// add learns the definitions of text.
func (g *glossary) add(text string) {
	if strings.IndexByte(text, '(') < 0 {
		return
	}
	for acr, long := range Definitions(text) {
		if g.expansion == nil {
			g.expansion, g.byFirst, g.acronymOf = map[string]string{}, map[string][]string{}, map[string]string{}
		}
		if _, ok := g.expansion[acr]; ok {
			continue
		}
		if _, ok := g.acronymOf[long]; ok {
			continue
		}
		g.expansion[acr] = long
		g.acronymOf[long] = acr
		first, _, _ := strings.Cut(long, " ")
		g.byFirst[first] = append(g.byFirst[first], long)
	}
}

// at returns the length in words of the longest long name the glossary
// knows starting at ws[0], and its acronym.
func (g *glossary) at(ws []string) (int, string) {
	if g == nil || len(ws) == 0 {
		return 0, ""
	}
	best, acr := 0, ""
	for _, long := range g.byFirst[ws[0]] {
		lw := strings.Fields(long)
		if len(lw) <= best || len(lw) > len(ws) {
			continue
		}
		ok := true
		for k, w := range lw {
			if ws[k] != w {
				ok = false
				break
			}
		}
		if ok {
			best, acr = len(lw), g.acronymOf[long]
		}
	}
	return best, acr
}

// atTokens is at of the words from toks[i] on (at most 12, up to a
// punctuation mark): their list is made only when a long name starts with
// toks[i], for few words do.
func (g *glossary) atTokens(toks []token, i int) (int, string) {
	if g == nil || len(g.byFirst[toks[i].lower]) == 0 {
		return 0, ""
	}
	return g.at(lowerWords(toks[i:min(len(toks), i+12)]))
}

// acronymKey is how an acronym is kept: lower case, a plural "s" dropped
// (IDPs, IDP).
func acronymKey(a string) string {
	a = strings.TrimSuffix(strings.TrimSuffix(a, "'s"), "’s")
	if len(a) > 2 && a[len(a)-1] == 's' {
		a = a[:len(a)-1]
	}
	return strings.ToLower(a)
}

// isAcronym reports whether a word as written is an acronym: two to eight
// letters, all capitals but for a plural "s" (IDPs) or a possessive
// (IOM's).
func isAcronym(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if len(w) > 2 && w[len(w)-1] == 's' {
		w = w[:len(w)-1]
	}
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// definitionSkip are the words a long name may have that give its acronym
// no letter ("International Organization for Migration (IOM)").
var definitionSkip = wordSet(`of for the and on in to de des du la le et`)

// Definitions returns the acronyms text defines as "Long Name (ACR)": the
// acronym (lower case, singular) and the long name (lower case words) whose
// words' initials, but for small function words, spell it. A long name
// that does not spell its acronym is left out.
func Definitions(text string) map[string]string {
	toks := tokens(text)
	out := map[string]string{}
	for i := 2; i+1 < len(toks); i++ {
		if toks[i-1].punct != '(' || toks[i+1].punct != ')' || !isAcronym(toks[i].text) {
			continue
		}
		acr := acronymKey(toks[i].text)
		letters := []rune(acr)
		// the words before "(", read backwards, must spell the letters
		k := len(letters) - 1
		j := i - 2
		for ; j >= 0 && k >= 0 && i-2-j < len(letters)+4; j-- {
			t := toks[j]
			if t.punct != 0 || t.lower == "" {
				break
			}
			w := []rune(t.lower)
			if definitionSkip[t.lower] && (k < 0 || w[0] != letters[k]) {
				continue
			}
			if !unicode.IsLetter(w[0]) || w[0] != letters[k] {
				break
			}
			k--
		}
		var words []string
		if k >= 0 {
			words = looseName(toks[:i-1], letters)
		} else {
			for _, t := range toks[j+1 : i-1] {
				words = append(words, t.lower)
			}
		}
		if len(words) >= 2 {
			if _, ok := out[acr]; !ok {
				out[acr] = strings.Join(words, " ")
			}
		}
	}
	return out
}

// looseName returns the words of a capitalised name that ends toks and
// spells letters less strictly than Definitions asks: a tail after the
// last word that gives a letter, opened by a function word ("Guiding
// Principles on Internal Displacement (GPs)"), a word in capitals that
// gives all its letters, and one capitalised word between that gives none
// ("EU Emergency Trust Fund for Africa (EUTF)"). Nil when no reading spells
// them.
func looseName(toks []token, letters []rune) []string {
	// the name: capitalised words and function words back from "("
	start := len(toks)
	for start > 0 && len(toks)-start < 10 {
		t := toks[start-1]
		if t.punct != 0 || t.text == "" || !(unicode.IsUpper([]rune(t.text)[0]) || definitionSkip[t.lower]) {
			break
		}
		start--
	}
	for start < len(toks) && definitionSkip[toks[start].lower] {
		start++
	}
	ws := toks[start:]
	for e := len(ws) - 1; e > 0; e-- {
		if definitionSkip[ws[e].lower] || (e < len(ws)-1 && !definitionSkip[ws[e+1].lower]) {
			continue // the tail, if any, opens with a function word
		}
		k, j, skipped := len(letters)-1, e, false
		for k >= 0 && j >= 0 {
			w := []rune(ws[j].lower)
			switch {
			case isAcronym(ws[j].text):
				n := len(w)
				if n > k+1 || string(letters[k+1-n:k+1]) != string(w) {
					j = -1
					continue
				}
				k -= n
			case w[0] == letters[k]:
				k--
			case definitionSkip[ws[j].lower]:
			case !skipped && j != e:
				skipped = true
			default:
				j = -1
				continue
			}
			j--
		}
		if k < 0 && j+1 < e {
			var out []string
			for _, t := range ws[j+1:] {
				out = append(out, t.lower)
			}
			return out
		}
	}
	return nil
}

// IsAcronym reports whether a word as written is an acronym (DTM, IDPs,
// IOM's).
func IsAcronym(word string) bool { return isAcronym(word) }

// AcronymKey returns the form Definitions gives an acronym: lower case, a
// plural "s" and a possessive dropped.
func AcronymKey(word string) string { return acronymKey(word) }
