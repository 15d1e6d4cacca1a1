package neo4jstore_test

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestEmbeddedStatementsLoad(t *testing.T) {
	if neo4jstore.StatementsErr != nil {
		t.Fatalf("loading the embedded queries: %v", neo4jstore.StatementsErr)
	}
}

// TestStatementNamesUsed checks that every q* constant naming a statement is
// used by the store's code: a statement nobody runs is dead weight.
func TestStatementNamesUsed(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	consts := map[string]string{} // identifier -> statement name
	uses := map[string]int{}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.ValueSpec:
					for i, name := range n.Names {
						if strings.HasPrefix(name.Name, "q") && i < len(n.Values) {
							if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
								v, _ := strconv.Unquote(lit.Value)
								consts[name.Name] = v
							}
						}
					}
				case *ast.Ident:
					uses[n.Name]++
				}
				return true
			})
		}
	}
	if len(consts) != len(neo4jstore.StatementNames) {
		t.Errorf("found %d q* constants, statementNames lists %d", len(consts), len(neo4jstore.StatementNames))
	}
	for id, name := range consts {
		// One use is the declaration, one the statementNames list.
		if uses[id] < 3 {
			t.Errorf("statement %s (%s) is never run", name, id)
		}
	}
}

func TestEveryQueryFileIsNamed(t *testing.T) {
	entries, err := os.ReadDir("queries")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, n := range neo4jstore.StatementNames {
		names[n] = true
	}
	for _, e := range entries {
		if !names[strings.TrimSuffix(e.Name(), ".cypher")] || filepath.Ext(e.Name()) != ".cypher" {
			t.Errorf("queries/%s has no statement name", e.Name())
		}
	}
	if len(entries) != len(names) {
		t.Errorf("queries/ holds %d files, %d names are declared", len(entries), len(names))
	}
}

func TestLoadStatements(t *testing.T) {
	ok := "// params: $id\nMATCH (c:Claim {id: $id}) RETURN c\n"
	tests := []struct {
		name    string
		files   fstest.MapFS
		names   []string
		wantErr string // substring; "" for success
	}{
		{"ok", fstest.MapFS{"a.cypher": {Data: []byte(ok)}}, []string{"a"}, ""},
		{"trailing semicolon", fstest.MapFS{"a.cypher": {Data: []byte(ok + ";\n")}}, []string{"a"}, ""},
		{"missing file", fstest.MapFS{"a.cypher": {Data: []byte(ok)}}, []string{"a", "b"}, `statement "b" has no file`},
		{"unnamed file", fstest.MapFS{"a.cypher": {Data: []byte(ok)}, "c.cypher": {Data: []byte(ok)}}, []string{"a"}, "c.cypher: no statement name"},
		{"duplicate name", fstest.MapFS{"a.cypher": {Data: []byte(ok)}}, []string{"a", "a"}, `"a" is listed twice`},
		{"two statements", fstest.MapFS{"a.cypher": {Data: []byte(ok + "; RETURN $id")}}, []string{"a"}, "holds 2 statements"},
		{"no statement", fstest.MapFS{"a.cypher": {Data: []byte("// params: none\n// nothing\n")}}, []string{"a"}, "holds 0 statements"},
		{"no params line", fstest.MapFS{"a.cypher": {Data: []byte("RETURN 1")}}, []string{"a"}, "no \"// params:\" line"},
		{"undeclared param", fstest.MapFS{"a.cypher": {Data: []byte("// params: none\nRETURN $x")}}, []string{"a"}, "uses parameters [x] but declares []"},
		{"unused param", fstest.MapFS{"a.cypher": {Data: []byte("// params: $x, $y\nRETURN $x")}}, []string{"a"}, "uses parameters [x] but declares [x y]"},
		{"param twice", fstest.MapFS{"a.cypher": {Data: []byte("// params: $x, $x\nRETURN $x")}}, []string{"a"}, "$x is listed twice"},
		{"bad param", fstest.MapFS{"a.cypher": {Data: []byte("// params: x\nRETURN $x")}}, []string{"a"}, `"x" is not a $name`},
		{"unterminated string", fstest.MapFS{"a.cypher": {Data: []byte("// params: none\nRETURN 'x")}}, []string{"a"}, "unterminated ' quote"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := neo4jstore.LoadStatements(tt.files, tt.names)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("LoadStatements = %v, want no error", err)
				}
				if len(got) != len(tt.names) {
					t.Errorf("LoadStatements gave %d statements, want %d", len(got), len(tt.names))
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("LoadStatements error = %v, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

// failRunner fails the test if a statement reaches the database.
type failRunner struct{ t *testing.T }

func (f failRunner) Run(context.Context, string, map[string]any) ([]*neo4j.Record, error) {
	f.t.Fatal("Run reached the database")
	return nil, nil
}

func TestRunChecksParameters(t *testing.T) {
	tests := []struct {
		name   string
		stmt   string
		params map[string]any
	}{
		{"unknown statement", "no_such_statement", nil},
		{"missing parameter", "source_get", map[string]any{}},
		{"misspelt parameter", "source_get", map[string]any{"ID": "src_x"}},
		{"extra parameter", "source_get", map[string]any{"id": "src_x", "more": 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := neo4jstore.Run(context.Background(), failRunner{t}, tt.stmt, tt.params)
			if code := argmap.ErrorCode(err); code != argmap.EINTERNAL {
				t.Errorf("run(%s, %v) code = %q (%v), want %q", tt.stmt, tt.params, code, err, argmap.EINTERNAL)
			}
		})
	}
}
