// Package actor finds the actors of a text — organisations, states, groups and
// people — and folds their surface names to canonical names.
//
// A Finder combines a compact built-in gazetteer of migration, humanitarian,
// human-rights and international organisations, states and generic group nouns
// with what the text itself defines: acronym definitions ("Long Name (ACR)"),
// capitalised organisation names ("... Foundation", "University of ..."),
// titled people ("Mr. Brunson McKinley") and pairings ("AI & HRW").
package actor

import (
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Mention is one occurrence of an actor in text. Start and End are byte
// offsets (End exclusive), Name the canonical name, Surface the text
// text[Start:End] and Kind the actor kind (argmap.Actor* constants).
type Mention struct {
	Start, End int
	Name       string
	Surface    string
	Kind       string
}

// Actor is a canonical actor found in a text: its Name, Kind (organisation,
// state, person or group), the other names it went by (Aliases) and how many
// Mentions it had.
type Actor struct {
	Name     string
	Kind     string
	Aliases  []string
	Mentions int
}

// form is one surface form of a gazetteer actor.
type form struct {
	name  string
	kind  string
	mode  byte     // '=' exact case, '~' any case, 'p' capitalised words
	words []string // the form's words as written
}

// trieNode indexes forms by their lower-cased words.
type trieNode struct {
	next  map[string]*trieNode
	forms []*form
}

// Finder finds actors in text. It is safe for concurrent use: everything it
// learns from a text (acronyms, people) is kept per call.
type Finder struct {
	root  *trieNode
	kinds map[string]string // canonical name -> kind
	// starts[n][b]: some form opens with a word of n bytes whose first
	// byte is b (n < maxStartLen): most words are ruled out without a
	// look-up
	starts *[maxStartLen][256]bool
}

// maxStartLen bounds the word lengths Finder.starts knows; longer words
// are always looked up.
const maxStartLen = 48

// mayStart reports whether a form may open with the lower-cased word w.
func (f *Finder) mayStart(w string) bool {
	return w == "" || len(w) >= maxStartLen || f.starts[len(w)][w[0]]
}

// NewFinder returns a Finder loaded with the built-in gazetteer.
func NewFinder() *Finder {
	f := &Finder{root: &trieNode{}, kinds: map[string]string{}, starts: new([maxStartLen][256]bool)}
	for _, table := range gazetteer {
		for _, e := range table.entries {
			kind := e.kind
			if kind == "" {
				kind = table.kind
			}
			f.kinds[e.name] = kind
			for _, s := range strings.Split(e.forms, "|") {
				mode := byte('p')
				if table.kind == argmap.ActorGroup {
					mode = '~'
				}
				switch {
				case strings.HasPrefix(s, "="):
					mode, s = '=', s[1:]
				case strings.HasPrefix(s, "~"):
					mode, s = '~', s[1:]
				}
				f.add(&form{name: e.name, kind: kind, mode: mode}, s)
			}
		}
	}
	return f
}

// add indexes one surface form.
func (f *Finder) add(fm *form, surface string) {
	toks := tokenize(surface)
	if len(toks) == 0 {
		return
	}
	n := f.root
	for _, t := range toks {
		fm.words = append(fm.words, t.text)
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[t.low]
		if c == nil {
			c = &trieNode{}
			n.next[t.low] = c
		}
		n = c
	}
	n.forms = append(n.forms, fm)
	if w := toks[0].low; w != "" && len(w) < maxStartLen {
		f.starts[len(w)][w[0]] = true
	}
}

// connectors are lower-case words allowed inside capitalised names.
var connectors = map[string]bool{
	"of": true, "for": true, "on": true, "the": true, "and": true, "in": true, "de": true,
	"du": true, "des": true, "la": true, "le": true, "für": true, "to": true, "d": true, "et": true,
}

// accepts reports whether the tokens toks, matched to fm's words, are written
// in a case fm allows.
func (fm *form) accepts(toks []token, strict bool) bool {
	switch fm.mode {
	case '=':
		for k, t := range toks {
			if t.text != fm.words[k] {
				return false
			}
		}
		return true
	case '~':
		return true
	}
	if !strict {
		return true
	}
	all := true
	for _, t := range toks {
		if !allCaps(t.text) {
			all = false
			break
		}
	}
	if all {
		// "MAURITANIA" in a heading; but not a two-letter word in capitals.
		return len(toks) > 1 || len(toks[0].text) > 3
	}
	for k, t := range toks {
		w := fm.words[k]
		if isLowerWord(w) {
			continue
		}
		if !capitalised(t.text) {
			return false
		}
	}
	return true
}

// longest returns the longest gazetteer form matching toks from position i,
// and how many tokens it spans.
func (f *Finder) longest(toks []token, i int, strict bool) (*form, int) {
	if !f.mayStart(toks[i].low) && !isPluralAcronym(toks[i].text) {
		return nil, 0
	}
	n := f.root
	var best *form
	bestLen := 0
	for j := i; j < len(toks); j++ {
		if j > i && (toks[j-1].breakAfter || toks[j-1].poss) {
			// A form may not run across punctuation or a possessive.
			break
		}
		key := toks[j].low
		c := n.next[key]
		if c == nil && j == i && isPluralAcronym(toks[j].text) {
			// "IOMs" is IOM's without the apostrophe.
			c = n.next[key[:len(key)-1]]
			if c != nil {
				for _, fm := range c.forms {
					if fm.mode == '=' && fm.words[0] == toks[j].text[:len(toks[j].text)-1] {
						return fm, 1
					}
				}
				return best, bestLen
			}
		}
		if c == nil {
			break
		}
		n = c
		for _, fm := range n.forms {
			if fm.accepts(toks[i:j+1], strict) {
				best, bestLen = fm, j-i+1
				break
			}
		}
	}
	return best, bestLen
}

// isPluralAcronym reports whether s is an acronym with a plural "s": "IOMs".
func isPluralAcronym(s string) bool {
	if len(s) < 3 || s[len(s)-1] != 's' {
		return false
	}
	for i := 0; i < len(s)-1; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Canonical folds a surface name to its canonical name and reports whether the
// name is known: "the International Organization for Migration" is "IOM",
// "U.N." is "UN", "Member States" is "member states". Acronyms of two letters
// must be written in capitals. "AI" is not folded here: it names Amnesty
// International only where a text defines or pairs it, which Find handles.
func (f *Finder) Canonical(name string) (string, bool) {
	toks := tokenize(name)
	if len(toks) > 0 && toks[0].low == "the" {
		if fm, n := f.longest(toks, 0, false); fm != nil && n == len(toks) {
			return fm.name, true
		}
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return strings.TrimSpace(name), false
	}
	if fm, n := f.longest(toks, 0, true); fm != nil && n == len(toks) {
		return fm.name, true
	}
	if fm, n := f.longest(toks, 0, false); fm != nil && n == len(toks) {
		return fm.name, true
	}
	// Acronyms written in lower case ("iom"), three letters or more.
	if len(toks) == 1 && len(toks[0].text) >= 3 {
		up := tokenize(strings.ToUpper(toks[0].text))
		if fm, n := f.longest(up, 0, true); fm != nil && n == 1 && fm.mode == '=' {
			return fm.name, true
		}
	}
	return strings.TrimSpace(name), false
}

// Dominant returns the canonical name of the organisation mentioned most often
// in ms (ties go to the earliest first mention), or "" when ms names none. A
// pipeline can resolve "the organization" to it.
func (f *Finder) Dominant(ms []Mention) string {
	count := map[string]int{}
	first := map[string]int{}
	for i, m := range ms {
		kind := m.Kind
		if kind == "" {
			kind = f.kinds[m.Name]
		}
		if kind != argmap.ActorOrganisation {
			continue
		}
		if _, ok := first[m.Name]; !ok {
			first[m.Name] = i
		}
		count[m.Name]++
	}
	best := ""
	for name, c := range count {
		if best == "" || c > count[best] || (c == count[best] && first[name] < first[best]) {
			best = name
		}
	}
	return best
}

// actorsOf groups mentions by canonical name.
func actorsOf(ms []Mention) []Actor {
	idx := map[string]int{}
	var out []Actor
	seen := map[string]map[string]bool{}
	for _, m := range ms {
		i, ok := idx[m.Name]
		if !ok {
			i = len(out)
			idx[m.Name] = i
			out = append(out, Actor{Name: m.Name, Kind: m.Kind})
			seen[m.Name] = map[string]bool{strings.ToLower(m.Name): true}
		}
		out[i].Mentions++
		alias := cleanAlias(m.Surface)
		if alias != "" && !seen[m.Name][strings.ToLower(alias)] {
			seen[m.Name][strings.ToLower(alias)] = true
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Name < out[b].Name })
	return out
}

// cleanAlias normalises a surface form for use as an alias: spaces folded,
// leading "the" and a possessive dropped.
func cleanAlias(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"the ", "The ", "THE "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}
