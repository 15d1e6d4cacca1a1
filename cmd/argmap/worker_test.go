package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// TestMain lets the test binary stand in for argmap where argmap starts
// itself as a helper: as the PDF worker ("argmap pdf-worker"), which the
// commands under test start from their own executable, this binary.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == pdfWorkerCommand {
		os.Exit(run(context.Background(), &env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// TestPDFThroughWorker: argmap reads a PDF in its PDF worker, a copy of its
// own executable started with the hidden command (here the test binary,
// through TestMain), and the hidden command refuses to be run by hand with
// arguments.
func TestPDFThroughWorker(t *testing.T) {
	dir := t.TempDir()
	p := fpdf.New("P", "mm", "A4", "")
	p.SetTitle("Fences and Routes", true)
	p.AddPage()
	p.SetFont("Helvetica", "", 11)
	p.MultiCell(0, 5, "The agency argues that fences reduce irregular crossings. Critics contend that fences merely displace the routes people take.", "", "L", false)
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "fences.pdf")
	if err := os.WriteFile(pdf, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"extract a PDF", []string{"extract", pdf}, 0, "Critics contend that fences merely displace the routes people take.", ""},
		{"the worker by hand with arguments", []string{pdfWorkerCommand, "x.pdf"}, 2, "", "takes no arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, nil, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Fatalf("argmap %v = %d\nstdout: %s\nstderr: %s\nwant %d, stdout with %q, stderr with %q", tt.args, code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}
