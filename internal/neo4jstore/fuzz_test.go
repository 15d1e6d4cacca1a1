package neo4jstore_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/argmap/argmap/internal/neo4jstore"
)

// FuzzFullTextQuery checks the Lucene query built from arbitrary text: every
// special character escaped, no operator left, at most 64 tokens (Lucene
// refuses more than 1,024 clauses).
func FuzzFullTextQuery(f *testing.F) {
	for _, q := range []string{"return migration", `title:x* "quoted" (group)`, "NOT AND OR", "a.b.c.d.e.f", "x -b +c && || !", "\\", "über 2015", strings.Repeat("w ", 2000)} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		got := neo4jstore.FullTextQuery(q)
		if got == "" {
			return
		}
		tokens := 0
		for _, term := range strings.Split(got, " OR ") {
			if term == "" || term == "and" || term == "or" || term == "not" {
				t.Fatalf("FullTextQuery(%q) has the term %q", q, term)
			}
			for i := 0; i < len(term); i++ {
				if term[i] == '\\' {
					i++
					continue
				}
				if strings.IndexByte(`+-&|!(){}[]^"~*?:/`, term[i]) >= 0 {
					t.Fatalf("FullTextQuery(%q) term %q has an unescaped %q", q, term, term[i])
				}
			}
			tokens += len(strings.FieldsFunc(term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		}
		if tokens > 64 {
			t.Fatalf("FullTextQuery(%d bytes) has %d tokens, want at most 64", len(q), tokens)
		}
	})
}
