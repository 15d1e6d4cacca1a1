package extract_test

import (
	"strings"
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

// BenchmarkJudgeAllInContext judges the claims of judgePairs and four whose
// subject points back, each with a gist (the text without its full stop, or
// with its subject named), as an answer does: "alone" reads the texts only
// (JudgeAll), "context" reads the referring subjects as their gists name
// them (JudgeAllInContext).
func BenchmarkJudgeAllInContext(b *testing.B) {
	texts := append([]string(nil), judgePairs.claims...)
	var gists []string
	for _, t := range texts {
		gists = append(gists, strings.TrimSuffix(t, "."))
	}
	for _, c := range [][2]string{
		{"It blocks the ferries every winter.", "The harbour authority blocks the ferries every winter"},
		{"However, the authority does not block the ferries.", "The harbour authority does not block the ferries"},
		{"They lack shelter in the north.", "Internally displaced people lack shelter in the north"},
		{"This company should be sold.", "The ferry company should be sold"},
	} {
		texts, gists = append(texts, c[0]), append(gists, c[1])
	}
	s := extract.NewStancer()
	b.Run("alone", func(b *testing.B) {
		for range b.N {
			for _, q := range judgePairs.questions {
				s.JudgeAll(q, texts)
			}
		}
	})
	b.Run("context", func(b *testing.B) {
		for range b.N {
			for _, q := range judgePairs.questions {
				s.JudgeAllInContext(q, texts, gists)
			}
		}
	})
}
