package document_test

import (
	"bytes"
	"compress/zlib"
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

// bombPDF writes a one-page PDF of a few hundred kilobytes whose content
// stream inflates to mb megabytes: reading it takes memory out of all
// proportion to the file (a 400 MB stream took a reader over 1 GiB).
func bombPDF(t testing.TB, mb int) []byte {
	t.Helper()
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	zw.Write([]byte("BT /F1 9 Tf 100 700 Td (Word) Tj ET\n"))
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range mb {
		zw.Write(chunk)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return writePDF([]string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	})
}

// TestPDFWorker: the worker processes that read PDFs are reused, bounded in
// memory, replaced when they die, and refused with a clear error when they
// cannot start.
func TestPDFWorker(t *testing.T) {
	plain := buildPDF(t, pdfSpec{pages: []pdfPageSpec{{columns: []string{"A plain page of text."}}}})
	readsPlain := func(t *testing.T, r *document.Reader) {
		t.Helper()
		doc, err := r.PDF(context.Background(), plain)
		if err != nil || !strings.Contains(doc.Text, "A plain page of text.") {
			t.Fatalf("PDF(plain) = %v, %v; want its text", doc, err)
		}
	}
	tests := []struct {
		name string
		opt  func() document.Options
		run  func(t *testing.T, r *document.Reader)
	}{
		{"one worker reads one PDF after another", workerOptions, func(t *testing.T, r *document.Reader) {
			readsPlain(t, r)
			first := document.WorkerPIDs(r)
			readsPlain(t, r)
			readsPlain(t, r)
			if got := document.WorkerPIDs(r); len(first) != 1 || fmt.Sprint(got) != fmt.Sprint(first) {
				t.Fatalf("workers %v after the first PDF, %v after three; want the same one", first, got)
			}
		}},
		{"a PDF that needs more memory than allowed", func() document.Options {
			o := workerOptions()
			o.MemoryLimit = 512 << 20
			return o
		}, func(t *testing.T, r *document.Reader) {
			if runtime.GOOS != "linux" {
				t.Skip("worker memory is limited on Linux only")
			}
			if raceEnabled {
				t.Skip("under -race the worker's race detector needs more shadow memory than the limit leaves it to start")
			}
			_, err := r.PDF(context.Background(), bombPDF(t, 600))
			if argmap.ErrorCode(err) != argmap.ETOOLARGE || !strings.Contains(argmap.ErrorMessage(err), "more memory") {
				t.Fatalf("PDF(bomb) = %v, want too_large saying it needs more memory", err)
			}
			readsPlain(t, r)
		}},
		{"a worker killed while idle is replaced", workerOptions, func(t *testing.T, r *document.Reader) {
			readsPlain(t, r)
			for _, pid := range document.WorkerPIDs(r) {
				syscall.Kill(pid, syscall.SIGKILL)
			}
			readsPlain(t, r)
		}},
		{"a worker that cannot start", func() document.Options {
			o := workerOptions()
			o.Worker = []string{"/nonexistent/argmap"}
			return o
		}, func(t *testing.T, r *document.Reader) {
			_, err := r.PDF(context.Background(), plain)
			if argmap.ErrorCode(err) != argmap.EUNAVAILABLE || !strings.Contains(argmap.ErrorMessage(err), "cannot start the PDF reader") {
				t.Fatalf("PDF = %v, want unavailable: cannot start the PDF reader", err)
			}
		}},
		{"a worker that does not speak the protocol", func() document.Options {
			// The test binary without workerEnv runs no test and prints PASS.
			return document.Options{CacheDir: cacheDir(), Worker: []string{os.Args[0], "-test.run=^$"}}
		}, func(t *testing.T, r *document.Reader) {
			_, err := r.PDF(context.Background(), plain)
			if argmap.ErrorCode(err) != argmap.EUNAVAILABLE || !strings.Contains(argmap.ErrorMessage(err), "cannot start the PDF reader") {
				t.Fatalf("PDF = %v, want unavailable: cannot start the PDF reader", err)
			}
		}},
		{"closed", workerOptions, func(t *testing.T, r *document.Reader) {
			readsPlain(t, r)
			r.Close()
			if pids := document.WorkerPIDs(r); len(pids) != 0 {
				t.Fatalf("workers %v still running after Close", pids)
			}
			_, err := r.PDF(context.Background(), plain)
			if argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
				t.Fatalf("PDF after Close = %v, want unavailable", err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := document.NewReader(tt.opt())
			defer r.Close()
			tt.run(t, r)
		})
	}
}
