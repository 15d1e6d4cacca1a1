package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// TestChainFolds judges the choice of the thesis through the whole chain
// of the long-text learners, nested: for each long-text set left out, the
// thesis scorer, the relinker and the kinder are all fitted on the other
// sets (the relinker on what the decoding with that scorer makes of them,
// the kinder on what that relinker makes), and the set left out is
// scored after the kinder, once with the hand priors choosing the thesis
// of a text of several paragraphs (as until session 20) and once with the
// scorer choosing it (as it ships).
// It logs each set, the mean over the sets and the pooled relations. It
// is slow (three fits a set, the sets extracted twice a fit) and runs only
// with ARGMAP_CHAIN=1; ARGMAP_CHAIN_DIFF=1 logs each text that differs.
func TestChainFolds(t *testing.T) {
	if os.Getenv("ARGMAP_CHAIN") == "" {
		t.Skip("nested folds of the thesis scorer, the relinker and the kinder: set ARGMAP_CHAIN=1")
	}
	hand, p := handPriors(t)
	texts := thesisTexts(t, p, thesisSets)
	shipped, err := argstruct.Default()
	if err != nil {
		t.Fatal(err)
	}
	type arm struct {
		name  string
		paras bool
		all   essayScore
		mean  [2]float64 // central, F1
	}
	arms := []*arm{{name: "hand priors", paras: false}, {name: "scorer (shipped)", paras: true}}
	nn := float64(len(thesisSets))
	for _, held := range thesisSets {
		var train []string
		for _, s := range thesisSets {
			if s != held {
				train = append(train, s)
			}
		}
		ts, _ := trainThesis(hand, texts, train)
		files, _ := filepath.Glob(filepath.Join(longSetDir(held), "*.txt"))
		per := make([][]essayScore, len(arms))
		line := fmt.Sprintf("%-12s", held)
		for i, a := range arms {
			base := shipped.WithThesis(ts, a.paras).WithRelinker(nil).WithKinder(nil)
			rdata := relinkData(t, base, train)
			var rds []*argstruct.RelinkData
			for _, s := range train {
				rds = append(rds, rdata[s])
			}
			relinked := base.WithRelinker(argstruct.TrainRelinker(train, 1, rds...))
			kdata := kindData(t, relinked, train)
			var kds []*argstruct.KindData
			for _, s := range train {
				kds = append(kds, kdata[s])
			}
			pk := extract.New(extract.Options{Structure: relinked.WithKinder(argstruct.TrainKinder(train, 1, kds...))})
			var s essayScore
			for _, f := range files {
				e := scoreEssay(t, pk, f)
				per[i] = append(per[i], e)
				s = s.plus(e)
			}
			a.all = a.all.plus(s)
			a.mean[0] += s.centralRate() / nn
			a.mean[1] += s.f1() / nn
			line += fmt.Sprintf("  %s %d/%d, %d/%d right of %d, F1 %.3f;", a.name, s.central, s.texts, s.tp, s.pred, s.gold, s.f1())
		}
		t.Log(line)
		if os.Getenv("ARGMAP_CHAIN_DIFF") != "" {
			for j, f := range files {
				a, b := per[0][j], per[len(arms)-1][j]
				if a.central != b.central || a.tp != b.tp || a.pred != b.pred {
					t.Logf("  %s: central %d -> %d, %d/%d -> %d/%d right of %d", filepath.Base(f), a.central, b.central, a.tp, a.pred, b.tp, b.pred, a.gold)
				}
			}
		}
	}
	var sum []string
	for _, a := range arms {
		sum = append(sum, fmt.Sprintf("%s central %.3f, F1 %.3f, pooled %.3f (%d/%d of %d, central %d/%d)", a.name, a.mean[0], a.mean[1], a.all.f1(), a.all.tp, a.all.pred, a.all.gold, a.all.central, a.all.texts))
	}
	t.Logf("mean of %d sets left out, after the kinder: %s", len(thesisSets), strings.Join(sum, "; "))
}
