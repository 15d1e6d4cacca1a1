package structure

import "math"

// noEdge marks a missing edge in a weight matrix.
var noEdge = math.Inf(-1)

// maxArborescence returns the maximum spanning arborescence rooted at root
// of the directed graph with weights w[u][v] for the edge u -> v (noEdge
// where there is none), by Chu-Liu/Edmonds: every node but the root takes
// its best incoming edge; a cycle among those is contracted into one node
// and the graph solved again. It returns parent[v] for every node (-1 for
// the root) and false when some node cannot be reached from the root.
func maxArborescence(w [][]float64, root int) ([]int, bool) {
	n := len(w)
	nodes := make([]int, n)
	for i := range nodes {
		nodes[i] = i
	}
	parent, ok := edmonds(w, nodes, root)
	if !ok {
		return nil, false
	}
	return parent, true
}

// edmonds solves the arborescence problem on the sub-graph of w over nodes
// (w indexed by node ids, nodes in any order); parent is indexed by node id
// and has length len(w).
func edmonds(w [][]float64, nodes []int, root int) ([]int, bool) {
	n := len(w)
	in := make([]bool, n)
	for _, v := range nodes {
		in[v] = true
	}
	// best, color and the path walked below in one array: an allocation
	// a call, where they made one each and the path one a start
	scratch := make([]int, 3*n)
	best, color, path := scratch[:n:n], scratch[n:2*n:2*n], scratch[2*n:2*n]
	for i := range best {
		best[i] = -1
	}
	for _, v := range nodes {
		if v == root {
			continue
		}
		bw := noEdge
		for _, u := range nodes {
			if u != v && w[u][v] > bw {
				bw, best[v] = w[u][v], u
			}
		}
		if best[v] < 0 {
			return nil, false
		}
	}
	// find a cycle among the chosen edges
	// color: 0 unvisited, 1 on the current path, 2 done
	var cycle []int
	for _, s := range nodes {
		if color[s] != 0 || cycle != nil {
			continue
		}
		path = path[:0] // a node is on one path at most: n is room enough
		v := s
		for v >= 0 && v != root && color[v] == 0 {
			color[v] = 1
			path = append(path, v)
			v = best[v]
		}
		if v >= 0 && v != root && color[v] == 1 {
			for k := len(path) - 1; k >= 0; k-- {
				cycle = append(cycle, path[k])
				if path[k] == v {
					break
				}
			}
		}
		for _, p := range path {
			color[p] = 2
		}
	}
	if cycle == nil {
		parent := make([]int, n)
		for i := range parent {
			parent[i] = -1
		}
		for _, v := range nodes {
			if v != root {
				parent[v] = best[v]
			}
		}
		return parent, true
	}
	// contract the cycle into a new node c (id n) in a larger matrix
	inCycle := make([]bool, n)
	cw := 0.0
	for _, v := range cycle {
		inCycle[v] = true
		cw += w[best[v]][v]
	}
	c := n
	w2 := make([][]float64, n+1)
	for i := range w2 {
		w2[i] = make([]float64, n+1)
		for j := range w2[i] {
			w2[i][j] = noEdge
		}
	}
	enter := make([]int, n+1) // for u outside: the cycle node its edge into c enters
	leave := make([]int, n+1) // for v outside: the cycle node its edge from c leaves
	var rest []int
	for _, u := range nodes {
		if inCycle[u] {
			continue
		}
		rest = append(rest, u)
		for _, v := range nodes {
			if inCycle[v] || u == v {
				continue
			}
			w2[u][v] = w[u][v]
		}
	}
	for _, u := range rest {
		bw, bv := noEdge, -1
		for _, v := range cycle {
			if w[u][v] == noEdge {
				continue
			}
			if x := w[u][v] - w[best[v]][v]; x > bw {
				bw, bv = x, v
			}
		}
		if bv >= 0 {
			w2[u][c], enter[u] = bw+cw, bv
		}
		bw, bu := noEdge, -1
		for _, x := range cycle {
			if w[x][u] > bw {
				bw, bu = w[x][u], x
			}
		}
		if bu >= 0 {
			w2[c][u], leave[u] = bw, bu
		}
	}
	sub, ok := edmonds(w2, append(rest, c), root)
	if !ok {
		return nil, false
	}
	parent := make([]int, n)
	for i := range parent {
		parent[i] = -1
	}
	for _, v := range rest {
		if v == root {
			continue
		}
		if sub[v] == c {
			parent[v] = leave[v]
		} else {
			parent[v] = sub[v]
		}
	}
	for _, v := range cycle {
		parent[v] = best[v]
	}
	u := sub[c]
	parent[enter[u]] = u
	return parent, true
}
