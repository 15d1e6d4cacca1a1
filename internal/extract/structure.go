package extract

import argstruct "github.com/argmap/argmap/internal/extract/structure"

// StructureSentences splits text into sentences the way the pipeline does,
// with their paragraphs: what the structure parser is trained on.
func StructureSentences(text string) []argstruct.Sentence {
	segs := Segments(text)
	sents := Sentences(text, segs)
	out := make([]argstruct.Sentence, len(sents))
	for i, s := range sents {
		out[i] = argstruct.Sentence{Start: s.Start, End: s.End, Para: segs[s.Seg].Para}
	}
	return out
}
