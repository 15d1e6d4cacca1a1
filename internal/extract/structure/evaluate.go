package structure

// Score is how well parsed structures match gold ones, counted the way the
// project's microtexts scorer (shared/eval/score_micro.py) counts: a
// predicted unit stands for the gold unit it overlaps most when the overlap
// covers half of either; a relation counts when both ends and its kind
// match (undercuts are not counted); the central claim is right when its
// unit is a gold unit with no relation of its own.
type Score struct {
	Texts      int     `json:"texts"`
	CentralAcc float64 `json:"central_claim_acc"`
	RelationP  float64 `json:"relation_p"`
	RelationR  float64 `json:"relation_r"`
	RelationF1 float64 `json:"relation_f1"`
	// SegmentF1 is the F1 of predicted unit boundaries (starts) against
	// the gold units' starts.
	SegmentF1 float64 `json:"segment_f1"`
}

// Evaluate segments and parses every doc with m and scores the result
// against the docs' gold structures.
func Evaluate(m *Model, docs []Doc) Score { return evaluate(m, docs, false) }

// evaluate is Evaluate, on the gold units when oracle is set.
func evaluate(m *Model, docs []Doc, oracle bool) Score {
	return evaluateWith(m, docs, oracle, func(text string, units []Unit) Structure {
		return m.Parse(text, units, ParseOptions{})
	})
}

// evaluateWith is evaluate with the structures parse gives (m segments).
func evaluateWith(m *Model, docs []Doc, oracle bool, parse func(text string, units []Unit) Structure) Score {
	var s Score
	cc, gRel, pRel, tp := 0, 0, 0, 0
	segTP, segP, segG := 0, 0, 0
	for _, d := range docs {
		g := d.Gold
		if g == nil {
			continue
		}
		s.Texts++
		units := m.Segment(d.Text, d.Sentences)
		if oracle {
			units = goldUnits(d)
		}
		st := parse(d.Text, units)
		gs := map[int]bool{}
		for _, u := range g.Units {
			gs[u.Start] = true
		}
		segG += len(g.Units)
		segP += len(units)
		for _, u := range units {
			if gs[u.Start] {
				segTP++
			}
		}
		best := make([]int, len(units))
		for i, u := range units {
			best[i] = bestSpan(u, g)
		}
		if len(st.Central) > 0 {
			if b := best[st.Central[0]]; b >= 0 && (b == g.Central || g.Linked[b]) {
				cc++
			}
		}
		gold := map[[3]int]bool{}
		for i, h := range g.Head {
			if h >= 0 && !g.Undercut[i] && !g.Linked[i] {
				gold[[3]int{i, h, int(g.Kind[i])}] = true
			}
		}
		got := map[[3]int]bool{}
		for _, r := range st.Relations {
			if r.Undercut {
				continue
			}
			a, b := best[r.From], best[r.To]
			if a >= 0 && b >= 0 {
				got[[3]int{a, b, int(r.Kind)}] = true
			}
		}
		gRel += len(gold)
		pRel += len(got)
		for k := range got {
			if gold[k] {
				tp++
			}
		}
	}
	if s.Texts > 0 {
		s.CentralAcc = float64(cc) / float64(s.Texts)
	}
	s.RelationP, s.RelationR, s.RelationF1 = prf(tp, pRel, gRel)
	_, _, s.SegmentF1 = prf(segTP, segP, segG)
	return s
}

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// bestUnit returns the index of the gold unit u overlaps most, when the
// overlap covers half of either, or -1.
func bestUnit(u Unit, gold []Unit) int {
	best, bo := -1, 0
	for k, g := range gold {
		ov := min(u.End, g.End) - max(u.Start, g.Start)
		if ov > bo && (2*ov >= g.End-g.Start || 2*ov >= u.End-u.Start) {
			best, bo = k, ov
		}
	}
	return best
}

// bestSpan returns the gold unit u stands for as the project's scorer finds
// it: over the scorer's spans, in its order.
func bestSpan(u Unit, g *Gold) int {
	if len(g.Spans) != len(g.Units) || len(g.SpanOrder) != len(g.Units) {
		return bestUnit(u, g.Units)
	}
	best, bo := -1, 0
	for _, k := range g.SpanOrder {
		s := g.Spans[k]
		ov := min(u.End, s.End) - max(u.Start, s.Start)
		if ov > bo && (2*ov >= s.End-s.Start || 2*ov >= u.End-u.Start) {
			best, bo = k, ov
		}
	}
	return best
}
