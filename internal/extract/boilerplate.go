package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Section is the kind of document part a segment lies in.
type Section int

// Sections.
const (
	SectionBody         Section = iota // argument: abstract, body, posts
	SectionNotes                       // numbered notes: backing, sources
	SectionBibliography                // references: citations, not claims
	SectionApparatus                   // acknowledgements, funding, author notes
	SectionChrome                      // page furniture: purchase boxes, related items, site menus
)

// chromeCues are phrases of page furniture common to publisher pages,
// repositories, forums and blogs: never part of an argument.
var chromeCues = []string{
	"cookie", "cookies", "log in", "login", "sign in", "sign up", "subscribe", "add to cart",
	"download", "downloaded", "pdf", "kindle", "e-mail", "email", "wi-fi", "share this",
	"skip to content", "back to top", "scroll to top", "reply with quote", "post subject", "postposted",
	"view user's profile", "private message", "private messages", "memberlist", "usergroups",
	"forum index", "powered by", "copyright", "all rights reserved", "terms of use", "privacy policy",
	"disclaimer", "recommend this", "librarian", "altmetric", "altmetrics", "crossref", "citations to date",
	"issn", "isbn", "item id", "item type", "date deposited", "last modified", "depositing user",
	"google scholar", "full text", "version of record", "related research", "people also read",
	"recommended articles", "cited by", "in this forum", "jump to", "display posts", "all times are",
	"post new topic", "reply to topic", "next topic", "previous topic", "online access", "local tax",
	"find out more", "your account", "usage policies", "your device", "reproduced freely", "may be reproduced",
	"licensing", "licensors", "click here", "read more", "newsletter",
	"follow us", "your browser", "javascript", "image_pdfimage_print", "open in a new tab", "view all", "show more", "table of contents", "advertisement", "sponsored",
	"leave a comment", "cite this", "how to cite", "published online", "first published", "accepted for publication",
	"originally posted by", "last edited by", "for more information", "please contact", "media contact",
	"press contact", "media enquiries", "press enquiries", "subscribe to", "sign up for", "donate now", "share on", "rss", "sitemap", "contact us", "about us", "faq", "home page", "homepage", "archives are available", "can be accessed", "cart", "checkout", "article pdf",
}

// strongChrome are chrome cues strong enough to mark a whole short segment.
var strongChrome = map[string]bool{
	"cookie": true, "cookies": true, "log in": true, "login": true, "back to top": true, "reply with quote": true,
	"post subject": true, "postposted": true, "skip to content": true, "powered by": true, "add to cart": true,
	"kindle": true, "view user's profile": true, "private message": true, "scroll to top": true,
	"in this forum": true, "post new topic": true, "copyright": true, "all rights reserved": true,
}

// chromeHit returns the first chrome cue found in padded words p, or "".
func chromeHit(p string) string {
	return chromeIndex.find(strings.Fields(p))
}

// sectionOf reads a heading and returns the section it opens, and whether it
// names one at all (other headings keep the body going).
func sectionOf(s surface) (Section, bool) {
	p := s.p
	has := func(ws ...string) bool {
		for _, w := range ws {
			if hasPhrase(p, w) {
				return true
			}
		}
		return false
	}
	switch {
	case s.nWords == 0:
		return SectionBody, false
	case has("references", "bibliography", "works cited", "literature cited", "further reading", "for reference",
		"sources", "literature", "reference list", "cited works"):
		return SectionBibliography, true
	case has("notes", "endnotes", "footnotes", "note"):
		return SectionNotes, true
	case has("acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment", "funding",
		"about the author", "about the authors", "author information", "conflict of interest", "disclosure",
		"declaration of interest", "author biography", "biographical note", "notes on contributors"):
		return SectionApparatus, true
	case has("related research", "recommended articles", "people also read", "cited by", "log in",
		"purchase", "share", "metrics", "related articles", "more from", "you may also like", "read next",
		"comments", "leave a reply", "actions", "tags", "categories", "about us", "contact"):
		return SectionChrome, true
	case has("abstract", "introduction", "conclusion", "conclusions", "summary", "discussion", "background",
		"results", "findings", "statement", "post", "message"):
		return SectionBody, true
	}
	return SectionBody, false
}

// isHeading reports whether a whole segment reads as a heading, title, byline
// or label: short, no closing punctuation, starting in upper case.
func isHeading(s surface) bool {
	if s.terminal == '.' || s.terminal == '!' || s.nWords == 0 {
		return false
	}
	if s.terminal == '?' {
		return s.nWords <= 12 && s.upper
	}
	if s.terminal == ':' {
		return s.nWords <= 8
	}
	if !s.upper {
		return s.nWords <= 3
	}
	return s.nWords <= 16 && (s.nWords <= 10 || !strings.Contains(s.text, ",") || s.capShare > 0.5)
}

// isMetadata reports whether a segment is a "Label: value" line of a record
// page ("ISSN: ...", "Joined: ...", "Item Type: ...") rather than prose.
func isMetadata(s surface) bool {
	i := strings.IndexByte(s.text, ':')
	if i <= 0 || i > 40 {
		return false
	}
	label := surface{}
	label = surfaceOf(s.text[:i])
	if label.nWords == 0 || label.nWords > 4 || !label.upper {
		return false
	}
	value := surfaceOf(s.text[i+1:])
	return s.nWords <= 14 || (value.funcN <= 1 && value.terminal != '.')
}

// isCaption reports whether a segment is a picture caption or credit.
func isCaption(text, p string) bool {
	if strings.IndexByte(text, ':') >= 0 {
		low := strings.ToLower(text)
		for _, c := range []string{"photo:", "photograph:", "image:", "picture:", "credit:", "illustration:"} {
			if strings.Contains(low, c) {
				return true
			}
		}
	}
	if strings.Contains(p, " photo by ") || strings.Contains(p, " image by ") {
		return true
	}
	return strings.Contains(p, " cover picture ") || strings.Contains(p, " cover image ") ||
		strings.Contains(p, " pictured ")
}

// webNouns are what a page asks its reader to manage.
var webNouns = []string{"account", "device", "devices", "browser", "settings", "email", "e-mail", "cart", "password",
	"username", "profile", "subscription", "inbox", "librarian", "basket", "wishlist"}

// chromeText reports page furniture visible only in the raw text: e-mail and
// handle addresses, reader-directed device talk ("your account").
func chromeText(text, p string, ws []string) string {
	for _, c := range []string{"kindle", "cookie", "wi-fi", "javascript"} {
		if strings.Contains(p, c) {
			return c
		}
	}
	if strings.IndexByte(text, '@') >= 0 {
		return "@"
	}
	if strings.Contains(text, "©") {
		return "©"
	}
	your := false
	for _, w := range ws {
		if w == "your" || w == "you" {
			your = true
			break
		}
	}
	if your {
		for _, w := range ws {
			for _, n := range webNouns {
				if w == n {
					return "your " + n
				}
			}
		}
	}
	return ""
}

// bibScore scores how much a segment looks like a bibliography entry:
// "Surname, First (2010). Title. Journal 28(6): 977–999."
func bibScore(text string) int {
	score := 0
	head := text
	if len(head) > 80 {
		head = head[:80]
	}
	// "Surname, Given" at the start; without it a line is not an entry
	if i := strings.IndexByte(head, ','); i > 1 && i < 30 {
		w := head[:i]
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(head[i+1:], " "))
		if (!strings.Contains(w, " ") || strings.Count(w, " ") == 1) && !unicode.IsLower(next) {
			r := []rune(w)
			if len(r) > 1 && r[0] >= 'A' && r[0] <= 'Z' || len(r) > 1 && r[0] > 127 {
				score++
			}
		}
	}
	if score == 0 && workHeader(text) {
		score++
	}
	if score == 0 {
		return 0
	}
	ws := words(text)
	for i, w := range ws {
		if isYear(strings.TrimRight(w, "abcdefg")) && i < 14 {
			score++
			break
		}
	}
	lt := strings.ToLower(text)
	for _, c := range []string{"pp. ", "journal", "university press", " press", "routledge", "(eds", "(ed.", " eds.",
		"(hg.)", " in: ", "vol.", "doi:", "doi.org", "edited by", "studies", "studien", "review of", "quarterly", "berlin:",
		"london:", "new york:", "oxford:", "cambridge:"} {
		if strings.Contains(lt, c) {
			score++
			break
		}
	}
	if score < 3 && publisherRe.MatchString(text) {
		score++ // ". Place: Publisher"
	}
	// page ranges and volume(issue)
	for i := 1; i+1 < len(text); i++ {
		c := text[i]
		if (c == '(' && text[i-1] >= '0' && text[i-1] <= '9' && text[i+1] >= '0' && text[i+1] <= '9') ||
			((c == '-' || strings.HasPrefix(text[i:], "–")) && text[i-1] >= '0' && text[i-1] <= '9' && i+3 < len(text) &&
				(text[i+1] >= '0' && text[i+1] <= '9' || text[i+3] >= '0' && text[i+3] <= '9')) {
			score++
			break
		}
	}
	return score
}

// workHeaderRe matches an entry headed "Given Surname (YEAR) *Title*": the
// line naming a reviewed book or a listed work in prose order, with the
// title marked (italic or quoted) right after the year.
var workHeaderRe = regexp.MustCompile(`^[\p{Lu}][\p{L}'’-]+(?:\s+\p{Lu}\.)?(?:\s+[\p{Lu}][\p{L}'’-]+){1,2}(?:\s+(?:and|&)\s+[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){1,2})?\s+\((?:19|20)\d\d[a-z]?\)\s*[*_“"‘]`)

// workHeader reports whether text opens, after emphasis or list markers, with
// "Given Surname (YEAR)" and a marked title.
func workHeader(text string) bool {
	return workHeaderRe.MatchString(strings.TrimLeft(text, "*_#-•> \t"))
}

// publisherRe matches an imprint after a title: ". Leiden: Brill", ". New
// York: Norton".
var publisherRe = regexp.MustCompile(`[.*_”"]\s+\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?:\s+\p{Lu}`)
