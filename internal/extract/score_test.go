package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// sharedDir walks up from the working directory to the shared directory that
// holds corpus/iom, or skips the test.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared")
		if st, err := os.Stat(filepath.Join(cand, "corpus", "iom")); err == nil && st.IsDir() {
			return cand
		}
		cand = filepath.Join(dir, "..", "shared")
		if st, err := os.Stat(filepath.Join(cand, "corpus", "iom")); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("shared/corpus/iom not found above the working directory; the IOM corpus is needed")
		}
		dir = parent
	}
}

func corpusFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(t), "corpus", "iom", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skip("no corpus files")
	}
	return files
}

// extractCorpus runs the pipeline over the IOM corpus and returns the JSONL.
func extractCorpus(t *testing.T) []byte {
	t.Helper()
	p := extract.New(extract.Options{})
	var buf bytes.Buffer
	for _, f := range corpusFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		g, err := p.Extract(context.Background(), argmap.Document{Name: name, URI: f, Data: data})
		if err != nil {
			t.Fatalf("Extract(%s) error: %v", name, err)
		}
		if err := g.Validate(nil); err != nil {
			t.Fatalf("Extract(%s) draft does not validate: %v", name, err)
		}
		if err := extract.WriteJSONL(&buf, name, g); err != nil {
			t.Fatalf("WriteJSONL(%s): %v", name, err)
		}
	}
	return buf.Bytes()
}

// TestDevScore scores the pipeline on the hand-labelled dev set with the
// shared scorer and holds the figures reached so they cannot regress.
func TestDevScore(t *testing.T) {
	shared := sharedDir(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	out := extractCorpus(t)
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(pred, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("ARGMAP_DUMP"); dump != "" {
		_ = os.WriteFile(dump, out, 0o644)
	}
	cmd := exec.Command("python3", filepath.Join(shared, "eval", "score.py"), filepath.Join(shared, "eval", "gold-dev.jsonl"), pred, "--json")
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var s map[string]float64
	if err := json.Unmarshal(res, &s); err != nil {
		t.Fatalf("score.py output %q: %v", res, err)
	}
	t.Logf("dev score: %s", strings.TrimSpace(string(res)))
	for _, c := range []struct {
		key  string
		min  float64
		less bool
	}{
		{"claim_f1", 0.85, false},
		{"junk_rate", 0.02, true},
		{"arg_unit_f1", 0.85, false},
	} {
		v := s[c.key]
		if c.less && v > c.min || !c.less && v < c.min {
			t.Errorf("%s = %v, want %s %v", c.key, v, map[bool]string{true: "<=", false: ">="}[c.less], c.min)
		}
	}
}
