package document_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

func TestPDF(t *testing.T) {
	article := pdfSpec{
		title: "Border Policy in Practice", author: "Ana Müller; José Ñúñez",
		header: "Journal of Asylum Studies · Vol. 3", pageNumbers: true,
		pages: []pdfPageSpec{
			{
				heading: "Border Policy in Practice",
				columns: []string{
					"The agency argues that fences reduce irregular crossings.¹ Critics contend that such fences merely displace routes, as the évaluation in Zürich showed. We there-\nfore conclude that the policy fails.",
					"A second column continues: funding is the decisive factor. Although donors disagree, the figures support this view.",
				},
				footnote: "1 Interview, Geneva, May 2019.",
			},
			{
				columns:  []string{"The second page says that the policy is unjust and that it harms the people it claims to protect."},
				footnote: "2 Field notes, Athens, 2020.",
			},
		},
	}
	noMeta := article
	noMeta.title, noMeta.author = "", ""
	tests := []struct {
		name       string
		spec       pdfSpec
		title      string
		authors    []string
		contains   []string
		notContain []string
		order      []string
	}{
		{
			name: "article with metadata", spec: article,
			title: "Border Policy in Practice", authors: []string{"Ana Müller", "José Ñúñez"},
			contains: []string{
				"We therefore conclude that the policy fails.",
				"The agency argues that fences reduce irregular crossings. Critics contend",
				"Critics contend that such fences merely displace routes, as the évaluation in Zürich showed.",
				"\n\nNotes\n\n1 Interview, Geneva, May 2019.\n\n2 Field notes, Athens, 2020.",
			},
			notContain: []string{"Journal of Asylum Studies", "there-", "\n1\n", "\n2\n"},
			order:      []string{"The agency argues", "the policy fails.", "A second column", "The second page", "Notes", "Interview"},
		},
		{
			name: "title from the first page's layout", spec: noMeta,
			title: "Border Policy in Practice",
		},
		{
			name: "sentence running on into the next column and page",
			spec: pdfSpec{pages: []pdfPageSpec{
				{columns: []string{"Tenants were never consulted, and the reform failed because the", "ministry ignored their objections. A new paragraph then starts"}},
				{columns: []string{"after a page break, mid-sentence."}},
			}},
			contains: []string{
				"the reform failed because the ministry ignored their objections.",
				"A new paragraph then starts after a page break, mid-sentence.",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := reader.PDF(context.Background(), buildPDF(t, tt.spec))
			if err != nil {
				t.Fatalf("PDF() error %v", err)
			}
			if doc.Title != tt.title {
				t.Errorf("PDF().Title = %q, want %q", doc.Title, tt.title)
			}
			if tt.authors != nil {
				if d := cmp.Diff(tt.authors, doc.Authors); d != "" {
					t.Errorf("PDF().Authors (-want +got):\n%s", d)
				}
			}
			for _, s := range tt.contains {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("PDF().Text lacks %q; text:\n%s", s, doc.Text)
				}
			}
			for _, s := range tt.notContain {
				if strings.Contains(doc.Text, s) {
					t.Errorf("PDF().Text holds %q; text:\n%s", s, doc.Text)
				}
			}
			at := -1
			for _, s := range tt.order {
				i := strings.Index(doc.Text, s)
				if i <= at {
					t.Errorf("PDF().Text: %q at %d, not after the previous part (%d); text:\n%s", s, i, at, doc.Text)
				}
				at = i
			}
			if doc.Pages != len(tt.spec.pages) {
				t.Errorf("PDF().Pages = %d, want %d", doc.Pages, len(tt.spec.pages))
			}
		})
	}
}

func TestPDFRefused(t *testing.T) {
	one := []pdfPageSpec{{columns: []string{"Some text that is there."}}}
	tests := []struct {
		name string
		data []byte
		code string
		msg  string
	}{
		{"scan without a text layer", buildPDF(t, pdfSpec{imageOnly: true}), argmap.EINVALID, "no text layer"},
		{"password", buildPDF(t, pdfSpec{pages: one, password: "secret"}), argmap.EINVALID, "password"},
		{"damaged", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF"), argmap.EINVALID, "unreadable PDF"},
		{"truncated", buildPDF(t, pdfSpec{pages: one})[:200], argmap.EINVALID, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := reader.PDF(context.Background(), tt.data)
			if argmap.ErrorCode(err) != tt.code || !strings.Contains(argmap.ErrorMessage(err), tt.msg) {
				t.Errorf("PDF() error = %v (code %q), want code %q with %q", err, argmap.ErrorCode(err), tt.code, tt.msg)
			}
		})
	}
}

func TestDOCX(t *testing.T) {
	body := para("Title", "Why Quotas Fail") +
		para("", "By the editors") +
		para("Heading1", "Background") +
		para("", "The ministry claims that quotas ", `<w:r><w:t>protect</w:t></w:r>`, " workers.", `<w:r><w:footnoteReference w:id="1"/></w:r>`) +
		para("", "This is ", `<w:del w:id="9"><w:r><w:delText>not </w:delText></w:r></w:del>`, `<w:ins w:id="10"><w:r><w:t>plainly </w:t></w:r></w:ins>`, "wrong: the ﬁgures show the opposite, in Köln and in Łódź.") +
		para("", `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`, "Field codes are not text.") +
		`<w:tbl><w:tr><w:tc>` + para("", "Cell one") + `</w:tc><w:tc>` + para("", "Cell two") + `</w:tc></w:tr></w:tbl>` +
		para("", "Line one", `<w:r><w:br/></w:r>`, "line two", `<w:r><w:tab/></w:r>`, "after a tab.")
	notes := `<w:footnote w:id="1"><w:p><w:r><w:t>Interview with a union official, 2018.</w:t></w:r></w:p></w:footnote>`
	tests := []struct {
		name    string
		spec    docxSpec
		want    string
		title   string
		authors []string
		date    string
	}{
		{
			name:  "body, table, tracked changes, footnotes, core properties",
			spec:  docxSpec{coreTitle: "Quotas and Labour", creator: "R. Okafor", created: "2019-05-17T09:30:00Z", body: body, footnotes: notes},
			title: "Quotas and Labour", authors: []string{"R. Okafor"}, date: "2019-05-17",
			want: "Why Quotas Fail\n\nBy the editors\n\nBackground\n\nThe ministry claims that quotas protect workers.\n\n" +
				"This is plainly wrong: the figures show the opposite, in Köln and in Łódź.\n\nField codes are not text.\n\n" +
				"Cell one\n\nCell two\n\nLine one\nline two after a tab.\n\nNotes\n\n1. Interview with a union official, 2018.",
		},
		{
			name:  "title from the Title style when core properties have none",
			spec:  docxSpec{coreTitle: "Document1", body: body},
			title: "Why Quotas Fail",
			want: "Why Quotas Fail\n\nBy the editors\n\nBackground\n\nThe ministry claims that quotas protect workers.\n\n" +
				"This is plainly wrong: the figures show the opposite, in Köln and in Łódź.\n\nField codes are not text.\n\n" +
				"Cell one\n\nCell two\n\nLine one\nline two after a tab.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := document.DOCX(buildDOCX(t, tt.spec))
			if err != nil {
				t.Fatalf("DOCX() error %v", err)
			}
			if d := cmp.Diff(tt.want, doc.Text); d != "" {
				t.Errorf("DOCX().Text (-want +got):\n%s", d)
			}
			if doc.Title != tt.title || doc.Date != tt.date || !cmp.Equal(doc.Authors, tt.authors) {
				t.Errorf("DOCX() title, authors, date = %q, %q, %q, want %q, %q, %q", doc.Title, doc.Authors, doc.Date, tt.title, tt.authors, tt.date)
			}
		})
	}
}

func TestDOCXRefused(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		msg  string
	}{
		{"not a zip", []byte("PK\x03\x04 broken"), "damaged"},
		{"no document part", buildZip(t, map[string]string{"word/other.xml": "<x/>"}), "no word/document.xml"},
		{"malformed XML", buildZip(t, map[string]string{"word/document.xml": "<w:document><w:body><w:p>"}), ""},
		{"empty", buildDOCX(t, docxSpec{body: para("", "  ")}), "empty document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := document.DOCX(tt.data)
			if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(argmap.ErrorMessage(err), tt.msg) {
				t.Errorf("DOCX() error = %v, want EINVALID with %q", err, tt.msg)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		file string
		want document.Kind
	}{
		{"pdf", []byte("%PDF-1.7\n..."), "", document.KindPDF},
		{"pdf after junk", []byte("\x00\x00junk%PDF-1.4"), "", document.KindPDF},
		{"docx", buildDOCX(t, docxSpec{body: para("", "x")}), "", document.KindDOCX},
		{"xlsx", buildZip(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>"}), "", document.KindOffice},
		{"zip", buildZip(t, map[string]string{"a.txt": "a"}), "", document.KindArchive},
		{"broken docx by name", []byte("PK\x03\x04xx"), "report.docx", document.KindDOCX},
		{"doc", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}, "", document.KindDOC},
		{"gzip", []byte{0x1F, 0x8B, 8, 0}, "", document.KindArchive},
		{"png", []byte("\x89PNG\r\n\x1a\n"), "", document.KindImage},
		{"text", []byte("Plain words."), "", document.KindNone},
	}
	for _, tt := range tests {
		if got := document.Sniff(tt.data, tt.file); got != tt.want {
			t.Errorf("Sniff(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, k := range []document.Kind{document.KindDOC, document.KindOffice, document.KindArchive, document.KindImage} {
		err := document.Refusal(k)
		if argmap.ErrorCode(err) != argmap.EUNSUPPORTED || !strings.Contains(argmap.ErrorMessage(err), document.Readable) {
			t.Errorf("Refusal(%q) = %v, want EUNSUPPORTED naming %q", k, err, document.Readable)
		}
	}
}

// TestPDFRaisedNoteNumber: a note number set small and raised after a
// sentence is not glued to it in the text.
func TestPDFRaisedNoteNumber(t *testing.T) {
	p := fpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddPage()
	p.SetFont("go", "", 11)
	p.Write(6, "Fences displace routes.")
	p.SubWrite(6, "12", 7, 3, 0, "")
	p.Write(6, " Smugglers adapt within weeks.")
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := reader.PDF(context.Background(), buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if want := "Fences displace routes. Smugglers adapt within weeks."; doc.Text != want {
		t.Errorf("PDF().Text = %q, want %q", doc.Text, want)
	}
}
