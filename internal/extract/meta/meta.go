// Package meta reads what a document says about itself — title, authors,
// date, venue, DOI and kind — from its text: repository citation lines,
// journal page headers, bylines, forum thread headers and statement headers.
package meta

import (
	"bytes"
	"encoding/binary"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/cite"
	"github.com/argmap/argmap/internal/extract/swar"
)

// Meta is what a document says about itself. Date is "2010", "2010-11" or
// "2010-11-23"; Year its first four digits; Kind one of argmap's source kinds.
type Meta struct {
	Title   string
	Authors []string
	Date    string
	Year    string
	Kind    string
	Venue   string
	DOI     string
	URL     string
}

// headLines is how many lines from the top are searched for header cues.
const headLines = 60

var (
	doiRe       = regexp.MustCompile(`\b10\.\d{4,9}/[^\s"<>]+`)
	urlLineRe   = regexp.MustCompile(`(?i)^(?:url|permalink|permanent link|available (?:at|from)|link|source)\s*:?\s*(https?://\S+)`)
	publishedRe = regexp.MustCompile(`(?i)published(?: online)?:?\s+(\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})`)
	receivedRe  = regexp.MustCompile(`(?i)\b(received|accepted)\s+\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}`)
	pagesRe     = regexp.MustCompile(`(?i)^pages?\s+\d+\s*[-–]\s*\d+`)
	bylineRe    = regexp.MustCompile(`^((?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’-]+(?:\s+(?:and|&)\s+(?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’-]+)?),\s+((?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+(?:\d{1,2},\s+)?\d{4})$`)
	byRe        = regexp.MustCompile(`^(?i:by)\s+((?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’-]+(?:(?:,\s+|\s+and\s+|\s+&\s+)(?:[\p{Lu}][\p{L}'’.-]+\s+){1,3}[\p{Lu}][\p{L}'’-]+)*)$`)
	statementRe = regexp.MustCompile(`^(?:Joint\s+|Oral\s+|Written\s+)?[Ss]tatement\s+(?:by|of|from)\s+(.+?)\s*(?:\(([^()]*)\))?\s*$`)
	postedRe    = regexp.MustCompile(`(?:Posted|PostPosted|Posted on|Posted:)\s*:?\s*((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})`)
	subjectRe   = regexp.MustCompile(`Post subject:\s*(.*?)\s*(?:Reply with quote|$)`)
	dayMonthRe  = regexp.MustCompile(`(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+([A-Z][a-z]+)\.?,?\s+(\d{4})`)
	monthDayRe  = regexp.MustCompile(`([A-Z][a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})`)
	monthYearRe = regexp.MustCompile(`([A-Z][a-z]+)\.?\s+(\d{4})`)
	volumeRe    = regexp.MustCompile(`\d+\s*\(\d+\)|\bvol\.|\bpp?\.\s*\d`)
)

// months maps month names and abbreviations to numbers.
var months = map[string]string{
	"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
	"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12",
	"jan": "01", "feb": "02", "mar": "03", "apr": "04", "jun": "06", "jul": "07", "aug": "08",
	"sep": "09", "sept": "09", "oct": "10", "nov": "11", "dec": "12",
}

// Detect reads title, authors, date and year, venue, DOI, URL and kind from
// the document text itself; name (a file name or path) is the fallback
// title. It never fails: what it cannot find stays empty, except Title and
// Kind, which always get a value.
func Detect(text, name string) Meta {
	var m Meta
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(strings.TrimRight(lines[i], "\r"))
	}
	head := lines
	if len(head) > headLines {
		head = head[:headLines]
	}
	forum := isForum(text)
	if forum {
		m.Kind = argmap.SourceForumThread
		m.Title, m.Date = forumHeader(lines)
	}

	// A repository citation line that describes the document itself.
	if !forum {
		for i, l := range head {
			c, ok := cite.Bibliography(l)
			if !ok || !selfCitation(c, head, i) {
				continue
			}
			m.Title = c.Title
			m.Authors = fullNames(c.Text)
			m.Year = c.Year
			m.Venue = c.Venue
			if volumeRe.MatchString(c.Text) || strings.Contains(strings.ToLower(c.Venue), "journal") {
				m.Kind = argmap.SourceArticle
			}
			break
		}
	}

	for i, l := range head {
		// Journal page header: "Pages 21-38 | Received ... Published online: 10 Feb 2011".
		if pm := matchIf(publishedRe, l, "ublished", "UBLISHED"); pm != nil && m.Date == "" {
			m.Date = parseDate(pm[1])
			if m.Kind == "" && strings.Contains(strings.ToLower(l), "published online") {
				m.Kind = argmap.SourceArticle
			}
		}
		if m.Kind == "" && (pagesLine(l) || receivedLine(l)) {
			m.Kind = argmap.SourceArticle
		}
		// Byline: "Inken Bartels, July 2021".
		if bm := byline(l); bm != nil && len(m.Authors) == 0 && i < 20 {
			m.Authors = splitNames(bm[1])
			if m.Date == "" {
				m.Date = parseDate(bm[2])
			}
		}
		if len(m.Authors) == 0 && i < 20 {
			if names, date, ok := creditLine(l); ok {
				m.Authors = names
				if m.Date == "" {
					m.Date = date
				}
			}
		}
		if len(m.Authors) == 0 && i < 20 {
			// "By Jane Doe", "By Jane Doe | 12 March 2020", "Jane Doe · March 2020".
			for k, part := range splitByline(l) {
				if bm := byRe.FindStringSubmatch(part); bm != nil {
					m.Authors = splitNames(bm[1])
				} else if bm := byline(part); bm != nil {
					m.Authors = splitNames(bm[1])
					if m.Date == "" {
						m.Date = parseDate(bm[2])
					}
				} else if k > 0 && len(m.Authors) > 0 && m.Date == "" {
					m.Date = parseDate(part)
				}
			}
		}
		// A dateline near the top: "Published: 12 March 2019", "12 March 2019".
		if m.Date == "" && i < 20 && dateline(l) {
			m.Date = parseDate(l)
		}
		// Statement header: "Statement by X & Y (Geneva, 2-4 December 2002)".
		if sm := matchIf(statementRe, l, "tatement"); sm != nil && len(l) < 250 {
			if !forum {
				m.Kind = argmap.SourceStatement
				if len(m.Authors) == 0 {
					m.Authors = splitNames(sm[1])
				}
				if m.Date == "" && sm[2] != "" {
					m.Date = parseDate(sm[2])
				}
				if m.Title == "" {
					m.Title = l
				}
			}
		}
		if um := matchIf(urlLineRe, l, "://"); um != nil && m.URL == "" {
			m.URL = strings.TrimRight(um[1], ".,;)")
		}
	}
	if d := findDOI(text); d != "" {
		m.DOI = strings.TrimRight(d, ".,;)]")
	}
	if m.Title == "" {
		m.Title = topicLine(head)
	}
	if m.Title == "" {
		m.Title = titleLine(head)
	}
	if m.Title == "" {
		base := filepath.Base(name)
		m.Title = strings.TrimSuffix(base, filepath.Ext(base))
		if m.Title == "" || m.Title == "." || m.Title == "/" {
			m.Title = "untitled"
		}
	}
	if m.Year == "" && len(m.Date) >= 4 {
		m.Year = m.Date[:4]
	}
	if m.Date == "" && m.Year != "" {
		m.Date = m.Year
	}
	if m.Kind == "" {
		m.Kind = kindOf(text, lines)
	}
	return m
}

// splitByline splits a byline at " | ", " · ", " — " and " – ".
// personNameRe matches a person's name: two or three capitalised words,
// initials allowed ("Lena Haldane", "R. K. Okafor", "Marco de Ferrante" is
// not taken).
var personNameRe = regexp.MustCompile(`^(?:\p{Lu}[\p{L}'’-]*\.?\s+){1,2}\p{Lu}[\p{L}'’-]+$`)

// orgHeads are words that head the names of organisations, publications
// and document types, never of people.
var orgHeads = map[string]bool{
	"observatory": true, "institute": true, "university": true, "centre": true, "center": true, "group": true,
	"network": true, "council": true, "agency": true, "organization": true, "organisation": true, "foundation": true,
	"committee": true, "office": true, "project": true, "coalition": true, "monitor": true, "team": true,
	"press": true, "review": true, "journal": true, "brief": true, "summary": true, "paper": true, "report": true,
	"blog": true, "forum": true, "forums": true, "news": true, "times": true, "post": true, "service": true,
	"services": true, "ministry": true, "department": true, "association": true, "union": true, "trust": true,
	"programme": true, "program": true, "school": true, "college": true, "library": true, "studies": true,
}

// creditLine reads a credit line whose parts are separated by " · ", " | "
// or dashes, one part a date and one part a list of person names ("Policy
// brief · Meridian Migration Observatory · June 2023 · Jonas Ekwueme").
func creditLine(l string) (names []string, date string, ok bool) {
	parts := splitByline(l)
	if len(parts) < 2 || len(l) > 250 {
		return nil, "", false
	}
	for _, p := range parts {
		if d := parseDate(p); d != "" && date == "" && len(strings.Fields(p)) <= 4 {
			date = d
			continue
		}
		if names != nil {
			continue
		}
		if i := strings.Index(strings.ToLower(" "+p), " by "); i >= 0 {
			p = p[i+3:] // "By Jane Doe", "Posted 12 May 2022 by Jane Doe"
		}
		cand := splitNames(strings.TrimSpace(p))
		good := len(cand) > 0
		for _, c := range cand {
			if !personNameRe.MatchString(c) {
				good = false
				break
			}
			for _, w := range strings.Fields(strings.ToLower(c)) {
				if orgHeads[strings.Trim(w, ".")] || months[strings.Trim(w, ".")] != "" {
					good = false
				}
			}
		}
		if good {
			names = cand
		}
	}
	if date == "" && names != nil {
		date = parseDate(l)
	}
	return names, date, names != nil && date != ""
}

func splitByline(l string) []string {
	if strings.IndexByte(l, '|') < 0 && !strings.Contains(l, "·") && !strings.Contains(l, "—") && !strings.Contains(l, "–") {
		return []string{strings.TrimSpace(l)} // no separator: what the splits below give
	}
	parts := []string{l}
	for _, sep := range []string{" | ", " · ", " — ", " – "} {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// dateline reports whether l is a line that dates the document: a full date
// alone or after "Published", "Posted", "Updated" or "Date". Deposit,
// modification, access and membership dates do not count.
func dateline(l string) bool {
	if len(l) > 80 {
		return false
	}
	if !strings.ContainsAny(l, "0123456789") {
		return false // both date patterns need a year
	}
	low := strings.ToLower(l)
	for _, no := range []string{"deposited", "modified", "joined", "accessed", "retrieved", "received", "accepted", "copyright", "©"} {
		if strings.Contains(low, no) {
			return false
		}
	}
	loc := dayMonthRe.FindStringIndex(l)
	if loc == nil {
		loc = monthDayRe.FindStringIndex(l)
	}
	if loc == nil || parseDate(l[loc[0]:loc[1]]) == "" {
		return false
	}
	rest := strings.TrimSpace(l[:loc[0]] + l[loc[1]:])
	rest = strings.Trim(strings.ToLower(rest), " :,.|-")
	for _, cue := range []string{"", "published", "published online", "posted", "posted on", "updated", "last updated", "date", "dated", "first published"} {
		if rest == cue {
			return true
		}
	}
	for _, day := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		if rest == day {
			return true
		}
	}
	return false
}

// isForum reports whether text is a forum thread page.
func isForum(text string) bool {
	cues := 0
	for _, c := range []string{"Forum Index", "Post subject:", "PostPosted:", "Reply with quote", "Post new topic", "Reply to topic", "phpBB", "View previous topic", "Posts:", "Joined:", "Back to top"} {
		if containsRare(text, c) {
			cues++
		}
	}
	return cues >= 3
}

// forumHeader returns a forum thread's title (the first post's subject, or
// the line before "Post new topic") and the date of its first post.
func forumHeader(lines []string) (title, date string) {
	for _, l := range lines {
		if sm := subjectRe.FindStringSubmatch(l); sm != nil && strings.TrimSpace(sm[1]) != "" {
			title = strings.TrimSpace(sm[1])
			break
		}
	}
	if title == "" {
		for i, l := range lines {
			if strings.HasPrefix(l, "Post new topic") {
				for k := i - 1; k >= 0; k-- {
					if lines[k] != "" {
						title = lines[k]
						break
					}
				}
				break
			}
		}
	}
	for _, l := range lines {
		if pm := postedRe.FindStringSubmatch(l); pm != nil {
			date = parseDate(pm[2] + " " + pm[3] + ", " + pm[4])
			break
		}
	}
	return title, date
}

// selfCitation reports whether the citation found on line i of head describes
// the document itself: it is labelled as the page's citation ("To cite this
// article:"), or its title repeats a heading above it or just below it.
func selfCitation(c cite.Citation, head []string, i int) bool {
	low := strings.ToLower(head[i])
	for _, label := range []string{"to cite this", "cite this", "how to cite", "suggested citation", "recommended citation", "citation:"} {
		if strings.HasPrefix(low, label) {
			return true
		}
	}
	t := normTitle(c.Title)
	if t == "" {
		return false
	}
	for k, l := range head {
		if k == i || k > i+10 {
			continue
		}
		if normTitle(l) == t {
			return true
		}
	}
	return false
}

// normTitle folds a title for comparison.
func normTitle(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fullNames turns the author part of a citation line into given-name-first
// names: "Andrijasevic, Rutvica and Walters, William (2010). ..." ->
// ["Rutvica Andrijasevic", "William Walters"].
func fullNames(line string) []string {
	cut := len(line)
	for _, sep := range []string{"(", ". 1", ". 2"} {
		if k := strings.Index(line, sep); k >= 0 && k < cut {
			cut = k
		}
	}
	part := strings.TrimRight(strings.TrimSpace(line[:cut]), " .,")
	part = strings.ReplaceAll(part, ", and ", " and ")
	part = strings.ReplaceAll(part, " & ", " and ")
	var out []string
	for _, p := range strings.Split(part, " and ") {
		p = strings.TrimSpace(p)
		if k := strings.IndexByte(p, ','); k >= 0 {
			given := strings.TrimSpace(p[k+1:])
			sur := strings.TrimSpace(p[:k])
			if given != "" {
				p = given + " " + sur
			} else {
				p = sur
			}
		}
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

// splitNames splits "A and B", "A & B", "A, B and C" into names.
func splitNames(s string) []string {
	s = strings.ReplaceAll(s, " & ", ", ")
	s = strings.ReplaceAll(s, " and ", ", ")
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// parseDate reads "10 Feb 2011", "Nov 02, 2006", "2-4 December 2002", "July
// 2021", "Geneva, 2-4 December 2002" or "2021" into "2011-02-10", "2006-11",
// ... or "" when it finds no date.
func parseDate(s string) string {
	if m := dayMonthRe.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[2])]; ok {
			return m[3] + "-" + mo + "-" + pad2(m[1])
		}
	}
	if m := monthDayRe.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return m[3] + "-" + mo + "-" + pad2(m[2])
		}
	}
	if m := monthYearRe.FindStringSubmatch(s); m != nil {
		if mo, ok := months[strings.ToLower(m[1])]; ok {
			return m[2] + "-" + mo
		}
	}
	for i := 0; i+4 <= len(s); i++ {
		if isYear(s[i:i+4]) && (i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return s[i : i+4]
		}
	}
	return ""
}

func pad2(d string) string {
	if len(d) == 1 {
		return "0" + d
	}
	return d
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isYear(s string) bool {
	return len(s) == 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) &&
		(s[:2] == "19" || s[:2] == "20")
}

// chrome lists lines (lower-cased, or their beginnings) that are page
// furniture, never a title.
var chrome = []string{
	"skip to", "views", "altmetric", "articles", "article", "abstract", "crossref", "cited by", "log in",
	"login", "sign in", "register", "menu", "home", "search", "share", "download", "pdf", "print",
	"cookie", "we use cookies", "accept", "close", "full text", "related", "recommended", "notes",
	"references", "acknowledgements", "acknowledgments", "photo", "figure", "table", "image", "scroll",
	"back to top", "faq", "contents", "table of contents", "issue purchase", "add to cart", "buy",
	"subscribe", "open access", "research article", "original article", "journal", "published",
	"received", "pages", "to save", "find out more", "recommend this", "email your", "item type",
	"copyright", "©", "doi", "issn", "isbn", "keywords", "powered by", "view", "post", "you cannot",
	"you can", "start here", "jump to", "display posts",
}

// titleLine returns the first heading-like line that is not page chrome.
// topicRe matches the subject line of a thread or message: "Topic: ...",
// "Subject: ...", "Thread: ...".
var topicRe = regexp.MustCompile(`^(?i:topic|subject|thread|title)\s*:\s*(\S.{3,240})$`)

// topicLine returns the subject named by a "Topic:"/"Subject:" line in the
// first lines of a document, or "".
func topicLine(head []string) string {
	for i, l := range head {
		if i >= 20 {
			break
		}
		if m := topicRe.FindStringSubmatch(l); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	return ""
}

// navLine reports whether a line is a breadcrumb trail or a menu: parts
// joined by two or more " > ", " » ", " / " or " | ".
func navLine(l string) bool {
	for _, sep := range []string{" > ", " » ", " | ", " / ", " › "} {
		if strings.Count(l, sep) >= 2 {
			return true
		}
	}
	return false
}

func titleLine(head []string) string {
	for _, l := range head {
		if l == "" || len(l) > 250 || len(l) < 8 || navLine(l) {
			continue
		}
		low := strings.ToLower(l)
		junk := false
		for _, c := range chrome {
			if strings.HasPrefix(low, c) {
				junk = true
				break
			}
		}
		if junk || strings.Contains(low, "skip to content") {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(l)
		if last == '.' || last == ',' || last == ';' || last == ':' {
			continue
		}
		words := strings.Fields(l)
		if len(words) < 2 || len(words) > 30 {
			continue
		}
		letters := 0
		for _, r := range l {
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters*2 < len(l) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(l)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		return l
	}
	return ""
}

// kindOf guesses the kind of a document without header cues.
func kindOf(text string, lines []string) string {
	low := lowerText(text)
	chapters := bytes.Count(low, []byte("this chapter"))
	switch {
	case chapters >= 2 && (bytes.Contains(low, []byte("this volume")) || bytes.Contains(low, []byte("this book")) || chapters >= 3):
		return argmap.SourceBook
	case chapters >= 1:
		return argmap.SourceChapter
	case bytes.Contains(low, []byte("item type: journal")) || bytes.Contains(low, []byte("journal article")):
		return argmap.SourceArticle
	}
	bib := 0
	for _, l := range lines {
		if cite.IsBibliographyEntry(l) {
			bib++
		}
	}
	if bib >= 2 || bytes.Contains(low, []byte("\nabstract\n")) {
		return argmap.SourceArticle
	}
	for _, l := range lines[:min(len(lines), 10)] {
		if strings.Contains(strings.ToLower(l), "report") && len(l) < 150 {
			return argmap.SourceReport
		}
	}
	for _, c := range []string{"skip to content", "cookies", "scroll to top", "log in", "share this", "privacy policy"} {
		if bytes.Contains(low, []byte(c)) {
			return argmap.SourceWebPage
		}
	}
	return argmap.SourceDocument
}

// lowerText is strings.ToLower(text) for a whole document, in bytes (kindOf
// only searches it). Eight ASCII bytes are lowered at a time (their
// capitals, marked by swar.In, get 0x20), other runes by unicode.ToLower
// (strings.ToLower maps every rune through a function once one byte is
// outside ASCII, as a curly quote makes it), and bytes that are not UTF-8
// become U+FFFD as there.
func lowerText(text string) []byte {
	b := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if i+8 <= len(text) {
			if x := swar.Load(text, i); x&swar.Hi == 0 {
				b = binary.LittleEndian.AppendUint64(b, x|swar.In(x, 'A', 'Z')>>2)
				i += 8
				continue
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return b
}

// matchIf runs re on s only when s contains one of the literal cues: a
// literal search is far cheaper than a backtracking regexp over every line.
// pagesLine reports whether l is a journal page header ("Pages 21-38"):
// matchIf(pagesRe, l, "age", "AGE") != nil, with the regexp, anchored at
// the line's start, asked only of a line that starts with "page" in any
// case (most lines contain "age" somewhere: page, manage, language).
func pagesLine(l string) bool {
	return len(l) >= 4 && strings.EqualFold(l[:4], "page") && matchIf(pagesRe, l, "age", "AGE") != nil
}

// receivedLine reports whether l has a received or accepted date
// ("Received 3 May 2010"): receivedRe, run only where its cues are and,
// then, where "received" or "accepted", in any case, is followed by white
// space and a digit (receivedDigit), as in every match of it; most lines
// that have the words have no date after them.
func receivedLine(l string) bool {
	for _, c := range []string{"eceived", "ccepted", "ECEIVED", "CCEPTED"} {
		if containsRare(l, c) {
			return receivedDigit(l) && receivedRe.MatchString(l)
		}
	}
	return false
}

// receivedDigit reports whether l has "received" or "accepted" in any case
// followed by white space (as \s is in receivedRe: \t \n \f \r and space)
// and a digit. The words' letters fold only to ASCII letters under (?i), so
// each is looked for as eight bytes ending in a d.
func receivedDigit(l string) bool {
	for i := 7; i+2 < len(l); i++ {
		if l[i]|0x20 != 'd' || !isRegexpSpace(l[i+1]) {
			continue
		}
		if w := l[i-7 : i+1]; !strings.EqualFold(w, "received") && !strings.EqualFold(w, "accepted") {
			continue
		}
		j := i + 2
		for j < len(l) && isRegexpSpace(l[j]) {
			j++
		}
		if j < len(l) && '0' <= l[j] && l[j] <= '9' {
			return true
		}
	}
	return false
}

// isRegexpSpace reports whether c is white space as \s means it in Go's
// regular expressions.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func matchIf(re *regexp.Regexp, s string, cues ...string) []string {
	for _, c := range cues {
		if containsRare(s, c) {
			return re.FindStringSubmatch(s)
		}
	}
	return nil
}

// byline matches bylineRe, which ends in a four-digit year, only on a line
// ending in a digit.
func byline(l string) []string {
	if l == "" || l[len(l)-1] < '0' || l[len(l)-1] > '9' {
		return nil
	}
	return bylineRe.FindStringSubmatch(l)
}

// findDOI returns the first DOI in text. It looks only where "10." starts a
// word, so a long text without DOIs costs one literal scan.
func findDOI(text string) string {
	for off := 0; ; {
		i := strings.Index(text[off:], "10.")
		if i < 0 {
			return ""
		}
		i += off
		if i == 0 || !isWordByte(text[i-1]) {
			end := min(len(text), i+300)
			if d := doiRe.FindString(text[i:end]); d != "" && strings.HasPrefix(d, "10.") {
				return d
			}
		}
		off = i + 3
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// containsRare is strings.Contains(s, sub), found by scanning s for the
// byte of sub that is rarest in English text (byteRank) and comparing sub
// around each: strings.Index scans for the first byte, which in the cues
// searched here ("eceived", "tatement", "Forum Index") is among the
// commonest letters, and over a paragraph-long line or a whole document
// stops at most words.
func containsRare(s, sub string) bool {
	if len(sub) < 2 {
		return strings.Contains(s, sub)
	}
	rare := 0
	for i := 1; i < len(sub); i++ {
		if byteRank[sub[i]] > byteRank[sub[rare]] {
			rare = i
		}
	}
	c := sub[rare]
	for q := rare; q < len(s); q++ {
		j := strings.IndexByte(s[q:], c)
		if j < 0 {
			return false
		}
		q += j
		if k := q - rare; k+len(sub) <= len(s) && s[k:k+len(sub)] == sub {
			return true
		}
	}
	return false
}

// byteRank ranks bytes by how rare they are in English text: the
// lower-case letters by their frequency, commonest first ("etaoin..."), then
// upper-case letters and digits, then other bytes; the space is the
// commonest of all.
var byteRank = func() (r [256]uint8) {
	for c := range r {
		r[c] = 200 // punctuation, control and bytes outside ASCII
	}
	for c := 'A'; c <= 'Z'; c++ {
		r[c] = 100
	}
	for c := '0'; c <= '9'; c++ {
		r[c] = 90
	}
	for i, c := range "etaoinshrdlcumwfgypbvkjxqz" {
		r[c] = uint8(10 + 3*i)
	}
	r[' '] = 0
	return r
}()
