package structure

import (
	"context"
	"fmt"
	"math"
	"sort"
	"testing"
)

// TestContextAlternatives tells whether a rule that reads a unit's place
// in the decoded tree could win relations, before anyone writes one
// (ARGMAP_STRUCTURE_DIAG=the microtexts directory; five-fold topic CV, seed
// 1, our own texts in training, predicted units and central claim, as
// Evaluate parses). Every unit with a relation to a unit is put in one
// context: its opening connective class, whether it opens its sentence,
// what the decoded tree does with the unit before it (it is the central
// claim, supports it, attacks it, bears on another unit, undercuts, has no
// relation) and where the unit itself was sent (the unit before, the
// central claim, the target of the unit before, another). For each context
// it logs how many relations the decoder got right (target and kind, as
// the scorer counts) and how many would have the right target were the
// unit sent to the unit before, to the central claim or to the target of
// the unit before instead. A rule that moves a context's units from where
// they were sent to an alternative gains only where the alternative's
// count beats the decoder's. The rules that read the decoded tree
// (replies, answered, coordinate) have run already; the largest context
// left, a new sentence with no connective after a support of the central
// claim and sent to it, is not such a one (see the README). It fails when
// its relation counts disagree with Evaluate's.
func TestContextAlternatives(t *testing.T) {
	docs := diagDocs(t)
	own := diagOwnTexts(t)
	type tally struct{ n, right, prev, root, sib int }
	tallies := map[string]*tally{}
	// losses[target][connective class][lossClass]: gold relations
	losses := map[string]map[string]map[string]int{}
	lossRight := 0
	folds := Folds(docs, 5)
	tp, pred, gold := 0, 0, 0
	evaluated := 0.0
	for f := 0; f < 5; f++ {
		train, test := foldSplit(docs, folds, f)
		m, _, err := Train(context.Background(), train, TrainOptions{Extra: own})
		if err != nil {
			t.Fatal(err)
		}
		var ftp, fpred, fgold int
		for _, d := range test {
			g := d.Gold
			units := m.Segment(d.Text, d.Sentences)
			st := m.Parse(d.Text, units, ParseOptions{})
			v := newView(d.Text, units)
			best := make([]int, len(units))
			for i, u := range units {
				best[i] = bestSpan(u, g)
			}
			goldKind := map[[2]int]Kind{}
			for i, h := range g.Head {
				if h >= 0 && !g.Undercut[i] && !g.Linked[i] {
					goldKind[[2]int{i, h}] = g.Kind[i]
				}
			}
			head := make([]int, len(units))
			kind := make([]Kind, len(units))
			und := make([]bool, len(units))
			for i := range head {
				head[i] = -1
			}
			got := map[[3]int]bool{}
			for _, r := range st.Relations {
				head[r.From], kind[r.From], und[r.From] = r.To, r.Kind, r.Undercut
				if a, b := best[r.From], best[r.To]; !r.Undercut && a >= 0 && b >= 0 {
					got[[3]int{a, b, int(r.Kind)}] = true
				}
			}
			fgold += len(goldKind)
			fpred += len(got)
			for k := range got {
				if gk, ok := goldKind[[2]int{k[0], k[1]}]; ok && int(gk) == k[2] {
					ftp++
				}
			}
			root := -1
			if len(st.Central) > 0 {
				root = st.Central[0]
			}
			gv := newView(d.Text, goldUnits(d))
			for i, h := range g.Head {
				k, ok := goldKind[[2]int{i, h}]
				if !ok {
					continue
				}
				c := lossClass(i, h, k, best, head, kind, und, root)
				lossRight += boolInt(c == "right")
				trg := pick(h == g.Central, "the central claim", "another unit")
				if losses[trg] == nil {
					losses[trg] = map[string]map[string]int{}
				}
				cls := orNone(gv.info[i].class)
				if losses[trg][cls] == nil {
					losses[trg][cls] = map[string]int{}
				}
				losses[trg][cls][c]++
			}
			if root < 0 {
				continue
			}
			// targetRight tells whether unit i sent to unit j would
			// have its gold target (of either kind)
			targetRight := func(i, j int) bool {
				if j < 0 || j == i || best[i] < 0 || best[j] < 0 {
					return false
				}
				_, ok := goldKind[[2]int{best[i], best[j]}]
				return ok
			}
			for i := range units {
				if head[i] < 0 || und[i] {
					continue
				}
				p := i - 1
				var before string
				switch {
				case p < 0:
					before = "(first)"
				case p == root:
					before = "the central claim"
				case head[p] < 0:
					before = "no relation"
				case und[p]:
					before = "an undercut"
				case head[p] == root && kind[p] == Support:
					before = "a support of it"
				case head[p] == root:
					before = "an attack on it"
				default:
					before = "a unit on another"
				}
				sib := -1
				if p >= 0 {
					sib = head[p]
				}
				var sent string
				switch head[i] {
				case p:
					sent = "the unit before"
				case root:
					sent = "the central claim"
				case sib:
					sent = "its target"
				default:
					sent = "another"
				}
				place := "inner"
				if v.info[i].sentFirst {
					place = "opens"
				}
				key := fmt.Sprintf("%-11s %-5s after %-18s sent to %s", orNone(v.info[i].class), place, before, sent)
				c := tallies[key]
				if c == nil {
					c = &tally{}
					tallies[key] = c
				}
				c.n++
				if a, b := best[i], best[head[i]]; a >= 0 && b >= 0 {
					if gk, ok := goldKind[[2]int{a, b}]; ok && gk == kind[i] {
						c.right++
					}
				}
				c.prev += boolInt(p != root && targetRight(i, p))
				c.root += boolInt(targetRight(i, root))
				c.sib += boolInt(sib != root && sib != p && targetRight(i, sib))
			}
		}
		_, _, f1 := prf(ftp, fpred, fgold)
		evaluated += f1 / 5
		if s := Evaluate(m, test); math.Abs(s.RelationF1-f1) > 1e-9 {
			t.Errorf("fold %d: relation F1 %.4f from the parses, Evaluate's %.4f", f, f1, s.RelationF1)
		}
		tp, pred, gold = tp+ftp, pred+fpred, gold+fgold
	}
	p, r, f1 := prf(tp, pred, gold)
	t.Logf("pooled over the folds: relation P %.3f R %.3f F1 %.3f (mean of the folds %.3f)", p, r, f1, evaluated)
	if lossRight != tp {
		t.Errorf("%d gold relations right by lossClass, %d found", lossRight, tp)
	}
	logLosses(t, losses)
	keys := make([]string, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(a, b int) bool {
		if tallies[keys[a]].n != tallies[keys[b]].n {
			return tallies[keys[a]].n > tallies[keys[b]].n
		}
		return keys[a] < keys[b]
	})
	t.Logf("%-78s %4s %5s   target right if sent to: the unit before / the central claim / the target of the unit before", "connective, sentence, the unit before, where the unit went", "n", "right")
	for _, k := range keys {
		c := tallies[k]
		t.Logf("%-78s %4d %5d   %3d / %3d / %3d", k, c.n, c.right, c.prev, c.root, c.sib)
	}
}

// lossClasses are lossClass's answers, in the order logLosses shows them.
var lossClasses = []string{"right", "kind", "target", "undercut", "source central", "no relation", "seg: source", "seg: target"}

// lossClass tells where the gold relation from unit i to unit h (gold
// units) of kind k is lost in a parse: best maps each predicted unit to the
// gold unit it stands for (-1: none), head, kind and und are each predicted
// unit's relation (head -1: none), root the predicted central claim. The
// relation is right when a unit standing for i bears on one standing for h
// with kind k (as Evaluate counts), else, the first that applies: the kind
// is the other; a unit standing for i undercuts the relation of one
// standing for h; no predicted unit stands for i (seg: source) or for h
// (seg: target); one standing for i is the predicted central claim (source
// central); none standing for i has a relation (no relation); they bear on
// another unit (target).
func lossClass(i, h int, k Kind, best, head []int, kind []Kind, und []bool, root int) string {
	var src, trg, central, related, undercut, otherKind bool
	for u, b := range best {
		trg = trg || b == h
		if b != i {
			continue
		}
		src = true
		central = central || u == root
		if head[u] < 0 {
			continue
		}
		related = true
		if best[head[u]] == h {
			switch {
			case und[u]:
				undercut = true
			case kind[u] == k:
				return "right"
			default:
				otherKind = true
			}
		}
	}
	switch {
	case otherKind:
		return "kind"
	case undercut:
		return "undercut"
	case !src:
		return "seg: source"
	case !trg:
		return "seg: target"
	case central:
		return "source central"
	case !related:
		return "no relation"
	}
	return "target"
}

// logLosses logs losses[target][connective class][lossClass] as a table, a
// row a target and class, with each target's total.
func logLosses(t *testing.T, losses map[string]map[string]map[string]int) {
	t.Helper()
	head := fmt.Sprintf("%-32s %5s", "gold target, source connective", "n")
	for _, c := range lossClasses {
		head += fmt.Sprintf(" %9s", c)
	}
	t.Log("where the gold relations are lost:")
	t.Log(head)
	for _, trg := range []string{"the central claim", "another unit"} {
		total := map[string]int{}
		classes := make([]string, 0, len(losses[trg]))
		for cls := range losses[trg] {
			classes = append(classes, cls)
		}
		sort.Strings(classes)
		row := func(name string, counts map[string]int) {
			n := 0
			for _, v := range counts {
				n += v
			}
			line := fmt.Sprintf("%-32s %5d", name, n)
			for _, c := range lossClasses {
				line += fmt.Sprintf(" %9d", counts[c])
			}
			t.Log(line)
		}
		for _, cls := range classes {
			row(trg+", "+cls, losses[trg][cls])
			for c, v := range losses[trg][cls] {
				total[c] += v
			}
		}
		row(trg+", all", total)
	}
}
