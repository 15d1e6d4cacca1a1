package evaluate_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/sharedtest"
	"github.com/argmap/argmap/internal/tgf"
)

// TestTGFExamples checks the textbook grounded and preferred extensions (and
// stable ones) of the frameworks in ../shared/data/carneades/tgf, read
// through the TGF importer and evaluated as argmap graphs.
func TestTGFExamples(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "data", "carneades", "tgf")
	tests := []struct {
		file      string
		grounded  []string
		preferred [][]string
		stable    [][]string
	}{
		{"bas1", []string{"a"}, [][]string{{"a", "c"}, {"a", "d", "g"}}, [][]string{{"a", "d", "g"}}},
		{"even_cycle1", []string{}, [][]string{{"1"}, {"2"}}, [][]string{{"1"}, {"2"}}},
		{"even_cycle2", []string{}, [][]string{{"1", "3"}, {"2", "4"}}, [][]string{{"1", "3"}, {"2", "4"}}},
		{"irrelevant1", []string{"5"}, [][]string{{"1", "3", "5"}, {"2", "4", "5"}}, [][]string{{"1", "3", "5"}, {"2", "4", "5"}}},
		{"odd_cycle1", []string{}, [][]string{{}}, nil},
		{"reinstatement1", []string{"1", "3"}, [][]string{{"1", "3"}}, [][]string{{"1", "3"}}},
		{"simple_attack1", []string{"2"}, [][]string{{"2"}}, [][]string{{"2"}}},
		{"unattacked1", []string{"1"}, [][]string{{"1"}}, [][]string{{"1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file+".tgf"))
			if err != nil {
				t.Skipf("%v; skipping", err)
			}
			im, err := tgf.Read(data)
			if err != nil {
				t.Fatalf("tgf.Read: %v", err)
			}
			keys := map[string]string{}
			for _, c := range im.Graph.Claims {
				keys[c.ID] = c.Title
			}
			extensions := func(sem evaluate.Semantics) [][]string {
				ev, err := evaluate.EvaluateGraph(im.Graph, sem, evaluate.Options{})
				if err != nil {
					t.Fatalf("EvaluateGraph(%s): %v", sem, err)
				}
				var out [][]string
				for _, e := range ev.Extensions {
					names := []string{}
					for _, id := range e {
						names = append(names, keys[id])
					}
					sort.Strings(names)
					out = append(out, names)
				}
				return sortedSets(out)
			}
			if diff := cmp.Diff([][]string{tt.grounded}, extensions(evaluate.SemGrounded)); diff != "" {
				t.Errorf("grounded extension (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(sortedSets(tt.preferred), extensions(evaluate.SemPreferred)); diff != "" {
				t.Errorf("preferred extensions (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(sortedSets(tt.stable), extensions(evaluate.SemStable)); diff != "" {
				t.Errorf("stable extensions (-want +got):\n%s", diff)
			}
		})
	}
}
