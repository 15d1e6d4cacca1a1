package neo4jstore_test

import (
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// record builds a driver record as the driver hands it over.
func record(kv ...any) *neo4j.Record {
	r := &neo4j.Record{}
	for i := 0; i < len(kv); i += 2 {
		r.Keys = append(r.Keys, kv[i].(string))
		r.Values = append(r.Values, kv[i+1])
	}
	return r
}

func node(label string, props map[string]any) dbtype.Node {
	return dbtype.Node{ElementId: "4:x:1", Labels: []string{label}, Props: props}
}

var created = time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.UTC)

func TestClaimFrom(t *testing.T) {
	rec := record(
		"c", node("Claim", map[string]any{
			"id": "clm_a", "text": "Return is voluntary.", "gist": "return voluntary", "origin": "extracted",
			"score": 0.75, "main": true, "cues": []any{"argues", "claims"}, "created_at": created.UnixMilli(),
		}),
		"spans", []any{
			map[string]any{"source_id": "src_b", "start": int64(5), "end": int64(9), "quote": "late"},
			map[string]any{"source_id": "src_a", "start": int64(10), "end": int64(30), "quote": "Return is voluntary."},
			map[string]any{"source_id": "src_a", "start": int64(0), "end": int64(4), "quote": "Yes."},
		},
		"actors", []any{
			map[string]any{"actor_id": "act_z", "role": "NAMED_IN"},
			map[string]any{"actor_id": "act_a", "role": "DISPUTES"},
			map[string]any{"actor_id": "act_a", "role": "ASSERTS"},
		},
	)
	got, err := neo4jstore.ClaimFrom(rec)
	if err != nil {
		t.Fatal(err)
	}
	want := argmap.Claim{
		ID: "clm_a", Text: "Return is voluntary.", Gist: "return voluntary", Origin: argmap.OriginExtracted,
		Score: 0.75, Main: true, Cues: []string{"argues", "claims"}, CreatedAt: created,
		Spans: []argmap.Span{
			{SourceID: "src_a", Start: 0, End: 4, Quote: "Yes."},
			{SourceID: "src_a", Start: 10, End: 30, Quote: "Return is voluntary."},
			{SourceID: "src_b", Start: 5, End: 9, Quote: "late"},
		},
		Actors: []argmap.ActorRef{
			{ActorID: "act_a", Role: argmap.RoleAsserts},
			{ActorID: "act_a", Role: argmap.RoleDisputes},
			{ActorID: "act_z", Role: argmap.RoleNamed},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claimFrom mismatch (-want +got):\n%s", diff)
	}
	if got.CreatedAt.Location() != time.UTC {
		t.Errorf("claimFrom CreatedAt location = %v, want UTC", got.CreatedAt.Location())
	}
}

func TestClaimFromMinimal(t *testing.T) {
	rec := record("c", node("Claim", map[string]any{"id": "clm_a", "text": "t", "origin": "curated", "score": int64(1), "main": false, "created_at": int64(0)}),
		"spans", []any{}, "actors", []any{})
	got, err := neo4jstore.ClaimFrom(rec)
	if err != nil {
		t.Fatal(err)
	}
	want := argmap.Claim{ID: "clm_a", Text: "t", Origin: argmap.OriginCurated, Score: 1, CreatedAt: time.UnixMilli(0).UTC()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claimFrom mismatch (-want +got):\n%s", diff)
	}
}

func TestMappingRejectsBadShapes(t *testing.T) {
	tests := []struct {
		name string
		fn   func() error
	}{
		{"claim text not a string", func() error {
			_, err := neo4jstore.ClaimFrom(record("c", node("Claim", map[string]any{"id": "clm_a", "text": int64(3)}), "spans", nil, "actors", nil))
			return err
		}},
		{"claim not a node", func() error {
			_, err := neo4jstore.ClaimFrom(record("c", "clm_a", "spans", nil, "actors", nil))
			return err
		}},
		{"unknown role", func() error {
			_, err := neo4jstore.ClaimFrom(record("c", node("Claim", map[string]any{"id": "clm_a"}), "spans", nil,
				"actors", []any{map[string]any{"actor_id": "act_a", "role": "LIKES"}}))
			return err
		}},
		{"span start not an integer", func() error {
			_, err := neo4jstore.EvidenceFrom(record("e", node("Evidence", map[string]any{"id": "evd_a"}),
				"spans", []any{map[string]any{"source_id": "src_a", "start": "0"}}))
			return err
		}},
		{"aliases not strings", func() error {
			_, err := neo4jstore.ActorFrom(node("Actor", map[string]any{"id": "act_a", "aliases": []any{int64(1)}}))
			return err
		}},
		{"created_at not millis", func() error {
			_, err := neo4jstore.SourceFrom(node("Source", map[string]any{"id": "src_a", "created_at": "2024"}))
			return err
		}},
		{"missing key", func() error {
			_, err := neo4jstore.RelationFrom(record("r", node("Relation", map[string]any{"id": "rel_a"}), "premises", []any{}))
			return err
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if code := argmap.ErrorCode(tt.fn()); code != argmap.EINTERNAL {
				t.Errorf("mapping a bad record: code %q, want %q", code, argmap.EINTERNAL)
			}
		})
	}
}

func TestSourceFrom(t *testing.T) {
	full := node("Source", map[string]any{
		"id": "src_a", "title": "Report", "authors": []any{"Koser, K.", "Kuschminder, K."}, "date": "2015",
		"kind": "report", "uri": "file:///r.txt", "venue": "IOM", "doi": "10.1/x", "content_hash": "abc",
		"text": "Body", "created_at": created.UnixMilli(),
	})
	projection := map[string]any{"id": "src_b", "title": "Cited", "kind": "cited", "authors": nil, "created_at": created.UnixMilli()}
	tests := []struct {
		in   any
		want argmap.Source
	}{
		{full, argmap.Source{ID: "src_a", Title: "Report", Authors: []string{"Koser, K.", "Kuschminder, K."}, Date: "2015",
			Kind: "report", URI: "file:///r.txt", Venue: "IOM", DOI: "10.1/x", ContentHash: "abc", Text: "Body", CreatedAt: created}},
		{projection, argmap.Source{ID: "src_b", Title: "Cited", Kind: "cited", CreatedAt: created}},
	}
	for _, tt := range tests {
		got, err := neo4jstore.SourceFrom(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("sourceFrom mismatch (-want +got):\n%s", diff)
		}
	}
}

func TestRelationFrom(t *testing.T) {
	tests := []struct {
		name string
		rec  *neo4j.Record
		want argmap.Relation
	}{
		{
			name: "linked premises with span",
			rec: record("r", node("Relation", map[string]any{"id": "rel_a", "kind": "supports", "origin": "extracted", "score": 0.5, "created_at": created.UnixMilli()}),
				"premises", []any{"evd_b", "clm_a"}, "target", "clm_c",
				"span", map[string]any{"source_id": "src_a", "start": int64(1), "end": int64(3), "quote": "so"}),
			want: argmap.Relation{ID: "rel_a", Kind: argmap.Supports, From: []string{"evd_b", "clm_a"}, To: "clm_c", Origin: argmap.OriginExtracted,
				Score: 0.5, CreatedAt: created, Span: &argmap.Span{SourceID: "src_a", Start: 1, End: 3, Quote: "so"}},
		},
		{
			name: "undercut without span",
			rec: record("r", node("Relation", map[string]any{"id": "rel_u", "kind": "contests", "origin": "curated", "score": 1.0, "created_at": created.UnixMilli()}),
				"premises", []any{"clm_x"}, "target", "rel_a", "span", nil),
			want: argmap.Relation{ID: "rel_u", Kind: argmap.Contests, From: []string{"clm_x"}, To: "rel_a", Origin: argmap.OriginCurated, Score: 1, CreatedAt: created},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := neo4jstore.RelationFrom(tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("relationFrom mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCitationFrom(t *testing.T) {
	rec := record("c", node("Citation", map[string]any{"id": "cit_a", "author": "Black", "year": "2004", "text": "Black (2004)", "start": int64(4), "end": int64(16)}),
		"source_id", "src_a", "cited_id", nil)
	got, err := neo4jstore.CitationFrom(rec)
	if err != nil {
		t.Fatal(err)
	}
	want := argmap.Citation{ID: "cit_a", SourceID: "src_a", Author: "Black", Year: "2004", Text: "Black (2004)", Start: 4, End: 16}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("citationFrom mismatch (-want +got):\n%s", diff)
	}
}
