package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/goccy/go-yaml"
	"golang.org/x/net/html"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/meta"
)

// head is what a document's own structure says about it: an HTML head and
// first <h1>, Markdown front matter and first level-1 heading, PDF or DOCX
// metadata. Empty fields are unknown.
type head struct {
	title   string
	authors []string
	date    string
}

// frontMatterRe matches YAML front matter: "---" on the first line, then
// lines up to a closing "---" or "...".
var frontMatterRe = regexp.MustCompile(`\A(?:\xEF\xBB\xBF)?---[ \t]*\r?\n((?s:.*?))\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\z)`)

// markdownHead reads a Markdown document's front matter (title, author or
// authors, date) and its first level-1 heading, ATX ("# Title") or Setext
// (a line underlined with "==="). The front matter's title wins.
func markdownHead(text string) head {
	var h head
	body := text
	if m := frontMatterRe.FindStringSubmatchIndex(text); m != nil {
		var fm map[string]any
		if yaml.Unmarshal([]byte(text[m[2]:m[3]]), &fm) == nil {
			h.title = inlineText(scalar(fm["title"]))
			for _, k := range []string{"authors", "author", "creator"} {
				if v, ok := fm[k]; ok {
					h.authors = names(v)
					break
				}
			}
			for _, k := range []string{"date", "published", "created"} {
				if v, ok := fm[k]; ok {
					h.date = isoDay(v)
					break
				}
			}
		}
		body = text[m[1]:]
	}
	if h.title != "" {
		return h
	}
	lines := strings.SplitN(body, "\n", 80)
	fence := false
	for i, l := range lines {
		if i == len(lines)-1 && len(lines) == 80 {
			break // the rest of the document
		}
		t := strings.TrimRight(l, " \t\r")
		if strings.HasPrefix(strings.TrimSpace(t), "```") || strings.HasPrefix(strings.TrimSpace(t), "~~~") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		lead := len(t) - len(strings.TrimLeft(t, " "))
		if lead <= 3 && strings.HasPrefix(t[lead:], "# ") {
			s := strings.TrimSpace(t[lead+2:])
			s = strings.TrimSpace(strings.TrimRight(s, "#")) // closing hashes
			h.title = inlineText(s)
			break
		}
		if i+1 < len(lines) && strings.TrimSpace(t) != "" {
			u := strings.TrimSpace(lines[i+1])
			if len(u) >= 3 && strings.Trim(u, "=") == "" {
				h.title = inlineText(strings.TrimSpace(t))
				break
			}
		}
	}
	return h
}

// scalar returns a YAML value as text.
func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case time.Time:
		return x.Format("2006-01-02")
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// names reads an author field: a string ("A; B", "A and B"), a list of
// strings, or a list of maps with a "name".
func names(v any) []string {
	var out []string
	add := func(s string) {
		s = strings.Join(strings.Fields(s), " ")
		if s != "" && len(s) <= 200 {
			out = append(out, s)
		}
	}
	switch x := v.(type) {
	case string:
		for _, p := range authorSepRe.Split(x, -1) {
			add(p)
		}
	case []any:
		for _, e := range x {
			if m, ok := e.(map[string]any); ok {
				add(scalar(m["name"]))
			} else {
				add(scalar(e))
			}
		}
	}
	return out
}

// authorSepRe splits "A; B", "A and B", "A & B".
var authorSepRe = regexp.MustCompile(`\s*(?:;|\band\b|&)\s*`)

// mdEscapeRe matches a backslash escape.
var mdEscapeRe = regexp.MustCompile("\\\\([\\\\*_#\\[\\]()<>~`!.-])")

var isoDayRe = regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?`)

// isoDay keeps "YYYY", "YYYY-MM" or "YYYY-MM-DD" from a date value.
func isoDay(v any) string {
	m := isoDayRe.FindStringSubmatch(scalar(v))
	if m == nil {
		return ""
	}
	out := m[1]
	if m[2] != "" {
		out += "-" + m[2]
		if m[3] != "" {
			out += "-" + m[3]
		}
	}
	return out
}

// mdLinkRe matches a Markdown link or image: [text](url) or ![alt](url).
var mdLinkRe = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)

// mdEmphRe matches emphasis markers around a run: *x*, **x**, _x_, __x__, ~~x~~, `x`.
var mdEmphRe = regexp.MustCompile("(\\*\\*\\*|\\*\\*|\\*|___|__|~~|`)([^*_~`\\s](?:[^*~`]*?[^*_~`\\s])?)(?:\\*\\*\\*|\\*\\*|\\*|___|__|~~|`)")

// mdUnderscoreRe matches _x_ emphasis only at word boundaries (snake_case stays).
var mdUnderscoreRe = regexp.MustCompile(`(^|[\s(])_([^_\s](?:[^_]*?[^_\s])?)_($|[\s.,;:!?)])`)

// loneStarRe matches a single "*" at the edge of a word ("*Complexities",
// "yours*"), not one between spaces ("2 * 3").
var loneStarRe = regexp.MustCompile(`(^|\s)\*(\S)|(\S)\*($|\s|[.,;:!?])`)

// htmlTagRe matches an inline HTML tag.
var htmlTagRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)

// inlineText strips Markdown and HTML inline markup from a line: emphasis,
// code ticks, links (their text kept), tags, heading hashes, quote marks,
// list bullets and escapes. Text without markup comes back unchanged.
func inlineText(s string) string {
	if !strings.ContainsAny(s, "*_`[]<>#~|\\") {
		return s
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "|") {
		// a table row: its cells, joined
		var cells []string
		for _, c := range strings.Split(strings.Trim(s, "|"), "|") {
			if c = strings.TrimSpace(c); c != "" && strings.Trim(c, "-: ") != "" {
				cells = append(cells, c)
			}
		}
		s = strings.Join(cells, " — ")
	}
	for _, p := range []string{"> ", "- ", "+ "} {
		s = strings.TrimPrefix(s, p)
	}
	if strings.HasPrefix(s, "#") {
		t := strings.TrimLeft(s, "#")
		if strings.HasPrefix(t, " ") {
			s = strings.TrimSpace(t)
		}
	}
	// Each expression runs only on a text with a byte each of its matches
	// has: most texts here have a "|" or a bracket and no other markup.
	if strings.Contains(s, "](") {
		s = mdLinkRe.ReplaceAllString(s, "$1")
	}
	for i := 0; i < 3 && strings.ContainsAny(s, "*_~`"); i++ {
		n := mdEmphRe.ReplaceAllString(s, "$2")
		if strings.IndexByte(n, '_') >= 0 {
			n = mdUnderscoreRe.ReplaceAllString(n, "$1$2$3")
		}
		if n == s {
			break
		}
		s = n
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = htmlTagRe.ReplaceAllString(s, "")
	}
	// markers left unpaired (emphasis opened in another sentence or line)
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	if strings.IndexByte(s, '*') >= 0 {
		s = loneStarRe.ReplaceAllString(s, "$1$2$3$4")
	}
	if strings.IndexByte(s, '\\') >= 0 {
		s = mdEscapeRe.ReplaceAllString(s, "$1")
	}
	return strings.Join(strings.Fields(s), " ")
}

// htmlHead reads an HTML document's head and first <h1>: the title from
// citation/Dublin Core/Open Graph metadata, else the first <h1>, else the
// <title> without a trailing " | Site name"; authors and date from the
// same metadata.
func htmlHead(data []byte) head {
	z := html.NewTokenizer(bytes.NewReader(data))
	var h head
	metaTitle, title, h1 := "", "", ""
	in := ""
	var buf strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			switch {
			case metaTitle != "":
				h.title = metaTitle
			case h1 != "" && len(strings.Fields(h1)) >= 2:
				h.title = h1
			default:
				h.title = siteless(title)
			}
			if h.title == "" {
				h.title = h1
			}
			h.title = strings.Join(strings.Fields(strings.ToValidUTF8(h.title, "\uFFFD")), " ")
			return h
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "meta":
				key, content := "", ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "name", "property":
						key = strings.ToLower(string(v))
					case "content":
						content = strings.TrimSpace(string(v))
					}
				}
				if content == "" {
					continue
				}
				switch key {
				case "citation_title", "dc.title", "dcterms.title":
					metaTitle = content
				case "og:title":
					if metaTitle == "" {
						metaTitle = content
					}
				case "citation_author", "dc.creator", "dcterms.creator", "author", "article:author":
					if !strings.HasPrefix(content, "http") {
						h.authors = append(h.authors, names(content)...)
					}
				case "citation_publication_date", "citation_date", "dc.date", "dcterms.date", "article:published_time", "date":
					if h.date == "" {
						h.date = isoDay(strings.ReplaceAll(content, "/", "-"))
					}
				}
			case "title", "h1":
				if tt == html.StartTagToken && in == "" && (string(name) == "title" && title == "" || string(name) == "h1" && h1 == "") {
					in = string(name)
					buf.Reset()
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if string(name) == in {
				t := strings.Join(strings.Fields(buf.String()), " ")
				if in == "title" {
					title = t
				} else {
					h1 = t
				}
				in = ""
			}
		case html.TextToken:
			if in != "" && buf.Len() < 4096 {
				buf.Write(z.Text())
			}
		}
	}
}

// siteless drops a site name after the last " | ", " – ", " — " or " :: "
// of a page title when what is left is still a title.
func siteless(t string) string {
	for _, sep := range []string{" | ", " — ", " – ", " :: ", " - "} {
		if i := strings.LastIndex(t, sep); i > 0 && len(strings.Fields(t[:i])) >= 2 {
			return strings.TrimSpace(t[:i])
		}
	}
	return t
}

// chooseTitle picks a document's title: what its structure says (HTML
// metadata or <h1>, Markdown front matter or H1, PDF or DOCX metadata or
// first-page layout), else what its text says (meta.Detect: citation lines,
// forum and statement headers, a title-like line), else its first
// heading-like segment (the units stage's headline), else a file name that reads as one, else the opening
// words of its first sentence.
func chooseTitle(dec decoded, md meta.Meta, text string, segs []Segment, headline int, units []unit, name string) string {
	if t := strings.TrimSpace(dec.title); t != "" {
		return t
	}
	base := filepath.Base(name)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if t := strings.TrimSpace(md.Title); t != "" && t != stem && t != name && t != "untitled" {
		return inlineText(t)
	}
	if headline >= 0 {
		return inlineText(text[segs[headline].Start:segs[headline].End])
	}
	if readableName(stem) {
		slug := !strings.Contains(stem, " ") // "fees-and-debt" reads "fees and debt"
		return strings.Join(strings.FieldsFunc(stem, func(r rune) bool { return r == '_' || r == ' ' || slug && r == '-' }), " ")
	}
	return openingWords(text, units)
}

// readableName reports whether a file name stem reads as a title: words,
// not an identifier or a hash ("001_09d2db43c82dc8cd", "scan0042").
func readableName(stem string) bool {
	words := strings.FieldsFunc(stem, func(r rune) bool { return r == '_' || r == '-' || r == ' ' || r == '.' })
	if len(words) < 2 {
		return false
	}
	alpha := 0
	for _, w := range words {
		letters, digits := 0, 0
		for _, r := range w {
			switch {
			case unicode.IsLetter(r):
				letters++
			case unicode.IsDigit(r):
				digits++
			}
		}
		if letters >= 3 && digits == 0 && !hexLike(w) {
			alpha++
		}
	}
	return alpha*2 >= len(words) && alpha >= 2
}

// hexLike reports whether a word is a run of hex digits (a hash).
func hexLike(w string) bool {
	if len(w) < 8 {
		return false
	}
	for _, r := range strings.ToLower(w) {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// openingWords returns the first ten words of the document's first claim
// or evidence, with an ellipsis when cut: what a reader sees first of its
// argument when a document has no title at all.
func openingWords(text string, units []unit) string {
	for _, u := range units {
		if u.Label == LabelOther {
			continue
		}
		fs := strings.Fields(inlineText(text[u.Start:u.End]))
		if len(fs) > 10 {
			return strings.TrimRight(strings.Join(fs[:10], " "), ",;:") + "…"
		}
		return strings.TrimRight(strings.Join(fs, " "), ".")
	}
	return "untitled document"
}

// metaText is the text meta.Detect reads: a Markdown document's first lines
// with their inline markup stripped ("*Policy brief · June 2023 · A. Name*"
// is a byline), other documents as they are.
func metaText(dec decoded) string {
	if dec.format != FormatMarkdown {
		return dec.text
	}
	lines := strings.SplitN(dec.text, "\n", 81)
	n := min(len(lines), 80)
	for i := 0; i < n; i++ {
		lines[i] = inlineText(lines[i])
	}
	return strings.Join(lines, "\n")
}

// unitText is the text of a claim or evidence quoted from a document: in
// Markdown, what a reader sees (emphasis, code ticks, link targets and
// table bars gone; the span still quotes the source as written).
func unitText(quote string, f Format) string {
	if f != FormatMarkdown {
		return quote
	}
	if t := inlineText(quote); t != "" {
		return t
	}
	return quote
}

// tidyTitles makes the titles of cited works read as titles: whitespace
// runs (line breaks of the reference list) made single spaces and, in
// Markdown, emphasis and link markup removed.
func tidyTitles(g *argmap.Graph, f Format) {
	for i := range g.Sources {
		t := strings.Join(strings.Fields(g.Sources[i].Title), " ")
		if f == FormatMarkdown {
			t = inlineText(t)
		}
		if t != "" {
			g.Sources[i].Title = t
		}
	}
}
