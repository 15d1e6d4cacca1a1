package actor

import (
	"sort"
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
	covered []int // index+1 of the mention covering each token, 0 if none
	ms      []Mention
}

// Find returns the actor mentions in text, sorted by Start, and the distinct
// actors they name, sorted by Name. Mentions never overlap.
func (f *Finder) Find(text string) ([]Mention, []Actor) {
	s := &scan{f: f, text: text, toks: tokenize(text)}
	s.covered = make([]int, len(s.toks))
	s.gazetteer()
	s.definitions()
	s.demonyms()
	s.singularState()
	s.collectives()
	s.patterns()
	s.people()
	sort.Slice(s.ms, func(a, b int) bool { return s.ms[a].Start < s.ms[b].Start })
	return s.ms, actorsOf(s.ms)
}

// add records a mention spanning tokens [i, j) unless one of them is covered.
func (s *scan) add(i, j int, name, kind string) bool {
	if i < 0 || j > len(s.toks) || i >= j {
		return false
	}
	for k := i; k < j; k++ {
		if s.covered[k] != 0 {
			return false
		}
	}
	m := Mention{Start: s.toks[i].start, End: s.toks[j-1].end, Name: name, Kind: kind}
	m.Surface = s.text[m.Start:m.End]
	s.ms = append(s.ms, m)
	for k := i; k < j; k++ {
		s.covered[k] = len(s.ms)
	}
	return true
}

// gazetteer matches the built-in forms, longest first.
func (s *scan) gazetteer() {
	toks := s.toks
	for i := 0; i < len(toks); {
		fm, n := s.f.longest(toks, i, true)
		if fm == nil {
			i++
			continue
		}
		if fm.name == "United States" && toks[i].text == "US" && (s.capsLine(i) || strings.HasPrefix(s.text[toks[i].end:], "$")) {
			i++ // "ABOUT US", "CONTACT US", "US$ 5 million"
			continue
		}
		if fm.kind == argmap.ActorGroup && capitalised(toks[i].text) && s.inTitle(i, i+n) {
			i += n
			continue
		}
		s.add(i, i+n, fm.name, fm.kind)
		i += n
	}
	// "AI" is Amnesty International when paired with another human-rights
	// organisation ("AI & HRW").
	for i, t := range toks {
		if t.text != "AI" || s.covered[i] != 0 {
			continue
		}
		if s.pairedOrg(i, -1) || s.pairedOrg(i, 1) {
			s.add(i, i+1, "Amnesty International", argmap.ActorOrganisation)
		}
	}
}

// pairedOrg reports whether the token next to i in direction dir, across
// "&", "and" or a comma, is a mention of an organisation.
func (s *scan) pairedOrg(i, dir int) bool {
	j := i + dir
	if j < 0 || j >= len(s.toks) {
		return false
	}
	if s.toks[j].low == "and" {
		j += dir
	} else if dir < 0 && !strings.Contains(s.text[s.toks[j].end:s.toks[i].start], ",") {
		return false
	} else if dir > 0 && !strings.Contains(s.text[s.toks[i].end:s.toks[j].start], ",") {
		return false
	}
	if j < 0 || j >= len(s.toks) || s.covered[j] == 0 {
		return false
	}
	m := s.ms[s.covered[j]-1]
	return m.Kind == argmap.ActorOrganisation && m.Name != "UN" && m.Name != "EU"
}

// capsLine reports whether the line holding token i is written in capitals.
func (s *scan) capsLine(i int) bool {
	start := strings.LastIndexByte(s.text[:s.toks[i].start], '\n') + 1
	end := strings.IndexByte(s.text[s.toks[i].end:], '\n')
	if end < 0 {
		end = len(s.text)
	} else {
		end += s.toks[i].end
	}
	line := s.text[start:end]
	words := 0
	for _, w := range strings.Fields(line) {
		if !allCaps(w) {
			return false
		}
		words++
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
		if titleWords[s.toks[k].low] {
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
	for a > 0 && !toks[a-1].breakAfter && !toks[a-1].poss && (capitalised(toks[a-1].text) || connectors[toks[a-1].low]) {
		a--
	}
	for a < i && !capitalised(toks[a].text) {
		a++
	}
	b := i + 1
	for b < len(toks) && !toks[b-1].breakAfter && !toks[b-1].poss && (capitalised(toks[b].text) || connectors[toks[b].low]) {
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
	for i, t := range toks {
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
		if s.covered[i] != 0 {
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
			if headKeywords[toks[k].low] || leadKeywords[toks[k].low] {
				org = true
			}
			if !capitalised(toks[k].text) && !connectors[toks[k].low] {
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
	for i, t := range toks {
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
	var content []int
	for k := i - 1; k >= 0 && k >= i-len(letters)*3; k-- {
		if k < i-1 && (s.toks[k].breakAfter || s.toks[k].newline) {
			break
		}
		if connectors[s.toks[k].low] {
			continue
		}
		content = append([]int{k}, content...)
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
	var rec func(w, l int) bool
	rec = func(w, l int) bool {
		if w == len(idx) {
			return l == len(letters)
		}
		if l >= len(letters) {
			return false
		}
		t := toks[idx[w]]
		var options [][]rune
		first, _ := utf8.DecodeRuneInString(t.low)
		options = append(options, []rune{first})
		if strings.Contains(t.low, "-") {
			var parts []rune
			for _, p := range strings.Split(t.low, "-") {
				if r, _ := utf8.DecodeRuneInString(p); r != utf8.RuneError {
					parts = append(parts, r)
				}
			}
			options = append(options, parts)
		}
		if allCaps(t.text) && len(t.text) > 1 {
			var all []rune
			for _, r := range t.low {
				if unicode.IsLetter(r) {
					all = append(all, r)
				}
			}
			options = append(options, all)
		}
		for _, opt := range options {
			if l+len(opt) > len(letters) {
				continue
			}
			ok := true
			for k, r := range opt {
				if letters[l+k] != r {
					ok = false
					break
				}
			}
			if ok && rec(w+1, l+len(opt)) {
				return true
			}
		}
		return false
	}
	return rec(0, 0)
}

// demonyms finds states named by adjective: "the Mauritanian state".
func (s *scan) demonyms() {
	for i := 0; i+1 < len(s.toks); i++ {
		t := s.toks[i]
		if s.covered[i] != 0 || !capitalised(t.text) || !stateNouns[s.toks[i+1].low] || t.breakAfter {
			continue
		}
		country := demonyms[t.low]
		if country == "" && strings.HasSuffix(t.low, "n") {
			if fm, n := s.f.longest([]token{{text: t.text[:len(t.text)-1], low: t.low[:len(t.low)-1]}}, 0, true); fm != nil && n == 1 && fm.kind == argmap.ActorState {
				country = fm.name
			}
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
			adjective := capitalised(tk.text) && !allCaps(tk.text) && (demonyms[tk.low] != "" ||
				strings.HasSuffix(tk.low, "an") || strings.HasSuffix(tk.low, "ern"))
			if !adjective && (!isLowerWord(tk.text) || officialLead[tk.low] || stateDeterminers[tk.low] ||
				functionWords[tk.low] || modifierStops[tk.low] || connectors[tk.low] ||
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
	for i := 0; i < len(toks); {
		if s.covered[i] != 0 || !capitalised(toks[i].text) {
			i++
			continue
		}
		// Extend over capitalised words and connectors not yet covered.
		j := i + 1
		for j < len(toks) && s.covered[j] == 0 && !toks[j-1].breakAfter && !toks[j-1].poss &&
			(capitalised(toks[j].text) || connectors[toks[j].low]) {
			// Split "X Foundation and Y Council" after a head keyword.
			if toks[j].low == "and" && headKeywords[toks[j-1].low] {
				break
			}
			j++
		}
		for j > i+1 && !capitalised(toks[j-1].text) {
			j--
		}
		s.patternOrg(i, j)
		i = j
	}
}

// patternOrg records tokens [i, j) as an organisation if they look like one.
func (s *scan) patternOrg(i, j int) {
	toks := s.toks
	for i < j && (toks[i].low == "the" || junkWords[toks[i].low] || roleWords[toks[i].low] || honorifics[toks[i].low] ||
		(i > 0 && roleWords[toks[i-1].low] && connectors[toks[i].low])) {
		i++
	}
	for i < j && connectors[toks[i].low] {
		i++
	}
	if j-i < 2 {
		return
	}
	last := toks[j-1].low
	lead := leadKeywords[toks[i].low] && connectors[toks[i+1].low]
	if !headKeywords[last] && !lead {
		return
	}
	content := 0
	for k := i; k < j; k++ {
		l := toks[k].low
		if connectors[l] || organWords[l] || headKeywords[l] || leadKeywords[l] || allDigits(l) {
			continue
		}
		content++
	}
	if content == 0 {
		return
	}
	for k := i; k < j; k++ {
		if titleWords[toks[k].low] && !headKeywords[toks[k].low] {
			return
		}
	}
	name := strings.Join(strings.Fields(s.text[toks[i].start:toks[j-1].end]), " ")
	kind := argmap.ActorOrganisation
	if canon, ok := s.f.Canonical(name); ok {
		name, kind = canon, s.f.kinds[canon]
	}
	s.add(i, j, name, kind)
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
	for i := 0; i < len(toks); i++ {
		if honorifics[toks[i].low] && capitalised(toks[i].text) {
			j := i + 1
			for j < len(toks) && j-i <= 3 && capitalised(toks[j].text) && s.covered[j] == 0 && !allCaps(toks[j].text) &&
				!headKeywords[toks[j].low] && !toks[j-1].newline && (j == i+1 || !toks[j-1].breakAfter || len(toks[j-1].text) == 1) {
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
	// "First Last, Director General"
	for i := 0; i+2 < len(toks); i++ {
		if !capitalised(toks[i].text) || !capitalised(toks[i+1].text) || s.covered[i] != 0 || s.covered[i+1] != 0 {
			continue
		}
		if allCaps(toks[i].text) || allCaps(toks[i+1].text) || toks[i].breakAfter || junkWords[toks[i].low] {
			continue
		}
		gap := s.text[toks[i+1].end:toks[i+2].start]
		if strings.TrimSpace(gap) != "," || !roleWords[toks[i+2].low] {
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
