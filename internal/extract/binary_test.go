package extract_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// testPDF builds a two-page report: a title in large type, a running header
// and page numbers, a word hyphenated at a line end and a footnote.
func testPDF(t testing.TB) []byte {
	t.Helper()
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.SetHeaderFunc(func() {
		p.SetFont("go", "", 8)
		p.CellFormat(0, 5, "Quarterly Review of Labour Policy", "", 1, "C", false, 0, "")
	})
	p.SetFooterFunc(func() {
		p.SetY(-12)
		p.SetFont("go", "", 8)
		p.CellFormat(0, 5, fmt.Sprint(p.PageNo()), "", 0, "C", false, 0, "")
	})
	p.AddPage()
	p.SetFont("go", "", 20)
	p.MultiCell(0, 9, "Minimum Wages and Employment", "", "C", false)
	p.Ln(4)
	p.SetFont("go", "", 11)
	p.MultiCell(0, 6, "The council argues that a higher minimum wage reduces poverty among young work-\ners. Critics contend that it destroys entry-level jobs in small firms.", "", "L", false)
	p.SetY(-32)
	p.SetFont("go", "", 8)
	p.MultiCell(0, 4, "1 Interview, Leeds, March 2017.", "", "L", false)
	p.AddPage()
	p.SetFont("go", "", 11)
	p.MultiCell(0, 6, "The evidence from Portugal shows that employment did not fall after the increase.", "", "L", false)
	var out bytes.Buffer
	if err := p.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// testDOCX builds a Word document with a title, a header part and a
// footnote.
func testDOCX(t testing.TB) []byte {
	t.Helper()
	ns := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	run := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	parts := map[string]string{
		"word/document.xml": `<w:document ` + ns + `><w:body>` +
			`<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>` + run("Rent Control Revisited") + `</w:p>` +
			`<w:p>` + run("The tenants’ union claims that rent control protects families from displacement.") + `<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
			`<w:p>` + run("Economists argue that it shrinks the supply of rental housing.") + `</w:p>` +
			`</w:body></w:document>`,
		"word/header1.xml":   `<w:hdr ` + ns + `><w:p>` + run("City Housing Bulletin") + `</w:p></w:hdr>`,
		"word/footnotes.xml": `<w:footnotes ` + ns + `><w:footnote w:id="1"><w:p>` + run("Survey of 400 households, 2021.") + `</w:p></w:footnote></w:footnotes>`,
		"docProps/core.xml":  `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"><dc:creator>Mara Lind</dc:creator><dcterms:created>2021-06-01T08:00:00Z</dcterms:created></cp:coreProperties>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range []string{"word/document.xml", "word/header1.xml", "word/footnotes.xml", "docProps/core.xml"} {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[n]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// plainPDF writes a one-page PDF by hand with nothing compressed: no NUL
// byte and every operator readable as text, so that only its "%PDF-" tells
// it from a text file.
func plainPDF(lines ...string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 72 720 Td")
	for i, l := range lines {
		if i > 0 {
			content.WriteString(" 0 -16 Td")
		}
		content.WriteString(" (" + l + ") Tj")
	}
	content.WriteString(" ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestExtractBinaryDocuments(t *testing.T) {
	cache := ""
	if d, err := os.UserCacheDir(); err == nil {
		cache = filepath.Join(d, "argmap", "pdfium") // where the CLI keeps PDFium's compiled code
	}
	pipe := extract.New(extract.Options{CacheDir: cache})
	tests := []struct {
		name, file string
		data       []byte
		title      string
		authors    []string
		date       string
		claims     []string // claim texts that must be found, exactly
		absent     []string // text that must not be in the source text
	}{
		{
			name: "pdf", file: "report.pdf", data: testPDF(t),
			title: "Minimum Wages and Employment",
			claims: []string{
				"The council argues that a higher minimum wage reduces poverty among young workers.",
				"Critics contend that it destroys entry-level jobs in small firms.",
			},
			absent: []string{"Quarterly Review", "work-", "\n1\n", "\n2\n"},
		},
		{
			// argmap once read such a file as text: its operators became claims
			name: "uncompressed pdf", file: "congestion-charge.pdf",
			data:  plainPDF("The mayor argues that the congestion charge cleans the air.", "Traders contend that it drives shoppers away."),
			title: "congestion charge",
			claims: []string{
				"The mayor argues that the congestion charge cleans the air.",
				"Traders contend that it drives shoppers away.",
			},
			absent: []string{"BT /F1", "Tj", "<<", "endobj", "/Type"},
		},
		{
			name: "docx", file: "memo.docx", data: testDOCX(t),
			title: "Rent Control Revisited", authors: []string{"Mara Lind"}, date: "2021-06-01",
			claims: []string{"Economists argue that it shrinks the supply of rental housing."},
			absent: []string{"City Housing Bulletin"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := pipe.Extract(context.Background(), argmap.Document{Name: tt.file, URI: tt.file, Data: tt.data})
			if err != nil {
				t.Fatalf("Extract(%s) error: %v", tt.file, err)
			}
			if err := g.Validate(nil); err != nil {
				t.Fatalf("Extract(%s) draft does not validate: %v", tt.file, err)
			}
			src := g.Sources[0]
			if src.Title != tt.title {
				t.Errorf("title = %q, want %q", src.Title, tt.title)
			}
			if tt.authors != nil && strings.Join(src.Authors, "|") != strings.Join(tt.authors, "|") {
				t.Errorf("authors = %q, want %q", src.Authors, tt.authors)
			}
			if tt.date != "" && src.Date != tt.date {
				t.Errorf("date = %q, want %q", src.Date, tt.date)
			}
			for _, a := range tt.absent {
				if strings.Contains(src.Text, a) {
					t.Errorf("source text holds %q:\n%s", a, src.Text)
				}
			}
			have := map[string]bool{}
			for _, c := range g.Claims {
				have[c.Text] = true
				for _, sp := range c.Spans {
					if src.Text[sp.Start:sp.End] != sp.Quote {
						t.Errorf("claim %s: span [%d,%d) quotes %q, text there is %q", c.ID, sp.Start, sp.End, sp.Quote, src.Text[sp.Start:sp.End])
					}
				}
			}
			for _, c := range tt.claims {
				if !have[c] {
					t.Errorf("no claim %q; claims: %v", c, have)
				}
			}
			for _, e := range g.Evidence {
				if strings.Contains(e.Text, "Interview, Leeds") || strings.Contains(e.Text, "Survey of 400") {
					for _, r := range g.Relations {
						for _, f := range r.From {
							if f == e.ID {
								t.Errorf("footnote %q wired as %s of %s", e.Text, r.Kind, r.To)
							}
						}
					}
				}
			}
		})
	}
}

// TestExtractBinaryTextLimit: a small Word file whose text unpacks past the
// size limit is refused, not extracted.
func TestExtractBinaryTextLimit(t *testing.T) {
	var body strings.Builder
	for range 200 {
		body.WriteString(`<w:p><w:r><w:t>` + strings.Repeat("All work and no play makes a dull report. ", 20) + `</w:t></w:r></w:p>`)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`))
	zw.Close()
	_, err := extract.New(extract.Options{MaxBytes: 100 << 10}).Extract(context.Background(), argmap.Document{Name: "big.docx", Data: buf.Bytes()})
	if argmap.ErrorCode(err) != argmap.ETOOLARGE {
		t.Errorf("Extract(docx with 168 kB of text, limit 100 kB) error = %v, want too_large", err)
	}
}
