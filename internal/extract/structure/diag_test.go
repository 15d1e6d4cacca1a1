package structure

import (
	"context"
	"math"
	"os"
	"testing"
)

// TestDiagnostics logs the base classifiers' accuracies on gold units under
// cross-validation, beside a three-line attachment rule and the decoded
// trees, to see which stage loses what (ARGMAP_STRUCTURE_DIAG=the
// microtexts directory; sentences split on full stops).
func TestDiagnostics(t *testing.T) {
	docs := diagDocs(t)
	folds := Folds(docs, 5)
	// where the gold and the decoded target stand (the central claim, the
	// unit before, after, farther before or after), and the central claim's
	// position (first, last, else middle)
	where := func(i, h, root int) string {
		switch {
		case h == root:
			return "central"
		case h == i-1:
			return "prev"
		case h == i+1:
			return "next"
		case h < i:
			return "before"
		}
		return "after"
	}
	pos := func(i, n int) string {
		switch i {
		case 0:
			return "first"
		case n - 1:
			return "last"
		}
		return "middle"
	}
	attConf, ccConf := map[string]int{}, map[string]int{}
	// relations the scorer cannot find even from the gold units: a unit
	// inside another's span (a central claim restated at the end) stands for
	// that one
	reachable, scored := 0, 0
	for _, d := range docs {
		g := d.Gold
		for i, h := range g.Head {
			if h < 0 || g.Undercut[i] || g.Linked[i] {
				continue
			}
			scored++
			if bestSpan(g.Units[i], g) == i && bestSpan(g.Units[h], g) == h {
				reachable++
			}
		}
	}
	t.Logf("scored gold relations %d, reachable from the gold units %d (recall at most %.3f)", scored, reachable, float64(reachable)/float64(scored))
	var decCC, decUA, decLA, ruleOK int
	var kFun, kRole, kGoldRole, kN int // kinds of the rightly attached relations
	var grUA, grLA int                 // attachment when the decoder is given the gold central claim
	var ccOK, roleOK, funOK, attOK, undOK, n, nf, nu, docsN int
	for f := 0; f < 5; f++ {
		train, test := foldSplit(docs, folds, f)
		m, _, err := Train(context.Background(), train, TrainOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range test {
			g := d.Gold
			units := goldUnits(d)
			v := newView(d.Text, units)
			docsN++
			ccBest := 0
			for i, bz := 0, math.Inf(-1); i < len(units); i++ {
				var fs featureSet
				v.ccFeatures(&fs, i)
				if z := m.cc.score(fs.fs); z > bz {
					ccBest, bz = i, z
				}
			}
			v.opp = make([]float64, len(units))
			for i := range units {
				var fs featureSet
				v.unitFeatures(&fs, i, true)
				v.opp[i] = m.role.prob(fs.fs)
			}
			for i := range units {
				var fs featureSet
				v.unitFeatures(&fs, i, true)
				n++
				if (m.role.prob(fs.fs) > 0.5) == g.Opp[i] {
					roleOK++
				}
				if i == g.Central {
					continue
				}
				nf++
				if (m.function.prob(fs.fs) > 0.5) == (g.Kind[i] == Attack) {
					funOK++
				}
				bj, bjp := -1, math.Inf(-1)
				for j := range units {
					if j == i {
						continue
					}
					var ps featureSet
					v.pairFeatures(&ps, i, j)
					if j == ccBest {
						v.rootFeatures(&ps, i, j)
					}
					if p := m.attach.prob(ps.fs); p > bjp {
						bj, bjp = j, p
					}
				}
				rj := ccBest
				if c := v.info[i].class; i > 0 && (c == classCausal || c == classExample || c == classContrast && v.opp[i-1] > 0.5) {
					rj = i - 1
				}
				if rj == i {
					rj = (i + 1) % len(units)
				}
				if rj == g.Head[i] {
					ruleOK++
				}
				if bj == g.Head[i] {
					attOK++
				}
				if h := g.Head[i]; g.Kind[i] == Attack && h != g.Central {
					nu++
					var us featureSet
					v.undercutFeatures(&us, i, h)
					if (m.undercut.prob(us.fs) > 0.5) == g.Undercut[i] {
						undOK++
					}
				}
			}
			if ccBest == g.Central {
				ccOK++
			}
			tr := m.decode(newView(d.Text, units), 0, len(units))
			if tr.root == g.Central {
				decCC++
			}
			ccConf[pos(g.Central, len(units))+" -> "+pos(tr.root, len(units))]++
			for _, r := range tr.rels {
				k := where(r.From, g.Head[r.From], g.Central) + " -> " + where(r.From, r.To, tr.root)
				if g.Head[r.From] == r.To {
					k += " (right)"
				}
				attConf[k]++
			}
			for _, r := range m.decodeRoot(newView(d.Text, units), 0, len(units), g.Central).rels {
				if g.Head[r.From] == r.To {
					grUA++
					if g.Kind[r.From] == r.Kind {
						grLA++
					}
				}
			}
			for _, r := range tr.rels {
				if g.Head[r.From] == r.To {
					ka := g.Kind[r.From] == Attack
					if (tr.att[r.From] > 0.5) == ka {
						kFun++
					}
					if ((tr.opp[r.From] > 0.5) != (tr.opp[r.To] > 0.5)) == ka {
						kRole++
					}
					if (g.Opp[r.From] != g.Opp[r.To]) == ka {
						kGoldRole++
					}
					kN++
				}
			}
			for _, r := range tr.rels {
				if g.Head[r.From] == r.To {
					decUA++
					if g.Kind[r.From] == r.Kind {
						decLA++
					}
				}
			}
		}
	}
	t.Logf("cc argmax %.3f, role %.3f, function %.3f, attach argmax %.3f, undercut %.3f (%d)",
		float64(ccOK)/float64(docsN), float64(roleOK)/float64(n), float64(funOK)/float64(nf),
		float64(attOK)/float64(nf), float64(undOK)/float64(nu), nu)
	t.Logf("rule attach %.3f", float64(ruleOK)/float64(nf))
	t.Logf("gold target -> decoded target, on gold units: %v", attConf)
	t.Logf("gold central claim position -> decoded: %v", ccConf)
	// in microtexts a relation attacks exactly when its ends are on
	// different sides (the gold roles give 1.000)
	t.Logf("kind of the rightly attached (%d) by the function classifier alone %.3f, by the predicted roles differing %.3f, by the gold roles differing %.3f",
		kN, float64(kFun)/float64(kN), float64(kRole)/float64(kN), float64(kGoldRole)/float64(kN))
	t.Logf("decoded with the gold central claim given: unlabelled attachment %.3f, labelled %.3f", float64(grUA)/float64(nf), float64(grLA)/float64(nf))
	t.Logf("decoded: root %.3f, unlabelled attachment %.3f, labelled %.3f", float64(decCC)/float64(docsN), float64(decUA)/float64(nf), float64(decLA)/float64(nf))
}

// diagDocs reads the microtexts of ARGMAP_STRUCTURE_DIAG, sentences split on
// full stops, for the diagnostic tests, and skips the test when it is unset.
func diagDocs(t *testing.T) []Doc {
	t.Helper()
	dir := os.Getenv("ARGMAP_STRUCTURE_DIAG")
	if dir == "" {
		t.Skip("set ARGMAP_STRUCTURE_DIAG to the microtexts directory")
	}
	docs, err := ReadMicrotexts(dir, simpleSentences)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// diagOwnTexts reads our own labelled texts (owntexts/) the same way: the
// diagnostic tests train on them as the shipped weights do.
func diagOwnTexts(t *testing.T) []Doc {
	t.Helper()
	own, err := ReadMicrotexts("owntexts", simpleSentences)
	if err != nil {
		t.Fatal(err)
	}
	return own
}

// foldSplit returns the documents outside fold f (to train on) and those in
// it (to test), in their order.
func foldSplit(docs []Doc, folds []int, f int) (train, test []Doc) {
	for i, d := range docs {
		if folds[i] == f {
			test = append(test, d)
		} else {
			train = append(train, d)
		}
	}
	return train, test
}
