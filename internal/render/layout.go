package render

import (
	"fmt"
	"math"
	"strings"

	"github.com/argmap/argmap/internal/disjoint"
)

// A whole-graph map is many small arguments plus records nothing bears on:
// claims without relations, and sources and actors that, once their links
// become tags, have no edges at all. Graphviz's dot lays the connected
// components side by side and every isolated node in one long bottom row;
// the demo store came out 20255×1313 points, an 8000×511 PNG nobody can
// read. So when a map falls apart in several pieces, the isolated nodes are
// gathered in labelled grids (one per kind), and when the pieces beside the
// largest hold more than a quarter of the nodes, dot lays out each component
// separately and packs them (pack and packmode=clust, which the dot engine of
// Graphviz 12 honours), which keeps the picture near square: 3488×3269
// points for the demo store. A map in one piece is drawn as before.

// isolatedGroup is a kind of node gathered in a grid when it has no edges.
type isolatedGroup struct {
	key, label string
}

// isolatedGroups lists the grids in drawing order.
var isolatedGroups = []isolatedGroup{
	{key: "source", label: "Sources"},
	{key: "actor", label: "Actors"},
	{key: "statement", label: "Claims and evidence without relations"},
}

// minGrid is the fewest isolated nodes of one kind gathered in a grid.
const minGrid = 3

// packMargin is the space in points between packed components.
const packMargin = 24

// layout is how a map is arranged: whether its components are packed, and
// the grids of isolated nodes (node names, by group key).
type layout struct {
	pack  bool
	grids map[string][]string
}

// planLayout decides the layout of the drawn nodes and edges. groupOf gives
// the grid group of a node ("" for nodes never gathered: junctions, stubs).
func planLayout(nodes []node, edges []edge, groupOf func(node) string) layout {
	sets := disjoint.New[string](len(nodes))
	degree := make(map[string]int, len(nodes))
	for _, n := range nodes {
		sets.Add(n.name)
	}
	for _, e := range edges {
		if !sets.Has(e.from) || !sets.Has(e.to) {
			continue
		}
		degree[e.from]++
		degree[e.to]++
		sets.Union(e.from, e.to)
	}
	lay := layout{grids: map[string][]string{}}
	size := map[string]int{} // component root -> nodes
	largest := 0
	for _, n := range nodes {
		if degree[n.name] == 0 {
			if g := groupOf(n); g != "" {
				lay.grids[g] = append(lay.grids[g], n.name)
				continue
			}
		}
		r := sets.Find(n.name)
		size[r]++
		largest = max(largest, size[r])
	}
	parts := len(size)
	for key, names := range lay.grids {
		if len(names) < minGrid {
			parts += len(names)
			delete(lay.grids, key)
		} else {
			parts++
		}
	}
	if parts <= 1 {
		return layout{}
	}
	// Packing pays when the pieces beside the largest are a good part of
	// the map; a big web with a few strays beside it lays out smaller and
	// faster unpacked (200-node benchmark: 5152×3846 points in 245 ms
	// unpacked, 5517×4800 in 375 ms packed).
	lay.pack = 4*(len(nodes)-largest) > len(nodes)
	return lay
}

// gridColumns returns the columns of a grid of n nodes: about √(0.6n), which
// makes a block a little wider than tall for boxes about 2.3 by 0.9 inches.
func gridColumns(n int) int {
	return min(max(2, int(math.Ceil(math.Sqrt(0.6*float64(n))))), 10)
}

// gridClusters returns the clusters of isolated nodes, each in rows kept level
// with rank=same and stacked by invisible edges.
func (lay layout) gridClusters() string {
	var b strings.Builder
	for i, g := range isolatedGroups {
		names := lay.grids[g.key]
		if len(names) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\tsubgraph cluster_isolated_%d {\n", i)
		label := fmt.Sprintf("%s (%d)", g.label, len(names))
		// rankdir=BT turns labelloc round: b puts the label on top.
		b.WriteString("\t\tgraph [label=" + quote(label) + ", labelloc=b, fontsize=12, style=\"rounded,dashed\", color=\"#bdbdbd\", margin=10];\n")
		var rows [][]rowEntry
		cols := gridColumns(len(names))
		for len(names) > 0 {
			n := min(len(names), cols)
			row := make([]rowEntry, n)
			for j, name := range names[:n] {
				row[j] = rowEntry{first: quote(name), last: quote(name), body: "\t\t" + quote(name) + ";\n"}
			}
			rows = append(rows, row)
			names = names[n:]
		}
		writeRows(&b, rows)
		b.WriteString("\t}\n")
	}
	return b.String()
}

// rowEntry is one entry of a row of a grid: the DOT that draws it and the
// names of its leftmost and rightmost nodes.
type rowEntry struct{ first, last, body string }

// writeRows writes rows of entries kept level with rank=same and in order by
// invisible edges, each row below the one before it (rankdir=BT: an edge's
// head is drawn above its tail).
func writeRows(b *strings.Builder, rows [][]rowEntry) {
	for i, row := range rows {
		b.WriteString("\t\t{\n\t\trank=same;\n")
		for j, e := range row {
			b.WriteString(e.body)
			if j > 0 {
				fmt.Fprintf(b, "\t\t%s -> %s [style=invis];\n", row[j-1].last, e.first)
			}
		}
		b.WriteString("\t\t}\n")
		if i > 0 {
			fmt.Fprintf(b, "\t\t%s -> %s [style=invis];\n", row[0].first, rows[i-1][0].first)
		}
	}
}
