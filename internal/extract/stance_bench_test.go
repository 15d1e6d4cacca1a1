package extract_test

import (
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// BenchmarkJudgeAll judges every claim of judgePairs against one question
// the way an answer does, analysing each text afresh (no caches): what a
// question costs on the answer path.
func BenchmarkJudgeAll(b *testing.B) {
	s := extract.NewStancer()
	for range b.N {
		for _, q := range judgePairs.questions {
			s.JudgeAll(q, judgePairs.claims)
		}
	}
}

// BenchmarkLink links each claim of judgePairs, as a new document's, to
// the others as stored ones, with a fresh linker each time (what ingest
// pays for reading the claims' terms and comparing them).
func BenchmarkLink(b *testing.B) {
	var cs []argmap.Claim
	for i, t := range judgePairs.claims {
		cs = append(cs, argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, "bench", string(rune('a'+i))), Text: t, Gist: t,
			Origin: argmap.OriginExtracted})
	}
	for range b.N {
		l := extract.NewLinker()
		for i := range cs {
			l.Link(cs[i:i+1], cs[:i])
		}
	}
}
