package structure_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/extract/structure"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestTrainGolden trains on the four tiny texts of testdata and compares the
// weights file with the golden one: training is deterministic, and a change
// to features or fitting shows up here.
func TestTrainGolden(t *testing.T) {
	docs, err := structure.ReadMicrotexts("testdata/tiny", extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	opt := structure.TrainOptions{Seed: 7, TrainedOn: []string{"testdata/tiny (written for argmap)"}}
	_, got, err := structure.Train(context.Background(), docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	_, again, err := structure.Train(context.Background(), docs, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, again) {
		t.Fatalf("Train gave different weights on the same texts and seed")
	}
	golden := filepath.Join("testdata", "tiny-weights.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("Train(testdata/tiny) weights differ from %s (run with -update if the change is meant)", golden)
	}
	m, err := structure.LoadModel(got)
	if err != nil {
		t.Fatalf("LoadModel(trained) error: %v", err)
	}
	if info := m.Info(); info.Texts != 4 || info.Seed != 7 {
		t.Errorf("Info() = %+v, want 4 texts, seed 7", info)
	}
}

func TestTrainNoGold(t *testing.T) {
	if _, _, err := structure.Train(context.Background(), []structure.Doc{{Name: "x", Text: "No gold here."}}, structure.TrainOptions{}); err == nil {
		t.Errorf("Train(no gold) = nil error, want one")
	}
}

func TestLoadModelErrors(t *testing.T) {
	for _, in := range []string{"", "{", `{"version":9}`, `{"version":1,"classifiers":{}}`} {
		if _, err := structure.LoadModel([]byte(in)); err == nil {
			t.Errorf("LoadModel(%q) = nil error, want one", in)
		}
	}
}

func TestFolds(t *testing.T) {
	docs := []structure.Doc{{Name: "a", Topic: "t1"}, {Name: "b", Topic: "t1"}, {Name: "c", Topic: "t2"},
		{Name: "d", Topic: "t3"}, {Name: "e"}, {Name: "f"}}
	f := structure.Folds(docs, 3)
	if f[0] != f[1] {
		t.Errorf("Folds put texts of one topic in folds %d and %d", f[0], f[1])
	}
	size := map[int]int{}
	for _, k := range f {
		if k < 0 || k >= 3 {
			t.Fatalf("Folds = %v, want folds 0..2", f)
		}
		size[k]++
	}
	for k := 0; k < 3; k++ {
		if size[k] != 2 {
			t.Errorf("fold %d has %d texts, want 2 (Folds = %v)", k, size[k], f)
		}
	}
}

// TestTrainExtra trains with two tiny texts as the corpus and the other two
// as extra texts: only the short-text segmenter and central claim may
// differ from training on the corpus alone, and they must be there.
func TestTrainExtra(t *testing.T) {
	docs, err := structure.ReadMicrotexts("testdata/tiny", extract.StructureSentences)
	if err != nil {
		t.Fatal(err)
	}
	_, alone, err := structure.Train(context.Background(), docs[:2], structure.TrainOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	_, with, err := structure.Train(context.Background(), docs[:2], structure.TrainOptions{Seed: 3, Extra: docs[2:]})
	if err != nil {
		t.Fatal(err)
	}
	var a, w struct {
		Classifiers map[string]map[string]float64 `json:"classifiers"`
	}
	if err := json.Unmarshal(alone, &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(with, &w); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"split", "cc", "role", "function", "attach", "undercut"} {
		if !reflect.DeepEqual(a.Classifiers[name], w.Classifiers[name]) {
			t.Errorf("classifier %q changed with extra texts", name)
		}
	}
	for _, name := range []string{"split.short", "cc.short"} {
		if _, ok := a.Classifiers[name]; ok {
			t.Errorf("classifier %q without extra texts", name)
		}
		if len(w.Classifiers[name]) == 0 {
			t.Errorf("no classifier %q with extra texts", name)
		}
	}
	if reflect.DeepEqual(w.Classifiers["cc"], w.Classifiers["cc.short"]) {
		t.Errorf("cc.short = cc: the extra texts were not used")
	}
	if _, err := structure.LoadModel(with); err != nil {
		t.Fatalf("LoadModel(with extra) error: %v", err)
	}
}
