package structure

import (
	"context"
	"math"
	"slices"
	"sort"
	"testing"

	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/lexicon/vectors"
)

// TestChainSignals screens candidate information for the chains, the
// decoder's largest loss (TestOracleBreakdown), before anyone spends a
// cross-validation on it (ARGMAP_STRUCTURE_DIAG=the microtexts directory).
// On the gold units of microtexts2's short texts, with the gold central
// claim r, it takes the deciding case: a unit i whose gold target is either
// r or the unit just before it, i-1, itself not r (i bears on i-1: a
// chain). For each it computes the margin of the short texts' attachment
// between the two targets (attach.short's log-odds of i -> i-1 less those
// of i -> r with the root features and shift, from models trained without
// the text's fold as TestOracleBreakdown trains them) and signals that no
// feature of attach.short reads as such, each signed so that a larger value
// says i-1. It logs how many the margin gets right at a few thresholds (the
// decoder's choice is the margin's sign), each signal's AUC for telling i-1
// from r alone, and the in-sample log loss of a logistic fit of the label
// on the margin and the signal against the margin alone: a signal that
// lowers it little carries nothing the model lacks, whatever its AUC.
// The same fits are then scored held out (fitted on four folds' cases,
// scored on the fifth's), the decisions of the fit at 0.5 counted.
// Session 20 (362 cases, 144 chains; margin AUC 0.740, log loss 0.5703, 259
// right at its sign, as the decoder decides): in sample, the best signal,
// the word-vector cosine less the text's mean vector, lowers the loss by
// 0.006, all twenty-four together by 0.045 (noise would give about
// k/2N = 0.033); held out, the margin alone 0.5779 and 260 right, with all
// twenty-four 0.6289 and 249, with the three that lower the held-out loss
// (that cosine, a modal or future in i-1 and none in i, the valences'
// product) 0.5665 and 257: they recalibrate the margin and turn no
// decision. What the embedded tables know of two units' words (vectors,
// WordNet, valence, frequency) does not tell a chain. It fails when
// the corpus gives no deciding cases of both labels.
func TestChainSignals(t *testing.T) {
	docs := diagDocs(t)
	own := diagOwnTexts(t)
	names := []string{
		"cos(i,i-1) - cos(i,r)",
		"centred cos(i,i-1) - centred cos(i,r)",
		"nearest-word cos to i-1 - to r",
		"shared stems with i-1 - with r",
		"stems shared with i-1 and not with r",
		"i opens with it/they/this/these/such/that/those/he/she",
		"log(len i / len i-1)",
		"central-claim probability of i-1",
		"i-1 opens its sentence with a connective",
		"WordNet links of i's words to i-1's - to r's",
		"WordNet links not by one stem, to i-1 - to r",
		"mean log frequency rank of i's words - of i-1's",
		"i holds a number",
		"-cos(i,r)",
		"cos(i-1,r)",
		"mean log frequency rank of i's words",
		"units in the text",
		"i's place in the text (0..1)",
		"units between r and i-1",
		"i's subject stem in i-1 and not in r",
		"i's subject stem in i-1 - in r",
		"i-1 modal or future, i neither",
		"valence of i times valence of i-1 - times r's",
		"i's subject is a pronoun and i-1 has a stem r has not",
	}
	var ys []bool
	var margins []float64
	var caseFold []int
	sig := make([][]float64, len(names))
	folds := Folds(docs, 5)
	for f := 0; f < 5; f++ {
		train, test := foldSplit(docs, folds, f)
		m, _, err := Train(context.Background(), train, TrainOptions{Extra: own})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range test {
			g := d.Gold
			units := goldUnits(d)
			n := len(units)
			if n > maxShort {
				continue
			}
			v := newView(d.Text, units)
			v.short = true
			var fs featureSet
			tr, _ := m.unitScores(v, dependentPriors(v), &fs)
			z0 := m.pairScores(v, 0, &fs)
			at := m.attachFor(v)
			r := g.Central
			centred := centredCos(v)
			near := nearestWordCos(v)
			links, linksNew := wordnetLinks(v)
			rarity := meanLogRank(v)
			for i := 1; i < n; i++ {
				p := i - 1
				if i == r || p == r || g.Head[i] != r && g.Head[i] != p {
					continue
				}
				fs.fs = fs.fs[:0]
				v.pairFeatures(&fs, i, r)
				v.rootFeatures(&fs, i, r)
				zr := at.score1(fs.fs) + m.vecProdScore(v, i, r) + shortRootShift
				ys = append(ys, g.Head[i] == p)
				caseFold = append(caseFold, f)
				margins = append(margins, z0[i*n+p]-zr)
				a, b := &v.info[i], &v.info[p]
				pron := 0.0
				if len(a.ws) > 0 && thirdPerson[a.ws[0]] {
					pron = 1
				}
				conn := 0.0
				if b.sentFirst && b.class != classNone {
					conn = 1
				}
				onlyPrev := 0
				for _, h := range a.content {
					_, inP := slices.BinarySearch(b.content, h)
					_, inR := slices.BinarySearch(v.info[r].content, h)
					if inP && !inR {
						onlyPrev++
					}
				}
				vals := []float64{
					v.cos[i*n+p] - v.cos[i*n+r],
					centred[i*n+p] - centred[i*n+r],
					near[i*n+p] - near[i*n+r],
					float64(v.shared[i*n+p] - v.shared[i*n+r]),
					float64(onlyPrev),
					pron,
					math.Log(float64(len(a.ws)+1) / float64(len(b.ws)+1)),
					tr.cc[p],
					conn,
					float64(links[i*n+p] - links[i*n+r]),
					float64(linksNew[i*n+p] - linksNew[i*n+r]),
					rarity[i] - rarity[p],
					number(a.ws),
					-v.cos[i*n+r],
					v.cos[p*n+r],
					rarity[i],
					float64(n),
					float64(i) / float64(n-1),
					float64(max(p-r, r-p)),
					subjIn(a, b, &v.info[r]),
					subjIn(a, b, nil) - subjIn(a, &v.info[r], nil),
					modalShift(b, a),
					valence(a) * (valence(b) - valence(&v.info[r])),
					pron * newStem(b, &v.info[r]),
				}
				for k, x := range vals {
					sig[k] = append(sig[k], x)
				}
			}
		}
	}
	pos := 0
	for _, y := range ys {
		if y {
			pos++
		}
	}
	if pos == 0 || pos == len(ys) {
		t.Fatalf("deciding cases: %d, %d of them chains; want both labels", len(ys), pos)
	}
	base := logitLoss(ys, margins)
	t.Logf("deciding cases %d, chains %d; margin: AUC %.3f, log loss %.4f (the share alone %.4f)",
		len(ys), pos, auc(ys, margins), base, logitLoss(ys))
	for _, th := range []float64{-3, -2, -1.5, -1, -0.5, 0, 0.5, 1} {
		right, prev := 0, 0
		for i, y := range ys {
			if margins[i] > th {
				prev++
			}
			if (margins[i] > th) == y {
				right++
			}
		}
		t.Logf("threshold %.1f: %d sent to i-1, %d right", th, prev, right)
	}
	for k, name := range names {
		l := logitLoss(ys, margins, sig[k])
		t.Logf("%-55s AUC %.3f, log loss with the margin %.4f (%+.4f)", name, auc(ys, sig[k]), l, l-base)
	}
	l := logitLoss(ys, append([][]float64{margins}, sig...)...)
	t.Logf("all %d signals with the margin: log loss %.4f (%+.4f, in sample)", len(sig), l, l-base)
	// the same fitted on four folds' cases and scored on the fifth's
	cvBase, cvBaseRight := logitCV(ys, caseFold, [][]float64{margins})
	cvAll, cvAllRight := logitCV(ys, caseFold, append([][]float64{margins}, sig...))
	t.Logf("held out by fold: the margin alone log loss %.4f, %d right; with all %d signals %.4f, %d right",
		cvBase, cvBaseRight, len(sig), cvAll, cvAllRight)
	// the three that lower the held-out loss, together
	best3 := [][]float64{margins}
	for k, name := range names {
		if name == "centred cos(i,i-1) - centred cos(i,r)" || name == "i-1 modal or future, i neither" ||
			name == "valence of i times valence of i-1 - times r's" {
			best3 = append(best3, sig[k])
		}
	}
	cv3, cv3Right := logitCV(ys, caseFold, best3)
	t.Logf("held out: the margin with the centred cosine, the modal shift and the valences %.4f (%+.4f), %d right",
		cv3, cv3-cvBase, cv3Right)
	for k, name := range names {
		l, right := logitCV(ys, caseFold, [][]float64{margins, sig[k]})
		t.Logf("held out, %-45s log loss %.4f (%+.4f), %d right", name, l, l-cvBase, right)
	}
}

// thirdPerson are the pronouns and demonstratives that point back to what
// a sentence before brought up.
var thirdPerson = set("it", "they", "this", "these", "such", "that", "those", "he", "she")

// centredCos returns the cosines of the units' word vectors less the mean
// of the text's unit vectors: what two units share beyond the topic every
// unit shares (0 where a unit has no vector).
func centredCos(v *view) []float64 {
	n := len(v.units)
	out := make([]float64, n*n)
	var mean []float64
	k := 0
	for _, x := range v.vec {
		if x == nil {
			continue
		}
		if mean == nil {
			mean = make([]float64, len(x))
		}
		for d, y := range x {
			mean[d] += y
		}
		k++
	}
	if k < 2 {
		return out
	}
	c := make([][]float64, n)
	for i, x := range v.vec {
		if x == nil {
			continue
		}
		c[i] = make([]float64, len(x))
		norm := 0.0
		for d, y := range x {
			c[i][d] = y - mean[d]/float64(k)
			norm += c[i][d] * c[i][d]
		}
		if norm == 0 {
			c[i] = nil
			continue
		}
		for d := range c[i] {
			c[i][d] /= math.Sqrt(norm)
		}
	}
	for i := range c {
		for j := range c {
			if i != j && c[i] != nil && c[j] != nil {
				for d, x := range c[i] {
					out[i*n+j] += x * c[j][d]
				}
			}
		}
	}
	return out
}

// nearestWordCos returns, for units i and j, the mean over i's content
// words in the vector table of the cosine to the nearest of j's.
func nearestWordCos(v *view) []float64 {
	tb, lx := vectors.Default(), lexicon.Default()
	n := len(v.units)
	ids := make([][]int, n)
	for i := range v.info {
		in := &v.info[i]
		for k, w := range in.ws {
			if in.fl[k]&wFunction != 0 {
				continue
			}
			id := tb.ID(lx.Lemma(w))
			if id < 0 {
				id = tb.ID(w)
			}
			if id >= 0 {
				ids[i] = append(ids[i], id)
			}
		}
	}
	out := make([]float64, n*n)
	for i := range ids {
		for j := range ids {
			if i == j || len(ids[i]) == 0 || len(ids[j]) == 0 {
				continue
			}
			sum := 0.0
			for _, a := range ids[i] {
				best := -1.0
				for _, b := range ids[j] {
					best = max(best, tb.CosineID(a, b))
				}
				sum += best
			}
			out[i*n+j] = sum / float64(len(ids[i]))
		}
	}
	return out
}

// auc is the probability that a random positive scores above a random
// negative (ties count half).
func auc(ys []bool, s []float64) float64 {
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s[idx[a]] < s[idx[b]] })
	// mid-ranks of ties
	rank := make([]float64, len(s))
	for a := 0; a < len(idx); {
		b := a
		for b < len(idx) && s[idx[b]] == s[idx[a]] {
			b++
		}
		for k := a; k < b; k++ {
			rank[idx[k]] = float64(a+b+1) / 2
		}
		a = b
	}
	var pos, neg, sum float64
	for i, y := range ys {
		if y {
			pos++
			sum += rank[i]
		} else {
			neg++
		}
	}
	return (sum - pos*(pos+1)/2) / (pos * neg)
}

// logitCV fits the logistic model of logitLoss on every fold's cases but
// one and scores that one's: the mean held-out log loss and the cases
// right at 0.5.
func logitCV(ys []bool, fold []int, xs [][]float64) (float64, int) {
	loss, right := 0.0, 0
	for f := 0; f < 5; f++ {
		var ty []bool
		tx := make([][]float64, len(xs))
		for i, y := range ys {
			if fold[i] != f {
				ty = append(ty, y)
				for c := range xs {
					tx[c] = append(tx[c], xs[c][i])
				}
			}
		}
		b := logitFit(ty, tx)
		for i, y := range ys {
			if fold[i] != f {
				continue
			}
			z := b[0]
			for c := range xs {
				z += b[c+1] * xs[c][i]
			}
			p := min(max(sigmoid(z), 1e-12), 1-1e-12)
			if y {
				loss -= math.Log(p)
			} else {
				loss -= math.Log(1 - p)
			}
			if (p > 0.5) == y {
				right++
			}
		}
	}
	return loss / float64(len(ys)), right
}

// logitLoss fits P(y) = sigmoid(b0 + b·x) over the columns xs by Newton's
// method and returns the mean log loss in sample.
func logitLoss(ys []bool, xs ...[]float64) float64 {
	b := logitFit(ys, xs)
	loss := 0.0
	for i, y := range ys {
		z := b[0]
		for c := range xs {
			z += b[c+1] * xs[c][i]
		}
		p := min(max(sigmoid(z), 1e-12), 1-1e-12)
		if y {
			loss -= math.Log(p)
		} else {
			loss -= math.Log(1 - p)
		}
	}
	return loss / float64(len(ys))
}

// logitFit fits P(y) = sigmoid(b0 + b·x) over the columns xs by Newton's
// method (a little ridge keeps a step defined) and returns b0, b.
func logitFit(ys []bool, xs [][]float64) []float64 {
	k := len(xs) + 1
	x := func(c, i int) float64 {
		if c == 0 {
			return 1
		}
		return xs[c-1][i]
	}
	b := make([]float64, k)
	for it := 0; it < 50; it++ {
		g := make([]float64, k)
		h := make([][]float64, k)
		for a := range h {
			h[a] = make([]float64, k)
			h[a][a] = 1e-3
		}
		for i, y := range ys {
			z := 0.0
			for c := range b {
				z += b[c] * x(c, i)
			}
			p := sigmoid(z)
			e := p
			if y {
				e = p - 1
			}
			for a := 0; a < k; a++ {
				g[a] += e * x(a, i)
				for c := 0; c < k; c++ {
					h[a][c] += p * (1 - p) * x(a, i) * x(c, i)
				}
			}
		}
		for a := range g {
			g[a] += 1e-3 * b[a]
		}
		step := solve(h, g)
		for c := range b {
			b[c] -= step[c]
		}
	}
	return b
}

// solve solves h·x = g by Gaussian elimination (h small and positive
// definite).
func solve(h [][]float64, g []float64) []float64 {
	k := len(g)
	a := make([][]float64, k)
	for i := range a {
		a[i] = append(append([]float64(nil), h[i]...), g[i])
	}
	for c := 0; c < k; c++ {
		for r := c + 1; r < k; r++ {
			f := a[r][c] / a[c][c]
			for j := c; j <= k; j++ {
				a[r][j] -= f * a[c][j]
			}
		}
	}
	out := make([]float64, k)
	for r := k - 1; r >= 0; r-- {
		s := a[r][k]
		for j := r + 1; j < k; j++ {
			s -= a[r][j] * out[j]
		}
		out[r] = s / a[r][r]
	}
	return out
}

// wordnetLinks counts, for units i and j, i's content words that share a
// WordNet concept with a word of j (synonyms, derivations) or whose broader,
// narrower or related concepts hold one of j's (a term j brought up, made
// more specific or general); new: the same, not counting words of one stem.
func wordnetLinks(v *view) (all, new []int) {
	lx := lexicon.Default()
	n := len(v.units)
	type word struct {
		stem   string
		own    []lexicon.Concept
		around []lexicon.Concept
	}
	ws := make([][]word, n)
	for i := range v.info {
		in := &v.info[i]
		for k, w := range in.ws {
			if in.fl[k]&wFunction != 0 || len(w) <= 3 {
				continue
			}
			b, nw, r := lx.Near(w)
			ws[i] = append(ws[i], word{stem: w[:min(len(w), 6)], own: lx.Concepts(w), around: append(append(append([]lexicon.Concept(nil), b...), nw...), r...)})
		}
	}
	meets := func(a, b []lexicon.Concept) bool {
		for _, x := range a {
			if slices.Contains(b, x) {
				return true
			}
		}
		return false
	}
	all, new = make([]int, n*n), make([]int, n*n)
	for i := range ws {
		for j := range ws {
			if i == j {
				continue
			}
			for _, a := range ws[i] {
				hit, same := false, false
				for _, b := range ws[j] {
					if a.stem == b.stem {
						hit, same = true, true
						break
					}
					if meets(a.own, b.own) || meets(a.around, b.own) {
						hit = true
					}
				}
				if hit {
					all[i*n+j]++
					if !same {
						new[i*n+j]++
					}
				}
			}
		}
	}
	return all, new
}

// meanLogRank returns each unit's mean log frequency rank of its content
// words in the vector table (rarer words: a more specific unit).
func meanLogRank(v *view) []float64 {
	tb := vectors.Default()
	out := make([]float64, len(v.units))
	for i := range v.info {
		in := &v.info[i]
		k := 0
		for j, w := range in.ws {
			if in.fl[j]&wFunction != 0 {
				continue
			}
			if id := tb.ID(w); id >= 0 {
				out[i] += math.Log(float64(tb.RankID(id) + 2))
				k++
			}
		}
		if k > 0 {
			out[i] /= float64(k)
		}
	}
	return out
}

// number is 1 when ws hold a numeral written in digits.
func number(ws []string) float64 {
	for _, w := range ws {
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			return 1
		}
	}
	return 0
}

// subject returns the stem of a's first content word among its first five
// words, past its connectives and determiners ("" for none).
func subject(a *unitInfo) string {
	for k, w := range a.ws {
		if k >= 5 {
			break
		}
		if a.fl[k]&wFunction == 0 && len(w) > 2 {
			return w[:min(len(w), 6)]
		}
	}
	return ""
}

// subjIn is 1 when a's subject stem is among b's content stems and not
// among not's (nil: no condition).
func subjIn(a, b, not *unitInfo) float64 {
	s := subject(a)
	if s == "" {
		return 0
	}
	h := hashName(s, "")
	if _, ok := slices.BinarySearch(b.content, h); !ok {
		return 0
	}
	if not != nil {
		if _, ok := slices.BinarySearch(not.content, h); ok {
			return 0
		}
	}
	return 1
}

// modalShift is 1 when b has a modal or "will" and a has none.
func modalShift(b, a *unitInfo) float64 {
	modal := func(u *unitInfo) bool {
		return u.strong || u.weak || slices.Contains(u.ws, "will") || slices.Contains(u.ws, "would")
	}
	if modal(b) && !modal(a) {
		return 1
	}
	return 0
}

// valence is the sum of the VADER valences of a's words.
func valence(a *unitInfo) float64 {
	s := 0.0
	for _, w := range a.ws {
		s += lexicon.Valence(w)
	}
	return s
}

// newStem is 1 when b has a content stem that r has not.
func newStem(b, r *unitInfo) float64 {
	for _, h := range b.content {
		if _, ok := slices.BinarySearch(r.content, h); !ok {
			return 1
		}
	}
	return 0
}
