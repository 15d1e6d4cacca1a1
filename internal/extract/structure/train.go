package structure

import (
	"context"
	"math"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// TrainOptions control training.
type TrainOptions struct {
	Seed      uint64   // seed of the example order (0: 1)
	Epochs    int      // passes over the examples (0: 15)
	TrainedOn []string // the corpora and their licences, recorded in the model
	Fold      string   // "k/n" when a fold was left out, recorded in the model
	// Extra are texts of another source labelled in the same scheme (our
	// own, owntexts/). With them the segmenter and the central-claim
	// classifier are fitted a second time, as the model's classifiers for
	// texts of one paragraph (Model.splitShort, Model.ccShort); the role,
	// function, attachment and undercut classifiers, and the segmenter and
	// central claim of longer texts (whose paragraph priors are set by hand
	// beside those scores), never see them. Their attachment is plainer than
	// the corpus's: in the attachment, role and function classifiers they
	// raised the cross-validated central claim further but lowered relation
	// F1.
	Extra []Doc
	// recordPairs, when set, is given the pairs attach.short is fitted on
	// (exs[k] unit src[k] of docs[doc[k]] attaching to unit trg[k], the
	// docs as Train holds them: Extra after the corpus's) and the units'
	// cross-fitted role probabilities they read (opp[doc][unit]): for
	// diagnostics of the attachment (boost_test.go)
	recordPairs func(exs []example, doc, src, trg []int, opp [][]float64)
}

// Train fits a model on docs with gold structures. The same docs and
// options always give the same weights.
func Train(ctx context.Context, docs []Doc, opt TrainOptions) (*Model, []byte, error) {
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 15
	}
	// extra[di]: docs[di] is one of opt.Extra
	extra := make([]bool, len(docs), len(docs)+len(opt.Extra))
	if len(opt.Extra) > 0 {
		docs = append(docs[:len(docs):len(docs)], opt.Extra...)
		extra = extra[:len(docs)]
		for di := len(docs) - len(opt.Extra); di < len(docs); di++ {
			extra[di] = true
		}
	}
	names := map[uint64]string{}
	var split, role, fun, att, attShort, und []example
	var attShortDoc, attShortSrc, attShortTrg []int // for recordPairs
	var cc, ccShort []choice
	var splitShort []example
	take := func(fs *featureSet) []feat {
		out := append([]feat(nil), fs.fs...)
		fs.fs = fs.fs[:0]
		return out
	}
	fs := &featureSet{names: names}
	fo := func(seed uint64, l2 float64) fitOptions {
		return fitOptions{Epochs: opt.Epochs, Rate: 0.1, L2: l2, Seed: opt.Seed + seed}
	}
	// The attachment classifier reads the role probabilities of the units;
	// on the training texts they come from role classifiers fitted without
	// the text (five inner folds), so they are as good as they will be on
	// new text, not better. The inner folds keep the texts on one topic
	// together, as the outer ones do: a role classifier that has seen the
	// topic is better than it will be on a new one. The function
	// probabilities are cross-fitted the same way, for the kind's shift
	// (kindShift).
	oppProbs := make([][]float64, len(docs))
	funProbs := make([][]float64, len(docs))
	{
		const inner = 5
		// over the corpus's texts only: the extra texts are not in the role
		// classifier, and read their probabilities from the first fold's
		innerFold := append(Folds(docs[:len(docs)-len(opt.Extra)], inner), make([]int, len(opt.Extra))...)
		views := make([]*view, len(docs))
		for di, d := range docs {
			if d.Gold != nil && len(d.Gold.Units) > 0 {
				views[di] = newView(d.Text, goldUnits(d))
			}
		}
		for f := 0; f < inner; f++ {
			var ros, fus []example
			for di, v := range views {
				if v == nil || innerFold[di] == f || extra[di] {
					continue
				}
				g := docs[di].Gold
				for i := range v.units {
					v.unitFeatures(fs, i, true)
					x := take(fs)
					ros = append(ros, example{fs: x, y: g.Opp[i]})
					if i != g.Central {
						fus = append(fus, example{fs: x, y: g.Kind[i] == Attack})
					}
				}
			}
			r := fit(ros, fo(8, 1e-3))
			fu := fit(fus, fo(9, 1e-3))
			for di, v := range views {
				if v == nil || innerFold[di] != f {
					continue
				}
				oppProbs[di] = make([]float64, len(v.units))
				funProbs[di] = make([]float64, len(v.units))
				for i := range v.units {
					v.unitFeatures(fs, i, true)
					x := take(fs)
					oppProbs[di][i], funProbs[di][i] = r.prob(x), fu.prob(x)
				}
			}
		}
	}
	n := 0
	for di, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, nil, argmap.Errorf(argmap.EUNAVAILABLE, "training cancelled: %w", err)
		}
		g := d.Gold
		if g == nil || len(g.Units) == 0 {
			continue
		}
		n++
		goldSplits(fs, d, func(x example) {
			splitShort = append(splitShort, x)
			if !extra[di] {
				split = append(split, x)
			}
		})
		units := goldUnits(d)
		v := newView(d.Text, units)
		v.opp = oppProbs[di]
		v.unitVecs() // for ccShort and the short texts' attachment
		v.unitCos()
		ch, chShort := choice{gold: g.Central}, choice{gold: g.Central}
		for i := range units {
			v.ccFeatures(fs, i)
			ch.cands = append(ch.cands, take(fs))
			if len(opt.Extra) > 0 {
				// the short texts' central claim reads the word vectors too
				v.ccFeatures(fs, i)
				v.ccVecFeatures(fs, i)
				chShort.cands = append(chShort.cands, take(fs))
			}
			v.unitFeatures(fs, i, true)
			f := take(fs)
			if extra[di] {
				continue // the central claim and the split points only
			}
			role = append(role, example{fs: f, y: g.Opp[i]})
			if i == g.Central {
				continue
			}
			fun = append(fun, example{fs: f, y: g.Kind[i] == Attack})
			for j := range units {
				if j == i {
					continue
				}
				// the same pair without and with what the two are
				// about (the short texts' attachment)
				for _, vp := range [2]bool{false, true} {
					v.vecPairs = vp
					v.pairFeatures(fs, i, j)
					if j == g.Central {
						v.rootFeatures(fs, i, j)
					}
					x := example{fs: take(fs), y: g.Head[i] == j}
					if vp {
						attShort = append(attShort, x)
						if opt.recordPairs != nil {
							attShortDoc, attShortSrc = append(attShortDoc, di), append(attShortSrc, i)
							attShortTrg = append(attShortTrg, j)
						}
					} else {
						att = append(att, x)
					}
				}
				v.vecPairs = false
			}
			if h := g.Head[i]; g.Kind[i] == Attack && h != g.Central {
				v.undercutFeatures(fs, i, h)
				und = append(und, example{fs: take(fs), y: g.Undercut[i]})
			}
		}
		ccShort = append(ccShort, chShort)
		if !extra[di] {
			cc = append(cc, ch)
		}
	}
	if n == 0 {
		return nil, nil, argmap.Errorf(argmap.EINVALID, "no texts with a gold structure to train on")
	}
	if opt.recordPairs != nil {
		opt.recordPairs(attShort, attShortDoc, attShortSrc, attShortTrg, oppProbs)
	}
	m := &Model{
		split:    fit(split, fo(1, 1e-4)),
		cc:       fitChoice(cc, fo(2, 1e-3)),
		role:     fit(role, fo(3, 1e-3)),
		function: fit(fun, fo(4, 1e-3)),
		attach:   fit(att, fo(5, 1e-3)),
		// the same pairs with the units' word vectors, for short texts
		attachShort: fit(attShort, fo(5, 1e-3)),
		undercut:    fit(und, fo(6, 1e-3)),
		// the base classifiers weigh equally in the evidence graph, as in
		// Peldszus and Stede (2015); other weights did no better in
		// cross-validation
		combine: Combine{Attach: 1, Function: 1, Role: 1, Central: 1},
		info:    Info{TrainedOn: opt.TrainedOn, Texts: n, Seed: opt.Seed, Fold: opt.Fold},
	}
	m.combine.KindShift = kindShift(docs[:len(docs)-len(opt.Extra)], oppProbs, funProbs, m.combine)
	if len(opt.Extra) > 0 {
		// the segmenter and the central claim fitted with the extra texts
		// too, for texts of one paragraph (see Model.ccShort)
		m.splitShort = fit(splitShort, fo(1, 1e-4))
		m.ccShort = fitChoice(ccShort, fo(2, 1e-3))
	}
	data, err := m.encode(names)
	if err != nil {
		return nil, nil, err
	}
	// the model returned is the one the file gives back, rounded weights and all
	m, err = LoadModel(data)
	if err != nil {
		return nil, nil, err
	}
	return m, data, nil
}

// goldSplits gives add the split-point examples of d, a document with gold
// units: every candidate split point of its sentences, in order, with its
// features, labelled by whether a gold unit starts between its two words.
func goldSplits(fs *featureSet, d Doc, add func(example)) {
	starts := make([]int, len(d.Gold.Units))
	for i, u := range d.Gold.Units {
		starts[i] = u.Start
	}
	var toks []token
	for si, s := range d.Sentences {
		toks = tokenize(d.Text, s.Start, s.End, toks[:0])
		sw := newSentWords(words(toks))
		for ci, c := range candidates(d.Text, toks, sw, nil) {
			y := false
			for _, st := range starts {
				if st > toks[c.k-1].Start && st <= toks[c.k].Start {
					y = true
				}
			}
			splitFeatures(fs, sw, c.k, c.punct, ci == 0, sentPlace(d.Sentences, si))
			add(example{fs: append([]feat(nil), fs.fs...), y: y})
			fs.fs = fs.fs[:0]
		}
	}
}

// goldUnits returns the gold units of d with their sentence and paragraph:
// the sentence holding the unit's start.
func goldUnits(d Doc) []Unit {
	units := make([]Unit, len(d.Gold.Units))
	for i, u := range d.Gold.Units {
		units[i] = u
		units[i].Sent = -1
		for si, s := range d.Sentences {
			if u.Start >= s.Start && u.Start < s.End || si == len(d.Sentences)-1 && units[i].Sent < 0 {
				units[i].Sent, units[i].Para = si, s.Para
				break
			}
		}
		if units[i].Sent < 0 {
			units[i].Sent = i
		}
	}
	return units
}

// Folds assigns docs to k folds deterministically. Texts on one topic
// (Doc.Topic, else the text's own name) stay in one fold, so no fold is
// tested on a topic it was trained on; topics are dealt largest first, ties
// by name, to the fold with the fewest texts. It returns every doc's fold.
func Folds(docs []Doc, k int) []int {
	byTopic := map[string][]int{}
	var topics []string
	for i, d := range docs {
		t := d.Topic
		if t == "" {
			t = "name:" + d.Name
		}
		if _, ok := byTopic[t]; !ok {
			topics = append(topics, t)
		}
		byTopic[t] = append(byTopic[t], i)
	}
	sort.SliceStable(topics, func(a, b int) bool {
		if len(byTopic[topics[a]]) != len(byTopic[topics[b]]) {
			return len(byTopic[topics[a]]) > len(byTopic[topics[b]])
		}
		return topics[a] < topics[b]
	})
	size := make([]int, k)
	fold := make([]int, len(docs))
	for _, t := range topics {
		f := 0
		for i := 1; i < k; i++ {
			if size[i] < size[f] {
				f = i
			}
		}
		for _, d := range byTopic[t] {
			fold[d] = f
		}
		size[f] += len(byTopic[t])
	}
	return fold
}

// kindShift learns where the decoder's kind decision should lie. An edge
// attacks when the evidence for an attack (the function classifier's
// probability and the two units' roles differing, weighed by c) beats the
// evidence for a support; both classifiers see attacks as the rarer class
// and an attack needs them to agree, so on new text the plain comparison
// reads too many attacks as supports (the objections the role classifier
// misses). kindShift fits P(attack) = sigmoid(a·d + b) over every gold
// relation of docs, d the attack evidence less the support evidence from
// the cross-fitted probabilities (as good as on new text), by Newton's
// method, and returns b/a: what to add to d before comparing it with 0.
// Under cross-validation it comes out at 0.23..0.38.
func kindShift(docs []Doc, oppProbs, funProbs [][]float64, c Combine) float64 {
	var ds []float64
	var ys []bool
	for di, d := range docs {
		g := d.Gold
		if g == nil || oppProbs[di] == nil || funProbs[di] == nil {
			continue
		}
		for i, h := range g.Head {
			if h < 0 {
				continue
			}
			oi, oj, ai := oppProbs[di][i], oppProbs[di][h], funProbs[di][i]
			same := oi*oj + (1-oi)*(1-oj)
			ds = append(ds, c.Function*(ai-(1-ai))+c.Role*((1-same)-same))
			ys = append(ys, g.Kind[i] == Attack)
		}
	}
	a, b := 1.0, 0.0
	for it := 0; it < 100; it++ {
		var ga, gb, haa, hab, hbb float64
		for k, x := range ds {
			p := sigmoid(a*x + b)
			e := -p
			if ys[k] {
				e = 1 - p
			}
			w := p * (1 - p)
			ga, gb = ga+e*x, gb+e
			haa, hab, hbb = haa+w*x*x, hab+w*x, hbb+w
		}
		// a little ridge keeps the step defined on separable data
		haa, hbb = haa+1e-3, hbb+1e-3
		det := haa*hbb - hab*hab
		da, db := (hbb*ga-hab*gb)/det, (haa*gb-hab*ga)/det
		a, b = a+da, b+db
		if math.Abs(da)+math.Abs(db) < 1e-9 {
			break
		}
	}
	if a <= 0 || math.IsNaN(a) || math.IsNaN(b) {
		return 0 // no usable fit (too few or one-sided relations)
	}
	return math.Round(b/a*1e4) / 1e4
}
