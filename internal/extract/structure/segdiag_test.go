package structure

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// SegDiagnosis is what segmentation costs one model on some texts: the
// segmenter's boundaries and units against the gold ones, relation counts
// decoded on the predicted and on the gold units, and for every kind of
// segmentation error how many there were and how many scored relations
// (true positives, predictions) fixing each one alone would change.
type SegDiagnosis struct {
	// boundaries: unit starts inside a sentence (a sentence start is a
	// unit start on both sides)
	BoundTP, BoundPred, BoundGold int
	// units whose start and end both match a gold unit's
	UnitTP, UnitPred, UnitGold int
	// relations as Evaluate counts them: predicted units, gold units
	TP, Pred, Gold             int
	GoldTP, GoldPred, GoldGold int
	Errors                     map[string]*SegErrors
	// Shown is every error with its kind, what fixing it alone wins and
	// the text either side: "name<TAB>kind<TAB>tp<TAB>before|after".
	Shown []string
}

// SegErrors counts the segmentation errors of one kind and what fixing
// each alone (the others left as they are) does to the relations.
type SegErrors struct {
	N, DTP, DPred int
}

// Add adds o to d.
func (d *SegDiagnosis) Add(o SegDiagnosis) {
	d.BoundTP += o.BoundTP
	d.BoundPred += o.BoundPred
	d.BoundGold += o.BoundGold
	d.UnitTP += o.UnitTP
	d.UnitPred += o.UnitPred
	d.UnitGold += o.UnitGold
	d.TP += o.TP
	d.Pred += o.Pred
	d.Gold += o.Gold
	d.GoldTP += o.GoldTP
	d.GoldPred += o.GoldPred
	d.GoldGold += o.GoldGold
	d.Shown = append(d.Shown, o.Shown...)
	if d.Errors == nil {
		d.Errors = map[string]*SegErrors{}
	}
	for k, e := range o.Errors {
		if d.Errors[k] == nil {
			d.Errors[k] = &SegErrors{}
		}
		d.Errors[k].N += e.N
		d.Errors[k].DTP += e.DTP
		d.Errors[k].DPred += e.DPred
	}
}

// Lines formats d for a log: the figures, then the error kinds by the
// relations they cost.
func (d SegDiagnosis) Lines() []string {
	bp, br, bf := prf(d.BoundTP, d.BoundPred, d.BoundGold)
	up, ur, uf := prf(d.UnitTP, d.UnitPred, d.UnitGold)
	_, _, f := prf(d.TP, d.Pred, d.Gold)
	_, _, gf := prf(d.GoldTP, d.GoldPred, d.GoldGold)
	out := []string{
		fmt.Sprintf("inner boundaries P %.3f R %.3f F1 %.3f (%d/%d/%d); units P %.3f R %.3f F1 %.3f",
			bp, br, bf, d.BoundTP, d.BoundPred, d.BoundGold, up, ur, uf),
		fmt.Sprintf("relation F1 predicted units %.3f (tp %d pred %d gold %d), gold units %.3f (tp %d pred %d)",
			f, d.TP, d.Pred, d.Gold, gf, d.GoldTP, d.GoldPred),
	}
	var ks []string
	for k := range d.Errors {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(a, b int) bool {
		ea, eb := d.Errors[ks[a]], d.Errors[ks[b]]
		if ea.DTP != eb.DTP {
			return ea.DTP > eb.DTP
		}
		return ks[a] < ks[b]
	})
	for _, k := range ks {
		e := d.Errors[k]
		out = append(out, fmt.Sprintf("  %-50s n %3d  fixing each alone: tp %+d pred %+d", k, e.N, e.DTP, e.DPred))
	}
	return out
}

// RelationF1 returns the relation F1 on the predicted and the gold units.
func (d SegDiagnosis) RelationF1() (pred, gold float64) {
	_, _, pred = prf(d.TP, d.Pred, d.Gold)
	_, _, gold = prf(d.GoldTP, d.GoldPred, d.GoldGold)
	return pred, gold
}

// DiagnoseSegmentation segments and parses every doc with m and sets out
// what the segmentation errors cost.
func DiagnoseSegmentation(m *Model, docs []Doc) SegDiagnosis {
	d := SegDiagnosis{Errors: map[string]*SegErrors{}}
	for _, doc := range docs {
		if doc.Gold == nil {
			continue
		}
		d.Add(diagnoseDoc(m, doc))
	}
	return d
}

// relCounts parses units and counts relations as evaluate does.
func relCounts(m *Model, doc Doc, units []Unit) (tp, pred, gold int) {
	g := doc.Gold
	st := m.Parse(doc.Text, units, ParseOptions{})
	best := make([]int, len(units))
	for i, u := range units {
		best[i] = bestSpan(u, g)
	}
	want := map[[3]int]bool{}
	for i, h := range g.Head {
		if h >= 0 && !g.Undercut[i] && !g.Linked[i] {
			want[[3]int{i, h, int(g.Kind[i])}] = true
		}
	}
	got := map[[3]int]bool{}
	for _, r := range st.Relations {
		if a, b := best[r.From], best[r.To]; !r.Undercut && a >= 0 && b >= 0 {
			got[[3]int{a, b, int(r.Kind)}] = true
		}
	}
	for k := range got {
		if want[k] {
			tp++
		}
	}
	return tp, len(got), len(want)
}

func diagnoseDoc(m *Model, doc Doc) SegDiagnosis {
	d := SegDiagnosis{Errors: map[string]*SegErrors{}}
	units := m.Segment(doc.Text, doc.Sentences)
	gunits := goldSegments(doc)
	d.TP, d.Pred, d.Gold = relCounts(m, doc, units)
	d.GoldTP, d.GoldPred, d.GoldGold = relCounts(m, doc, gunits)
	gs := map[[2]int]bool{}
	for _, u := range gunits {
		gs[[2]int{u.Start, u.End}] = true
	}
	d.UnitGold, d.UnitPred = len(gunits), len(units)
	for _, u := range units {
		if gs[[2]int{u.Start, u.End}] {
			d.UnitTP++
		}
	}
	sentStart := map[int]bool{}
	for _, s := range doc.Sentences {
		sentStart[s.Start] = true
	}
	pred, gold := map[int]bool{}, map[int]bool{}
	for _, u := range units {
		pred[u.Start] = true
	}
	for _, u := range gunits {
		gold[u.Start] = true
	}
	// errors: a gold start no unit starts at (missed), a unit start no
	// gold unit starts at (extra); a missed and an extra one in the same
	// sentence with no other boundary between them are one error in the
	// wrong place
	type bound struct {
		at    int
		extra bool
	}
	var errs []bound
	for at := range gold {
		if !pred[at] {
			errs = append(errs, bound{at, false})
		}
	}
	for at := range pred {
		if !gold[at] {
			errs = append(errs, bound{at, true})
		}
		if !sentStart[at] {
			d.BoundPred++
			if gold[at] {
				d.BoundTP++
			}
		}
	}
	for at := range gold {
		if !sentStart[at] {
			d.BoundGold++
		}
	}
	sort.Slice(errs, func(a, b int) bool { return errs[a].at < errs[b].at })
	sentOf := func(at int) int {
		for si, s := range doc.Sentences {
			if at >= s.Start && at < s.End {
				return si
			}
		}
		return -1
	}
	between := func(a, b int) bool { // a boundary of either side strictly between a and b
		for at := range pred {
			if at > a && at < b {
				return true
			}
		}
		for at := range gold {
			if at > a && at < b {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(errs); i++ {
		e := errs[i]
		fixed := units
		var kind string
		if i+1 < len(errs) && errs[i+1].extra != e.extra && sentOf(e.at) == sentOf(errs[i+1].at) && sentOf(e.at) >= 0 &&
			!between(e.at, errs[i+1].at) {
			o := errs[i+1]
			i++
			missed, extra := e.at, o.at
			if e.extra {
				missed, extra = o.at, e.at
			}
			kind = "wrong place: " + boundaryKind(doc, missed)
			fixed = splitAt(doc.Text, unsplitAt(units, extra), missed)
		} else if e.extra {
			kind = "extra: " + boundaryKind(doc, e.at)
			fixed = unsplitAt(units, e.at)
		} else {
			kind = "missed: " + boundaryKind(doc, e.at)
			fixed = splitAt(doc.Text, units, e.at)
		}
		tp, pr, _ := relCounts(m, doc, fixed)
		at := errs[i].at
		d.Shown = append(d.Shown, fmt.Sprintf("%s\t%s\t%+d\t%s|%s", doc.Name, kind, tp-d.TP,
			doc.Text[max(0, at-60):at], doc.Text[at:min(len(doc.Text), at+40)]))
		if d.Errors[kind] == nil {
			d.Errors[kind] = &SegErrors{}
		}
		d.Errors[kind].N++
		d.Errors[kind].DTP += tp - d.TP
		d.Errors[kind].DPred += pr - d.Pred
	}
	return d
}

// goldSegments returns the segmentation of doc a perfect segmenter would
// give: its gold units, except that a unit whose EDUs lie apart (a central
// claim restated at the end: its span holds other units) is cut into its
// runs of EDUs outside the other units.
func goldSegments(doc Doc) []Unit {
	g := doc.Gold
	units := goldUnits(doc)
	var out []Unit
	for i, u := range units {
		inner := false
		for j, o := range units {
			inner = inner || j != i && o.Start > u.Start && o.Start < u.End
		}
		if !inner {
			out = append(out, u)
			continue
		}
		run := -1 // the index in out of the run being extended
		for _, e := range g.EDUs {
			if e.Start < u.Start || e.End > u.End {
				continue
			}
			other := false
			for j, o := range units {
				other = other || j != i && e.Start >= o.Start && e.End <= o.End && (o.End-o.Start < u.End-u.Start)
			}
			if other {
				run = -1
				continue
			}
			if run >= 0 {
				out[run].End = e.End
				continue
			}
			out = append(out, Unit{Start: e.Start, End: e.End})
			run = len(out) - 1
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	for i := range out {
		out[i].Sent, out[i].Para = -1, 0
		for si, s := range doc.Sentences {
			if out[i].Start >= s.Start && out[i].Start < s.End {
				out[i].Sent, out[i].Para = si, s.Para
				break
			}
		}
		if out[i].Sent < 0 {
			out[i].Sent = len(doc.Sentences) - 1
		}
	}
	return out
}

// splitAt splits the unit of units holding offset at there.
func splitAt(text string, units []Unit, at int) []Unit {
	out := make([]Unit, 0, len(units)+1)
	for _, u := range units {
		if at > u.Start && at < u.End {
			out = append(out, Unit{Start: u.Start, End: trimRight(text, u.Start, at), Sent: u.Sent, Para: u.Para},
				Unit{Start: at, End: u.End, Sent: u.Sent, Para: u.Para})
			continue
		}
		out = append(out, u)
	}
	return out
}

// unsplitAt joins the unit starting at offset at to the one before.
func unsplitAt(units []Unit, at int) []Unit {
	out := make([]Unit, 0, len(units))
	for i, u := range units {
		if i > 0 && u.Start == at {
			p := out[len(out)-1]
			out[len(out)-1] = Unit{Start: p.Start, End: u.End, Sent: p.Sent, Para: p.Para}
			continue
		}
		out = append(out, u)
	}
	return out
}

// boundaryKind names the kind of a unit boundary at offset at: a sentence
// start, else by the punctuation before it and the word after it.
func boundaryKind(doc Doc, at int) string {
	for _, s := range doc.Sentences {
		if at == s.Start {
			return "sentence start"
		}
		if at < s.Start || at >= s.End {
			continue
		}
		toks := tokenize(doc.Text, s.Start, s.End, nil)
		ws := words(toks)
		sw := newSentWords(ws)
		k := -1
		for j := 1; j < len(toks); j++ {
			if at > toks[j-1].Start && at <= toks[j].Start {
				k = j
				break
			}
		}
		if k < 0 {
			return "inside a word"
		}
		gap := doc.Text[toks[k-1].End:toks[k].Start]
		cand := false
		var first bool
		for ci, c := range candidates(doc.Text, toks, sw, nil) {
			if c.k == k {
				cand, first = true, ci == 0
			}
		}
		c, _ := connectiveAt(ws, k)
		s0, _ := connectiveAt(ws, 0)
		var kind string
		switch {
		case strings.ContainsAny(gap, ";:(") || strings.Contains(gap, "—") || strings.Contains(gap, "–") || strings.Contains(gap, " - "):
			kind = "semicolon, colon, dash"
		case c == classCausal:
			kind = "causal clause" + pick(strings.Contains(gap, ","), " after a comma", "")
		case strings.Contains(gap, ",") && s0 == classConcession && first:
			kind = "comma after an opening concession"
		case strings.Contains(gap, ",") && (s0 == classCondition || s0 == classCausal) && first:
			kind = "comma after an opening " + s0 + " clause"
		case c != classNone:
			kind = pick(strings.Contains(gap, ","), "comma + ", "no comma + ") + c
		case participle(ws[k], sw.fl[k]):
			kind = "participle clause"
		case strings.Contains(gap, ","):
			kind = "comma + " + pick(sw.fl[k]&(wSubject|wAux) != 0, "subject or verb", "other word")
		default:
			kind = "no punctuation, no connective"
		}
		if !cand {
			kind += " (no candidate)"
		}
		return kind
	}
	return "outside the sentences"
}

// SplitCV scores the split classifier alone under cross-validation: it is
// fitted on the split points of the other folds' docs (and extra) and
// scored on the fold's, as Train labels them. It returns the mean log loss,
// that of the training folds' share of splits taken as every point's
// probability (base), and for each threshold of ths the F1 of the split
// points it takes.
func SplitCV(docs, extra []Doc, k int, l2 float64, ths []float64) (logLoss, base float64, f1 []float64) {
	exs := func(ds []Doc) []example {
		var out []example
		fs := &featureSet{names: map[uint64]string{}}
		for _, d := range ds {
			goldSplits(fs, d, func(x example) { out = append(out, x) })
		}
		return out
	}
	folds := Folds(docs, k)
	tp, pred := make([]int, len(ths)), make([]int, len(ths))
	gold, n := 0, 0
	for f := 0; f < k; f++ {
		train, test := foldSplit(docs, folds, f)
		trainExs := exs(append(train, extra...))
		m := fit(trainExs, fitOptions{Epochs: 15, Rate: 0.1, L2: l2, Seed: 2})
		q := 0.0
		for _, x := range trainExs {
			if x.y {
				q++
			}
		}
		q /= float64(len(trainExs))
		for _, x := range exs(test) {
			p := m.prob(x.fs)
			n++
			if x.y {
				gold++
				logLoss -= math.Log(max(p, 1e-9))
				base -= math.Log(q)
			} else {
				logLoss -= math.Log(max(1-p, 1e-9))
				base -= math.Log(1 - q)
			}
			for i, t := range ths {
				if p >= t {
					pred[i]++
					if x.y {
						tp[i]++
					}
				}
			}
		}
	}
	for i := range ths {
		_, _, f := prf(tp[i], pred[i], gold)
		f1 = append(f1, f)
	}
	return logLoss / float64(n), base / float64(n), f1
}
