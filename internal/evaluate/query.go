package evaluate

import (
	"fmt"

	"github.com/argmap/argmap/internal/argmap"
)

// Query says what to evaluate and what to report.
type Query struct {
	// Semantics to apply; "" picks one with AutoSemantics.
	Semantics Semantics
	// Claim, when set, is the claim to report on: the evaluation lists it
	// first and, besides it, only what lies within Depth relations of it.
	// The whole graph is still evaluated, so labels do not depend on Depth.
	Claim string
	Depth int
}

// AutoSemantics picks the semantics for g: the Carneades evaluation when g
// has anything beyond attacks (supports, evidence, assumptions, issues,
// claims stated in sources), grounded semantics for a pure attack framework
// such as an imported TGF file.
func AutoSemantics(g *argmap.Graph) Semantics {
	if len(g.Evidence) > 0 {
		return SemCarneades
	}
	for i := range g.Relations {
		if g.Relations[i].Kind == argmap.Supports {
			return SemCarneades
		}
	}
	for i := range g.Claims {
		c := &g.Claims[i]
		if c.Assumed || c.Issue != "" || len(c.Spans) > 0 {
			return SemCarneades
		}
	}
	return SemGrounded
}

// Answer evaluates g for q. ENOTFOUND when q.Claim is not a claim of g;
// EINVALID for an unknown semantics; ETOOLARGE when enumeration is bounded
// out (see Limits). g is not changed.
func Answer(g *argmap.Graph, q Query, opt Options) (*Evaluation, error) {
	sem := q.Semantics
	if sem == "" {
		sem = AutoSemantics(g)
	}
	if q.Claim != "" {
		found := false
		for i := range g.Claims {
			if g.Claims[i].ID == q.Claim {
				found = true
				break
			}
		}
		if !found {
			return nil, argmap.Errorf(argmap.ENOTFOUND, "no claim %s", q.Claim)
		}
	}
	ev, err := EvaluateGraph(g, sem, opt)
	if err != nil {
		return nil, err
	}
	if q.Claim == "" {
		return ev, nil
	}
	near := Nearby(g, q.Claim, q.Depth)
	// What decides the claim is listed too, even when it reaches the claim
	// through another claim stating the same proposition.
	relTo := map[string]string{}
	for i := range g.Relations {
		relTo[g.Relations[i].ID] = g.Relations[i].To
	}
	for _, s := range ev.Statements {
		if s.ID != q.Claim {
			continue
		}
		for _, d := range s.Deciding {
			if to, ok := relTo[d.Relation]; ok {
				near[d.Relation], near[to] = true, true
			}
			for _, f := range d.From {
				near[f] = true
			}
		}
	}
	ev.Focus = q.Claim
	stmts := make([]StatementLabel, 0, len(near))
	var focus []StatementLabel
	for _, s := range ev.Statements {
		switch {
		case s.ID == q.Claim:
			focus = append(focus, s)
		case near[s.ID]:
			stmts = append(stmts, s)
		}
	}
	ev.Statements = append(focus, stmts...)
	args := make([]ArgumentLabel, 0, len(near))
	for _, a := range ev.Arguments {
		if near[a.ID] {
			args = append(args, a)
		}
	}
	ev.Arguments = args
	return ev, nil
}

// Nearby returns the IDs of the claims, evidence and relations within depth
// relations of node focus, crossing relations in either direction; a
// relation is included when its premises and target all are.
func Nearby(g *argmap.Graph, focus string, depth int) map[string]bool {
	touching := map[string][]int{} // node or relation ID -> relations with it as premise or target
	for i := range g.Relations {
		r := &g.Relations[i]
		for _, f := range r.From {
			touching[f] = append(touching[f], i)
		}
		touching[r.To] = append(touching[r.To], i)
		touching[r.ID] = append(touching[r.ID], i) // an undercut's target reaches it
	}
	dist := map[string]int{focus: 0}
	frontier := []string{focus}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []string
		for _, x := range frontier {
			for _, i := range touching[x] {
				r := &g.Relations[i]
				ends := append(append([]string{}, r.From...), r.To, r.ID)
				for _, y := range ends {
					if _, seen := dist[y]; !seen {
						dist[y] = d + 1
						next = append(next, y)
					}
				}
			}
		}
		frontier = next
	}
	near := make(map[string]bool, len(dist))
	for id := range dist {
		near[id] = true
	}
	for i := range g.Relations {
		r := &g.Relations[i]
		all := near[r.To]
		for _, f := range r.From {
			all = all && near[f]
		}
		if all {
			near[r.ID] = true
		} else if r.ID != focus {
			delete(near, r.ID)
		}
	}
	return near
}

// LabelMap returns the label of every statement and relation of ev by ID, as
// "in", "out" or "undec" (what a map colours by).
func (ev *Evaluation) LabelMap() map[string]string {
	m := make(map[string]string, len(ev.Statements)+len(ev.Arguments))
	for _, s := range ev.Statements {
		m[s.ID] = s.Label.String()
	}
	for _, a := range ev.Arguments {
		m[a.ID] = a.Label.String()
	}
	return m
}

// Matched is the evaluation of a claim matched to a question, with how the
// claim stands to the question: it states it (same) or denies it; empty when
// it was only found by its words.
type Matched struct {
	Match argmap.Stance `json:"match,omitempty"`
	*Evaluation
}

// Verdict sums up in a sentence the labels of the claims that state or deny a
// question: "it stands", "it does not stand", "contradictory", "neither ...",
// "mixed" or "open". answers come best match first (as a search ranks them):
// the verdict never reads the other way from the closest claim stating or
// denying the question, so that "it stands" is not said above a closest claim
// that is open because some other, weaker match (a clause that only mentions
// it) stands; the others are counted after it.
func Verdict(answers []Matched) string {
	var sameIn, sameOut, denIn, denOut, open, other int
	var lead *Matched
	for i, a := range answers {
		if len(a.Statements) == 0 {
			continue
		}
		l := a.Statements[0].Label
		if lead == nil && a.Match != "" {
			lead = &answers[i]
		}
		switch {
		case a.Match == argmap.StanceSame && l == In:
			sameIn++
		case a.Match == argmap.StanceSame && l == Out:
			sameOut++
		case a.Match == argmap.StanceDenial && l == In:
			denIn++
		case a.Match == argmap.StanceDenial && l == Out:
			denOut++
		case a.Match == "":
			other++
		default:
			open++
		}
	}
	// standing is what the closest claim says of the question: 1 it stands,
	// -1 it does not, 0 undecided.
	standing, role := 0, "stating"
	if lead != nil {
		l := lead.Statements[0].Label
		if lead.Match == argmap.StanceDenial {
			role = "denying"
		}
		switch {
		case l == Undec:
		case (l == In) == (lead.Match == argmap.StanceSame):
			standing = 1
		default:
			standing = -1
		}
	}
	switch {
	case other > 0 && sameIn+sameOut+denIn+denOut+open == 0:
		return "no claim was judged to state or deny it; the closest claims are weighed below"
	case sameIn > 0 && denIn > 0:
		return fmt.Sprintf("contradictory: %s stating it and %s denying it are in (separate propositions)", plural(sameIn, "claim", "claims"), plural(denIn, "claim", "claims"))
	case (sameIn > 0 || denIn > 0) && standing == 0:
		return fmt.Sprintf("open: the closest claim %s it is undecided; %s stating it in, %d denying it in", role, plural(sameIn, "other claim", "other claims"), denIn)
	case sameIn > 0 && standing < 0:
		return fmt.Sprintf("mixed: the closest claim %s it is defeated; %s stating it in, none denying it in", role, plural(sameIn, "other claim", "other claims"))
	case denIn > 0 && standing > 0:
		return fmt.Sprintf("mixed: the closest claim %s it is defeated; %s denying it in, none stating it in", role, plural(denIn, "other claim", "other claims"))
	case sameIn > 0:
		return fmt.Sprintf("it stands: %s stating it in, %d denying it in", plural(sameIn, "claim", "claims"), denIn)
	case denIn > 0:
		return fmt.Sprintf("it does not stand: %s denying it in, none stating it in", plural(denIn, "claim", "claims"))
	case sameOut+denOut > 0 && open == 0:
		return "neither it nor its denial stands on what is stored"
	}
	return "open: what states or denies it is undecided on what is stored"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
