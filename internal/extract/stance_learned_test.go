package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestShippedJudgeWeights: the embedded weights of the learned judge load
// (NewStancer falls back to the rules alone when they do not).
func TestShippedJudgeWeights(t *testing.T) {
	if err := extract.ShippedJudgeLoads(); err != nil {
		t.Fatalf("shipped judge weights: %v", err)
	}
}

// TestFitJudgeGolden fits one side's model on the tiny hand-made set of
// testdata/judge and compares it with the golden weights (-update
// rewrites them): the fit is deterministic, and a change to it shows.
func TestFitJudgeGolden(t *testing.T) {
	var set struct {
		Examples []extract.JudgeExample `json:"examples"`
	}
	b, err := os.ReadFile(filepath.Join("testdata", "judge", "tiny.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &set); err != nil {
		t.Fatal(err)
	}
	sw, err := extract.FitJudge(set.Examples, 1, 0.5)
	if err != nil {
		t.Fatalf("FitJudge: %v", err)
	}
	got, err := json.MarshalIndent(sw, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "judge", "tiny.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(append(got, '\n')) != string(want) {
		t.Errorf("FitJudge(tiny) =\n%s\nwant\n%s", got, want)
	}
	// the fitted model separates the set it was fitted on
	jw := extract.JudgeWeights{Same: sw, Denial: sw}
	for i, e := range set.Examples {
		c := extract.Candidate{Rule: argmap.Judgement{Stance: argmap.StanceTopic}, Features: e.Features, Polarity: argmap.StanceSame}
		st, p, err := jw.Decide(c)
		if err != nil {
			t.Fatal(err)
		}
		if (st == argmap.StanceSame) != e.Answers {
			t.Errorf("example %d: Decide = %s (p %.2f), want answers %v", i, st, p, e.Answers)
		}
	}
}

// TestFitJudgeRefuses: rows of the wrong width, a penalty of 0 and examples
// that all answer are errors; no example that answers gives a model that
// promotes nothing.
func TestFitJudgeRefuses(t *testing.T) {
	sw, err := extract.FitJudge(nil, 1, 0.5)
	if err != nil || sw.Cut != 1 {
		t.Errorf("FitJudge(no examples) = cut %v, %v; want cut 1, no error", sw.Cut, err)
	}
	one := []extract.JudgeExample{{Features: make([]float64, len(extract.JudgeFeatureNames())), Answers: true}}
	if _, err := extract.FitJudge(one, 0, 0.5); err == nil {
		t.Error("FitJudge(l2 0) = nil error, want one")
	}
	if _, err := extract.FitJudge(one, 1, 0.5); err == nil {
		t.Error("FitJudge(every example answers) = nil error, want one")
	}
	if _, err := extract.FitJudge([]extract.JudgeExample{{Features: []float64{1, 2}, Answers: true}}, 1, 0.5); err == nil {
		t.Error("FitJudge(two features) = nil error, want one")
	}
}

// TestJudgeDecideKeepsRules: the learned judge decides only what the rules
// leave below their threshold: a candidate they place keeps its stance,
// and one whose polarity is no side stays topic.
func TestJudgeDecideKeepsRules(t *testing.T) {
	n := len(extract.JudgeFeatureNames())
	w := map[string]float64{}
	for _, name := range extract.JudgeFeatureNames() {
		w[name] = 0
	}
	always := extract.SideWeights{Weights: w, Bias: 5, Cut: 0.5}
	jw := extract.JudgeWeights{Same: always, Denial: always}
	x := make([]float64, n)
	for _, c := range []struct {
		rule, pol, want argmap.Stance
	}{
		{argmap.StanceDenial, argmap.StanceDenial, argmap.StanceDenial},
		{argmap.StanceSame, argmap.StanceSame, argmap.StanceSame},
		{argmap.StanceTopic, argmap.StanceTopic, argmap.StanceTopic},
		{argmap.StanceTopic, argmap.StanceDenial, argmap.StanceDenial},
	} {
		st, _, err := jw.Decide(extract.Candidate{Rule: argmap.Judgement{Stance: c.rule}, Features: x, Polarity: c.pol})
		if err != nil || st != c.want {
			t.Errorf("Decide(rule %s, polarity %s) = %s, %v; want %s", c.rule, c.pol, st, err, c.want)
		}
	}
	bad := jw
	bad.Same.Cut = 0
	if _, _, err := bad.Decide(extract.Candidate{Features: x}); err == nil {
		t.Error("Decide with a cut of 0 = nil error, want one")
	}
}

// TestLearnedJudgePromotes: in an answer of 8 candidates or more, a model
// that takes every candidate promotes one the rules leave below their
// threshold and that meets the question word the fewest candidates meet
// (here "mooring": "raised" is in two distractors), with the polarity the rules read; one that takes none
// leaves it topic; neither promotes a candidate that leaves out that word
// (a figure the question states and no candidate says is such a word).
func TestLearnedJudgePromotes(t *testing.T) {
	zero := map[string]float64{}
	for _, name := range extract.JudgeFeatureNames() {
		zero[name] = 0
	}
	always := extract.SideWeights{Weights: zero, Bias: 5, Cut: 0.5}
	never := extract.SideWeights{Weights: zero, Bias: -5, Cut: 0.5}
	yes, err := extract.WithJudgeWeights(extract.JudgeWeights{Same: always, Denial: always})
	if err != nil {
		t.Fatal(err)
	}
	no, err := extract.WithJudgeWeights(extract.JudgeWeights{Same: never, Denial: never})
	if err != nil {
		t.Fatal(err)
	}
	distractors := []string{
		"The harbour board meets every Tuesday.",
		"The harbour board elected a new chair in spring.",
		"The harbour board published its accounts late.",
		"The harbour board raised the question of parking fees.",
		"Fishermen complained to the harbour board about the fees.",
		"The harbour board hired two more pilots.",
		"The harbour board closed the slipway for repairs.",
		"The town council and the harbour board disagree about fees.",
		"The harbour board raised the flag.",
		"Yacht owners pay their fees in April.",
		"The fees of the harbour go to the town.",
	}
	tests := []struct {
		question, claim string
		always, never   argmap.Stance
	}{
		{"The harbour board raised the mooring fees", "Mooring fees were increased.", argmap.StanceSame, argmap.StanceTopic},
		{"The harbour board raised the mooring fees", "Mooring fees were not increased.", argmap.StanceDenial, argmap.StanceTopic},
		// a rules answer stays as it is
		{"The harbour board raised the mooring fees", "Mooring fees went up under the harbour board.", argmap.StanceSame, argmap.StanceSame},
		// it leaves out the rarest word
		{"The harbour board raised the mooring fees", "The board charges fees.", argmap.StanceTopic, argmap.StanceTopic},
		// the question's figure, which no candidate says
		{"The harbour board raised the mooring fees 3 times", "Mooring fees were increased.", argmap.StanceTopic, argmap.StanceTopic},
	}
	for _, tc := range tests {
		texts := append([]string{tc.claim}, distractors...)
		judgedFirst(t, yes, tc.question, texts, tc.always)
		judgedFirst(t, no, tc.question, texts, tc.never)
	}
}
