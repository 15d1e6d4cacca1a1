// Package lexicon is a compact English lexicon compiled from WordNet 3.0:
// lemmas with the synsets of their commonest senses and of their
// derivationally related forms (exclusion ~ exclude) and pertainyms
// (internally ~ internal), antonyms (voluntary ~ involuntary; those of a
// word's synonyms in its senses too: liberate ~ detain), near synsets
// (hypernyms, narrow hyponyms, similar adjectives, entailments: crisis ~
// emergency), parts of speech, and the irregular forms WordNet lists for
// lemmatisation. The
// table is embedded, so a fresh machine needs nothing; scripts/build-lexicon.py
// regenerates it from the Debian package wordnet-base. WordNet 3.0 is
// Copyright 2006 by Princeton University; its licence is in WORDNET-LICENSE.
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/argmap/argmap/internal/extract/wordfilter"
)

// Concept is a WordNet synset, numbered densely.
type Concept uint32

// An entry holds no pointers: the lexicon stays in memory beside what its
// users allocate, and the garbage collector would scan every pointer of it
// on every cycle. Its strings are spans of the lexicon's text, its synsets
// of the lexicon's concepts.
type entry struct {
	key, near span   // near: broader|narrower|related|genus, comma-separated base-36 synset numbers, parsed when asked for
	cs        uint32 // where its concepts, then its antonyms, start in the lexicon's concepts
	nc, na    uint32 // how many concepts and antonyms
	flags     uint8  // of the parts of speech WordNet lists it as (n, v, a, r), and negative
}

// span is where a string is in the lexicon's text.
type span struct{ off, n uint32 }

// entry flags
const (
	isNoun       = 1 << iota // WordNet lists it as a noun
	isVerb                   // as a verb
	isAdverbOnly             // as an adverb only
	isNegative               // an adjective that says an absence and has no antonym (silent, missing)
	isAdjective              // as an adjective
	isAdverb                 // as an adverb
)

func (l *Lexicon) concepts(e entry) []Concept {
	if e.nc == 0 {
		return nil
	}
	return l.cs[e.cs : e.cs+e.nc : e.cs+e.nc]
}

func (l *Lexicon) antonyms(e entry) []Concept {
	if e.na == 0 {
		return nil
	}
	a := e.cs + e.nc
	return l.cs[a : a+e.na : a+e.na]
}

func (l *Lexicon) str(s span) string { return l.text[s.off : s.off+s.n] }

// entry returns the entry of lemma lm, and whether there is one (the zero
// entry when not).
func (l *Lexicon) entry(lm string) (entry, bool) {
	mask := uint64(len(l.slots) - 1)
	for i := hashKey(lm) & mask; ; i = (i + 1) & mask {
		k := l.slots[i]
		if k == 0 {
			return entry{}, false
		}
		if e := l.ents[k-1]; l.str(e.key) == lm {
			return e, true
		}
	}
}

// index makes the hash table of the entries' keys; a later entry of a key
// stands for an earlier one.
func (l *Lexicon) index() {
	size := 1
	for size < 2*len(l.ents) {
		size *= 2
	}
	l.slots = make([]uint32, size)
	mask := uint64(size - 1)
	for k, e := range l.ents {
		key := l.str(e.key)
		for i := hashKey(key) & mask; ; i = (i + 1) & mask {
			if s := l.slots[i]; s == 0 || l.str(l.ents[s-1].key) == key {
				l.slots[i] = uint32(k + 1)
				break
			}
		}
	}
}

// Lexicon answers lemma, concept and antonym questions about English words.
// It is read-only and safe for concurrent use.
type Lexicon struct {
	// the lemmas: entries, found by key through slots (entry number + 1,
	// 0 for none; open addressing, a power of two long)
	ents       []entry
	slots      []uint32
	text       string    // the entries' keys and near synsets
	cs         []Concept // the entries' concepts and antonyms
	exceptions map[string][]string
	// irregular rules out most words that are not exceptions' forms
	// without a look-up in that map (made by finish)
	irregular *wordfilter.Filter
	// starts are where the noun, verb, adjective and adverb synset numbers
	// begin (the table numbers each part of speech in one range)
	starts [4]Concept
	// phraseFirst holds the first words of the multiword lemmas (keep of
	// keep away), so that Phrase rules most words out with one lookup
	phraseFirst map[string]bool
	// members lists, for each concept, the one-word lemmas that have it
	// (Members); made on first use
	members func() *memberIndex
}

// load reads the embedded image once (image.go); the result is never
// modified.
var load = sync.OnceValues(func() (*Lexicon, error) { return fromImage(image, true) })

// Default returns the lexicon compiled into the binary. It panics only if
// the embedded table is corrupt, which the package tests rule out.
func Default() *Lexicon {
	l, err := load()
	if err != nil {
		panic(fmt.Sprintf("lexicon: embedded table: %v", err))
	}
	return l
}

// parse reads the table scripts/build-lexicon.py writes (wordnet.tsv.gz);
// the binary embeds the image made from it instead (image.go), which needs
// no parsing.
func parse(gz []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	l := &Lexicon{ents: make([]entry, 0, 90000), cs: make([]Concept, 0, 1<<20), exceptions: make(map[string][]string, 5000),
		phraseFirst: make(map[string]bool, 1500)}
	text := make([]byte, 0, 8<<20)
	add := func(s string) span {
		sp := span{uint32(len(text)), uint32(len(s))}
		text = append(text, s...)
		return sp
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "#pos\t"); ok {
			cs, err := concepts(rest)
			if err != nil || len(cs) != 4 {
				return nil, fmt.Errorf("line %d: bad part-of-speech ranges %q", n, rest)
			}
			copy(l.starts[:], cs)
			continue
		}
		if strings.HasPrefix(line, "=") {
			form, lemmas, ok := strings.Cut(line[1:], "\t")
			if !ok {
				return nil, fmt.Errorf("line %d: no lemma for exception %q", n, form)
			}
			l.exceptions[form] = strings.Split(lemmas, ",")
			continue
		}
		var f [6]string
		nf := strings.Count(line, "\t") + 1
		if nf == 5 || nf == 6 {
			rest := line
			for k := 0; k < nf-1; k++ {
				f[k], rest, _ = strings.Cut(rest, "\t")
			}
			f[nf-1] = rest
		}
		if nf != 5 && !(nf == 6 && f[5] == "-") {
			return nil, fmt.Errorf("line %d: %d fields, want 5 (or 6 ending in -)", n, nf)
		}
		start := len(l.cs)
		l.cs, err = appendParsed(l.cs, f[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		nc := len(l.cs) - start
		l.cs, err = appendParsed(l.cs, f[2])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.Count(f[3], "|") != 3 || !validNear(f[3]) {
			return nil, fmt.Errorf("line %d: bad near synsets %q", n, f[3])
		}
		e := entry{key: add(f[0]), near: add(f[3]), cs: uint32(start), nc: uint32(nc), na: uint32(len(l.cs) - start - nc)}
		if strings.Contains(f[4], "n") {
			e.flags |= isNoun
		}
		if strings.Contains(f[4], "v") {
			e.flags |= isVerb
		}
		if f[4] == "r" {
			e.flags |= isAdverbOnly
		}
		if strings.Contains(f[4], "a") {
			e.flags |= isAdjective
		}
		if strings.Contains(f[4], "r") {
			e.flags |= isAdverb
		}
		if nf == 6 {
			e.flags |= isNegative
		}
		l.ents = append(l.ents, e)
		if first, _, ok := strings.Cut(f[0], " "); ok {
			l.phraseFirst[first] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(l.ents) == 0 {
		return nil, fmt.Errorf("no lemmas")
	}
	l.text = string(text)
	l.index()
	l.finish()
	return l, nil
}

// finish sets up what the lexicon makes on first use.
func (l *Lexicon) finish() {
	l.members = sync.OnceValue(l.memberIndex)
	l.irregular = wordfilter.New(wordfilter.Keys(l.exceptions))
}

// exception returns the lemmas WordNet lists for the irregular form w
// (l.exceptions[w]), looking up only a word the filter lets through.
func (l *Lexicon) exception(w string) []string {
	if !l.irregular.May(w) {
		return nil
	}
	return l.exceptions[w]
}

// memberIndex lists the one-word lemmas of every concept (Members): those
// of concept c are lemmas[first[c]:first[c+1]], sorted.
type memberIndex struct {
	first  []uint32
	lemmas []string
}

// memberIndex makes the index in two passes over the lemmas in key order,
// one to count each concept's lemmas and one to place them, so that each
// list comes out sorted: a map of lists appended to, each sorted after,
// took 50-70 ms, which every run that judges stance or links claims waited
// for at its first claim.
func (l *Lexicon) memberIndex() *memberIndex {
	// the entries the slots hold (a later entry of a key stands for an
	// earlier one), one a key, in key order
	held := make([]bool, len(l.ents))
	for _, k := range l.slots {
		if k != 0 {
			held[k-1] = true
		}
	}
	reps := make([]uint32, 0, len(l.ents))
	for r, ok := range held {
		if ok {
			reps = append(reps, uint32(r))
		}
	}
	// the table lists its entries in key order
	for i := 1; i < len(reps); i++ {
		if l.str(l.ents[reps[i-1]].key) >= l.str(l.ents[reps[i]].key) {
			slices.SortFunc(reps, func(a, b uint32) int { return strings.Compare(l.str(l.ents[a].key), l.str(l.ents[b].key)) })
			break
		}
	}
	kept := reps[:0]
	var top Concept
	for _, r := range reps {
		e := l.ents[r]
		if strings.IndexByte(l.str(e.key), ' ') >= 0 {
			continue
		}
		kept = append(kept, r)
		for _, c := range l.concepts(e) {
			top = max(top, c)
		}
	}
	m := &memberIndex{first: make([]uint32, int(top)+2)}
	for _, r := range kept {
		for _, c := range l.concepts(l.ents[r]) {
			m.first[c+1]++
		}
	}
	for c := 1; c < len(m.first); c++ {
		m.first[c] += m.first[c-1]
	}
	m.lemmas = make([]string, m.first[len(m.first)-1])
	next := slices.Clone(m.first[:len(m.first)-1])
	for _, r := range kept {
		e := l.ents[r]
		lm := l.str(e.key)
		for _, c := range l.concepts(e) {
			m.lemmas[next[c]] = lm
			next[c]++
		}
	}
	return m
}

// Members returns the one-word lemmas that have concept c among the
// synsets of their commonest senses or of their derivations (exclude,
// exclusion, keep out's one-word fellows), sorted. The first call builds
// the index. The list is shared: callers must not change it.
func (l *Lexicon) Members(c Concept) []string {
	m := l.members()
	if int64(c)+1 >= int64(len(m.first)) {
		return nil
	}
	a, b := m.first[c], m.first[c+1]
	if a == b {
		return nil
	}
	return m.lemmas[a:b:b]
}

// appendParsed appends the synsets of the list s to out, as concepts
// parses them.
func appendParsed(out []Concept, s string) ([]Concept, error) {
	if s == "" {
		return out, nil
	}
	for {
		p, rest, more := strings.Cut(s, ",")
		n, err := strconv.ParseUint(p, 36, 32)
		if err != nil {
			return nil, fmt.Errorf("bad synset number %q", p)
		}
		out = append(out, Concept(n))
		if !more {
			return out, nil
		}
		s = rest
	}
}

// validNear reports whether s is a list of near synsets: base-36 digits,
// commas and bars.
func validNear(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == ',' || c == '|') {
			return false
		}
	}
	return true
}

func concepts(s string) ([]Concept, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	out := make([]Concept, len(parts))
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 36, 32)
		if err != nil {
			return nil, fmt.Errorf("bad synset number %q", p)
		}
		out[i] = Concept(n)
	}
	return out, nil
}

// appendConcepts appends the synsets of a list checked by validNear.
func appendConcepts(out []Concept, s string) []Concept {
	for s != "" {
		p, rest, _ := strings.Cut(s, ",")
		if n, err := strconv.ParseUint(p, 36, 32); err == nil {
			out = append(out, Concept(n))
		}
		s = rest
	}
	return out
}

// detach are WordNet's suffix rules for nouns, verbs and adjectives.
var detach = [][2]string{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
	{"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
	{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// Lemmas returns the base forms of word (lower case): the irregular forms
// WordNet lists, the word itself when it is a lemma, and what WordNet's
// suffix rules give that is a lemma. Nil for a word WordNet does not know.
func (l *Lexicon) Lemmas(word string) []string { return l.lemmasInto(nil, word) }

// lemmasInto is Lemmas in out's array (emptied first): the questions below
// that only read the lemmas keep it on their stack.
func (l *Lexicon) lemmasInto(out []string, word string) []string {
	w := strings.ToLower(word)
	out = out[:0]
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	for _, x := range l.exception(w) {
		add(x)
	}
	if _, ok := l.entry(w); ok {
		add(w)
	}
	// a base is looked up in a buffer and made a string only when found
	var buf [64]byte
	for _, d := range detach {
		if len(w) > len(d[0])+1 && strings.HasSuffix(w, d[0]) {
			if base, ok := l.lemmaOf(buf[:0], w[:len(w)-len(d[0])], d[1]); ok {
				add(base)
			}
		}
	}
	if len(out) == 0 {
		// a derivation WordNet does not list (voluntariness, securitisation)
		// stands for its base
		for _, d := range derive {
			if len(w) > len(d[0])+2 && strings.HasSuffix(w, d[0]) {
				if base, ok := l.lemmaOf(buf[:0], w[:len(w)-len(d[0])], d[1]); ok {
					add(base)
					break
				}
			}
		}
	}
	return out
}

// lemmaOf returns stem+suffix and whether it is a lemma, building it in
// buf (no string is made for a form that is not one).
func (l *Lexicon) lemmaOf(buf []byte, stem, suffix string) (string, bool) {
	if suffix == "" {
		_, ok := l.entry(stem)
		return stem, ok
	}
	b := append(append(buf, stem...), suffix...)
	if _, ok := l.entry(string(b)); !ok {
		return "", false
	}
	return string(b), true
}

// derive are derivational suffixes tried for words WordNet does not know.
var derive = [][2]string{
	{"iness", "y"}, {"ness", ""}, {"isation", "ize"}, {"ization", "ize"}, {"ised", "ize"}, {"ising", "ize"},
	{"ises", "ize"}, {"ise", "ize"},
	// an -ize verb WordNet does not list stands for what it is made from
	// ("projectized": project, "managerialize": managerial)
	{"ization", ""}, {"isation", ""}, {"izing", ""}, {"ising", ""}, {"ized", ""}, {"ised", ""}, {"izes", ""}, {"ises", ""},
	{"ize", ""}, {"ise", ""},
	{"ility", "le"}, {"ity", ""}, {"ity", "e"}, {"ally", "al"}, {"ly", ""},
}

// Irregular reports whether WordNet lists word (in lower case) as an
// irregular form ("went", "children", "saw"): its first lemma (Lemma) is
// then the one listed, even when the word is a lemma itself.
func (l *Lexicon) Irregular(word string) bool { return len(l.exception(word)) > 0 }

// Lemma returns the first base form of word, or word in lower case when
// WordNet does not know it.
func (l *Lexicon) Lemma(word string) string {
	w := strings.ToLower(word)
	// the first of Lemmas without working out the others (lemmasInto): an
	// irregular form's first lemma, else the word itself when it is a lemma
	// (most words, which then try no suffix rule)
	if xs := l.exception(w); len(xs) > 0 {
		return xs[0]
	}
	if _, ok := l.entry(w); ok {
		return w
	}
	// else the first base the suffix rules give, as lemmasInto finds them
	var buf [64]byte
	for _, d := range detach {
		if len(w) > len(d[0])+1 && strings.HasSuffix(w, d[0]) {
			if base, ok := l.lemmaOf(buf[:0], w[:len(w)-len(d[0])], d[1]); ok {
				return base
			}
		}
	}
	for _, d := range derive {
		if len(w) > len(d[0])+2 && strings.HasSuffix(w, d[0]) {
			if base, ok := l.lemmaOf(buf[:0], w[:len(w)-len(d[0])], d[1]); ok {
				return base
			}
		}
	}
	return w
}

// Concepts returns the synsets of word's commonest senses and of their
// derivationally related forms, over all its lemmas. Two words sharing a
// concept are synonyms or derivations of one another in some common sense.
func (l *Lexicon) Concepts(word string) []Concept {
	var out []Concept
	for _, lm := range l.Lemmas(word) {
		e, _ := l.entry(lm)
		out = append(out, l.concepts(e)...)
	}
	return out
}

// Antonyms returns the synsets WordNet lists as opposites of word's
// commonest senses.
func (l *Lexicon) Antonyms(word string) []Concept {
	var out []Concept
	for _, lm := range l.Lemmas(word) {
		e, _ := l.entry(lm)
		out = append(out, l.antonyms(e)...)
	}
	return out
}

// Near returns the synsets related to word's concepts without being the
// same, as Info gives them: Broader (hypernyms up to two levels, short of
// the most general ones), Narrower (the hyponyms of a narrow synset) and
// Related (similar adjectives, "also see", entailments, verb groups,
// attributes), each with their derivations.
func (l *Lexicon) Near(word string) (broader, narrower, related []Concept) {
	in := l.Word(word)
	return in.Broader, in.Narrower, in.Related
}

// Adverb reports whether WordNet knows word only as an adverb
// (surprisingly, genuinely), in every form it may stand for.
func (l *Lexicon) Adverb(word string) bool {
	var a [4]string
	ls := l.lemmasInto(a[:0], word)
	for _, lm := range ls {
		if e, _ := l.entry(lm); e.flags&isAdverbOnly == 0 {
			return false
		}
	}
	return len(ls) > 0
}

// Info is what the lexicon says about one word, over all its lemmas.
type Info struct {
	Lemma    string // the first base form, or the word in lower case
	Concepts []Concept
	Antonyms []Concept
	// Broader, Narrower and Related are the synsets near its concepts: a
	// word one of whose concepts is Broader than another word's states
	// it in part ("crisis" of "emergency"); see Near.
	Broader, Narrower, Related []Concept
	// Genus are the verbs its verb senses' definitions open with
	// ("prevent" of exclude, "prevent from entering", and of obstruct,
	// "hinder or prevent the progress of"): two words of one genus are
	// kinds of the same act. Only classes of at most 60 synsets are kept.
	Genus  []Concept
	Adverb bool // WordNet knows it only as an adverb
}

// Word returns what the lexicon knows of word with one lemmatisation.
func (l *Lexicon) Word(word string) Info { return l.word(word, true) }

// WordNoNear is Word without the near synsets, which cost a parse: for
// callers that compare synonyms only.
func (l *Lexicon) WordNoNear(word string) Info { return l.word(word, false) }

func (l *Lexicon) word(word string, near bool) Info {
	ls := l.Lemmas(word)
	if len(ls) == 0 {
		return Info{Lemma: strings.ToLower(word)}
	}
	in := Info{Lemma: ls[0], Adverb: true}
	for _, lm := range ls {
		e, _ := l.entry(lm)
		in.Concepts = append(in.Concepts, l.concepts(e)...)
		in.Antonyms = append(in.Antonyms, l.antonyms(e)...)
		if near {
			b, rest, _ := strings.Cut(l.str(e.near), "|")
			n, rest, _ := strings.Cut(rest, "|")
			r, g, _ := strings.Cut(rest, "|")
			in.Broader = appendConcepts(in.Broader, b)
			in.Narrower = appendConcepts(in.Narrower, n)
			in.Related = appendConcepts(in.Related, r)
			in.Genus = appendConcepts(in.Genus, g)
		}
		if e.flags&isAdverbOnly == 0 {
			in.Adverb = false
		}
	}
	return in
}

// Genus returns Word(word).Genus without reading the other near synsets:
// for callers that ask only what a word's definitions open with.
func (l *Lexicon) Genus(word string) []Concept {
	var out []Concept
	var a [4]string
	for _, lm := range l.lemmasInto(a[:0], word) {
		e, _ := l.entry(lm)
		_, rest, _ := strings.Cut(l.str(e.near), "|")
		_, rest, _ = strings.Cut(rest, "|")
		_, g, _ := strings.Cut(rest, "|")
		out = appendConcepts(out, g)
	}
	return out
}

// Adjectives returns the synsets of cs that are adjective synsets.
func (l *Lexicon) Adjectives(cs []Concept) []Concept {
	var out []Concept
	for _, c := range cs {
		if c >= l.starts[2] && c < l.starts[3] {
			out = append(out, c)
		}
	}
	return out
}

// HasVerbConcept reports whether any of cs is a verb synset: a noun with
// one among its concepts is a derivation of a verb ("exclusion" of
// "exclude").
func (l *Lexicon) HasVerbConcept(cs []Concept) bool {
	for _, c := range cs {
		if c >= l.starts[1] && c < l.starts[2] {
			return true
		}
	}
	return false
}

// Phrase returns the multiword lemma WordNet lists for a phrase whose
// first word is inflected and whose other words are as written ("kept" +
// "away": "keep away"; "talks" + "out of": "talk out of"), and whether there
// is one. The table holds multiword verbs, adverbs and adjectives.
func (l *Lexicon) Phrase(first, rest string) (string, bool) {
	return l.PhraseOf(l.Lemmas(first), rest)
}

// PhraseStart reports whether some multiword lemma starts with one of
// lemmas (the base forms of a word).
func (l *Lexicon) PhraseStart(lemmas []string) bool {
	for _, lm := range lemmas {
		if l.phraseFirst[lm] {
			return true
		}
	}
	return false
}

// PhraseOf is Phrase for a first word already reduced to its base forms.
func (l *Lexicon) PhraseOf(lemmas []string, rest string) (string, bool) {
	for _, lm := range lemmas {
		if !l.phraseFirst[lm] {
			continue
		}
		if _, ok := l.entry(lm + " " + rest); ok {
			return lm + " " + rest, true
		}
	}
	return "", false
}

// Negative reports whether word (in some form) is an adjective whose
// commonest sense WordNet defines as an absence ("silent": marked by absence
// of sound; "missing": not able to be found; "sparse": not dense) and that
// has no antonym: said of something, it denies what it lacks.
func (l *Lexicon) Negative(word string) bool {
	var a [4]string
	for _, lm := range l.lemmasInto(a[:0], word) {
		if e, _ := l.entry(lm); e.flags&isNegative != 0 {
			return true
		}
	}
	return false
}

// Verb reports whether WordNet lists word (in some form) as a verb.
func (l *Lexicon) Verb(word string) bool {
	var a [4]string
	for _, lm := range l.lemmasInto(a[:0], word) {
		if e, _ := l.entry(lm); e.flags&isVerb != 0 {
			return true
		}
	}
	return false
}

// Noun reports whether WordNet lists word (in some form) as a noun.
func (l *Lexicon) Noun(word string) bool {
	var a [4]string
	for _, lm := range l.lemmasInto(a[:0], word) {
		if e, _ := l.entry(lm); e.flags&isNoun != 0 {
			return true
		}
	}
	return false
}

// NounLemma reports whether WordNet lists lemma itself, as spelt, as a
// noun: "secrecy" is one; "biased" is not, though "bias", the lemma of its
// verb, is (Noun reports both).
func (l *Lexicon) NounLemma(lemma string) bool {
	e, ok := l.entry(lemma)
	return ok && e.flags&isNoun != 0
}

// Kind is what WordNet lists a word as, over every lemma it may stand for
// (Kinds): one question of Verb, Noun, Adverb, Negative and Known per bit.
type Kind uint8

// Kind bits.
const (
	KindKnown      Kind = 1 << iota // WordNet knows it in some form (Known)
	KindNoun                        // some lemma is a noun (Noun)
	KindVerb                        // some lemma is a verb (Verb)
	KindAdverbOnly                  // every lemma is an adverb only (Adverb)
	KindNegative                    // some lemma is an adjective of absence (Negative)
	KindAdjective                   // some lemma is an adjective
	KindAdverb                      // some lemma is an adverb
)

// Kinds answers Verb, Noun, Adverb, Negative and Known of word at once,
// with one lemmatisation: for callers that keep the answer for a word they
// meet again.
func (l *Lexicon) Kinds(word string) Kind {
	var a [4]string
	ls := l.lemmasInto(a[:0], word)
	if len(ls) == 0 {
		return 0
	}
	k := KindKnown | KindAdverbOnly
	for _, lm := range ls {
		e, _ := l.entry(lm)
		k |= flagKinds(e.flags)
		if e.flags&isAdverbOnly == 0 {
			k &^= KindAdverbOnly
		}
	}
	return k
}

// flagKinds is the Kind bits of an entry's parts of speech and negativity
// (not KindAdverbOnly, which takes every lemma of a word).
func flagKinds(flags uint8) Kind {
	var k Kind
	if flags&isNoun != 0 {
		k |= KindNoun
	}
	if flags&isVerb != 0 {
		k |= KindVerb
	}
	if flags&isNegative != 0 {
		k |= KindNegative
	}
	if flags&isAdjective != 0 {
		k |= KindAdjective
	}
	if flags&isAdverb != 0 {
		k |= KindAdverb
	}
	return k
}

// Lookup answers WordNoNear, Lemmas and Kinds of word at once, with one
// lemmatisation: for callers that keep the answers for a word they meet
// again. The Info's concept lists of a word of one lemma are the lexicon's
// own (capped, so that an append copies them): read only.
func (l *Lexicon) Lookup(word string) (Info, []string, Kind) {
	ls := l.Lemmas(word)
	if len(ls) == 0 {
		return Info{Lemma: strings.ToLower(word)}, ls, 0
	}
	in := Info{Lemma: ls[0], Adverb: true}
	k := KindKnown | KindAdverbOnly
	for i, lm := range ls {
		e, _ := l.entry(lm)
		if i == 0 {
			in.Concepts, in.Antonyms = l.concepts(e), l.antonyms(e)
		} else {
			in.Concepts = append(in.Concepts[:len(in.Concepts):len(in.Concepts)], l.concepts(e)...)
			in.Antonyms = append(in.Antonyms[:len(in.Antonyms):len(in.Antonyms)], l.antonyms(e)...)
		}
		if e.flags&isAdverbOnly == 0 {
			in.Adverb = false
			k &^= KindAdverbOnly
		}
		k |= flagKinds(e.flags)
	}
	return in, ls, k
}

// PartOf returns the part of speech of synset c as a Kind bit: KindNoun,
// KindVerb, KindAdjective or KindAdverb.
func (l *Lexicon) PartOf(c Concept) Kind {
	switch {
	case c >= l.starts[3]:
		return KindAdverb
	case c >= l.starts[2]:
		return KindAdjective
	case c >= l.starts[1]:
		return KindVerb
	}
	return KindNoun
}

// Known reports whether WordNet knows word in some form.
func (l *Lexicon) Known(word string) bool { return len(l.Lemmas(word)) > 0 }

// hashKey is FNV-1a: the image keeps the hash table, so the hash must be
// the same in every process.
func hashKey(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
