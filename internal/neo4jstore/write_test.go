package neo4jstore_test

import (
	"context"
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/google/go-cmp/cmp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// stored answers the existence checks for records already in the database.
type existing struct {
	sources map[string]argmap.Source // id -> source (kind, text)
	actors  map[string]argmap.Actor
	ids     map[string]bool // claims, evidence, relations, citations
	hashes  map[string]string
}

func (s existing) answer(name string, p map[string]any) ([]*neo4j.Record, error) {
	var out []*neo4j.Record
	switch name {
	case "sources_existing":
		for _, id := range strs(p["ids"]) {
			if src, ok := s.sources[id]; ok {
				out = append(out, record("id", id, "kind", src.Kind))
			}
		}
	case "source_texts":
		for _, id := range strs(p["ids"]) {
			if src, ok := s.sources[id]; ok {
				out = append(out, record("id", id, "text", src.Text))
			}
		}
	case "hashes_existing":
		for _, h := range strs(p["hashes"]) {
			if id, ok := s.hashes[h]; ok {
				out = append(out, record("id", id, "hash", h))
			}
		}
	case "actors_existing", "actors_by_ids":
		for _, id := range strs(p["ids"]) {
			if a, ok := s.actors[id]; ok {
				aliases := []any{}
				for _, al := range a.Aliases {
					aliases = append(aliases, al)
				}
				out = append(out, record("a", node("Actor", map[string]any{"id": a.ID, "name": a.Name, "aliases": aliases})))
			}
		}
	case "ids_existing":
		for _, k := range []string{"claims", "evidence", "relations", "citations"} {
			for _, id := range strs(p[k]) {
				if s.ids[id] {
					out = append(out, record("id", id))
				}
			}
		}
	case "relation_targets_create":
		out = append(out, record("linked", int64(len(p["rows"].([]map[string]any)))))
	case "claims_write":
		var spans int64
		for _, r := range p["rows"].([]map[string]any) {
			spans += int64(len(r["spans"].([]any)))
		}
		out = append(out, record("linked", spans))
	case "relations_write", "undercuts_write":
		var premises int64
		rows := p["rows"].([]map[string]any)
		for _, r := range rows {
			premises += int64(len(r["claims"].([]any)) + len(r["evidence"].([]any)))
		}
		out = append(out, record("created", int64(len(rows)), "linked", premises))
	}
	return out, nil
}

var writes = map[string]bool{
	"source_create": true, "actor_create": true, "actor_set_aliases": true, "claims_write": true,
	"evidence_create": true, "relations_write": true, "undercuts_write": true, "citation_create": true, "claim_spans_create": true,
	"evidence_spans_create": true, "relation_span_create": true, "roles_create": true,
	"relation_targets_create": true,
}

func wrote(sc *script) []string {
	var out []string
	for _, n := range sc.ran() {
		if writes[n] {
			out = append(out, n)
		}
	}
	return out
}

func TestCreateClaimWrites(t *testing.T) {
	db := existing{
		sources: map[string]argmap.Source{"src_a": {ID: "src_a", Kind: "article", Text: "Zoë says the IOM enforces exclusions."}},
		actors:  map[string]argmap.Actor{"act_i": {ID: "act_i", Name: "IOM"}},
	}
	sc := newScript(t, db.answer)
	c := argmap.Claim{
		ID: "clm_x", Text: "The IOM enforces exclusions.", Origin: argmap.OriginExtracted, Score: 0.5, Cues: []string{"says"},
		Spans:  []argmap.Span{{SourceID: "src_a", Start: 10, End: 37, Quote: "wrong"}},
		Actors: []argmap.ActorRef{{ActorID: "act_i", Role: argmap.RoleAsserts}, {ActorID: "act_i", Role: argmap.RoleNamed}},
	}
	before := argmap.Now()
	if err := neo4jstore.NewDirect(sc).CreateClaim(context.Background(), &c); err != nil {
		t.Fatalf("CreateClaim = %v", err)
	}
	if c.CreatedAt.Before(before) || c.CreatedAt.Location() != time.UTC || c.CreatedAt.Nanosecond()%1e6 != 0 {
		t.Errorf("CreateClaim set CreatedAt %v, want now in UTC at millisecond precision", c.CreatedAt)
	}
	if diff := cmp.Diff([]string{"claims_write", "roles_create"}, wrote(sc)); diff != "" {
		t.Errorf("CreateClaim writes (-want +got):\n%s", diff)
	}
	// The quote is cut from the stored text by bytes.
	wantClaim := []map[string]any{{
		"props": map[string]any{"id": "clm_x", "text": c.Text, "origin": "extracted", "score": 0.5, "main": false,
			"cues": []string{"says"}, "created_at": c.CreatedAt.UnixMilli()},
		"spans": []any{map[string]any{"source_id": "src_a", "start": int64(10), "end": int64(37), "quote": "the IOM enforces exclusions"}},
		"keys":  []any{},
	}}
	if diff := cmp.Diff(wantClaim, sc.rows("claims_write")); diff != "" {
		t.Errorf("claims_write rows (-want +got):\n%s", diff)
	}
	wantRoles := []map[string]any{{"actor": "act_i", "claim": "clm_x", "role": "asserts"}, {"actor": "act_i", "claim": "clm_x", "role": "named"}}
	if diff := cmp.Diff(wantRoles, sc.rows("roles_create")); diff != "" {
		t.Errorf("roles_create rows (-want +got):\n%s", diff)
	}
}

func TestWriteRefusals(t *testing.T) {
	db := existing{
		sources: map[string]argmap.Source{
			"src_a": {ID: "src_a", Kind: "article", Text: "Short."},
			"src_c": {ID: "src_c", Kind: argmap.SourceCited},
		},
		actors: map[string]argmap.Actor{"act_i": {ID: "act_i", Name: "IOM"}},
		ids:    map[string]bool{"clm_old": true, "clm_old2": true, "rel_old": true},
		hashes: map[string]string{"h1": "src_a"},
	}
	ctx := context.Background()
	claim := func(id string, spans ...argmap.Span) argmap.Claim {
		return argmap.Claim{ID: id, Text: "x", Origin: argmap.OriginCurated, Spans: spans}
	}
	tests := []struct {
		name string
		do   func(s *neo4jstore.Store) error
		code string
	}{
		{"claim ID taken", func(s *neo4jstore.Store) error { c := claim("clm_old"); return s.CreateClaim(ctx, &c) }, argmap.ECONFLICT},
		{"unknown source", func(s *neo4jstore.Store) error {
			c := claim("clm_new", argmap.Span{SourceID: "src_zz", End: 1})
			return s.CreateClaim(ctx, &c)
		}, argmap.EINVALID},
		{"span past the stored text", func(s *neo4jstore.Store) error {
			c := claim("clm_new", argmap.Span{SourceID: "src_a", Start: 2, End: 40})
			return s.CreateClaim(ctx, &c)
		}, argmap.EINVALID},
		{"unknown actor", func(s *neo4jstore.Store) error {
			c := claim("clm_new")
			c.Actors = []argmap.ActorRef{{ActorID: "act_zz", Role: argmap.RoleNamed}}
			return s.CreateClaim(ctx, &c)
		}, argmap.EINVALID},
		{"source ID taken", func(s *neo4jstore.Store) error {
			return s.CreateSource(ctx, &argmap.Source{ID: "src_a", Title: "Again"})
		}, argmap.ECONFLICT},
		{"cited source ID taken outside WriteGraph", func(s *neo4jstore.Store) error {
			return s.CreateSource(ctx, &argmap.Source{ID: "src_c", Title: "Again", Kind: argmap.SourceCited})
		}, argmap.ECONFLICT},
		{"content hash taken", func(s *neo4jstore.Store) error {
			return s.CreateSource(ctx, &argmap.Source{ID: "src_n", Title: "Copy", ContentHash: "h1"})
		}, argmap.ECONFLICT},
		{"two sources with one hash", func(s *neo4jstore.Store) error {
			return s.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{{ID: "src_n", Title: "1", ContentHash: "h2"}, {ID: "src_m", Title: "2", ContentHash: "h2"}}})
		}, argmap.ECONFLICT},
		{"actor ID taken", func(s *neo4jstore.Store) error {
			return s.CreateActor(ctx, &argmap.Actor{ID: "act_i", Name: "IOM"})
		}, argmap.ECONFLICT},
		{"relation ID taken", func(s *neo4jstore.Store) error {
			r := argmap.Relation{ID: "rel_old", Kind: argmap.Supports, From: []string{"clm_old"}, To: "clm_old2", Origin: argmap.OriginCurated}
			return s.CreateRelation(ctx, &r)
		}, argmap.ECONFLICT},
		{"relation to unknown claim", func(s *neo4jstore.Store) error {
			r := argmap.Relation{ID: "rel_new", Kind: argmap.Supports, From: []string{"clm_old"}, To: "clm_zz", Origin: argmap.OriginCurated}
			return s.CreateRelation(ctx, &r)
		}, argmap.EINVALID},
		{"nil graph", func(s *neo4jstore.Store) error { return s.WriteGraph(ctx, nil) }, argmap.EINVALID},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sc := newScript(t, db.answer)
			err := tc.do(neo4jstore.NewDirect(sc))
			if code := argmap.ErrorCode(err); code != tc.code {
				t.Errorf("code = %q (%v), want %q", code, err, tc.code)
			}
			if w := wrote(sc); len(w) > 0 {
				t.Errorf("refused write still ran %v", w)
			}
		})
	}
}

func TestWriteGraphKeepsCitedAndUpsertsActors(t *testing.T) {
	db := existing{
		sources: map[string]argmap.Source{"src_c": {ID: "src_c", Kind: argmap.SourceCited}},
		actors:  map[string]argmap.Actor{"act_i": {ID: "act_i", Name: "IOM", Aliases: []string{"the organization"}}},
	}
	sc := newScript(t, db.answer)
	g := &argmap.Graph{
		Sources: []argmap.Source{
			{ID: "src_d", Title: "Doc", Kind: "article", Text: "As Andersson (2014) shows.", ContentHash: "hd"},
			{ID: "src_c", Title: "Andersson, R. (2014)", Kind: argmap.SourceCited},
		},
		Actors: []argmap.Actor{
			{ID: "act_i", Name: "International Organization for Migration", Aliases: []string{"UN Migration", "the organization"}},
			{ID: "act_n", Name: "New", Aliases: []string{"New", "b", "a"}},
		},
		Citations: []argmap.Citation{{ID: "cit_1", SourceID: "src_d", Author: "Andersson", Year: "2014", Start: 3, End: 19, CitedID: "src_c"}},
		Claims:    []argmap.Claim{{ID: "clm_1", Text: "x", Origin: argmap.OriginExtracted, Spans: []argmap.Span{{SourceID: "src_d", Start: 0, End: 2}}}},
		Relations: []argmap.Relation{
			{ID: "rel_1", Kind: argmap.Supports, From: []string{"clm_1"}, To: "rel_2", Origin: argmap.OriginLinked}, // an undercut
			{ID: "rel_2", Kind: argmap.Contests, From: []string{"clm_1"}, To: "clm_2", Origin: argmap.OriginLinked},
		},
	}
	g.Claims = append(g.Claims, argmap.Claim{ID: "clm_2", Text: "y", Origin: argmap.OriginCurated})
	if err := neo4jstore.NewDirect(sc).WriteGraph(context.Background(), g); err != nil {
		t.Fatalf("WriteGraph = %v", err)
	}
	want := []string{"source_create", "actor_create", "actor_set_aliases", "claims_write", "relations_write",
		"undercuts_write", "citation_create", "relation_targets_create"}
	if diff := cmp.Diff(want, wrote(sc)); diff != "" {
		t.Errorf("WriteGraph writes (-want +got):\n%s", diff)
	}
	if rows := sc.rows("source_create"); len(rows) != 1 || rows[0]["id"] != "src_d" {
		t.Errorf("source_create rows = %v, want only src_d (the stored cited work is kept)", rows)
	}
	wantAliases := []map[string]any{{"id": "act_i", "aliases": []string{"International Organization for Migration", "UN Migration", "the organization"}}}
	if diff := cmp.Diff(wantAliases, sc.rows("actor_set_aliases")); diff != "" {
		t.Errorf("actor_set_aliases rows (-want +got):\n%s", diff)
	}
	if rows := sc.rows("actor_create"); len(rows) != 1 || !cmp.Equal(rows[0]["aliases"], []string{"a", "b"}) {
		t.Errorf("actor_create rows = %v, want act_n with aliases [a b] (sorted, without its name)", rows)
	}
	wantCit := []map[string]any{{"source_id": "src_d", "cited_id": "src_c", "props": map[string]any{"id": "cit_1", "author": "Andersson", "year": "2014", "start": int64(3), "end": int64(19)}}}
	if diff := cmp.Diff(wantCit, sc.rows("citation_create")); diff != "" {
		t.Errorf("citation_create rows (-want +got):\n%s", diff)
	}
	// A relation that targets a claim is written with its edges; an
	// undercut's target edge follows once every relation exists.
	wantRelations := []map[string]any{{"props": map[string]any{"id": "rel_2", "kind": "contests", "origin": "linked", "score": 0.0,
		"created_at": g.Relations[1].CreatedAt.UnixMilli()}, "to": "clm_2", "claims": []any{map[string]any{"id": "clm_1", "position": int64(0)}}, "evidence": []any{}}}
	if diff := cmp.Diff(wantRelations, sc.rows("relations_write")); diff != "" {
		t.Errorf("relations_write rows (-want +got):\n%s", diff)
	}
	if rows := sc.rows("undercuts_write"); len(rows) != 1 || rows[0]["props"].(map[string]any)["id"] != "rel_1" {
		t.Errorf("undercuts_write rows = %v, want rel_1", rows)
	}
	wantTargets := []map[string]any{{"relation": "rel_1", "node": "rel_2"}}
	if diff := cmp.Diff(wantTargets, sc.rows("relation_targets_create")); diff != "" {
		t.Errorf("relation_targets_create rows (-want +got):\n%s", diff)
	}
}

// TestWriteGraphBatches checks the rows per statement: 500, and 2000 in a
// graph of 5000 rows or more (a bulk load's) and in a Bulk load.
func TestWriteGraphBatches(t *testing.T) {
	claims := func(n int) *argmap.Graph {
		g := &argmap.Graph{}
		for i := 0; i < n; i++ {
			g.Claims = append(g.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "c", Origin: argmap.OriginCurated})
		}
		return g
	}
	for _, tc := range []struct {
		name  string
		write func(s *neo4jstore.Store) error
		want  []int
	}{
		{"small", func(s *neo4jstore.Store) error { return s.WriteGraph(context.Background(), claims(1201)) }, []int{500, 500, 201}},
		{"large", func(s *neo4jstore.Store) error { return s.WriteGraph(context.Background(), claims(5001)) }, []int{2000, 2000, 1001}},
		{"bulk", func(s *neo4jstore.Store) error {
			return s.Bulk(context.Background(), func(tx argmap.Store) error { return tx.WriteGraph(context.Background(), claims(2201)) })
		}, []int{2000, 201}},
	} {
		sc := newScript(t, existing{}.answer)
		if err := tc.write(neo4jstore.NewDirect(sc)); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		var sizes []int
		for _, p := range sc.params("claims_write") {
			sizes = append(sizes, len(p["rows"].([]map[string]any)))
		}
		if diff := cmp.Diff(tc.want, sizes); diff != "" {
			t.Errorf("%s: claims_write batch sizes (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestDeleteSourceCascade(t *testing.T) {
	answer := func(name string, p map[string]any) ([]*neo4j.Record, error) {
		switch name {
		case "source_orphans":
			if p["id"] != "src_a" {
				return nil, nil
			}
			return []*neo4j.Record{record("id", "src_a", "orphans", []any{"clm_x", "evd_y"}, "actors", []any{"act_z"})}, nil
		case "relations_using":
			return []*neo4j.Record{record("id", "rel_1")}, nil
		case "relations_undercutting":
			return []*neo4j.Record{record("id", "rel_2"), record("id", "rel_3")}, nil
		}
		return nil, nil
	}
	sc := newScript(t, answer)
	if err := neo4jstore.NewDirect(sc).DeleteSource(context.Background(), "src_a"); err != nil {
		t.Fatal(err)
	}
	want := []call{
		{"source_orphans", map[string]any{"id": "src_a"}},
		{"relations_using", map[string]any{"claims": []string{"clm_x"}, "evidence": []string{"evd_y"}, "relations": []string{}}},
		{"relations_undercutting", map[string]any{"ids": []string{"rel_1"}}},
		{"relations_delete", map[string]any{"ids": []string{"rel_1", "rel_2", "rel_3"}}},
		{"claims_delete", map[string]any{"ids": []string{"clm_x"}}},
		{"evidence_delete", map[string]any{"ids": []string{"evd_y"}}},
		{"actors_unnamed_delete", map[string]any{"ids": []any{"act_z"}}},
		{"source_delete", map[string]any{"id": "src_a"}},
	}
	if diff := cmp.Diff(want, sc.calls); diff != "" {
		t.Errorf("DeleteSource statements (-want +got):\n%s", diff)
	}
	err := neo4jstore.NewDirect(newScript(t, answer)).DeleteSource(context.Background(), "src_b")
	if code := argmap.ErrorCode(err); code != argmap.ENOTFOUND {
		t.Errorf("DeleteSource(unknown) code = %q, want %q", code, argmap.ENOTFOUND)
	}
}

func TestMergeActorScripted(t *testing.T) {
	db := existing{actors: map[string]argmap.Actor{
		"act_i": {ID: "act_i", Name: "International Organization for Migration", Aliases: []string{"the organization"}},
		"act_d": {ID: "act_d", Name: "IOM", Aliases: []string{"I.O.M.", "the organization"}},
	}}
	sc := newScript(t, db.answer)
	got, err := neo4jstore.NewDirect(sc).MergeActor(context.Background(), "act_d", "act_i")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"I.O.M.", "IOM", "the organization"}, got.Aliases); diff != "" {
		t.Errorf("MergeActor aliases (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"actors_by_ids", "actor_merge_roles", "actor_set_aliases", "actor_delete"}, sc.ran()); diff != "" {
		t.Errorf("MergeActor statements (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ from, into, code string }{
		{"act_i", "act_i", argmap.EINVALID}, {"act_zz", "act_i", argmap.ENOTFOUND}, {"act_d", "act_zz", argmap.ENOTFOUND},
	} {
		sc := newScript(t, db.answer)
		_, err := neo4jstore.NewDirect(sc).MergeActor(context.Background(), tc.from, tc.into)
		if code := argmap.ErrorCode(err); code != tc.code {
			t.Errorf("MergeActor(%s, %s) code = %q, want %q", tc.from, tc.into, code, tc.code)
		}
		for _, n := range sc.ran() {
			if n != "actors_by_ids" {
				t.Errorf("MergeActor(%s, %s) ran %s after failing", tc.from, tc.into, n)
			}
		}
	}
}

func TestSearchAndListParameters(t *testing.T) {
	answer := func(name string, p map[string]any) ([]*neo4j.Record, error) {
		if name == "claims_search" {
			return []*neo4j.Record{
				record("c", node("Claim", map[string]any{"id": "clm_b", "text": "b"}), "score", 2.5, "spans", []any{}, "actors", []any{}),
				record("c", node("Claim", map[string]any{"id": "clm_a", "text": "a"}), "score", 1.0, "spans", []any{}, "actors", []any{}),
			}, nil
		}
		return nil, nil
	}
	sc := newScript(t, answer)
	s := neo4jstore.NewDirect(sc)
	hits, err := s.SearchClaims(context.Background(), `IOM "enforces" the*`, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Claim.ID != "clm_b" || hits[0].Rank != 2.5 || hits[1].Claim.ID != "clm_a" {
		t.Errorf("SearchClaims = %+v, want clm_b (2.5) then clm_a, in the database's rank order", hits)
	}
	wantSearch := map[string]any{"query": `iom OR \"enforces\" OR the\*`, "limit": int64(argmap.DefaultLimit)}
	if diff := cmp.Diff([]map[string]any{wantSearch}, sc.params("claims_search")); diff != "" {
		t.Errorf("claims_search parameters (-want +got):\n%s", diff)
	}
	hits, err = s.SearchClaims(context.Background(), "the ?! and", 5)
	if err != nil || len(hits) != 0 {
		t.Errorf("SearchClaims(stop words) = %v, %v; want no hits, no error", hits, err)
	}
	if n := len(sc.params("claims_search")); n != 1 {
		t.Errorf("SearchClaims(stop words) reached the database")
	}
	if _, err := s.Claims(context.Background(), argmap.ClaimFilter{Query: "IOM", ActorID: "act_a", Origin: argmap.OriginCurated, Page: argmap.Page{Limit: 5000, After: "clm_a"}}); err != nil {
		t.Fatal(err)
	}
	wantList := map[string]any{"query": "iom", "after": "clm_a", "origin": "curated", "actor": "act_a", "source": "", "proposition": "", "limit": int64(argmap.MaxLimit)}
	if diff := cmp.Diff([]map[string]any{wantList}, sc.params("claims_list_search")); diff != "" {
		t.Errorf("claims_list_search parameters (-want +got):\n%s", diff)
	}
}

func TestCanceledContextRunsNothing(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sc := newScript(t, nil)
	s := neo4jstore.NewDirect(sc)
	c := argmap.Claim{ID: "clm_a", Text: "x", Origin: argmap.OriginCurated}
	for name, err := range map[string]error{
		"CreateClaim": s.CreateClaim(ctx, &c),
		"Stats":       func() error { _, err := s.Stats(ctx); return err }(),
		"Reach":       func() error { _, err := s.Reach(ctx, "clm_a", 2); return err }(),
	} {
		if code := argmap.ErrorCode(err); code != argmap.EUNAVAILABLE || !errors.Is(err, context.Canceled) {
			t.Errorf("%s with a canceled context = %v (code %q), want EUNAVAILABLE wrapping context.Canceled", name, err, code)
		}
	}
	if len(sc.calls) != 0 {
		t.Errorf("canceled calls ran %v", sc.ran())
	}
}

func TestMigrateRunsEachStatementAlone(t *testing.T) {
	files := fstest.MapFS{
		"0001_a.cypher": {Data: []byte("CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;")},
		"0002_b.cypher": {Data: []byte("CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n// two\nCREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x);\n")},
	}
	answer := func(name string, p map[string]any) ([]*neo4j.Record, error) {
		if name == "migrations_applied" {
			return []*neo4j.Record{record("name", "0001_a.cypher")}, nil
		}
		return nil, nil
	}
	sc := newScript(t, answer)
	applied, err := neo4jstore.PlanMigrate(neo4jstore.NewDirect(sc), context.Background(), files)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"0002_b.cypher"}, applied); diff != "" {
		t.Errorf("migrate applied (-want +got):\n%s", diff)
	}
	want := []string{
		"migrations_applied",
		"raw: CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)",
		"raw: CREATE INDEX c IF NOT EXISTS FOR (n:C) ON (n.x)",
		"migration_record",
		"await_indexes",
	}
	if diff := cmp.Diff(want, sc.ran()); diff != "" {
		t.Errorf("migrate statements (-want +got):\n%s", diff)
	}
	rec := sc.params("migration_record")
	if len(rec) != 1 || rec[0]["name"] != "0002_b.cypher" {
		t.Errorf("migration_record params = %v, want the file name", rec)
	}
	if _, ok := rec[0]["applied_at"].(int64); !ok {
		t.Errorf("migration_record applied_at = %T, want Unix milliseconds", rec[0]["applied_at"])
	}
}
