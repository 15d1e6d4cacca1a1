// Package actor finds the actors of a text — organisations, states, groups and
// people — and folds their surface names to canonical names.
//
// A Finder combines the states, organisations and places WordNet names
// (lexicon.Names: Germany, United Nations; London is a place, no actor) and
// a list of generic group nouns (migrants, NGOs) with what the text itself
// says: acronym definitions ("Long Name (ACR)"), capitalised organisation
// names ("... Foundation", "University of ..."), acronyms used as agents
// ("UNHCR says", "IOM's"), names before a verb of saying or after
// "according to" ("Megan Bradley argues"), names in apposition to an
// organisation noun ("Sea Rescue, a charity"), and titled people ("Mr.
// Brunson McKinley").
package actor

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/spaces"
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
	name   string
	kind   string
	mode   byte     // '=' exact case, '~' any case, 'p' capitalised words
	words  []string // the form's words as written
	common bool     // one word that is also a common word in lower case ("Union", "Turkey")
}

// trieNode indexes forms by their lower-cased words. A node with one
// child (most of them: the words inside multiword names) keeps it in word
// and child, without a map; a node with more keeps them all in next.
type trieNode struct {
	next  map[string]*trieNode
	word  string
	child *trieNode
	forms []*form
}

// to returns the child of n for the lower-cased word w, or nil.
func (n *trieNode) to(w string) *trieNode {
	if n.next != nil {
		return n.next[w]
	}
	if n.child != nil && n.word == w {
		return n.child
	}
	return nil
}

// toNew returns the child of n for w, adding it if n has none.
func (n *trieNode) toNew(w string) *trieNode {
	if c := n.to(w); c != nil {
		return c
	}
	c := &trieNode{}
	switch {
	case n.next != nil:
		n.next[w] = c
	case n.child == nil:
		n.word, n.child = w, c
	default:
		n.next = map[string]*trieNode{n.word: n.child, w: c}
		n.word, n.child = "", nil
	}
	return c
}

// Finder finds actors in text. It is safe for concurrent use: everything it
// learns from a text (acronyms, people) is kept per call.
type Finder struct {
	root     *trieNode         // forms of names: capitalised or in capitals
	anyRoot  *trieNode         // forms that match in any case: group nouns
	kinds    map[string]string // canonical name -> kind
	demonyms map[string]string // lower-cased adjective -> state: "greek" -> Greece
	other    map[string]bool   // acronyms WordNet knows as no actor: URL, AIDS
	// starts[n][b]: some form opens with a word of n bytes whose first
	// byte is b (n < maxStartLen): most words are ruled out without a
	// look-up
	starts *[maxStartLen][256]bool
	// startsAny: the same for the forms that match in any case (group
	// nouns); a word in lower case can open no other form
	startsAny *[maxStartLen][256]bool
	// firstWords: a bit per hash of the lower-cased first words of the
	// forms; a word whose bit is clear opens none (no map look-up)
	firstWords *[firstBits / 64]uint64
	bufs       sync.Pool // *scanBufs, for Find
}

// firstBits is the size of Finder.firstWords in bits.
const firstBits = 1 << 16

// wordHash is FNV-1a of w, cut to firstBits.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h & (firstBits - 1)
}

// maxStartLen bounds the word lengths Finder.starts knows; longer words
// are always looked up.
const maxStartLen = 48

// mayStart reports whether a form may open with the lower-cased word w;
// lower tells that the word is written in lower case, which only forms that
// match in any case accept.
func (f *Finder) mayStart(w string, lower bool) bool {
	if w == "" || len(w) >= maxStartLen {
		return true
	}
	if lower {
		return f.mayStartAny(w)
	}
	if !f.starts[len(w)][w[0]] {
		return false
	}
	h := wordHash(w)
	return f.firstWords[h/64]&(1<<(h%64)) != 0
}

// mayStartAny reports whether a form that matches in any case may open
// with the lower-cased word w (mayStart of a word in lower case).
func (f *Finder) mayStartAny(w string) bool {
	return w == "" || len(w) >= maxStartLen || f.startsAny[len(w)][w[0]]
}

// NewFinder returns a Finder loaded with WordNet's names of states,
// organisations and places (lexicon.Names) and the built-in group nouns.
func NewFinder() *Finder {
	names := lexicon.Names()
	f := &Finder{root: &trieNode{next: make(map[string]*trieNode, len(names))}, anyRoot: &trieNode{}, kinds: make(map[string]string, len(names)), demonyms: map[string]string{}, other: map[string]bool{}, starts: new([maxStartLen][256]bool),
		startsAny: new([maxStartLen][256]bool), firstWords: new([firstBits / 64]uint64)}
	for _, e := range groups {
		f.kinds[e.name] = argmap.ActorGroup
		for _, s := range strings.Split(e.forms, "|") {
			mode := byte('~')
			if strings.HasPrefix(s, "=") {
				mode, s = '=', s[1:]
			}
			f.add(&form{name: e.name, kind: argmap.ActorGroup, mode: mode}, s)
		}
	}
	for _, n := range names {
		var kind string
		switch n.Kind {
		case lexicon.NameState:
			kind = argmap.ActorState
		case lexicon.NameOrganisation:
			if n.Common && !strings.ContainsAny(n.Form, " -") {
				continue // "Army", "Congress", "AI": a common word first
			}
			kind = argmap.ActorOrganisation
		case lexicon.NamePlace:
			kind = kindPlace
		case lexicon.NameDemonym:
			f.demonyms[strings.ToLower(n.Form)] = n.Canonical
			continue
		case lexicon.NameOther:
			f.other[n.Form] = true
			continue
		default:
			continue
		}
		if _, ok := f.kinds[n.Canonical]; !ok || kind != kindPlace {
			f.kinds[n.Canonical] = kind
		}
		mode := byte('p')
		if acronymForm(n.Form) {
			mode = '='
		}
		f.add(&form{name: n.Canonical, kind: kind, mode: mode, common: n.Common && !strings.ContainsAny(n.Form, " -")}, n.Form)
	}
	return f
}

// acronymForm reports whether a name is written as an acronym: capitals,
// perhaps with dots ("UN", "U.S.").
func acronymForm(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r == '.':
		default:
			return false
		}
	}
	return upper >= 2
}

// add indexes one surface form.
func (f *Finder) add(fm *form, surface string) {
	toks := tokenize(surface)
	if len(toks) == 0 {
		return
	}
	n := f.root
	if fm.mode == '~' {
		n = f.anyRoot
	}
	fm.words = make([]string, len(toks))
	for k, t := range toks {
		fm.words[k] = t.text
		n = n.toNew(t.low)
	}
	n.forms = append(n.forms, fm)
	if w := toks[0].low; w != "" && len(w) < maxStartLen {
		f.starts[len(w)][w[0]] = true
		h := wordHash(w)
		f.firstWords[h/64] |= 1 << (h % 64)
		if fm.mode == '~' {
			f.startsAny[len(w)][w[0]] = true
		}
	}
}

// connectors are lower-case words allowed inside capitalised names.
var connectors = map[string]bool{
	"of": true, "for": true, "on": true, "the": true, "and": true, "in": true, "de": true,
	"du": true, "des": true, "la": true, "le": true, "für": true, "to": true, "d": true, "et": true, "from": true,
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
	lower := strict && isLowerWord(toks[i].text)
	if !f.mayStart(toks[i].low, lower) && !isPluralAcronym(toks[i].text) {
		return nil, 0
	}
	// a word in lower case can open only a form that matches in any case
	// (the small trie of group nouns); another may open either, and is
	// looked up in that trie only when one of its forms may open with it
	// (or, a plural acronym, without its "s")
	var best *form
	n := 0
	if lower || f.mayStartAny(toks[i].low) || isPluralAcronym(toks[i].text) {
		best, n = f.longestIn(f.anyRoot, toks, i, strict)
	}
	if lower {
		return best, n
	}
	if fm, m := f.longestIn(f.root, toks, i, strict); m > n {
		return fm, m
	}
	return best, n
}

// longestIn returns the longest form of the trie at root matching toks from
// position i, and how many tokens it spans.
func (f *Finder) longestIn(root *trieNode, toks []token, i int, strict bool) (*form, int) {
	n := root
	var best *form
	bestLen := 0
	for j := i; j < len(toks); j++ {
		if j > i && (toks[j-1].breakAfter || toks[j-1].poss) {
			// A form may not run across punctuation or a possessive.
			break
		}
		key := toks[j].low
		c := n.to(key)
		if c == nil && j == i && isPluralAcronym(toks[j].text) {
			// "IOMs" is IOM's without the apostrophe.
			c = n.to(key[:len(key)-1])
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
// name is known (a WordNet state or organisation, or a group noun): "the
// United Nations" is "UN", "UK" is "United Kingdom", "Member States" is
// "member states". Acronyms of two letters must be written in capitals. A
// place ("London") is no actor, and a name only a text defines ("IOM") is
// known to Find, not here.
func (f *Finder) Canonical(name string) (string, bool) {
	toks := tokenize(name)
	actorForm := func(fm *form, n, want int) bool { return fm != nil && n == want && fm.kind != kindPlace }
	if len(toks) > 0 && toks[0].low == "the" {
		if fm, n := f.longest(toks, 0, false); actorForm(fm, n, len(toks)) {
			return fm.name, true
		}
		toks = toks[1:]
	}
	if len(toks) == 0 {
		return strings.TrimSpace(name), false
	}
	if fm, n := f.longest(toks, 0, true); actorForm(fm, n, len(toks)) {
		return fm.name, true
	}
	if fm, n := f.longest(toks, 0, false); actorForm(fm, n, len(toks)) {
		return fm.name, true
	}
	// Acronyms written in lower case ("nato"), three letters or more.
	if len(toks) == 1 && len(toks[0].text) >= 3 {
		up := tokenize(strings.ToUpper(toks[0].text))
		if fm, n := f.longest(up, 0, true); actorForm(fm, n, 1) && fm.mode == '=' {
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
	// seen[i]: the lower-cased name and aliases of out[i], a short list
	// (an actor has a few), not a map an actor
	var seen [][]string
	for _, m := range ms {
		i, ok := idx[m.Name]
		if !ok {
			i = len(out)
			idx[m.Name] = i
			out = append(out, Actor{Name: m.Name, Kind: m.Kind})
			seen = append(seen, []string{strings.ToLower(m.Name)})
		}
		out[i].Mentions++
		alias := cleanAlias(m.Surface)
		if alias == "" {
			continue
		}
		// the alias in lower case: a look-up needs no new string when it
		// is ASCII (most are, and most are seen already)
		var buf [64]byte
		if low, ok := asciiLower(buf[:0], alias); ok {
			if !slices.ContainsFunc(seen[i], func(s string) bool { return s == string(low) }) {
				seen[i] = append(seen[i], string(low))
				out[i].Aliases = append(out[i].Aliases, alias)
			}
		} else if low := strings.ToLower(alias); !slices.Contains(seen[i], low) {
			seen[i] = append(seen[i], low)
			out[i].Aliases = append(out[i].Aliases, alias)
		}
	}
	slices.SortFunc(out, func(a, b Actor) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// cleanAlias normalises a surface form for use as an alias: spaces folded,
// leading "the" and a possessive dropped.
func cleanAlias(s string) string {
	s = spaces.Single(s)
	for _, p := range []string{"the ", "The ", "THE "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// asciiLower appends s in lower case to b; ok is false, and b unchanged,
// when s is not all ASCII (strings.ToLower then decides).
func asciiLower(b []byte, s string) ([]byte, bool) {
	n := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return b[:n], false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b, true
}
