package argdown_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argdown"
	"github.com/argmap/argmap/internal/sharedtest"
)

// goldenCounts reads the counts the Argdown CLI printed for a document
// (argdown json): arguments, statements (equivalence classes), relations by
// type.
func goldenCounts(t *testing.T, path string) argdown.Counts {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g struct {
		Arguments  map[string]json.RawMessage `json:"arguments"`
		Statements map[string]json.RawMessage `json:"statements"`
		Relations  []struct {
			Type string `json:"relationType"`
		} `json:"relations"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := argdown.Counts{Arguments: len(g.Arguments), Statements: len(g.Statements), Relations: map[argdown.RelationType]int{}}
	for _, r := range g.Relations {
		c.Relations[argdown.RelationType(r.Type)]++
	}
	return c
}

func sharedDir(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join(sharedtest.Dir(t), "data", "argdown", sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no Argdown %s at %s", sub, dir)
	}
	return dir
}

// TestExamplesMatchCLI parses the shared examples and compares what the
// parser found with what the Argdown CLI 1.7.5 found (golden JSON).
func TestExamplesMatchCLI(t *testing.T) {
	dir := sharedDir(t, "examples")
	golden := sharedDir(t, "golden")
	files, _ := filepath.Glob(filepath.Join(dir, "*.argdown"))
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".argdown")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := argdown.Parse(data)
			if err != nil {
				t.Fatalf("Parse = %v", err)
			}
			want := goldenCounts(t, filepath.Join(golden, name+".json"))
			if got := doc.Count(); got.String() != want.String() {
				t.Errorf("Parse(%s) counts = %s, want %s", name, got, want)
			}
		})
	}
}

// TestFixtures parses the Argdown parser's own test inputs. want is what
// the Argdown CLI 1.7.5 reports for the file (argdown json); wantErr is the
// start of our error where the file is not valid Argdown. The CLI also
// refuses four files argmap reads leniently (noted in lenient): invalid YAML
// in an inference's data (data is not kept), a definition on the line after
// a reference, nested lists, and a statement reference by argument and
// number; argmap reads them as text.
func TestFixtures(t *testing.T) {
	dir := sharedDir(t, "fixtures")
	tests := []struct {
		file    string
		want    string
		wantErr string
	}{
		{"intro.1", "5 arguments, 12 statements, attack 5, support 2", ""},
		{"intro", "5 arguments, 12 statements, attack 5, support 2", ""},
		{"lexer-argument", "lenient", ""},
		{"lexer-comment", "1 arguments, 4 statements, support 1", ""},
		{"lexer-definitions-references", "lenient", ""},
		{"lexer-emptyline-dedent", "0 arguments, 4 statements, attack 1, support 1", ""},
		{"lexer-emptyline", "0 arguments, 5 statements, support 1", ""},
		{"lexer-escaped-chars", "0 arguments, 1 statements", ""},
		{"lexer-heading", "0 arguments, 2 statements", ""},
		{"lexer-indentation", "0 arguments, 10 statements, attack 5, support 3", ""},
		{"lexer-italic-bold", "0 arguments, 1 statements", ""},
		{"lexer-linebreak", "0 arguments, 4 statements, attack 1, support 2", ""},
		{"lexer-links-and-tags", "0 arguments, 1 statements", ""},
		{"lexer-lists", "lenient", ""},
		{"lexer-mentions", "0 arguments, 1 statements", ""},
		{"lexer-relation-after-emptyline", "", "argdown: line 3, column 5: a relation needs a statement or argument above it"},
		{"lexer-relations", "", "argdown: line 1, column 1: a relation needs a statement or argument above it"},
		{"lexer-statements-by-number", "lenient", ""},
		{"lexer-token-locations-first-line-empty", "0 arguments, 1 statements", ""},
		{"lexer-token-locations", "1 arguments, 3 statements, attack 1, support 1", ""},
		{"lexer-trailing-emptyline", "0 arguments, 1 statements", ""},
		{"lexer-windows-line-endings", "1 arguments, 4 statements, support 1", ""},
		{"model-escaped-chars", "0 arguments, 1 statements", ""},
		{"parser-arguments", "4 arguments, 10 statements, attack 1, support 2", ""},
		{"parser-mix", "2 arguments, 29 statements, attack 8, support 7", ""},
		{"semmelweis_betz", "10 arguments, 33 statements, contradictory 1, contrary 5", ""},
		{"veggie_debate", "22 arguments, 25 statements, attack 23, support 35", ""},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tc.file+".argdown"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := argdown.Parse(data)
			switch {
			case tc.wantErr != "":
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Errorf("Parse = %v, want an error starting %q", err, tc.wantErr)
				}
			case err != nil:
				t.Errorf("Parse = %v, want no error", err)
			case tc.want != "lenient" && doc.Count().String() != tc.want:
				t.Errorf("Parse counts = %s, want %s", doc.Count(), tc.want)
			}
		})
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.argdown"))
	for _, f := range files {
		if name := strings.TrimSuffix(filepath.Base(f), ".argdown"); !seen[name] {
			t.Errorf("fixture %s has no expectation in this table", name)
		}
	}
}

// TestLanguage parses documents written for argmap (testdata/*.argdown),
// each exercising a corner of the language. want is what the Argdown CLI
// 1.7.5 reports for the file; "lenient" marks files the CLI refuses and
// argmap reads (a definition right after text, a second reconstruction of
// one argument).
func TestLanguage(t *testing.T) {
	tests := []struct {
		file, want, wantErr string
	}{
		{"crlf", "1 arguments, 4 statements, support 1", ""},
		{"front-matter-after-comment-strict", "1 arguments, 5 statements, contrary 1, entails 2", ""},
		{"headings-tags-multiline-inference", "2 arguments, 6 statements, attack 1, support 1", ""},
		{"lists", "0 arguments, 5 statements, support 1", ""},
		{"pcs-after-argument-with-relations", "1 arguments, 4 statements, support 1", ""},
		{"relation-markers", "3 arguments, 4 statements, attack 2, contradictory 1, support 1, undercut 2", ""},
		{"relation-not-indented", "", "argdown: line 2, column 1: this relation is indented no deeper"},
		{"relations-moved-to-conclusion", "1 arguments, 5 statements, attack 2, support 2", ""},
		{"relations-to-own-conclusion", "2 arguments, 3 statements", ""},
		{"repeated-definitions", "lenient", ""},
		{"sections-and-conclusion-support", "1 arguments, 3 statements, attack 1", ""},
		{"strict-moved-relations", "2 arguments, 4 statements, contrary 1, entails 1, undercut 1", ""},
		{"tabs-tag-lonely-references", "1 arguments, 5 statements, attack 1, support 1", ""},
		{"two-reconstructions", "lenient", ""},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file+".argdown"))
			if err != nil {
				t.Fatal(err)
			}
			doc, err := argdown.Parse(data)
			switch {
			case tc.wantErr != "":
				if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
					t.Errorf("Parse = %v, want an error starting %q", err, tc.wantErr)
				}
				return
			case err != nil:
				t.Fatalf("Parse = %v", err)
			case tc.want != "lenient" && doc.Count().String() != tc.want:
				t.Errorf("Parse counts = %s, want %s", doc.Count(), tc.want)
			}
			// The document survives a round trip through argmap.
			g := importDoc(t, data)
			out, err := argdown.Write(g)
			if err != nil {
				t.Fatalf("Write = %v", err)
			}
			back, err := argdown.Parse(out)
			if err != nil {
				t.Fatalf("Parse(Write) = %v\n%s", err, out)
			}
			if got, want := back.Count(), doc.Count(); got.String() != want.String() {
				t.Errorf("round trip counts = %s, want %s\n%s", got, want, out)
			}
		})
	}
}
