package argmaptest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// testAudit checks the audit trail: entries read back as recorded, newest
// first, paged, filtered by record (target or ref) and by who, and outlive
// the records they describe; bad entries are refused.
func testAudit(t *testing.T, e *env) {
	s := e.store(t)
	base := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	c1, c2 := argmap.NewID(argmap.KindClaim), argmap.NewID(argmap.KindClaim)
	r1 := argmap.NewID(argmap.KindRelation)
	entry := func(i int, who, action string, kind argmap.NodeKind, target string, refs []string, before, after string) argmap.AuditEntry {
		en := argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), At: base.Add(time.Duration(i) * time.Second), Who: who,
			Action: action, Kind: kind, TargetID: target, Refs: refs}
		if before != "" {
			en.Before = json.RawMessage(before)
		}
		if after != "" {
			en.After = json.RawMessage(after)
		}
		return en
	}
	entries := []argmap.AuditEntry{
		entry(0, "ann", argmap.AuditUpdate, argmap.KindClaim, c1, nil, `{"text":"old <b>"}`, `{"text":"new & \"quoted\""}`),
		entry(1, "bob", argmap.AuditCreate, argmap.KindRelation, r1, []string{c2, c1}, "", `{"id":"`+r1+`","kind":"supports"}`),
		entry(2, "ann", argmap.AuditDelete, argmap.KindClaim, c2, nil, `{"id":"`+c2+`"}`, ""),
		entry(3, "ann", argmap.AuditUpdate, argmap.KindRelation, r1, []string{c2, c1}, `{"kind":"supports"}`, `{"kind":"contests"}`),
	}
	for i := range entries {
		must(t, "RecordAudit", s.RecordAudit(ctx(t), &entries[i]))
	}
	newest := func(idx ...int) []argmap.AuditEntry {
		var out []argmap.AuditEntry
		for _, i := range idx {
			out = append(out, entries[i])
		}
		return out
	}
	// JSON comes back byte for byte from SQLite, and equivalent from
	// stores that normalise it; compare it decoded.
	jsonEq := cmp.Comparer(func(a, b json.RawMessage) bool {
		if len(a) == 0 || len(b) == 0 {
			return len(a) == len(b)
		}
		var x, y any
		return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && cmp.Equal(x, y)
	})
	tests := []struct {
		name string
		f    argmap.AuditFilter
		want []argmap.AuditEntry
	}{
		{"all newest first", argmap.AuditFilter{}, newest(3, 2, 1, 0)},
		{"by target", argmap.AuditFilter{NodeID: c2}, newest(3, 2, 1)},
		{"by ref", argmap.AuditFilter{NodeID: c1}, newest(3, 1, 0)},
		{"by relation", argmap.AuditFilter{NodeID: r1}, newest(3, 1)},
		{"by who", argmap.AuditFilter{Who: "bob"}, newest(1)},
		{"page 1", argmap.AuditFilter{Page: argmap.Page{Limit: 2}}, newest(3, 2)},
		{"page 2", argmap.AuditFilter{Page: argmap.Page{Limit: 2, After: entries[2].ID}}, newest(1, 0)},
		{"after the last", argmap.AuditFilter{Page: argmap.Page{After: entries[0].ID}}, nil},
		{"unknown node", argmap.AuditFilter{NodeID: argmap.NewID(argmap.KindClaim)}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Audit(ctx(t), tc.f)
			must(t, "Audit", err)
			if len(tc.want) == 0 && len(got) == 0 {
				return
			}
			if diff := cmp.Diff(tc.want, got, jsonEq); diff != "" {
				t.Errorf("Audit(%+v) mismatch (-want +got):\n%s", tc.f, diff)
			}
		})
	}
	t.Run("ZeroTime", func(t *testing.T) {
		en := entry(0, "cy", argmap.AuditCreate, argmap.KindActor, argmap.NewID(argmap.KindActor), nil, "", `{}`)
		en.At = time.Time{}
		must(t, "RecordAudit", s.RecordAudit(ctx(t), &en))
		if en.At.IsZero() || en.At.Location() != time.UTC {
			t.Errorf("RecordAudit set At = %v, want the UTC time of the write", en.At)
		}
		got, err := s.Audit(ctx(t), argmap.AuditFilter{Who: "cy"})
		must(t, "Audit", err)
		if len(got) != 1 || !got[0].At.Equal(en.At) {
			t.Errorf("Audit(who cy) = %+v, want the entry at %v", got, en.At)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		dup := entries[0]
		bad := []struct {
			name string
			e    argmap.AuditEntry
			code string
		}{
			{"same ID", dup, argmap.ECONFLICT},
			{"no who", entry(9, "", argmap.AuditUpdate, argmap.KindClaim, c1, nil, `{}`, `{}`), argmap.EINVALID},
			{"bad action", entry(9, "ann", "rename", argmap.KindClaim, c1, nil, `{}`, `{}`), argmap.EINVALID},
			{"bad kind", entry(9, "ann", argmap.AuditUpdate, "planet", c1, nil, `{}`, `{}`), argmap.EINVALID},
			{"bad JSON", entry(9, "ann", argmap.AuditUpdate, argmap.KindClaim, c1, nil, `{"a":`, ``), argmap.EINVALID},
			{"nothing recorded", entry(9, "ann", argmap.AuditUpdate, argmap.KindClaim, c1, nil, ``, ``), argmap.EINVALID},
			{"bad ID", func() argmap.AuditEntry {
				en := entry(9, "ann", argmap.AuditUpdate, argmap.KindClaim, c1, nil, `{}`, `{}`)
				en.ID = argmap.NewID(argmap.KindClaim)
				return en
			}(), argmap.EINVALID},
		}
		for _, tc := range bad {
			en := tc.e
			wantCode(t, "RecordAudit("+tc.name+")", s.RecordAudit(ctx(t), &en), tc.code)
		}
		got, err := s.Audit(ctx(t), argmap.AuditFilter{Who: "ann"})
		must(t, "Audit", err)
		if len(got) != 3 {
			t.Errorf("Audit(who ann) after refused entries has %d entries, want 3", len(got))
		}
	})
}

// testUpdateRelation checks UpdateRelation: kind, origin and score change,
// the rest stays; a result that does not validate is refused; unknown IDs are
// ENOTFOUND.
func testUpdateRelation(t *testing.T, e *env) {
	s := e.store(t)
	src := newSource("A", "Controls reduce crossings. Patrols grew.")
	c1, c2 := stated(src, "Controls reduce crossings."), stated(src, "Patrols grew.")
	write(t, s, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c1, c2}})
	r := rel(argmap.Supports, c1.ID, c2.ID)
	must(t, "CreateRelation", s.CreateRelation(ctx(t), &r))
	contests, curated, score := argmap.Contests, argmap.OriginCurated, 0.25
	got, err := s.UpdateRelation(ctx(t), r.ID, argmap.RelationUpdate{Kind: &contests, Origin: &curated, Score: &score})
	must(t, "UpdateRelation", err)
	want := r
	want.Kind, want.Origin, want.Score = contests, curated, score
	if diff := cmp.Diff(want, *got, opts); diff != "" {
		t.Errorf("UpdateRelation() mismatch (-want +got):\n%s", diff)
	}
	read, err := s.Relation(ctx(t), r.ID)
	must(t, "Relation", err)
	if diff := cmp.Diff(want, *read, opts); diff != "" {
		t.Errorf("Relation() after update mismatch (-want +got):\n%s", diff)
	}
	bad := argmap.RelationKind("implies")
	_, err = s.UpdateRelation(ctx(t), r.ID, argmap.RelationUpdate{Kind: &bad})
	wantCode(t, "UpdateRelation(bad kind)", err, argmap.EINVALID)
	_, err = s.UpdateRelation(ctx(t), argmap.NewID(argmap.KindRelation), argmap.RelationUpdate{Kind: &contests})
	wantCode(t, "UpdateRelation(unknown)", err, argmap.ENOTFOUND)

	// Two claims joined into one proposition, and parted again.
	prop := c2.ID
	joined, err := s.UpdateClaim(ctx(t), c1.ID, argmap.ClaimUpdate{Proposition: &prop})
	must(t, "UpdateClaim(proposition)", err)
	if joined.Proposition != c2.ID {
		t.Errorf("UpdateClaim(proposition).Proposition = %q, want %q", joined.Proposition, c2.ID)
	}
	same, err := s.Claims(ctx(t), argmap.ClaimFilter{Proposition: c2.ID})
	must(t, "Claims(proposition)", err)
	if len(same) != 2 {
		t.Errorf("Claims(proposition %s) = %d claims, want 2", c2.ID, len(same))
	}
	own := c1.ID
	parted, err := s.UpdateClaim(ctx(t), c1.ID, argmap.ClaimUpdate{Proposition: &own})
	must(t, "UpdateClaim(own proposition)", err)
	if parted.Proposition != "" {
		t.Errorf("UpdateClaim(own proposition).Proposition = %q, want empty", parted.Proposition)
	}
	if read, err := s.Claim(ctx(t), c1.ID); err != nil || read.Proposition != "" {
		t.Errorf("Claim() after parting = %v, %v; want no proposition", read, err)
	}

	// A claim a person accepts (origin curated) outlives its source.
	_, err = s.UpdateClaim(ctx(t), c1.ID, argmap.ClaimUpdate{Origin: &curated})
	must(t, "UpdateClaim(origin)", err)
	must(t, "DeleteSource", s.DeleteSource(ctx(t), src.ID))
	kept, err := s.Claim(ctx(t), c1.ID)
	must(t, "Claim(curated) after DeleteSource", err)
	if kept.Origin != argmap.OriginCurated {
		t.Errorf("Claim(curated).Origin = %q, want curated", kept.Origin)
	}
	if _, err := s.Claim(ctx(t), c2.ID); !argmap.IsNotFound(err) {
		t.Errorf("Claim(extracted) after DeleteSource error = %v, want ENOTFOUND", err)
	}
}

// testCitations checks Citations: a source's citations in text order, with
// the cited work's ID when known; none for a source that cites nothing or is
// unknown.
func testCitations(t *testing.T, e *env) {
	s := e.store(t)
	src := newSource("A", "As Smith (2001) and Jones (1999) showed, it holds.")
	other := newSource("B", "Nothing cited here.")
	cited := citedSource("Smith's book")
	late := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: src.ID, Author: "Jones", Year: "1999", Text: "Jones (1999)", Start: 20, End: 32}
	early := argmap.Citation{ID: argmap.NewID(argmap.KindCitation), SourceID: src.ID, Author: "Smith", Year: "2001", Text: "Smith (2001)", Start: 3, End: 15, CitedID: cited.ID}
	write(t, s, &argmap.Graph{Sources: []argmap.Source{src, other, cited}, Citations: []argmap.Citation{late, early}})
	got, err := s.Citations(ctx(t), src.ID)
	must(t, "Citations", err)
	if diff := cmp.Diff([]argmap.Citation{early, late}, got, opts); diff != "" {
		t.Errorf("Citations() mismatch (-want +got):\n%s", diff)
	}
	for _, id := range []string{other.ID, argmap.NewID(argmap.KindSource)} {
		got, err := s.Citations(ctx(t), id)
		must(t, "Citations", err)
		if len(got) != 0 {
			t.Errorf("Citations(%s) = %v, want none", id, got)
		}
	}
}
