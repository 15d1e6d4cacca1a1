package meta_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/meta"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestCorpus checks Detect on the five corpus documents against what their
// pages say (the corpus README describes each document's kind). Fields are
// checked only where the page states them.
func TestCorpus(t *testing.T) {
	shared := sharedtest.Dir(t)
	tests := []struct {
		file        string
		kind        string
		year        string
		titlePrefix string
		firstAuthor string
	}{
		{"000_0f8012e168d0710d.txt", argmap.SourceArticle, "2011", "Migration management for the benefit of whom?", ""},
		{"001_09d2db43c82dc8cd.txt", argmap.SourceBook, "", "001_09d2db43c82dc8cd", ""},
		{"002_4c116c097b2ba0b1.txt", argmap.SourceArticle, "2010", "The International Organization for Migration and the international government of borders", "Rutvica Andrijasevic"},
		{"003_95a1ca5cadbce04d.txt", argmap.SourceArticle, "2021", "The International Organization for Migration (IOM)", "Inken Bartels"},
		{"004_4372c09d69d37edd.txt", argmap.SourceForumThread, "2006", "IOM - whose side are they on?", ""},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(shared, "corpus", "iom", tt.file))
		if err != nil {
			t.Errorf("read %s: %v", tt.file, err)
			continue
		}
		m := meta.Detect(string(b), tt.file)
		t.Logf("%s: %+v", tt.file, m)
		if m.Kind != tt.kind {
			t.Errorf("Detect(%s).Kind = %q, want %q", tt.file, m.Kind, tt.kind)
		}
		if m.Year != tt.year {
			t.Errorf("Detect(%s).Year = %q, want %q", tt.file, m.Year, tt.year)
		}
		if !strings.HasPrefix(m.Title, tt.titlePrefix) {
			t.Errorf("Detect(%s).Title = %q, want prefix %q", tt.file, m.Title, tt.titlePrefix)
		}
		if tt.firstAuthor != "" && (len(m.Authors) == 0 || m.Authors[0] != tt.firstAuthor) {
			t.Errorf("Detect(%s).Authors = %q, want first %q", tt.file, m.Authors, tt.firstAuthor)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	text := sharedtest.Repeated(b, 5<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		meta.Detect(text, "corpus.txt")
	}
}

// BenchmarkDetectDocs reads each corpus document's metadata in turn, as
// extraction does a document at a time (BenchmarkDetect reads one long
// text, whose head is its first document's).
func BenchmarkDetectDocs(b *testing.B) {
	texts, size := sharedtest.CorpusTexts(b)
	b.SetBytes(int64(size))
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			meta.Detect(t, "doc.txt")
		}
	}
}
