// Package document reads the text a reader sees out of binary document
// formats — PDF (through PDFium compiled to WebAssembly and run by wazero)
// and Word .docx (Office Open XML, read with archive/zip and encoding/xml) —
// together with what the file says about itself: title, authors and date.
//
// The text is laid out for the extraction pipeline: paragraphs separated by
// blank lines, words hyphenated at line ends joined again, running headers,
// footers and page numbers dropped, and footnotes kept apart in a "Notes"
// section after the body.
package document

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// Kind is the binary format of a file.
type Kind string

// Kinds a file may be.
const (
	KindNone    Kind = ""        // not a binary format this package knows: text, or unknown
	KindPDF     Kind = "pdf"     // PDF
	KindDOCX    Kind = "docx"    // Word 2007+ (Office Open XML)
	KindDOC     Kind = "doc"     // legacy Word / OLE2 compound file
	KindOffice  Kind = "office"  // another Office Open XML or OpenDocument package (xlsx, pptx, odt, ...)
	KindArchive Kind = "archive" // zip, gzip and other archives
	KindImage   Kind = "image"   // PNG, JPEG, GIF, TIFF, WebP
)

// Readable names the formats argmap reads, for error messages.
const Readable = "plain text, Markdown, HTML, PDF and Word (.docx)"

// Document is what a binary file holds for a reader.
type Document struct {
	Text    string   // the body, then the notes under a "Notes" heading
	Title   string   // from the file's metadata or first-page layout; "" when unknown
	Authors []string // from the file's metadata
	Date    string   // "2006", "2006-05" or "2006-05-17" from the file's metadata
	Pages   int      // pages of a PDF; 0 for other formats
}

// Sniff names the binary format of data from its first bytes; name (a file
// name) only tells apart the packages sharing the zip signature when their
// content does not.
func Sniff(data []byte, name string) Kind {
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	switch {
	case bytes.Contains(head, []byte("%PDF-")):
		return KindPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return zipKind(data, name)
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return KindDOC
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}), bytes.HasPrefix(data, []byte("7z\xBC\xAF\x27\x1C")),
		bytes.HasPrefix(data, []byte("Rar!")), bytes.HasPrefix(data, []byte("BZh")) && len(data) > 3 && data[3] >= '1' && data[3] <= '9':
		return KindArchive
	case bytes.HasPrefix(data, []byte("\x89PNG")), bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}),
		bytes.HasPrefix(data, []byte("GIF8")), bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")),
		len(data) >= 12 && bytes.HasPrefix(data, []byte("RIFF")) && string(data[8:12]) == "WEBP":
		return KindImage
	}
	return KindNone
}

// Refusal returns the error for a file of kind k that argmap cannot read,
// naming what it reads instead; nil for the kinds it reads.
func Refusal(k Kind) error {
	switch k {
	case KindDOC:
		return argmap.Errorf(argmap.EUNSUPPORTED, "this is a legacy Word .doc file, which argmap cannot read: save it as .docx or PDF (argmap reads %s)", Readable)
	case KindOffice:
		return argmap.Errorf(argmap.EUNSUPPORTED, "this is an office file other than a Word document (a spreadsheet, presentation or OpenDocument file): argmap reads %s", Readable)
	case KindArchive:
		return argmap.Errorf(argmap.EUNSUPPORTED, "this is a compressed archive: unpack it and ingest the documents inside (argmap reads %s)", Readable)
	case KindImage:
		return argmap.Errorf(argmap.EUNSUPPORTED, "this is an image: argmap does not read text from images; run OCR first (argmap reads %s)", Readable)
	}
	return nil
}

// BinaryError is the error (EINVALID) for binary data of no known format.
func BinaryError(detail string) error {
	return argmap.Errorf(argmap.EINVALID, "not a document argmap can read (%s): argmap reads %s", detail, Readable)
}

// cleanText makes extracted text safe to store and split: valid UTF-8, no
// NUL or other control characters except tab and newline, ligatures spelled
// out, non-breaking and odd spaces made plain spaces.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r' || r == '\f' || r == '\v':
			b.WriteByte('\n')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xad || r == 0xfeff || r == 0x200b:
			// control characters, soft hyphens and zero-width marks
		case r >= 0xFB00 && r <= 0xFB06:
			b.WriteString(ligatures[r-0xFB00])
		case r == 0xa0 || r == 0x2007 || r == 0x202f || (r >= 0x2000 && r <= 0x200a):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ligatures spell out the Latin ligatures U+FB00..U+FB06.
var ligatures = [...]string{"ff", "fi", "fl", "ffi", "ffl", "ft", "st"}

// joinHyphenated reports whether a line ending in a hyphen and the next line
// are one word broken at the line end: a letter before the hyphen and a
// lower-case letter after it.
func joinHyphenated(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || strings.HasSuffix(prev, "--") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(prev, "-"))
	n, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(r) && unicode.IsLower(n)
}

// joinLines joins the lines of one paragraph with spaces, mending words
// hyphenated at line ends.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			prev := b.String()
			if joinHyphenated(prev, l) {
				s := strings.TrimSuffix(prev, "-")
				b.Reset()
				b.WriteString(s)
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// compose lays out paragraphs and notes as the document text.
func compose(paras, notes []string) string {
	var b strings.Builder
	for _, p := range paras {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
	}
	if len(notes) > 0 {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString("Notes")
		for _, n := range notes {
			if n = strings.TrimSpace(n); n != "" {
				b.WriteString("\n\n")
				b.WriteString(n)
			}
		}
	}
	return b.String()
}

// splitAuthors splits an author field ("A. Smith; B. Jones", "A and B") into
// names.
func splitAuthors(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	sep := func(r rune) bool { return r == ';' || r == '\n' }
	parts := strings.FieldsFunc(s, sep)
	if len(parts) == 1 && strings.Count(s, ",") >= 2 || len(parts) == 1 && strings.Contains(s, ",") && strings.Contains(s, " and ") {
		parts = strings.Split(strings.ReplaceAll(s, " and ", ","), ",")
	} else if len(parts) == 1 && strings.Contains(s, " and ") {
		parts = strings.Split(s, " and ")
	}
	var out []string
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		if p != "" && len(p) <= 200 {
			out = append(out, p)
		}
	}
	return out
}

// plausibleTitle reports whether a metadata title is a title rather than a
// file name, a template default or an application's label.
func plausibleTitle(t string) bool {
	t = strings.TrimSpace(t)
	if t == "" || len(t) > 400 {
		return false
	}
	lt := strings.ToLower(t)
	for _, p := range []string{"microsoft word", "untitled", "document1", "powerpoint presentation", "title", "slide 1", "no title"} {
		if lt == p || strings.HasPrefix(lt, p+" -") || strings.HasPrefix(lt, p+" ") && p == "microsoft word" {
			return false
		}
	}
	for _, ext := range []string{".doc", ".docx", ".pdf", ".tex", ".dvi", ".txt", ".rtf", ".odt", ".indd", ".qxd", ".ps", ".eps"} {
		if strings.HasSuffix(lt, ext) {
			return false
		}
	}
	if !strings.Contains(t, " ") && (strings.ContainsAny(t, "_/\\") || len(t) > 30) {
		return false
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}
