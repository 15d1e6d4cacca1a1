package structure

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// Boosted trees stacked on the short texts' attachment classifier: a
// non-linear learner over the pairs attach.short is fitted on, to tell
// whether interactions of their features (distance x connective class x
// place x the target's role), which a linear score reads only where a
// cross feature was written by hand, carry what the linear model misses.
// Test code only: under the five-fold CV they did not (TestAttachTreesCV,
// the README), so no model ships them.

// boosted is a sum of shallow regression trees (gradient boosting of the
// logistic loss, or of a softmax over each unit's targets) added to a
// linear score.
type boosted struct {
	feats []uint64       // the binary features the trees test, by index
	col   map[uint64]int // feature id -> index in feats
	trees [][]bnode
}

// bnode is a node of a tree: a leaf (feat == leafNode) holds its value x;
// a split sends an example right when binary feature feat is on (feat >=
// 0) or when dense value denseIndex(feat) exceeds x (feat < leafNode),
// else left.
type bnode struct {
	feat        int
	x           float64
	left, right int
}

const leafNode = -1

func denseNode(k int) int  { return -2 - k }
func denseIndex(f int) int { return -2 - f }

// boostOptions control the fitting of boosted trees.
type boostOptions struct {
	Depth    int     // the deepest split (2: four leaves at most)
	Rounds   int     // trees
	Shrink   float64 // each tree's values are scaled by it
	Lambda   float64 // L2 on leaf values
	MinCount int     // a binary feature is tested when on in this many examples; a child holds at least this many
	MinHess  float64 // the least hessian of a child
	Margin   bool    // the trees may split on the linear score (dense value 0)
	Dense    bool    // the trees may split on the other dense values
	Softmax  bool    // fit a softmax over each group's examples (a unit's targets), not each pair alone
}

// boostSet is a set of examples: their features, dense values (dense[i][0]
// the linear score, the base the trees add to) and groups (the examples of
// one unit's targets, consecutive).
type boostSet struct {
	exs   []example
	dense [][]float64
	group []int
}

// boostData lays a set out over the trees' binary columns.
type boostData struct {
	cols  [][]int32
	dense [][]float64
	y     []bool
}

func newBoostData(s boostSet, col map[uint64]int) *boostData {
	d := &boostData{cols: make([][]int32, len(s.exs)), dense: s.dense, y: make([]bool, len(s.exs))}
	for i, ex := range s.exs {
		var cs []int32
		for _, f := range ex.fs {
			if c, ok := col[f.id]; ok && f.v > 0.5 {
				cs = append(cs, int32(c))
			}
		}
		sort.Slice(cs, func(a, b int) bool { return cs[a] < cs[b] })
		k := 0
		for j, c := range cs {
			if j == 0 || c != cs[j-1] {
				cs[k] = c
				k++
			}
		}
		d.cols[i], d.y[i] = cs[:k], ex.y
	}
	return d
}

func (d *boostData) goesRight(i, feat int, x float64) bool {
	if feat < leafNode {
		return d.dense[i][denseIndex(feat)] > x
	}
	cs := d.cols[i]
	k := sort.Search(len(cs), func(k int) bool { return cs[k] >= int32(feat) })
	return k < len(cs) && cs[k] == int32(feat)
}

func treeValue(t []bnode, d *boostData, i int) float64 {
	k := 0
	for t[k].feat != leafNode {
		if d.goesRight(i, t[k].feat, t[k].x) {
			k = t[k].right
		} else {
			k = t[k].left
		}
	}
	return t[k].x
}

// score is the trees' sum for one example.
func (b *boosted) score(fs []feat, dense []float64) float64 {
	d := newBoostData(boostSet{exs: []example{{fs: fs}}, dense: [][]float64{dense}}, b.col)
	z := 0.0
	for _, t := range b.trees {
		z += treeValue(t, d, 0)
	}
	return z
}

// quantileCuts returns up to n-1 thresholds of dense value k of dense.
func quantileCuts(dense [][]float64, k, n int) []float64 {
	s := make([]float64, len(dense))
	for i, d := range dense {
		s[i] = d[k]
	}
	sort.Float64s(s)
	var cuts []float64
	for q := 1; q < n; q++ {
		x := math.Round(s[q*len(s)/n]*1e4) / 1e4
		if len(cuts) == 0 || x > cuts[len(cuts)-1] {
			cuts = append(cuts, x)
		}
	}
	return cuts
}

// gradients writes the loss's gradient and hessian at scores f into g, h.
func gradients(f []float64, y []bool, group []int, softmax bool, g, h []float64) {
	if !softmax {
		for i := range f {
			p := sigmoid(f[i])
			g[i], h[i] = p, p*(1-p)
			if y[i] {
				g[i] = p - 1
			}
		}
		return
	}
	softmaxGroups(f, group, func(a, b int, mx, sum float64) {
		for k := a; k < b; k++ {
			p := math.Exp(f[k]-mx) / sum
			g[k], h[k] = p, p*(1-p)
			if y[k] {
				g[k] = p - 1
			}
		}
	})
}

// softmaxGroups calls each with every run [a, b) of equal group ids in f's
// order, the run's largest score mx and its sum of exp(f[k]-mx).
func softmaxGroups(f []float64, group []int, each func(a, b int, mx, sum float64)) {
	for a := 0; a < len(f); {
		b, mx := a, f[a]
		for b < len(f) && group[b] == group[a] {
			mx = max(mx, f[b])
			b++
		}
		sum := 0.0
		for k := a; k < b; k++ {
			sum += math.Exp(f[k] - mx)
		}
		each(a, b, mx, sum)
		a = b
	}
}

// fitBoosted fits opt.Rounds trees to tr, the binary features on in at
// least opt.MinCount examples and the dense values opt allows their tests.
// When test is given, trace[r] is eval of test's scores under the first r
// trees, r = 0..Rounds. Deterministic: no sampling; ties go to the first
// binary feature by id, then the first dense value.
func fitBoosted(tr boostSet, opt boostOptions, test *boostSet, eval func(f []float64, s *boostSet) float64) (*boosted, []float64) {
	count := map[uint64]int{}
	for _, ex := range tr.exs {
		for _, f := range ex.fs {
			if f.v > 0.5 {
				count[f.id]++
			}
		}
	}
	var ids []uint64
	for id, c := range count {
		if c >= opt.MinCount {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
	b := &boosted{feats: ids, col: make(map[uint64]int, len(ids))}
	for c, id := range ids {
		b.col[id] = c
	}
	n := len(tr.exs)
	d := newBoostData(tr, b.col)
	// cuts[k]: the thresholds of dense value k (nil: not tested); bin[k][i]:
	// the first threshold not below example i's value
	nd := len(tr.dense[0])
	cuts, bin := make([][]float64, nd), make([][]int, nd)
	for k := range cuts {
		if k == 0 && !opt.Margin || k > 0 && !opt.Dense {
			continue
		}
		cuts[k], bin[k] = quantileCuts(tr.dense, k, 32), make([]int, n)
		for i := range bin[k] {
			bin[k][i] = sort.SearchFloat64s(cuts[k], tr.dense[i][k])
		}
	}
	f := make([]float64, n)
	for i := range f {
		f[i] = tr.dense[i][0]
	}
	var td *boostData
	var tf, trace []float64
	if test != nil {
		td = newBoostData(*test, b.col)
		tf = make([]float64, len(test.exs))
		for i := range tf {
			tf[i] = test.dense[i][0]
		}
		trace = append(trace, eval(tf, test))
	}
	g, h := make([]float64, n), make([]float64, n)
	gc, hc, nc := make([]float64, len(ids)), make([]float64, len(ids)), make([]int, len(ids))
	gb, hb, nb := make([]float64, 33), make([]float64, 33), make([]int, 33)
	all := make([]int, n)
	for i := range all {
		all[i] = i
	}
	for r := 0; r < opt.Rounds; r++ {
		gradients(f, d.y, tr.group, opt.Softmax, g, h)
		var t []bnode
		var grow func(idx []int, dep int) int
		grow = func(idx []int, dep int) int {
			var G, H float64
			for _, i := range idx {
				G, H = G+g[i], H+h[i]
			}
			k := len(t)
			t = append(t, bnode{feat: leafNode, x: -G / (H + opt.Lambda) * opt.Shrink})
			if dep >= opt.Depth || len(idx) < 2*opt.MinCount {
				return k
			}
			parent := G * G / (H + opt.Lambda)
			ok := func(n int, hs float64) bool { return n >= opt.MinCount && hs >= opt.MinHess }
			gain := func(gl, hl float64) float64 {
				return gl*gl/(hl+opt.Lambda) + (G-gl)*(G-gl)/(H-hl+opt.Lambda) - parent
			}
			best, bestFeat, bestX := 1e-9, leafNode, 0.0
			clear(gc)
			clear(hc)
			clear(nc)
			for _, i := range idx {
				for _, c := range d.cols[i] {
					gc[c], hc[c], nc[c] = gc[c]+g[i], hc[c]+h[i], nc[c]+1
				}
			}
			for c := range ids {
				if ok(nc[c], hc[c]) && ok(len(idx)-nc[c], H-hc[c]) {
					if x := gain(gc[c], hc[c]); x > best {
						best, bestFeat = x, c
					}
				}
			}
			for q := range cuts {
				if cuts[q] == nil {
					continue
				}
				clear(gb)
				clear(hb)
				clear(nb)
				for _, i := range idx {
					gb[bin[q][i]] += g[i]
					hb[bin[q][i]] += h[i]
					nb[bin[q][i]]++
				}
				var gl, hl float64
				nl := 0
				for c := range cuts[q] { // left: values <= cuts[q][c]
					gl, hl, nl = gl+gb[c], hl+hb[c], nl+nb[c]
					if ok(nl, hl) && ok(len(idx)-nl, H-hl) {
						if x := gain(gl, hl); x > best {
							best, bestFeat, bestX = x, denseNode(q), cuts[q][c]
						}
					}
				}
			}
			if bestFeat == leafNode {
				return k
			}
			var left, right []int
			for _, i := range idx {
				if d.goesRight(i, bestFeat, bestX) {
					right = append(right, i)
				} else {
					left = append(left, i)
				}
			}
			l := grow(left, dep+1)
			rt := grow(right, dep+1)
			t[k] = bnode{feat: bestFeat, x: bestX, left: l, right: rt}
			return k
		}
		grow(all, 0)
		b.trees = append(b.trees, t)
		for i := range f {
			f[i] += treeValue(t, d, i)
		}
		if td != nil {
			for i := range tf {
				tf[i] += treeValue(t, td, i)
			}
			trace = append(trace, eval(tf, test))
		}
	}
	return b, trace
}

// logLoss is the mean logistic loss of scores f for s's labels.
func logLoss(f []float64, s *boostSet) float64 {
	l := 0.0
	for i, z := range f {
		p := sigmoid(z)
		if s.exs[i].y {
			l -= math.Log(max(p, 1e-12))
		} else {
			l -= math.Log(max(1-p, 1e-12))
		}
	}
	return l / float64(len(f))
}

// headAccuracy is the share of s's groups (a unit's targets) whose best
// scoring example is a positive one (the unit's gold target).
func headAccuracy(f []float64, s *boostSet) float64 {
	right, n := 0, 0
	for a := 0; a < len(f); {
		b, best := a, a
		for b < len(f) && s.group[b] == s.group[a] {
			if f[b] > f[best] {
				best = b
			}
			b++
		}
		n++
		if s.exs[best].y {
			right++
		}
		a = b
	}
	return float64(right) / float64(n)
}

// pairDenseN is the number of dense values of a pair (pairDense).
const pairDenseN = 11

// pairDense writes the dense values of unit i attaching to unit j into out
// (pairDenseN long), out[0], the linear score, left as it is: the signed
// distance, i's length in words and the log ratio of the two lengths, the
// cosine of their word vectors and its distance below the nearest other
// unit's to i, both units' opponent probabilities, the content stems they
// share, and where each stands in the text.
func (v *view) pairDense(i, j int, out []float64) {
	n := len(v.units)
	li, lj := float64(len(v.info[i].ws)), float64(len(v.info[j].ws))
	out[1], out[2], out[3] = float64(j-i), li, math.Log((li+1)/(lj+1))
	out[4], out[5] = 0, 0
	if v.cos != nil {
		c, top := v.cos[i*n+j], -1.0
		for k := 0; k < n; k++ {
			if k != i && k != j {
				top = max(top, v.cos[i*n+k])
			}
		}
		out[4], out[5] = c, c-top
	}
	out[6], out[7] = 0.5, 0.5
	if v.opp != nil {
		out[6], out[7] = v.opp[i], v.opp[j]
	}
	out[8] = float64(v.shared[i*n+j])
	out[9], out[10] = float64(i)/float64(max(n-1, 1)), float64(j)/float64(max(n-1, 1))
}

// TestBoostedInteraction fits boosted trees where the label is an
// interaction no linear score reads: with binary feature a on, y is a
// dense value above 0.5; with it off, y is binary feature b (a tenth of
// the labels flipped, a third feature noise only). The trees must find it
// on examples they were not fitted on, and not without the dense value.
func TestBoostedInteraction(t *testing.T) {
	ka, kb, kc := newKey("a"), newKey("b"), newKey("noise")
	gen := func(seed uint64, n int) boostSet {
		rng := rand.New(rand.NewPCG(seed, 7))
		var s boostSet
		for i := 0; i < n; i++ {
			a, b, c, x := rng.IntN(2) == 1, rng.IntN(2) == 1, rng.IntN(2) == 1, rng.Float64()
			var fs []feat
			for k, key := range []featureKey{ka, kb, kc} {
				if []bool{a, b, c}[k] {
					fs = append(fs, feat{id: key.h, v: 1})
				}
			}
			y := b
			if a {
				y = x > 0.5
			}
			if rng.IntN(10) == 0 {
				y = !y
			}
			s.exs = append(s.exs, example{fs: fs, y: y})
			s.dense = append(s.dense, []float64{0, x})
			s.group = append(s.group, i)
		}
		return s
	}
	tr, te := gen(1, 2000), gen(2, 1000)
	for _, dense := range []bool{true, false} {
		opt := boostOptions{Depth: 3, Rounds: 60, Shrink: 0.3, Lambda: 1, MinCount: 10, MinHess: 1, Dense: dense}
		b, trace := fitBoosted(tr, opt, &te, logLoss)
		if len(trace) != opt.Rounds+1 {
			t.Fatalf("fitBoosted gave %d losses, want %d", len(trace), opt.Rounds+1)
		}
		right := 0
		for i, ex := range te.exs {
			if (b.score(ex.fs, te.dense[i]) > 0) == ex.y {
				right++
			}
		}
		acc := float64(right) / float64(len(te.exs))
		// at chance the loss is log 2 = 0.693; the flipped tenth allows
		// about 0.33, and 0.9 of the labels right
		if dense && (trace[0] < 0.69 || trace[opt.Rounds] > 0.40 || acc < 0.85) {
			t.Errorf("with the dense value: held-out loss %.3f -> %.3f, accuracy %.3f; want 0.693 -> <= 0.40, >= 0.85",
				trace[0], trace[opt.Rounds], acc)
		}
		// without it, a = on leaves a coin: about 0.45 + 0.25 right
		if !dense && (acc > 0.75 || trace[opt.Rounds] < 0.45) {
			t.Errorf("without the dense value: held-out loss %.3f, accuracy %.3f; want >= 0.45, <= 0.75", trace[opt.Rounds], acc)
		}
	}
}

// TestAttachTreesCV asks whether boosted trees stacked on attach.short, the
// short texts' attachment classifier, read more of the held-out pairs than
// it does (ARGMAP_STRUCTURE_DIAG=the microtexts directory; five-fold topic
// CV, seed 1, our own texts in training, gold units). For each fold it
// trains the model as Train does, takes the pairs attach.short was fitted
// on (recordPairs), gives each its linear score cross-fitted on five inner
// topic folds of the training texts (as the linear model scores texts it
// has not seen), fits the trees on them in several forms and logs, pooled
// over the folds' held-out pairs (scored by the fold's attach.short, with
// the role probabilities of the fold's model, as decoding scores them),
// the mean log loss (or the softmax loss over each unit's targets) and the
// share of units whose best-scoring target is the gold one, by rounds.
// The forms: splits on the pairs' binary features alone (interactions the
// linear score lacks), with the pair's dense values too (distance,
// lengths, cosines, roles, shared stems, places), and with the linear
// score itself (which lets the trees recalibrate it). It fails when the
// recorded pairs do not give attach.short's weights back.
func TestAttachTreesCV(t *testing.T) {
	docs := diagDocs(t)
	own := diagOwnTexts(t)
	folds := Folds(docs, 5)
	base := boostOptions{Depth: 2, Rounds: 300, Shrink: 0.03, Lambda: 5, MinCount: 20, MinHess: 1}
	forms := []struct {
		name                   string
		margin, dense, softmax bool
	}{
		{"binary", false, false, false},
		{"binary+dense", false, true, false},
		{"margin+binary", true, false, false},
		{"margin+binary+dense", true, true, false},
		{"softmax binary", false, false, true},
		{"softmax margin+binary+dense", true, true, true},
	}
	at := []int{0, 10, 25, 50, 100, 200, 300}
	type sums struct{ loss, head [][]float64 } // [form][at]
	var pooled sums
	pooled.loss, pooled.head = make([][]float64, len(forms)), make([][]float64, len(forms))
	for k := range forms {
		pooled.loss[k], pooled.head[k] = make([]float64, len(at)), make([]float64, len(at))
	}
	nTest, nGroups := 0, 0
	for f := 0; f < 5; f++ {
		train, test := foldSplit(docs, folds, f)
		var tr boostSet
		var trDoc []int
		opt := TrainOptions{Extra: own, recordPairs: func(exs []example, doc, src, trg []int, opp [][]float64) {
			tr.exs, trDoc = exs, doc
			views := map[int]*view{}
			for k := range exs {
				v := views[doc[k]]
				if v == nil {
					d := train[doc[k]]
					v = newView(d.Text, goldUnits(d))
					v.opp = opp[doc[k]]
					v.unitVecs()
					v.unitCos()
					views[doc[k]] = v
				}
				dv := make([]float64, pairDenseN)
				v.pairDense(src[k], trg[k], dv)
				tr.dense = append(tr.dense, dv)
				tr.group = append(tr.group, doc[k]*1000+src[k])
			}
		}}
		m, _, err := Train(context.Background(), train, opt)
		if err != nil {
			t.Fatal(err)
		}
		lin := fitOptions{Epochs: 15, Rate: 0.1, L2: 1e-3, Seed: 1 + 5}
		if got := fit(tr.exs, lin); !sameWeights(got, m.attachShort) {
			t.Fatalf("fold %d: the recorded pairs do not give attach.short's weights back", f)
		}
		// the training pairs' linear scores, cross-fitted on inner folds
		inner := Folds(train, 5)
		for g := 0; g < 5; g++ {
			var part []example
			for k, ex := range tr.exs {
				if inner[trDoc[k]] != g {
					part = append(part, ex)
				}
			}
			lr := fit(part, lin)
			for k, ex := range tr.exs {
				if inner[trDoc[k]] == g {
					tr.dense[k][0] = lr.score(ex.fs)
				}
			}
		}
		te := heldOutPairs(m, test)
		nTest += len(te.exs)
		groups := headGroups(te)
		nGroups += groups
		for k, form := range forms {
			o := base
			o.Margin, o.Dense, o.Softmax = form.margin, form.dense, form.softmax
			var head []float64
			eval := func(f []float64, s *boostSet) float64 {
				head = append(head, headAccuracy(f, s))
				if form.softmax {
					return softmaxLoss(f, s)
				}
				return logLoss(f, s)
			}
			_, loss := fitBoosted(tr, o, &te, eval)
			for a, r := range at {
				w := float64(len(te.exs))
				if form.softmax {
					w = float64(groups)
				}
				pooled.loss[k][a] += loss[r] * w
				pooled.head[k][a] += head[r] * float64(groups)
			}
		}
	}
	for k, form := range forms {
		var b strings.Builder
		for a, r := range at {
			w := float64(nTest)
			if form.softmax {
				w = float64(nGroups)
			}
			fmt.Fprintf(&b, " %d: %.4f / %.4f", r, pooled.loss[k][a]/w, pooled.head[k][a]/float64(nGroups))
		}
		t.Logf("%-28s rounds: loss / head accuracy%s", form.name, b.String())
	}
}

// sameWeights tells whether a, fitted, gives b, read from a weights file
// (rounded to five places, those below 1e-4 left out), back.
func sameWeights(a, b *logReg) bool {
	n := 0
	for id, w := range a.w {
		r := math.Round(w*1e5) / 1e5
		if math.Abs(r) < 1e-4 {
			continue
		}
		n++
		if b.w[id] != r {
			return false
		}
	}
	return n == len(b.w)
}

// heldOutPairs returns the pairs of docs' gold units as attach.short reads
// them in decoding (the role probabilities of m, the word vectors; the
// root's features on the pairs into the gold central claim), with their
// dense values, m's attach.short score first, grouped by source unit.
func heldOutPairs(m *Model, docs []Doc) boostSet {
	var s boostSet
	var fs featureSet
	for di, d := range docs {
		g := d.Gold
		if g == nil || len(g.Units) == 0 {
			continue
		}
		v := newView(d.Text, goldUnits(d))
		v.short = true
		m.unitScores(v, nil, &fs)
		if v.vec == nil {
			v.unitVecs()
		}
		v.unitCos()
		v.vecPairs = true
		for i := range v.units {
			if i == g.Central {
				continue
			}
			for j := range v.units {
				if j == i {
					continue
				}
				fs.fs = fs.fs[:0]
				v.pairFeatures(&fs, i, j)
				if j == g.Central {
					v.rootFeatures(&fs, i, j)
				}
				x := example{fs: append([]feat(nil), fs.fs...), y: g.Head[i] == j}
				dv := make([]float64, pairDenseN)
				v.pairDense(i, j, dv)
				dv[0] = m.attachShort.score(x.fs)
				s.exs, s.dense, s.group = append(s.exs, x), append(s.dense, dv), append(s.group, di*1000+i)
			}
		}
	}
	return s
}

// headGroups counts the groups of s.
func headGroups(s boostSet) int {
	n := 0
	for i := range s.group {
		if i == 0 || s.group[i] != s.group[i-1] {
			n++
		}
	}
	return n
}

// softmaxLoss is the mean over s's groups of the softmax loss of the gold
// target among a unit's targets.
func softmaxLoss(f []float64, s *boostSet) float64 {
	loss, n := 0.0, 0
	softmaxGroups(f, s.group, func(a, b int, mx, sum float64) {
		for k := a; k < b; k++ {
			if s.exs[k].y {
				loss -= f[k] - mx - math.Log(sum)
			}
		}
		n++
	})
	return loss / float64(n)
}
