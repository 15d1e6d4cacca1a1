package actor

import (
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// sayVerbs are verbs of saying and holding a view, in the forms that follow
// their subject: "Bradley argues", "Ashutosh and Mountz argue", "UNHCR said".
// Forms that are also plural nouns ("states", "reports", "notes") are left
// out: "Western states" is no speaker.
var sayVerbs = wordSet(`say says said argue argues argued write writes wrote noted claimed contend contends contended
	warn warns warned insist insists insisted maintain maintains maintained suggest suggests suggested conclude
	concludes concluded observe observes observed explain explains explained tell tells told assert asserts asserted
	believe believes believed admit admits admitted acknowledge acknowledges acknowledged emphasise emphasises
	emphasised emphasize emphasizes emphasized`)

// auxiliaries are the verbs an agent's clause may open with: "IOM has",
// "UNHCR will".
var auxiliaries = wordSet(`is was are were has have had will would can could should shall may might must does did do
	remains remained`)

// pastForms are irregular past forms of common verbs of acting: "UNHCR
// met", "IOM spoke".
var pastForms = wordSet(`met spoke made took gave went began became led ran paid sent kept held brought built left sought
	fought won lost chose grew drew knew saw felt meant stood understood undertook withdrew`)

// beForms open a passive when a participle follows: "the DTM was used".
var beForms = wordSet(`is was are were be been being`)

// notNames are capitalised words that open a sentence without naming
// anyone: pronouns, determiners and quantifiers.
var notNames = wordSet(`it its they them their we our he she his her i you your one who which what some many most
	others other several few both all each every any no none this that these those there here such`)

// orgNouns name the kind of an organisation in an apposition: "Sea-Watch,
// a German NGO".
var orgNouns = wordSet(`ngo ngos charity organisation organization agency body network group foundation
	institute association alliance coalition union fund council committee movement party`)

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// cues finds, in one pass over the tokens, those the passes of this file
// read: acronyms, words after an opening bracket, verbs of saying after a
// name, "by", "itself", "according", and capitalised words before a comma.
func (s *scan) cues() {
	toks := s.toks
	for i, t := range toks {
		if t.text == "" {
			continue
		}
		c := t.text[0]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf && capitalised(t.text) {
			s.caps = append(s.caps, i)
			if acronymLike(t.text) {
				s.acronyms = append(s.acronyms, i)
			}
			if t.end < len(s.text) && s.text[t.end] == ',' && capitalised(t.text) {
				s.commas = append(s.commas, i)
			}
		} else if c >= 'a' && c <= 'z' {
			switch t.low {
			case "by", "itself", "according":
				s.cueWords = append(s.cueWords, i)
			default:
				if i == 0 {
					break
				}
				if p := toks[i-1].text; (capitalised(p) || allDigits(p)) && sayVerbs[t.low] {
					s.says = append(s.says, i)
				}
			}
		}
		if t.start > 0 && s.text[t.start-1] == '(' {
			s.parens = append(s.parens, i)
		}
	}
}

// lineStart reports whether token i opens a sentence or a line.
func (s *scan) lineStart(i int) bool {
	if i == 0 {
		return true
	}
	p := s.toks[i-1]
	if p.newline {
		return true
	}
	gap := s.text[p.end:s.toks[i].start]
	return strings.ContainsAny(gap, ".!?:;\n")
}

// sentenceStart reports whether token i opens a sentence: a full stop,
// question or exclamation mark, or a blank line before it (a line break
// alone may be a hard wrap).
func (s *scan) sentenceStart(i int) bool {
	if i == 0 {
		return true
	}
	gap := s.text[s.toks[i-1].end:s.toks[i].start]
	return strings.ContainsAny(gap, ".!?") || strings.Count(gap, "\n") > 1
}

// agents finds the actors a text names where they act: acronyms it does not
// define used as agents ("UNHCR says", "IOM's mandate", "IOM has"), and
// names before a verb of saying or after "according to" ("Megan Bradley
// argues", "Ashutosh and Mountz (2011) argue").
func (s *scan) agents() {
	toks := s.toks
	// acronyms the text defines: a definition that did not give an actor
	// (the "Displacement Tracking Matrix (DTM)") names no actor
	s.defined = map[string]bool{}
	for _, i := range s.parens {
		t := toks[i]
		if i > 0 && s.covered[i] == 0 && acronymLike(t.text) && s.longNameStart(i, t.text) >= 0 {
			s.defined[t.text] = true
		}
	}
	// mark adds every occurrence of the acronyms in set as organisations
	mark := func(set map[string]bool) {
		if len(set) == 0 {
			return
		}
		for _, i := range s.acronyms {
			if s.covered[i] == 0 && set[toks[i].text] && !s.capsLine(i) {
				s.add(i, i+1, toks[i].text, argmap.ActorOrganisation)
			}
		}
	}
	candidate := func(i int) bool {
		t := toks[i]
		return s.covered[i] == 0 && !s.place[i] && s.plainAcronym(t.text) && !s.defined[t.text] && !s.f.other[t.text] && !s.capsLine(i)
	}
	agent := map[string]bool{}
	for _, i := range s.acronyms {
		if candidate(i) && (toks[i].poss || s.acts(i+1) || s.according(i) || s.coordinated(i)) {
			agent[toks[i].text] = true
		}
	}
	mark(agent)
	// an acronym set beside an organisation's is one too: "both IOM and
	// UNHCR", "IOM has no such mandate, unlike UNHCR"
	like := map[string]bool{}
	for _, i := range s.acronyms {
		if i > 0 && candidate(i) && s.besideOrganisation(i) {
			like[toks[i].text] = true
		}
	}
	mark(like)
	// names that say something
	var names [][]string
	says := func(yield func(int) bool) {
		// the verbs of saying and each "according", in text order
		a, b := s.says, s.cueWords
		for len(a) > 0 || len(b) > 0 {
			var i int
			if len(b) == 0 || len(a) > 0 && a[0] < b[0] {
				i, a = a[0], a[1:]
			} else {
				i, b = b[0], b[1:]
			}
			if !yield(i) {
				return
			}
		}
	}
	for i := range says {
		t := toks[i]
		var a, b int
		switch {
		case sayVerbs[t.low]:
			b = i
			// "Bradley (2020) argues", "Bradley, 2020, argues"
			if allDigits(toks[b-1].text) && len(toks[b-1].text) == 4 {
				b--
			} else if toks[b-1].breakAfter {
				continue
			}
			a = b
			for a > 0 && b-a < 7 {
				p := toks[a-1]
				if a < b && p.breakAfter {
					break
				}
				if capitalised(p.text) || p.low == "and" && a < b && a >= 2 && capitalised(toks[a-2].text) {
					a--
					continue
				}
				break
			}
		case t.low == "according" && i+2 < len(toks) && toks[i+1].low == "to" && !t.breakAfter && !toks[i+1].breakAfter:
			a = i + 2
			b = a
			for b < len(toks) && b-a < 7 && (capitalised(toks[b].text) || toks[b].low == "and" && b > a && b+1 < len(toks) && capitalised(toks[b+1].text)) {
				b++
				if toks[b-1].breakAfter {
					break
				}
			}
		default:
			continue
		}
		cited := b < len(toks) && allDigits(toks[b].text)
		for _, part := range s.nameParts(a, b) {
			if n := s.addName(part[0], part[1], cited); n != nil {
				names = append(names, n)
			}
		}
	}
	s.otherOccurrences(names)
}

// comparers set one thing beside another of its kind: "unlike UNHCR".
var comparers = wordSet(`unlike like than and or nor versus vs`)

// besideOrganisation reports whether token i follows a word that sets it
// beside an organisation the scan found earlier in the sentence: "IOM and
// UNHCR", "IOM has no such mandate, unlike UNHCR".
func (s *scan) besideOrganisation(i int) bool {
	p := i - 1
	if s.toks[p].low == "the" && p > 0 {
		p--
	}
	if !comparers[s.toks[p].low] {
		return false
	}
	for k := p - 1; k >= 0; k-- {
		if c := s.covered[k]; c != 0 && s.ms[c-1].Kind == argmap.ActorOrganisation {
			return true
		}
		if s.sentenceStart(k) {
			break
		}
	}
	return false
}

// plainAcronym reports whether w is an acronym of three to eight capitals
// that is no Roman numeral.
func (s *scan) plainAcronym(w string) bool {
	if len(w) < 3 || len(w) > 8 {
		return false
	}
	roman := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'A' || c > 'Z' {
			return false
		}
		if !strings.ContainsRune("IVXLCDM", rune(c)) {
			roman = false
		}
	}
	return !roman
}

// acts reports whether token j opens a verb phrase of which the word before
// is the agent: an auxiliary or a verb of saying, or a verb in -s or -ed,
// but not a passive ("was used").
func (s *scan) acts(j int) bool {
	if j >= len(s.toks) || s.toks[j-1].breakAfter {
		return false
	}
	w := s.toks[j].low
	if !isLowerWord(s.toks[j].text) {
		return false
	}
	if beForms[w] && j+1 < len(s.toks) && strings.HasSuffix(s.toks[j+1].low, "ed") {
		return false
	}
	if auxiliaries[w] || sayVerbs[w] || pastForms[w] {
		return true
	}
	return len(w) > 3 && (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") ||
		strings.HasSuffix(w, "ed"))
}

// coordinated reports whether the acronym at token i is coordinated with
// another that acts: "UNHCR and the IOM met".
func (s *scan) coordinated(i int) bool {
	j := i + 1
	if j >= len(s.toks) || s.toks[i].breakAfter || s.toks[j].low != "and" {
		return false
	}
	k := j + 1
	if k < len(s.toks) && s.toks[k].low == "the" {
		k++
	}
	return k < len(s.toks) && s.plainAcronym(s.toks[k].text) && (s.toks[k].poss || s.acts(k+1))
}

// according reports whether token i follows "according to".
func (s *scan) according(i int) bool {
	return i >= 2 && s.toks[i-2].low == "according" && s.toks[i-1].low == "to"
}

// nameParts splits the capitalised tokens [a, b) at "and" into names, each
// [start, end): "Ashutosh and Mountz" gives two.
func (s *scan) nameParts(a, b int) [][2]int {
	var out [][2]int
	start := a
	for k := a; k <= b; k++ {
		if k == b || s.toks[k].low == "and" {
			if k > start {
				out = append(out, [2]int{start, k})
			}
			start = k + 1
		}
	}
	return out
}

// addName records tokens [a, b) as the name of who says something: an
// organisation when it ends in an organisation word or is an acronym,
// otherwise a person. A capitalised word opening a sentence is part of the
// name only when the text writes it so elsewhere too, or the name is cited
// with a year ("Critics say" is no name, "Later Megan Bradley wrote" is
// Megan Bradley's). It returns the person's words, or nil.
func (s *scan) addName(a, b int, cited bool) []string {
	toks := s.toks
	for a < b && (toks[a].low == "the" || s.is(a, clNotName) || s.is(a, clJunk)) {
		a++
	}
	if b-a >= 3 && s.lineStart(a) && !cited && !s.writtenMidSentence(toks[a].text, a) {
		a++
	}
	if a >= b || b-a > 4 {
		return nil
	}
	for k := a; k < b; k++ {
		if s.covered[k] != 0 || s.place[k] || !capitalised(toks[k].text) || s.is(k, clNotName) || s.is(k, clJunk) ||
			s.is(k, clHonorific) && k == b-1 || s.is(k, clRole) || s.is(k, clTitle) {
			return nil
		}
	}
	if b-a == 1 {
		w := toks[a].text
		if allCaps(w) {
			if s.plainAcronym(w) && !s.defined[w] && !s.f.other[w] {
				s.add(a, b, w, argmap.ActorOrganisation)
			}
			return nil
		}
		if s.lineStart(a) && !cited && !s.writtenMidSentence(w, a) {
			return nil
		}
	}
	if s.is(b-1, clHead) {
		s.add(a, b, strings.Join(words(toks[a:b]), " "), argmap.ActorOrganisation)
		return nil
	}
	if s.addPerson(a, b) {
		return words(toks[a:b])
	}
	return nil
}

// writtenMidSentence reports whether the text has w, capitalised as it is,
// somewhere other than token i and not opening a sentence.
func (s *scan) writtenMidSentence(w string, i int) bool {
	for k, t := range s.toks {
		if k != i && t.text == w && !s.lineStart(k) {
			return true
		}
	}
	return false
}

// otherOccurrences marks every other occurrence of the full person names
// found.
func (s *scan) otherOccurrences(names [][]string) {
	s.occurrences(names, argmap.ActorPerson)
}

// occurrences marks every other occurrence of the names found, as actors of
// the kind.
func (s *scan) occurrences(names [][]string, kind string) {
	if len(names) == 0 {
		return
	}
	byFirst := map[string][][]string{}
	for _, n := range names {
		byFirst[n[0]] = append(byFirst[n[0]], n)
	}
	for i := range s.toks {
		if !capitalised(s.toks[i].text) {
			continue
		}
		for _, n := range byFirst[s.toks[i].text] {
			if i+len(n) > len(s.toks) {
				continue
			}
			ok := true
			for k, w := range n {
				if s.toks[i+k].text != w {
					ok = false
					break
				}
			}
			if ok && s.add(i, i+len(n), strings.Join(n, " "), kind) {
				break
			}
		}
	}
}

// demonymOfState reports whether token k is an adjective of a state the
// Finder knows: "Mauritanian".
func (s *scan) demonymOfState(k int) bool {
	t := s.toks[k]
	if !strings.HasSuffix(t.low, "n") {
		return false
	}
	fm, n := s.f.longest([]token{{text: t.text[:len(t.text)-1], low: t.low[:len(t.low)-1]}}, 0, true)
	return fm != nil && n == 1 && fm.kind == argmap.ActorState
}

// selfNames are the verbs with which an organisation gives itself another
// name: "IOM has called itself the UN Migration Agency".
var selfNames = wordSet(`call calls called calling describe describes described describing name names named style
	styles styled brand brands branded present presents presented`)

// selfNamed folds the name an organisation gives itself into its own: in
// "IOM, which describes itself as the UN Migration Agency", the UN
// Migration Agency is IOM.
func (s *scan) selfNamed() {
	rename := map[string]string{}
	for _, i := range s.cueWords {
		if i < 2 || i+1 >= len(s.toks) || s.toks[i].low != "itself" || !selfNames[s.toks[i-1].low] {
			continue
		}
		k := i + 1
		for k < len(s.toks) && (s.toks[k].low == "as" || s.toks[k].low == "the") {
			k++
		}
		if k >= len(s.toks) || s.covered[k] == 0 {
			continue
		}
		y := s.ms[s.covered[k]-1]
		if y.Kind != argmap.ActorOrganisation || y.Start != s.toks[k].start {
			continue
		}
		// who names itself is the nearest organisation of the sentence that
		// acts ("IOM has", "IOM joins", "IOM, which"), else the nearest:
		// not the UN of "IOM joins the UN system and begins to call itself"
		subject, nearest := "", ""
		for j := i - 2; j >= 0 && subject == ""; j-- {
			if c := s.covered[j]; c != 0 && s.ms[c-1].Kind == argmap.ActorOrganisation && s.ms[c-1].Name != y.Name {
				if nearest == "" {
					nearest = s.ms[c-1].Name
				}
				end := j + 1
				if end < len(s.toks) && (s.acts(end) || s.text[s.toks[j].end] == ',') {
					subject = s.ms[c-1].Name
				}
			}
			// a sentence, or a row of a table, begins
			if s.sentenceStart(j) || j > 0 && s.toks[j-1].newline && strings.Contains(s.text[s.toks[j-1].end:s.toks[j].start], "|") {
				break
			}
		}
		if subject == "" {
			subject = nearest
		}
		if subject != "" {
			rename[y.Name] = subject
		}
	}
	if len(rename) == 0 {
		return
	}
	for k := range s.ms {
		if to, ok := rename[s.ms[k].Name]; ok {
			s.ms[k].Name = to
		}
	}
}

// authorWords, before "by", name who wrote or issued a text: "Joint
// statement by Oxfam and Save the Children", "Issued by the Return Rights
// Monitor".
var authorWords = wordSet(`statement statements issued signed submitted published written declaration letter
	communique communiqué report submission`)

// authors finds who a text says wrote or issued it: the names after
// "statement by", "issued by". A single word or a name with a connector or
// an organisation word is an organisation ("Oxfam", "Save the Children");
// two or three capitalised words are a person.
func (s *scan) authors() {
	toks := s.toks
	var orgs, people [][]string
	for _, i := range s.cueWords {
		if i < 1 || i+1 >= len(toks) || toks[i].low != "by" || !authorWords[toks[i-1].low] || toks[i-1].breakAfter || toks[i].breakAfter {
			continue
		}
		a, the := i+1, false
		if a < len(toks) && toks[a].low == "the" {
			a, the = a+1, true // "by the Return Rights Monitor": no person
		}
		b := a
		for b < len(toks) && b-a < 10 && (capitalised(toks[b].text) || b > a && s.is(b, clConnector) && b+1 < len(toks) && capitalised(toks[b+1].text)) {
			b++
			if toks[b-1].breakAfter {
				break
			}
		}
		for _, part := range s.nameParts(a, b) {
			p, q := part[0], part[1]
			for p < q && toks[p].low == "the" {
				p++
			}
			if p >= q {
				continue
			}
			org := the || q-p == 1 || q-p > 3 || s.is(q-1, clHead)
			for k := p; k < q; k++ {
				if s.is(k, clConnector) {
					org = true
				}
			}
			name := strings.Join(words(toks[p:q]), " ")
			if org {
				if (!allCaps(name) || s.plainAcronym(name)) && s.add(p, q, name, argmap.ActorOrganisation) {
					orgs = append(orgs, words(toks[p:q]))
				}
			} else if s.addPerson(p, q) {
				people = append(people, words(toks[p:q]))
			}
		}
	}
	s.occurrences(orgs, argmap.ActorOrganisation)
	s.occurrences(people, argmap.ActorPerson)
}

// appositions finds organisations a text describes as such: "Sea-Watch, a
// German NGO", "Alarm Phone, an activist network".
func (s *scan) appositions() {
	toks := s.toks
	for _, i := range s.commas {
		if i+2 >= len(toks) || s.covered[i] != 0 || allCaps(toks[i].text) {
			continue
		}
		// the capitalised run [a, b) ends at i and a comma follows
		b := i + 1
		if strings.TrimSpace(s.text[toks[i].end:toks[b].start]) != "," {
			continue
		}
		if det := toks[b].low; det != "a" && det != "an" {
			continue
		}
		found := false
		for k := b + 1; k < len(toks) && k <= b+5; k++ {
			if !isLowerWord(toks[k].text) && !allCaps(toks[k].text) && s.f.demonyms[toks[k].low] == "" && !s.demonymOfState(k) {
				break // "a Standing Committee": a name, not a description
			}
			if orgNouns[toks[k].low] {
				found = k+1 >= len(toks) || toks[k].breakAfter || !isLowerWord(toks[k+1].text) || s.is(k+1, clConnector) ||
					toks[k+1].low == "that" || toks[k+1].low == "which" || toks[k+1].low == "who"
				break
			}
			if toks[k].breakAfter {
				break
			}
		}
		if !found {
			continue
		}
		a := i
		for a > 0 && i-a < 4 && capitalised(toks[a-1].text) && !toks[a-1].breakAfter && s.covered[a-1] == 0 {
			a--
		}
		for a < i && (toks[a].low == "the" || s.is(a, clNotName) || s.is(a, clJunk)) {
			a++
		}
		if a == i && s.lineStart(a) && !s.writtenMidSentence(toks[a].text, a) {
			continue
		}
		ok := true
		for k := a; k <= i; k++ {
			if s.place[k] || s.is(k, clNotName) || s.is(k, clJunk) {
				ok = false
			}
		}
		if ok {
			s.add(a, i+1, strings.Join(words(toks[a:i+1]), " "), argmap.ActorOrganisation)
		}
	}
}

// initials finds organisations a text names by the initials of a name it
// writes out elsewhere without defining them: "Human Rights Watch" ...
// "AI & HRW" gives HRW to Human Rights Watch and AI to Amnesty
// International.
func (s *scan) initials() {
	type long struct {
		name, kind string
		toks       []token
	}
	var longs []long
	seen := map[string]bool{}
	for _, m := range s.ms {
		if m.Kind != argmap.ActorOrganisation || seen[m.Name] {
			continue
		}
		ts := tokenize(m.Surface)
		if len(ts) < 2 {
			continue
		}
		seen[m.Name] = true
		longs = append(longs, long{m.Name, m.Kind, ts})
	}
	if len(longs) == 0 {
		return
	}
	// a long name whose initials spell an acronym the text uses as an
	// organisation's name is that organisation: "International
	// Organization for Migration" ... "IOM has"
	acr := map[string]bool{}
	count := map[string]int{}
	for _, m := range s.ms {
		if m.Kind == argmap.ActorOrganisation && m.Name != "" {
			count[m.Name]++
			if acronymLike(m.Name) && allCaps(m.Name) {
				acr[m.Name] = true
			}
		}
	}
	// the words of each long name that give an initial (not its
	// connectors), and each acronym's letters, found once
	idxs := make([][]int, len(longs))
	for n, l := range longs {
		idx := make([]int, 0, len(l.toks))
		for k, lt := range l.toks {
			if !connectors[lt.low] {
				idx = append(idx, k)
			}
		}
		idxs[n] = idx
	}
	acrLetters := make(map[string][]rune, len(acr))
	for a := range acr {
		acrLetters[a] = []rune(strings.ToLower(a))
	}
	rename := map[string]string{}
	for n, l := range longs {
		idx := idxs[n]
		for a := range acr {
			letters := acrLetters[a]
			if len(idx) == len(letters) && initialsMatch(l.toks, idx, letters) {
				// the name the text uses more often is the canonical one
				if count[a] >= count[l.name] {
					rename[l.name] = a
				} else {
					rename[a] = l.name
				}
			}
		}
	}
	if len(rename) > 0 {
		for k := range s.ms {
			if to, ok := rename[s.ms[k].Name]; ok {
				s.ms[k].Name = to
			}
		}
	}
	for _, i := range s.acronyms {
		t := s.toks[i]
		if s.covered[i] != 0 || s.place[i] || !allCaps(t.text) || s.f.other[t.text] || s.capsLine(i) {
			continue
		}
		letters := []rune(t.low)
		for n, l := range longs {
			idx := idxs[n]
			if len(idx) <= len(letters) && initialsMatch(l.toks, idx, letters) {
				s.add(i, i+1, l.name, l.kind)
				break
			}
		}
	}
}
