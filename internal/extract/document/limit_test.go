package document_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

// nestedPDF writes a one-page PDF of a few kilobytes whose page draws form
// X<depth>, which draws X<depth-1> twice, and so on down to X0, one word:
// 2^depth words to lay out, a file crafted to keep a reader busy.
func nestedPDF(t testing.TB, depth int) []byte {
	t.Helper()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X%d %d 0 R >> >> /Contents 4 0 R >>", depth, 6+depth),
		"", // 4: the page's content
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	stream := func(dict, body string) string {
		return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(body), body)
	}
	objs[3] = stream("", fmt.Sprintf("/X%d Do", depth))
	// X0 is object 6, Xk object 6+k.
	objs = append(objs, stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>",
		"BT /F1 9 Tf 100 700 Td (Word) Tj ET"))
	for k := 1; k <= depth; k++ {
		objs = append(objs, stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X%d %d 0 R >> >>", k-1, 5+k),
			fmt.Sprintf("/X%d Do 1 0 0 1 1 0 cm /X%d Do", k-1, k-1)))
	}
	return writePDF(objs)
}

// writePDF joins objects 1..n into a PDF with a correct cross-reference
// table; object 1 is the catalog.
func writePDF(objs []string) []byte {
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

// TestPDFTimeLimit: a 4 KB PDF of nested forms keeps PDFium inside one call
// for hours (depth 14 took 28 s, depth 16 over 2 minutes on the shared
// machine; each level doubles it). The read stops at the reader's time limit
// or when the caller's context ends, with an error saying which, and the
// reader goes on reading other PDFs: in a worker process (killed and
// replaced) and in this process (PDFium stopped inside its call). Before the
// limit the read held its PDFium instance until it finished (the test hit
// its guard). A worker process may instead reach its memory limit first
// (PDFium's memory grows with the nesting; on a quiet machine it can pass
// 1 GiB inside the second, and before the caller's context ends too): that
// stop is as good, ETOOLARGE saying so, and the worker is replaced the same
// way.
func TestPDFTimeLimit(t *testing.T) {
	const memoryStop = "needs more memory to read than one document may use"
	crafted := nestedPDF(t, 24)
	plain := buildPDF(t, pdfSpec{pages: []pdfPageSpec{{columns: []string{"A plain page of text."}}}})
	limitedWorker := workerOptions()
	limitedWorker.Workers, limitedWorker.Timeout = 1, time.Second
	limited := []*document.Reader{
		document.NewReader(limitedWorker),
		document.NewReader(document.Options{CacheDir: cacheDir(), Workers: 1, Timeout: time.Second}),
	}
	t.Cleanup(func() {
		for _, r := range limited {
			r.Close()
		}
	})
	endsAfter := func(d time.Duration) func() (context.Context, context.CancelFunc) {
		return func() (context.Context, context.CancelFunc) { return context.WithTimeout(context.Background(), d) }
	}
	background := func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) }
	tests := []struct {
		name    string
		r       *document.Reader
		ctx     func() (context.Context, context.CancelFunc)
		code    string
		message string
		or      string // another message that is right (with orCode), or ""
		orCode  string
	}{
		{"time limit, worker", limited[0], background, argmap.ETOOLARGE, "not read within 1s", memoryStop, argmap.ETOOLARGE},
		{"time limit, in process", limited[1], background, argmap.ETOOLARGE, "not read within 1s", "", ""},
		{"context ends, worker", reader, endsAfter(time.Second), argmap.EUNAVAILABLE, "cancelled", memoryStop, argmap.ETOOLARGE},
		{"context ends, in process", inProcess, endsAfter(time.Second), argmap.EUNAVAILABLE, "cancelled", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := tt.ctx()
			defer cancel()
			type result struct {
				doc *document.Document
				err error
			}
			done := make(chan result, 1)
			go func() {
				doc, err := tt.r.PDF(ctx, crafted)
				done <- result{doc, err}
			}()
			select {
			case got := <-done:
				code := argmap.ErrorCode(got.err)
				said := got.err != nil && (code == tt.code && strings.Contains(got.err.Error(), tt.message) ||
					tt.or != "" && code == tt.orCode && strings.Contains(got.err.Error(), tt.or))
				if !said {
					t.Fatalf("PDF(crafted) = %v, want %s saying %q", got.err, tt.code, tt.message)
				}
			case <-time.After(2 * time.Minute):
				t.Fatal("PDF(crafted) still reading after 2 minutes")
			}
			// The stopped reader is replaced: the next PDF reads.
			doc, err := tt.r.PDF(context.Background(), plain)
			if err != nil || !strings.Contains(doc.Text, "A plain page of text.") {
				t.Fatalf("PDF(plain) after the stop = %v, %v; want its text", doc, err)
			}
		})
	}
}
