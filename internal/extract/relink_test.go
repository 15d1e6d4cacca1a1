package extract_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// relinkData records the candidates of every text of each set as base
// decodes them, labelled with the gold: one RelinkData a set.
func relinkData(t *testing.T, base *argstruct.Model, sets []string) map[string]*argstruct.RelinkData {
	t.Helper()
	out := map[string]*argstruct.RelinkData{}
	for _, set := range sets {
		d := &argstruct.RelinkData{}
		extractSet(t, extract.New(extract.Options{Structure: d.Recorder(base)}), set, func(gold []essayUnit) { d.Label(goldOf(gold)) })
		out[set] = d
	}
	return out
}

// noRelinker returns the shipped structure model without its relinker
// (and without the kinder, which is fitted on what the relinker decides).
func noRelinker(t *testing.T) *argstruct.Model {
	t.Helper()
	m, err := argstruct.Default()
	if err != nil {
		t.Fatal(err)
	}
	return m.WithRelinker(nil).WithKinder(nil)
}

// TestRelinkerFolds fits the relinker on every long-text set but one and
// scores the one left out, beside the decoding without it, for each set,
// as the mean over the sets and pooled; with ARGMAP_RELINK_DIFF=1 it also
// logs each text whose relations change (=show: each unit's). It fails
// when the relinker, left out, scores below the decoding without it, as
// the mean over the sets or pooled.
func TestRelinkerFolds(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the relinker once a long-text set: not with -short")
	}
	base := noRelinker(t)
	data := relinkData(t, base, thesisSets)
	pb := extract.New(extract.Options{Structure: base})
	var allB, allR essayScore
	var meanB, meanR, meanCB, meanCR float64
	for _, held := range thesisSets {
		var train []string
		var ds []*argstruct.RelinkData
		for _, s := range thesisSets {
			if s != held {
				train, ds = append(train, s), append(ds, data[s])
			}
		}
		r := argstruct.TrainRelinker(train, 1, ds...)
		pr := extract.New(extract.Options{Structure: base.WithRelinker(r)})
		var b, f essayScore
		files, _ := filepath.Glob(filepath.Join(longSetDir(held), "*.txt"))
		for _, file := range files {
			sb, sr := scoreEssay(t, pb, file), scoreEssay(t, pr, file)
			b, f = b.plus(sb), f.plus(sr)
			if os.Getenv("ARGMAP_RELINK_DIFF") != "" && (sb.tp != sr.tp || sb.pred != sr.pred) {
				t.Logf("  %s: %d/%d -> %d/%d right of %d", filepath.Base(file), sb.tp, sb.pred, sr.tp, sr.pred, sb.gold)
				if os.Getenv("ARGMAP_RELINK_DIFF") == "show" {
					gold, p1, text := predictedRels(t, pb, file)
					_, p2, _ := predictedRels(t, pr, file)
					for _, g := range gold {
						a, b := fmt.Sprint(p1[g.id]), fmt.Sprint(p2[g.id])
						if a != b {
							s := text[g.start:g.end]
							if len(s) > 90 {
								s = s[:90]
							}
							t.Logf("     %s->%s(%s): %s -> %s  %q", g.id, g.to, g.kind, a, b, s)
						}
					}
				}
			}
		}
		info := r.Info()
		ta, tb, tc, td, te, tf := r.Accuracy(data[held])
		_, _, nf := data[held].Examples()
		t.Logf("  targets right: relinker %d, decoding %d of %d (%d gold targets not among the candidates); kinds right %d, decoding %d of %d", ta, tb, tc, nf, td, te, tf)
		t.Logf("%-12s left out (%d target, %d kind examples): without %d/%d right of %d, F1 %.3f, central %d/%d; relinked %d/%d, F1 %.3f, central %d/%d",
			held, info.Targets, info.Kinds, b.tp, b.pred, b.gold, b.f1(), b.central, b.texts, f.tp, f.pred, f.f1(), f.central, f.texts)
		allB, allR = allB.plus(b), allR.plus(f)
		n := float64(len(thesisSets))
		meanB, meanR = meanB+b.f1()/n, meanR+f.f1()/n
		meanCB, meanCR = meanCB+b.centralRate()/n, meanCR+f.centralRate()/n
	}
	t.Logf("mean of %d sets left out: without central %.3f, F1 %.3f; relinked %.3f, %.3f. Pooled F1 %.3f (%d/%d of %d, %d unlisted) -> %.3f (%d/%d, %d unlisted)",
		len(thesisSets), meanCB, meanB, meanCR, meanR, allB.f1(), allB.tp, allB.pred, allB.gold, allB.unlisted, allR.f1(), allR.tp, allR.pred, allR.unlisted)
	if meanR < meanB || allR.f1() < allB.f1() {
		t.Errorf("left out, the relinker's mean relation F1 %.3f and pooled %.3f, below the decoding's %.3f and %.3f", meanR, allR.f1(), meanB, allB.f1())
	}
}

// TestRelinker fits a relinker on two small long-text sets and checks
// that its weights survive MarshalJSON and LoadRelinker (the same choices
// on every example), that it relinks a text read a sentence a unit, and
// that a text of one short paragraph is left as it was.
func TestRelinker(t *testing.T) {
	base := noRelinker(t)
	sets := []string{"heldback", "heldout-s12"}
	data := relinkData(t, base, sets)
	r := argstruct.TrainRelinker(sets, 1, data["heldback"], data["heldout-s12"])
	if info := r.Info(); info.Targets == 0 || info.Kinds == 0 || info.Texts == 0 {
		t.Fatalf("relinker fitted on %+v: no examples", info)
	}
	b, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := argstruct.LoadRelinker(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		at, ak := r.Choices(data[set])
		bt, bk := back.Choices(data[set])
		if !slices.Equal(at, bt) || !slices.Equal(ak, bk) {
			t.Errorf("%s: the relinker read back chooses otherwise than the one written", set)
		}
	}
	p, q := extract.New(extract.Options{Structure: base}), extract.New(extract.Options{Structure: base.WithRelinker(r)})
	changed := 0
	for _, set := range sets {
		files, _ := filepath.Glob(filepath.Join(longSetDir(set), "*.txt"))
		for _, f := range files {
			_, a, _ := predictedRels(t, p, f)
			_, c, _ := predictedRels(t, q, f)
			if fmt.Sprint(a) != fmt.Sprint(c) {
				changed++
			}
		}
	}
	if changed == 0 {
		t.Errorf("the relinker changed no relation of the %d sets' texts", len(sets))
	}
	short := "Night buses should run every half hour. Shift workers have no other way home, and taxis cost more than a night's wages."
	a, err := p.Extract(t.Context(), argmap.Document{Name: "short.txt", URI: "short.txt", Data: []byte(short)})
	if err != nil {
		t.Fatal(err)
	}
	c, err := q.Extract(t.Context(), argmap.Document{Name: "short.txt", URI: "short.txt", Data: []byte(short)})
	if err != nil {
		t.Fatal(err)
	}
	rels := func(g *argmap.Graph) (out []string) {
		for _, r := range g.Relations {
			out = append(out, fmt.Sprint(r.From, r.Kind, r.To))
		}
		return out
	}
	if ra, rc := rels(a), rels(c); !slices.Equal(ra, rc) {
		t.Errorf("a short text's relations changed: %q, relinked %q", ra, rc)
	}
}

// TestLoadRelinkerErrors: malformed weights are refused with EINVALID.
func TestLoadRelinkerErrors(t *testing.T) {
	for _, c := range []string{`{`, `{"version": 2, "target": {}, "kind": {}}`, `{"version": 1, "target": {"rl.bias": "x"}, "kind": {}}`} {
		if _, err := argstruct.LoadRelinker([]byte(c)); argmap.ErrorCode(err) != argmap.EINVALID {
			t.Errorf("LoadRelinker(%s) = %v, want %s", c, err, argmap.EINVALID)
		}
	}
}

// TestRelinkerWeights is the relinker's training command: with -update it
// fits the relinker on every long-text set and writes
// structure/relink.json, the weights that ship; without, it checks that
// the shipped weights choose what a fit now chooses on every example
// (they go stale when the units, the decoding or the features change:
// then run `go test ./internal/extract/ -run TestRelinkerWeights -update`).
func TestRelinkerWeights(t *testing.T) {
	base := noRelinker(t)
	data := relinkData(t, base, thesisSets)
	var ds []*argstruct.RelinkData
	for _, s := range thesisSets {
		ds = append(ds, data[s])
	}
	r := argstruct.TrainRelinker(thesisSets, 1, ds...)
	file := filepath.Join("structure", "relink.json")
	raw := shippedOrUpdate(t, file, r)
	if raw == nil {
		return
	}
	shipped, err := argstruct.LoadRelinker(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := shipped.Info(), r.Info(); got.Texts != want.Texts || got.Targets != want.Targets || got.Kinds != want.Kinds {
		t.Errorf("shipped relinker fitted on %+v, the sets give %+v: run -update", got, want)
	}
	for _, set := range thesisSets {
		at, ak := shipped.Choices(data[set])
		bt, bk := r.Choices(data[set])
		if !slices.Equal(at, bt) || !slices.Equal(ak, bk) {
			t.Errorf("%s: the shipped relinker chooses otherwise than a fit now: run -update", set)
		}
	}
}

// predictedRels extracts file with p and returns its gold units, the
// relations predicted from each gold unit (the gold unit each relation's
// target stands for, and its kind) and the text.
func predictedRels(t *testing.T, p *extract.Pipeline, file string) (gold []essayUnit, pred map[string][][2]string, text string) {
	t.Helper()
	text, gold, spans, rels, _ := extractedJSONL(t, p, file)
	pred = map[string][][2]string{}
	for _, r := range rels {
		to, ok := spans[r.To]
		if !ok {
			continue
		}
		for _, f := range r.From {
			if fr, ok := spans[f]; ok {
				a, b := bestGold(fr[0], fr[1], gold), bestGold(to[0], to[1], gold)
				if a != "" && b != "" {
					pred[a] = append(pred[a], [2]string{b, r.Kind})
				}
			}
		}
	}
	return gold, pred, text
}
