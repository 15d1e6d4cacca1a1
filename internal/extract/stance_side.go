package extract

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/lexicon"
)

// The side model. The rules read a candidate's polarity from negations and
// WordNet antonyms; the learned judge (stance_learned.go) only decides
// whether a candidate below their threshold answers. A claim contradicts a
// question in other ways too: a specific or hedged statement against a
// universal one ("some crews rest on Sundays" of "crews always work on
// Sundays"), a word of the other value ("the scheme proved wasteful" of
// "the scheme is worthwhile"), a view set against another ("but"). For
// each candidate an answer takes as stating the question (by the rules or
// the learned judge), a logistic model over general features of the
// question, the claim and the rules' vote (sideFeatures)
// gives the probability that it denies the question instead; from the cut
// on it does. The rules' denials stay denials: read from negations and
// antonyms, they are right far more often than their statements. The model
// is fitted by `argmap train-side` on the analyst question sets: every
// stating candidate of a source a set lists as supporting is an example of
// stating, of one it lists as contesting an example of denying.

// sideFeatureNames name the features of sideFeatures, in order.
var sideFeatureNames = []string{
	"vote",      // (disagree - agree) / (agree + disagree) of the rules' votes on polarity in its window; 0 when none votes
	"flips",     // an odd number of its words are opposites of the question's (WordNet antonyms, a change the other way, "rather than")
	"coverage",  // its coverage of the question
	"universal", // the question has a universal or extreme word (always, all, only, entirely ...: universalWords)
	"gap",       // ... and the claim has none
	"hedged",    // the claim has a hedged, partial or existential word the question does not (some, often, partly, may: hedgeWords)
	"valence",   // evaluative opposition: the question's words the claim does not say and the claim's other words are rated good and bad, or bad and good
	"qneg",      // the question is negated
	"contrast",  // the claim has a word of contrast or concession (but, however, although, despite ...)
}

// universalWords say that something holds of all, always, only or wholly:
// a claim of a case, a part or an exception contradicts them.
var universalWords = wordSet(`all every always never entirely completely wholly solely only alone exclusively
	altogether totally fully invariably consistently uniformly none nobody nothing sole whatever everywhere
	everyone everything purely`)

// partWords after "only" make it a quantity, not a restriction: "only a
// few", "only part of".
var partWords = wordSet(`a an part one some few half`)

// hedgeWords say that something holds of some, sometimes, in part or
// possibly.
var hedgeWords = wordSet(`some sometimes often partly partially mostly largely several certain occasionally may
	might could perhaps possibly arguably except apart frequently usually generally rarely seldom somewhat
	many few`)

// contrastWords set what follows against what was said or expected.
var contrastWords = wordSet(`but however although though yet whereas despite nevertheless nonetheless instead
	contrary`)

// sideModel is the side model: a weight per feature (sideFeatureNames), a
// bias and the cut from which a candidate denies the question; it is read
// and applied as a side of the learned judge is.
type sideModel = judgeModel

// SideModelWeights is the side model as a file holds it.
type SideModelWeights struct {
	SideWeights
	TrainedOn []string `json:"trained_on,omitempty"`
}

//go:embed side_weights.json
var shippedSide []byte

// shippedSideModel is the model of the shipped weights, nil when they do
// not load (TestShippedSideWeights).
func shippedSideModel() *sideModel {
	var sw SideModelWeights
	if err := json.Unmarshal(shippedSide, &sw); err != nil {
		return nil
	}
	m, err := sw.model()
	if err != nil {
		return nil
	}
	return m
}

// model reads the weights by feature name (SideWeights.modelOver).
func (sw SideModelWeights) model() (*sideModel, error) {
	m, err := sw.SideWeights.modelOver(sideFeatureNames)
	if err != nil {
		return nil, fmt.Errorf("side weights: %w", err)
	}
	return m, nil
}

// decideSides lets the side model decide the side of every candidate of r that
// answers the question (stating or denying it).
func (s *Stancer) decideSides(m *sideModel, r *ruling) {
	q := questionWords(r.question)
	for k := range r.out {
		if r.out[k].Stance == argmap.StanceSame && m.prob(s.sideFeatures(r, q, k)) >= m.cut {
			r.out[k].Stance = argmap.StanceDenial
		}
	}
}

// qWords is what the side model reads of a question's words.
type qWords struct {
	words     map[string]bool
	universal bool
}

func questionWords(question string) qWords {
	toks := tokens(question)
	q := qWords{words: map[string]bool{}}
	for i, t := range toks {
		if t.punct != 0 {
			continue
		}
		q.words[t.lower] = true
		q.universal = q.universal || universal(toks, i)
	}
	return q
}

// universal reports whether toks[i] is a universal word (universalWords;
// "only" not before a word of part).
func universal(toks []token, i int) bool {
	return universalWords[toks[i].lower] && !(toks[i].lower == "only" && i+1 < len(toks) && partWords[toks[i+1].lower])
}

// termValence is the sum of the valence of the terms of ts (by lemma)
// that skip does not leave out, each turned round in a negated clause.
func termValence(ts []term, skip func(i int) bool) float64 {
	sum := 0.0
	for i, t := range ts {
		if t.acr || skip(i) {
			continue
		}
		v := lexicon.Valence(t.lemma)
		if t.neg {
			v = -v
		}
		sum += v
	}
	return sum
}

// sideFeatures returns the features (sideFeatureNames) of candidate k of
// r.
func (s *Stancer) sideFeatures(r *ruling, q qWords, k int) []float64 {
	x := make([]float64, len(sideFeatureNames))
	bw := r.bws[k]
	if v := bw.agree + bw.disagree; v > 0 {
		x[0] = (bw.disagree - bw.agree) / v
	}
	x[1] = b2f(bw.flips%2 == 1)
	x[2] = max(r.js[k].Score, r.out[k].Score)
	toks := tokens(r.texts[k])
	univ, hedged, contrast := false, false, false
	for i, t := range toks {
		if t.punct != 0 {
			continue
		}
		univ = univ || universal(toks, i)
		hedged = hedged || (hedgeWords[t.lower] && !q.words[t.lower])
		contrast = contrast || contrastWords[t.lower]
	}
	x[3] = b2f(q.universal)
	x[4] = b2f(q.universal && !univ)
	x[5] = b2f(hedged)
	// the question's words the claim does not say against the claim's
	// words the question does not say: positive when they are rated of
	// opposite value, as far as both are rated
	lemmas := map[string]bool{}
	for _, t := range r.qt {
		lemmas[t.lemma] = true
	}
	qv := termValence(r.qt, func(i int) bool { return bw.hits != nil && bw.hits[i] })
	cv := termValence(bw.terms, func(i int) bool { return lemmas[bw.terms[i].lemma] })
	x[6] = -math.Tanh(qv/2) * math.Tanh(cv/2)
	x[7] = b2f(negations(r.qt) > 0)
	x[8] = b2f(contrast)
	return x
}

// SideFeatureNames returns the names of the side model's features.
func SideFeatureNames() []string {
	return slices.Clone(sideFeatureNames)
}

// DecideSide is the side model's decision on a candidate the answer takes
// as stating the question (stance st) from its side features
// (Candidate.Side): its side and
// its probability of denying. A candidate that denies the question or does
// not answer it is left as it is, with probability 0.
func (sw SideModelWeights) DecideSide(side []float64, st argmap.Stance) (argmap.Stance, float64, error) {
	if st != argmap.StanceSame {
		return st, 0, nil
	}
	m, err := sw.model()
	if err != nil {
		return "", 0, err
	}
	p := m.prob(side)
	if p >= m.cut {
		return argmap.StanceDenial, p, nil
	}
	return argmap.StanceSame, p, nil
}

// SideExample is one training example of the side model: a candidate's
// side features and whether its source contests the question.
type SideExample struct {
	Features []float64 `json:"x"`
	Denies   bool      `json:"y"`
}

// FitSide fits the side model to examples by Newton's method with an L2
// penalty of l2 on the weights (not the bias), and sets its cut. The fit is
// deterministic. Without examples of both sides there is nothing to learn:
// the model has no weights and a cut of 1, so it turns no side round.
func FitSide(examples []SideExample, l2, cut float64) (SideModelWeights, error) {
	d := len(sideFeatureNames)
	xs := make([][]float64, len(examples))
	ys := make([]bool, len(examples))
	for i, e := range examples {
		if len(e.Features) != d {
			return SideModelWeights{}, fmt.Errorf("fit side: an example has %d features, want %d", len(e.Features), d)
		}
		xs[i], ys[i] = e.Features, e.Denies
	}
	if l2 <= 0 {
		return SideModelWeights{}, errors.New("fit side: the L2 penalty must be positive")
	}
	if !(cut > 0 && cut <= 1) {
		return SideModelWeights{}, errors.New("fit side: the cut must lie in (0, 1]")
	}
	if !slices.Contains(ys, true) || !slices.Contains(ys, false) {
		sw := SideModelWeights{SideWeights: SideWeights{Weights: map[string]float64{}, Cut: 1}}
		for _, name := range sideFeatureNames {
			sw.Weights[name] = 0
		}
		return sw, nil
	}
	beta, err := fitLogistic(xs, ys, l2)
	if err != nil {
		return SideModelWeights{}, fmt.Errorf("fit side: %w", err)
	}
	sw := SideModelWeights{SideWeights: SideWeights{Weights: map[string]float64{}, Bias: round5(beta[0]), Cut: cut}}
	for i, name := range sideFeatureNames {
		sw.Weights[name] = round5(beta[i+1])
	}
	return sw, nil
}

// fitLogistic fits a logistic model of ys over xs by Newton's method with
// an L2 penalty of l2 on the weights, and returns the bias and the weights.
func fitLogistic(xs [][]float64, ys []bool, l2 float64) ([]float64, error) {
	d := 0
	if len(xs) > 0 {
		d = len(xs[0])
	}
	beta := make([]float64, d+1)
	x := func(e []float64, i int) float64 {
		if i == 0 {
			return 1
		}
		return e[i-1]
	}
	for iter := 0; iter < 50; iter++ {
		g := make([]float64, d+1)
		h := make([][]float64, d+1)
		for i := range h {
			h[i] = make([]float64, d+1)
		}
		for n, e := range xs {
			z := 0.0
			for i := range beta {
				z += beta[i] * x(e, i)
			}
			p := 1 / (1 + math.Exp(-z))
			y := b2f(ys[n])
			for i := range beta {
				xi := x(e, i)
				g[i] += (p - y) * xi
				for j := range beta {
					h[i][j] += p * (1 - p) * xi * x(e, j)
				}
			}
		}
		for i := 1; i <= d; i++ {
			g[i] += l2 * beta[i]
			h[i][i] += l2
		}
		h[0][0] += 1e-9
		step, err := solve(h, g)
		if err != nil {
			return nil, err
		}
		size := 0.0
		for i := range beta {
			beta[i] -= step[i]
			size = max(size, math.Abs(step[i]))
		}
		if size < 1e-9 {
			break
		}
	}
	return beta, nil
}
