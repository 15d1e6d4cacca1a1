package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
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

// BenchmarkSigs makes the link signatures of the claims extracted from the
// mixed corpus of BenchmarkIngestCorpus (the IOM documents, the demo's and
// the microtexts of ../shared/data/microtexts2): each text analysed
// (Stancer.analyse behind makeSig), what ingest pays for a new claim's
// signature. "fresh" reads the link keys with a new linker (and Stancer)
// each op, as one `argmap ingest` of that corpus does; "kept" makes them
// again with one linker's Stancer for all ops, as a long ingest or a
// server does for texts it has not met. Skipped without ../shared.
func BenchmarkSigs(b *testing.B) {
	files := sharedtest.CorpusFiles(b)
	for _, g := range []string{"../../scripts/demo/corpus/*", filepath.Join(sharedtest.Dir(b), "data", "microtexts2", "*.txt")} {
		more, err := filepath.Glob(g)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, more...)
	}
	p := extract.New(extract.Options{})
	var cs []argmap.Claim
	var texts []string
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		g, err := p.Extract(context.Background(), argmap.Document{Name: filepath.Base(f), Data: d})
		if err != nil {
			b.Fatal(err)
		}
		cs = append(cs, g.Claims...)
		for _, c := range g.Claims {
			texts = append(texts, c.Text)
		}
	}
	b.Run("fresh", func(b *testing.B) {
		for range b.N {
			l := extract.NewLinker()
			for _, c := range cs {
				l.Keys(c)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(cs)), "µs/claim")
	})
	b.Run("kept", func(b *testing.B) {
		l := extract.NewLinker()
		extract.MakeSigs(l, texts)
		b.ResetTimer()
		for range b.N {
			extract.MakeSigs(l, texts)
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(texts)), "µs/claim")
	})
}
