package structure_test

import (
	"context"
	"os"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

// TestSegmentationCost measures, under the five-fold cross-validation of
// TestCrossValidation (ARGMAP_SEG_COST=1; it trains five models), what
// segmentation costs the relations: per fold the segmenter's boundaries
// and units against the gold ones and the relation F1 of the same model
// decoding the predicted and the gold units; then every segmentation error
// by kind (missed, extra or misplaced; by the punctuation and the word at
// the boundary) with the scored relations that fixing it alone would win.
// ARGMAP_SEG_COST=show logs every error with the text either side. It
// fails when the relation counts on the predicted units disagree with
// Evaluate's.
func TestSegmentationCost(t *testing.T) {
	if os.Getenv("ARGMAP_SEG_COST") == "" {
		t.Skip("set ARGMAP_SEG_COST=1 to measure what segmentation costs under cross-validation")
	}
	docs := microtexts(t)
	own, err := structure.ReadMicrotexts("owntexts", extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	const k = 5
	folds := structure.Folds(docs, k)
	var all structure.SegDiagnosis
	for f := 0; f < k; f++ {
		var train, test []structure.Doc
		for i, d := range docs {
			if folds[i] == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		m, _, err := structure.Train(context.Background(), train, structure.TrainOptions{Seed: 1, Extra: own})
		if err != nil {
			t.Fatal(err)
		}
		d := structure.DiagnoseSegmentation(m, test)
		s, o := structure.Evaluate(m, test), structure.EvaluateOracle(m, test)
		if p, _ := d.RelationF1(); p != s.RelationF1 {
			t.Errorf("fold %d: relation F1 on the predicted units %.4f, Evaluate's %.4f", f, p, s.RelationF1)
		}
		t.Logf("fold %d: relation F1 on the gold units as EvaluateOracle reads them (a restated central claim one unit over the text between) %.3f", f, o.RelationF1)
		for _, l := range d.Lines()[:2] {
			t.Logf("fold %d: %s", f, l)
		}
		all.Add(d)
	}
	for _, l := range all.Lines() {
		t.Log(l)
	}
	if os.Getenv("ARGMAP_SEG_COST") == "show" {
		for _, l := range all.Shown {
			t.Log(l)
		}
	}
}

// TestSplitCV logs the split classifier's own cross-validated log loss and
// F1 over the split points at a few thresholds (ARGMAP_SPLIT_CV=1). It
// fails when the classifier's log loss is no better than that of the share
// of splits alone: its features would tell nothing.
func TestSplitCV(t *testing.T) {
	if os.Getenv("ARGMAP_SPLIT_CV") == "" {
		t.Skip("set ARGMAP_SPLIT_CV=1 to score the split classifier alone under cross-validation")
	}
	docs := microtexts(t)
	own, err := structure.ReadMicrotexts("owntexts", extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	ths := []float64{0.25, 0.3, 0.35, 0.4, 0.45, 0.5}
	for _, l2 := range []float64{1e-4, 1e-3} {
		ll, base, f1 := structure.SplitCV(docs, own, 5, l2, ths)
		t.Logf("L2 %g: log loss %.4f (share of splits alone %.4f), F1 at %v: %.3f", l2, ll, base, ths, f1)
		if ll >= base {
			t.Errorf("SplitCV(L2 %g): log loss %.4f, want below %.4f, the share of splits alone's", l2, ll, base)
		}
	}
}
