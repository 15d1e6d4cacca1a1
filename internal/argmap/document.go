package argmap

import (
	"context"
	"sort"
)

// SourceReader is the part of a store that SourceGraph needs.
type SourceReader interface {
	Source(ctx context.Context, id string) (*Source, error)
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	EvidenceList(ctx context.Context, f EvidenceFilter) ([]Evidence, error)
	Relations(ctx context.Context, f RelationFilter) ([]Relation, error)
	Actor(ctx context.Context, id string) (*Actor, error)
}

// SourceGraph returns the argument one source states: the source (without
// its text), the claims and evidence with a span in it (at most MaxLimit of
// each), the relations among them (undercuts included), and the actors of
// those claims. Relations to claims stated only elsewhere are left out.
// ENOTFOUND if the source is unknown.
func SourceGraph(ctx context.Context, st SourceReader, sourceID string) (*Graph, error) {
	src, err := st.Source(ctx, sourceID)
	if err != nil {
		return nil, err
	}
	src.Text = ""
	g := &Graph{Sources: []Source{*src}}
	if g.Claims, err = st.Claims(ctx, ClaimFilter{SourceID: sourceID, Page: Page{Limit: MaxLimit}}); err != nil {
		return nil, err
	}
	if g.Evidence, err = st.EvidenceList(ctx, EvidenceFilter{SourceID: sourceID, Page: Page{Limit: MaxLimit}}); err != nil {
		return nil, err
	}
	in := map[string]bool{}
	var nodes []string
	for _, c := range g.Claims {
		in[c.ID] = true
		nodes = append(nodes, c.ID)
	}
	for _, e := range g.Evidence {
		in[e.ID] = true
		nodes = append(nodes, e.ID)
	}
	seen := map[string]bool{}
	var rels []Relation
	for _, id := range nodes {
		rs, err := st.Relations(ctx, RelationFilter{NodeID: id, Page: Page{Limit: MaxLimit}})
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			if !seen[r.ID] {
				seen[r.ID] = true
				rels = append(rels, r)
			}
		}
	}
	// Keep relations whose ends are all in the source; a relation may end at
	// another kept relation (an undercut), so repeat until nothing changes.
	kept := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, r := range rels {
			if kept[r.ID] {
				continue
			}
			ok := in[r.To] || kept[r.To]
			for _, f := range r.From {
				ok = ok && (in[f] || kept[f])
			}
			if ok {
				kept[r.ID] = true
				changed = true
			}
		}
	}
	for _, r := range rels {
		if kept[r.ID] {
			g.Relations = append(g.Relations, r)
		}
	}
	sort.Slice(g.Relations, func(i, j int) bool { return g.Relations[i].ID < g.Relations[j].ID })
	actors := map[string]bool{}
	refs := make([][]ActorRef, 0, len(g.Claims)+len(g.Evidence))
	for _, c := range g.Claims {
		refs = append(refs, c.Actors)
	}
	for _, e := range g.Evidence {
		refs = append(refs, e.Actors)
	}
	for _, list := range refs {
		for _, a := range list {
			if actors[a.ActorID] {
				continue
			}
			actors[a.ActorID] = true
			act, err := st.Actor(ctx, a.ActorID)
			if IsNotFound(err) {
				continue
			}
			if err != nil {
				return nil, err
			}
			g.Actors = append(g.Actors, *act)
		}
	}
	sort.Slice(g.Actors, func(i, j int) bool { return g.Actors[i].ID < g.Actors[j].ID })
	return g, nil
}
