package render

import (
	"container/heap"
	"fmt"
	"slices"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// Cut says what Trim left out of a graph.
type Cut struct {
	Claims, Evidence, Relations int // left out
	KeptClaims, KeptEvidence    int
	Components, KeptComponents  int  // connected parts of the graph, and those drawn whole
	Partial                     bool // one more part drawn in part
	Focused                     bool // the focus was in the graph: its part came first, nearest it first
}

// Omitted reports whether anything was left out.
func (c Cut) Omitted() bool { return c.Claims+c.Evidence+c.Relations > 0 }

// String describes the cut for a person.
func (c Cut) String() string {
	if !c.Omitted() {
		return "nothing left out"
	}
	how := fmt.Sprintf("the largest %d of %d connected parts whole", c.KeptComponents, c.Components)
	switch {
	case c.Partial && c.KeptComponents == 0 && c.Focused:
		how = fmt.Sprintf("part of one of %d connected parts: its nodes nearest the focus, then the best connected", c.Components)
	case c.Partial && c.KeptComponents == 0:
		how = fmt.Sprintf("part of the largest of %d connected parts: grown from its best-connected node, best-connected neighbours first", c.Components)
	case c.Partial:
		how += ", then part of the next, grown from its best-connected node"
	}
	return fmt.Sprintf("drew %d of %d claims and %d of %d evidence (%s); left out %d claims, %d evidence, %d relations",
		c.KeptClaims, c.KeptClaims+c.Claims, c.KeptEvidence, c.KeptEvidence+c.Evidence, how, c.Claims, c.Evidence, c.Relations)
}

// Trim returns g cut down to at most max claims and evidence, chosen by
// relevance, never by ID: the connected part holding focus first (when
// focus is a claim or evidence of g), then the largest connected parts; a
// part that does not fit whole gives its nodes closest to focus, then of
// highest degree. Relations are kept when all their ends are (an end that
// was not in g to begin with does not count against it), and sources,
// actors and citations when a kept node refers to them. g is not changed;
// with max <= 0 or a graph that fits, g is returned as it is.
func Trim(g *argmap.Graph, max int, focus string) (*argmap.Graph, Cut) {
	n := len(g.Claims) + len(g.Evidence)
	if max <= 0 || n <= max {
		return g, Cut{KeptClaims: len(g.Claims), KeptEvidence: len(g.Evidence)}
	}
	// nodes: claims and evidence; relations join every end with every other
	index := map[string]int{}
	ids := make([]string, 0, n)
	for _, c := range g.Claims {
		index[c.ID] = len(ids)
		ids = append(ids, c.ID)
	}
	for _, e := range g.Evidence {
		index[e.ID] = len(ids)
		ids = append(ids, e.ID)
	}
	rel := map[string]*argmap.Relation{}
	for i := range g.Relations {
		rel[g.Relations[i].ID] = &g.Relations[i]
	}
	// ends returns the claims and evidence a relation touches, following
	// relations that target relations (undercuts) down to their nodes.
	var ends func(r *argmap.Relation, depth int) []int
	ends = func(r *argmap.Relation, depth int) []int {
		var out []int
		for _, f := range r.From {
			if i, ok := index[f]; ok {
				out = append(out, i)
			}
		}
		if i, ok := index[r.To]; ok {
			out = append(out, i)
		} else if t, ok := rel[r.To]; ok && depth < 8 {
			out = append(out, ends(t, depth+1)...)
		}
		return out
	}
	adj := make([][]int, n)
	relEnds := make([][]int, len(g.Relations))
	nodeRels := make([][]int, n)
	for i := range g.Relations {
		e := ends(&g.Relations[i], 0)
		relEnds[i] = e
		for _, v := range e {
			if k := len(nodeRels[v]); k == 0 || nodeRels[v][k-1] != i {
				nodeRels[v] = append(nodeRels[v], i)
			}
		}
		for _, a := range e {
			for _, b := range e {
				if a != b {
					adj[a] = append(adj[a], b)
				}
			}
		}
	}
	// connected parts
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	var parts [][]int
	for s := range ids {
		if comp[s] >= 0 {
			continue
		}
		p := len(parts)
		comp[s] = p
		members := []int{s}
		for k := 0; k < len(members); k++ {
			for _, v := range adj[members[k]] {
				if comp[v] < 0 {
					comp[v] = p
					members = append(members, v)
				}
			}
		}
		parts = append(parts, members)
	}
	// distance from focus (-1: unreachable or no focus)
	dist := make([]int, n)
	for i := range dist {
		dist[i] = -1
	}
	focusPart := -1
	if f, ok := index[focus]; ok {
		focusPart = comp[f]
		dist[f] = 0
		queue := []int{f}
		for k := 0; k < len(queue); k++ {
			for _, v := range adj[queue[k]] {
				if dist[v] < 0 {
					dist[v] = dist[queue[k]] + 1
					queue = append(queue, v)
				}
			}
		}
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := order[a], order[b]
		if (pa == focusPart) != (pb == focusPart) {
			return pa == focusPart
		}
		if len(parts[pa]) != len(parts[pb]) {
			return len(parts[pa]) > len(parts[pb])
		}
		return ids[parts[pa][0]] < ids[parts[pb][0]]
	})
	keep := make([]bool, n)
	budget := max
	cut := Cut{Components: len(parts), Focused: focusPart >= 0}
	for _, p := range order {
		if budget == 0 {
			break
		}
		members := parts[p]
		if len(members) <= budget {
			for _, v := range members {
				keep[v] = true
			}
			budget -= len(members)
			cut.KeptComponents++
			continue
		}
		if p != focusPart {
			// no focus in this part: its best-connected node, then again
			// and again the best-connected node next to those kept, so
			// that what is drawn hangs together (the best-connected nodes
			// alone were scattered pairs and lone boxes)
			// relations a node is a premise or the target of (as Store.Hubs
			// counts them; undercuts of those do not count)
			direct := make(map[int]int, len(members))
			for i := range g.Relations {
				r := &g.Relations[i]
				for _, f := range r.From {
					if v, ok := index[f]; ok && comp[v] == p {
						direct[v]++
					}
				}
				if v, ok := index[r.To]; ok && comp[v] == p {
					direct[v]++
				}
			}
			degree := func(v int) int { return direct[v] }
			for _, v := range grow(members, relEnds, nodeRels, degree, ids, budget) {
				keep[v] = true
			}
			budget = 0
			cut.Partial = true
			continue
		}
		ranked := append([]int(nil), members...)
		sort.SliceStable(ranked, func(a, b int) bool {
			va, vb := ranked[a], ranked[b]
			if dist[va] != dist[vb] {
				if dist[va] < 0 || dist[vb] < 0 {
					return dist[vb] < 0
				}
				return dist[va] < dist[vb]
			}
			if len(adj[va]) != len(adj[vb]) {
				return len(adj[va]) > len(adj[vb])
			}
			return ids[va] < ids[vb]
		})
		for _, v := range ranked[:budget] {
			keep[v] = true
		}
		budget = 0
		cut.Partial = true
	}
	return subgraph(g, keep, index, rel, cut)
}

// subgraph copies the kept nodes of g and what they need into a new graph.
func subgraph(g *argmap.Graph, keep []bool, index map[string]int, rel map[string]*argmap.Relation, cut Cut) (*argmap.Graph, Cut) {
	out := &argmap.Graph{}
	sources, actors := map[string]bool{}, map[string]bool{}
	for _, c := range g.Claims {
		if !keep[index[c.ID]] {
			cut.Claims++
			continue
		}
		out.Claims = append(out.Claims, c)
		for _, sp := range c.Spans {
			sources[sp.SourceID] = true
		}
		for _, a := range c.Actors {
			actors[a.ActorID] = true
		}
	}
	for _, e := range g.Evidence {
		if !keep[index[e.ID]] {
			cut.Evidence++
			continue
		}
		out.Evidence = append(out.Evidence, e)
		for _, sp := range e.Spans {
			sources[sp.SourceID] = true
		}
	}
	cut.KeptClaims, cut.KeptEvidence = len(out.Claims), len(out.Evidence)
	// a relation stays when every end stays: a node, or a relation that stays
	kept := map[string]bool{}
	var stays func(id string, depth int) bool
	stays = func(id string, depth int) bool {
		if i, ok := index[id]; ok {
			return keep[i]
		}
		r, ok := rel[id]
		if !ok {
			return true // outside the map before the cut: drawn as before
		}
		if depth > 8 {
			return false
		}
		if v, ok := kept[id]; ok {
			return v
		}
		v := stays(r.To, depth+1)
		for _, f := range r.From {
			v = v && stays(f, depth+1)
		}
		kept[id] = v
		return v
	}
	for _, r := range g.Relations {
		if !stays(r.ID, 0) {
			cut.Relations++
			continue
		}
		out.Relations = append(out.Relations, r)
		if r.Span != nil {
			sources[r.Span.SourceID] = true
		}
	}
	for _, s := range g.Sources {
		if sources[s.ID] {
			out.Sources = append(out.Sources, s)
		}
	}
	for _, a := range g.Actors {
		if actors[a.ID] {
			out.Actors = append(out.Actors, a)
		}
	}
	for _, c := range g.Citations {
		if sources[c.SourceID] && (c.CitedID == "" || sources[c.CitedID]) {
			out.Citations = append(out.Citations, c)
		}
	}
	return out, cut
}

// grow returns at most n of members (one connected part): the one with the
// most relations, then, relation by relation, the relation next to what is
// taken whose new ends have the most relations (ties: fewer new ends, then
// the lower index) with all its ends, so that every node taken comes with a
// relation that is drawn (a relation is drawn only with all its ends).
// ends lists each relation's claims and evidence, rels each node's relations.
func grow(members []int, ends [][]int, rels [][]int, degree func(int) int, ids []string, n int) []int {
	start := members[0]
	for _, v := range members[1:] {
		if d, ds := degree(v), degree(start); d > ds || (d == ds && ids[v] < ids[start]) {
			start = v
		}
	}
	taken := map[int]bool{start: true}
	out := []int{start}
	fresh := func(r int) []int {
		var f []int
		for _, v := range ends[r] {
			if !taken[v] && !slices.Contains(f, v) {
				f = append(f, v)
			}
		}
		return f
	}
	h := &candHeap{}
	offer := func(v int) {
		for _, r := range rels[v] {
			f := fresh(r)
			if len(f) == 0 {
				continue
			}
			best := 0
			for _, w := range f {
				best = max(best, degree(w))
			}
			heap.Push(h, growCand{r, best, len(f)})
		}
	}
	offer(start)
	for len(out) < n && h.Len() > 0 {
		c := heap.Pop(h).(growCand)
		f := fresh(c.rel)
		if len(f) == 0 || len(out)+len(f) > n {
			continue
		}
		for _, v := range f {
			taken[v] = true
			out = append(out, v)
		}
		for _, v := range f {
			offer(v)
		}
	}
	return out
}

// candHeap holds relations to grow by: the one whose new ends have the most
// relations first, then the one with fewer new ends, then the lower index.
type candHeap []growCand

// growCand is a relation grow may take: the most relations among its new
// ends, and how many new ends it has.
type growCand struct{ rel, best, size int }

func (h candHeap) Len() int { return len(h) }
func (h candHeap) Less(i, j int) bool {
	if h[i].best != h[j].best {
		return h[i].best > h[j].best
	}
	if h[i].size != h[j].size {
		return h[i].size < h[j].size
	}
	return h[i].rel < h[j].rel
}
func (h candHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *candHeap) Push(x any) {
	*h = append(*h, x.(growCand))
}
func (h *candHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}
