package document_test

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

// checkRead holds what any read must give: an error with a code a user can
// act on, or text that is valid UTF-8 without control characters other
// than newline and tab.
func checkRead(t *testing.T, doc *document.Document, err error) {
	t.Helper()
	if err != nil {
		switch argmap.ErrorCode(err) {
		case argmap.EINVALID, argmap.ETOOLARGE, argmap.EUNSUPPORTED:
		default:
			t.Fatalf("error %v has code %q, want invalid, too_large or unsupported", err, argmap.ErrorCode(err))
		}
		return
	}
	if strings.TrimSpace(doc.Text) == "" {
		t.Fatal("no error and no text")
	}
	for _, s := range append([]string{doc.Text, doc.Title, doc.Date}, doc.Authors...) {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in %q", s)
		}
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f {
				t.Fatalf("control character %U in %q", r, s)
			}
		}
	}
}

func FuzzDOCX(f *testing.F) {
	f.Add(buildDOCX(f, docxSpec{coreTitle: "T", creator: "A; B", created: "2020-01-02T00:00:00Z",
		body:      para("Title", "Heading") + para("", "Some ", `<w:r><w:t>text</w:t></w:r>`, `<w:r><w:footnoteReference w:id="1"/></w:r>`),
		footnotes: `<w:footnote w:id="1"><w:p><w:r><w:t>A note.</w:t></w:r></w:p></w:footnote>`}))
	f.Add(buildZip(f, map[string]string{"word/document.xml": "<w:document><w:body><w:p><w:r><w:t>x\x01y</w:t></w:r></w:p></w:body></w:document>"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := document.DOCX(data)
		checkRead(t, doc, err)
	})
}

func FuzzPDF(f *testing.F) {
	f.Add(buildPDF(f, pdfSpec{title: "T", author: "A", header: "H", pageNumbers: true,
		pages: []pdfPageSpec{{heading: "Head", columns: []string{"One col-\numn.", "Two."}, footnote: "1 Note."}}}))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Add([]byte("%PDF-"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := reader.PDF(context.Background(), data)
		checkRead(t, doc, err)
	})
}
