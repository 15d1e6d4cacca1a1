package sqlitestore_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// inlineGraph is a graph with every shape of spans, actor references and
// premises: nodes with two spans in two sources, one span, a repeated span
// and none; with two actor references, one, a repeated one and none;
// relations with three premises, one, and an undercut.
func inlineGraph(t *testing.T) (*argmap.Graph, map[string]string) {
	t.Helper()
	one := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Harbour",
		Text: "The harbour board met on Monday. It closed the port. Fishers objected to the closure. Trade fell sharply."}
	two := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Critics",
		Text: "Critics said the port closure hurt trade. Others disagreed. The port had closed."}
	span := func(src argmap.Source, words string) argmap.Span {
		i := strings.Index(src.Text, words)
		if i < 0 {
			t.Fatalf("%q is not in %s", words, src.Title)
		}
		return argmap.Span{SourceID: src.ID, Start: i, End: i + len(words)}
	}
	actor := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "Harbour board"}
	fishers := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "Fishers"}
	critics := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "Critics"}
	id := func(k argmap.NodeKind) string { return argmap.NewID(k) }
	both := argmap.Claim{ID: id(argmap.KindClaim), Text: "It closed the port.", Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{span(one, "It closed the port."), span(two, "The port had closed.")},
		Actors: []argmap.ActorRef{{ActorID: actor.ID, Role: argmap.RoleAsserts}, {ActorID: fishers.ID, Role: argmap.RoleNamed},
			{ActorID: actor.ID, Role: argmap.RoleAsserts}}}
	single := argmap.Claim{ID: id(argmap.KindClaim), Text: "Fishers objected to the closure.", Origin: argmap.OriginExtracted,
		Spans:  []argmap.Span{span(one, "Fishers objected to the closure.")},
		Actors: []argmap.ActorRef{{ActorID: fishers.ID, Role: argmap.RoleAsserts}, {ActorID: actor.ID, Role: argmap.RoleNamed}}}
	bare := argmap.Claim{ID: id(argmap.KindClaim), Text: "Ports matter.", Origin: argmap.OriginCurated}
	twice := argmap.Claim{ID: id(argmap.KindClaim), Text: "Others disagreed.", Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{span(two, "Others disagreed."), span(two, "Others disagreed.")}}
	lone := argmap.Claim{ID: id(argmap.KindClaim), Text: "The board met on Monday.", Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{span(one, "The harbour board met on Monday.")}}
	ev := argmap.Evidence{ID: id(argmap.KindEvidence), Text: "Trade fell sharply.", Origin: argmap.OriginExtracted,
		Spans:  []argmap.Span{span(one, "Trade fell sharply."), span(two, "the port closure hurt trade")},
		Actors: []argmap.ActorRef{{ActorID: critics.ID, Role: argmap.RoleNamed}, {ActorID: fishers.ID, Role: argmap.RoleNamed}}}
	rs := span(one, "Fishers objected to the closure. Trade fell sharply.")
	three := argmap.Relation{ID: id(argmap.KindRelation), Kind: argmap.Supports, To: both.ID,
		From: []string{single.ID, ev.ID, bare.ID}, Span: &rs, Origin: argmap.OriginExtracted}
	contest := argmap.Relation{ID: id(argmap.KindRelation), Kind: argmap.Contests, To: both.ID, From: []string{twice.ID},
		Origin: argmap.OriginExtracted}
	undercut := argmap.Relation{ID: id(argmap.KindRelation), Kind: argmap.Contests, To: three.ID, From: []string{bare.ID},
		Origin: argmap.OriginCurated}
	onLone := argmap.Relation{ID: id(argmap.KindRelation), Kind: argmap.Supports, To: single.ID, From: []string{lone.ID},
		Origin: argmap.OriginExtracted}
	g := &argmap.Graph{Sources: []argmap.Source{one, two}, Actors: []argmap.Actor{actor, fishers, critics},
		Claims: []argmap.Claim{both, single, bare, twice, lone}, Evidence: []argmap.Evidence{ev},
		Relations: []argmap.Relation{three, contest, undercut, onLone}}
	return g, map[string]string{"one": one.ID, "two": two.ID, "single": single.ID, "both": both.ID, "lone": lone.ID,
		"board": actor.ID, "fishers": fishers.ID, "critics": critics.ID, "evidence": ev.ID}
}

// TestInlineSpansMigration checks migrations 0018 and 0019 (a node's first
// span and actor reference and a relation's first premise kept in its row):
// a store written before them, holding the graph's rows in the tables spans,
// claim_actors, evidence_actors and relation_premises, reads back the same
// graph after migrating as a store that wrote it after, and both change
// alike when actors are merged and deleted, spans are added and a source is
// deleted.
func TestInlineSpansMigration(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	g, ids := inlineGraph(t)

	// the graph written by this version
	newPath := filepath.Join(dir, "new.db")
	want := writtenDump(t, ctx, newPath, g)
	spansWant, premisesWant := rowCount(t, newPath, "spans"), rowCount(t, newPath, "relation_premises")
	if spansWant != 7 || premisesWant != 6 {
		t.Fatalf("new store: %d spans and %d premises in the views, want 7 and 6", spansWant, premisesWant)
	}
	if n := rowCount(t, newPath, "extra_spans"); n != 2 {
		t.Errorf("new store: %d rows in extra_spans, want 2 (the second spans of a claim and of evidence)", n)
	}
	if n := rowCount(t, newPath, "extra_premises"); n != 2 {
		t.Errorf("new store: %d rows in extra_premises, want 2 (a relation's second and third premises)", n)
	}
	if n, m := rowCount(t, newPath, "claim_actors"), rowCount(t, newPath, "extra_claim_actors"); n != 4 || m != 2 {
		t.Errorf("new store: %d claim_actors (%d in extra_claim_actors), want 4 (2)", n, m)
	}
	if n, m := rowCount(t, newPath, "evidence_actors"), rowCount(t, newPath, "extra_evidence_actors"); n != 2 || m != 1 {
		t.Errorf("new store: %d evidence_actors (%d in extra_evidence_actors), want 2 (1)", n, m)
	}

	// the same rows in a store at migration 0017: spans and
	// relation_premises are tables there, the new store's views
	oldPath := filepath.Join(dir, "old.db")
	if err := sqlitestore.MigrateTo(ctx, oldPath, "0017_referents.sql"); err != nil {
		t.Fatal(err)
	}
	copyRows(t, oldPath, newPath)
	if n := rowCount(t, oldPath, "spans"); n != spansWant {
		t.Fatalf("old store: %d spans, want %d", n, spansWant)
	}

	old := openMigrated(t, ctx, oldPath, "0017", want)
	if n := rowCount(t, oldPath, "extra_spans"); n != 2 {
		t.Errorf("migrated: %d rows in extra_spans, want 2", n)
	}
	if n := rowCount(t, oldPath, "extra_premises"); n != 2 {
		t.Errorf("migrated: %d rows in extra_premises, want 2", n)
	}
	if n := rowCount(t, oldPath, "extra_claim_actors"); n != 2 {
		t.Errorf("migrated: %d rows in extra_claim_actors, want 2", n)
	}

	fresh, err := sqlitestore.Open(ctx, newPath)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	for _, s := range []*sqlitestore.Store{fresh, old} {
		// the fishers merged into the board: "single" held (fishers,
		// asserts) in its row and (board, named) beside it; the critics
		// deleted: the evidence held them in its row
		if _, err := s.MergeActor(ctx, ids["fishers"], ids["board"]); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteActor(ctx, ids["critics"]); err != nil {
			t.Fatal(err)
		}
		// a span in another source, one the claim has (ignored), and the
		// first source deleted: the claims and evidence with a span in
		// the second keep it, the one without is removed with its relation
		add := []argmap.Span{{SourceID: ids["two"], Start: 0, End: 7}, g.Claims[1].Spans[0]}
		if _, err := s.UpdateClaim(ctx, ids["single"], argmap.ClaimUpdate{AddSpans: add}); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteSource(ctx, ids["one"]); err != nil {
			t.Fatal(err)
		}
	}
	sameDump(t, ctx, fresh, old, "after the same changes")
	wantRefs := map[string][]argmap.ActorRef{
		"single": {{ActorID: ids["board"], Role: argmap.RoleAsserts}, {ActorID: ids["board"], Role: argmap.RoleNamed}},
		"both":   {{ActorID: ids["board"], Role: argmap.RoleAsserts}, {ActorID: ids["board"], Role: argmap.RoleNamed}},
	}
	for name, want := range wantRefs {
		c, err := old.Claim(ctx, ids[name])
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, c.Actors); diff != "" {
			t.Errorf("Claim(%s).Actors after merging the fishers into the board (-want +got):\n%s", name, diff)
		}
	}
	e, err := old.Evidence(ctx, ids["evidence"])
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]argmap.ActorRef{{ActorID: ids["board"], Role: argmap.RoleNamed}}, e.Actors); diff != "" {
		t.Errorf("Evidence().Actors after the merge and deleting the critics (-want +got):\n%s", diff)
	}
	if _, err := old.Claim(ctx, ids["lone"]); argmap.ErrorCode(err) != argmap.ENOTFOUND {
		t.Errorf("Claim(lone) after deleting its source: %v, want ENOTFOUND", err)
	}
	c, err := old.Claim(ctx, ids["single"])
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Spans) != 1 || c.Spans[0].SourceID != ids["two"] || c.Spans[0].Quote != "Critics" {
		t.Errorf("Claim(single).Spans after deleting the first source = %+v, want its span in the second", c.Spans)
	}
	for _, s := range []*sqlitestore.Store{fresh, old} {
		cs, err := s.Claims(ctx, argmap.ClaimFilter{SourceID: ids["two"]})
		if err != nil {
			t.Fatal(err)
		}
		if len(cs) != 3 {
			t.Errorf("Claims(source two) = %d claims, want 3", len(cs))
		}
	}
}

func rowCount(t *testing.T, path, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// copyRows copies every row of the store at from into the store at to
// (empty, at an older migration), table by table with to's columns, and
// builds its full-text indexes. The quotes of spans go in the rows as
// stores before migrations 0021 and 0022 held them: every quote in its
// row, an empty string for none; and the claims' keys, in claim_keys
// before migration 0023, a row a key.
func copyRows(t *testing.T, to, from string) {
	t.Helper()
	quoted := map[string]string{"span_quote": `iif(span_source_id IS NULL, '', coalesce(span_quote, text))`}
	copyRowsAs(t, to, from, map[string]map[string]string{"claims": quoted, "evidence": quoted,
		"relations": {"span_quote": `iif(span_source_id IS NULL, '', coalesce(span_quote,
			(SELECT coalesce(c.span_quote, c.text) FROM f.claims c WHERE c.id = premise_id),
			(SELECT coalesce(e.span_quote, e.text) FROM f.evidence e WHERE e.id = premise_id)))`}})
}

// copyRowsAs is copyRows with some of to's columns read from from by an
// expression (as[table][column]) instead of from its column of that name.
func copyRowsAs(t *testing.T, to, from string, as map[string]map[string]string) {
	t.Helper()
	db, err := sql.Open("sqlite", to)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`ATTACH DATABASE ? AS f`, from); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND name NOT LIKE '%fts%' AND name NOT IN ('schema_migrations', 'graph_version', 'content_version')`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		cols, err := db.Query(`SELECT name FROM pragma_table_info(?, 'main')`, table)
		if err != nil {
			t.Fatal(err)
		}
		var names, values []string
		for cols.Next() {
			var name string
			if err := cols.Scan(&name); err != nil {
				t.Fatal(err)
			}
			names = append(names, `"`+name+`"`)
			if e, ok := as[table][name]; ok {
				values = append(values, e)
			} else {
				values = append(values, `"`+name+`"`)
			}
		}
		cols.Close()
		list := strings.Join(names, ", ")
		from := `SELECT ` + strings.Join(values, ", ") + ` FROM f.` + table
		if table == "claim_keys" {
			from = `SELECT k.value, c.pk FROM f.claims c, json_each(c.keys) k`
			list = `key, claim_pk`
		}
		if _, err := db.Exec(`INSERT INTO main.` + table + ` (` + list + `) ` + from); err != nil {
			t.Fatalf("copy %s: %v", table, err)
		}
	}
	for _, q := range []string{`INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')`, `INSERT INTO evidence_fts (evidence_fts) VALUES ('rebuild')`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}
