package aif

import (
	"sort"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// Default S-node texts AIFdb writes.
const (
	defaultInference = "Default Inference"
	defaultConflict  = "Default Conflict"
	asserting        = "Asserting"
	disagreeing      = "Disagreeing"
)

// emptyText stands in for an I-node without text (a claim needs text).
const emptyText = "(empty)"

// Result tells what ToGraph kept and left out.
type Result struct {
	Dropped map[string]int // node type -> nodes with no place in argmap
}

// ToGraph maps d onto an argmap graph whose claims, relations and actors cite
// src: every ID is derived from src.ID and the AIF nodeID, so the same
// document always gives the same graph. src itself is not added to the graph.
// It returns EINVALID when an RA or CA node has no I-node premise, no target
// or several targets, or its premises are not valid (an I-node given twice,
// a premise that is its own target), naming the node.
func ToGraph(d *Document, src argmap.Source, now time.Time) (*argmap.Graph, Result, error) {
	res := Result{Dropped: map[string]int{}}
	g := &argmap.Graph{}
	byID := make(map[ID]*Node, len(d.Nodes))
	for i := range d.Nodes {
		byID[d.Nodes[i].NodeID] = &d.Nodes[i]
	}
	in := map[ID][]ID{}  // node -> nodes with an edge into it, in edge order
	out := map[ID][]ID{} // node -> nodes it has an edge to
	for _, e := range d.Edges {
		in[e.ToID] = append(in[e.ToID], e.FromID)
		out[e.FromID] = append(out[e.FromID], e.ToID)
	}
	ids := map[ID]string{} // AIF node -> argmap ID
	for _, n := range d.Nodes {
		switch n.Type {
		case TypeI:
			ids[n.NodeID] = argmap.DerivedID(argmap.KindClaim, src.ID, string(n.NodeID))
		case TypeRA, TypeCA:
			ids[n.NodeID] = argmap.DerivedID(argmap.KindRelation, src.ID, string(n.NodeID))
		}
	}
	claimAt := map[ID]int{}
	for _, n := range d.Nodes {
		if n.Type != TypeI {
			continue
		}
		text := strings.TrimSpace(n.Text)
		if text == "" {
			text = emptyText
		}
		claimAt[n.NodeID] = len(g.Claims)
		g.Claims = append(g.Claims, argmap.Claim{
			ID: ids[n.NodeID], Text: text, Origin: argmap.OriginCurated, Score: 1, CreatedAt: now,
		})
	}
	for _, n := range d.Nodes {
		if n.Type != TypeRA && n.Type != TypeCA {
			continue
		}
		r := argmap.Relation{ID: ids[n.NodeID], Kind: argmap.Supports, Origin: argmap.OriginCurated, Score: 1,
			Scheme: schemeOf(n), CreatedAt: now}
		if n.Type == TypeCA {
			r.Kind = argmap.Contests
		}
		for _, p := range in[n.NodeID] {
			if byID[p].Type == TypeI {
				r.From = append(r.From, ids[p])
			}
		}
		var targets []ID
		for _, t := range out[n.NodeID] {
			if k := byID[t].Type; k == TypeI || k == TypeRA || k == TypeCA {
				targets = append(targets, t)
			}
		}
		name := n.Type + " node " + shorten(string(n.NodeID), 40)
		switch {
		case len(r.From) == 0:
			return nil, res, argmap.Errorf(argmap.EINVALID, "AIF: %s has no premise (no edge from an I-node)", name)
		case len(targets) == 0:
			return nil, res, argmap.Errorf(argmap.EINVALID, "AIF: %s has no conclusion (no edge to an I, RA or CA node)", name)
		case len(targets) > 1:
			return nil, res, argmap.Errorf(argmap.EINVALID, "AIF: %s has %d conclusions; argmap needs one per inference", name, len(targets))
		}
		r.To = ids[targets[0]]
		if err := r.Validate(); err != nil {
			return nil, res, argmap.Errorf(argmap.EINVALID, "AIF: %s: %s", name, argmap.ErrorMessage(err))
		}
		g.Relations = append(g.Relations, r)
	}
	speakers := map[ID]string{}
	for _, l := range d.Locutions {
		if l.PersonID != "" {
			speakers[l.NodeID] = "person " + string(l.PersonID)
		}
	}
	actors := map[string]bool{}
	for _, n := range d.Nodes {
		switch n.Type {
		case TypeI, TypeRA, TypeCA, TypeL:
			continue
		case TypeYA:
			if anchorSpeakers(n, byID, in, out, speakers, claimAt, g, actors, now) {
				continue
			}
		}
		res.Dropped[n.Type]++
	}
	sort.Slice(g.Actors, func(i, j int) bool { return g.Actors[i].ID < g.Actors[j].ID })
	return g, res, nil
}

// anchorSpeakers records the speakers of the L-nodes anchored by the YA-node
// n as actors of the claims it anchors them to. It reports whether n anchored
// anything argmap keeps.
func anchorSpeakers(n Node, byID map[ID]*Node, in, out map[ID][]ID, speakers map[ID]string,
	claimAt map[ID]int, g *argmap.Graph, actors map[string]bool, now time.Time) bool {
	role := roleOf(n)
	if role == "" {
		return false
	}
	var claims []int
	for _, t := range out[n.NodeID] {
		if i, ok := claimAt[t]; ok && byID[t].Type == TypeI {
			claims = append(claims, i)
		}
	}
	kept := false
	for _, l := range in[n.NodeID] {
		if byID[l].Type != TypeL {
			continue
		}
		name := speakerOf(*byID[l], speakers)
		if name == "" {
			continue
		}
		id := argmap.ActorID(name)
		if !actors[id] {
			actors[id] = true
			g.Actors = append(g.Actors, argmap.Actor{ID: id, Name: name, Kind: argmap.ActorPerson, CreatedAt: now})
		}
		for _, i := range claims {
			c := &g.Claims[i]
			ref := argmap.ActorRef{ActorID: id, Role: role}
			dup := false
			for _, a := range c.Actors {
				dup = dup || a == ref
			}
			if !dup {
				c.Actors = append(c.Actors, ref)
				kept = true
			}
		}
	}
	return kept
}

// roleOf maps an illocution to the role its speaker plays in the content:
// asserting-like schemes assert it, disagreement disputes it; questions and
// other schemes give "".
func roleOf(n Node) argmap.Role {
	s := strings.ToLower(n.Scheme + " " + n.Text)
	switch {
	case strings.Contains(s, "disagree"), strings.Contains(s, "challeng"):
		return argmap.RoleDisputes
	case strings.Contains(s, "question"):
		return ""
	case strings.Contains(s, "assert"), strings.Contains(s, "agree"), strings.Contains(s, "restat"), strings.Contains(s, "argu"):
		return argmap.RoleAsserts
	}
	return ""
}

// speakerOf returns who uttered the L-node: the name before " : " in its
// text (AIFdb's "Speaker : words"), else the locution's person.
func speakerOf(l Node, speakers map[ID]string) string {
	if i := strings.Index(l.Text, " : "); i > 0 {
		if name := strings.TrimSpace(l.Text[:i]); name != "" && len(name) <= argmap.MaxNameLen {
			return name
		}
	}
	return speakers[l.NodeID]
}

// schemeOf returns the scheme name of an S-node, "" for the defaults.
func schemeOf(n Node) string {
	s := strings.TrimSpace(n.Scheme)
	if s == "" {
		s = strings.TrimSpace(n.Text)
	}
	switch s {
	case "", TypeRA, TypeCA, defaultInference, defaultConflict:
		return ""
	}
	if len(s) > argmap.MaxNameLen {
		s = shorten(s, argmap.MaxNameLen-4)
	}
	return s
}

// FromGraph writes g as an AIF document: claims and evidence as I-nodes,
// relations as RA (supports) and CA (contests) nodes with their edges, and
// actors who assert or dispute a claim as L-nodes anchored by YA-nodes.
// Relations with an endpoint outside g are left out, as are relations that
// depend on them. Node IDs are numbers in a stable order (claims and evidence
// by ID, then relations by ID).
func FromGraph(g *argmap.Graph) *Document {
	d := &Document{Nodes: []Node{}, Edges: []Edge{}}
	seq := 0
	next := func() ID { seq++; return itoa(seq) }
	node := map[string]ID{}
	ts := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.UTC().Format("2006-01-02 15:04:05")
	}
	claims := append([]argmap.Claim(nil), g.Claims...)
	sort.Slice(claims, func(i, j int) bool { return claims[i].ID < claims[j].ID })
	evidence := append([]argmap.Evidence(nil), g.Evidence...)
	sort.Slice(evidence, func(i, j int) bool { return evidence[i].ID < evidence[j].ID })
	for _, c := range claims {
		id := next()
		node[c.ID] = id
		d.Nodes = append(d.Nodes, Node{NodeID: id, Text: c.Text, Type: TypeI, Timestamp: ts(c.CreatedAt)})
	}
	for _, e := range evidence {
		id := next()
		node[e.ID] = id
		d.Nodes = append(d.Nodes, Node{NodeID: id, Text: e.Text, Type: TypeI, Timestamp: ts(e.CreatedAt)})
	}
	// A relation is written when its premises and target are written; a
	// target that is a relation must be written first, so iterate to a fixed
	// point (relations form a forest over relation targets).
	rels := append([]argmap.Relation(nil), g.Relations...)
	sort.Slice(rels, func(i, j int) bool { return rels[i].ID < rels[j].ID })
	relIDs := map[string]bool{}
	for _, r := range rels {
		relIDs[r.ID] = true
	}
	done := map[string]bool{}
	for progress := true; progress; {
		progress = false
		for _, r := range rels {
			if done[r.ID] {
				continue
			}
			ok := r.To != "" && len(r.From) > 0
			for _, f := range r.From {
				_, in := node[f]
				ok = ok && in && argmap.KindOf(f) != argmap.KindRelation
			}
			if _, in := node[r.To]; !in {
				ok = false
			}
			if !ok {
				continue
			}
			done[r.ID] = true
			progress = true
			id := next()
			node[r.ID] = id
			n := Node{NodeID: id, Type: TypeRA, Text: defaultInference, Timestamp: ts(r.CreatedAt)}
			if r.Kind == argmap.Contests {
				n.Type, n.Text = TypeCA, defaultConflict
			}
			if r.Scheme != "" {
				n.Text, n.Scheme = r.Scheme, r.Scheme
			}
			d.Nodes = append(d.Nodes, n)
			for _, f := range r.From {
				d.Edges = append(d.Edges, Edge{EdgeID: next(), FromID: node[f], ToID: id})
			}
			d.Edges = append(d.Edges, Edge{EdgeID: next(), FromID: id, ToID: node[r.To]})
		}
	}
	names := map[string]string{}
	for _, a := range g.Actors {
		names[a.ID] = a.Name
	}
	for _, c := range claims {
		for _, a := range c.Actors {
			name := names[a.ActorID]
			if name == "" || (a.Role != argmap.RoleAsserts && a.Role != argmap.RoleDisputes) {
				continue
			}
			l := next()
			d.Nodes = append(d.Nodes, Node{NodeID: l, Text: name + " : " + c.Text, Type: TypeL})
			ya := next()
			text := asserting
			if a.Role == argmap.RoleDisputes {
				text = disagreeing
			}
			d.Nodes = append(d.Nodes, Node{NodeID: ya, Text: text, Type: TypeYA, Scheme: text})
			d.Edges = append(d.Edges, Edge{EdgeID: next(), FromID: l, ToID: ya}, Edge{EdgeID: next(), FromID: ya, ToID: node[c.ID]})
		}
	}
	return d
}
