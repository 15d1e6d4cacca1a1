package render

// layoutCost estimates the work of Graphviz's dot layout of a graph of n
// nodes (0..n-1) and the given edges, without laying it out. dot ranks the
// nodes, reverses the edges that close cycles, breaks every edge spanning
// several ranks into a chain of virtual nodes, orders each rank to reduce
// crossings and places the nodes with network simplex. Measured on random
// and layered maps (TestLayoutCost), its time grows with the nodes and
// virtual nodes, several times over with the edges that close cycles, and
// with the ranks times the edges. The estimate ranks the graph by longest
// path after dropping the edges a depth-first search finds closing cycles,
// and returns (nodes + virtual nodes) × (1 + cycle edges/5) + ranks ×
// edges/100: a relative figure, compared with Options.MaxCost.
func layoutCost(n int, edges [][2]int) float64 {
	out := make([][]int, n)
	for _, e := range edges {
		if e[0] == e[1] {
			continue
		}
		out[e[0]] = append(out[e[0]], e[1])
	}
	// Drop back edges with an iterative depth-first search.
	const (
		white = iota
		grey
		black
	)
	colour := make([]int, n)
	keep := make([][]int, n)
	type frame struct{ v, i int }
	for s := range n {
		if colour[s] != white {
			continue
		}
		stack := []frame{{s, 0}}
		colour[s] = grey
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			if f.i == len(out[f.v]) {
				colour[f.v] = black
				stack = stack[:len(stack)-1]
				continue
			}
			w := out[f.v][f.i]
			f.i++
			switch colour[w] {
			case white:
				keep[f.v] = append(keep[f.v], w)
				colour[w] = grey
				stack = append(stack, frame{w, 0})
			case black:
				keep[f.v] = append(keep[f.v], w)
			}
		}
	}
	// Longest-path ranks in topological order (Kahn).
	indeg := make([]int, n)
	for v := range n {
		for _, w := range keep[v] {
			indeg[w]++
		}
	}
	rank := make([]int, n)
	queue := make([]int, 0, n)
	for v := range n {
		if indeg[v] == 0 {
			queue = append(queue, v)
		}
	}
	for i := 0; i < len(queue); i++ {
		v := queue[i]
		for _, w := range keep[v] {
			rank[w] = max(rank[w], rank[v]+1)
			if indeg[w]--; indeg[w] == 0 {
				queue = append(queue, w)
			}
		}
	}
	// Virtual nodes, ranks and the edges that close cycles.
	virtual, ranks, back := 0, 0, 0
	for v := range n {
		ranks = max(ranks, rank[v]+1)
		back += len(out[v]) - len(keep[v])
		for _, w := range keep[v] {
			virtual += max(rank[w]-rank[v], rank[v]-rank[w]) - 1
		}
	}
	return float64(n+virtual)*(1+float64(back)/5) + float64(ranks)*float64(len(edges))/100
}
