package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bibliography parses one bibliography or reference entry, in the common
// author–year styles:
//
//	Georgi, Fabian. 2019. Managing Migration? ... Berlin: Bertz + Fischer.
//	Pécoud, A. (2018) Title. Journal 44(10)
//	Andrijasevic, Rutvica and Walters, William (2010). Title. Venue, 28(6) pp. 977–999.
//	Geiger, Martin, and Antoine Pécoud. 2014. “Title.” Journal 40 (6): 865–887.
//	IOM (2008) World Migration Report. Geneva: IOM.
//
// Offsets are relative to line; leading list markers ("1.", "[3]", "•") and
// surrounding spaces are outside the span. It reports false when line is not
// an entry.
func Bibliography(line string) (Citation, bool) {
	// Leading list markers: "1.", "[3]", "•", "-".
	off := 0
	for off < len(line) {
		r, size := utf8.DecodeRuneInString(line[off:])
		if r == ' ' || r == '\t' || r == '•' || r == '*' || r == '-' || r == '–' {
			off += size
			continue
		}
		if r == '[' || isDigit(line[off]) {
			k := off
			for k < len(line) && (isDigit(line[k]) || line[k] == '[' || line[k] == ']' || line[k] == '.' || line[k] == ')') {
				k++
			}
			if k < len(line) && line[k] == ' ' && k > off {
				off = k + 1
				continue
			}
		}
		break
	}
	// Citation-line labels: "To cite this article: ...", "Citation: ...".
	for _, label := range citeLabels {
		if len(line)-off > len(label) && strings.EqualFold(line[off:off+len(label)], label) {
			off += len(label)
			for off < len(line) && (line[off] == ' ' || line[off] == ':') {
				off++
			}
			break
		}
	}
	body := strings.TrimRightFunc(line[off:], unicode.IsSpace)
	if len(body) < 12 || len(body) > 2000 {
		return Citation{}, false
	}
	// Find the year: "(2019)", "(2019a)", ". 2019.", ", 2019.", "(2019, March 3)".
	yi, ye, yEnd := -1, -1, -1
	limit := min(len(body), 400)
	for i := 0; i+4 <= limit; i++ {
		if body[i] != '1' && body[i] != '2' {
			continue
		}
		dEnd, end, ok := yearAt(body, i)
		if !ok {
			continue
		}
		before := strings.TrimRight(body[:i], " ")
		if before == "" {
			break
		}
		pb := before[len(before)-1]
		after := ""
		if end < len(body) {
			after = body[end:]
		}
		switch {
		case pb == '(' && (strings.HasPrefix(after, ")") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ";")):
			close := strings.IndexByte(after, ')')
			if close < 0 || close > 30 {
				continue
			}
			yi, ye, yEnd = i, dEnd, end+close+1
		case (pb == '.' || pb == ',') && (strings.HasPrefix(after, ".") || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ":")):
			yi, ye, yEnd = i, dEnd, end+1
		default:
			continue
		}
		break
	}
	if yi < 0 {
		return yearLast(line, off, body)
	}
	authorPart := strings.TrimRight(body[:yi], " (.,")
	// An editors' mark between the names and the year: "(eds)", "(ed.)", "eds.".
	for _, ed := range []string{"(eds)", "(eds.)", "(ed)", "(ed.)", "(hg.)", "(hrsg.)", "eds.", "ed."} {
		if n := len(authorPart); n > len(ed) && strings.EqualFold(authorPart[n-len(ed):], ed) && authorPart[n-len(ed)-1] == ' ' {
			authorPart = strings.TrimRight(authorPart[:n-len(ed)], " (.,")
			break
		}
	}
	authors, ok := parseAuthorList(authorPart)
	if !ok {
		return yearLast(line, off, body)
	}
	rest := strings.TrimLeft(body[yEnd:], " .,:")
	title, venue := splitTitle(rest)
	if title == "" {
		return yearLast(line, off, body)
	}
	return Citation{
		Author: authors[0], Authors: authors, Year: body[yi:ye],
		Start: off, End: off + len(body), Text: body,
		Title: title, Venue: venue, Bibliography: true,
	}, true
}

// yearLast parses entries with the year at the end (MLA style):
// "Okafor, Lena. Brokers of Return. Oxford: Hart, 2016."
func yearLast(line string, off int, body string) (Citation, bool) {
	if len(body) > 600 || !strings.HasSuffix(body, ".") {
		return Citation{}, false
	}
	yi := len(body) - 5
	if yi < 1 {
		return Citation{}, false
	}
	dEnd, _, ok := yearAt(body, yi)
	if !ok || dEnd != len(body)-1 || (body[yi-1] != ' ' && body[yi-1] != ',') {
		return Citation{}, false
	}
	// Authors: "Surname, Given." up to the first ". " that is not an initial.
	end := -1
	for i := 0; i+1 < len(body); i++ {
		if body[i] == '.' && body[i+1] == ' ' && !initialBefore(body, i) {
			end = i
			break
		}
	}
	if end < 0 || !strings.Contains(body[:end], ",") {
		return Citation{}, false
	}
	authors, ok := parseAuthorList(body[:end])
	if !ok {
		return Citation{}, false
	}
	title, venue := splitTitle(strings.TrimSpace(body[end+1 : yi]))
	if title == "" {
		return Citation{}, false
	}
	return Citation{
		Author: authors[0], Authors: authors, Year: body[yi:dEnd],
		Start: off, End: off + len(body), Text: body,
		Title: title, Venue: strings.TrimRight(venue, " ,"), Bibliography: true,
	}, true
}

// citeLabels introduce a page's own citation line.
var citeLabels = []string{"To cite this article", "To cite this chapter", "Cite this article", "Cite this chapter",
	"Cite this", "How to cite", "Suggested citation", "Recommended citation", "Citation", "Reference"}

// IsBibliographyEntry reports whether line looks like a bibliography or
// reference entry.
func IsBibliographyEntry(line string) bool {
	_, ok := Bibliography(line)
	return ok
}

// parseAuthorList reads the author part of an entry and returns the surnames.
// It accepts "Surname, First", "Surname, F.", "Surname, First and Surname,
// First", "Surname, First, and First Surname", "Surname, F., Surname, G. &
// Surname, H.", "Surname F" and organisation authors ("IOM", "UNHCR",
// "European Commission").
func parseAuthorList(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"(eds.)", "(ed.)", "(Hg.)", "(Eds.)", "(Ed.)", "eds.", "ed."} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suf))
	}
	s = strings.TrimRight(s, " ,.")
	if s == "" || len(s) > 300 {
		return nil, false
	}
	etal := false
	for _, suf := range []string{"et al.", "et al"} {
		if strings.HasSuffix(s, suf) {
			s = strings.TrimRight(strings.TrimSuffix(s, suf), " ,")
			etal = true
		}
	}
	_ = etal
	// Split into people on " and ", " & ", ";".
	s = strings.ReplaceAll(s, " & ", " and ")
	s = strings.ReplaceAll(s, ", and ", " and ")
	s = strings.ReplaceAll(s, ";", " and ")
	parts := strings.Split(s, " and ")
	var people []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			return nil, false
		}
		// "Smith, J., Jones, K." -> split pairs
		fields := splitComma(p)
		people = append(people, groupNames(fields)...)
	}
	var surnames []string
	for k, p := range people {
		sn, ok := surnameOf(p, k == 0)
		if !ok {
			return nil, false
		}
		surnames = append(surnames, sn)
	}
	if len(surnames) == 0 {
		return nil, false
	}
	return surnames, true
}

// splitComma splits on commas and trims.
func splitComma(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// groupNames pairs "Surname", "Given" fields into people: ["Smith", "J.",
// "Jones", "K."] -> ["Smith, J.", "Jones, K."]; a field with a space and no
// initials ("Antoine Pécoud") is a person on its own.
func groupNames(fields []string) []string {
	var out []string
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if i+1 < len(fields) && givenName(fields[i+1]) && particleSurname(f) {
			out = append(out, f+", "+fields[i+1])
			i++
			continue
		}
		out = append(out, f)
	}
	return out
}

// particleSurname reports whether f is one word, or particles followed by
// one word ("Van Loon", "de Haas").
func particleSurname(f string) bool {
	words := strings.Fields(f)
	for _, w := range words[:max(0, len(words)-1)] {
		if !particle(strings.ToLower(w)) {
			return false
		}
	}
	return len(words) > 0
}

// givenName reports whether s looks like given names or initials: "Fabian",
// "A.", "J. K.", "Anne-Marie".
func givenName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// surnameOf returns the surname of one person as written in an author list:
// "Georgi, Fabian" -> "Georgi", "Antoine Pécoud" -> "Pécoud", "Smith J" ->
// "Smith", "IOM" -> "IOM". first is true for the first author, who is
// usually inverted.
func surnameOf(p string, first bool) (string, bool) {
	p = strings.TrimSpace(p)
	if i := strings.IndexByte(p, ','); i >= 0 {
		sn := strings.TrimSpace(p[:i])
		return sn, validSurname(sn)
	}
	words := strings.Fields(p)
	switch {
	case len(words) == 1:
		return words[0], validSurname(words[0])
	case len(words) <= 4:
		// "Smith J" / "Smith JK" (Vancouver) or "Antoine Pécoud" / "European Commission".
		lastw := words[len(words)-1]
		if isInitials(lastw) {
			return words[0], validSurname(words[0])
		}
		if allUpperOrg(words) {
			return p, true
		}
		// "Antoine Pécoud": surname last; particles kept out.
		for _, w := range words {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsUpper(r) && !particle(w) {
				return "", false
			}
		}
		if first && len(words) > 3 {
			return "", false
		}
		return lastw, validSurname(lastw)
	}
	return "", false
}

// allUpperOrg reports whether words look like an organisation author
// ("European Commission", "World Bank").
func allUpperOrg(words []string) bool {
	for _, w := range words {
		switch strings.ToLower(strings.Trim(w, ".")) {
		case "commission", "bank", "organization", "organisation", "council", "office", "agency", "union",
			"nations", "watch", "international", "ministry", "department", "parliament", "fund", "institute":
			return true
		}
	}
	return false
}

// isInitials reports whether w is initials: "J", "JK", "J.K.".
func isInitials(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if w == "" || len(w) > 3 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// particle reports whether w is a surname particle ("van", "de").
func particle(w string) bool {
	switch w {
	case "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "le", "la":
		return true
	}
	return false
}

// validSurname reports whether s can be a surname or organisation author.
func validSurname(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 40 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 4 {
		return false
	}
	last := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(last)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, w := range words {
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
				return false
			}
		}
	}
	return !notAuthors[strings.ToLower(last)]
}

// splitTitle splits what follows the year into title and venue: a quoted
// title (“...”), or the text up to the first ". " (keeping "?" and "!").
func splitTitle(rest string) (string, string) {
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return "", ""
	}
	for _, q := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		if strings.HasPrefix(rest, q[0]) {
			body := rest[len(q[0]):]
			if k := strings.Index(body, q[1]); k > 0 {
				title := strings.TrimRight(strings.TrimSpace(body[:k]), ".,")
				venue := cleanVenue(body[k+len(q[1]):])
				return title, venue
			}
		}
	}
	end := -1
	for i := 0; i < len(rest); i++ {
		if rest[i] == '.' && (i+1 == len(rest) || rest[i+1] == ' ') && !initialBefore(rest, i) {
			end = i
			break
		}
	}
	if end < 0 {
		return strings.TrimSpace(rest), ""
	}
	return strings.TrimSpace(rest[:end]), cleanVenue(rest[end+1:])
}

// initialBefore reports whether the dot at i ends a single capital initial.
func initialBefore(s string, i int) bool {
	return i >= 1 && s[i-1] >= 'A' && s[i-1] <= 'Z' && (i == 1 || s[i-2] == ' ')
}

// cleanVenue trims a venue to its name: "Journal of X 40 (6): 865–887." ->
// "Journal of X".
func cleanVenue(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, " .,"))
	if s == "" {
		return ""
	}
	if strings.HasPrefix(s, "In: ") || strings.HasPrefix(s, "In ") {
		s = s[3:]
		s = strings.TrimSpace(s)
	}
	cut := len(s)
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) || s[i] == '(' || (s[i] == '.' && (i+1 == len(s) || s[i+1] == ' ')) {
			cut = i
			break
		}
	}
	return strings.TrimRight(strings.TrimSpace(s[:cut]), " ,:;")
}
