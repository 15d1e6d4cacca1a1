package webui

import (
	"context"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/disjoint"
)

// component is a connected piece of the stored argument: claims and
// evidence joined by relations, shown by one representative claim.
type component struct {
	Focus string // a main claim, else the claim most relations point at
	Text  string
	Size  int
}

// maxComponentNodes bounds the graph read to list components.
const maxComponentNodes = 5000

// components lists the connected pieces of the stored argument, largest
// first, and counts the claims and evidence that no relation joins. A store
// of more than maxComponentNodes claims and evidence is read as its
// maxComponentNodes with the most relations (Store.Hubs; a smaller store
// whole), not as its first by ID.
func (u *UI) components(ctx context.Context) ([]component, int, error) {
	g, err := u.store.Hubs(ctx, maxComponentNodes)
	if err != nil {
		return nil, 0, err
	}
	sets := disjoint.New[string](len(g.Claims) + len(g.Evidence))
	texts := map[string]string{}
	main := map[string]bool{}
	for _, c := range g.Claims {
		sets.Add(c.ID)
		texts[c.ID] = c.Text
		main[c.ID] = c.Main
	}
	for _, e := range g.Evidence {
		sets.Add(e.ID)
	}
	targeted := map[string]int{}
	for _, r := range g.Relations {
		sets.Union(r.ID, r.To)
		targeted[r.To]++
		for _, f := range r.From {
			sets.Union(r.ID, f)
		}
	}
	members := map[string][]string{}
	sets.Keys(func(id string) {
		if argmap.KindOf(id) == argmap.KindRelation {
			return
		}
		root := sets.Find(id)
		members[root] = append(members[root], id)
	})
	var out []component
	single := 0
	for _, ids := range members {
		if len(ids) < 2 {
			single++
			continue
		}
		sort.Strings(ids)
		best := ""
		for _, id := range ids {
			if argmap.KindOf(id) != argmap.KindClaim {
				continue
			}
			if best == "" || (main[id] && !main[best]) || (main[id] == main[best] && targeted[id] > targeted[best]) {
				best = id
			}
		}
		if best == "" {
			continue
		}
		out = append(out, component{Focus: best, Text: texts[best], Size: len(ids)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Size != out[j].Size {
			return out[i].Size > out[j].Size
		}
		return out[i].Focus < out[j].Focus
	})
	return out, single, nil
}
