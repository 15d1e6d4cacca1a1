package neo4jstore_test

import (
	"context"
	"sort"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestEveryMethodEveryStatement calls every Store method against a scripted
// database and checks that none fails on its own parameters (run refuses a
// parameter set that differs from the statement's "// params:" header) and
// that together they run every statement there is.
func TestEveryMethodEveryStatement(t *testing.T) {
	g := argumentGraph()
	g.Sources[0].Text = "text text text text text text text text text text"
	simAnswer := sim{g}.answer
	answer := func(name string, p map[string]any) ([]*neo4j.Record, error) {
		switch name {
		case "source_get", "source_by_hash":
			return []*neo4j.Record{record("s", node("Source", map[string]any{"id": "src_a", "title": "A", "text": "t"}))}, nil
		case "sources_list", "sources_all":
			return []*neo4j.Record{record("s", map[string]any{"id": "src_a", "title": "A"})}, nil
		case "claims_list", "claims_list_search", "evidence_list", "relations_list":
			return []*neo4j.Record{record("id", map[string]string{"claims_list": "clm_1", "claims_list_search": "clm_1", "evidence_list": "evd_1", "relations_list": "rel_1"}[name])}, nil
		case "claims_list_proposition":
			return []*neo4j.Record{record("c", node("Claim", map[string]any{"id": "clm_1", "text": "a"}), "spans", []any{}, "actors", []any{})}, nil
		case "claims_search":
			return []*neo4j.Record{record("c", node("Claim", map[string]any{"id": "clm_1", "text": "a"}), "score", 1.5, "spans", []any{}, "actors", []any{})}, nil
		case "evidence_search":
			return []*neo4j.Record{record("e", node("Evidence", map[string]any{"id": "evd_1", "text": "e"}), "score", 1.5, "spans", []any{}, "actors", []any{})}, nil
		case "stats":
			return []*neo4j.Record{record("sources", int64(3), "claims", int64(6), "evidence", int64(1), "actors", int64(1), "relations", int64(8), "citations", int64(0))}, nil
		case "all_ids":
			var out []*neo4j.Record
			for _, id := range []string{"clm_1", "evd_1", "act_f", "rel_1"} {
				out = append(out, record("id", id))
			}
			return out, nil
		case "citations_all", "citations_of_source":
			return []*neo4j.Record{record("c", node("Citation", map[string]any{"id": "cit_1", "author": "A", "year": "1"}), "source_id", "src_a", "cited_id", nil)}, nil
		case "wipe_batch":
			return []*neo4j.Record{record("deleted", int64(0))}, nil
		case "ping":
			return []*neo4j.Record{record("ok", int64(1))}, nil
		case "actors_list":
			return []*neo4j.Record{record("a", node("Actor", map[string]any{"id": "act_f", "name": "Frontex"}))}, nil
		case "source_orphans":
			return []*neo4j.Record{record("id", "src_a", "orphans", []any{"clm_1"}, "actors", []any{"act_f"})}, nil
		case "migrations_applied":
			return nil, nil
		case "audit_create":
			return []*neo4j.Record{record("id", "aud_1")}, nil
		case "audit_list":
			return []*neo4j.Record{record("entry", map[string]any{"id": "aud_1", "at": int64(1), "who": "ann", "action": "update",
				"kind": "claim", "target_id": "clm_1", "refs": []any{"rel_1"}, "before": `{"a":1}`, "after": `{"a":2}`})}, nil
		case "sources_existing", "source_texts", "actors_existing":
			ex := existing{sources: map[string]argmap.Source{}, actors: map[string]argmap.Actor{}}
			for _, s := range g.Sources {
				ex.sources[s.ID] = s
			}
			for _, a := range g.Actors {
				ex.actors[a.ID] = a
			}
			return ex.answer(name, p)
		case "relation_targets_create", "claims_write", "relations_write", "undercuts_write":
			return existing{}.answer(name, p)
		case "actors_by_ids":
			return []*neo4j.Record{
				record("a", node("Actor", map[string]any{"id": "act_f", "name": "Frontex"})),
				record("a", node("Actor", map[string]any{"id": "act_g", "name": "Other"})),
			}, nil
		}
		return simAnswer(name, p)
	}
	sc := newScript(t, answer)
	s := neo4jstore.NewDirect(sc)
	ctx := context.Background()
	text, kind, name, score := "new text", "event", "Frontex agency", 0.3
	aliases := []string{"FX"}
	newSrc := argmap.Source{ID: "src_n", Title: "N", Text: "new source text", ContentHash: "hn"}
	newClaim := argmap.Claim{ID: "clm_n", Text: "n", Origin: argmap.OriginCurated, Actors: []argmap.ActorRef{{ActorID: "act_f", Role: argmap.RoleDisputes}}, Spans: []argmap.Span{{SourceID: "src_a", Start: 0, End: 4}}}
	newEv := argmap.Evidence{ID: "evd_n", Text: "n", Origin: argmap.OriginCurated, Actors: []argmap.ActorRef{{ActorID: "act_f", Role: argmap.RoleNamed}}, Spans: []argmap.Span{{SourceID: "src_a", Start: 5, End: 9}}}
	newActor := argmap.Actor{ID: "act_n", Name: "N"}
	newRel := argmap.Relation{ID: "rel_n", Kind: argmap.Supports, From: []string{"evd_1"}, To: "clm_1", Origin: argmap.OriginCurated, Span: &argmap.Span{SourceID: "src_a", Start: 0, End: 9}}
	newUndercut := argmap.Relation{ID: "rel_u", Kind: argmap.Contests, From: []string{"clm_2"}, To: "rel_1", Origin: argmap.OriginCurated}
	graph := &argmap.Graph{
		Sources:   []argmap.Source{{ID: "src_g", Title: "G", Text: "graph text"}},
		Citations: []argmap.Citation{{ID: "cit_g", SourceID: "src_g", Author: "X", Year: "2000"}},
	}
	calls := map[string]func() error{
		"CreateSource": func() error { return s.CreateSource(ctx, &newSrc) },
		"Source":       func() error { _, err := s.Source(ctx, "src_a"); return err },
		"SourceByHash": func() error { _, err := s.SourceByHash(ctx, "h"); return err },
		"Sources":      func() error { _, err := s.Sources(ctx, argmap.SourceFilter{Kind: "article", Query: "a"}); return err },
		"DeleteSource": func() error { return s.DeleteSource(ctx, "src_a") },
		"CreateClaim":  func() error { return s.CreateClaim(ctx, &newClaim) },
		"Claim":        func() error { _, err := s.Claim(ctx, "clm_1"); return err },
		"UpdateClaim": func() error {
			_, err := s.UpdateClaim(ctx, "clm_1", argmap.ClaimUpdate{Text: &text, Score: &score, AddSpans: []argmap.Span{{SourceID: "src_a", Start: 0, End: 4}}})
			return err
		},
		"DeleteClaim":   func() error { return s.DeleteClaim(ctx, "clm_1") },
		"Claims":        func() error { _, err := s.Claims(ctx, argmap.ClaimFilter{SourceID: "src_a"}); return err },
		"Claims(query)": func() error { _, err := s.Claims(ctx, argmap.ClaimFilter{Query: "controls"}); return err },
		"Claims(proposition)": func() error {
			_, err := s.Claims(ctx, argmap.ClaimFilter{Proposition: "clm_1"})
			return err
		},
		"SearchClaims":   func() error { _, err := s.SearchClaims(ctx, "controls", 3); return err },
		"SearchEvidence": func() error { _, err := s.SearchEvidence(ctx, "figures", 3); return err },
		"ClaimsByKeys": func() error {
			_, err := s.ClaimsByKeys(ctx, []string{"border control"}, 4)
			return err
		},
		"UnkeyedClaims": func() error { _, err := s.UnkeyedClaims(ctx, argmap.Page{Limit: 10}); return err },
		"AddClaimKeys": func() error {
			return s.AddClaimKeys(ctx, map[string][]string{"clm_1": {"border control"}})
		},
		"CreateEvidence": func() error { return s.CreateEvidence(ctx, &newEv) },
		"Evidence":       func() error { _, err := s.Evidence(ctx, "evd_1"); return err },
		"UpdateEvidence": func() error { _, err := s.UpdateEvidence(ctx, "evd_1", argmap.EvidenceUpdate{Kind: &kind}); return err },
		"DeleteEvidence": func() error { return s.DeleteEvidence(ctx, "evd_1") },
		"EvidenceList":   func() error { _, err := s.EvidenceList(ctx, argmap.EvidenceFilter{}); return err },
		"CreateActor":    func() error { return s.CreateActor(ctx, &newActor) },
		"Actor":          func() error { _, err := s.Actor(ctx, "act_f"); return err },
		"UpdateActor": func() error {
			_, err := s.UpdateActor(ctx, "act_f", argmap.ActorUpdate{Name: &name, Aliases: &aliases})
			return err
		},
		"DeleteActor":              func() error { return s.DeleteActor(ctx, "act_f") },
		"Actors":                   func() error { _, err := s.Actors(ctx, argmap.ActorFilter{Query: "front"}); return err },
		"MergeActor":               func() error { _, err := s.MergeActor(ctx, "act_g", "act_f"); return err },
		"CreateRelation":           func() error { return s.CreateRelation(ctx, &newRel) },
		"CreateRelation(undercut)": func() error { return s.CreateRelation(ctx, &newUndercut) },
		"Relation":                 func() error { _, err := s.Relation(ctx, "rel_1"); return err },
		"DeleteRelation":           func() error { return s.DeleteRelation(ctx, "rel_1") },
		"UpdateRelation": func() error {
			k := argmap.Contests
			_, err := s.UpdateRelation(ctx, "rel_1", argmap.RelationUpdate{Kind: &k})
			return err
		},
		"RecordAudit": func() error {
			return s.RecordAudit(ctx, &argmap.AuditEntry{ID: "aud_n", Who: "ann", Action: argmap.AuditUpdate, Kind: argmap.KindClaim,
				TargetID: "clm_1", Refs: []string{"rel_1"}, Before: []byte(`{}`), After: []byte(`{}`)})
		},
		"Citations":     func() error { _, err := s.Citations(ctx, "src_a"); return err },
		"Audit":         func() error { _, err := s.Audit(ctx, argmap.AuditFilter{NodeID: "clm_1", Who: "ann"}); return err },
		"Relations":     func() error { _, err := s.Relations(ctx, argmap.RelationFilter{NodeID: "clm_1"}); return err },
		"WriteGraph":    func() error { return s.WriteGraph(ctx, graph) },
		"Reach":         func() error { _, err := s.Reach(ctx, "clm_1", 3); return err },
		"NodeTexts":     func() error { _, err := s.NodeTexts(ctx, []string{"clm_1", "evd_1"}); return err },
		"SourcesByID":   func() error { _, err := s.SourcesByID(ctx, []string{"src_a"}); return err },
		"ReachDeep":     func() error { _, err := s.Reach(ctx, "clm_1", 5); return err },
		"Neighbourhood": func() error { _, err := s.Neighbourhood(ctx, "rel_5", 2, 0); return err },
		"Neighbourhood(whole)": func() error {
			_, err := s.Neighbourhood(ctx, "", 0, 0)
			return err
		},
		"Hubs":    func() error { _, err := s.Hubs(ctx, 10); return err },
		"Dump":    func() error { _, err := s.Dump(ctx); return err },
		"Stats":   func() error { _, err := s.Stats(ctx); return err },
		"Ping":    func() error { return s.Ping(ctx) },
		"Wipe":    func() error { return s.Wipe(ctx) },
		"Migrate": func() error { _, err := s.Migrate(ctx); return err },
		"Close":   s.Close,
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Errorf("%s = %v (code %s), want success against the scripted database", name, err, argmap.ErrorCode(err))
		}
	}
	used := map[string]bool{}
	for _, n := range sc.ran() {
		used[n] = true
	}
	var unused []string
	for _, n := range neo4jstore.StatementNames {
		if !used[n] {
			unused = append(unused, n)
		}
	}
	sort.Strings(unused)
	if len(unused) > 0 {
		t.Errorf("statements no method ran: %v", unused)
	}
}
