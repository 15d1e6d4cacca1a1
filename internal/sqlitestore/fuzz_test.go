package sqlitestore_test

import (
	"context"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// FuzzSearchClaims runs arbitrary text through the FTS5 query building and
// the search itself: whatever the text (FTS5 syntax, quotes, NUL, invalid
// UTF-8, thousands of words), the search answers hits or nothing, never an
// error.
func FuzzSearchClaims(f *testing.F) {
	st := open(f)
	f.Cleanup(func() { st.Close() })
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Report", Text: "The IOM enforces exclusions of asylum seekers."}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: src.Text, Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: len(src.Text)}}}
	if err := st.WriteGraph(context.Background(), &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c}}); err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{"IOM exclusions", `"IOM" OR NEAR(a b)`, "asylum* -seekers", "col:IOM ^x", "\x00\xff", "AND OR NOT", "ü̈ber 2015"} {
		f.Add(q, 10)
	}
	f.Fuzz(func(t *testing.T, q string, limit int) {
		hits, err := st.SearchClaims(context.Background(), q, limit)
		if err != nil {
			t.Fatalf("SearchClaims(%q, %d): %v", q, limit, err)
		}
		for _, h := range hits {
			if h.Claim.ID != c.ID {
				t.Fatalf("SearchClaims(%q) found %s, not the one claim", q, h.Claim.ID)
			}
		}
	})
}
