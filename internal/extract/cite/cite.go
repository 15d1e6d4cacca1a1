// Package cite finds references to other works: author–year citations in
// running text ("(see Georgi 2019)", "Andrijasevic and Walters (2010)") and
// bibliography entries ("Pécoud, Antoine. 2018. “Title.” Journal 44 (10).").
package cite

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Citation is one reference to another work.
type Citation struct {
	Author       string   // first author's surname ("Georgi", "Pécoud", "IOM")
	Authors      []string // every author's surname, in order
	Year         string   // four digits; a suffix such as "2019a" is kept in Text only
	Start, End   int      // byte offsets in the text passed in, End exclusive
	Text         string   // text[Start:End]
	Title, Venue string   // bibliography entries only
	Bibliography bool     // true for a bibliography or reference entry
}

// notAuthors are capitalised words that are not authors when they stand
// before a year: months, weekdays, document parts, events and instruments.
var notAuthors = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "mon": true, "tue": true,
	"wed": true, "thu": true, "fri": true, "sat": true, "sun": true, "spring": true, "summer": true,
	"autumn": true, "fall": true, "winter": true, "since": true, "in": true, "see": true, "also": true,
	"received": true, "accepted": true, "published": true, "posted": true, "joined": true, "updated": true,
	"copyright": true, "page": true, "pages": true, "vol": true, "volume": true, "no": true, "issue": true,
	"table": true, "figure": true, "fig": true, "article": true, "section": true, "chapter": true,
	"act": true, "protocol": true, "convention": true, "council": true, "summit": true, "war": true,
	"forum": true, "report": true, "until": true, "before": true, "after": true, "by": true, "from": true,
	"of": true, "to": true, "and": true, "the": true, "on": true, "at": true, "as": true, "during": true,
	"year": true, "years": true, "early": true, "late": true, "mid": true, "usd": true, "eur": true,
	"gbp": true, "us": true, "cup": true, "games": true, "olympics": true, "election": true, "elections": true,
	"agenda": true, "vision": true, "strategy": true, "plan": true, "budget": true, "census": true,
	"edition": true, "ed": true, "eds": true, "et": true, "al": true, "pp": true, "p": true, "ibid": true,
	"today": true, "circa": true, "ca": true, "c": true, "fy": true, "q": true, "version": true, "v": true,
}

// prepositions before an author make a narrative citation unlikely: "in
// Libya (2011)".
var prepositions = map[string]bool{
	"in": true, "at": true, "from": true, "to": true, "of": true, "on": true, "into": true,
	"across": true, "since": true, "until": true, "during": true, "throughout": true, "within": true,
}

// citeLeads may open a parenthetical citation: "(see also Geiger and Pécoud 2014)".
var citeLeads = []string{"see also", "see, e.g.,", "see e.g.", "see, for example,", "see", "e.g.,", "e.g.", "cf.", "compare", "for example,", "for instance,", "also", "quoted in", "cited in", "as in", "following", "after"}

// yearAt reports whether a citation year starts at i: four digits 1800–2099 not
// part of a longer number, optionally followed by one lower-case letter. It
// returns the end of the digits and the end of the suffix.
func yearAt(text string, i int) (digitsEnd, end int, ok bool) {
	if i+4 > len(text) {
		return 0, 0, false
	}
	for k := i; k < i+4; k++ {
		if text[k] < '0' || text[k] > '9' {
			return 0, 0, false
		}
	}
	if !(text[i] == '1' && text[i+1] >= '8' || text[i] == '2' && text[i+1] == '0') {
		return 0, 0, false
	}
	if i > 0 && (isDigit(text[i-1]) || text[i-1] == '-' || text[i-1] == '/' || text[i-1] == '.') {
		return 0, 0, false
	}
	end = i + 4
	if end < len(text) && (isDigit(text[end]) || text[end] == '-' && end+1 < len(text) && isDigit(text[end+1])) {
		return 0, 0, false
	}
	if end < len(text) && text[end] == '/' && end+1 < len(text) && isDigit(text[end+1]) {
		return 0, 0, false
	}
	digitsEnd = end
	if end < len(text) && text[end] >= 'a' && text[end] <= 'h' && (end+1 == len(text) || !isLetterByte(text[end+1])) {
		end++
	}
	return digitsEnd, end, true
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// InText finds author–year citations in running text: parenthetical ones
// ("(see Georgi 2019)", "(Smith et al. 2003; Jones 1999)", "(Kipp and Koch
// 2018, p. 18)", "(Heller & Pécoud 2019)") and narrative ones
// ("Andrijasevic and Walters (2010)", "IOM (2008)", and the publisher
// artefact "McKinley (Citation2000)"). It returns one Citation per work cited
// at each place, in text order. Dates ("Received 31 Dec 2009", "(as of July
// 2021)"), bare years ("in 1951", "Since the 1990s") and ranges
// ("2014-16") are not citations. Works referred to by title with a
// resolvable year and author ("this year's paper entitled “... IOM Policy
// ...”" under a dated statement header) are included, as Titled finds them
// with no fallback year or author.
func InText(text string) []Citation {
	var out []Citation
	lastEnd := -1 // end of the previous citation's year
	var lastAuthors []string
	lastStart := 0
	// a year opens with '1' or '2': the scan jumps from one to the next,
	// found by IndexByte (next1, next2: the first of each at or after a
	// place at or before i; len(text) for none)
	next1, next2 := -1, -1
	for i := 0; i+4 <= len(text); i++ {
		if next1 < i {
			next1 = indexFrom(text, i, '1')
		}
		if next2 < i {
			next2 = indexFrom(text, i, '2')
		}
		if i = min(next1, next2); i+4 > len(text) {
			break
		}
		dEnd, end, ok := yearAt(text, i)
		if !ok {
			continue
		}
		year := text[i:dEnd]
		// A further year of the same author: "(Georgi 2019, 2020)".
		if sep := strings.TrimSpace(text[max(0, min(lastEnd, i)):i]); lastEnd >= 0 && lastEnd <= i && i-lastEnd <= 3 && (sep == "," || sep == ";") {
			out = append(out, Citation{Author: lastAuthors[0], Authors: lastAuthors, Year: year,
				Start: lastStart, End: end, Text: text[lastStart:end]})
			lastEnd = end
			i = end - 1
			continue
		}
		if cit, ok := narrative(text, i, dEnd, end); ok {
			out = append(out, cit)
			lastEnd, lastAuthors, lastStart = cit.End, cit.Authors, cit.Start
			if cit.End < len(text) && text[cit.End] == ')' {
				lastEnd = -1
			}
			i = end - 1
			continue
		}
		if cit, ok := parenthetical(text, i, end); ok {
			cit.Year = year
			out = append(out, cit)
			lastEnd, lastAuthors, lastStart = end, cit.Authors, cit.Start
			i = end - 1
			continue
		}
	}
	if titled := Titled(text, "", ""); len(titled) > 0 {
		out = append(out, titled...)
		sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	}
	return out
}

// narrative recognises "Author (YEAR)" with the year at i.
func narrative(text string, i, dEnd, end int) (Citation, bool) {
	p := i
	if strings.HasSuffix(text[:p], "Citation") {
		p -= len("Citation")
	}
	if p == 0 || text[p-1] != '(' {
		return Citation{}, false
	}
	// What follows the year: ")", ", p. 18)", ": 45)", ", 2019)".
	rest := text[end:min(len(text), end+48)]
	close := strings.IndexByte(rest, ')')
	if close < 0 || close > 40 || strings.ContainsAny(rest[:close], "(\n") {
		return Citation{}, false
	}
	inner := strings.TrimSpace(rest[:close])
	if inner != "" && !pageSpec(inner) {
		return Citation{}, false
	}
	q := p - 1
	for q > 0 && text[q-1] == ' ' {
		q--
	}
	start, authors, ok := authorsBefore(text, q)
	if !ok {
		// A titled document of an organisation: "UNHCR's Global Trends
		// Report (2019)".
		if s, org, ok := possessiveTitleBefore(text, q); ok {
			e := end + close + 1
			return Citation{Author: org, Authors: []string{org}, Year: text[i:dEnd], Start: s, End: e, Text: text[s:e]}, true
		}
		return Citation{}, false
	}
	// A preposition before a single name makes it a place ("in Libya
	// (2011)"); a list of names is authors ("the contributors to Geiger and
	// Pécoud (2010)").
	if w := wordBefore(text, start); prepositions[strings.ToLower(w)] && len(authors) < 2 {
		return Citation{}, false
	}
	e := end + close + 1
	return Citation{Author: authors[0], Authors: authors, Year: text[i:dEnd], Start: start, End: e, Text: text[start:e]}, true
}

// pageSpec reports whether s (the text after a year, before ")") is a page or
// locator: ", p. 18", ": 45", ", pp. 3–5, our translation", ", 2020".
func pageSpec(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, ",") || strings.HasPrefix(s, ":") {
		s = strings.TrimSpace(s[1:])
	} else {
		return false
	}
	if s == "" {
		return false
	}
	low := strings.ToLower(s)
	for _, p := range []string{"p.", "pp.", "p ", "pp ", "page", "chapter", "ch.", "emphasis", "our translation", "original", "para"} {
		if strings.HasPrefix(low, p) {
			return true
		}
	}
	return isDigit(s[0])
}

// parenthetical recognises "(... Author YEAR ...)" with the year at i.
func parenthetical(text string, i, end int) (Citation, bool) {
	// What follows: ")", ";", ",", ":" — the citation item ends.
	if end < len(text) {
		switch text[end] {
		case ')', ';', ',', ':', ']':
		default:
			return Citation{}, false
		}
	} else {
		return Citation{}, false
	}
	q := i
	if q > 0 && text[q-1] == ',' {
		// "Smith, 2003" (APA style)
	}
	for q > 0 && (text[q-1] == ' ' || text[q-1] == ',') {
		q--
	}
	if q == i {
		return Citation{}, false
	}
	start, authors, ok := authorsBefore(text, q)
	if !ok {
		return Citation{}, false
	}
	// The item must open the parenthesis or follow ";", maybe after "see".
	b := strings.TrimRight(text[:start], " ")
	for _, lead := range citeLeads {
		n := len(lead)
		if len(b) >= n && strings.EqualFold(b[len(b)-n:], lead) && (len(b) == n || !isLetterByte(b[len(b)-n-1])) {
			b = strings.TrimRight(b[:len(b)-n], " ")
			break
		}
	}
	if b == "" {
		return Citation{}, false
	}
	switch b[len(b)-1] {
	case '(', '[':
	case ';':
		if !insideParen(text, len(b)-1) {
			return Citation{}, false
		}
	default:
		return Citation{}, false
	}
	return Citation{Author: authors[0], Authors: authors, Start: start, End: end, Text: text[start:end]}, true
}

// insideParen reports whether position p lies inside an open parenthesis on
// the same line.
func insideParen(text string, p int) bool {
	depth := 0
	for k := p; k >= 0 && p-k < 600; k-- {
		switch text[k] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return true
			}
			depth--
		case '\n':
			return false
		}
	}
	return false
}

// wordBefore returns the word that ends just before position p (skipping
// spaces).
func wordBefore(text string, p int) string {
	q := p
	for q > 0 && text[q-1] == ' ' {
		q--
	}
	e := q
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:q])
		if !unicode.IsLetter(r) {
			break
		}
		q -= size
	}
	return text[q:e]
}

// authorsBefore parses an author list that ends at position p: "Georgi",
// "Geiger and Pécoud", "Heller & Pécoud", "Smith, Jones and Brown", "Smith et
// al.", "IOM". It returns where the list starts and the surnames in order.
func authorsBefore(text string, p int) (int, []string, bool) {
	var rev []string
	q := p
	// "et al." / "et al"
	for _, suf := range []string{" et al.", " et al"} {
		if strings.HasSuffix(text[:q], suf) {
			q -= len(suf)
			break
		}
	}
	for n := 0; n < 8; n++ {
		s, name, ok := surnameBefore(text, q)
		if !ok {
			if n == 0 {
				return 0, nil, false
			}
			break
		}
		rev = append(rev, name)
		q = s
		// Separator before: " and ", " & ", ", ", ", and ".
		sep := ""
		for _, cand := range []string{", and ", " and ", " & ", ", & ", ", ", " and\n", "\nand ", ",\n", ", and\n", " &\n"} {
			if strings.HasSuffix(text[:q], cand) {
				sep = cand
				break
			}
		}
		if sep == "" {
			break
		}
		s2, _, ok := surnameBefore(text, q-len(sep))
		if !ok {
			break
		}
		_ = s2
		q -= len(sep)
	}
	if len(rev) == 0 {
		return 0, nil, false
	}
	// A capitalised word glued before the first surname makes it a longer
	// name ("World Social Forum 2013"), not an author.
	if w := wordBefore(text, q); w != "" && q > 0 && text[q-1] == ' ' {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && !leadWord(w) {
			// Unless the name is an organisation's: "Human Rights Watch
			// (2019)", "World Bank 2018".
			if len(rev) != 1 || !orgHeads[strings.ToLower(rev[0])] {
				return 0, nil, false
			}
			s, name, ok := orgNameBefore(text, q, rev[0])
			if !ok {
				return 0, nil, false
			}
			return s, []string{name}, true
		}
	}
	authors := make([]string, len(rev))
	for k, a := range rev {
		authors[len(rev)-1-k] = a
	}
	return q, authors, true
}

// orgHeads end organisation names that can author a work.
var orgHeads = map[string]bool{
	"bank": true, "watch": true, "international": true, "commission": true, "organization": true,
	"organisation": true, "agency": true, "office": true, "fund": true, "institute": true, "programme": true,
	"parliament": true, "foundation": true, "network": true, "federation": true, "union": true,
}

// orgNameBefore extends an organisation author backwards from q over up to
// five capitalised words and connectors: "Human Rights" + "Watch".
func orgNameBefore(text string, q int, head string) (int, string, bool) {
	start := q
	p := q
	for n := 0; n < 6; n++ {
		for p > 0 && text[p-1] == ' ' {
			p--
		}
		w := wordBefore(text, p)
		if w == "" {
			break
		}
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(w)
		if unicode.IsUpper(r) && !leadWord(w) && !notAuthors[lw] {
			p -= len(w)
			start = p
			continue
		}
		if lw == "of" || lw == "for" || lw == "on" {
			p -= len(w)
			continue
		}
		break
	}
	if start == q {
		return 0, "", false
	}
	return start, text[start:q] + head, true
}

// leadWord reports whether w may stand before an author without being part of
// the name: "See Georgi (2019)", "Also see IOM (2008)".
func leadWord(w string) bool {
	switch strings.ToLower(w) {
	case "see", "also", "cf", "by", "and", "in", "as", "following", "according", "per", "e", "g", "compare", "please":
		return true
	}
	return false
}

// surnameBefore reads one surname ending at p: a capitalised word (letters,
// inner hyphens and apostrophes) with optional lower-case particles ("van",
// "de"), or an acronym ("IOM").
func surnameBefore(text string, p int) (int, string, bool) {
	q := p
	for q > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:q])
		if unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' {
			q -= size
			continue
		}
		break
	}
	w := strings.Trim(text[q:p], "-'’")
	for _, poss := range []string{"'s", "’s"} {
		if strings.HasSuffix(w, poss) && p-q == len(w) {
			w = strings.TrimSuffix(w, poss)
		}
	}
	if w == "" || w != text[q:p] && !strings.HasPrefix(text[q:p], w) {
		return 0, "", false
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 2 {
		return 0, "", false
	}
	if notAuthors[strings.ToLower(w)] {
		return 0, "", false
	}
	// particles: "van Houtum", "de Haas", "Van Loon"
	start := q
	for _, part := range []string{"van der ", "van den ", "van ", "von ", "de ", "da ", "del ", "della ", "di ", "du ", "le ", "la ",
		"Van der ", "Van den ", "Van ", "Von ", "De ", "Da ", "Del ", "Della ", "Di ", "Du ", "Le ", "La "} {
		if strings.HasSuffix(text[:start], part) {
			b := start - len(part)
			if b == 0 || !isLetterByte(text[b-1]) {
				return b, text[b:p], true
			}
		}
	}
	return start, w, true
}

// titledRe finds a work referred to by title: "this year's paper entitled
// “Migrants' Rights: IOM Policy and Activities.”".
var titledRe = regexp.MustCompile(`(?i)\b(report|paper|study|document|publication|policy|strategy|guidelines|handbook|brief|briefing|note|survey|review|resolution|declaration|statement|book|article)\s+(?:entitled|titled|called|named)\s+["“‘']([^"”’\n]{4,200})["”’']`)

// datePattern finds calendar dates: "2-4 December 2002", "Nov 02, 2006",
// "July 2021".
const datePattern = `\b(?:\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?:\s+\d{1,2},)?\s+((?:19|20)\d\d)\b`

// dateAt matches a date only where its input starts.
var dateAt = regexp.MustCompile(`\A(?:` + datePattern + `)`)

// lastDateYear returns the year of the last date
// regexp.MustCompile(datePattern).FindAllStringSubmatch finds in s, "" if
// none. A date starts with a digit or a month's capital after a
// non-word character (\b), so the search tries only such places, in order,
// and goes on after each date it finds, as FindAll does: the unanchored
// search tried every byte of a 4,000-byte window (3 % of extraction).
func lastDateYear(s string) string {
	y := ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || strings.IndexByte("JFMASOND", c) >= 0) || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		if !monthAhead(s[i:]) {
			continue
		}
		if m := dateAt.FindStringSubmatchIndex(s[i:]); m != nil {
			y = s[i+m[2] : i+m[3]]
			i += m[1] - 1
		}
	}
	return y
}

// monthAhead reports whether a date may start s: a month's abbreviation
// after any digits, spaces, hyphens and en dashes (what a day or days of
// the month before it consist of). Most places a date may start are not
// one; the regular expression is run on the others.
func monthAhead(s string) bool {
	i := 0
	for i < len(s) {
		switch c := s[i]; {
		case c >= '0' && c <= '9' || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '-':
			i++
			continue
		case strings.HasPrefix(s[i:], "–"):
			i += len("–")
			continue
		}
		break
	}
	if len(s)-i < 3 {
		return false
	}
	switch s[i : i+3] {
	case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isWordByte reports whether b is an ASCII word character, as \b reads
// them.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// datelineWindow bounds how far before "this year's" a dateline is looked for.
const datelineWindow = 4000

// yearNearRe finds a year written just before a titled work: "its 2019 report".
var yearNearRe = regexp.MustCompile(`\b((?:19|20)\d\d)\b`)

// Titled finds works a text refers to by title rather than by author and year
// ("this year's paper entitled “Migrants' Rights: IOM Policy and
// Activities.”"). The year is one written just before the title ("its 2019
// report entitled ..."), or, for "this year's", the year of the closest date
// written earlier in the text (a statement's dateline), else year. The author
// is an organisation acronym in the title ("IOM"), else one named with a
// possessive just before ("UNHCR's report"), else author. Works without a
// year or an author are left out.
func Titled(text, year, author string) []Citation {
	var out []Citation
	lastEnd := 0
	for _, m := range titledMatches(text) {
		start, end := m[0], m[1]
		if start < lastEnd {
			continue
		}
		lastEnd = end
		title := strings.TrimRight(strings.TrimSpace(text[m[4]:m[5]]), ".,;")
		lead := text[max(0, start-60):start]
		low := strings.ToLower(lead)
		y := ""
		near := lead[max(0, len(lead)-25):]
		if strings.Contains(low, "this year") || strings.Contains(low, "current year") {
			if y = lastDateYear(text[max(0, start-datelineWindow):start]); y == "" {
				y = year
			}
		} else if ys := yearNearRe.FindAllStringIndex(near, -1); len(ys) > 0 {
			k := ys[len(ys)-1]
			if w := strings.ToLower(wordBefore(near, k[0])); !prepositions[w] && w != "since" {
				y = near[k[0]:k[1]]
			}
		}
		if y == "" {
			continue
		}
		a := acronymIn(title)
		if a == "" {
			a = possessiveBefore(lead)
		}
		if a == "" {
			a = author
		}
		if a == "" {
			continue
		}
		out = append(out, Citation{Author: a, Authors: []string{a}, Year: y, Start: start, End: end, Text: text[start:end], Title: title})
	}
	return out
}

// titledMatches runs titledRe only around the words that can anchor it
// ("entitled", "titled", "called", "named"), which keeps InText linear and
// fast on long texts. Match offsets are relative to text, in order.
func titledMatches(text string) [][]int {
	var out [][]int
	for _, anchor := range titledAnchors {
		for from := 0; ; {
			k := indexByRare(text, from, anchor.s, anchor.rare)
			if k < 0 {
				break
			}
			from = k + len(anchor.s)
			a := max(0, k-24)
			for a > 0 && !utf8.RuneStart(text[a]) {
				a--
			}
			b := min(len(text), k+240)
			for b < len(text) && !utf8.RuneStart(text[b]) {
				b++
			}
			if !quotedAfterAnchor(text[a:b]) {
				continue // titledRe cannot match in the window
			}
			for _, m := range titledRe.FindAllStringSubmatchIndex(text[a:b], -1) {
				for i := range m {
					if m[i] >= 0 {
						m[i] += a
					}
				}
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// titledAnchors are the strings titledMatches looks for, each with the
// index of its rarest byte in English text, by which it is searched.
var titledAnchors = []struct {
	s    string
	rare int
}{{"itled", 2}, {"ITLED", 2}, {"alled", 2}, {"ALLED", 2}, {"amed ", 1}, {"AMED ", 1}}

// indexByRare returns the index of the first anchor in text at or after
// from, or -1: strings.Index(text[from:], anchor)+from, found by scanning
// for the byte anchor[rare] (strings.Index scans for the first byte,
// which for "alled" is the commonest letter but one).
func indexByRare(text string, from int, anchor string, rare int) int {
	c := anchor[rare]
	for q := from + rare; q < len(text); q++ {
		j := strings.IndexByte(text[q:], c)
		if j < 0 {
			return -1
		}
		q += j
		if k := q - rare; k+len(anchor) <= len(text) && text[k:k+len(anchor)] == anchor {
			return k
		}
	}
	return -1
}

// quotedAfterAnchor reports whether w has an opening quote (" “ ‘ ') after
// white space after a word ending in "titled", "called" or "named" (in any
// case): what every match of titledRe has, so a window without one is
// skipped.
func quotedAfterAnchor(w string) bool {
	for i := 0; i < len(w); i++ {
		q := 0
		switch {
		case w[i] == '"' || w[i] == '\'':
			q = 1
		case strings.HasPrefix(w[i:], "“") || strings.HasPrefix(w[i:], "‘"):
			q = 3
		}
		if q == 0 {
			continue
		}
		j := i
		for j > 0 && isRegexpSpace(w[j-1]) {
			j--
		}
		if j == i {
			continue // no white space before the quote
		}
		word := strings.ToLower(w[max(0, j-6):j])
		if strings.HasSuffix(word, "titled") || strings.HasSuffix(word, "called") || strings.HasSuffix(word, "named") {
			return true
		}
	}
	return false
}

// isRegexpSpace reports whether c is white space as \s means it in Go's
// regular expressions: \t \n \f \r and space.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// acronymIn returns the first all-capitals word of two to eight letters in s
// ("IOM" in "Migrants' Rights: IOM Policy and Activities").
func acronymIn(s string) string {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) < 2 || len(w) > 8 {
			continue
		}
		caps := true
		for _, r := range w {
			if !unicode.IsUpper(r) {
				caps = false
				break
			}
		}
		if caps {
			return w
		}
	}
	return ""
}

// possessiveBefore returns a capitalised name with a possessive at the end of
// lead: "UNHCR's latest" -> "UNHCR".
func possessiveBefore(lead string) string {
	for _, sep := range []string{"'s ", "’s "} {
		k := strings.LastIndex(lead, sep)
		if k <= 0 {
			continue
		}
		w := wordBefore(lead, k)
		if w != "" && unicode.IsUpper([]rune(w)[0]) && !notAuthors[strings.ToLower(w)] && strings.ToLower(w) != "this" {
			return w
		}
	}
	return ""
}

// titleJoiners may stand between the capitalised words of a title.
var titleJoiners = map[string]bool{"of": true, "for": true, "and": true, "on": true, "the": true, "in": true, "to": true, "&": true, "a": true}

// possessiveTitleBefore reads "ACRONYM's Title Words" ending at q: a title of
// two to twelve words, capitalised but for joiners, after an acronym's
// possessive. It returns where the acronym starts and the acronym.
func possessiveTitleBefore(text string, q int) (int, string, bool) {
	p := q
	capWords := 0
	lastCap := false
	for n := 0; n < 14; n++ {
		for p > 0 && (text[p-1] == ' ' || text[p-1] == '\n') {
			p--
		}
		e := p
		for p > 0 && text[p-1] != ' ' && text[p-1] != '\n' {
			p--
		}
		w := text[p:e]
		if w == "" {
			return 0, "", false
		}
		for _, poss := range []string{"'s", "’s"} {
			if org, ok := strings.CutSuffix(w, poss); ok {
				if capWords < 2 || !lastCap || !acronym(org) {
					return 0, "", false
				}
				return p, org, true
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) < 0:
			capWords++
			lastCap = true
		case titleJoiners[w] && capWords > 0:
			lastCap = false
		default:
			return 0, "", false
		}
	}
	return 0, "", false
}

// acronym reports whether w is two to eight upper-case letters: "IOM", "UNHCR".
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// indexFrom returns the index of the first c in text at or after from, or
// len(text) when there is none.
func indexFrom(text string, from int, c byte) int {
	if j := strings.IndexByte(text[from:], c); j >= 0 {
		return from + j
	}
	return len(text)
}
