package actor

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// headKeywords end capitalised organisation names: "MacArthur Foundation".
var headKeywords = map[string]bool{
	"organization": true, "organisation": true, "agency": true, "council": true, "committee": true,
	"foundation": true, "watch": true, "international": true, "university": true, "institute": true,
	"commission": true, "federation": true, "association": true, "union": true, "bank": true,
	"group": true, "forum": true, "fund": true, "network": true, "alliance": true, "coalition": true,
	"secretariat": true, "parliament": true, "ministry": true, "court": true, "service": true,
	"ltd": true, "inc": true, "trust": true, "society": true, "office": true, "party": true,
}

// leadKeywords start organisation names when followed by "of", "for" or "on":
// "University of East London", "Centre for Migration Studies".
var leadKeywords = map[string]bool{
	"university": true, "ministry": true, "department": true, "office": true, "council": true,
	"committee": true, "commission": true, "centre": true, "center": true, "institute": true,
	"agency": true, "bank": true, "court": true, "federation": true, "association": true,
	"union": true, "organization": true, "organisation": true, "secretariat": true,
}

// organWords are generic words that do not make an organisation's name on
// their own: "the Governing Council", "an Executive Committee".
var organWords = map[string]bool{
	"governing": true, "executive": true, "standing": true, "steering": true, "advisory": true,
	"general": true, "central": true, "permanent": true, "joint": true, "special": true, "national": true,
	"local": true, "regional": true, "main": true, "new": true, "this": true, "that": true, "our": true,
	"their": true, "its": true, "his": true, "her": true, "a": true, "an": true, "sub": true, "high": true,
	"internal": true, "supervisory": true, "scientific": true, "ethics": true, "review": true,
}

// titleWords mark a capitalised run as the title of an instrument or a work,
// not an actor: group nouns inside "Convention on the Rights of Migrant
// Workers" are not mentions of migrants.
var titleWords = map[string]bool{
	"convention": true, "covenant": true, "protocol": true, "declaration": true, "compact": true,
	"charter": true, "treaty": true, "agreement": true, "principles": true, "act": true, "project": true,
	"programme": true, "program": true, "day": true, "strategy": true, "framework": true, "pact": true,
	"regulation": true, "directive": true, "law": true, "report": true, "rights": true, "studies": true,
	"journal": true, "review": true, "quarterly": true, "matrix": true,
}

// junkWords never start an organisation name found by pattern.
var junkWords = map[string]bool{
	"abstract": true, "photo": true, "figure": true, "table": true, "january": true, "february": true,
	"march": true, "april": true, "may": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"log": true, "posted": true, "copyright": true, "powered": true, "see": true, "also": true,
	"if": true, "when": true, "while": true, "as": true, "in": true, "at": true, "by": true, "with": true,
	"from": true, "this": true, "these": true, "those": true, "that": true, "our": true, "their": true,
	"his": true, "her": true, "its": true, "a": true, "an": true, "both": true, "all": true, "many": true,
	"some": true, "each": true, "every": true, "other": true,
}

// honorifics introduce a person's name: "Mr. Brunson McKinley".
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"sir": true, "dame": true, "lord": true, "ambassador": true, "minister": true, "president": true,
	"judge": true, "senator": true, "commissioner": true,
}

// roleWords follow a person's name after a comma: "Jane Doe, Director General".
var roleWords = map[string]bool{
	"director": true, "director-general": true, "secretary-general": true, "secretary": true,
	"president": true, "chair": true, "chairman": true, "chairwoman": true, "chairperson": true,
	"head": true, "spokesperson": true, "spokesman": true, "spokeswoman": true, "minister": true,
	"ambassador": true, "commissioner": true, "rapporteur": true, "coordinator": true, "chief": true,
	"professor": true, "founder": true, "deputy": true, "executive": true, "representative": true,
}

// functionWords may follow the noun "state" (so it is not a modifier as in
// "state borders").
var functionWords = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true,
	"can": true, "could": true, "should": true, "would": true, "will": true, "may": true, "might": true,
	"must": true, "does": true, "do": true, "did": true, "go": true, "goes": true, "to": true, "and": true,
	"or": true, "in": true, "of": true, "that": true, "which": true, "who": true, "with": true, "for": true,
	"as": true, "on": true, "at": true, "by": true, "from": true, "into": true, "itself": true,
	"but": true, "than": true, "not": true, "also": true, "remains": true, "seeks": true, "uses": true,
}

// stateDeterminers precede the noun "state".
var stateDeterminers = map[string]bool{
	"the": true, "a": true, "each": true, "every": true, "any": true, "one": true, "and": true,
	"or": true, "between": true, "sovereign": true, "host": true, "receiving": true, "sending": true,
	"transit": true, "destination": true, "modern": true, "strong": true, "weak": true, "liberal": true,
	"powerful": true, "nation": true, "another": true, "which": true, "no": true, "this": true,
}

// officialModifiers may stand before "officials" in a group name.
var officialLead = map[string]bool{
	"local": true, "senior": true, "some": true, "many": true, "the": true, "national": true, "for": true,
	"of": true, "by": true, "with": true, "to": true, "and": true, "among": true, "several": true,
}

// scan holds the state of one Find call.
type scan struct {
	f       *Finder
	text    string
	toks    []token
	covered []int           // index+1 of the mention covering each token, 0 if none
	place   []bool          // the token is part of a place's name: no actor
	cls     []uint16        // each token's word classes once looked up, else 0 (is)
	defined map[string]bool // acronyms the text defines that name no actor (agents)
	// the tokens the passes of names.go read, found in one pass (cues):
	caps     []int // capitalised
	acronyms []int // look like acronyms
	parens   []int // follow an opening bracket: "(UNHCR)"
	says     []int // a verb of saying after a capitalised word or a year
	cueWords []int // "by", "itself", "according"
	commas   []int // capitalised words a comma follows
	// capsLine's last line: [lineStart0, lineEnd) and its answer
	lineStart0, lineEnd int
	lineCaps            bool
	ms                  []Mention
}

// Find returns the actor mentions in text, sorted by Start, and the distinct
// actors they name, sorted by Name. Mentions never overlap.
func (f *Finder) Find(text string) ([]Mention, []Actor) {
	// the token and cover buffers of a document are kept for the next
	// (a few hundred kilobytes a document, made and let go each time)
	b, _ := f.bufs.Get().(*scanBufs)
	if b == nil {
		b = &scanBufs{}
	}
	defer f.bufs.Put(b)
	s := &scan{f: f, text: text, toks: tokenizeInto(b.toks, text)}
	s.covered = zeroed(b.covered, len(s.toks))
	s.place = zeroed(b.place, len(s.toks))
	s.cls = zeroed(b.cls, len(s.toks))
	defer func() {
		clear(s.toks) // let the text go
		b.toks, b.covered, b.place, b.cls = s.toks[:0], s.covered[:0], s.place[:0], s.cls[:0]
	}()
	s.cues() // names.go
	s.gazetteer()
	s.definitions()
	s.demonyms()
	s.singularState()
	s.collectives()
	s.patterns()
	s.namedAfter()
	s.people()
	s.authors()     // names.go
	s.agents()      // names.go
	s.appositions() // names.go
	s.initials()    // names.go
	s.selfNamed()   // names.go
	// slices.SortFunc runs the same pattern-defeating quicksort as
	// sort.Slice (both are generated from one template): the same order,
	// ties included, without reflection's swaps
	slices.SortFunc(s.ms, func(a, b Mention) int { return cmp.Compare(a.Start, b.Start) })
	kept := s.ms[:0]
	for _, m := range s.ms {
		if m.Name != "" {
			kept = append(kept, m)
		}
	}
	s.ms = kept
	return s.ms, actorsOf(s.ms)
}

// scanBufs are the buffers a scan of one text uses (Finder.bufs).
type scanBufs struct {
	toks    []token
	covered []int
	place   []bool
	cls     []uint16
}

// zeroed returns n zero values in b's memory when it has room, else new.
func zeroed[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// add records a mention spanning tokens [i, j) unless one of them is covered.
func (s *scan) add(i, j int, name, kind string) bool {
	if i < 0 || j > len(s.toks) || i >= j {
		return false
	}
	places := 0
	for k := i; k < j; k++ {
		if s.covered[k] != 0 {
			return false
		}
		if s.place[k] {
			places++
		}
	}
	if places == j-i {
		return false // a place ("North Africa") is no actor; "University of East London" is
	}
	m := Mention{Start: s.toks[i].start, End: s.toks[j-1].end, Name: name, Kind: kind}
	m.Surface = s.text[m.Start:m.End]
	s.ms = append(s.ms, m)
	for k := i; k < j; k++ {
		s.covered[k] = len(s.ms)
	}
	return true
}

// dropInner removes the mentions inside tokens [i, j): a group noun or a
// name inside a longer name the text defines ("High Commissioner for
// Refugees (UNHCR)", "EU Emergency Trust Fund for Africa (EUTF)") is part of
// that name. It reports false, removing nothing, when a mention reaches out
// of [i, j).
func (s *scan) dropInner(i, j int) bool {
	for k := i; k < j; k++ {
		if c := s.covered[k]; c != 0 {
			m := s.ms[c-1]
			if m.Start < s.toks[i].start || m.End > s.toks[j-1].end {
				return false
			}
		}
	}
	for k := i; k < j; k++ {
		if c := s.covered[k]; c != 0 {
			s.ms[c-1].Name = ""
			s.covered[k] = 0
		}
	}
	return true
}

// gazetteer matches the known forms, longest first: WordNet's states,
// organisations and places, and the group nouns. A place's tokens are marked
// so that nothing reads them as an actor.
func (s *scan) gazetteer() {
	toks := s.toks
	for i := 0; i < len(toks); {
		fm, n := s.f.longest(toks, i, true)
		if fm == nil {
			i++
			continue
		}
		if fm.kind == kindPlace {
			for k := i; k < i+n; k++ {
				s.place[k] = true
			}
			i += n
			continue
		}
		if fm.mode == '=' && fm.kind == argmap.ActorState && len(toks[i].text) == 2 && (s.capsLine(i) || strings.HasPrefix(s.text[toks[i].end:], "$")) {
			i++ // "ABOUT US", "CONTACT US", "US$ 5 million"
			continue
		}
		if fm.common && fm.kind != kindPlace && (i > 0 && !toks[i-1].breakAfter && (toks[i-1].low == "the" || capitalised(toks[i-1].text) && !s.lineStart(i-1)) ||
			i+1 < len(toks) && !toks[i].breakAfter && capitalised(toks[i+1].text)) {
			i += n // "the Union", "Global North", "North African": a common word in a name, not the state
			continue
		}
		if fm.kind == argmap.ActorGroup && capitalised(toks[i].text) && s.inTitle(i, i+n) {
			i += n
			continue
		}
		s.add(i, i+n, fm.name, fm.kind)
		i += n
	}
}

// capsLine reports whether the line holding token i is written in capitals.
func (s *scan) capsLine(i int) bool {
	// the scans ask in text order: the last line's answer serves its tokens
	if at := s.toks[i].start; s.lineEnd > 0 && at >= s.lineStart0 && at < s.lineEnd {
		return s.lineCaps
	}
	start := strings.LastIndexByte(s.text[:s.toks[i].start], '\n') + 1
	end := strings.IndexByte(s.text[s.toks[i].end:], '\n')
	if end < 0 {
		end = len(s.text)
	} else {
		end += s.toks[i].end
	}
	s.lineStart0, s.lineEnd, s.lineCaps = start, end, capsWords(s.text[start:end])
	return s.lineCaps
}

// capsWords reports whether line has two words or more, all in capitals
// (a word being a run without spaces, as strings.Fields splits).
func capsWords(line string) bool {
	words, in := 0, false
	letters := false
	for _, r := range line {
		if unicode.IsSpace(r) {
			if in && !letters {
				return false // a word with no letter ("—") is no capital
			}
			in = false
			continue
		}
		if !in {
			in, letters = true, false
			words++
		}
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	if in && !letters {
		return false
	}
	return words > 1
}

// inTitle reports whether tokens [i, j) sit inside a capitalised run that names
// an instrument or a work ("Convention on the Rights of Migrant Workers").
func (s *scan) inTitle(i, j int) bool {
	a, b := s.capRun(i)
	if b < j {
		b = j
	}
	if b-a <= j-i {
		return false
	}
	for k := a; k < b; k++ {
		if s.is(k, clTitle) {
			return true
		}
	}
	return false
}

// capRun returns the capitalised run [a, b) around token i: capitalised words
// and connectors, not crossing punctuation.
func (s *scan) capRun(i int) (int, int) {
	toks := s.toks
	a := i
	for a > 0 && !toks[a-1].breakAfter && !toks[a-1].poss && (capitalised(toks[a-1].text) || s.is(a-1, clConnector)) {
		a--
	}
	for a < i && !capitalised(toks[a].text) {
		a++
	}
	b := i + 1
	for b < len(toks) && !toks[b-1].breakAfter && !toks[b-1].poss && (capitalised(toks[b].text) || s.is(b, clConnector)) {
		b++
	}
	for b > i+1 && !capitalised(toks[b-1].text) {
		b--
	}
	return a, b
}

// definitions learns acronyms the text defines: "Long Name (ACR)".
func (s *scan) definitions() {
	toks := s.toks
	type learned struct{ name, kind string }
	acr := map[string]learned{}
	for _, i := range s.parens {
		t := toks[i]
		if i == 0 || !acronymLike(t.text) {
			continue
		}
		if t.start == 0 || s.text[t.start-1] != '(' || t.end >= len(s.text) || s.text[t.end] != ')' {
			continue
		}
		if _, known := acr[t.text]; known {
			continue
		}
		a := s.longNameStart(i, t.text)
		if a < 0 {
			continue
		}
		// The long name is (or ends with) a known actor.
		if c := s.covered[i-1]; c != 0 {
			m := s.ms[c-1]
			if s.toks[a].start >= m.Start || s.covered[a] == c {
				if s.covered[i] == 0 {
					acr[t.text] = learned{m.Name, m.Kind}
				}
				continue
			}
		}
		if s.covered[i] != 0 || !s.dropInner(a, i) {
			continue
		}
		long := s.text[toks[a].start:toks[i-1].end]
		if name, ok := s.f.Canonical(long); ok {
			acr[t.text] = learned{name, s.f.kinds[name]}
			s.add(a, i, name, s.f.kinds[name])
			continue
		}
		// An unknown organisation: capitalised words with an organisation
		// keyword.
		org := false
		capsOK := true
		for k := a; k < i; k++ {
			// an organisation's word, or an office's ("High Commissioner")
			if s.is(k, clHead) || s.is(k, clLead) || s.is(k, clRole) {
				org = true
			}
			if !capitalised(toks[k].text) && !s.is(k, clConnector) {
				capsOK = false
			}
		}
		if org && capsOK {
			name := strings.TrimSuffix(t.text, "s")
			if !isPluralAcronym(t.text) {
				name = t.text
			}
			acr[t.text] = learned{name, argmap.ActorOrganisation}
			s.add(a, i, name, argmap.ActorOrganisation)
		}
	}
	if len(acr) == 0 {
		return
	}
	for _, i := range s.acronyms {
		t := toks[i]
		if s.covered[i] != 0 {
			continue
		}
		l, ok := acr[t.text]
		if !ok && isPluralAcronym(t.text) {
			l, ok = acr[t.text[:len(t.text)-1]]
		}
		if ok {
			s.add(i, i+1, l.name, l.kind)
		}
	}
}

// acronymLike reports whether s looks like an acronym: two to ten characters,
// at least two capitals, no lower-case letters except a plural "s" or inner
// lower-case letters as in "ECtHR".
func acronymLike(s string) bool {
	if len(s) < 2 || len(s) > 10 {
		return false
	}
	if c := s[0]; c < utf8.RuneSelf && (c < 'A' || c > 'Z') {
		return false
	}
	upper := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2 && capitalised(s)
}

// longNameStart returns the index of the first token of the long name that
// the acronym at token i abbreviates, or -1.
func (s *scan) longNameStart(i int, acr string) int {
	var letters []rune
	for _, r := range acr {
		if unicode.IsUpper(r) {
			letters = append(letters, unicode.ToLower(r))
		}
	}
	if len(letters) < 2 {
		return -1
	}
	// Walk back over content words; connectors may sit between them.
	// content is the end of back, filled from its last slot towards its
	// first (each word found goes before the others): room for one word
	// more than letters, where the walk stops.
	var backArr [16]int
	back := backArr[:]
	if len(letters)+1 > len(backArr) {
		back = make([]int, len(letters)+1)
	}
	back = back[:len(letters)+1]
	var content []int
	for k := i - 1; k >= 0 && k >= i-len(letters)*3; k-- {
		if k < i-1 && (s.toks[k].breakAfter || s.toks[k].newline) {
			break
		}
		if s.is(k, clConnector) {
			continue
		}
		at := len(back) - len(content) - 1
		back[at] = k
		content = back[at:]
		if len(content) > len(letters) {
			content = content[1:]
			break
		}
		if initialsMatch(s.toks, content, letters) {
			return content[0]
		}
	}
	return -1
}

// initialsMatch reports whether the content words at idx spell letters, each
// word giving its first letter, the first letters of its hyphenated parts, or
// (when written in capitals) all its letters.
func initialsMatch(toks []token, idx []int, letters []rune) bool {
	return initialsFrom(toks, idx, letters, 0, 0)
}

// initialsFrom is initialsMatch from the content word idx[w] and the
// letter letters[l] on, trying a word's spellings in turn without building
// them.
func initialsFrom(toks []token, idx []int, letters []rune, w, l int) bool {
	if w == len(idx) {
		return l == len(letters)
	}
	if l >= len(letters) {
		return false
	}
	t := toks[idx[w]]
	if first, _ := utf8.DecodeRuneInString(t.low); letters[l] == first && initialsFrom(toks, idx, letters, w+1, l+1) {
		return true
	}
	var buf [16]rune
	if strings.Contains(t.low, "-") {
		// the first letter of each hyphenated part
		rs := buf[:0]
		for p := range strings.SplitSeq(t.low, "-") {
			if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
				rs = append(rs, r)
			}
		}
		if lettersAt(letters, l, rs) && initialsFrom(toks, idx, letters, w+1, l+len(rs)) {
			return true
		}
	}
	if allCaps(t.text) && len(t.text) > 1 {
		// all its letters
		rs := buf[:0]
		for _, r := range t.low {
			if unicode.IsLetter(r) {
				rs = append(rs, r)
			}
		}
		if lettersAt(letters, l, rs) && initialsFrom(toks, idx, letters, w+1, l+len(rs)) {
			return true
		}
	}
	return false
}

// lettersAt reports whether rs stand in letters from l on, one for one.
func lettersAt(letters []rune, l int, rs []rune) bool {
	return l+len(rs) <= len(letters) && slices.Equal(letters[l:l+len(rs)], rs)
}

// demonyms finds states named by adjective: "the Mauritanian state".
func (s *scan) demonyms() {
	for _, i := range s.caps {
		if i+1 >= len(s.toks) {
			break
		}
		t := s.toks[i]
		if s.covered[i] != 0 || !stateNouns[s.toks[i+1].low] || t.breakAfter {
			continue
		}
		// "Mauritanian" is Mauritania's; WordNet's adjectives give the rest
		// ("Greek", "Dutch")
		country := ""
		if strings.HasSuffix(t.low, "n") {
			if fm, n := s.f.longest([]token{{text: t.text[:len(t.text)-1], low: t.low[:len(t.low)-1]}}, 0, true); fm != nil && n == 1 && fm.kind == argmap.ActorState {
				country = fm.name
			}
		}
		if country == "" {
			country = s.f.demonyms[t.low]
		}
		if country != "" {
			// The noun belongs to the country: "the Greek authorities".
			j := i + 2
			if s.toks[i+1].low == "coast" && j < len(s.toks) && s.toks[j].low == "guard" && !s.toks[i+1].breakAfter {
				j++
			}
			if !s.add(i, j, country, argmap.ActorState) {
				s.add(i, i+1, country, argmap.ActorState)
			}
		}
	}
}

// singularState finds the noun "state" standing for states in general ("the
// state's", "between NGOs and state"), but not the modifier in "state borders".
func (s *scan) singularState() {
	for i, t := range s.toks {
		if t.low != "state" || s.covered[i] != 0 || t.text == "State" && i > 0 && capitalised(s.toks[i-1].text) {
			continue
		}
		if i == 0 || !stateDeterminers[s.toks[i-1].low] {
			continue
		}
		noun := t.poss || t.breakAfter || i+1 == len(s.toks)
		if !noun {
			next := s.toks[i+1].low
			noun = functionWords[next] || !isLowerWord(s.toks[i+1].text)
		}
		if noun {
			s.add(i, i+1, "states", argmap.ActorGroup)
		}
	}
}

// collectiveHeads are plural nouns for groups of people that take modifiers:
// "security and migration officials", "European governments". The value is
// the canonical name; "" keeps the whole phrase (officials are told apart by
// their modifiers, as annotators do).
var collectiveHeads = map[string]string{
	"officials": "", "governments": "governments", "authorities": "authorities", "activists": "activists",
	"advocates": "advocates", "academics": "academics", "journalists": "journalists",
	"scientists": "scientists", "employers": "employers", "universities": "universities", "funders": "funders",
}

// modifierStops may not be part of a group's modifiers.
var modifierStops = map[string]bool{
	"its": true, "their": true, "his": true, "her": true, "our": true, "your": true, "these": true,
	"those": true, "such": true, "other": true, "all": true, "most": true, "few": true, "more": true,
	"than": true, "not": true, "only": true, "also": true, "even": true, "both": true, "either": true,
	"against": true, "between": true, "among": true, "about": true, "over": true, "under": true, "via": true,
	"are": true, "were": true, "is": true, "was": true, "be": true, "been": true, "who": true, "whose": true,
	"we": true, "they": true, "it": true, "no": true, "any": true, "very": true, "like": true,
}

// collectives finds groups named by a plural head and its modifiers.
func (s *scan) collectives() {
	for i, t := range s.toks {
		if n := len(t.low); n < 5 || t.low[n-1] != 's' {
			continue // every head is a plural in -s
		}
		canon, ok := collectiveHeads[t.low]
		sentenceStart := i == 0 || s.toks[i-1].breakAfter
		if !ok || s.covered[i] != 0 || !isLowerWord(t.text) && !(sentenceStart && capitalised(t.text) && !allCaps(t.text)) {
			continue
		}
		a := i
		for k := i - 1; k >= 0 && k >= i-4; k-- {
			tk := s.toks[k]
			if tk.breakAfter || tk.poss || s.covered[k] != 0 {
				break
			}
			if tk.low == "and" {
				if k == 0 || a != k+1 || !isLowerWord(s.toks[k-1].text) || officialLead[s.toks[k-1].low] {
					break
				}
				a = k
				continue
			}
			adjective := capitalised(tk.text) && !allCaps(tk.text) && (s.f.demonyms[tk.low] != "" ||
				strings.HasSuffix(tk.low, "an") || strings.HasSuffix(tk.low, "ern"))
			if !adjective && (!isLowerWord(tk.text) || officialLead[tk.low] || stateDeterminers[tk.low] ||
				functionWords[tk.low] || modifierStops[tk.low] || s.is(k, clConnector) ||
				strings.HasSuffix(tk.low, "ed") || strings.HasSuffix(tk.low, "ing") || strings.HasSuffix(tk.low, "ly")) {
				break
			}
			a = k
		}
		for a < i && s.toks[a].low == "and" {
			a++
		}
		name := canon
		if name == "" {
			if a == i {
				continue // bare "officials" says too little
			}
			name = strings.ToLower(strings.Join(strings.Fields(s.text[s.toks[a].start:t.end]), " "))
		}
		s.add(a, i+1, name, argmap.ActorGroup)
	}
}

// patterns finds capitalised organisation names by their keywords.
func (s *scan) patterns() {
	toks := s.toks
	next := 0 // the run of capitalised tokens ends before it
	for _, i := range s.caps {
		if i < next || s.covered[i] != 0 {
			continue
		}
		// Extend over capitalised words and connectors not yet covered.
		j := i + 1
		for j < len(toks) && (s.covered[j] == 0 || s.capitalisedGroup(j)) && !toks[j-1].breakAfter && !toks[j-1].poss &&
			(capitalised(toks[j].text) || s.is(j, clConnector)) {
			// Split "X Foundation and Y Council" after a head keyword.
			if toks[j].low == "and" && s.is(j-1, clHead) {
				break
			}
			j++
		}
		for j > i+1 && !capitalised(toks[j-1].text) {
			j--
		}
		// "UN Migration Agency": an acronym known as an organisation opens
		// the name of another
		a, orig := i, ""
		if i > 0 && j-i >= 2 && s.covered[i-1] != 0 && !toks[i-1].breakAfter && !toks[i-1].poss && s.hasHeadKeyword(i, j) {
			if c := s.covered[i-1]; s.ms[c-1].Kind == argmap.ActorOrganisation && allCaps(toks[i-1].text) && s.ms[c-1].Start == toks[i-1].start {
				orig = s.ms[c-1].Name
				s.ms[c-1].Name = ""
				s.covered[i-1] = 0
				a = i - 1
			}
		}
		if !s.patternOrg(a, j) && a < i {
			s.add(a, i, orig, argmap.ActorOrganisation) // put it back
		}
		next = j
	}
}

// innerHead reports whether tokens [i, j) hold a head keyword after a
// content word and before a connector: "EU Emergency Trust Fund for Africa".
func (s *scan) innerHead(i, j int) bool {
	before := 0
	for k := i; k+2 < j; k++ {
		if s.is(k, clHead) && s.is(k+1, clConnector) && before > 0 {
			return true
		}
		if !s.is(k, clConnector|clOrgan) {
			before++ // "International Organization for Migration": a keyword may qualify another
		}
	}
	return false
}

// hasHeadKeyword reports whether one of tokens [i, j) ends organisation
// names: "Fund", "Agency".
func (s *scan) hasHeadKeyword(i, j int) bool {
	for k := i; k < j; k++ {
		if s.is(k, clHead) {
			return true
		}
	}
	return false
}

// capitalisedGroup reports whether token j is a capitalised group noun that
// a mention of its own covers: "Refugees" in "Executive Committee of the
// U.N. High Commissioner for Refugees".
func (s *scan) capitalisedGroup(j int) bool {
	c := s.covered[j]
	return c != 0 && capitalised(s.toks[j].text) && s.ms[c-1].Kind == argmap.ActorGroup && s.ms[c-1].Start == s.toks[j].start && s.ms[c-1].End == s.toks[j].end
}

// namedAfter gives an organisation the short name a text puts in brackets
// after its long name, when the initials do not spell it: "the UN Refugee
// Agency (UNHCR)", "the European Border Agency (Frontex)". The short name
// is the canonical name, and its other occurrences are mentions.
func (s *scan) namedAfter() {
	short := map[string]string{} // long name -> short name
	for _, i := range s.parens {
		t := s.toks[i]
		if i == 0 || i+1 >= len(s.toks) {
			continue
		}
		c := s.covered[i-1]
		if c == 0 || s.covered[i] != 0 || s.place[i] || !capitalised(t.text) || allDigits(t.text) {
			continue
		}
		m := &s.ms[c-1]
		if m.Kind != argmap.ActorOrganisation || m.End != s.toks[i-1].end || !strings.Contains(m.Surface, " ") {
			continue
		}
		if strings.Trim(s.text[m.End:t.start], " \t\n\"'”’") != "(" || t.end >= len(s.text) || s.text[t.end] != ')' {
			continue
		}
		short[m.Name] = t.text
		s.add(i, i+1, t.text, argmap.ActorOrganisation)
	}
	if len(short) == 0 {
		return
	}
	shorts := map[string]bool{}
	for _, sh := range short {
		shorts[sh] = true
	}
	for k := range s.ms {
		if sh, ok := short[s.ms[k].Name]; ok {
			s.ms[k].Name = sh
		}
	}
	for i, t := range s.toks {
		if s.covered[i] == 0 && !s.place[i] && capitalised(t.text) && shorts[t.text] {
			s.add(i, i+1, t.text, argmap.ActorOrganisation)
		}
	}
}

// patternOrg records tokens [i, j) as an organisation if they look like
// one, and reports whether it did.
func (s *scan) patternOrg(i, j int) bool {
	toks := s.toks
	for i < j && (toks[i].low == "the" || s.is(i, clJunk) || s.is(i, clRole) || s.is(i, clHonorific) ||
		(i > 0 && s.is(i-1, clRole) && s.is(i, clConnector))) {
		i++
	}
	for i < j && s.is(i, clConnector) {
		i++
	}
	if j-i < 2 {
		return false
	}
	lead := s.is(i, clLead) && s.is(i+1, clConnector)
	// "EU Emergency Trust Fund for Africa": a head keyword, then a
	// connector and what the organisation is of or for
	if !s.is(j-1, clHead) && !lead && !s.innerHead(i, j) {
		return false
	}
	content := 0
	for k := i; k < j; k++ {
		if s.is(k, clConnector|clOrgan|clHead|clLead) || allDigits(toks[k].low) {
			continue
		}
		content++
	}
	if content == 0 {
		return false
	}
	if content == 1 && allCaps(toks[i].text) && acronymLike(toks[i].text) && s.is(i+1, clOrgan) {
		// "the IOM Governing Council": an organ of the organisation
		s.add(i, i+1, toks[i].text, argmap.ActorOrganisation)
		return true
	}
	// the name of an instrument or a work: a title word first or before a
	// connector ("Convention on ...", "Rights of Migrant Workers"); "Human
	// Rights Watch" is an organisation
	for k := i; k < j; k++ {
		if s.is(k, clTitle) && !s.is(k, clHead) && (k == i || k+1 < j && s.is(k+1, clConnector)) {
			return false
		}
	}
	name := strings.Join(strings.Fields(s.text[toks[i].start:toks[j-1].end]), " ")
	kind := argmap.ActorOrganisation
	if canon, ok := s.f.Canonical(name); ok {
		name, kind = canon, s.f.kinds[canon]
	}
	s.dropInner(i, j) // a capitalised group noun inside the name is part of it
	return s.add(i, j, name, kind)
}

// allDigits reports whether s is made of ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// people finds titled names ("Mr. Brunson McKinley") and names followed by a
// role ("Jane Doe, Director General of ..."), then every other occurrence of
// the full names found.
func (s *scan) people() {
	toks := s.toks
	var names [][]string
	for _, i := range s.caps {
		if s.is(i, clHonorific) {
			j := i + 1
			for j < len(toks) && j-i <= 3 && capitalised(toks[j].text) && s.covered[j] == 0 && !allCaps(toks[j].text) &&
				!s.is(j, clHead) && !toks[j-1].newline && (j == i+1 || !toks[j-1].breakAfter || len(toks[j-1].text) == 1) {
				j++
			}
			if j-i >= 3 || (j-i == 2 && toks[i].low != "president" && toks[i].low != "minister") {
				if s.addPerson(i+1, j) {
					names = append(names, words(toks[i+1:j]))
				}
			}
			continue
		}
	}
	// "First Last, Director General": Last is a capitalised word before a
	// comma (cues)
	for _, l := range s.commas {
		i := l - 1
		if i < 0 || i+2 >= len(toks) || !capitalised(toks[i].text) || s.covered[i] != 0 || s.covered[i+1] != 0 {
			continue
		}
		if allCaps(toks[i].text) || allCaps(toks[i+1].text) || toks[i].breakAfter || s.is(i, clJunk) {
			continue
		}
		gap := s.text[toks[i+1].end:toks[i+2].start]
		if strings.TrimSpace(gap) != "," || !s.is(i+2, clRole) {
			continue
		}
		if i > 0 && capitalised(toks[i-1].text) && !toks[i-1].breakAfter {
			continue
		}
		if s.addPerson(i, i+2) {
			names = append(names, words(toks[i:i+2]))
		}
	}
	if len(names) == 0 {
		return
	}
	// Other occurrences of the full names, in one pass: names indexed by
	// their first word.
	byFirst := map[string][][]string{}
	seen := map[string]bool{}
	for _, n := range names {
		k := strings.Join(n, " ")
		if !seen[k] {
			seen[k] = true
			byFirst[n[0]] = append(byFirst[n[0]], n)
		}
	}
	for i := range toks {
		for _, n := range byFirst[toks[i].text] {
			if i+len(n) > len(toks) {
				continue
			}
			ok := true
			for k, w := range n {
				if toks[i+k].text != w {
					ok = false
					break
				}
			}
			if ok && s.addPerson(i, i+len(n)) {
				break
			}
		}
	}
}

// addPerson records tokens [i, j) as a person.
func (s *scan) addPerson(i, j int) bool {
	if j-i < 1 {
		return false
	}
	name := strings.Join(words(s.toks[i:j]), " ")
	return s.add(i, j, name, argmap.ActorPerson)
}

// words returns the texts of toks.
func words(toks []token) []string {
	out := make([]string, len(toks))
	for k, t := range toks {
		out[k] = t.text
	}
	return out
}
