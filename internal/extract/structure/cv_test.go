package structure_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/sharedtest"
)

// microtexts reads ../shared/data/microtexts2, skipping t without it.
func microtexts(t *testing.T) []structure.Doc {
	t.Helper()
	dir := filepath.Join(sharedtest.Dir(t), "data", "microtexts2")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s is absent; skipping", dir)
	}
	docs, err := structure.ReadMicrotexts(dir, extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestCrossValidation trains on four folds of microtexts2 (texts on one
// topic in one fold) and scores the fifth, for each fold, and holds the
// mean above floors a little below what the model reaches.
// ARGMAP_CV_SEEDS=N repeats it with training seeds 1..N and logs the mean
// over the seeds too: one seed's mean moves by about ±0.015 (central claim)
// and ±0.005 (relation F1) from seed to seed, more than many changes gain.
// ARGMAP_CV_DROP=N instead trains N times without every N-th text and logs
// the spread (see dropSpread): the training texts move the scores more than
// the seeds do.
func TestCrossValidation(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-validation trains five models; skipped with -short")
	}
	docs := microtexts(t)
	seeds := 1
	if n, err := strconv.Atoi(os.Getenv("ARGMAP_CV_SEEDS")); err == nil && n > 1 {
		seeds = n
	}
	if n, err := strconv.Atoi(os.Getenv("ARGMAP_CV_DROP")); err == nil && n > 1 {
		dropSpread(t, docs, n)
		return
	}
	var all structure.Score
	for seed := 1; seed <= seeds; seed++ {
		s := crossValidate(t, docs, uint64(seed), -1, 0)
		all.CentralAcc += s.CentralAcc / float64(seeds)
		all.RelationF1 += s.RelationF1 / float64(seeds)
	}
	if seeds > 1 {
		t.Logf("mean over seeds 1..%d: central %.4f, relation F1 %.4f", seeds, all.CentralAcc, all.RelationF1)
	}
}

// dropSpread measures how far the cross-validated scores move when the
// training texts change a little: n runs (seed 1), run d training without
// every n-th text (counted over the whole corpus, offset d). A change to
// the model that moves the scores by less than this spread is not told
// apart from a different draw of training texts.
func dropSpread(t *testing.T, docs []structure.Doc, n int) {
	t.Helper()
	lo, hi, mean := structure.Score{CentralAcc: 1, RelationF1: 1}, structure.Score{}, structure.Score{}
	for d := 0; d < n; d++ {
		s := crossValidate(t, docs, 1, d, n)
		lo.CentralAcc, lo.RelationF1 = min(lo.CentralAcc, s.CentralAcc), min(lo.RelationF1, s.RelationF1)
		hi.CentralAcc, hi.RelationF1 = max(hi.CentralAcc, s.CentralAcc), max(hi.RelationF1, s.RelationF1)
		mean.CentralAcc += s.CentralAcc / float64(n)
		mean.RelationF1 += s.RelationF1 / float64(n)
	}
	t.Logf("training without every %d-th text, %d runs: central %.4f (%.3f..%.3f), relation F1 %.4f (%.3f..%.3f)",
		n, n, mean.CentralAcc, lo.CentralAcc, hi.CentralAcc, mean.RelationF1, lo.RelationF1, hi.RelationF1)
}

// crossValidate runs the five folds with one training seed; when n > 0 the
// training folds leave out the texts whose index is drop modulo n.
func crossValidate(t *testing.T, docs []structure.Doc, seed uint64, drop, n int) structure.Score {
	t.Helper()
	const k = 5
	folds := structure.Folds(docs, k)
	// our own labelled texts train the segmenter and the central claim, as
	// for the shipped weights (ARGMAP_CV_OWN=0 leaves them out)
	var own []structure.Doc
	if os.Getenv("ARGMAP_CV_OWN") != "0" {
		var err error
		if own, err = structure.ReadMicrotexts("owntexts", extract.StructureSentences); err != nil {
			t.Fatal(err)
		}
	}
	var sum structure.Score
	for f := 0; f < k; f++ {
		var train, test []structure.Doc
		for i, d := range docs {
			if folds[i] == f {
				test = append(test, d)
			} else if n <= 0 || i%n != drop {
				train = append(train, d)
			}
		}
		m, _, err := structure.Train(context.Background(), train, structure.TrainOptions{Seed: seed, Extra: own})
		if err != nil {
			t.Fatal(err)
		}
		s := structure.Evaluate(m, test)
		o := structure.EvaluateOracle(m, test)
		t.Logf("fold %d oracle units: central %.3f, relation F1 %.3f", f, o.CentralAcc, o.RelationF1)
		t.Logf("fold %d: %d texts, central %.3f, relation P %.3f R %.3f F1 %.3f, segments F1 %.3f", f, s.Texts, s.CentralAcc, s.RelationP, s.RelationR, s.RelationF1, s.SegmentF1)
		sum.CentralAcc += s.CentralAcc / k
		sum.RelationF1 += s.RelationF1 / k
		sum.SegmentF1 += s.SegmentF1 / k
	}
	t.Logf("seed %d mean: central %.3f, relation F1 %.3f, segments F1 %.3f", seed, sum.CentralAcc, sum.RelationF1, sum.SegmentF1)
	// floors a little below what the model reaches (seed 1: 0.825, 0.462,
	// 0.886; seeds 1..10: 0.826, 0.457)
	if n > 0 {
		return sum // fewer training texts: the floors do not apply
	}
	if sum.CentralAcc < 0.70 {
		t.Errorf("mean central claim accuracy = %.3f, want >= 0.70", sum.CentralAcc)
	}
	if sum.RelationF1 < 0.37 {
		t.Errorf("mean relation F1 = %.3f, want >= 0.37", sum.RelationF1)
	}
	if sum.SegmentF1 < 0.85 {
		t.Errorf("mean segment F1 = %.3f, want >= 0.85", sum.SegmentF1)
	}
	return sum
}
