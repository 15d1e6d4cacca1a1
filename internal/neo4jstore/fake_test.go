package neo4jstore_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// call is one statement a store ran.
type call struct {
	Name   string
	Params map[string]any
}

// script stands in for the database: it names each statement it is given,
// records it, and answers with answer (no records when answer is nil or
// returns nil).
type script struct {
	t      *testing.T
	names  map[string]string
	calls  []call
	answer func(name string, params map[string]any) ([]*neo4j.Record, error)
}

func newScript(t *testing.T, answer func(name string, params map[string]any) ([]*neo4j.Record, error)) *script {
	return &script{t: t, names: neo4jstore.StatementTexts(), answer: answer}
}

func (s *script) Run(_ context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	name, ok := s.names[cypher]
	if !ok {
		name = "raw: " + cypher
	}
	s.calls = append(s.calls, call{name, params})
	if s.answer == nil {
		return nil, nil
	}
	return s.answer(name, params)
}

// ran returns the names of the statements run, in order.
func (s *script) ran() []string {
	var out []string
	for _, c := range s.calls {
		out = append(out, c.Name)
	}
	return out
}

// params returns the parameters of every run of the named statement.
func (s *script) params(name string) []map[string]any {
	var out []map[string]any
	for _, c := range s.calls {
		if c.Name == name {
			out = append(out, c.Params)
		}
	}
	return out
}

// rows returns the $rows of every run of the named statement, concatenated.
func (s *script) rows(name string) []map[string]any {
	var out []map[string]any
	for _, p := range s.params(name) {
		out = append(out, p["rows"].([]map[string]any)...)
	}
	return out
}

// strs reads a list parameter.
func strs(v any) []string {
	switch l := v.(type) {
	case []string:
		return l
	case []any:
		out := make([]string, len(l))
		for i, x := range l {
			out[i] = x.(string)
		}
		return out
	}
	return nil
}

// sim answers the read statements of the traversals (reach_level,
// neighbour_level, *_by_ids, ids_existing) from an in-memory graph, the way
// the Cypher in queries/ does: it is the reference the Go walks are tested
// against without a server.
type sim struct{ g *argmap.Graph }

func spanMaps(spans []argmap.Span) []any {
	var out []any
	for _, sp := range spans {
		out = append(out, map[string]any{"source_id": sp.SourceID, "start": int64(sp.Start), "end": int64(sp.End), "quote": sp.Quote})
	}
	return out
}

func (s sim) answer(name string, p map[string]any) ([]*neo4j.Record, error) {
	var out []*neo4j.Record
	in := func(key string) map[string]bool {
		m := map[string]bool{}
		for _, id := range strs(p[key]) {
			m[id] = true
		}
		return m
	}
	switch name {
	case "ids_existing":
		want := map[string]bool{}
		for _, k := range []string{"claims", "evidence", "relations", "citations"} {
			for id := range in(k) {
				want[id] = true
			}
		}
		for _, c := range s.g.Claims {
			if want[c.ID] {
				out = append(out, record("id", c.ID))
			}
		}
		for _, e := range s.g.Evidence {
			if want[e.ID] {
				out = append(out, record("id", e.ID))
			}
		}
		for _, r := range s.g.Relations {
			if want[r.ID] {
				out = append(out, record("id", r.ID))
			}
		}
	case "claims_by_ids":
		ids := in("ids")
		for _, c := range s.g.Claims {
			if ids[c.ID] {
				var actors []any
				for _, a := range c.Actors {
					actors = append(actors, map[string]any{"actor_id": a.ActorID, "role": map[argmap.Role]string{argmap.RoleAsserts: "ASSERTS", argmap.RoleDisputes: "DISPUTES", argmap.RoleNamed: "NAMED_IN"}[a.Role]})
				}
				out = append(out, record("c", node("Claim", map[string]any{"id": c.ID, "text": c.Text, "origin": string(c.Origin), "score": c.Score}),
					"spans", spanMaps(c.Spans), "actors", actors))
			}
		}
	case "evidence_by_ids":
		ids := in("ids")
		for _, e := range s.g.Evidence {
			if ids[e.ID] {
				var actors []any
				for _, a := range e.Actors {
					actors = append(actors, map[string]any{"actor_id": a.ActorID, "role": map[argmap.Role]string{argmap.RoleAsserts: "ASSERTS", argmap.RoleDisputes: "DISPUTES", argmap.RoleNamed: "NAMED_IN"}[a.Role]})
				}
				out = append(out, record("e", node("Evidence", map[string]any{"id": e.ID, "text": e.Text, "origin": string(e.Origin), "score": e.Score}),
					"spans", spanMaps(e.Spans), "actors", actors))
			}
		}
	case "actors_by_ids":
		ids := in("ids")
		for _, a := range s.g.Actors {
			if ids[a.ID] {
				out = append(out, record("a", node("Actor", map[string]any{"id": a.ID, "name": a.Name})))
			}
		}
	case "sources_by_ids":
		ids := in("ids")
		for _, src := range s.g.Sources {
			if ids[src.ID] {
				out = append(out, record("s", map[string]any{"id": src.ID, "title": src.Title}))
			}
		}
	case "relations_by_ids":
		ids := in("ids")
		for _, r := range s.g.Relations {
			if ids[r.ID] {
				var from []any
				for _, f := range r.From {
					from = append(from, f)
				}
				out = append(out, record("r", node("Relation", map[string]any{"id": r.ID, "kind": string(r.Kind), "origin": string(r.Origin), "score": r.Score}),
					"premises", from, "target", r.To, "span", nil))
			}
		}
	case "reach_level":
		claims, rels := in("claims"), in("relations")
		for _, r := range s.g.Relations {
			if (claims[r.To] && argmap.KindOf(r.To) == argmap.KindClaim) || (rels[r.To] && argmap.KindOf(r.To) == argmap.KindRelation) {
				var from []any
				for _, f := range r.From {
					from = append(from, f)
				}
				out = append(out, record("target", r.To, "relation", r.ID, "kind", string(r.Kind), "premises", from))
			}
		}
	case "reach_walk":
		// Every path back from the claim, as a variable-length pattern
		// finds them: no edge twice on a path, at most six hops and
		// $depth relations; then the spans of the claim and of the claims
		// and evidence the paths end at, in one record.
		depth := int(p["depth"].(int64))
		var paths, pathKinds []any
		ends := map[string]bool{}
		var walk func(path []string, kinds []string, used map[string]bool, rels int)
		walk = func(path, kinds []string, used map[string]bool, rels int) {
			if len(path) > 1 {
				ids, ks := make([]any, len(path)), make([]any, len(kinds))
				for i := range path {
					ids[i], ks[i] = path[i], kinds[i]
				}
				paths, pathKinds = append(paths, ids), append(pathKinds, ks)
				ends[path[len(path)-1]] = true
			}
			if len(path) == 7 {
				return
			}
			last := path[len(path)-1]
			for _, r := range s.g.Relations {
				if e := "to " + r.ID; r.To == last && !used[e] && rels < depth {
					used[e] = true
					walk(append(slices.Clip(path), r.ID), append(slices.Clip(kinds), string(r.Kind)), used, rels+1)
					used[e] = false
				}
				if r.ID != last {
					continue
				}
				for _, f := range r.From {
					if e := "from " + f + " " + r.ID; !used[e] {
						used[e] = true
						walk(append(slices.Clip(path), f), append(slices.Clip(kinds), ""), used, rels)
						used[e] = false
					}
				}
			}
		}
		for _, c := range s.g.Claims {
			if c.ID == p["id"] {
				ends[c.ID] = true
				walk([]string{c.ID}, []string{""}, map[string]bool{}, 0)
				slices.Reverse(paths)
				slices.Reverse(pathKinds)
				var nodes []any
				for _, c := range s.g.Claims {
					if ends[c.ID] {
						nodes = append(nodes, map[string]any{"id": c.ID, "spans": spanMaps(c.Spans)})
					}
				}
				for _, e := range s.g.Evidence {
					if ends[e.ID] {
						nodes = append(nodes, map[string]any{"id": e.ID, "spans": spanMaps(e.Spans)})
					}
				}
				out = append(out, record("ids", paths, "kinds", pathKinds, "nodes", nodes))
			}
		}
	case "neighbour_level":
		claims, evidence, rels := in("claims"), in("evidence"), in("relations")
		for _, r := range s.g.Relations {
			touch := claims[r.To] || rels[r.To] || rels[r.ID]
			for _, f := range r.From {
				touch = touch || claims[f] || evidence[f]
			}
			if touch {
				out = append(out, record("relation", r.ID))
			}
		}
	default:
		return nil, nil
	}
	// The *_by_ids statements order by ID (the fixture is in ID order); the
	// others promise no order, so reversing makes sure the store does not
	// lean on one.
	if !strings.HasSuffix(name, "_by_ids") {
		slices.Reverse(out)
	}
	return out, nil
}
