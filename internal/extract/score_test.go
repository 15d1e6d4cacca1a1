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
	"github.com/argmap/argmap/internal/sharedtest"
)

// extractFiles runs the pipeline over files and returns the JSONL.
func extractFiles(t *testing.T, files []string) []byte {
	t.Helper()
	p := extract.New(extract.Options{})
	var buf bytes.Buffer
	for _, f := range files {
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

// demoFiles returns the project's demo corpus (scripts/demo/corpus), found by
// walking up from the working directory to the module root.
func demoFiles(t *testing.T) []string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found above the working directory")
		}
		dir = parent
	}
	files, err := filepath.Glob(filepath.Join(dir, "scripts", "demo", "corpus", "*"))
	if err != nil || len(files) == 0 {
		t.Skip("scripts/demo/corpus is empty")
	}
	return files
}

// floor is a figure a score must reach: at least min, or at most min when
// less is set.
type floor struct {
	key  string
	min  float64
	less bool
}

// score runs the shared scorer on gold and the JSONL pred and checks the
// floors. ARGMAP_DUMP=prefix writes the predictions to prefix+name.
func score(t *testing.T, name, gold string, pred []byte, floors []floor) {
	t.Helper()
	shared := sharedtest.Dir(t)
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	path := filepath.Join(t.TempDir(), "pred.jsonl")
	if err := os.WriteFile(path, pred, 0o644); err != nil {
		t.Fatal(err)
	}
	if dump := os.Getenv("ARGMAP_DUMP"); dump != "" {
		_ = os.WriteFile(dump+name+".jsonl", pred, 0o644)
	}
	cmd := exec.Command("python3", filepath.Join(shared, "eval", "score.py"), gold, path, "--json")
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var s map[string]float64
	if err := json.Unmarshal(res, &s); err != nil {
		t.Fatalf("score.py output %q: %v", res, err)
	}
	t.Logf("%s score: %s", name, strings.TrimSpace(string(res)))
	for _, c := range floors {
		v := s[c.key]
		if c.less && v > c.min || !c.less && v < c.min {
			t.Errorf("%s %s = %v, want %s %v", name, c.key, v, map[bool]string{true: "<=", false: ">="}[c.less], c.min)
		}
	}
}

// TestDevScore scores the pipeline on the hand-labelled dev set with the
// shared scorer and holds the figures reached so they cannot regress.
func TestDevScore(t *testing.T) {
	shared := sharedtest.Dir(t)
	out := extractFiles(t, sharedtest.CorpusFiles(t))
	score(t, "dev", filepath.Join(shared, "eval", "gold-dev.jsonl"), out, []floor{
		{"claim_f1", 0.85, false},
		{"junk_rate", 0.02, true},
		{"arg_unit_f1", 0.85, false},
	})
}

// TestDemoScore scores the pipeline on the demo corpus, labelled blind
// (testdata/gold-demo.jsonl): documents of other genres than the dev set,
// never used to write the rules.
func TestDemoScore(t *testing.T) {
	out := extractFiles(t, demoFiles(t))
	score(t, "demo", filepath.Join("testdata", "gold-demo.jsonl"), out, []floor{
		{"claim_f1", 0.88, false},
		{"junk_rate", 0.015, true},
		{"arg_unit_f1", 0.97, false},
		// 0.904 before reported speakers became actors: the gold labels
		// name no group actor for "Critics say that ...", so recording the
		// critics as asserting costs precision against it (0.94 -> 0.92).
		// 0.895 -> 0.87 when the hand-written list of organisations and
		// states gave way to WordNet's names and what the texts say: the
		// scholars the texts cite as arguing (Ashutosh, Mountz, Pécoud) are
		// actors the gold does not list, and EUTF, which two documents only
		// write out, is found under its long name
		{"actor_f1", 0.86, false},
		{"citation_f1", 0.97, false},
	})
}
