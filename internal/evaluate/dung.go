package evaluate

import (
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// DungFramework builds the abstract framework of a graph: its arguments are
// the claims, the evidence and the contests relations; a contest attacks its
// target (a claim, or a contest it undercuts), and whatever attacks a premise
// of a contest attacks the contest too. A contest the linker found between two
// claims (opposite propositions) attacks both ways. Supports play no part in
// Dung semantics. g is not changed.
func DungFramework(g *argmap.Graph) *Framework {
	return dungFramework(g, dungRelations(g))
}

// reverseSuffix names the other reading of a linked denial.
const reverseSuffix = "~reverse"

// dungRelations returns the relations of g with, for every contest the
// linker found between two claims, its reading the other way (named
// ID~reverse).
func dungRelations(g *argmap.Graph) []argmap.Relation {
	claims := make(map[string]bool, len(g.Claims))
	for i := range g.Claims {
		claims[g.Claims[i].ID] = true
	}
	out := append([]argmap.Relation(nil), g.Relations...)
	for i := range g.Relations {
		r := &g.Relations[i]
		if r.Kind == argmap.Contests && r.Origin == argmap.OriginLinked && len(r.From) == 1 &&
			claims[r.From[0]] && claims[r.To] && r.From[0] != r.To {
			back := *r
			back.ID, back.From, back.To = r.ID+reverseSuffix, []string{r.To}, r.From[0]
			out = append(out, back)
		}
	}
	return out
}

func dungFramework(g *argmap.Graph, rels []argmap.Relation) *Framework {
	f := NewFramework()
	for _, n := range graphNodes(g) {
		f.AddArgument(n.id)
	}
	attackersOf := map[string][]string{}
	for i := range rels {
		r := &rels[i]
		if r.Kind == argmap.Contests {
			f.AddArgument(r.ID)
			attackersOf[r.To] = append(attackersOf[r.To], r.ID)
		}
	}
	for i := range rels {
		r := &rels[i]
		if r.Kind != argmap.Contests {
			continue
		}
		if _, ok := f.Index(r.To); ok {
			f.AddAttack(r.ID, r.To)
		}

		for _, p := range r.From {
			for _, a := range attackersOf[p] {
				f.AddAttack(a, r.ID)
			}
		}
	}
	return f
}

func evaluateDung(g *argmap.Graph, sem Semantics, lim Limits) (*Evaluation, error) {
	all := dungRelations(g)
	f := dungFramework(g, all)
	res, err := Evaluate(f, sem, lim)
	if err != nil {
		return nil, err
	}
	nodes := graphNodes(g)
	namer := newRelNamer(g)
	rels := map[string]*argmap.Relation{}
	for i := range all {
		rels[all[i].ID] = &all[i]
	}
	isNode := map[string]bool{}
	for _, n := range nodes {
		isNode[n.id] = true
	}
	label := func(id string) Label {
		i, _ := f.Index(id)
		return res.Labels[i]
	}
	ev := &Evaluation{Semantics: sem, Count: res.Count, Statements: make([]StatementLabel, 0, len(nodes)),
		Arguments: make([]ArgumentLabel, 0, len(g.Relations))}
	for _, n := range nodes {
		i, _ := f.Index(n.id)
		cred, scep := res.Credulous[i], res.Sceptical[i]
		sl := StatementLabel{ID: n.id, Key: n.key, Text: n.text, Label: res.Labels[i], Kind: n.kind,
			Credulous: &cred, Sceptical: &scep}
		sl.Reason, sl.Deciding = dungReason(f, res, i, rels, namer, label)
		ev.Statements = append(ev.Statements, sl)
	}
	for i := range g.Relations {
		r := &g.Relations[i]
		al := ArgumentLabel{ID: r.ID, Key: r.Title, Kind: string(r.Kind), From: r.From, To: r.To, Weight: relWeight(r)}
		if k, ok := f.Index(r.ID); ok {
			al.Label = res.Labels[k]
			al.Reason, _ = dungReason(f, res, k, rels, namer, label)
		} else {
			al.Label, al.Reason = premiseLabel(r, label)
		}
		ev.Arguments = append(ev.Arguments, al)
	}
	for _, ext := range res.Extensions {
		var ids []string
		for _, id := range ext {
			if isNode[id] {
				ids = append(ids, id)
			}
		}
		if ids == nil {
			ids = []string{}
		}
		ev.Extensions = append(ev.Extensions, ids)
	}
	if res.Count == 0 {
		ev.Note = "the framework has no " + string(sem) + " extension (an odd cycle of attacks): nothing is accepted"
	}
	return ev, nil
}

// premiseLabel labels a supports relation by its premises: In when all are
// In, Out when one is Out.
func premiseLabel(r *argmap.Relation, label func(string) Label) (Label, string) {
	l := In
	for _, p := range r.From {
		switch label(p) {
		case Out:
			return Out, "a premise is out"
		case Undec:
			l = Undec
		}
	}
	if l == In {
		return In, "every premise is in (supports play no part in Dung semantics)"
	}
	return Undec, "a premise is undecided"
}

func dungReason(f *Framework, res *Result, i int, rels map[string]*argmap.Relation, namer *relNamer, label func(string) Label) (string, []Decider) {
	var in, open, out []int
	for _, a := range f.Attackers(i) {
		switch res.Labels[a] {
		case In:
			in = append(in, a)
		case Undec:
			open = append(open, a)
		default:
			out = append(out, a)
		}
	}
	describe := func(as []int) (string, []Decider) {
		var parts []string
		var ds []Decider
		for _, a := range as {
			id := f.Name(a)
			r := rels[id]
			if r == nil {
				parts = append(parts, namer.names[id])
				continue
			}
			var from []string
			for _, p := range r.From {
				from = append(from, namer.names[p])
			}
			target := "it"
			if r.To != f.Name(i) {
				target = "a premise"
			}
			name := namer.name(r)
			if r.Title != "" || strings.HasSuffix(r.ID, reverseSuffix) { // an untitled relation's name says what it joins
				name += " from " + strings.Join(from, " + ")
			}
			parts = append(parts, name+" (contesting "+target+", "+res.Labels[a].String()+")")
			ds = append(ds, Decider{Relation: strings.TrimSuffix(r.ID, reverseSuffix), Key: r.Title, Kind: "contests", From: r.From, Weight: relWeight(r), Label: res.Labels[a]})
		}
		return strings.Join(parts, "; "), ds
	}
	sem := string(res.Semantics)
	switch res.Labels[i] {
	case In:
		if len(f.Attackers(i)) == 0 {
			return "in: nothing contests it", nil
		}
		s, ds := describe(out)
		return "in: every attack on it fails under " + sem + " semantics: " + s, ds
	case Out:
		if len(in) > 0 {
			s, ds := describe(in)
			return "out: defeated by " + s, ds
		}
		s, ds := describe(open)
		return "out: in every " + sem + " extension one of these defeats it: " + s, ds
	}
	if res.Count == 0 {
		return "undec: the framework has no " + sem + " extension", nil
	}
	s, ds := describe(open)
	if len(open) == 0 {
		return "undec", nil
	}
	if res.Credulous[i] {
		return "undec: accepted in some " + sem + " extensions but not all; open attacks: " + s, ds
	}
	return "undec: attacked by arguments that are themselves undecided: " + s, ds
}
