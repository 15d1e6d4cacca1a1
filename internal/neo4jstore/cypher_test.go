package neo4jstore_test

import (
	"testing"

	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
)

func TestSplitStatements(t *testing.T) {
	type st struct {
		Text string
		Line int
	}
	tests := []struct {
		name string
		src  string
		want []st
	}{
		{"one", "RETURN 1", []st{{"RETURN 1", 1}}},
		{"two with trailing", "RETURN 1;\nRETURN 2;\n", []st{{"RETURN 1", 1}, {"RETURN 2", 2}}},
		{"semicolon in strings", "RETURN 'a;b', \"c;d\";\nRETURN `x;y`", []st{{"RETURN 'a;b', \"c;d\"", 1}, {"RETURN `x;y`", 2}}},
		{"escaped quote", `RETURN 'it\'s;'; RETURN 2`, []st{{`RETURN 'it\'s;'`, 1}, {"RETURN 2", 1}}},
		{"doubled backtick", "RETURN 1 AS `a``;b`; RETURN 2", []st{{"RETURN 1 AS `a``;b`", 1}, {"RETURN 2", 1}}},
		{"comments", "// head; not a statement\nRETURN 1; /* a;\n b */ RETURN 2 // tail;\n", []st{{"RETURN 1", 2}, {"RETURN 2 // tail;", 3}}},
		{"comment only", "// nothing here;\n/* nor; here */\n", nil},
		{"empty statements", ";;\n;RETURN 1;;", []st{{"RETURN 1", 2}}},
		{"line of first code", "\n\n  // c\n  CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b);", []st{{"CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.b)", 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sts, err := neo4jstore.SplitStatements(tt.src)
			if err != nil {
				t.Fatalf("splitStatements(%q) = %v", tt.src, err)
			}
			var got []st
			for _, s := range sts {
				got = append(got, st{s.Text, s.Line})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("splitStatements(%q) mismatch (-want +got):\n%s", tt.src, diff)
			}
		})
	}
}

func TestSplitStatementsErrors(t *testing.T) {
	for _, src := range []string{"RETURN 'a", "RETURN \"a;", "RETURN `a", "RETURN 1 /* open"} {
		if _, err := neo4jstore.SplitStatements(src); err == nil {
			t.Errorf("splitStatements(%q) = nil error, want one", src)
		}
	}
}

func TestUsedParams(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"RETURN 1", []string{}},
		{"MATCH (n {id: $id}) WHERE n.x = $x AND n.y = $id RETURN $x2", []string{"id", "x", "x2"}},
		{"RETURN '$notaparam', \"$nor\", `$this` // $comment\n, $real /* $no */", []string{"real"}},
		{"RETURN $_a1,$b", []string{"_a1", "b"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, neo4jstore.UsedParams(tt.text)); diff != "" {
			t.Errorf("usedParams(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}
