package sqlitestore_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestRelationsInChunks checks a graph of many relations: 70 relations
// (some with two premises, spans, a titled one among them) read back whole
// and in order, and a graph whose relation among 50 is already stored fails
// with ECONFLICT naming it and stores nothing. (It was written for relations
// inserted 32 a statement, afd6d6e, reverted for its memory; it holds for
// one a statement too.)
func TestRelationsInChunks(t *testing.T) {
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := strings.Repeat("Rents rose. ", 80)
	src := argmap.Source{ID: argmap.DerivedID(argmap.KindSource, "chunks"), Title: "t", Text: text}
	var claims []argmap.Claim
	for i := range 80 {
		claims = append(claims, argmap.Claim{ID: argmap.DerivedID(argmap.KindClaim, "chunks", fmt.Sprint(i)), Text: "Rents rose.",
			Origin: argmap.OriginExtracted, Spans: []argmap.Span{{SourceID: src.ID, Start: 12 * i, End: 12*i + 11}}})
	}
	relations := func(tag string, n int) []argmap.Relation {
		var rs []argmap.Relation
		for i := range n {
			r := argmap.Relation{ID: argmap.DerivedID(argmap.KindRelation, tag, fmt.Sprint(i)), Kind: argmap.Supports,
				From: []string{claims[i].ID}, To: claims[i+1].ID, Origin: argmap.OriginExtracted, Score: float64(i) / 100}
			if i%3 == 0 {
				r.From = append(r.From, claims[i+2].ID)
			}
			if i%5 == 0 {
				r.Span = &argmap.Span{SourceID: src.ID, Start: 12 * i, End: 12*i + 23}
			}
			if i == 40 {
				r.Title = "a titled relation between two runs"
			}
			rs = append(rs, r)
		}
		return rs
	}
	want := relations("first", 70)
	g := &argmap.Graph{Sources: []argmap.Source{src}, Claims: claims, Relations: want}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatalf("WriteGraph(70 relations) = %v", err)
	}
	for i, w := range want {
		got, err := st.Relation(ctx, w.ID)
		if err != nil {
			t.Fatalf("Relation(%d) = %v", i, err)
		}
		span := w.Span != nil && (got.Span == nil || got.Span.Start != w.Span.Start || got.Span.Quote != text[w.Span.Start:w.Span.End])
		if strings.Join(got.From, " ") != strings.Join(w.From, " ") || got.To != w.To || got.Score != w.Score || got.Title != w.Title || span {
			t.Errorf("relation %d = %+v, want %+v", i, got, w)
		}
	}

	again := relations("second", 50)
	again[10] = want[10] // stored already, in the first statement of 32
	err = st.WriteGraph(ctx, &argmap.Graph{Relations: again})
	var ae *argmap.Error
	if !errors.As(err, &ae) || ae.Code != argmap.ECONFLICT || !strings.Contains(err.Error(), want[10].ID) {
		t.Fatalf("WriteGraph(a stored relation among 50) = %v, want ECONFLICT naming %s", err, want[10].ID)
	}
	for _, r := range again {
		if r.ID == want[10].ID {
			continue
		}
		if _, err := st.Relation(ctx, r.ID); !errors.As(err, &ae) || ae.Code != argmap.ENOTFOUND {
			t.Errorf("Relation(%s) of the failed graph = %v, want ENOTFOUND", r.ID, err)
		}
	}
}
