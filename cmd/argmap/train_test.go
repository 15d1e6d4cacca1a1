package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/sharedtest"
)

// tinyData is the structure parser's own test corpus (texts written for
// argmap, with gold structures).
var tinyData = filepath.Join("..", "..", "internal", "extract", "structure", "testdata", "tiny")

func TestTrainStructure(t *testing.T) {
	out := filepath.Join(t.TempDir(), "w.json")
	code, _, stderr := cli(t, nil, "train-structure", "--data", tinyData, "-o", out)
	if code != 0 {
		t.Fatalf("train-structure exit code = %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("no weights written: %v", err)
	}
	doc := filepath.Join(t.TempDir(), "a.txt")
	writeFiles(t, filepath.Dir(doc), map[string][]byte{"a.txt": []byte("Parks should stay open. They are safe because they are lit.")})
	code, stdout, stderr := cli(t, nil, "extract", "--structure-weights", out, doc)
	if code != 0 || !strings.Contains(stdout, `"type":"relation"`) {
		t.Errorf("extract with trained weights: code %d, stderr %q, output %q; want relations", code, stderr, stdout)
	}
	// our own texts (here the same four) as extra training texts: the
	// short-text classifiers, and the licence recorded
	withExtra := filepath.Join(t.TempDir(), "x.json")
	code, _, stderr = cli(t, nil, "train-structure", "--data", tinyData, "--extra", tinyData, "-o", withExtra)
	w, err := os.ReadFile(withExtra)
	if code != 0 || err != nil || !strings.Contains(string(w), `"cc.short"`) || !strings.Contains(string(w), "own labelled texts") {
		t.Errorf("train-structure --extra: code %d, stderr %q, err %v; want weights with cc.short and the licence", code, stderr, err)
	}
	code, _, stderr = cli(t, nil, "train-structure", "--data", tinyData, "--extra", t.TempDir(), "-o", withExtra)
	if code == 0 || !strings.Contains(stderr, "no *.xml") {
		t.Errorf("train-structure --extra EMPTY: code %d, stderr %q; want an error", code, stderr)
	}
	code, stdout, _ = cli(t, nil, "train-structure", "--data", tinyData, "--folds", "2", "--fold", "1", "--list-fold")
	if code != 0 || len(strings.Fields(stdout)) == 0 || len(strings.Fields(stdout)) == 4 {
		t.Errorf("--list-fold printed %q (code %d), want some but not all of the four texts", stdout, code)
	}
}

// TestShippedWeights retrains the structure weights with the README's
// command and compares them with the embedded weights.json: a change to
// segmentation or features that moves the training examples must ship
// retrained weights, or the binary runs on weights no command makes (it
// happened twice in session 8). Training is deterministic and takes about a
// second.
func TestShippedWeights(t *testing.T) {
	micro := filepath.Join(sharedtest.Dir(t), "data", "microtexts2")
	pkg := filepath.Join("..", "..", "internal", "extract", "structure")
	out := filepath.Join(t.TempDir(), "w.json")
	code, _, stderr := cli(t, nil, "train-structure", "--data", micro, "--extra", filepath.Join(pkg, "owntexts"), "-o", out)
	if code != 0 {
		t.Fatalf("train-structure exit code = %d, stderr %q", code, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile(filepath.Join(pkg, "weights.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, shipped) {
		t.Errorf("internal/extract/structure/weights.json is not what the training command makes on this tree; retrain with the README's command (go run ./cmd/argmap train-structure --data ../shared/data/microtexts2 --extra internal/extract/structure/owntexts -o internal/extract/structure/weights.json) and check the figures it moves")
	}
}

func TestTrainStructureUsage(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.json")
	writeFiles(t, filepath.Dir(bad), map[string][]byte{"bad.json": []byte("{")})
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no data", []string{"train-structure", "-o", "x.json"}, 2, "--data"},
		{"no output", []string{"train-structure", "--data", tinyData}, 2, "-o"},
		{"fold out of range", []string{"train-structure", "--data", tinyData, "--folds", "5", "--fold", "5", "-o", "x"}, 2, "--fold must be"},
		{"fold without folds", []string{"train-structure", "--data", tinyData, "--fold", "1", "-o", "x"}, 2, "need --folds"},
		{"empty directory", []string{"train-structure", "--data", t.TempDir(), "-o", "x"}, 1, "no *.xml gold files"},
		{"bad weights", []string{"extract", "--structure-weights", bad, "x.txt"}, 1, "structure weights"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, nil, tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("%s: exit code %d, stderr %q; want %d and %q", tt.name, code, stderr, tt.wantCode, tt.wantErr)
		}
	}
}
