package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

// Format is the sniffed format of a document.
type Format string

// Formats the pipeline reads.
const (
	FormatPlain    Format = "text/plain"
	FormatMarkdown Format = "text/markdown"
	FormatHTML     Format = "text/html"
)

// decoded is a document's text as a reader sees it, with what its own
// structure says of its title, authors and date.
type decoded struct {
	text    string
	title   string   // from the document's structure (HTML head, front matter, PDF or DOCX metadata)
	authors []string // likewise
	date    string   // likewise
	binary  bool     // read from PDF or DOCX
	format  Format   // of a text document
}

// readText is the text stage: the document's bytes decoded into the text a
// reader sees, its line breaks normalised for the later stages (the source
// keeps the text as read).
func (p *Pipeline) readText(ctx context.Context, doc argmap.Document) (*state, error) {
	dec, err := p.decode(ctx, doc)
	if err != nil {
		return nil, err
	}
	return &state{name: doc.Name, uri: doc.URI, hash: argmap.ContentHash(doc.Data), dec: dec, text: NormalizeBreaks(dec.text)}, nil
}

// decode turns a document's bytes into its text: PDF and DOCX through the
// document readers, other binary formats refused with a message naming
// the formats argmap reads, text checked and HTML rendered.
func (p *Pipeline) decode(ctx context.Context, doc argmap.Document) (decoded, error) {
	switch kind := document.Sniff(doc.Data, doc.Name); kind {
	case document.KindNone:
	case document.KindPDF, document.KindDOCX:
		d, err := p.docs.Read(ctx, kind, doc.Data)
		if err != nil {
			return decoded{}, err
		}
		if int64(len(d.Text)) > p.maxBytes {
			return decoded{}, argmap.Errorf(argmap.ETOOLARGE, "the document's text is %d bytes, more than the limit of %d", len(d.Text), p.maxBytes)
		}
		return decoded{text: d.Text, title: d.Title, authors: d.Authors, date: d.Date, binary: true}, nil
	default:
		return decoded{}, document.Refusal(kind)
	}
	if err := CheckText(doc.Data); err != nil {
		return decoded{}, err
	}
	d := decoded{text: string(doc.Data)}
	var h head
	switch d.format = Sniff(doc.MediaType, doc.Name, doc.Data); d.format {
	case FormatHTML:
		d.text, _ = HTMLText(doc.Data)
		if strings.TrimSpace(d.text) == "" {
			return decoded{}, argmap.Errorf(argmap.EINVALID, "empty document: the HTML has no visible text")
		}
		h = htmlHead(doc.Data)
	case FormatMarkdown:
		h = markdownHead(d.text)
	}
	d.title, d.authors, d.date = h.title, h.authors, h.date
	return d, nil
}

// CheckText reports whether data is acceptable text: non-empty, valid UTF-8,
// not binary. The error is EINVALID and names the problem (for invalid UTF-8,
// the byte offset of the first bad byte).
func CheckText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0 {
		return argmap.Errorf(argmap.EINVALID, "empty document")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return document.BinaryError(fmt.Sprintf("binary data: a NUL byte at offset %d", i))
	}
	if off := invalidUTF8(data); off >= 0 {
		return argmap.Errorf(argmap.EINVALID, "invalid UTF-8 at byte offset %d", off)
	}
	// Mostly control characters means binary even when it happens to decode.
	probe := data
	if len(probe) > 64<<10 {
		probe = probe[:64<<10]
	}
	ctrl := 0
	for _, c := range probe {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	if ctrl*10 > len(probe) {
		return document.BinaryError(fmt.Sprintf("binary data: %d control bytes in the first %d", ctrl, len(probe)))
	}
	return nil
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// Sniff returns the format of a document from its declared media type, its
// name and, failing those, its first bytes.
func Sniff(mediaType, name string, data []byte) Format {
	mt := strings.ToLower(mediaType)
	switch {
	case strings.Contains(mt, "html"):
		return FormatHTML
	case strings.Contains(mt, "markdown"):
		return FormatMarkdown
	case strings.HasPrefix(mt, "text/"):
		return FormatPlain
	}
	ln := strings.ToLower(name)
	switch {
	case strings.HasSuffix(ln, ".html"), strings.HasSuffix(ln, ".htm"), strings.HasSuffix(ln, ".xhtml"):
		return FormatHTML
	case strings.HasSuffix(ln, ".md"), strings.HasSuffix(ln, ".markdown"):
		return FormatMarkdown
	case strings.HasSuffix(ln, ".txt"):
		return FormatPlain
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	h := strings.ToLower(strings.TrimSpace(string(bytes.TrimPrefix(head, bom))))
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if strings.HasPrefix(h, p) {
			return FormatHTML
		}
	}
	if strings.HasPrefix(h, "# ") || strings.Contains(h, "\n## ") || strings.Contains(h, "\n# ") {
		return FormatMarkdown
	}
	return FormatPlain
}

// dropped holds HTML elements whose content a reader does not see as the
// document's text.
var dropped = map[string]bool{
	"script": true, "style": true, "nav": true, "header": true, "footer": true, "aside": true,
	"noscript": true, "template": true, "head": true, "svg": true, "form": true, "button": true,
	"select": true, "iframe": true, "object": true, "canvas": true,
}

// blockTags break lines in the visible text.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "tr": true, "table": true, "section": true,
	"article": true, "blockquote": true, "pre": true, "hr": true, "dd": true, "dt": true, "dl": true,
	"figure": true, "figcaption": true, "main": true, "td": true, "th": true, "caption": true,
	"address": true, "title": true,
}

// paraTags separate paragraphs (a blank line) rather than lines.
var paraTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"blockquote": true, "section": true, "article": true, "table": true, "figure": true, "ul": true, "ol": true,
}

// HTMLText returns the text a reader sees in an HTML document: scripts,
// styles, navigation, headers, footers and asides dropped, entities decoded,
// runs of whitespace collapsed, block elements turned into line breaks and
// paragraphs into blank lines. The title, if any, is returned separately.
func HTMLText(data []byte) (text, title string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	skip := 0 // depth inside dropped elements
	inTitle := false
	var tb strings.Builder
	pendingSpace := false
	trail := 0 // line breaks at the end of b
	newline := func(n int) {
		if b.Len() == 0 {
			return
		}
		for ; trail < n; trail++ {
			b.WriteByte('\n')
		}
		pendingSpace = false
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			clean := func(s string) string { return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "") }
			return strings.TrimSpace(clean(b.String())), strings.Join(strings.Fields(clean(tb.String())), " ")
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			if dropped[name] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if name == "title" {
				inTitle = tt == html.StartTagToken
				continue
			}
			if skip == 0 && blockTags[name] {
				if paraTags[name] {
					newline(2)
				} else {
					newline(1)
				}
			}
		case html.TextToken:
			raw := z.Text()
			if inTitle {
				tb.Write(raw)
				continue
			}
			if skip > 0 {
				continue
			}
			s := string(raw)
			if strings.TrimSpace(s) == "" {
				if b.Len() > 0 {
					pendingSpace = true
				}
				continue
			}
			if len(s) > 0 && unicode.IsSpace(rune(s[0])) {
				pendingSpace = true
			}
			f := strings.Fields(s)
			if pendingSpace && b.Len() > 0 && trail == 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.Join(f, " "))
			trail = 0
			pendingSpace = unicode.IsSpace(rune(s[len(s)-1]))
		}
	}
}
