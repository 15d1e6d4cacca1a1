package structure_test

import (
	"os"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/sharedtest"
)

// BenchmarkStructure segments and parses every sentence of the IOM corpus
// (the structure stage alone; BenchmarkExtract in extract measures the
// whole pipeline).
func BenchmarkStructure(b *testing.B) {
	m, err := structure.Default()
	if err != nil {
		b.Fatal(err)
	}
	type doc struct {
		text  string
		sents []structure.Sentence
	}
	var docs []doc
	total := 0
	for _, f := range sharedtest.CorpusFiles(b) {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc{string(data), extract.StructureSentences(string(data))})
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			units := m.Segment(d.text, d.sents)
			m.Parse(d.text, units, structure.ParseOptions{OneArgument: 24})
		}
	}
}
