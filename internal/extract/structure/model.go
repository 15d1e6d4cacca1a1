package structure

import (
	_ "embed"
	"encoding/json"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// Model holds the learned weights of the five classifiers and how their
// scores are combined. A Model is read only once made and safe for
// concurrent use.
type Model struct {
	split    *logReg // a sentence splits before a candidate word
	cc       *logReg // a unit is the central claim
	role     *logReg // a unit voices the opponent
	function *logReg // a unit attacks its target (rather than supports it)
	attach   *logReg // unit i has unit j as its target
	undercut *logReg // an attacking unit attacks its target's relation, not the target
	// splitShort and ccShort, when set, stand in for split and cc on short
	// texts: one paragraph of at most maxShort sentences (segmentation) or
	// units (the central claim of one argument). They were fitted with our
	// own texts (TrainOptions.Extra) too, short arguments like the corpus's
	// (at most 10 units). Longer texts keep split and cc: the paragraph
	// decoding's priors are set by hand beside cc's scores, and beyond the
	// training texts' length the short classifiers have not been measured.
	splitShort *logReg
	ccShort    *logReg
	// attachShort, when set, stands in for attach on short texts of one
	// argument: fitted on the same pairs with what the two units are about
	// too (their word vectors, which ccShort reads already), a reading that
	// longer texts, parsed paragraph by paragraph and never measured with
	// it, are left without (it would cost them a sixth of their
	// extraction time)
	attachShort *logReg
	// ccVec: ccShort reads the units' word vectors (ccVecFeatures); weight
	// files that predate them have none
	ccVec   bool
	combine Combine
	info    Info
	// restate, when set, decides whether the last sentence of a text read
	// a sentence a unit restates its thesis (restate.go)
	restate *Restater
	// thesis, when set, chooses the conclusion of an abstract, and with
	// thesisParas the thesis of a text of several paragraphs
	// (longcentral.go); thesisRec, when set, records the candidates
	// (ThesisData)
	thesis      *ThesisScorer
	thesisParas bool
	thesisRec   *thesisRecord
	// relink, when set, decides again the targets and kinds of a text read
	// a sentence a unit once its sentences are joined (relink.go);
	// relinkRec, when set, records the candidates (RelinkData)
	relink    *Relinker
	relinkRec *relinkRecord
	// kinder, when set, decides the kinds of those texts' relations once
	// relinked (kinds.go); kindRec, when set, records them (KindData)
	kinder  *Kinder
	kindRec *kindRecord
	// the same weights in tables for scoring: the unit classifiers (central
	// claim, role, function) share one; the central claim's features
	// (ccFeatures) are its own, so each column reads only its features
	unitT, attachT, splitT, undercutT *table
	// the same for texts of one paragraph (unitT, splitT and attachT when
	// there are no short classifiers)
	unitShortT, splitShortT, attachShortT *table
	// vecProd holds attachShort's weights of the products of two units'
	// word vectors (vec.prod0, …) by dimension, nil when all are 0: in
	// decoding they are summed as one dot product, not looked up as a
	// hundred features of every pair
	vecProd []float64
}

// Combine weighs the base classifiers' probabilities in an edge of the
// evidence graph. KindShift is added to an edge's attack evidence when the
// edge's kind is chosen in a short text of one argument (learned in
// training, see kindShift; 0 in weights that predate it); the edge's weight
// stays that of the stronger evidence, so the decoded tree is the same with
// or without it, only kinds change.
type Combine struct {
	Attach    float64 `json:"attach"`
	Function  float64 `json:"function"`
	Role      float64 `json:"role"`
	Central   float64 `json:"central"`
	KindShift float64 `json:"kind_shift,omitempty"`
}

// Info says where a model's weights come from.
type Info struct {
	TrainedOn []string `json:"trained_on"` // corpora, with their licence
	Texts     int      `json:"texts"`
	Seed      uint64   `json:"seed"`
	Fold      string   `json:"fold,omitempty"` // "k/n" when trained without fold k of n
}

// maxShort is the most sentences and units of a short text (the corpus's
// and our own texts have at most 10 units).
const maxShort = 10

// modelFile is the JSON form of a Model: weights by feature name.
type modelFile struct {
	Version     int                           `json:"version"`
	Info        Info                          `json:"info"`
	Combine     Combine                       `json:"combine"`
	Classifiers map[string]map[string]float64 `json:"classifiers"`
}

const modelVersion = 1

// classifierNames are the classifiers a model file must hold.
var classifierNames = []string{"split", "cc", "role", "function", "attach", "undercut"}

// optionalNames are the classifiers a model file may hold.
var optionalNames = []string{"split.short", "cc.short", "attach.short"}

func (m *Model) classifiers() map[string]**logReg {
	return map[string]**logReg{"split": &m.split, "cc": &m.cc, "role": &m.role, "function": &m.function,
		"attach": &m.attach, "undercut": &m.undercut, "split.short": &m.splitShort, "cc.short": &m.ccShort,
		"attach.short": &m.attachShort}
}

// Info returns where the model's weights come from.
func (m *Model) Info() Info { return m.info }

// LoadModel reads a model written by Model.MarshalJSON (the training
// command's output), with the shipped restater (WithRestater) and thesis
// scorer (WithThesis: for abstracts and for the thesis of a text of
// several paragraphs).
func LoadModel(data []byte) (*Model, error) {
	var f modelFile
	if err := decodeWeights(data, &f, &f.Version, modelVersion, "structure weights"); err != nil {
		return nil, err
	}
	m := &Model{combine: f.Combine, info: f.Info}
	cs := m.classifiers()
	for k, name := range append(classifierNames[:len(classifierNames):len(classifierNames)], optionalNames...) {
		ws, ok := f.Classifiers[name]
		if !ok && k >= len(classifierNames) {
			continue
		}
		if !ok {
			return nil, argmap.Errorf(argmap.EINVALID, "structure weights: no %q classifier", name)
		}
		lr, err := fromNamed(ws, "structure weights: "+name)
		if err != nil {
			return nil, err
		}
		*cs[name] = lr
	}
	m.index()
	// the restater of the paragraph decoding (restate.go) goes with any
	// classifiers' weights, as the paragraph rules do: it is fitted on the
	// long-text sets, not on the classifiers' texts
	r, err := LoadRestater(embeddedRestate)
	if err != nil {
		return nil, err
	}
	m.restate = r
	// and so is the thesis scorer, which chooses an abstract's conclusion
	// and the thesis of a text of several paragraphs (longcentral.go)
	th, err := LoadThesis(embeddedThesis)
	if err != nil {
		return nil, err
	}
	m.thesis, m.thesisParas = th, true
	// and so is the relinker of texts read a sentence a unit (relink.go)
	rl, err := LoadRelinker(embeddedRelink)
	if err != nil {
		return nil, err
	}
	m.relink = rl
	// and so is the kinder of their relations (kinds.go)
	k, err := LoadKinder(embeddedKinds)
	if err != nil {
		return nil, err
	}
	m.kinder = k
	return m, nil
}

// index builds the scoring tables.
func (m *Model) index() {
	m.unitT = newTable(m.cc, m.role, m.function)
	m.attachT = newTable(m.attach)
	m.splitT = newTable(m.split)
	m.undercutT = newTable(m.undercut)
	m.attachShortT, m.vecProd = m.attachT, nil
	if m.attachShort != nil {
		m.attachShortT = newTable(m.attachShort)
		for d, k := range vecProdKeys() {
			if w := m.attachShort.w[k.h]; w != 0 {
				if m.vecProd == nil {
					m.vecProd = make([]float64, len(vecProdKeys()))
				}
				m.vecProd[d] = w
			}
		}
	}
	m.unitShortT, m.splitShortT = m.unitT, m.splitT
	if m.ccShort != nil {
		m.unitShortT = newTable(m.ccShort, m.role, m.function)
		for _, k := range ccVecKeys() {
			if m.ccShort.w[k.h] != 0 {
				m.ccVec = true
				break
			}
		}
	}
	if m.splitShort != nil {
		m.splitShortT = newTable(m.splitShort)
	}
}

// encode returns the model file of m with the feature names in names.
func (m *Model) encode(names map[uint64]string) ([]byte, error) {
	f := modelFile{Version: modelVersion, Info: m.info, Combine: m.combine, Classifiers: map[string]map[string]float64{}}
	for name, lr := range m.classifiers() {
		if *lr == nil {
			continue // an optional classifier the model has not
		}
		ws, err := (*lr).named(names, "structure weights")
		if err != nil {
			return nil, err
		}
		f.Classifiers[name] = ws
	}
	return encodeWeights(f, "structure weights")
}

//go:embed weights.json
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the model whose weights ship with argmap (weights.json,
// trained on every text of microtexts2 by `argmap train-structure`).
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = LoadModel(embedded) })
	return defaultModel, defaultErr
}

// encodeWeights writes f, the JSON form of a learner's weights, as every
// embedded weights file is kept: indented by one space, with a newline at
// the end. what names the weights in an error.
func encodeWeights(f any, what string) ([]byte, error) {
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return nil, argmap.WrapInternal(err, "cannot encode "+what)
	}
	return append(b, '\n'), nil
}

// decodeWeights reads data into f, the JSON form of a learner's weights,
// and checks the version it holds (*version, a field of f) is want:
// EINVALID for malformed JSON or another version, with what naming the
// weights.
func decodeWeights(data []byte, f any, version *int, want int, what string) error {
	if err := json.Unmarshal(data, f); err != nil {
		return argmap.Errorf(argmap.EINVALID, "%s: malformed JSON: %w", what, err)
	}
	if *version != want {
		return argmap.Errorf(argmap.EINVALID, "%s: version %d, want %d", what, *version, want)
	}
	return nil
}
