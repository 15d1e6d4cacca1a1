package document_test

import (
	"context"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/document"
)

// BenchmarkPDF reads a 20-page two-column PDF (PDFium already started).
func BenchmarkPDF(b *testing.B) {
	col := strings.Repeat("The agency argues that fences reduce irregular crossings, while critics contend that they displace routes. ", 12)
	var pages []pdfPageSpec
	for range 20 {
		pages = append(pages, pdfPageSpec{columns: []string{col, col}, footnote: "1 Interview, Geneva, May 2019."})
	}
	data := buildPDF(b, pdfSpec{title: "Bench", header: "Journal · Vol. 1", pageNumbers: true, pages: pages})
	ctx := context.Background()
	if _, err := reader.PDF(ctx, data); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := reader.PDF(ctx, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDOCX reads a Word document of 2,000 paragraphs.
func BenchmarkDOCX(b *testing.B) {
	var body strings.Builder
	for range 2000 {
		body.WriteString(para("", "The agency argues that fences reduce irregular crossings, while critics contend that they displace routes."))
	}
	data := buildDOCX(b, docxSpec{body: body.String()})
	b.SetBytes(int64(len(data)))
	for range b.N {
		if _, err := document.DOCX(data); err != nil {
			b.Fatal(err)
		}
	}
}
