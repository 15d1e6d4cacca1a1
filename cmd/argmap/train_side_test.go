package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestTrainSide fits the side model on the demo corpus and the two small
// question sets of TestTrainJudge and measures it leaving each out: --cv
// prints each set and the pooled figures of the answers before and after
// the side model, and the weights it writes load and decide.
func TestTrainSide(t *testing.T) {
	store, sets := judgeDemoStore(t)
	out := filepath.Join(t.TempDir(), "side.json")
	code, stdout, stderr := cli(t, nil, append([]string{"train-side", "--store", store, "--cv", "--cv-cuts", "0.4", "--cv-changes", "-o", out}, sets...)...)
	if code != 0 {
		t.Fatalf("train-side exit code = %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"cut 0.50\n", "cut 0.40\n", "a.json (3 questions left out)", "b.json (2 questions left out)", "pooled (5 questions)\n  answers support R", "\n  side    support R"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("train-side --cv printed %q, want it to contain %q", stdout, want)
		}
	}
	var sw extract.SideModelWeights
	readJSONFile(t, out, &sw)
	if got := strings.Join(sw.TrainedOn, " "); got != "a.json b.json" {
		t.Errorf("trained_on = %q, want the two sets", got)
	}
	if st, _, err := sw.DecideSide(make([]float64, len(extract.SideFeatureNames())), argmap.StanceDenial); err != nil || st != argmap.StanceDenial {
		t.Errorf("DecideSide(a denial) with the written weights = %s, %v; want denial", st, err)
	}
	if code, _, _ := cli(t, nil, "train-side", "--store", store, "-o", out); code != 2 {
		t.Errorf("train-side without question sets: exit code %d, want 2", code)
	}
	if code, _, _ := cli(t, nil, "train-side", "--store", store, "--cv", "--cv-cuts", "0.4,2", sets[0]); code != 2 {
		t.Errorf("train-side --cv-cuts 0.4,2: exit code %d, want 2", code)
	}
}

// TestShippedSideWeights runs the README's training command of the side
// model on this tree (the IOM documents and the demo corpus, the tuning
// question sets) and fails when the shipped weights differ: a change to
// the rules, the learned judge or the side features ships retrained
// weights with it.
func TestShippedSideWeights(t *testing.T) {
	iom := sharedtest.CorpusDir(t)
	if _, err := os.Stat(iom); err != nil {
		t.Skip("no IOM corpus in shared/corpus/iom; skipping")
	}
	root := filepath.Join("..", "..")
	store := filepath.Join(t.TempDir(), "side.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, iom, filepath.Join(root, "scripts", "demo", "corpus")); code != 0 {
		t.Fatalf("ingest = %d: %s", code, stderr)
	}
	td := filepath.Join(root, "scripts", "testdata")
	sets, err := filepath.Glob(filepath.Join(td, "questions-s[3-8].json"))
	if err != nil || len(sets) != 6 {
		t.Fatalf("question sets s3 … s8: %v, %v", sets, err)
	}
	sets = append([]string{filepath.Join(td, "questions.json")}, sets...)
	sets = append(sets, filepath.Join(td, "questions-s13.json"), filepath.Join(td, "questions-s14.json"), filepath.Join(td, "questions-s15.json"), filepath.Join(td, "questions-s16.json"), filepath.Join(td, "questions-s17.json"), filepath.Join(td, "reworded-s12.json"))
	out := filepath.Join(t.TempDir(), "side.json")
	args := append([]string{"train-side", "--store", store, "--cut", "0.5", "-o", out}, sets...)
	if code, _, stderr := cli(t, nil, args...); code != 0 {
		t.Fatalf("train-side exit code = %d, stderr %q", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join(root, "internal", "extract", "side_weights.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(shipped) {
		t.Errorf("internal/extract/side_weights.json is not what the training command makes on this tree; retrain with the README's commands (argmap ingest of ../shared/corpus/iom and scripts/demo/corpus, then argmap train-side --cut 0.5 -o internal/extract/side_weights.json over questions.json, questions-s[3-8].json, questions-s13.json, questions-s14.json, questions-s15.json, questions-s16.json, questions-s17.json and reworded-s12.json) and check the figures it moves")
	}
}

// TestTrainSideSides decomposes where the two small sets' listed sources
// stand: every listed source is counted once (found, on the other side,
// topic only or without a candidate), the topic-only ones by why, and each
// source not found is printed on a line of its own.
func TestTrainSideSides(t *testing.T) {
	store, sets := judgeDemoStore(t)
	code, stdout, stderr := cli(t, nil, append([]string{"train-side", "--store", store, "--sides"}, sets...)...)
	if code != 0 {
		t.Fatalf("train-side --sides exit code = %d, stderr %q", code, stderr)
	}
	// a.json and b.json list 15 supporting and 7 contesting sources
	for side, listed := range map[string]int{"support": 15, "contest": 7} {
		counts := map[string]int{}
		for _, line := range strings.Split(stdout, "\n") {
			rest, ok := strings.CutPrefix(line, side+" listed:")
			if !ok {
				continue
			}
			for _, f := range strings.Split(strings.TrimSuffix(rest, ","), ",") {
				f = strings.TrimSpace(f)
				i := strings.LastIndexByte(f, ' ')
				n, err := strconv.Atoi(f[i+1:])
				if err != nil {
					t.Fatalf("train-side --sides: %q has no count", f)
				}
				counts[f[:i]] = n
			}
		}
		if got := counts["found"] + counts["other side"] + counts["topic only"] + counts["no candidate"]; got != listed {
			t.Errorf("train-side --sides counts %d %s sources (%v), want %d", got, side, counts, listed)
		}
		if got := counts["topic only: capped"] + counts["topic only: rarest unmet"] + counts["topic only: judged"]; got != counts["topic only"] {
			t.Errorf("train-side --sides: the %s sources topic only by why sum to %d, want %d", side, got, counts["topic only"])
		}
		if got, want := strings.Count(stdout, "miss "+side+" "), listed-counts["found"]; got != want {
			t.Errorf("train-side --sides printed %d %s misses, want %d", got, side, want)
		}
	}
}

// TestSideExamplesLeaveOutParaphrases: a candidate that states the
// question only through the paraphrase gate (it leaves out the question's
// rarest word) is no example of the side model; one the rules or the
// judge take as stating is, of stating or of denying by its source's side.
func TestSideExamplesLeaveOutParaphrases(t *testing.T) {
	same := func(extract.Candidate) argmap.Stance { return argmap.StanceSame }
	jq := judgedQuestion{
		support: map[string]bool{"a": true},
		contest: map[string]bool{"b": true},
		either:  map[string]bool{},
		cands: []judgedCandidate{
			{source: "a", c: extract.Candidate{Side: []float64{1}}},
			{source: "a", c: extract.Candidate{Side: []float64{2}, RarestUnmet: true}},
			{source: "b", c: extract.Candidate{Side: []float64{3}}},
			{source: "b", c: extract.Candidate{Side: []float64{4}, RarestUnmet: true}},
		},
	}
	got := sideExamples([]judgedQuestion{jq}, same)
	want := []extract.SideExample{{Features: []float64{1}}, {Features: []float64{3}, Denies: true}}
	if len(got) != len(want) {
		t.Fatalf("sideExamples = %v, want %v", got, want)
	}
	for i := range want {
		if got[i].Features[0] != want[i].Features[0] || got[i].Denies != want[i].Denies {
			t.Errorf("sideExamples[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}
