package argdown_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argdown"
	"github.com/argmap/argmap/internal/argmap"
)

// FuzzParse feeds arbitrary bytes through parse, mapping, writing and
// parsing again: nothing may panic, a parsed document must map to a valid
// graph or a clear error, and the export of that graph must parse again
// with the same numbers of arguments and statements.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"[A]: a\n  + [B]: b\n  - <C>: c\n    <_ <D>\n",
		"<A>\n\n(1) p\n(2) [Q]: q\n-- rule {uses: [1,2]} --\n(3) r\n  >< [Q]\n",
		"===\nmodel:\n    mode: strict\n===\n\n[A]\n  -> [B]\n  +> [C]\n",
		"# H\n\ntext <!-- c --> more // x\n/* y */\n\\[escaped\\]\r\n  + child\r\n",
		"* item\n1. item\n  + <A>\n",
	} {
		f.Add([]byte(s))
	}
	if files, _ := filepath.Glob(filepath.Join("testdata", "*.argdown")); len(files) > 0 {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := argdown.Parse(data)
		if err != nil {
			if argmap.ErrorCode(err) != argmap.EINVALID && argmap.ErrorCode(err) != argmap.ETOOLARGE {
				t.Fatalf("Parse error %v has code %s", err, argmap.ErrorCode(err))
			}
			return
		}
		src := source(data)
		g, err := argdown.ToGraph(doc, src, now)
		if err != nil {
			return
		}
		g.Sources = []argmap.Source{src}
		if err := g.Validate(nil); err != nil {
			t.Fatalf("ToGraph gave an invalid graph: %v", err)
		}
		out, err := argdown.Write(g)
		if err != nil {
			t.Fatalf("Write = %v", err)
		}
		back, err := argdown.Parse(out)
		if err != nil {
			t.Fatalf("Parse(Write) = %v\ninput:\n%q\noutput:\n%s", err, data, out)
		}
		if a, b := back.Count(), doc.Count(); a.Arguments != b.Arguments || a.Statements != b.Statements {
			t.Fatalf("round trip counts = %s, want %s\ninput:\n%q\noutput:\n%s", a, b, data, out)
		}
	})
}

func TestInvalidInput(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"invalid UTF-8", "[A]: ok\n[B]: caf\xe9", "line 2, column 9: invalid UTF-8"},
		{"NUL", "a\x00b", "line 1, column 2: a NUL byte"},
		{"unclosed comment", "a\n\n  <!-- never", "line 3, column 3: the comment opened here"},
		{"unclosed block comment", "a /* b", "line 1, column 3"},
		{"unclosed front matter", "===\ntitle: x\n", "line 1, column 1: the front matter"},
		{"bad front matter", "===\ntitle: [x\n===\n", "not valid YAML"},
		{"relation first", "  + [A]", "line 1, column 3: a relation needs"},
		{"self support", "[A]: a\n  + [A]", "line 2, column 3: a statement or argument cannot support itself"},
		{"undercut of a statement", "[A]: a\n  _ [B]", "an undercut must attack an argument"},
		{"empty relation", "[A]: a\n  +", "names no statement"},
		{"inference without conclusion", "(1) a\n----", "ends with an inference line"},
		{"two inferences", "(1) a\n-- r --\n-- s --\n(2) b", "two inference lines"},
		{"unclosed inference", "(1) a\n--\nrule\n", "no closing line"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := argdown.Parse([]byte(tc.in))
			if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Parse(%q) = %v, want EINVALID containing %q", tc.in, err, tc.want)
			}
		})
	}
}

// TestLargeInput parses, maps and writes a 10 MB document.
func TestLargeInput(t *testing.T) {
	var b strings.Builder
	n := 0
	for b.Len() < 10<<20 {
		fmt.Fprintf(&b, "[S%d]: Statement number %d says something about ferries.\n  + <A%d>: Because of reason %d.\n    - [S%d]\n\n", n, n, n, n, n+1)
		n++
	}
	start := time.Now()
	doc, err := argdown.Parse([]byte(b.String()))
	if err != nil {
		t.Fatalf("Parse(10 MB) = %v", err)
	}
	if c := doc.Count(); c.Arguments != n || c.Statements != n+1 {
		t.Errorf("Parse(10 MB) = %s, want %d arguments, %d statements", c, n, n+1)
	}
	g, err := argdown.ToGraph(doc, source([]byte(b.String())), now)
	if err != nil {
		t.Fatalf("ToGraph(10 MB) = %v", err)
	}
	if _, err := argdown.Write(g); err != nil {
		t.Fatalf("Write(10 MB) = %v", err)
	}
	t.Logf("10 MB: %d statements, %d arguments in %v", n+1, n, time.Since(start))
	// One 10 MB paragraph parses; its statement is too long to keep.
	one := strings.Repeat("word ", 2<<20)
	doc, err = argdown.Parse([]byte(one))
	if err != nil {
		t.Fatalf("Parse(one 10 MB paragraph) = %v", err)
	}
	if _, err := argdown.ToGraph(doc, source([]byte(one)), now); argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(err.Error(), "line 1, column 1") {
		t.Errorf("ToGraph(one 10 MB statement) = %v, want EINVALID at line 1, column 1", err)
	}
}
