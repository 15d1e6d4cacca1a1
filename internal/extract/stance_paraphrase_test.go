package extract_test

import (
	"slices"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestParaFeatures: a sentence that says the question in other words
// aligns with it better than a sentence of the same source on its topic,
// and the source's best sentence is told from its others (srcMargin).
func TestParaFeatures(t *testing.T) {
	names := extract.ParaFeatureNames()
	align, margin := slices.Index(names, "align"), slices.Index(names, "srcMargin")
	question := "The corner bakery sells fresh bread on Sundays"
	texts := []string{
		"Every Sunday you can buy loaves at the little bakery on the corner, still warm from the oven.", // a paraphrase
		"The corner bakery was opened by a retired teacher.",                                            // the topic, same source
		"Sunday trading rules differ from town to town.",                                                // another source
	}
	xs := extract.ParaFeatures(question, texts, []string{"a", "a", "b"})
	if len(xs) != len(texts) || len(xs[0]) <= max(align, margin) {
		t.Fatalf("ParaFeatures gave %d rows of %d features, want %d holding align and srcMargin", len(xs), len(xs[0]), len(texts))
	}
	if xs[0][align] <= xs[1][align] {
		t.Errorf("align of the paraphrase %.3f, of the topic sentence %.3f: want the paraphrase higher", xs[0][align], xs[1][align])
	}
	if xs[0][margin] <= 0 || xs[1][margin] >= 0 {
		t.Errorf("srcMargin = %.3f (paraphrase), %.3f (topic): want the best of the source above 0, the other below", xs[0][margin], xs[1][margin])
	}
	if xs[2][margin] != 0 {
		t.Errorf("srcMargin of a source's only sentence = %.3f, want 0", xs[2][margin])
	}
}

// TestParaphraseGate: a candidate that leaves out the question's rarest
// word states the question when a paraphrase model lets it through, the
// judge's models aside; a denial is not let through.
func TestParaphraseGate(t *testing.T) {
	zero := func(names []string) map[string]float64 {
		m := map[string]float64{}
		for _, n := range names {
			m[n] = 0
		}
		return m
	}
	always := extract.SideWeights{Weights: zero(extract.JudgeFeatureNames()), Bias: 5, Cut: 0.5}
	never := extract.SideWeights{Weights: zero(extract.JudgeFeatureNames()), Bias: -5, Cut: 0.5}
	through := &extract.SideWeights{Weights: zero(extract.ParaFeatureNames()), Bias: 5, Cut: 0.5}
	shut := &extract.SideWeights{Weights: zero(extract.ParaFeatureNames()), Bias: -5, Cut: 0.5}
	distractors := []string{
		"The bakery opens at seven.",
		"The bakery hired a second baker.",
		"The bakery's rent went up last year.",
		"The bakery sells cakes on Saturdays.",
		"Customers queue outside the bakery.",
		"The bakery was painted green.",
		"The owner of the bakery grew up nearby.",
		"Sunday markets draw crowds to the square.",
		"The square has a fountain.",
	}
	// "fresh" is the question's rarest word; the claims leave it out
	question := "The bakery sells fresh bread on Sundays"
	for _, tc := range []struct {
		name, claim string
		jw          extract.JudgeWeights
		want        argmap.Stance
	}{
		{"no paraphrase model", "On Sundays the bakery has bread.", extract.JudgeWeights{Same: always, Denial: always}, argmap.StanceTopic},
		{"a model that shuts it out", "On Sundays the bakery has bread.", extract.JudgeWeights{Same: always, Denial: always, Para: shut}, argmap.StanceTopic},
		{"let through", "On Sundays the bakery has bread.", extract.JudgeWeights{Same: never, Denial: never, Para: through}, argmap.StanceSame},
		{"a denial", "On Sundays the bakery never has bread.", extract.JudgeWeights{Same: always, Denial: always, Para: through}, argmap.StanceTopic},
	} {
		// each claim is one the paraphrase model reads: on the topic,
		// without the rarest word, with a polarity at the floor
		texts := append([]string{tc.claim}, distractors...)
		if c := extract.NewStancer().Candidates(question, texts, nil, nil)[0]; !c.RarestUnmet || c.Polarity == argmap.StanceTopic || c.Para == nil {
			t.Fatalf("%s: Candidates(%q) = unmet %v, polarity %s, para %v: want a candidate for the paraphrase model", tc.name, tc.claim, c.RarestUnmet, c.Polarity, c.Para != nil)
		}
		s, err := extract.WithJudgeWeights(tc.jw)
		if err != nil {
			t.Fatal(err)
		}
		got := s.JudgeAll(question, texts)[0].Stance
		if got != tc.want {
			t.Errorf("%s: JudgeAll(%q)[0] = %s, want %s", tc.name, tc.claim, got, tc.want)
		}
	}
}

// TestParaServesAsTrained: an answer (JudgeAll) decides each candidate as
// JudgeWeights.Decide decides what Candidates gives train-judge of it,
// for paraphrase models that weigh the features comparing a candidate with
// the others: the features an answer computes are those the model was
// fitted on.
func TestParaServesAsTrained(t *testing.T) {
	zero := func(names []string) map[string]float64 {
		m := map[string]float64{}
		for _, n := range names {
			m[n] = 0
		}
		return m
	}
	question := "The bakery sells fresh bread on Sundays"
	texts := []string{
		"On Sundays the bakery has bread.",
		"Fresh loaves are for sale at the bakery every Sunday.",
		"The bakery sells fresh rolls.",
		"On Sundays the bakery never has bread.",
		"The bakery opens at seven.",
		"The bakery sells cakes on Saturdays.",
		"Customers queue outside the bakery for bread.",
		"The bakery was painted green.",
		"Sunday markets draw crowds to the square.",
		"Bread from the bakery is fresh on Sundays.",
	}
	sources := []string{"a", "a", "b", "b", "c", "c", "d", "d", "e", "e"}
	judge := extract.SideWeights{Weights: zero(extract.JudgeFeatureNames()), Bias: 0.5, Cut: 0.5}
	for _, bias := range []float64{-4, -2, -1, 0, 1, 2} {
		w := zero(extract.ParaFeatureNames())
		w["ansRank"], w["ansMargin"], w["align"] = -8, 6, 3
		jw := extract.JudgeWeights{Same: judge, Denial: judge, Para: &extract.SideWeights{Weights: w, Bias: bias, Cut: 0.5}}
		s, err := extract.JudgeOnly(jw)
		if err != nil {
			t.Fatal(err)
		}
		got := s.JudgeSources(question, texts, nil, sources)
		for k, c := range extract.NewStancer().Candidates(question, texts, nil, sources) {
			want, _, err := jw.Decide(c)
			if err != nil {
				t.Fatal(err)
			}
			if got[k].Stance != want {
				t.Errorf("bias %g: JudgeSources(%q) = %s, Decide(Candidates) = %s", bias, texts[k], got[k].Stance, want)
			}
		}
	}
}
