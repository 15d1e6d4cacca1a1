package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// TestStatingSpans checks scripts/testdata/stating-spans.json against the
// documents and the question sets: every span is in its document as argmap
// reads it (HTML rendered, line breaks normalised), verbatim; every label
// names a question of its set and a source the question lists on the
// label's side; every source a labelled set lists on a side has a label;
// and no check set (questions-s9 … s12) is labelled.
func TestStatingSpans(t *testing.T) {
	root := filepath.Join("..", "..")
	iom := filepath.Join(root, "..", "shared", "corpus", "iom")
	if _, err := os.Stat(iom); err != nil {
		t.Skip("no IOM corpus in ../shared/corpus/iom; skipping")
	}
	ls, err := readLabels(filepath.Join(root, "scripts", "testdata", "stating-spans.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ls.Labels) == 0 {
		t.Fatal("stating-spans.json holds no labels")
	}
	docs := map[string]string{}
	for _, dir := range []string{iom, filepath.Join(root, "scripts", "demo", "corpus")} {
		names, err := filepath.Glob(filepath.Join(dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			if filepath.Base(name) == "README.md" {
				continue
			}
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if strings.HasSuffix(name, ".html") {
				text, _ = extract.HTMLText(b)
			}
			docs[sourceKey(name)] = extract.NormalizeBreaks(text)
		}
	}
	type key struct{ set, q, source, side string }
	listed := map[key]bool{}
	check := regexp.MustCompile(`^questions-s(9|1[0-2])\.json$`)
	for _, l := range ls.Labels {
		if check.MatchString(l.Set) {
			t.Fatalf("%s is a check set: its questions are not to be labelled", l.Set)
		}
		if _, ok := listed[key{l.Set, "", "", ""}]; ok {
			continue
		}
		listed[key{l.Set, "", "", ""}] = true
		qf, err := readQuestionFile(filepath.Join(root, "scripts", "testdata", l.Set))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qf.Questions {
			for side, srcs := range map[string][]string{"support": q.Support, "contest": q.Contest} {
				for _, src := range srcs {
					listed[key{l.Set, q.Q, src, side}] = false
				}
			}
		}
	}
	for _, l := range ls.Labels {
		k := key{l.Set, l.Q, l.Source, l.Side}
		seen, ok := listed[k]
		switch {
		case !ok:
			t.Errorf("label %s %q %s %s: the set does not list the source on that side", l.Set, l.Q, l.Source, l.Side)
		case seen:
			t.Errorf("label %s %q %s %s: labelled twice", l.Set, l.Q, l.Source, l.Side)
		}
		listed[k] = true
		doc, ok := docs[l.Source]
		if !ok {
			t.Errorf("label %s %q: no document %s", l.Set, l.Q, l.Source)
			continue
		}
		for _, sp := range l.Spans {
			if strings.TrimSpace(sp) == "" || !strings.Contains(doc, sp) {
				t.Errorf("label %s %q: span %q is not in %s", l.Set, l.Q, sp, l.Source)
			}
			if strings.HasPrefix(l.Source, "iom/") {
				t.Errorf("label %s %q: a span of %s is given as text; give the IOM documents' spans by place (at)", l.Set, l.Q, l.Source)
			}
		}
		for _, at := range l.At {
			if _, err := at.in(doc); err != nil {
				t.Errorf("label %s %q of %s: %v", l.Set, l.Q, l.Source, err)
			}
		}
	}
	for k, seen := range listed {
		if k.q != "" && !seen {
			t.Errorf("%s %q lists %s on the %s side, but no label marks its spans", k.set, k.q, k.source, k.side)
		}
	}
}

// TestCovers: a candidate covers a labelled span when the two overlap by
// at least half of the shorter.
func TestCovers(t *testing.T) {
	for _, c := range []struct {
		a0, a1, b0, b1 int
		want           bool
	}{
		{10, 20, 0, 100, true},  // a clause inside the sentence
		{0, 100, 40, 60, true},  // a passage holding the sentence
		{0, 10, 5, 30, true},    // half of the shorter
		{0, 10, 6, 30, false},   // less than half
		{0, 10, 10, 20, false},  // touching
		{30, 40, 0, 20, false},  // apart
		{0, 100, 90, 110, true}, // the short one mostly inside
	} {
		if got := covers(c.a0, c.a1, c.b0, c.b1); got != c.want {
			t.Errorf("covers(%d, %d, %d, %d) = %v, want %v", c.a0, c.a1, c.b0, c.b1, got, c.want)
		}
	}
}

// TestTrainJudgeLabels: with --labels, train-judge reads a labels file
// (passing over the labels of sources the store does not hold), --lost
// tallies the listed sources with a labelled span and those labelled
// without one, and a span that is not in its document is an error.
func TestTrainJudgeLabels(t *testing.T) {
	store, sets := judgeDemoStore(t)
	labels := filepath.Join("testdata", "judge", "labels.json")
	code, stdout, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--labels", labels, "--lost"}, sets...)...)
	if code != 0 {
		t.Fatalf("train-judge --labels --lost exit code = %d, stderr %q", code, stderr)
	}
	for _, want := range []string{"support: 1 listed sources with a labelled span, 1 labelled none found\n", "contest: 0 listed sources with a labelled span, 0 labelled none found\n", "  uncovered ", "  not found, but the source put on the side by another of its sentences: "} {
		if !strings.Contains(stdout, want) {
			t.Errorf("train-judge --lost printed %q, want it to contain %q", stdout, want)
		}
	}
	out := filepath.Join(t.TempDir(), "judge.json")
	if code, _, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--labels", labels, "--cv", "-o", out}, sets...)...); code != 0 || !strings.Contains(stderr, "answering") {
		t.Errorf("train-judge --labels -o exit code = %d, stderr %q; want 0 and the examples counted", code, stderr)
	}
	if code, _, _ := cli(t, nil, append([]string{"train-judge", "--store", store, "--lost"}, sets...)...); code != 2 {
		t.Errorf("train-judge --lost without --labels: exit code %d, want 2", code)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"labels": [{"set": "a.json", "q": "IOM lacks a formal mandate to protect people", "source": "demo/02", "side": "support", "spans": ["a sentence no demo document holds"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--labels", bad, "--lost"}, sets...)...); code == 0 || !strings.Contains(stderr, "is not in the source's text") {
		t.Errorf("train-judge with a span not in its document: exit code %d, stderr %q; want an error naming it", code, stderr)
	}
}

// TestSpanAt: a span given by place reads its range when the text there is
// the labelled one, and is an error out of the text or over other text.
func TestSpanAt(t *testing.T) {
	text := "The ferry is late. The bridge is shut."
	sum := func(s string) string {
		h := sha256.Sum256([]byte(s))
		return hex.EncodeToString(h[:])[:12]
	}
	ok := spanAt{Start: 19, End: 38, SHA256: sum("The bridge is shut.")}
	if r, err := ok.in(text); err != nil || r != [2]int{19, 38} {
		t.Errorf("in() = %v, %v, want [19 38]", r, err)
	}
	for _, bad := range []spanAt{
		{Start: 19, End: 39, SHA256: ok.SHA256}, // past the end
		{Start: 5, End: 5, SHA256: sum("")},     // empty
		{Start: 0, End: 18, SHA256: ok.SHA256},  // other text
	} {
		if _, err := bad.in(text); err == nil {
			t.Errorf("%+v.in() = nil error, want one", bad)
		}
	}
}

// TestTrainJudgePara: with --para, train-judge fits the paraphrase model on
// the labels and writes it beside the judge's models, --cv tallies what
// its gate lets through and --para-dump lists the candidates it scores;
// --labels and --para naming two files is an error.
func TestTrainJudgePara(t *testing.T) {
	store, sets := judgeDemoStore(t)
	labels := filepath.Join("testdata", "judge", "labels.json")
	dir := t.TempDir()
	out, dump := filepath.Join(dir, "judge.json"), filepath.Join(dir, "dump.tsv")
	code, stdout, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--para", labels, "--cv", "--para-dump", dump, "-o", out}, sets...)...)
	if code != 0 {
		t.Fatalf("train-judge --para exit code = %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stdout, "  paraphrase gate: ") {
		t.Errorf("train-judge --para --cv printed %q, want the gate's tally", stdout)
	}
	var jw extract.JudgeWeights
	b := readJSONFile(t, out, &jw)
	if jw.Para == nil || len(jw.Para.Weights) != len(extract.ParaFeatureNames()) {
		t.Errorf("train-judge --para wrote %s, want a paraphrase model over %d features", b, len(extract.ParaFeatureNames()))
	}
	if b, err := os.ReadFile(dump); err != nil {
		t.Errorf("--para-dump: %v", err)
	} else {
		// each line: 11 columns, then the side and the judge's features
		if len(b) == 0 {
			t.Errorf("--para-dump wrote nothing, want a line for each candidate the model scores")
		}
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			cols := strings.Split(line, "\t")
			if len(cols) != 13 {
				t.Errorf("--para-dump line %q has %d columns, want 13", line, len(cols))
				continue
			}
			if n := len(strings.Split(cols[11], ",")); n != len(extract.SideFeatureNames()) {
				t.Errorf("--para-dump line %q has %d side features, want %d", line, n, len(extract.SideFeatureNames()))
			}
			if n := len(strings.Split(cols[12], ",")); n != len(extract.JudgeFeatureNames()) {
				t.Errorf("--para-dump line %q has %d judge features, want %d", line, n, len(extract.JudgeFeatureNames()))
			}
		}
	}
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte(`{"labels": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := cli(t, nil, append([]string{"train-judge", "--store", store, "--para", labels, "--labels", other, "--cv"}, sets...)...); code != 2 {
		t.Errorf("train-judge with --labels and --para naming two files: exit code %d, want 2", code)
	}
}

// readJSONFile decodes the JSON file at path into v and returns its bytes;
// the test stops if the file cannot be read or decoded.
func readJSONFile(t *testing.T, path string, v any) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// TestFitJudgeRoles: a question of a set fitted only into the paraphrase
// model (--para-sets) gives that model its examples and the judge's models
// none; one of a set only measured (--folds) gives no model any. Questions
// made up for the test: candidates with features drawn at random, one
// source of each question listed and labelled.
func TestFitJudgeRoles(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	nj, np := len(extract.JudgeFeatureNames()), len(extract.ParaFeatureNames())
	vec := func(n int, shift float64) []float64 {
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64() + shift
		}
		return x
	}
	question := func(set string, role setRole) judgedQuestion {
		jq := judgedQuestion{set: set, fold: set, q: set + " question", role: role,
			support: map[string]bool{"s0": true}, contest: map[string]bool{}, either: map[string]bool{},
			labelled: [2]map[string]int{{"s0": 1}, nil}}
		for k := range 8 {
			src := "s" + string(rune('0'+k%4))
			shift := 0.0
			if src == "s0" {
				shift = 1
			}
			c := extract.Candidate{Rule: argmap.Judgement{Stance: argmap.StanceTopic}, Polarity: argmap.StanceSame,
				Features: vec(nj, shift), Para: vec(np, shift), RarestUnmet: k >= 4, ParaAgrees: true}
			jq.cands = append(jq.cands, judgedCandidate{source: src, c: c, states: [2]bool{src == "s0", false}})
		}
		return jq
	}
	var qs []judgedQuestion
	for i := range 12 {
		qs = append(qs, question(fmt.Sprintf("set%d.json", i%3), roleAll))
	}
	opt := judgeFit{l2: 1, cutSame: 0.5, cutDenial: 0.5, para: true, paraL2: 1, paraCut: 0.5}
	fit := func(qs []judgedQuestion) extract.JudgeWeights {
		t.Helper()
		jw, err := fitJudge(qs, opt)
		if err != nil {
			t.Fatalf("fitJudge: %v", err)
		}
		return jw
	}
	withRole := func(role setRole) []judgedQuestion {
		out := slices.Clone(qs)
		for i := range out {
			if out[i].set == "set2.json" {
				out[i].role = role
			}
		}
		return out
	}
	all := fit(qs)
	without := fit(slices.DeleteFunc(slices.Clone(qs), func(jq judgedQuestion) bool { return jq.set == "set2.json" }))
	if cmp.Equal(all.Same, without.Same) || cmp.Equal(all.Para, without.Para) {
		t.Fatalf("the models fitted with and without set2.json are the same: the test cannot tell them apart")
	}
	para := fit(withRole(rolePara))
	if diff := cmp.Diff(all.Para, para.Para); diff != "" {
		t.Errorf("the paraphrase model with set2.json fitted into it alone, against with set2.json a set (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]extract.SideWeights{without.Same, without.Denial}, []extract.SideWeights{para.Same, para.Denial}); diff != "" {
		t.Errorf("the judge's models with set2.json fitted into the paraphrase model alone, against without it (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(without, fit(withRole(roleFold))); diff != "" {
		t.Errorf("the weights with set2.json only measured, against without it (-want +got):\n%s", diff)
	}
}

// TestTrainJudgeFolds: train-judge reads the sets --folds and --para-sets
// name: each is a fold of --cv, and neither is among the sets the judge's
// weights say they are fitted on.
func TestTrainJudgeFolds(t *testing.T) {
	store, sets := judgeDemoStore(t)
	labels := filepath.Join("testdata", "judge", "labels.json")
	for _, flag := range []string{"--folds", "--para-sets"} {
		out := filepath.Join(t.TempDir(), "judge.json")
		code, stdout, stderr := cli(t, nil, "train-judge", "--store", store, "--para", labels, "--cv", "-o", out, flag, sets[0], sets[1])
		if code != 0 {
			t.Fatalf("train-judge %s exit code = %d, stderr %q", flag, code, stderr)
		}
		if want := "a.json (3 questions left out)"; !strings.Contains(stdout, want) {
			t.Errorf("train-judge %s a.json --cv printed %q, want it to contain %q", flag, stdout, want)
		}
		var jw extract.JudgeWeights
		readJSONFile(t, out, &jw)
		if got := strings.Join(jw.TrainedOn, " "); got != "b.json" {
			t.Errorf("train-judge %s a.json b.json: trained_on = %q, want b.json", flag, got)
		}
	}
}
