package render

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Colours and styles of the map. Supports and contests are the two colours a
// reader must tell apart at a glance; everything that is bookkeeping (sources,
// mentions) is grey.
const (
	colSupport  = "#2e7d32"
	colContest  = "#c62828"
	colGrey     = "#8a8a8a"
	colAsserts  = "#6a1b9a"
	colDisputes = "#ef6c00"
	colFocus    = "#1565c0"
	colFocusBg  = "#fff59d"
	// Evaluation labels (RenderOptions.Labels): fill and border.
	colInFill    = "#c8e6c9"
	colInLine    = "#1b5e20"
	colOutFill   = "#ffcdd2"
	colOutLine   = "#b71c1c"
	colUndecFill = "#eeeeee"
	colUndecLine = "#616161"
	fontRegular  = "Helvetica"
)

// Label sizes: claims wrap at about 30 characters and keep 6 lines; longer
// texts end with an ellipsis.
const (
	claimWidth    = 30
	claimLines    = 6
	evidenceLines = 5
	sourceWidth   = 26
	sourceLines   = 3
	actorWidth    = 24
	actorLines    = 2
	titleWidth    = 70
	titleLines    = 2
)

// stats counts what a DOT document draws; the renderer bounds on it.
type stats struct {
	Nodes int
	Edges int
	Cost  float64 // layoutCost of the drawn graph
}

// cost returns the layoutCost of the nodes and edges drawn.
func (bd *builder) cost() float64 {
	index := make(map[string]int, len(bd.nodes))
	for i, n := range bd.nodes {
		index[n.name] = i
	}
	edges := make([][2]int, 0, len(bd.edges))
	for _, e := range bd.edges {
		f, okf := index[e.from]
		t, okt := index[e.to]
		if okf && okt {
			edges = append(edges, [2]int{f, t})
		}
	}
	return layoutCost(len(bd.nodes), edges)
}

// DOT returns the Graphviz DOT text of g as an argument map: claims as rounded
// boxes (main claims bold), evidence as notes, sources as folders linked to
// what they state by grey dashed edges, actors as ellipses linked by dotted
// edges (asserts purple, disputes orange, named grey), supports green and
// contests red. A relation with several premises, or one that is itself
// attacked or is the focus, is drawn through a small junction point so that an
// undercut can point at it. Endpoints missing from g are drawn as dashed
// "not in this map" stubs. A legend of the kinds present is drawn as a cluster.
//
// The output is deterministic: nodes are sorted by ID and every string is
// escaped, so the same graph always gives the same bytes. DOT ignores
// opt.Format. It returns EINVALID for a nil or empty graph and for a focus
// that is not in g.
func DOT(g *argmap.Graph, opt argmap.RenderOptions) ([]byte, error) {
	b, _, err := buildDOT(g, opt)
	return b, err
}

// node is one drawn node.
type node struct {
	id, name string
	attrs    string
}

// edge is one drawn edge.
type edge struct {
	from, to string
	attrs    string
}

type builder struct {
	opt       argmap.RenderOptions
	names     map[string]string // record ID -> node name
	seq       int
	nodes     []node
	edges     []edge
	stubs     map[string]string // missing ID -> stub node name
	stubIDs   []string
	relation  map[string]*argmap.Relation
	point     map[string]bool     // relation IDs drawn through a junction point
	present   map[string]bool     // legend keys of what is drawn
	targeted  map[string]bool     // IDs some relation points at
	tag       map[string]string   // source or actor ID -> its tag, when tagged
	tags      map[string][]string // node ID -> tags of its sources and actors
	leafTotal int                 // leaf premises drawn straight into their targets
	leafSeq   int                 // of which drawn so far
}

func buildDOT(g *argmap.Graph, opt argmap.RenderOptions) ([]byte, stats, error) {
	if g == nil {
		return nil, stats{}, argmap.Errorf(argmap.EINVALID, "nothing to draw: no graph")
	}
	if len(g.Claims)+len(g.Evidence)+len(g.Sources)+len(g.Actors)+len(g.Relations) == 0 {
		return nil, stats{}, argmap.Errorf(argmap.EINVALID, "nothing to draw: the graph has no nodes")
	}
	bd := &builder{
		opt:      opt,
		names:    map[string]string{},
		stubs:    map[string]string{},
		relation: map[string]*argmap.Relation{},
		point:    map[string]bool{},
		present:  map[string]bool{},
		tag:      map[string]string{},
	}
	sources := sortedBy(g.Sources, func(s argmap.Source) string { return s.ID })
	actors := sortedBy(g.Actors, func(a argmap.Actor) string { return a.ID })
	claims := sortedBy(g.Claims, func(c argmap.Claim) string { return c.ID })
	evidence := sortedBy(g.Evidence, func(e argmap.Evidence) string { return e.ID })
	relations := sortedBy(g.Relations, func(r argmap.Relation) string { return r.ID })
	citations := sortedBy(g.Citations, func(c argmap.Citation) string { return c.ID })

	for _, s := range sources {
		bd.name(s.ID)
	}
	for _, a := range actors {
		bd.name(a.ID)
	}
	for _, c := range claims {
		bd.name(c.ID)
	}
	for _, e := range evidence {
		bd.name(e.ID)
	}
	var relIDs []string // sorted, as relations is
	for i := range relations {
		r := &relations[i]
		if _, dup := bd.names[r.ID]; dup {
			continue // a relation cannot share an ID with a node
		}
		bd.relation[r.ID] = r
		relIDs = append(relIDs, r.ID)
	}
	// A relation gets a junction point when it has linked premises, when
	// another relation refers to it (an undercut), or when it is the focus.
	for _, id := range relIDs {
		r := bd.relation[id]
		if len(r.From) > 1 || r.ID == opt.Focus {
			bd.point[r.ID] = true
		}
		for _, ref := range append(append([]string(nil), r.From...), r.To) {
			if bd.relation[ref] != nil {
				bd.point[ref] = true
			}
		}
	}
	for _, id := range relIDs {
		if bd.point[id] {
			bd.name(id)
		}
	}
	if opt.Focus != "" {
		if _, ok := bd.names[opt.Focus]; !ok {
			return nil, stats{}, argmap.Errorf(argmap.EINVALID, "the focus %q is not in the graph", shorten(opt.Focus, 80))
		}
	}

	// Provenance (source states node) and actor links, deduplicated.
	srcIn := map[string]bool{}
	for _, s := range sources {
		srcIn[s.ID] = true
	}
	actIn := map[string]bool{}
	for _, a := range actors {
		actIn[a.ID] = true
	}
	type link struct {
		from, to string
		role     argmap.Role
	}
	var stateLinks, actorLinks []link
	seen := map[link]bool{}
	states := func(nodeID string, spans []argmap.Span) {
		ids := make([]string, 0, len(spans))
		for _, sp := range spans {
			ids = append(ids, sp.SourceID)
		}
		sort.Strings(ids)
		for _, sid := range ids {
			k := link{from: sid, to: nodeID}
			if srcIn[sid] && !seen[k] {
				seen[k] = true
				stateLinks = append(stateLinks, k)
			}
		}
	}
	for _, c := range claims {
		states(c.ID, c.Spans)
	}
	for _, e := range evidence {
		states(e.ID, e.Spans)
	}
	for _, c := range claims {
		refs := append([]argmap.ActorRef(nil), c.Actors...)
		sort.Slice(refs, func(i, j int) bool {
			if refs[i].ActorID != refs[j].ActorID {
				return refs[i].ActorID < refs[j].ActorID
			}
			return refs[i].Role < refs[j].Role
		})
		for _, ref := range refs {
			k := link{from: ref.ActorID, to: c.ID, role: ref.Role}
			if actIn[ref.ActorID] && !seen[k] {
				seen[k] = true
				actorLinks = append(actorLinks, k)
			}
		}
	}
	// Many provenance or actor edges wreck the layout (measured: 200 nodes
	// stated by 5 sources lay out 6 times wider and 3 times slower with
	// them; clustering by source is worse still), so past maxLinkEdges they
	// become tags: the source is labelled "S1 · title" and what it states
	// carries "[S1]"; actors likewise "A1", with "+" for asserts and "−" for
	// disputes.
	bd.tags = map[string][]string{}
	tagSources, tagActors := len(stateLinks) > maxLinkEdges, len(actorLinks) > maxLinkEdges
	if tagSources {
		for i, s := range sources {
			bd.tag[s.ID] = "S" + strconv.Itoa(i+1)
		}
		for _, l := range stateLinks {
			bd.tags[l.to] = append(bd.tags[l.to], bd.tag[l.from])
		}
		bd.present["tags"] = true
	}
	if tagActors {
		for i, a := range actors {
			bd.tag[a.ID] = "A" + strconv.Itoa(i+1)
		}
		for _, l := range actorLinks {
			t := bd.tag[l.from]
			switch l.role {
			case argmap.RoleAsserts:
				t += "+"
			case argmap.RoleDisputes:
				t += "−"
			}
			bd.tags[l.to] = append(bd.tags[l.to], t)
		}
		bd.present["tags"] = true
	}

	// Nodes.
	for _, s := range sources {
		bd.addSource(s)
	}
	for _, a := range actors {
		bd.addActor(a)
	}
	for _, c := range claims {
		bd.addClaim(c)
	}
	for _, e := range evidence {
		bd.addEvidence(e)
	}
	for _, id := range relIDs {
		if bd.point[id] {
			bd.addPoint(bd.relation[id])
		}
	}

	// Edges: provenance, actors, citations, then the argument itself.
	if !tagSources {
		for _, l := range stateLinks {
			bd.present["states"] = true
			bd.edge(l.from, l.to, `color="`+colGrey+`", style=dashed, arrowhead=none`)
		}
	}
	if !tagActors {
		for _, l := range actorLinks {
			switch l.role {
			case argmap.RoleAsserts:
				bd.present["asserts"] = true
				bd.edge(l.from, l.to, `color="`+colAsserts+`", style=dotted, penwidth=1.4`)
			case argmap.RoleDisputes:
				bd.present["disputes"] = true
				bd.edge(l.from, l.to, `color="`+colDisputes+`", style=dotted, penwidth=1.4, arrowhead=tee`)
			default:
				bd.present["named"] = true
				bd.edge(l.from, l.to, `color="`+colGrey+`", style=dotted, arrowhead=none`)
			}
		}
	}
	citeSeen := map[[2]string]bool{}
	for _, c := range citations {
		k := [2]string{c.SourceID, c.CitedID}
		if c.CitedID == "" || c.CitedID == c.SourceID || !srcIn[c.SourceID] || !srcIn[c.CitedID] || citeSeen[k] {
			continue
		}
		citeSeen[k] = true
		bd.present["cites"] = true
		bd.edge(c.SourceID, c.CitedID, `color="`+colGrey+`", style=dotted, arrowhead=vee`)
	}
	// In a map with many leaves (premises nothing bears on), the leaves are
	// staggered over three ranks, much as Graphviz's unflatten does: a
	// broad tree otherwise makes one very wide bottom row.
	bd.targeted = map[string]bool{}
	for _, id := range relIDs {
		bd.targeted[bd.relation[id].To] = true
	}
	for _, id := range relIDs {
		if r := bd.relation[id]; !bd.point[id] {
			for _, f := range r.From {
				if !bd.targeted[f] {
					bd.leafTotal++
				}
			}
		}
	}
	for _, id := range relIDs {
		bd.addRelation(bd.relation[id])
	}
	for _, id := range bd.stubIDs {
		bd.nodes = append(bd.nodes, node{id: id, name: bd.stubs[id], attrs: stubAttrs(id)})
	}

	group := map[string]string{}
	for _, s := range sources {
		group[s.ID] = "source"
	}
	for _, a := range actors {
		group[a.ID] = "actor"
	}
	for _, c := range claims {
		group[c.ID] = "statement"
	}
	for _, e := range evidence {
		group[e.ID] = "statement"
	}
	lay := planLayout(bd.nodes, bd.edges, func(n node) string {
		if _, stub := bd.stubs[n.id]; stub {
			return ""
		}
		return group[n.id]
	})

	var out bytes.Buffer
	out.WriteString("digraph argmap {\n")
	rankdir := "BT"
	if opt.Across {
		rankdir = "LR"
	}
	out.WriteString("\tgraph [rankdir=" + rankdir + ", fontname=\"" + fontRegular + "\", fontsize=12, nodesep=0.3, ranksep=0.45, outputorder=edgesfirst, bgcolor=\"#ffffff\", pad=0.2")
	if lay.pack {
		out.WriteString(", pack=" + strconv.Itoa(packMargin) + ", packmode=\"clust\"")
	}
	if t := wrap(opt.Title, titleWidth, titleLines); len(t) > 0 {
		out.WriteString(", label=" + quote(t...) + ", labelloc=t, fontsize=18")
	}
	out.WriteString("];\n")
	out.WriteString("\tnode [fontname=\"" + fontRegular + "\", fontsize=11, margin=\"0.12,0.06\", penwidth=1];\n")
	out.WriteString("\tedge [arrowsize=0.7, penwidth=1.2];\n")
	for _, n := range bd.nodes {
		fmt.Fprintf(&out, "\t%s [%s];\n", quote(n.name), n.attrs)
	}
	for _, e := range bd.edges {
		fmt.Fprintf(&out, "\t%s -> %s [%s];\n", quote(e.from), quote(e.to), e.attrs)
	}
	out.WriteString(lay.gridClusters())
	legend := bd.legend()
	out.WriteString(legend)
	out.WriteString("}\n")
	st := stats{Nodes: len(bd.nodes), Edges: len(bd.edges), Cost: bd.cost()}
	return out.Bytes(), st, nil
}

// sortedBy returns a copy of xs sorted by key, without records whose key is
// empty or repeated (the first one in input order wins).
func sortedBy[T any](xs []T, key func(T) string) []T {
	out := make([]T, 0, len(xs))
	seen := make(map[string]bool, len(xs))
	for _, x := range xs {
		k := key(x)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	sort.SliceStable(out, func(i, j int) bool { return key(out[i]) < key(out[j]) })
	return out
}

// name gives id a node name, unless it has one. IDs made of safe characters
// are their own names (and SVG element IDs); others get "#n", which no safe ID
// can clash with.
func (bd *builder) name(id string) {
	if _, ok := bd.names[id]; ok || id == "" {
		return
	}
	if safeName(id) {
		bd.names[id] = id
		return
	}
	bd.seq++
	bd.names[id] = "#" + strconv.Itoa(bd.seq)
}

// ref returns the node name of id, drawing a stub for an ID not in the map.
func (bd *builder) ref(id string) string {
	if n, ok := bd.names[id]; ok {
		return n
	}
	if n, ok := bd.stubs[id]; ok {
		return n
	}
	var n string
	if safeName(id) {
		n = "stub:" + id
	} else {
		bd.seq++
		n = "stub:#" + strconv.Itoa(bd.seq)
	}
	bd.stubs[id] = n
	bd.stubIDs = append(bd.stubIDs, id)
	bd.present["stub"] = true
	return n
}

func (bd *builder) edge(fromID, toID, attrs string) {
	bd.edges = append(bd.edges, edge{from: bd.ref(fromID), to: bd.ref(toID), attrs: attrs})
}

// common returns the attributes shared by every record node: its SVG ID and,
// for the focus, the highlight.
func (bd *builder) common(id string) string {
	var s string
	if safeName(id) {
		s = ", id=" + quote(id)
	}
	if id == bd.opt.Focus {
		s += `, penwidth=3, color="` + colFocus + `"`
		if _, labelled := bd.opt.Labels[id]; !labelled {
			s += `, fillcolor="` + colFocusBg + `"` // a label's colour wins
		}
		bd.present["focus"] = true
	}
	return s
}

func (bd *builder) addSource(s argmap.Source) {
	title := s.Title
	if clean(title) == "" {
		title = s.URI
	}
	if clean(title) == "" {
		title = s.ID
	}
	lines := wrap(title, sourceWidth, sourceLines)
	if t := bd.tag[s.ID]; t != "" {
		lines[0] = t + " · " + lines[0]
	}
	var by []string
	if len(s.Authors) > 0 {
		a := clean(s.Authors[0])
		if len(s.Authors) > 1 {
			a += " et al."
		}
		by = append(by, a)
	}
	if d := clean(s.Date); d != "" {
		by = append(by, d)
	}
	if len(by) > 0 {
		lines = append(lines, shorten(strings.Join(by, ", "), sourceWidth+4))
	}
	bd.present["source"] = true
	bd.nodes = append(bd.nodes, node{id: s.ID, name: bd.names[s.ID], attrs: "shape=folder, style=filled, fillcolor=\"#eceff1\", color=\"#78909c\", fontsize=10, label=" + quote(lines...) + bd.common(s.ID)})
}

func (bd *builder) addActor(a argmap.Actor) {
	name := a.Name
	if clean(name) == "" {
		name = a.ID
	}
	lines := wrap(name, actorWidth, actorLines)
	if t := bd.tag[a.ID]; t != "" {
		lines[0] = t + " · " + lines[0]
	}
	bd.present["actor"] = true
	bd.nodes = append(bd.nodes, node{id: a.ID, name: bd.names[a.ID], attrs: "shape=ellipse, style=filled, fillcolor=\"#f3e5f5\", color=\"" + colAsserts + "\", label=" + quote(lines...) + bd.common(a.ID)})
}

func (bd *builder) addClaim(c argmap.Claim) {
	text := c.Gist
	if clean(text) == "" {
		text = c.Text
	}
	if clean(text) == "" {
		text = c.ID
	}
	wrapped := wrap(text, claimWidth, claimLines)
	// A titled claim (an Argdown statement or argument) shows its title
	// above the text, as Argdown's own maps do.
	if t := clean(c.Title); t != "" && t != clean(text) {
		head := "[" + shorten(t, claimWidth-2) + "]"
		if c.Kind == argmap.ClaimArgument {
			head = "<" + shorten(t, claimWidth-2) + ">"
		}
		wrapped = append([]string{head}, wrapped...)
	}
	lines := bd.badged(c.ID, bd.withTags(c.ID, wrapped))
	fill, line := bd.statusColours(c.ID, "#ffffff", "#37474f")
	attrs := "shape=box, style=\"rounded,filled\", fillcolor=\"" + fill + "\", color=\"" + line + "\", label=" + quote(lines...)
	if c.Main {
		// Bold through an HTML-like label: Graphviz then measures the text
		// with bold widths. A bold font name ("Helvetica-Bold") is measured
		// as regular, and the bold text a browser draws spills out of the box.
		fill, line := bd.statusColours(c.ID, "#e3f2fd", "#0d47a1")
		attrs = "shape=box, style=\"rounded,filled\", fillcolor=\"" + fill + "\", color=\"" + line + "\", penwidth=2.2, label=" + boldLabel(lines...)
		bd.present["main"] = true
	} else {
		bd.present["claim"] = true
	}
	bd.nodes = append(bd.nodes, node{id: c.ID, name: bd.names[c.ID], attrs: attrs + bd.common(c.ID)})
}

func (bd *builder) addEvidence(e argmap.Evidence) {
	var lines []string
	if k := clean(e.Kind); k != "" {
		lines = append(lines, "["+shorten(k, claimWidth-2)+"]")
	}
	text := e.Text
	if clean(text) == "" {
		text = e.ID
	}
	lines = bd.badged(e.ID, bd.withTags(e.ID, append(lines, wrap(text, claimWidth, evidenceLines)...)))
	bd.present["evidence"] = true
	fill, line := bd.statusColours(e.ID, "#fff8e1", "#8d6e63")
	bd.nodes = append(bd.nodes, node{id: e.ID, name: bd.names[e.ID], attrs: "shape=note, style=filled, fillcolor=\"" + fill + "\", color=\"" + line + "\", fontsize=10, label=" + quote(lines...) + bd.common(e.ID)})
}

// badges are the first label lines of evaluated statements.
var badges = map[string]string{"in": "[IN]", "out": "[OUT]", "undec": "[UNDECIDED]"}

// badged puts the evaluation label of id, if any, on a line above lines.
func (bd *builder) badged(id string, lines []string) []string {
	b, ok := badges[bd.opt.Labels[id]]
	if !ok {
		return lines
	}
	bd.present["label:"+bd.opt.Labels[id]] = true
	return append([]string{b}, lines...)
}

// statusColours returns the fill and border of a statement: by its
// evaluation label when the map has one, else the defaults given.
func (bd *builder) statusColours(id, fill, line string) (string, string) {
	switch bd.opt.Labels[id] {
	case "in":
		return colInFill, colInLine
	case "out":
		return colOutFill, colOutLine
	case "undec":
		return colUndecFill, colUndecLine
	}
	return fill, line
}

// withTags adds a line of the source and actor tags of id, if any.
func (bd *builder) withTags(id string, lines []string) []string {
	if t := bd.tags[id]; len(t) > 0 {
		return append(lines, shorten("["+strings.Join(t, ", ")+"]", claimWidth))
	}
	return lines
}

// relColour returns the colour of a relation kind.
func relColour(k argmap.RelationKind) string {
	if k == argmap.Contests {
		return colContest
	}
	return colSupport
}

func (bd *builder) addPoint(r *argmap.Relation) {
	size := "0.09"
	if r.ID == bd.opt.Focus {
		size = "0.2"
	}
	bd.present["junction"] = true
	attrs := "shape=point, width=" + size + ", color=\"" + relColour(r.Kind) + "\", label=\"\""
	if safeName(r.ID) {
		attrs += ", id=" + quote(r.ID)
	}
	if r.ID == bd.opt.Focus {
		attrs += `, style=filled, fillcolor="` + colFocus + `"`
		bd.present["focus"] = true
	}
	bd.nodes = append(bd.nodes, node{id: r.ID, name: bd.names[r.ID], attrs: attrs})
}

func (bd *builder) addRelation(r *argmap.Relation) {
	col := relColour(r.Kind)
	if r.Kind == argmap.Contests {
		bd.present["contests"] = true
	} else {
		bd.present["supports"] = true
	}
	style := ""
	if r.Origin == argmap.OriginLinked {
		style = ", style=dashed"
		bd.present["linked"] = true
	}
	if bd.opt.Labels[r.ID] == "out" || bd.opt.Labels[r.ID] == "undec" {
		// A relation that fails or is open is drawn thin and faded.
		col += "66"
		bd.present["label:relation"] = true
	}
	arrow := `color="` + col + `", penwidth=1.8` + style
	if r.To == "" {
		return
	}
	if bd.point[r.ID] {
		for _, f := range r.From {
			if f == "" {
				continue
			}
			bd.edge(f, r.ID, arrow+", arrowhead=none")
		}
		bd.edge(r.ID, r.To, arrow)
		return
	}
	for _, f := range r.From {
		if f == "" {
			continue
		}
		a := arrow
		if !bd.targeted[f] && bd.leafTotal >= staggerFrom {
			if k := bd.leafSeq % 3; k > 0 {
				a += ", minlen=" + strconv.Itoa(k+1)
			}
			bd.leafSeq++
		}
		bd.edge(f, r.To, a)
	}
}

// maxLinkEdges is the most provenance (or actor) edges drawn as edges; past
// it they become tags in the labels.
const maxLinkEdges = 40

// staggerFrom is how many leaf premises in a map start staggering.
const staggerFrom = 12

func stubAttrs(id string) string {
	kind := string(argmap.KindOf(id))
	if kind == "" {
		kind = "node"
	}
	return `shape=box, style="dashed,rounded", color="` + colGrey + `", fontcolor="` + colGrey + `", fontsize=9, label=` + quote(kind+" not in this map")
}

// legendItems lists the legend entries in drawing order: key, node attributes
// (for node kinds) or edge attributes (for edge kinds), and the text.
var legendItems = []struct {
	key, nodeAttrs, edgeAttrs, text string
	bold                            bool
}{
	{key: "main", nodeAttrs: "shape=box, style=\"rounded,filled\", fillcolor=\"#e3f2fd\", color=\"#0d47a1\", penwidth=2.2", text: "main claim", bold: true},
	{key: "claim", nodeAttrs: "shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"#37474f\"", text: "claim"},
	{key: "evidence", nodeAttrs: "shape=note, style=filled, fillcolor=\"#fff8e1\", color=\"#8d6e63\", fontsize=10", text: "evidence"},
	{key: "source", nodeAttrs: "shape=folder, style=filled, fillcolor=\"#eceff1\", color=\"#78909c\", fontsize=10", text: "source"},
	{key: "actor", nodeAttrs: "shape=ellipse, style=filled, fillcolor=\"#f3e5f5\", color=\"" + colAsserts + "\"", text: "actor"},
	{key: "stub", nodeAttrs: "shape=box, style=\"dashed,rounded\", color=\"" + colGrey + "\", fontcolor=\"" + colGrey + "\", fontsize=9", text: "not in this map"},
	{key: "focus", nodeAttrs: "shape=box, style=\"rounded,filled\", penwidth=3, color=\"" + colFocus + "\", fillcolor=\"" + colFocusBg + "\"", text: "focus"},
	{key: "label:in", nodeAttrs: "shape=box, style=\"rounded,filled\", fillcolor=\"" + colInFill + "\", color=\"" + colInLine + "\"", text: "[IN] stands"},
	{key: "label:out", nodeAttrs: "shape=box, style=\"rounded,filled\", fillcolor=\"" + colOutFill + "\", color=\"" + colOutLine + "\"", text: "[OUT] defeated"},
	{key: "label:undec", nodeAttrs: "shape=box, style=\"rounded,filled\", fillcolor=\"" + colUndecFill + "\", color=\"" + colUndecLine + "\"", text: "[UNDECIDED] open"},
	{key: "supports", edgeAttrs: `color="` + colSupport + `", penwidth=1.8`, text: "supports"},
	{key: "contests", edgeAttrs: `color="` + colContest + `", penwidth=1.8`, text: "contests"},
	{key: "label:relation", edgeAttrs: `color="` + colSupport + `66", penwidth=1.8`, text: "relation that fails or is open"},
	{key: "linked", edgeAttrs: `color="` + colGrey + `", penwidth=1.8, style=dashed`, text: "inferred link"},
	{key: "junction", edgeAttrs: `color="` + colSupport + `", penwidth=1.8, arrowhead=dot`, text: "linked premises / undercut target"},
	{key: "states", edgeAttrs: `color="` + colGrey + `", style=dashed, arrowhead=none`, text: "source states"},
	{key: "asserts", edgeAttrs: `color="` + colAsserts + `", style=dotted, penwidth=1.4`, text: "actor asserts"},
	{key: "disputes", edgeAttrs: `color="` + colDisputes + `", style=dotted, penwidth=1.4, arrowhead=tee`, text: "actor disputes"},
	{key: "named", edgeAttrs: `color="` + colGrey + `", style=dotted, arrowhead=none`, text: "actor named"},
	{key: "cites", edgeAttrs: `color="` + colGrey + `", style=dotted, arrowhead=vee`, text: "cites"},
}

// legend returns the legend cluster: sample nodes of the node kinds drawn,
// then a short sample edge into a text for each edge kind drawn, in rows of
// legendRow entries kept level with rank=same and stacked by invisible edges.
// Edge samples carry no edge labels: labels on edges next to clusters break
// Graphviz's ranking.
func (bd *builder) legend() string {
	var nodes, edges []rowEntry
	for _, it := range legendItems {
		if !bd.present[it.key] {
			continue
		}
		name := quote("legend:" + it.key)
		if it.nodeAttrs != "" {
			lbl := quote(it.text)
			if it.bold {
				lbl = boldLabel(it.text)
			}
			nodes = append(nodes, rowEntry{name, name, fmt.Sprintf("\t\t%s [%s, label=%s];\n", name, it.nodeAttrs, lbl)})
			continue
		}
		tail := quote("legend:" + it.key + ":from")
		edges = append(edges, rowEntry{tail, name, fmt.Sprintf("\t\t%s [shape=point, width=0.05, color=\"%s\"];\n\t\t%s [shape=plaintext, fontsize=10, margin=\"0.08,0\", label=%s];\n\t\t%s -> %s [%s, minlen=2];\n",
			tail, colGrey, name, quote(it.text), tail, name, it.edgeAttrs)})
	}
	if len(nodes)+len(edges) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\tsubgraph cluster_legend {\n")
	title := "Legend"
	if len(bd.opt.Labels) > 0 {
		sem := bd.opt.Semantics
		if sem == "" {
			sem = "an evaluation"
		}
		title = "Legend — colours and badges: labels under " + sem + " semantics"
	}
	b.WriteString("\t\tgraph [label=" + quote(title) + ", labelloc=b, fontsize=11, style=\"rounded\", color=\"#bdbdbd\", margin=8];\n")
	var rows [][]rowEntry
	for len(nodes) > 0 {
		n := min(len(nodes), legendRow)
		rows = append(rows, nodes[:n])
		nodes = nodes[n:]
	}
	for len(edges) > 0 {
		n := min(len(edges), legendRow-1)
		rows = append(rows, edges[:n])
		edges = edges[n:]
	}
	writeRows(&b, rows)
	b.WriteString("\t}\n")
	return b.String()
}

// legendRow is the most entries in one row of the legend.
const legendRow = 4
