package evaluate_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/carneades"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/sharedtest"
)

// TestCarneadesExamples evaluates every Carneades YAML graph in
// ../shared/data/carneades/yaml that states expected labels and defines no
// argument schemes, and checks each label the file states.
func TestCarneadesExamples(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "data", "carneades", "yaml")
	files, err := filepath.Glob(filepath.Join(dir, "*.yml"))
	if err != nil || len(files) == 0 {
		t.Skipf("no Carneades YAML files in %s; skipping", dir)
	}
	checked := 0
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yml")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		im, err := carneades.Read(data)
		if err != nil {
			t.Errorf("%s: Read: %v", name, err)
			continue
		}
		if im.Schemes || len(im.Expected) == 0 {
			continue
		}
		checked++
		t.Run(name, func(t *testing.T) {
			ev, err := evaluate.EvaluateGraph(im.Graph, evaluate.SemCarneades, evaluate.Options{})
			if err != nil {
				t.Fatalf("EvaluateGraph: %v", err)
			}
			got := map[string]string{}
			reasons := map[string]string{}
			for _, s := range ev.Statements {
				got[s.Key] = s.Label.String()
				reasons[s.Key] = s.Reason
				if s.Reason == "" {
					t.Errorf("statement %s has no reason", s.Key)
				}
			}
			want := map[string]string{}
			gotStated := map[string]string{}
			for k, l := range im.Expected {
				want[k] = l
				gotStated[k] = got[k]
			}
			if diff := cmp.Diff(want, gotStated); diff != "" {
				var lines []string
				for k := range want {
					lines = append(lines, k+": "+reasons[k])
				}
				sort.Strings(lines)
				t.Errorf("labels (-want +got):\n%s\nreasons:\n%s", diff, strings.Join(lines, "\n"))
			}
		})
	}
	if checked < 21 {
		t.Errorf("checked %d files with tests and no schemes, want at least 21", checked)
	}
}
