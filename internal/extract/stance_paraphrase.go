package extract

import (
	"math"
	"slices"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/lexicon/vectors"
)

// Paraphrase. The learned judge may promote only a candidate that meets
// the question's rarest word (mayPromote): a source that says the
// question's point in other words never reaches it. The paraphrase model
// scores how well a candidate sentence says the question in any words, by
// features that do not name words: how each question word is met (in
// full, by a WordNet near or broader word, or by the nearest word vector),
// weighted by how rare the word is among the answer's candidates, the
// question's predicate and its rarest words apart, and the candidate's
// place among the others of its source and of the answer (a source states
// a point once; its other sentences share the topic). It is a logistic
// model fitted by `argmap train-judge --labels` on the sentence labels of
// the tuning sets (scripts/testdata/stating-spans.json): a candidate
// covering a labelled span is a positive, every other candidate of the
// question a negative. A candidate that misses the rarest word but is the
// best of its source by the model and reaches its cut may be promoted by
// the judge as one that meets it may.

// paraFeatureNames name the features of paraFeatures, in order.
var paraFeatureNames = []string{
	"align",     // the mean over the question's words of how the candidate meets each (paraSim), weighted by the answer's weights
	"plain",     // the same, every word weighing alike
	"pred",      // how it meets the question's predicate (term.main; align when there is none)
	"rarest",    // how it meets the question's rarest word
	"second",    // how it meets the second rarest
	"centroid",  // the cosine of the weighted mean word vectors of the question and of the candidate
	"reverse",   // the share of the candidate's words that meet a question word (match)
	"srcMargin", // align less the best align of the other candidates of its source (0 alone)
	"ansMargin", // align less the best align of the answer
	"ansRank",   // the share of the answer's candidates with a higher align
	"long",      // log(1 + the candidate's words)
}

// paraInputNames name what the paraphrase model reads: its own features
// (paraFeatureNames), then the learned judge's (judgeFeatureNames), each
// prefixed "judge." (paraInput).
func paraInputNames() []string {
	names := slices.Clone(paraFeatureNames)
	for _, n := range judgeFeatureNames {
		names = append(names, "judge."+n)
	}
	return names
}

// paraInput is what the paraphrase model reads of a candidate with
// paraphrase features p and judge features j: both, or nil without p.
func paraInput(p, j []float64) []float64 {
	if p == nil {
		return nil
	}
	return append(slices.Clone(p), j...)
}

// Indices of paraFeatures the gate and tests read.
const (
	paraAlign     = 0
	paraSrcMargin = 7
)

// paraSim is how a candidate whose terms are c meets the question word q:
// 1 when its judged window met it (hit), else the larger of what match
// gives the word alone (a near, broader or vector-near word) and the
// highest cosine of q's word vector to a word of c.
func paraSim(q term, hit bool, c []term, vt *vectors.Table) float64 {
	if hit {
		return 1
	}
	sim, _, _, _, _ := match([]term{q}, c, nil)
	if q.vec != 0 {
		for _, ct := range c {
			if ct.vec != 0 {
				sim = max(sim, vt.CosineID(int(q.vec-1), int(ct.vec-1)))
			}
		}
	}
	return min(1, max(0, sim))
}

// allTerms returns the terms of every region of a.
func allTerms(a analysis) []term {
	if len(a.regions) == 1 {
		return a.regions[0].terms
	}
	var ts []term
	for _, r := range a.regions {
		ts = append(ts, r.terms...)
	}
	return ts
}

// paraFeatures returns the paraphrase features (paraFeatureNames) of the
// candidates of r, each from sources[k] (nil: each its own source); those
// not in need (nil: all) get nil. The rank-relative features compare a
// candidate with the others in need.
func (s *Stancer) paraFeatures(r *ruling, sources []string, need []bool) [][]float64 {
	vt := vectors.Default()
	qt := r.qt
	n := len(r.as)
	xs := make([][]float64, n)
	if len(qt) == 0 {
		return xs
	}
	w := r.w
	if w == nil {
		w = make([]float64, len(qt))
		for i := range w {
			w[i] = 1
		}
	}
	// the question's rarest and second rarest word, and its predicate
	rarest, second := -1, -1
	for i := range qt {
		switch {
		case rarest < 0 || w[i] > w[rarest]:
			rarest, second = i, rarest
		case second < 0 || w[i] > w[second]:
			second = i
		}
	}
	pred := -1
	for i, t := range qt {
		if t.main {
			pred = i
			break
		}
	}
	// the question's weighted mean word vector
	dims := vt.Dims()
	qc := make([]float64, dims)
	qn := vectorMean(vt, qc, qt, w)
	cc := make([]float64, dims)
	for k := range xs {
		if need != nil && !need[k] {
			continue
		}
		ct := allTerms(r.as[k])
		hits := r.bws[k].hits
		x := make([]float64, len(paraFeatureNames))
		sum, wsum, plain := 0.0, 0.0, 0.0
		sims := make([]float64, len(qt))
		for i, q := range qt {
			sims[i] = paraSim(q, hits != nil && hits[i], ct, vt)
			sum += w[i] * sims[i]
			wsum += w[i]
			plain += sims[i]
		}
		x[0] = sum / max(wsum, 1e-9)
		x[1] = plain / float64(len(qt))
		x[2] = x[0]
		if pred >= 0 {
			x[2] = sims[pred]
		}
		x[3] = sims[rarest]
		x[4] = x[3]
		if second >= 0 {
			x[4] = sims[second]
		}
		clear(cc)
		if cn := vectorMean(vt, cc, ct, nil); qn > 0 && cn > 0 {
			dot := 0.0
			for d := range cc {
				dot += qc[d] * cc[d]
			}
			x[5] = dot / (qn * cn)
		}
		if len(ct) > 0 {
			x[6], _, _, _, _ = match(ct, qt, nil)
		}
		x[10] = math.Log1p(float64(len(ct)))
		xs[k] = x
	}
	// place among the candidates of its source and of the answer
	src := func(k int) string {
		if k < len(sources) {
			return sources[k]
		}
		return "\x00" + string(rune(k))
	}
	bestOf := map[string][2]float64{} // a source's best and second best align
	best := 0.0
	m := 0
	for k, x := range xs {
		if x == nil {
			continue
		}
		m++
		a := x[paraAlign]
		best = max(best, a)
		b, ok := bestOf[src(k)]
		switch {
		case !ok:
			b = [2]float64{a, math.Inf(-1)}
		case a > b[0]:
			b = [2]float64{a, b[0]}
		case a > b[1]:
			b[1] = a
		}
		bestOf[src(k)] = b
	}
	for k, x := range xs {
		if x == nil {
			continue
		}
		a := x[paraAlign]
		b := bestOf[src(k)]
		other := b[0]
		if a == b[0] {
			other = b[1]
		}
		if !math.IsInf(other, -1) {
			x[7] = a - other
		}
		x[8] = a - best
		above := 0
		for _, y := range xs {
			if y != nil && y[paraAlign] > a {
				above++
			}
		}
		x[9] = float64(above) / float64(m)
	}
	return xs
}

// vectorMean adds to dst the word vectors of ts, each weighing w[i] (nil:
// 1), and returns the norm of the sum (0: no word has a vector).
func vectorMean(vt *vectors.Table, dst []float64, ts []term, w []float64) float64 {
	for i, t := range ts {
		if t.vec == 0 {
			continue
		}
		wt := 1.0
		if w != nil {
			wt = w[i]
		}
		vt.AddIDTo(dst, int(t.vec-1), wt)
	}
	n := 0.0
	for _, v := range dst {
		n += v * v
	}
	return math.Sqrt(n)
}

// paraGate reports whether the paraphrase model m lets through a
// candidate that leaves out the question's rarest word, reading x
// (paraInput): it is the best of its source (no other candidate of its
// source aligns better) and its probability reaches m's cut.
func paraGate(m *judgeModel, x []float64) bool {
	return m != nil && x != nil && x[paraSrcMargin] >= 0 && m.prob(x) >= m.cut
}

// paraBase reports whether candidate k of r may be promoted but for the
// rarest word: the rules left it on the topic and no check capped it.
func paraBase(r *ruling, k int) bool {
	return r.out[k].Stance == argmap.StanceTopic && !r.bws[k].capped && r.bws[k].hits != nil
}
