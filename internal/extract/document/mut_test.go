package document_test

import (
	"context"
	"math/rand"
	"testing"
)

// TestPDFMutations reads 100 copies of a small PDF with a few random bytes
// changed (a fixed seed, so every run reads the same files): each read ends
// in text or in an error a user can act on. Fuzzing PDFium through go test
// -fuzz runs slowly (each fuzz worker starts its own PDFium), so this keeps
// a broad sample of damaged files in every test run.
func TestPDFMutations(t *testing.T) {
	seed := buildPDF(t, pdfSpec{title: "T", author: "A", header: "H", pageNumbers: true,
		pages: []pdfPageSpec{{heading: "Head", columns: []string{"One col-\numn.", "Two."}, footnote: "1 Note."}}})
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 100; i++ {
		d := append([]byte(nil), seed...)
		for k := 0; k < 1+r.Intn(8); k++ {
			d[r.Intn(len(d))] = byte(r.Intn(256))
		}
		doc, err := reader.PDF(context.Background(), d)
		checkRead(t, doc, err)
	}
}
