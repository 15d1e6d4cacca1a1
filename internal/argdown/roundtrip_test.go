package argdown_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argdown"
	"github.com/argmap/argmap/internal/argmap"
)

var now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func source(data []byte) argmap.Source {
	h := argmap.ContentHash(data)
	return argmap.Source{ID: argmap.DerivedID(argmap.KindSource, h), Title: "t", ContentHash: h, Text: string(data), CreatedAt: now}
}

// importDoc parses data and maps it onto a graph that validates.
func importDoc(t *testing.T, data []byte) *argmap.Graph {
	t.Helper()
	doc, err := argdown.Parse(data)
	if err != nil {
		t.Fatalf("Parse = %v", err)
	}
	src := source(data)
	g, err := argdown.ToGraph(doc, src, now)
	if err != nil {
		t.Fatalf("ToGraph = %v", err)
	}
	g.Sources = []argmap.Source{src}
	if err := g.Validate(nil); err != nil {
		t.Fatalf("ToGraph gave an invalid graph: %v", err)
	}
	return g
}

// TestRoundTripExamples: Argdown → argmap → Argdown keeps the counts the
// CLI reports (read back here by our parser; scripts/argdown-check.sh reads
// them back with the real CLI).
func TestRoundTripExamples(t *testing.T) {
	dir := sharedDir(t, "examples")
	golden := sharedDir(t, "golden")
	files, _ := filepath.Glob(filepath.Join(dir, "*.argdown"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".argdown")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			g := importDoc(t, data)
			out, err := argdown.Write(g)
			if err != nil {
				t.Fatalf("Write = %v", err)
			}
			doc, err := argdown.Parse(out)
			if err != nil {
				t.Fatalf("Parse(Write) = %v\n%s", err, out)
			}
			want := goldenCounts(t, filepath.Join(golden, name+".json"))
			if got := doc.Count(); got.String() != want.String() {
				t.Errorf("round trip counts = %s, want %s\n%s", got, want, out)
			}
			orig, _ := argdown.Parse(data)
			if got, want := sections(doc), sections(orig); got != want {
				t.Errorf("round trip sections = %s, want %s", got, want)
			}
		})
	}
}

// sections lists a document's headings with their levels.
func sections(doc *argdown.Document) string {
	var parts []string
	for _, s := range doc.Sections {
		parts = append(parts, strings.Repeat("#", s.Level)+" "+s.Title)
	}
	return strings.Join(parts, " | ")
}
