package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestTrainJudge ingests the demo corpus, fits the learned judge on two
// small question sets written for this test and measures it leaving each
// out: the weights it writes load and decide, and --cv prints each set and
// the pooled figures of the rules and the learned judge.
func TestTrainJudge(t *testing.T) {
	store, sets := judgeDemoStore(t)
	out := filepath.Join(t.TempDir(), "judge.json")
	code, stdout, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--cv", "-o", out}, sets...)...)
	if code != 0 {
		t.Fatalf("train-judge exit code = %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"a.json (3 questions left out)", "b.json (2 questions left out)", "pooled (5 questions)\n  rules   support R", "\n  learned support R"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("train-judge --cv printed %q, want it to contain %q", stdout, want)
		}
	}
	var jw extract.JudgeWeights
	readJSONFile(t, out, &jw)
	if got := strings.Join(jw.TrainedOn, " "); got != "a.json b.json" {
		t.Errorf("trained_on = %q, want the two sets", got)
	}
	c := extract.Candidate{Rule: argmap.Judgement{Stance: argmap.StanceSame}, Features: make([]float64, len(extract.JudgeFeatureNames()))}
	if st, _, err := jw.Decide(c); err != nil || st != argmap.StanceSame {
		t.Errorf("Decide(a stated candidate) with the written weights = %s, %v; want same", st, err)
	}
	if code, _, _ := cli(t, nil, "train-judge", "--store", store, "-o", out); code != 2 {
		t.Errorf("train-judge without question sets: exit code %d, want 2", code)
	}
	if code, _, _ := cli(t, nil, "train-judge", "--store", store, "--cut-same", "0", "-o", out, sets[0]); code != 2 {
		t.Errorf("train-judge --cut-same 0: exit code %d, want 2", code)
	}
}

// TestShippedJudgeWeights runs the README's training command of the
// learned judge on this tree (the IOM documents and the demo corpus, the
// question sets up to s8 and s15 to s17, the paraphrase model on their
// sentence labels) and fails when the shipped weights differ: a
// change to the rules or the features ships retrained weights with it.
func TestShippedJudgeWeights(t *testing.T) {
	iom := sharedtest.CorpusDir(t)
	if _, err := os.Stat(iom); err != nil {
		t.Skip("no IOM corpus in shared/corpus/iom; skipping")
	}
	root := filepath.Join("..", "..")
	store := filepath.Join(t.TempDir(), "judge.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, iom, filepath.Join(root, "scripts", "demo", "corpus")); code != 0 {
		t.Fatalf("ingest = %d: %s", code, stderr)
	}
	sets, err := filepath.Glob(filepath.Join(root, "scripts", "testdata", "questions-s[3-8].json"))
	if err != nil || len(sets) != 6 {
		t.Fatalf("question sets s3 … s8: %v, %v", sets, err)
	}
	sets = append([]string{filepath.Join(root, "scripts", "testdata", "questions.json")}, sets...)
	sets = append(sets, filepath.Join(root, "scripts", "testdata", "questions-s15.json"), filepath.Join(root, "scripts", "testdata", "questions-s16.json"), filepath.Join(root, "scripts", "testdata", "questions-s17.json"))
	out := filepath.Join(t.TempDir(), "judge.json")
	labels := filepath.Join(root, "scripts", "testdata", "stating-spans.json")
	args := append([]string{"train-judge", "--store", store, "--cut-same", "0.45", "--cut-denial", "0.4", "--para", labels, "--para-cut", "0.55", "-o", out}, sets...)
	if code, _, stderr := cli(t, nil, args...); code != 0 {
		t.Fatalf("train-judge exit code = %d, stderr %q", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join(root, "internal", "extract", "judge_weights.json"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(shipped) {
		t.Errorf("internal/extract/judge_weights.json is not what the training command makes on this tree; retrain with the README's commands (argmap ingest of ../shared/corpus/iom and scripts/demo/corpus, then argmap train-judge --cut-same 0.45 --cut-denial 0.4 --para scripts/testdata/stating-spans.json --para-cut 0.55 -o internal/extract/judge_weights.json scripts/testdata/questions.json scripts/testdata/questions-s[3-8].json scripts/testdata/questions-s15.json scripts/testdata/questions-s16.json scripts/testdata/questions-s17.json) and check the figures it moves")
	}
}

// TestSourceKey: the keys of scripts/score-questions.py.
func TestSourceKey(t *testing.T) {
	for uri, want := range map[string]string{
		"/work/shared/corpus/iom/003_0123abcd.txt":       "iom/003",
		"/repo/scripts/demo/corpus/05-forum-threads.txt": "demo/05",
		"file:///repo/scripts/demo/corpus/01-summary.md": "demo/01",
		"https://example.org/report.html":                "https://example.org/report.html",
	} {
		if got := sourceKey(uri); got != want {
			t.Errorf("sourceKey(%q) = %q, want %q", uri, got, want)
		}
	}
}

// judgeDemoStore ingests the demo corpus into a new store and returns it
// with the two small question sets written for the train-judge tests; it
// skips the test when the corpus is missing.
func judgeDemoStore(t *testing.T) (store string, sets []string) {
	t.Helper()
	corpus := filepath.Join("..", "..", "scripts", "demo", "corpus")
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("no demo corpus in scripts/demo/corpus")
	}
	store = filepath.Join(t.TempDir(), "argmap.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, corpus); code != 0 {
		t.Fatalf("ingest = %d: %s", code, stderr)
	}
	return store, []string{filepath.Join("testdata", "judge", "a.json"), filepath.Join("testdata", "judge", "b.json")}
}
