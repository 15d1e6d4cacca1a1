package extract

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Label is what a sentence is to the argument.
type Label int

// Labels.
const (
	LabelOther    Label = iota // boilerplate, headings, announcements, courtesies, requests
	LabelClaim                 // a proposition: thesis, finding, evaluation, criticism, recommendation
	LabelEvidence              // backing: figures, events, reports, observations, cited works
)

// String returns the label's name.
func (l Label) String() string {
	switch l {
	case LabelClaim:
		return "claim"
	case LabelEvidence:
		return "evidence"
	}
	return "other"
}

// Verdict is the classification of one sentence, with the cues that fired.
type Verdict struct {
	Label Label
	Score float64  // confidence in the label, 0..1
	Kind  string   // evidence kind (argmap.Evidence*), for evidence
	Cues  []string // "kind:phrase" for every cue that fired
}

// The roles stage: every unit of the body is a claim, evidence or other
// (classify, over the unit's surface and the weights and word classes of
// features.go), a block of page furniture is other, a sentence broken over
// two lines takes the furniture verdict of either half, and every claim or
// evidence learns the actors it names and the speaker asserting it.

// assignRoles is the roles stage.
func assignRoles(d *state) {
	units := d.units
	// the furniture verdicts' one-cue lists, cut from one array, each
	// capped at its cue (an append to one copies it)
	var cues []string
	for i := range units {
		u := &units[i]
		if u.furniture != "" {
			if cues == nil {
				cues = make([]string, 0, len(units)-i)
			}
			cues = append(cues, u.furniture)
			u.Verdict = Verdict{Label: LabelOther, Score: 0.9, Cues: cues[len(cues)-1 : len(cues) : len(cues)]}
		} else {
			u.Verdict = classify(u.surf, u.sec)
		}
	}
	// A sentence broken over two lines that were not joined takes the
	// furniture verdict of either half.
	text, segs := d.text, d.segs
	for k := 0; k+1 < len(units); k++ {
		a, b := &units[k], &units[k+1]
		if a.Seg == b.Seg || segs[a.Seg].Para != segs[b.Seg].Para || endsSentence(text[a.Start:a.End]) || !startsLower(text[b.Start:b.End]) {
			continue
		}
		if isFurniture(a.Verdict) && !isFurniture(b.Verdict) {
			b.Verdict = a.Verdict
		} else if isFurniture(b.Verdict) && !isFurniture(a.Verdict) {
			a.Verdict = b.Verdict
			if k > 0 {
				k -= 2
			}
		}
	}
	// the units' named actors, cut from one array: each unit's part has
	// room for its mentions and is capped there
	var names []string
	for i := range units {
		u := &units[i]
		if u.Label == LabelOther {
			u.speakers = nil
			continue
		}
		ms := mentionsIn(d.mentions, u.Start, u.End)
		if u.named == nil && len(ms) > 0 {
			if cap(names)-len(names) < len(ms) {
				names = make([]string, 0, max(len(ms), len(d.mentions)))
			}
			u.named = names[len(names) : len(names) : len(names)+len(ms)]
			names = names[:len(names)+len(ms)]
		}
		for _, m := range ms {
			if !contains(u.named, m.Name) {
				u.named = append(u.named, m.Name)
			}
		}
		if len(u.speakers) > 0 {
			u.speakers = append([]string(nil), u.speakers...)
		}
	}
}

// isFurniture reports whether a verdict found page furniture.
func isFurniture(v Verdict) bool {
	return v.Label == LabelOther && len(v.Cues) > 0 && (strings.HasPrefix(v.Cues[0], "chrome") || v.Cues[0] == "metadata")
}

// announcement reports whether s only announces what a text does ("This
// paper examines ...") without stating a finding. The announcing shapes are
// looked for first, the finding verbs that cancel them only when one is
// found (most sentences have neither).
func announcement(s surface) bool {
	return announces(s) && !findingVerb(s.ws)
}

// findingVerb reports whether words ws hold a phrase of findingVerbs: one
// pass over the words, where a search of the padded words for each phrase
// read the sentence nineteen times.
func findingVerb(ws []string) bool {
	for i, w := range ws {
		if findingFirst.may(w) && findingFirsts[w] && phraseOf(ws[i:], findingVerbs) {
			return true
		}
	}
	return false
}

// findingFirsts are the first words of findingVerbs.
var findingFirsts = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range findingVerbs {
		m[strings.Fields(f)[0]] = true
	}
	return m
}()

// findingFirst tells the lengths and first bytes of findingFirsts.
var findingFirst = newLenFirst(findingFirsts)

// phraseOf reports whether ws opens with one of phrases.
func phraseOf(ws []string, phrases []string) bool {
	for _, ph := range phrases {
		if phraseAt(ws, ph) {
			return true
		}
	}
	return false
}

// announces reports whether s has the shape of an announcement.
func announces(s surface) bool {
	p := s.p
	if s.flags&flagEvent != 0 && (strings.Contains(p, " released ") || strings.Contains(p, " published ")) &&
		(strings.Contains(p, " has just released ") || strings.Contains(p, " has just published ") ||
			strings.Contains(p, " have just released ") || strings.Contains(p, " has released its ")) {
		return true
	}
	ws := s.ws
	for i := 0; i+1 < len(ws); i++ {
		if s.wflags[i]&flagSelf == 0 {
			continue
		}
		j := i + 1
		if j+1 < len(ws) && (ws[j] == "present" || ws[j] == "introductory" || ws[j] == "special") {
			j++
		}
		if !selfNouns[ws[j]] {
			continue
		}
		rest := ws[j+1:]
		for k := 0; k < len(rest) && k < 3; k++ {
			if announceVerbs[rest[k]] {
				return true
			}
		}
		if len(rest) > 1 && rest[0] == "we" && announceVerbs[rest[1]+"s"] {
			return true
		}
	}
	// "First, it provides an overview": the text again, as "it"
	ws = s.ws
	for len(ws) > 1 && ordinals[ws[0]] {
		ws = ws[1:]
	}
	if len(ws) > 1 && ws[0] == "it" && announceVerbs[ws[1]] && ws[1] != "does" && ws[1] != "also" && ws[1] != "will" {
		return true
	}
	// "Two themes are pursued."; "This paper does so in two parts."
	if s.nWords <= 8 {
		for _, m := range []string{"are pursued", "is pursued", "are addressed", "are discussed", "are examined",
			"are explored", "are considered", "does so", "do so", "is structured", "are structured",
			"is organised", "is organized"} {
			if hasPhrase(p, m) && (!strings.HasSuffix(m, " so") || textDoesSo(ws, m)) {
				return true
			}
		}
	}
	return false
}

// textDoesSo tells whether the "do so" or "does so" m in ws tells what the
// text or its writers do: its subject is the text ("The essay does so in
// four parts.") or the first person ("We do so in two steps."). Without
// that frame "do so" takes up an action of the sentence before ("To do so
// would cost a decade, mind you."), and "so" of degree before a word of
// amount or manner ("Few changes do so much for so little.") is no
// announcement either.
func textDoesSo(ws []string, m string) bool {
	verb := strings.Fields(m)[0]
	for i := 1; i+1 < len(ws); i++ {
		if ws[i] != verb || ws[i+1] != "so" {
			continue
		}
		if i+2 < len(ws) {
			switch ws[i+2] {
			case "much", "many", "little", "few", "well", "badly", "often", "far", "easily", "quickly":
				continue
			}
		}
		if selfNouns[ws[i-1]] || ws[i-1] == "we" || ws[i-1] == "i" {
			return true
		}
	}
	return false
}

// apparatus reports whether s describes the text's own presentation
// ("Subheadings are taken from ...", "Translations are mine").
func apparatus(s surface) bool {
	head := s.ws
	if len(head) > 3 {
		head = head[:3]
	}
	for _, w := range head {
		switch w {
		case "subheadings", "subheading", "headings", "epigraph", "epigraphs", "emphasis", "italics",
			"translations", "translation", "abbreviations":
			return true
		}
	}
	return false
}

// rhetorical reports whether a question asserts a position rather than asks.
func rhetorical(s surface) (string, bool) {
	p := s.p
	for _, req := range []string{"anyone", "anybody", "any ideas", "does someone", "can someone", "what do you think",
		"thoughts", "where can i", "how do i", "could someone", "please"} {
		if hasPhrase(p, req) {
			return "", false
		}
	}
	if len(s.ws) > 0 {
		switch s.ws[0] {
		case "doesn't", "don't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "shouldn't",
			"can't", "couldn't", "didn't", "hasn't", "haven't", "doesnt", "dont", "isnt", "arent", "or":
			return s.ws[0], true
		}
	}
	for _, c := range []string{"how can someone", "how can anyone", "how can one", "how can they",
		"how can you", "how can we", "why should", "why would", "is it not", "surely",
		"isn't it", "aren't they", "doesn't it", "don't they", "how could"} {
		if hasPhrase(p, c) {
			return c, true
		}
	}
	return "", false
}

// urlOnly reports whether s, of nWords words, is nothing but a link or
// address.
func urlOnly(text string, nWords int) bool {
	if !linkMarks(text) {
		return nWords < 2 && len(strings.Fields(text)) < 2
	}
	n := 0
	for _, f := range strings.Fields(text) {
		lf := strings.ToLower(f)
		if strings.Contains(lf, "http") || strings.HasPrefix(lf, "www.") || strings.Contains(lf, "@") ||
			strings.Contains(lf, ".com") || strings.Contains(lf, ".org") || strings.Contains(lf, ".int") {
			continue
		}
		if len(words(f)) > 0 {
			n++
		}
	}
	return n < 2
}

// linkMarks reports whether text has "http", "www.", "@", ".com", ".org"
// or ".int": three scans where there were six, the four with a full stop
// read at each full stop (a sentence has few).
func linkMarks(text string) bool {
	if strings.IndexByte(text, '@') >= 0 || strings.Contains(text, "http") {
		return true
	}
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i >= 3 && text[i-3:i] == "www" {
			return true
		}
		switch rest := text[i+1:]; {
		case strings.HasPrefix(rest, "com"), strings.HasPrefix(rest, "org"), strings.HasPrefix(rest, "int"):
			return true
		}
		j := strings.IndexByte(text[i+1:], '.')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

// Classify labels one sentence in its section. It looks only at the
// sentence's own words and the kind of section it stands in.
func Classify(text string, sec Section) Verdict {
	if sec == SectionBibliography || sec == SectionApparatus || sec == SectionChrome {
		return Verdict{Label: LabelOther, Score: 0.9, Cues: []string{"section"}}
	}
	return classify(surfaceOf(text), sec)
}

// classify is Classify on a sentence whose surface is already computed.
func classify(s surface, sec Section) Verdict {
	if sec == SectionBibliography || sec == SectionApparatus || sec == SectionChrome {
		return Verdict{Label: LabelOther, Score: 0.9, Cues: []string{"section"}}
	}
	text := s.text
	other := func(cue string) Verdict { return Verdict{Label: LabelOther, Score: 0.8, Cues: []string{cue}} }
	if s.nWords == 0 || urlOnly(text, s.nWords) {
		return other("no words")
	}
	found := s.cues
	if c := found[setChrome]; c != "" && !chromeOverruled(s, c) {
		return other("chrome:" + c)
	}
	if c := chromeText(text, s.p, s.ws); c != "" {
		return other("chrome:" + c)
	}
	if c := found[setCourtesy]; c != "" {
		return other("courtesy:" + c)
	}
	if apparatus(s) {
		return other("apparatus")
	}
	if s.terminal == ':' {
		return other("lead-in")
	}
	// the cues found, gathered on the stack and copied once into the
	// verdict (heapCues), where appending grew a list from nil
	var cueBuf [8]string
	cues := cueBuf[:0]
	claim, ev := 0.0, 0.0
	evKind := ""
	addEv := func(kind, cue string, w float64) {
		ev += w
		cues = append(cues, "evidence:"+cue)
		if evKind == "" {
			evKind = kind
		}
	}
	if s.terminal == '?' {
		cue, ok := rhetorical(s)
		if !ok {
			return other("question")
		}
		claim += wRhetorical
		cues = append(cues, "rhetorical question:"+cue)
	}
	if announcement(s) {
		return other("announcement")
	}
	for i, cs := range claimCues {
		if m := found[i]; m != "" {
			claim += cs.weight
			cues = append(cues, cueLabel(claimLabels[i], cs.name, m))
		}
	}
	if claim == 0 {
		if v := holdsView(s.ws); v != "" {
			// "I reckon …", "I'd bet that …": the writer's view, not
			// the writer telling of themself (only when no other claim
			// cue said so already)
			claim += claimCues[setPosition].weight
			cues = append(cues, "position:"+v)
		}
	}
	// evidence cues
	for i, cs := range evidenceCues {
		if cs.phrases == nil {
			continue
		}
		if m := found[setEvidence+i]; m != "" {
			if m == "according to" && !s.firstWords(4, m) {
				continue // "sorted according to categories" reports nothing
			}
			if cs.name == "report" && !reportVerb(s.ws, m) {
				continue
			}
			kind := evidenceKinds[cs.name]
			w := cs.weight
			if cs.name == "report" && strings.Contains(s.p, " "+m+" that ") {
				w += wReportThat
			}
			addEv(kind, cueLabel(evidenceLabels[i], cs.name, m), w)
		}
	}
	if narrativeCitation(text) {
		addEv("citation", "cited finding", wCitedFinding)
	}
	if s.firstWords(6, "for example") || s.firstWords(6, "for instance") || s.firstWords(2, "e.g") || s.firstWords(1, "see") {
		addEv("observation", "example", wExample)
	}
	if s.firstWords(2, "there is") || s.firstWords(2, "there are") || s.firstWords(2, "there's") {
		for _, w := range s.ws {
			switch w {
			case "denunciation", "critique", "article", "report", "story", "piece", "analysis", "account", "review",
				"paper", "study", "video", "interview", "statement", "website", "blog", "petition", "letter":
				addEv("citation", "pointer:"+w, wPointer)
			}
		}
	}
	// statistics and events
	month, eventVerb, quantity := s.flags&flagMonth != 0, s.flags&flagEvent != 0, s.flags&flagQuantity != 0
	year, number := false, false
	for _, w := range s.ws {
		switch {
		case w != "" && w[0] >= '0' && w[0] <= '9':
			if isYear(w) {
				year = true
			} else {
				number = true
			}
		case hasDigit(w):
			number = true
		}
	}
	if number || s.hasWords("all", "but") || s.hasWords("more", "than", "half") {
		if !quantity {
			for _, q := range quantityPhrases {
				if hasPhrase(s.p, q) {
					quantity = true
					break
				}
			}
		}
		if quantity {
			addEv("statistic", "statistic", wStatistic)
		}
	}
	if (year || month) && eventVerb {
		addEv("event", "dated event", wDatedEvent)
	} else if claim < signal && ((year || month || s.flags&flagRelativeTime != 0 && relativeTime(s.p)) && pastVerb(s.ws) || pluperfect(s.ws)) {
		// a narrative of what happened, with no evaluation
		addEv("event", "narrative", wNarrative)
	}
	if s.nWords < 4 && s.terminal != '!' && ev == 0 && found[setPosition] == "" {
		return other("fragment")
	}
	if s.terminal == 0 && (year || month) && claim < signal && ev < signal {
		return other("dateline")
	}
	if structure(s) {
		return other("structure")
	}
	if pagination(s.ws) {
		return other("chrome:pagination")
	}
	if s.terminal == 0 && s.upper && s.funcN == 0 {
		return other("label")
	}
	if s.funcN == 0 && s.nWords <= 8 && claim < signal && (sec == SectionNotes || labelList(text)) &&
		!narrativeCitation(text) && !s.firstWords(3, "see") {
		// "Interview, City, Month, Year.", "Agency voicemail.": a label
		// naming a source, with no verb or function word. In the notes it
		// tells where a statement came from (a source note, which backs no
		// claim of its own); in the body it is a dateline.
		if sec == SectionNotes {
			return Verdict{Label: LabelEvidence, Score: 0.5, Kind: "citation", Cues: []string{SourceNoteCue}}
		}
		return other("dateline")
	}
	if reaction(s) {
		return other("exclamation")
	}
	if sec == SectionNotes {
		if ev > 0 {
			return Verdict{Label: LabelEvidence, Score: clamp(evidenceBase + perPoint*ev), Kind: evKind, Cues: heapCues(cues)}
		}
		return other("note")
	}
	if s.nWords <= 12 && s.capShare >= 0.7 && claim < signal && ev < signal {
		return other("title case")
	}
	if ev >= signal && ev >= claim {
		return Verdict{Label: LabelEvidence, Score: clamp(evidenceBase + perPoint*ev), Kind: evKind, Cues: heapCues(cues)}
	}
	if s.funcN == 0 && s.nWords < 6 && claim < signal && !shortSentence(s) {
		return other("fragment")
	}
	if len(cues) == 0 && firstPersonSingular(s.ws) {
		// the writer telling of themself, with nothing asserted about the world
		return other("personal")
	}
	if len(cues) == 0 {
		return Verdict{Label: LabelClaim, Score: clamp(claimBase + perPoint*claim), Cues: []string{"declarative"}}
	}
	return Verdict{Label: LabelClaim, Score: clamp(claimBase + perPoint*claim), Cues: heapCues(cues)}
}

// heapCues returns a copy of cues on the heap, nil for none (as a list
// grown from nil by appending was).
func heapCues(cues []string) []string {
	if len(cues) == 0 {
		return nil
	}
	return append([]string(nil), cues...)
}

// shortSentence reports whether a segment of four or five words without a
// function word is still a sentence of prose: it ends in a full stop, has
// no comma, and most of its words are in lower case ("Constant contact
// wears people out.", "Fewer cars mean fewer accidents."), where a label
// or a dateline is capitalised or listed ("Annual Report 2019.",
// "Interview, Leeds, May 2020.").
func shortSentence(s surface) bool {
	return s.terminal == '.' && s.nWords >= 4 && s.capShare < 0.5 && !strings.Contains(s.text, ",")
}

// chromeOverruled reports whether a sentence holding the chrome cue c is
// still a claim: a weak cue (not one of strongChrome) in a sentence of six
// words or more that says what ought to be done of a third party ("The
// city should stop licensing them.", "Librarians should be paid more."),
// not to the reader ("You should log in …", "Please …", "Click …"), or in
// a full sentence of prose (prose) that speaks neither of the page nor to
// its reader ("Queues at the checkout grow longer every winter.").
func chromeOverruled(s surface, c string) bool {
	if strongChrome[c] || s.nWords < 6 || len(s.ws) == 0 {
		return false
	}
	if prose(s, c) {
		return true
	}
	if s.cues[setRecommend] == "" {
		return false
	}
	switch s.ws[0] {
	case "you", "your", "please", "click", "to", "for", "if", "we":
		return false
	}
	return true
}

// prose reports whether s, holding the chrome cue c, is a full sentence of
// prose that only uses a word of furniture: c is one word ("checkout",
// "download"; a phrase, "may be reproduced", "find out more", is a formula
// of the page's own text), and s has eight words or more ending in a full
// stop, mostly in lower case, a finite verb other than c, and no word of
// the page or its reader (pageWords: "this article", "the website",
// "you", "click", …), which page furniture written as a sentence has
// ("Readers may download this report free of charge.").
func prose(s surface, c string) bool {
	if strings.IndexByte(c, ' ') >= 0 || s.nWords < 8 || s.terminal != '.' || s.capShare >= 0.5 {
		return false
	}
	verb := false
	for _, w := range s.ws {
		if pageWords[w] {
			return false
		}
		if !verb && w != c && isVerbForm(w) {
			verb = true
		}
	}
	return verb
}

// pageWords name a page, a publication or a site, or speak to its reader.
var pageWords = func() map[string]bool {
	m := wordSet(`publication publications website websites site sites page pages webpage blog forum thread reader readers
		visitor visitors subscriber subscribers
		you your yours please click here`)
	for w := range selfNouns {
		m[w] = true
	}
	for _, w := range webNouns {
		m[w] = true
	}
	return m
}()

// labelList reports whether text is a list of labels: three or more
// comma-separated parts of at most three words each ("Interview, London,
// June, 2006"), as in datelines and source notes.
func labelList(text string) bool {
	parts := strings.Split(strings.TrimRight(strings.TrimSpace(text), ".;"), ",")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// SourceNoteCue marks evidence that only names where a statement came from
// ("Interview, London, June, 2006."): kept as evidence, never wired as
// support of a claim.
const SourceNoteCue = "source note"

// reaction reports whether a sentence is a short exclamation with no
// subject ("So true!", "Absolutely brilliant!", "Well said!"): at most six
// words, at most one word that is not a function word, and no pronoun or
// demonstrative for it to be about. Such a reaction expresses a feeling; it
// states no proposition. "This is brilliant!" has a subject — it evaluates
// what "this" refers to — and stays a claim.
func reaction(s surface) bool {
	if s.terminal != '!' || s.nWords > 6 {
		return false
	}
	for _, w := range s.ws {
		switch w {
		case "this", "that", "these", "those", "it", "he", "she", "they", "we", "you", "i":
			return false
		}
	}
	content := 0
	for _, w := range s.ws {
		if wordFlags(w)&flagFunction == 0 && !degreeAdverbs[w] {
			content++
		}
	}
	return content <= 1
}

// clamp keeps a score in 0.05..0.95, rounded to two decimals.
func clamp(f float64) float64 {
	if f > 0.95 {
		return 0.95
	}
	if f < 0.05 {
		return 0.05
	}
	return math.Round(f*100) / 100
}

// reportVerb reports whether the report cue m found in ws reports speech:
// "states that" after a determiner names states ("the states that fund
// it"), and "told" before a story ("has told one story") narrates.
func reportVerb(ws []string, m string) bool {
	first := strings.Fields(m)[0]
	for i, w := range ws {
		if w != first {
			continue
		}
		switch first {
		case "states":
			if i > 0 {
				switch ws[i-1] {
				case "the", "these", "those", "member", "some", "many", "all", "other", "of", "its", "their",
					"our", "most", "few", "several", "and", "european", "african", "western", "nation":
					return false
				}
			}
		case "told":
			if i+1 < len(ws) {
				switch ws[i+1] {
				case "a", "one", "this", "that", "its", "their", "the", "another", "two":
					for k := i + 1; k < len(ws) && k <= i+3; k++ {
						if ws[k] == "story" || ws[k] == "stories" || ws[k] == "tale" {
							return false
						}
					}
				}
			}
		}
		return true
	}
	return true
}

// narrativeCitation reports whether a sentence reports a cited work as its
// subject near its start: "Webber (2011) showed that ...", "On one side,
// Smith and Jones (2011) say ...".
func narrativeCitation(text string) bool {
	lim := len(text)
	if lim > 140 {
		lim = 140
	}
	for i := 0; i+6 <= lim; i++ {
		if text[i] != '(' {
			continue
		}
		j := i + 1
		for j < len(text) && j < i+6 && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if j-i-1 != 4 || j >= len(text) || text[j] != ')' {
			continue
		}
		if !isYear(text[i+1 : j]) {
			continue
		}
		// the cited name stands right before the bracket, capitalised
		k := i - 1
		for k >= 0 && text[k] == ' ' {
			k--
		}
		if k < 0 {
			continue
		}
		w := k
		for w >= 0 && text[w] != ' ' && text[w] != '\n' {
			w--
		}
		if w+1 > k || text[w+1] < 'A' || text[w+1] > 'Z' {
			if r, _ := utf8.DecodeRuneInString(text[w+1:]); !unicode.IsUpper(r) {
				continue
			}
		}
		rest := words(text[j+1 : min(len(text), j+40)])
		if len(rest) > 0 && citeVerbs[rest[0]] {
			return true
		}
		if len(rest) > 1 && (rest[0] == "also" || rest[0] == "too") && citeVerbs[rest[1]] {
			return true
		}
	}
	return false
}

// pastVerb reports whether ws holds a past-tense verb after its first word:
// an irregular one, or a word in -ed that follows a subject-like word.
func pastVerb(ws []string) bool {
	for i := 1; i < len(ws); i++ {
		w := ws[i]
		if irregularPast[w] {
			return true
		}
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !functionWordBefore(ws[i-1]) {
			return true
		}
	}
	return false
}

// functionWordBefore reports whether a word before an -ed form makes it an
// adjective or a passive participle rather than a past verb ("the
// so-called", "is contested", "are detained").
func functionWordBefore(w string) bool {
	switch w {
	case "the", "a", "an", "is", "are", "be", "been", "being", "its", "their", "our", "his", "her", "very",
		"more", "most", "not", "so", "as", "of", "by", "so-called", "well", "ill", "badly", "closely":
		return true
	}
	return false
}

// pluperfect reports whether ws tells background in the past perfect ("had
// been held", "had signed").
func pluperfect(ws []string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "had" {
			continue
		}
		n := ws[i+1]
		if n == "been" || n == "already" || irregularPast[n] || len(n) > 4 && strings.HasSuffix(n, "ed") {
			return true
		}
	}
	return false
}

// relativeTime reports a narrative time phrase ("weeks later", "two years
// ago") in padded words p.
func relativeTime(p string) bool {
	for _, t := range relativeTimes {
		if hasPhrase(p, t) {
			return true
		}
	}
	return false
}

// structure reports whether a short sentence only announces how many points
// follow ("Two structural points stay with me.").
func structure(s surface) bool {
	if s.nWords > 8 || len(s.ws) < 2 || !countWords[s.ws[0]] {
		return false
	}
	for _, w := range s.ws[1:min(4, len(s.ws))] {
		if structureNouns[w] {
			return true
		}
	}
	return false
}

// pagination reports "Page 1 of 3".
func pagination(ws []string) bool {
	return len(ws) == 4 && ws[0] == "page" && hasDigit(ws[1]) && ws[2] == "of" && hasDigit(ws[3])
}

// firstPersonSingular reports whether the sentence in ws opens with the
// writer speaking as "I": "I teach ...", or a participle clause then "I"
// ("Reading the report again, I ...").
func firstPersonSingular(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	isI := func(w string) bool {
		switch w {
		case "i", "i'm", "i’m", "i've", "i’ve":
			return true
		}
		return false
	}
	if isI(ws[0]) {
		return true
	}
	if len(ws[0]) < 5 || !strings.HasSuffix(ws[0], "ing") {
		return false
	}
	for k := 1; k < len(ws) && k <= 12; k++ {
		if isI(ws[k]) {
			return true
		}
	}
	return false
}
