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

// TestParaAgrees: the paraphrase model may not stand in for a quantity or
// a causal link the question says: a candidate that leaves out the
// question's count says another count or none, and one that leaves out
// its word of cause must say a causal link of its own, not a sequence in
// time. A model that lets every candidate through still leaves those on
// the topic.
func TestParaAgrees(t *testing.T) {
	zero := func(names []string) map[string]float64 {
		m := map[string]float64{}
		for _, n := range names {
			m[n] = 0
		}
		return m
	}
	never := extract.SideWeights{Weights: zero(extract.JudgeFeatureNames()), Bias: -5, Cut: 0.5}
	through := extract.JudgeWeights{Same: never, Denial: never, Para: &extract.SideWeights{Weights: zero(extract.ParaFeatureNames()), Bias: 5, Cut: 0.5}}
	s, err := extract.JudgeOnly(through)
	if err != nil {
		t.Fatal(err)
	}
	bus := []string{
		"The night bus was cancelled for the storm.",
		"The night bus was cancelled by the new timetable.",
		"The night bus was cancelled on the coast road.",
		"The night bus was cancelled at short notice.",
		"The night bus was cancelled and the day bus kept.",
		"The night bus was cancelled last winter.",
		"The night bus was cancelled without a word.",
	}
	ban := []string{
		"The council brought in a hosepipe ban in 1995.",
		"The council brought in a hosepipe ban at great cost.",
		"The council brought in a hosepipe ban for the summer.",
		"The council brought in a hosepipe ban last year.",
		"The council brought in a hosepipe ban and a parking ban.",
		"The council brought in a hosepipe ban with fines.",
		"The drought dried the reservoir.",
	}
	tests := []struct {
		question, claim string
		distractors     []string
		agrees          bool
	}{
		// a vague count met by no count, or by one below its bound
		{"The night bus was cancelled several times", "The night bus was cancelled.", bus, false},
		{"The night bus was cancelled several times", "The night bus was cancelled twice.", bus, false},
		{"The night bus was cancelled several times", "The night bus was cancelled two times.", bus, false},
		// a word of cause left out: a causal connective or verb says the
		// link, a word of time does not
		{"The council's response to the drought was a hosepipe ban", "After the drought, the council brought in a hosepipe ban.", ban, false},
		{"The council's response to the drought was a hosepipe ban", "When the drought came, the council brought in a hosepipe ban.", ban, false},
		{"The council's response to the drought was a hosepipe ban", "Because of the drought, the council brought in a hosepipe ban.", ban, true},
		{"The council's response to the drought was a hosepipe ban", "The drought prompted the council to bring in a hosepipe ban.", ban, true},
		// neither: nothing for the check to keep
		{"The night bus was cancelled during the strike", "The night bus was cancelled.", bus, true},
	}
	for _, tc := range tests {
		texts := append([]string{tc.claim}, tc.distractors...)
		c := extract.NewStancer().Candidates(tc.question, texts, nil, nil)[0]
		if c.Polarity != argmap.StanceSame || !c.RarestUnmet {
			t.Fatalf("Candidates(%q)[%q]: polarity %s, rarest unmet %v: want a stating candidate only the paraphrase model reads", tc.question, tc.claim, c.Polarity, c.RarestUnmet)
		}
		if c.ParaAgrees != tc.agrees {
			t.Errorf("Candidates(%q)[%q].ParaAgrees = %v, want %v", tc.question, tc.claim, c.ParaAgrees, tc.agrees)
		}
		want := argmap.StanceTopic
		if tc.agrees {
			want = argmap.StanceSame
		}
		if got := s.JudgeAll(tc.question, texts)[0].Stance; got != want {
			t.Errorf("JudgeAll(%q)[%q] with a model that lets all through = %s, want %s", tc.question, tc.claim, got, want)
		}
	}
}

// TestParaWordsOrder: a candidate's own paraphrase features do not depend
// on the other candidates of the answer or their order (each word's
// credit is kept by the word, once an answer).
func TestParaWordsOrder(t *testing.T) {
	question := "The corner bakery sells fresh bread on Sundays"
	texts := []string{
		"Every Sunday you can buy warm loaves at the little bakery on the corner.",
		"The corner bakery was opened by a retired teacher.",
		"Sunday trading rules differ from town to town.",
		"Fresh rolls sell out early at the bakery.",
		"The baker rises at four to bake the bread.",
	}
	own := []string{"align", "plain", "pred", "rarest", "second", "centroid", "reverse", "long"}
	names := extract.ParaFeatureNames()
	all := extract.ParaFeatures(question, texts, nil)
	for k, text := range texts {
		rev := slices.Clone(texts)
		slices.Reverse(rev)
		for _, got := range [][]float64{extract.ParaFeatures(question, rev, nil)[len(texts)-1-k]} {
			for _, n := range own {
				i := slices.Index(names, n)
				if got[i] != all[k][i] {
					t.Errorf("ParaFeatures(%q)[%s] = %v in reverse order, %v in order", text, n, got[i], all[k][i])
				}
			}
		}
	}
}
