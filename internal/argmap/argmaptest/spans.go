package argmaptest

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// testAddSpans checks ClaimUpdate.AddSpans: new passages join a claim's
// spans with their quotes cut from the source text, a span it has is kept
// once, and a bad span changes nothing.
func testAddSpans(t *testing.T, e *env) {
	s := e.store(t)
	first := newSource("First", "Ferries should be sold.")
	second := newSource("Second", "We said it before: ferries should be sold.")
	c := stated(first, "Ferries should be sold.")
	write(t, s, &argmap.Graph{Sources: []argmap.Source{first, second}, Claims: []argmap.Claim{c}})
	add := span(second, "ferries should be sold.")
	add.Quote = "a quote the store replaces"
	got, err := s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{AddSpans: []argmap.Span{add, c.Spans[0]}})
	must(t, "UpdateClaim(AddSpans)", err)
	want := []argmap.Span{c.Spans[0], span(second, "ferries should be sold.")}
	sort.Slice(want, func(i, j int) bool { return want[i].SourceID < want[j].SourceID }) // spans come by source
	if diff := cmp.Diff(want, got.Spans, opts); diff != "" {
		t.Errorf("UpdateClaim(AddSpans) spans (-want +got):\n%s", diff)
	}
	read, err := s.Claim(ctx(t), c.ID)
	must(t, "Claim", err)
	if diff := cmp.Diff(want, read.Spans, opts); diff != "" {
		t.Errorf("Claim after AddSpans spans (-want +got):\n%s", diff)
	}
	inSecond, err := s.Claims(ctx(t), argmap.ClaimFilter{SourceID: second.ID})
	must(t, "Claims(source)", err)
	if len(inSecond) != 1 || inSecond[0].ID != c.ID {
		t.Errorf("Claims(source %s) = %v, want the claim with the added span", second.ID, inSecond)
	}
	for _, tc := range []struct {
		name string
		sp   argmap.Span
	}{
		{"unknown source", argmap.Span{SourceID: argmap.NewID(argmap.KindSource), Start: 0, End: 3}},
		{"outside the text", argmap.Span{SourceID: second.ID, Start: 10, End: len(second.Text) + 5}},
		{"end before start", argmap.Span{SourceID: second.ID, Start: 8, End: 3}},
	} {
		_, err := s.UpdateClaim(ctx(t), c.ID, argmap.ClaimUpdate{AddSpans: []argmap.Span{tc.sp}})
		wantCode(t, "UpdateClaim(AddSpans "+tc.name+")", err, argmap.EINVALID)
	}
	after, err := s.Claim(ctx(t), c.ID)
	must(t, "Claim", err)
	if diff := cmp.Diff(want, after.Spans, opts); diff != "" {
		t.Errorf("spans after refused AddSpans (-want +got):\n%s", diff)
	}
}
