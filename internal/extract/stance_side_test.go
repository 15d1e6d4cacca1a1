package extract_test

import (
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// sideFeature returns the side feature name of c.
func sideFeature(t *testing.T, c extract.Candidate, name string) float64 {
	t.Helper()
	i := slices.Index(extract.SideFeatureNames(), name)
	if i < 0 {
		t.Fatalf("no side feature %q", name)
	}
	return c.Side[i]
}

func TestSideFeatures(t *testing.T) {
	s := extract.NewStancer()
	for _, c := range []struct {
		question, claim string
		want            map[string]float64
	}{
		// a universal question against a claim that says it of some
		{"The night ferries always leave the harbour on time", "The night ferries sometimes leave the harbour late.",
			map[string]float64{"universal": 1, "gap": 1, "hedged": 1}},
		// the claim says it as universally: no gap
		{"The night ferries always leave the harbour on time", "The night ferries always leave the harbour on time.",
			map[string]float64{"universal": 1, "gap": 0, "hedged": 0}},
		// "only a few" is a quantity, not a restriction
		{"Only a few tenants pay the new rent", "Most tenants pay the new rent.",
			map[string]float64{"universal": 0, "gap": 0}},
		// a word of the other value for the question's predicate
		{"The new bakery on the square is lovely", "The new bakery on the square is dreadful.",
			map[string]float64{"valence": 0.5, "universal": 0}},
		// ... and of the same value
		{"The new bakery on the square is lovely", "The new bakery on the square is pleasant.",
			map[string]float64{"valence": -0.5}},
		{"The library opens on Sundays", "Neighbours say that the library opens on Sundays, but only in winter.",
			map[string]float64{"contrast": 1, "qneg": 0}},
		{"The library does not open on Sundays", "The library opens on Sundays.",
			map[string]float64{"qneg": 1, "vote": 1}},
		{"The library opens on Sundays", "The library opens on Sundays.",
			map[string]float64{"vote": -1, "flips": 0, "coverage": 1}},
	} {
		cs := s.Candidates(c.question, []string{c.claim}, nil, nil)
		if len(cs) != 1 || len(cs[0].Side) != len(extract.SideFeatureNames()) {
			t.Fatalf("Candidates(%q, %q) = %+v, want one with a side feature each", c.question, c.claim, cs)
		}
		for name, want := range c.want {
			got := sideFeature(t, cs[0], name)
			switch name {
			case "valence", "coverage":
				// a sign (the product of two ratings) or a share
				if (want > 0 && got < want) || (want < 0 && got > want) || (want == 0 && got != 0) {
					t.Errorf("side feature %s of %q against %q = %.2f, want beyond %.2f", name, c.claim, c.question, got, want)
				}
			default:
				if got != want {
					t.Errorf("side feature %s of %q against %q = %.2f, want %.2f", name, c.claim, c.question, got, want)
				}
			}
		}
	}
}

// sideExamples makes n examples of each side: those of denying have the
// feature "gap", those of stating do not (a few of each the other way, so
// the fit is finite).
func sideExamples(n int) []extract.SideExample {
	gap := slices.Index(extract.SideFeatureNames(), "gap")
	var ex []extract.SideExample
	for i := range 2 * n {
		x := make([]float64, len(extract.SideFeatureNames()))
		denies := i%2 == 0
		x[gap] = b2f(denies != (i%7 == 0))
		ex = append(ex, extract.SideExample{Features: x, Denies: denies})
	}
	return ex
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func TestFitSide(t *testing.T) {
	ex := sideExamples(20)
	sw, err := extract.FitSide(ex, 1, 0.5)
	if err != nil {
		t.Fatalf("FitSide: %v", err)
	}
	if sw.Weights["gap"] <= 0 {
		t.Errorf("FitSide weight of gap = %v, want > 0", sw.Weights["gap"])
	}
	again, _ := extract.FitSide(ex, 1, 0.5)
	if again.Bias != sw.Bias || again.Weights["gap"] != sw.Weights["gap"] {
		t.Errorf("FitSide twice = %v and %v, want the same fit", sw, again)
	}
	gap := slices.Index(extract.SideFeatureNames(), "gap")
	x := make([]float64, len(extract.SideFeatureNames()))
	if st, p, err := sw.DecideSide(x, argmap.StanceSame); err != nil || st != argmap.StanceSame {
		t.Errorf("DecideSide(no gap, same) = %s %.2f %v, want same", st, p, err)
	}
	x[gap] = 1
	if st, p, err := sw.DecideSide(x, argmap.StanceSame); err != nil || st != argmap.StanceDenial {
		t.Errorf("DecideSide(gap, same) = %s %.2f %v, want denial", st, p, err)
	}
	// denials and candidates that do not answer are left as they are
	for _, in := range []argmap.Stance{argmap.StanceDenial, argmap.StanceTopic} {
		if st, p, err := sw.DecideSide(x, in); err != nil || st != in || p != 0 {
			t.Errorf("DecideSide(gap, %s) = %s %.2f %v, want it unchanged", in, st, p, err)
		}
	}
	// one side only: nothing to learn, no side turned round
	if one, err := extract.FitSide(ex[:1], 1, 0.5); err != nil || one.Cut != 1 {
		t.Errorf("FitSide(one side only) = %v, %v; want a cut of 1", one, err)
	} else if st, _, _ := one.DecideSide(x, argmap.StanceSame); st != argmap.StanceSame {
		t.Errorf("DecideSide(gap, same) of a model of one side = %s, want same", st)
	}
	if _, err := extract.FitSide([]extract.SideExample{{Features: []float64{1}, Denies: true}}, 1, 0.5); err == nil {
		t.Error("FitSide(too few features) = nil error, want one")
	}
	if _, err := extract.FitSide(ex, 0, 0.5); err == nil {
		t.Error("FitSide(l2 0) = nil error, want one")
	}
}

// TestSideModelDecides checks that an answer reads its sides through the
// side model: with one that takes a universal question's gap for a denial,
// a claim that leaves "always" out denies the question; with none it
// states it, as the rules read it.
func TestSideModelDecides(t *testing.T) {
	question := "The night ferries always leave the harbour on time"
	claims := []string{"The night ferries leave the harbour on time.", "The harbour café opens at noon."}
	plain := extract.NewStancerWithSide(nil)
	if got := plain.JudgeAll(question, claims)[0].Stance; got != argmap.StanceSame {
		t.Fatalf("JudgeAll without a side model = %s, want same", got)
	}
	sw, err := extract.FitSide(sideExamples(20), 1, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	s := extract.NewStancerWithSide(&sw)
	got := s.JudgeAll(question, claims)
	if got[0].Stance != argmap.StanceDenial || got[1].Stance != argmap.StanceTopic {
		t.Errorf("JudgeAll with a side model of gaps = %s, %s; want denial, topic", got[0].Stance, got[1].Stance)
	}
}
