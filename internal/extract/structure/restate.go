package structure

import (
	_ "embed"
	"strings"
)

// A writer who argues over paragraphs often closes by saying the thesis
// again ("So the island needs its midnight ferry."), and the long-text
// sets label that sentence a second central claim, not a reason for the
// thesis (27 of the 61 texts of the sets of sessions 6 to 10 but
// heldout-s10 have one, nearly always as the text's last sentence). The
// paragraph decoding looks for it in the closing paragraph's claim (and in
// a sentence after it that says again what ought to be done) and missed
// 13 of the 27, the closing sentence left bearing on the one before it.
// The restater decides for the text's last sentence whether it restates
// the thesis, with a logistic model over general features of the
// sentence: modality (a strong modal, an evaluation, plain description),
// person, negation, question, connective class, the content words it
// shares with the thesis, its length and place in its paragraph, where the
// thesis stands and what the rules made of it. Its weights (restate.json)
// are fitted on the labelled long-text sets by `go test
// ./internal/extract/ -run TestRestaterWeights -update`;
// TestRestaterFolds scores it leaving one set out.

// Restater holds the restater's weights. A Restater is read only once
// made.
type Restater struct {
	lr    *logReg
	info  RestateInfo
	names map[uint64]string // feature names, when trained here
}

// RestateInfo says what a restater was fitted on.
type RestateInfo struct {
	Sets  []string `json:"sets"`
	Texts int      `json:"texts"`
	Seed  uint64   `json:"seed"`
}

// Info returns what r was fitted on.
func (r *Restater) Info() RestateInfo { return r.info }

// WithRestater returns a copy of m that decides restatements in texts read
// a sentence a unit with r (nil: by the paragraph rules alone).
func (m *Model) WithRestater(r *Restater) *Model {
	c := *m
	c.restate = r
	return &c
}

// restateView is what the restater reads of a decoded text: the unit that
// may restate the thesis and its surroundings.
type restateView struct {
	v        *view // of the thesis and cand, in that order
	cand     int   // the first unit of the text's last sentence
	thesis   int
	rule     string // what the rules made of cand: "thesis", "other" or "none"
	sentIn   int    // cand's sentence, counted from its paragraph's first
	alone    bool   // cand's sentence is its paragraph's only one
	thesisAt string // the thesis's paragraph: "open", "body"
}

// newRestateView returns the restater's view of units decoded as st, or
// nil when there is no candidate: the text's last sentence must close the
// text (nothing but space after it: a sign-off the roles stage left out,
// "We thank everyone who …", means the last unit does not close it), lie
// in another paragraph than the thesis, of a text of three paragraphs or
// more, and be no central claim yet.
func newRestateView(text string, units []Unit, st Structure) *restateView {
	n := len(units)
	if n == 0 || len(st.Central) == 0 || strings.TrimSpace(text[units[n-1].End:]) != "" {
		return nil
	}
	thesis := st.Central[0]
	k := n - 1
	for k > 0 && units[k-1].Sent == units[n-1].Sent {
		k--
	}
	if units[k].Para == units[thesis].Para || units[0].Para == units[k].Para {
		return nil
	}
	paras := 1
	for i := 1; i < n; i++ {
		if units[i].Para != units[i-1].Para {
			paras++
		}
	}
	for _, c := range st.Central {
		if c == k {
			return nil
		}
	}
	if paras < 3 {
		return nil
	}
	first := k // the first unit of cand's paragraph
	for first > 0 && units[first-1].Para == units[k].Para {
		first--
	}
	// the view of the thesis and the candidate alone (their features
	// read no neighbours): unit 0 and 1
	r := &restateView{v: newView(text, []Unit{units[thesis], units[k]}), cand: k, thesis: thesis, rule: "none", sentIn: units[k].Sent - units[first].Sent,
		alone: units[first].Sent == units[k].Sent, thesisAt: "body"}
	if units[thesis].Para == units[0].Para {
		r.thesisAt = "open"
	}
	for _, rel := range st.Relations {
		if rel.From == k && !rel.Undercut {
			r.rule = "other"
			if rel.To == thesis {
				r.rule = "thesis"
			}
		}
	}
	return r
}

var (
	kRsBias = newKey("rs.bias")
	kRsRule = newKey("rs.rule=")
	kRsMod  = newKey("rs.mod=")
	kRsCls  = newKey("rs.cls=")
	kRsAny  = newKey("rs.any=")
	kRsOv   = newKey("rs.overlap=")
	kRsPos  = newKey("rs.pos=")
	kRsLen  = newKey("rs.len=")
	kRsTh   = newKey("rs.thesis=")
	kRsNeg  = newKey("rs.neg")
	kRsP1   = newKey("rs.person1")
	kRsP2   = newKey("rs.person2")
	kRsQ    = newKey("rs.question")
)

// features adds the features of the candidate restating the thesis.
func (r *restateView) features(fs *featureSet) {
	th, in := &r.v.info[0], &r.v.info[1]
	fs.on(kRsBias)
	fs.on(kRsRule, r.rule)
	mod := "none"
	switch {
	case in.strong:
		mod = "strong"
	case in.weak:
		mod = "weak"
	case in.eval > 0:
		mod = "eval"
	case r.v.units[1].Plain:
		mod = "plain"
	}
	fs.on(kRsMod, mod)
	fs.on(kRsCls, orNone(in.class))
	for _, a := range in.any {
		fs.on(kRsAny, a)
	}
	fs.on(kRsOv, bucket(overlap(in.content, th.content), 0, 1, 2))
	fs.on(kRsPos, bucket(r.sentIn, 0, 1, 2), ".", boolName(r.alone))
	fs.on(kRsLen, bucket(len(in.ws), 6, 10, 16, 24))
	fs.on(kRsTh, r.thesisAt)
	if in.neg {
		fs.on(kRsNeg)
	}
	if in.person1 {
		fs.on(kRsP1)
	}
	if in.person2 {
		fs.on(kRsP2)
	}
	if in.question {
		fs.on(kRsQ)
	}
}

// Restates returns the unit of units (decoded as st by the paragraph
// rules) that r finds restating the thesis, or -1. It asks r only when
// the last sentence's paragraph holds no central claim yet: a text says
// its thesis again once, and none of the 125 texts of the long-text sets
// has two central claims in one paragraph. (r is fitted on every last
// sentence all the same: whether a sentence restates the thesis is the
// same question there.)
func (r *Restater) Restates(text string, units []Unit, st Structure) int {
	rv := newRestateView(text, units, st)
	if rv == nil {
		return -1
	}
	for _, c := range st.Central {
		if units[c].Para == units[rv.cand].Para {
			// the paragraph rules found the closing restatement in this
			// paragraph: the last sentence is not a second one
			return -1
		}
	}
	var fs featureSet
	rv.features(&fs)
	if r.lr.score(fs.fs) <= 0 {
		return -1
	}
	return rv.cand
}

// apply returns st with the text's last sentence made a second central
// claim when r finds that it restates the thesis (its own relation, if
// any, goes: a restatement is the thesis again, not a reason for it).
func (r *Restater) apply(text string, units []Unit, st Structure) Structure {
	k := r.Restates(text, units, st)
	if k < 0 {
		return st
	}
	out := st
	out.Central = append(append([]int(nil), st.Central...), k)
	out.Relations = make([]Relation, 0, len(st.Relations))
	for _, rel := range st.Relations {
		if rel.From != k {
			out.Relations = append(out.Relations, rel)
		}
	}
	return out
}

// RestateData gathers training examples for a restater from decoded texts
// whose gold structure is known.
type RestateData struct {
	exs   []example
	names map[uint64]string
	texts int
}

// Add adds the example of one text, if it has a candidate: units and st as
// Parse decoded them without a restater, and central, which tells whether
// unit i is a central claim in the gold.
func (d *RestateData) Add(text string, units []Unit, st Structure, central func(i int) bool) {
	if d.names == nil {
		d.names = map[uint64]string{}
	}
	d.texts++
	rv := newRestateView(text, units, st)
	if rv == nil {
		return
	}
	fs := featureSet{names: d.names}
	rv.features(&fs)
	d.exs = append(d.exs, example{fs: fs.fs, y: central(rv.cand)})
}

// Examples returns how many examples d holds.
func (d *RestateData) Examples() int { return len(d.exs) }

// restateFit are the restater's fitting options (the structure
// classifiers' AdaGrad defaults with a small L2).
var restateFit = fitOptions{Epochs: 20, Rate: 0.1, L2: 1e-3}

// TrainRestater fits a restater on d, fitted on the named sets; the same
// data and seed always give the same weights.
func TrainRestater(d *RestateData, sets []string, seed uint64) *Restater {
	o := restateFit
	o.Seed = seed
	return &Restater{lr: fit(d.exs, o), info: RestateInfo{Sets: sets, Texts: d.texts, Seed: seed}, names: d.names}
}

// restateFile is the JSON form of a Restater.
type restateFile struct {
	Version int                `json:"version"`
	Info    RestateInfo        `json:"info"`
	Weights map[string]float64 `json:"weights"`
}

const restateVersion = 1

// MarshalJSON writes r's weights by feature name.
func (r *Restater) MarshalJSON() ([]byte, error) {
	ws, err := r.lr.named(r.names, "restater weights")
	if err != nil {
		return nil, err
	}
	f := restateFile{Version: restateVersion, Info: r.info, Weights: ws}
	return encodeWeights(f, "restater weights")
}

// LoadRestater reads weights written by Restater.MarshalJSON.
func LoadRestater(data []byte) (*Restater, error) {
	var f restateFile
	if err := decodeWeights(data, &f, &f.Version, restateVersion, "restater weights"); err != nil {
		return nil, err
	}
	lr, err := fromNamed(f.Weights, "restater weights:")
	if err != nil {
		return nil, err
	}
	return &Restater{lr: lr, info: f.Info}, nil
}

//go:embed restate.json
var embeddedRestate []byte
