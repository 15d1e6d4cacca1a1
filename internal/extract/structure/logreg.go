package structure

import (
	"math"
	"math/rand/v2"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// feat is one feature of an example: the hash of its name and its value.
type feat struct {
	id uint64
	v  float64
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashName hashes key and val as one string (FNV-1a), without joining them.
func hashName(key, val string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= fnvPrime
	}
	for i := 0; i < len(val); i++ {
		h ^= uint64(val[i])
		h *= fnvPrime
	}
	return h
}

// featureSet collects the features of one example. When names is set (in
// training) it also records every feature's name, so weights are written
// with readable names.
type featureSet struct {
	fs    []feat
	names map[uint64]string
}

// featureKey is the name of a feature (or its first part), hashed once.
type featureKey struct {
	h    uint64
	name string
}

// newKey hashes name for feature sets.
func newKey(name string) featureKey { return featureKey{h: hashName(name, ""), name: name} }

// grow gives a new set room for a unit's features at once (they were
// appended one by one into a slice doubling from one).
func (s *featureSet) grow() {
	if s.fs == nil {
		s.fs = make([]feat, 0, 64)
	}
}

// add adds the feature k with value v.
func (s *featureSet) add(k featureKey, v float64) {
	s.grow()
	s.fs = append(s.fs, feat{id: k.h, v: v})
	if s.names != nil {
		if _, ok := s.names[k.h]; !ok {
			s.names[k.h] = k.name
		}
	}
}

// on adds the binary feature named by k and vals joined, continuing k's
// hash over the parts so nothing is allocated.
func (s *featureSet) on(k featureKey, vals ...string) {
	h := k.h
	for _, v := range vals {
		for i := 0; i < len(v); i++ {
			h ^= uint64(v[i])
			h *= fnvPrime
		}
	}
	s.grow()
	s.fs = append(s.fs, feat{id: h, v: 1})
	if s.names != nil {
		if _, ok := s.names[h]; !ok {
			n := k.name
			for _, v := range vals {
				n += v
			}
			s.names[h] = n
		}
	}
}

// logReg is a binary logistic regression over hashed features.
type logReg struct {
	w map[uint64]float64
}

// named returns m's weights by feature name, rounded to five places, without
// those below 1e-4: the form the weight files keep. A weight whose feature
// names does not hold is an internal error, what ("structure weights")
// saying of which file.
func (m *logReg) named(names map[uint64]string, what string) (map[string]float64, error) {
	ws := map[string]float64{}
	ids := make([]uint64, 0, len(m.w))
	for id := range m.w {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	for _, id := range ids {
		v := math.Round(m.w[id]*1e5) / 1e5
		if math.Abs(v) < 1e-4 {
			continue
		}
		n, ok := names[id]
		if !ok {
			return nil, argmap.Errorf(argmap.EINTERNAL, "%s: feature %x has no name", what, id)
		}
		ws[n] = v
	}
	return ws, nil
}

// fromNamed reads weights by feature name (named's form); a weight that is
// not a number is invalid, what saying where it stands.
func fromNamed(ws map[string]float64, what string) (*logReg, error) {
	lr := &logReg{w: make(map[uint64]float64, len(ws))}
	for k, v := range ws {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, argmap.Errorf(argmap.EINVALID, "%s %q is not a number", what, k)
		}
		lr.w[hashName(k, "")] = v
	}
	return lr, nil
}

// prob returns P(y=1 | fs).
func (m *logReg) prob(fs []feat) float64 { return sigmoid(m.score(fs)) }

// score returns the linear score w·fs.
func (m *logReg) score(fs []feat) float64 {
	z := 0.0
	for _, f := range fs {
		z += m.w[f.id] * f.v
	}
	return z
}

func sigmoid(z float64) float64 {
	if z < -30 {
		z = -30
	} else if z > 30 {
		z = 30
	}
	return 1 / (1 + math.Exp(-z))
}

// example is one training example.
type example struct {
	fs []feat
	y  bool
}

// fitOptions control fitting.
type fitOptions struct {
	Epochs   int
	Rate     float64 // AdaGrad base learning rate
	L2       float64 // L2 penalty per example
	Seed     uint64
	PosScale float64 // weight of positive examples (1 when 0)
}

// fit trains a logistic regression by AdaGrad SGD with L2 regularisation,
// three times in orders drawn from PCGs seeded from opt.Seed, and averages
// the weights: the same examples and options always give the same weights.
func fit(exs []example, opt fitOptions) *logReg {
	// the average of three runs in different orders: steadier weights
	avg := &logReg{w: map[uint64]float64{}}
	for r := uint64(0); r < 3; r++ {
		o := opt
		o.Seed = opt.Seed*31 + r
		for k, v := range fit1(exs, o).w {
			avg.w[k] += v / 3
		}
	}
	return avg
}

// fit1 is one run of fit.
func fit1(exs []example, opt fitOptions) *logReg {
	if opt.Epochs <= 0 {
		opt.Epochs = 20
	}
	if opt.Rate <= 0 {
		opt.Rate = 0.1
	}
	if opt.PosScale <= 0 {
		opt.PosScale = 1
	}
	m := &logReg{w: map[uint64]float64{}}
	g2 := map[uint64]float64{}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := exs[k]
			p := m.prob(ex.fs)
			y, scale := 0.0, 1.0
			if ex.y {
				y, scale = 1, opt.PosScale
			}
			d := (p - y) * scale
			for _, f := range ex.fs {
				g := d*f.v + opt.L2*m.w[f.id]
				g2[f.id] += g * g
				m.w[f.id] -= opt.Rate * g / (math.Sqrt(g2[f.id]) + 1e-8)
			}
		}
	}
	return m
}

// choice is one ranking example: the candidates' features and the index of
// the right one.
type choice struct {
	cands [][]feat
	gold  int
}

// fitChoice trains a conditional log-linear model, a softmax over each
// example's candidates, by AdaGrad SGD with L2 in a seeded order: for
// choosing one of several (the central claim of a text).
func fitChoice(exs []choice, opt fitOptions) *logReg {
	m := &logReg{w: map[uint64]float64{}}
	g2 := map[uint64]float64{}
	rng := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9e3779b97f4a7c15))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	var z []float64
	grad := map[uint64]float64{}
	var ids []uint64
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			ex := exs[k]
			z = softmax(m, ex.cands, z)
			ids = ids[:0]
			for c, fs := range ex.cands {
				d := z[c]
				if c == ex.gold {
					d--
				}
				for _, f := range fs {
					if _, ok := grad[f.id]; !ok {
						ids = append(ids, f.id)
					}
					grad[f.id] += d * f.v
				}
			}
			for _, id := range ids {
				g := grad[id] + opt.L2*m.w[id]
				g2[id] += g * g
				m.w[id] -= opt.Rate * g / (math.Sqrt(g2[id]) + 1e-8)
				delete(grad, id)
			}
		}
	}
	return m
}

// softmax returns the probabilities m gives the candidates.
func softmax(m *logReg, cands [][]feat, out []float64) []float64 {
	out = out[:0]
	mx := math.Inf(-1)
	for _, c := range cands {
		s := m.score(c)
		out = append(out, s)
		mx = max(mx, s)
	}
	sum := 0.0
	for i, s := range out {
		out[i] = math.Exp(s - mx)
		sum += out[i]
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}
