package sqlitestore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestSpanQuoteMigration checks migration 0021 (the quote of a node's first
// span NULL in its row when it is the node's text): a store written at 0020,
// with every quote in its row, reads back after migrating the graph a store
// written now reads, with the same rows in claims and evidence; in both a
// new text keeps the old one as the quote of the span, and a text set to the
// quote drops it from the row.
func TestSpanQuoteMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	g, ids := inlineGraph(t)

	newPath := filepath.Join(dir, "new.db")
	want := writtenDump(t, ctx, newPath, g)
	// "single" and "twice" quote their own text; "lone" quotes more than
	// its text says; "bare" has no span
	if n := count(t, newPath, `SELECT count(*) FROM claims WHERE span_quote IS NULL AND span_source_id IS NOT NULL`); n < 2 {
		t.Errorf("new store: %d claims with a span and no quote in the row, want 2 or more", n)
	}
	if n := count(t, newPath, `SELECT count(*) FROM claims WHERE span_quote IS NOT NULL`); n != 1+count(t, newPath,
		`SELECT count(*) FROM claims WHERE id = '`+ids["both"]+`' AND span_quote IS NOT NULL`) {
		t.Errorf("new store: %d claims with a quote in the row, want the claim quoting more than its text (and the one with two spans, if its first is the other)", n)
	}
	for _, table := range []string{"claims", "evidence"} {
		if n := count(t, newPath, `SELECT count(*) FROM `+table+` WHERE span_quote = text`); n != 0 {
			t.Errorf("new store: %d rows of %s hold their text as quote, want 0", n, table)
		}
	}

	// the same graph at 0020, each quote in its row as that version wrote it
	oldPath := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, oldPath, "0020_actor_content_version.sql"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, oldPath, newPath)
	if n := count(t, oldPath, `SELECT count(*) FROM claims WHERE span_quote = text`); n < 2 {
		t.Fatalf("old store: %d claims with their text as quote, want 2 or more", n)
	}
	old := openMigrated(t, ctx, oldPath, "0020", want)
	rows := `SELECT concat_ws(' ', quote(id), quote(span_source_id), span_start, span_end, quote(span_quote)) FROM claims
		UNION ALL SELECT concat_ws(' ', quote(id), quote(span_source_id), span_start, span_end, quote(span_quote)) FROM evidence`
	sameRows(t, newPath, oldPath, rows)
	sameRows(t, newPath, oldPath, `SELECT concat_ws(' ', quote(node_id), quote(source_id), start, "end", quote(quote)) FROM spans`)

	fresh, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	single, lone := "Fishers were against it.", "The harbour board met on Monday."
	evidence := "Trade dropped."
	for _, s := range []*sqlitestore.Store{fresh, old} {
		if _, err := s.UpdateClaim(ctx, ids["single"], argmap.ClaimUpdate{Text: &single}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateClaim(ctx, ids["lone"], argmap.ClaimUpdate{Text: &lone}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateEvidence(ctx, ids["evidence"], argmap.EvidenceUpdate{Text: &evidence}); err != nil {
			t.Fatal(err)
		}
		c, err := s.Claim(ctx, ids["single"])
		if err != nil {
			t.Fatal(err)
		}
		if len(c.Spans) != 1 || c.Spans[0].Quote != "Fishers objected to the closure." {
			t.Errorf("Claim(single).Spans after a new text = %+v, want its span quoting the old text", c.Spans)
		}
		e, err := s.Evidence(ctx, ids["evidence"])
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range e.Spans {
			if sp.Quote == evidence || sp.Quote == "" {
				t.Errorf("Evidence().Spans after a new text = %+v, want the quotes of the source", e.Spans)
			}
		}
	}
	for _, path := range []string{newPath, oldPath} {
		if n := count(t, path, `SELECT count(*) FROM claims WHERE id = '`+ids["lone"]+`' AND span_quote IS NULL`); n != 1 {
			t.Errorf("%s: the claim given its quote as text keeps the quote in its row, want NULL", filepath.Base(path))
		}
	}
	sameDump(t, ctx, fresh, old, "after the same updates")
	sameRows(t, newPath, oldPath, rows)
}

// count runs a query of one integer on the store at path.
func count(t *testing.T, path, query string) int {
	t.Helper()
	var n int
	if err := openRaw(t, path).QueryRow(query).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// sameRows fails unless the query (one column) gives the same rows on the
// stores at want and got.
func sameRows(t *testing.T, want, got, query string) {
	t.Helper()
	a, b := openRaw(t, want), openRaw(t, got)
	if diff := cmp.Diff(quotedRowsOf(t, a, query), quotedRowsOf(t, b, query)); diff != "" {
		t.Errorf("%s (-written now +migrated):\n%s", query, diff)
	}
}

// TestRelationQuoteMigration checks migration 0022 (a relation's quote NULL
// in its row when its span is its first premise's first span): a store
// written at 0021 reads back after migrating the graph and the relations'
// rows a store written now has (by WriteGraph, and by a bulk load); every
// relation's span quotes its source before and after the source of some is
// deleted.
func TestRelationQuoteMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	g, ids := inlineGraph(t)
	// relations whose spans are their premises' first spans (the one
	// their rows hold): a claim's, and the evidence's
	twice := g.Claims[3]
	ev := g.Evidence[0]
	first := ev.Spans[0]
	echo := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests, To: ids["both"],
		From: []string{twice.ID}, Span: &twice.Spans[0], Origin: argmap.OriginExtracted}
	onEv := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, To: ids["lone"],
		From: []string{ev.ID}, Span: &first, Origin: argmap.OriginExtracted}
	g.Relations = append(g.Relations, echo, onEv)
	texts := map[string]string{}
	for _, s := range g.Sources {
		texts[s.ID] = s.Text
	}

	newPath := filepath.Join(dir, "new.db")
	want := writtenDump(t, ctx, newPath, g)
	// the same graph in one bulk load (argmap.Bulk)
	bulkPath := filepath.Join(dir, "bulk.db")
	bulk, err := sqlitestore.Open(ctx, bulkPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := argmap.Bulk(ctx, bulk, func(tx argmap.Store) error { return tx.WriteGraph(ctx, g) }); err != nil {
		t.Fatal(err)
	}
	bulk.Close()
	for _, path := range []string{newPath, bulkPath} {
		if n := count(t, path, `SELECT count(*) FROM relations WHERE span_quote IS NULL AND span_source_id IS NOT NULL`); n != 2 {
			t.Errorf("%s: %d relations with a span and no quote in the row, want 2", filepath.Base(path), n)
		}
		if n := count(t, path, `SELECT count(*) FROM relations WHERE span_quote IS NOT NULL`); n != 1 {
			t.Errorf("%s: %d relations with a quote in the row, want 1 (its span is not its premise's)", filepath.Base(path), n)
		}
	}

	oldPath := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, oldPath, "0021_span_quote_text.sql"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, oldPath, newPath)
	if n := count(t, oldPath, `SELECT count(*) FROM relations WHERE span_quote = ''`); n != 3 {
		t.Fatalf("old store: %d relations without a quote, want the 3 without a span", n)
	}
	old := openMigrated(t, ctx, oldPath, "0021", want)
	rows := `SELECT concat_ws(' ', quote(id), quote(span_source_id), span_start, span_end, quote(span_quote)) FROM relations`
	sameRows(t, newPath, oldPath, rows)
	sameRows(t, newPath, bulkPath, rows)

	fresh, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, s := range []*sqlitestore.Store{fresh, old} {
		for _, r := range g.Relations {
			got, err := s.Relation(ctx, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if r.Span == nil {
				if got.Span != nil {
					t.Errorf("Relation(%s).Span = %+v, want none", r.ID, got.Span)
				}
				continue
			}
			if want := texts[r.Span.SourceID][r.Span.Start:r.Span.End]; got.Span == nil || got.Span.Quote != want {
				t.Errorf("Relation(%s).Span = %+v, want the quote %q", r.ID, got.Span, want)
			}
		}
		if err := s.DeleteSource(ctx, ids["one"]); err != nil {
			t.Fatal(err)
		}
		got, err := s.Relation(ctx, echo.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Span == nil || got.Span.Quote != "Others disagreed." {
			t.Errorf("Relation(echo).Span after deleting the other source = %+v, want its quote", got.Span)
		}
	}
	sameDump(t, ctx, fresh, old, "after deleting a source")
	sameRows(t, newPath, oldPath, rows)
}

// writtenDump writes g into a new store at path and returns what the store
// reads back: the graph a store written now holds, for a migrated one to
// match.
func writtenDump(t *testing.T, ctx context.Context, path string, g *argmap.Graph) *argmap.Graph {
	t.Helper()
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	d, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// openMigrated opens the store at path, written at migration at, which the
// open migrates, and checks that it reads back want, the graph a store
// written now holds; the store is closed when the test ends.
func openMigrated(t *testing.T, ctx context.Context, path, at string, want *argmap.Graph) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open() of a store at %s = %v", at, err)
	}
	t.Cleanup(func() { s.Close() })
	got, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Dump() after migrating (-written now +migrated):\n%s", diff)
	}
	return s
}

// sameDump fails unless the migrated store old dumps the graph the store
// written now, fresh, dumps (after: what both went through).
func sameDump(t *testing.T, ctx context.Context, fresh, old *sqlitestore.Store, after string) {
	t.Helper()
	want, err := fresh.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got, err := old.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Dump() %s (-written now +migrated):\n%s", after, diff)
	}
}
