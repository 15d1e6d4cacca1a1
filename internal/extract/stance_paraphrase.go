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
// full by the judged window, else by its best word alone: a synonym, a
// WordNet near or broader word, or the nearest word vector; each word's
// credit is kept for the answer, paraWords), weighted by how rare the word is among the answer's candidates, the
// question's predicate and its rarest words apart, and the candidate's
// place among the others of its source and of the answer (a source states
// a point once; its other sentences share the topic). It is a logistic
// model fitted by `argmap train-judge --labels` on the sentence labels of
// the tuning sets (scripts/testdata/stating-spans.json): a candidate
// covering a labelled span is a positive, every other candidate of the
// question a negative. A candidate that misses the rarest word but is the
// best of its source by the model, reads as stating, keeps the question's
// quantities and causal link (paraAgrees) and reaches the model's cut
// states the question.

// paraFeatureNames name the features of paraFeatures, in order.
var paraFeatureNames = []string{
	"align",     // the mean over the question's words of how the candidate meets each (paraSim), weighted by the answer's weights
	"plain",     // the same, every word weighing alike
	"pred",      // how it meets the question's predicate (term.main; align when there is none)
	"rarest",    // how it meets the question's rarest word
	"second",    // how it meets the second rarest
	"centroid",  // the cosine of the weighted mean word vectors of the question and of the candidate
	"reverse",   // the share of the candidate's words that meet a question word (paraWords.reverseShare)
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

// paraWords keeps, for one question's answer, what each candidate word
// earns against the question, by the word (its lemma, and whether it is an
// acronym): the candidates of an answer share most of their words, so
// each word is matched once, not once in every candidate that says it.
type paraWords struct {
	qt  []term
	qm  []masks
	vt  *vectors.Table
	ids map[paraWordKey]int
	// m[id]: the word's masks (termMasks); fwd[id][i]: how the word meets the question word qt[i] alone (-1:
	// not yet known); rev[id]: how the question meets the word (-1: not
	// yet known)
	m   []masks
	fwd [][]float64
	rev []float64
}

type paraWordKey struct {
	lemma string
	acr   bool
}

func newParaWords(qt []term, vt *vectors.Table) *paraWords {
	return &paraWords{qt: qt, qm: termMasks(qt), vt: vt, ids: map[paraWordKey]int{}}
}

// id returns the number of the word t.
func (p *paraWords) id(t term) int {
	key := paraWordKey{t.lemma, t.acr}
	id, ok := p.ids[key]
	if !ok {
		id = len(p.fwd)
		p.ids[key] = id
		f := make([]float64, len(p.qt))
		for i := range f {
			f[i] = -1
		}
		p.fwd = append(p.fwd, f)
		p.rev = append(p.rev, -1)
		p.m = append(p.m, termMasks([]term{t})[0])
	}
	return id
}

// sim is how the candidate word c (number id) meets the question word
// qt[i] alone: the larger of pairCredit and the cosine of their word
// vectors.
func (p *paraWords) sim(i int, c term, id int) float64 {
	if v := p.fwd[id][i]; v >= 0 {
		return v
	}
	v := pairCredit(p.qt[i], &p.qm[i], c, &p.m[id])
	if q, ct := p.qt[i].vec, c.vec; q != 0 && ct != 0 {
		v = max(v, p.vt.CosineID(int(q-1), int(ct-1)))
	}
	v = min(1, max(0, v))
	p.fwd[id][i] = v
	return v
}

// reverse is how the question meets the candidate word c (number id): the
// best pairCredit of the word, taken as a question's, against a question
// word.
func (p *paraWords) reverse(c term, id int) float64 {
	if v := p.rev[id]; v >= 0 {
		return v
	}
	v := 0.0
	for i := range p.qt {
		if v = max(v, pairCredit(c, &p.m[id], p.qt[i], &p.qm[i])); v == 1 {
			break
		}
	}
	p.rev[id] = v
	return v
}

// pairCredit is the share of its weight the word q earns from the word c
// alone, as match credits a word out of context: 1 for the same word, a
// synonym (a sense they share), a figure or count that says it; nearWeight
// for a near word (a concept in common, a narrower, related or derived
// word, one of the same genus); broaderWeight for a broader one; 0 else.
// qm and cm are their masks (termMasks).
func pairCredit(q term, qm *masks, c term, cm *masks) float64 {
	switch {
	case q.acr || c.acr:
		if c.lemma == q.lemma || q.acr && c.acr && figureMeets(q.lemma, c.lemma) || countMeets(q.lemma, c) {
			return 1
		}
		return 0
	case c.lemma == q.lemma || qm.concepts.meets(&cm.concepts) && sharesSense(q, c) || countMeets(q.lemma, c):
		return 1
	case qm.concepts.meets(&cm.concepts) && sharesConcept(q.concepts, c.concepts) ||
		!q.noKinds && qm.concepts.meets(&cm.broader) && sharesConcept(q.concepts, c.broader) ||
		qm.narrower.meets(&cm.concepts) && sharesConcept(q.narrower, c.concepts) ||
		qm.related.meets(&cm.concepts) && sharesConcept(q.related, c.concepts) ||
		qm.concepts.meets(&cm.related) && sharesConcept(q.concepts, c.related) ||
		qm.genus.meets(&cm.genus) && sharesConcept(q.genus, c.genus) ||
		qm.concepts.meets(&cm.genus) && sharesConcept(q.concepts, c.genus) ||
		q.stem != "" && derives(q, c):
		return nearWeight
	case qm.broader.meets(&cm.concepts) && sharesConcept(q.broader, c.concepts) ||
		qm.concepts.meets(&cm.narrower) && sharesConcept(q.concepts, c.narrower):
		return broaderWeight
	}
	return 0
}

// paraSim is how a candidate whose terms are c (numbers ids in p) meets
// the question word qt[i]: 1 when its judged window met it (hit), else the
// best that any of its words earns alone (paraWords.sim).
func (p *paraWords) paraSim(i int, hit bool, c []term, ids []int) float64 {
	if hit {
		return 1
	}
	best := 0.0
	for j, t := range c {
		best = max(best, p.sim(i, t, ids[j]))
	}
	return best
}

// reverseShare is the share of the candidate's words (terms c, numbers ids
// in p) the question meets, each word counted once and a modifier at
// modifierWeight, as match weighs a question's words.
func (p *paraWords) reverseShare(c []term, ids []int) float64 {
	total, got := 0.0, 0.0
	for j, t := range c {
		if t.hedge || slices.Contains(ids[j+1:], ids[j]) {
			continue // (a word said again is counted where it comes last)
		}
		wt := 1.0
		if t.adverb || t.light || t.circ {
			wt = modifierWeight
		}
		total += wt
		got += wt * p.reverse(t, ids[j])
	}
	if total == 0 {
		return 0
	}
	return got / total
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
	pw := newParaWords(qt, vt)
	sims := make([]float64, len(qt))
	var ids []int
	for k := range xs {
		if need != nil && !need[k] {
			continue
		}
		ct := allTerms(r.as[k])
		ids = ids[:0]
		for _, t := range ct {
			ids = append(ids, pw.id(t))
		}
		hits := r.bws[k].hits
		x := make([]float64, len(paraFeatureNames))
		sum, wsum, plain := 0.0, 0.0, 0.0
		for i := range qt {
			sims[i] = pw.paraSim(i, hits != nil && hits[i], ct, ids)
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
		x[6] = pw.reverseShare(ct, ids)
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

// paraAgrees reports whether candidate k of r keeps what the paraphrase
// model may not stand in for, which a sentence saying the question in
// other words still says in kind. The model weighs how near a candidate's
// words come to the question's content words; two kinds of question word
// are no content a near word can carry:
//   - a quantity (a vague count, a number word, a figure): a candidate
//     that does not meet it by the rules (countMeets, the figure checks)
//     says another quantity or none ("rebuilt the pier twice" is no
//     paraphrase of "rebuilt it several times");
//   - a word of cause or effect (causeWords): a candidate that leaves it
//     out must say a causal link of its own (a causal connective or
//     another word of cause), not only a sequence in time ("after the
//     storm, the town raised the dyke" does not say the dyke was the
//     town's response to the storm).
//
// It is a veto of the gate alone: the rules and the judge decide the
// candidates that meet the rarest word as before.
func paraAgrees(r *ruling, k int) bool {
	hits := r.bws[k].hits
	if hits == nil {
		return false
	}
	cause := false
	for i, t := range r.qt {
		if hits[i] {
			continue
		}
		if quantityTerm(t) {
			return false
		}
		cause = cause || causeWords[t.lemma]
	}
	if !cause {
		return true
	}
	for _, t := range allTerms(r.as[k]) {
		if causeWords[t.lemma] {
			return true
		}
	}
	for _, t := range tokens(r.texts[k]) {
		if causeConnectives[t.lower] {
			return true
		}
	}
	return false
}

// quantityTerm reports whether a question's term t says how many: a vague
// count (vagueCounts), a number word (cardinals) or a figure.
func quantityTerm(t term) bool {
	return vagueCounts[t.lemma] > 0 || cardinals[t.lemma] > 0 || isFigure(t)
}

// causeWords are the nouns and verbs of cause and effect, by lemma: a
// question saying one says how two things are linked.
var causeWords = wordSet(`cause result response respond reaction react consequence effect reason outcome trigger
	prompt provoke induce`)

// causeConnectives are the connectives of cause a candidate may say its
// link with (no terms of their own: function words).
var causeConnectives = wordSet(`because therefore thus hence consequently accordingly due owing`)

// paraBase reports whether candidate k of r may be promoted but for the
// rarest word: the rules left it on the topic and no check capped it.
func paraBase(r *ruling, k int) bool {
	return r.out[k].Stance == argmap.StanceTopic && !r.bws[k].capped && r.bws[k].hits != nil
}
