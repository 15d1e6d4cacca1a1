package structure

import (
	_ "embed"
	"math"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

// In a text read a sentence a unit, whether a unit supports or contests
// what it bears on was decided by the paragraph rules' constructions and
// by the relinker's kind model, which leans on the decoding's kind; an
// attack on the thesis read as a support was the most common wrong kind
// (a view others hold, a point granted, a study's limitation, a reply
// that turns a thread's opening post down). The kinder decides again the
// kind of every relation of such a text once it is relinked, with a
// logistic model over general features of the pair, none of them the
// kind the rules chose:
//   - the unit: the connective classes it opens with and that of the
//     sentence before it in its paragraph, negation, modality, a question,
//     a view it reports (others say, it is often argued), a point granted
//     or acknowledged, a denial of what came before, agreement, a worry
//     named, a word of opposing, a study's limitation, its word valence;
//   - the target: the same marks, whether it is a central claim, and which
//     side of the thesis the decoding puts it on (the kinds on its path to
//     the thesis), and the kind of its own relation;
//   - the pair: negation on one side only, valence of opposite signs, a
//     turn ("But …", "Yet …") between them, an answer right after the
//     unit, their distance and order, the microtexts model's reading of
//     the pair (the unit's attack probability, whether the two voice the
//     same side), the probability the decoding gives each of voicing the
//     opponent;
//   - where the unit stands (opening, body, closing paragraph; first,
//     middle, last sentence) and the kind of text (a thread, a text of one
//     paragraph, of several).
// Its weights (kinds.json) are fitted on the gold relations of the
// labelled long-text sets through the extraction pipeline
// (KindData.Recorder) by `go test ./internal/extract/ -run
// TestKinderWeights -update`, with the thesis scorer's fitting options;
// `go test ./internal/extract/ -run TestKinderFolds -v` scores it leaving
// one set out (the relinker fitted without the set too): the mean relation
// F1 of the thirteen sets rose from 0.712 to 0.717 (pooled 0.702 -> 0.707),
// kinds right where the decoding's target is the gold one 776 -> 782 of
// 844; with heldout-s16 (fourteen sets) 0.712 -> 0.718 (pooled 0.703 ->
// 0.709); with heldout-s17 (fifteen) 0.711 -> 0.715 (pooled 0.702 ->
// 0.707); with heldout-s18 (sixteen) 0.706 -> 0.714 (pooled 0.701 ->
// 0.709), and since the relinker reads how many units the decoding hung
// on a candidate, 0.710 -> 0.717 (pooled 0.704 -> 0.712); with heldout-s19 (seventeen) 0.704 -> 0.708 (pooled 0.698 -> 0.703). Each feature counts once alone and once joined with the kind the
// decoding gave the pair; without that kind among its features it lost
// (kinds right 742 against the decoding's 805 of 870), with it unjoined it
// lost a little (0.730 -> 0.723 with the shipped relinker), and it decides
// the units the rules' constructions set too (leaving them alone: 0.731
// against 0.733).

// Kinder holds the kinder's weights. A Kinder is read only once made.
type Kinder struct {
	lr    *logReg
	info  KindInfo
	names map[uint64]string // feature names, when trained here
}

// KindInfo says what a kinder was fitted on.
type KindInfo struct {
	Sets     []string `json:"sets"`
	Texts    int      `json:"texts"`
	Examples int      `json:"examples"`
	Seed     uint64   `json:"seed"`
}

// Info returns what k was fitted on.
func (k *Kinder) Info() KindInfo { return k.info }

// WithKinder returns a copy of m that decides the kinds of the relations
// of texts read a sentence a unit with k (nil: the kinds stand as the
// decoding and the relinker left them).
func (m *Model) WithKinder(k *Kinder) *Model {
	c := *m
	c.kinder = k
	return &c
}

// kindView is what the kinder reads of a relinked text.
type kindView struct {
	*relinkText
	val  []float64 // each unit's summed word valence
	side []int     // the decoding's side of each unit: 0 the thesis's, 1 against it, -1 unknown
}

func (m *Model) newKindView(text string, units []Unit, st Structure) *kindView {
	x := &kindView{relinkText: m.newRelinkText(text, units, st, false)}
	x.val = make([]float64, len(units))
	for i := range units {
		for _, w := range x.v.info[i].ws {
			x.val[i] += lexicon.Valence(w)
		}
	}
	x.side = make([]int, len(units))
	for i := range units {
		x.side[i] = -1
		att := 0
		for k, steps := i, 0; k >= 0 && steps <= len(units); k, steps = x.head[k], steps+1 {
			if x.central[k] {
				x.side[i] = att % 2
				break
			}
			if x.kind[k] == Attack {
				att++
			}
		}
	}
	return x
}

func valSign(v float64) string {
	switch {
	case v >= 1:
		return "pos"
	case v <= -1:
		return "neg"
	}
	return "none"
}

var (
	kKdBias   = newKey("kd.bias")
	kKdRule   = newKey("kd.rule=")
	kKdCls    = newKey("kd.cls=")
	kKdPrev   = newKey("kd.prev=")
	kKdFlag   = newKey("kd.flag=")
	kKdTo     = newKey("kd.to=")
	kKdPair   = newKey("kd.pair=")
	kKdPlace  = newKey("kd.place=")
	kKdAtt    = newKey("kd.att")
	kKdSame   = newKey("kd.same")
	kKdOpp    = newKey("kd.opp=")
	kKdVal    = newKey("kd.val=")
	kKdSide   = newKey("kd.side=")
	kKdToKind = newKey("kd.tokind=")
)

// unitMarks returns the general marks of unit i: a view reported, a point
// granted or acknowledged, a denial, agreement, a worry, opposing, a
// limitation, negation, modality, a question.
func (x *kindView) unitMarks(i int) []struct {
	name string
	on   bool
} {
	in := &x.v.info[i]
	return []struct {
		name string
		on   bool
	}{
		{"reported", in.reported || reportsView(in.ws) || othersSay(in.ws)}, {"grants", grants(in)},
		{"acknowledges", acknowledges(in.ws)}, {"rejects", rejects(in)}, {"agrees", agrees(in)},
		{"concern", raisesConcern(in)}, {"opposes", containsAny(in.ws, againstWords)}, {"limit", x.limit[i]},
		{"neg", in.neg}, {"strong", in.strong}, {"weak", in.weak}, {"question", in.question},
		{"person1", in.person1}, {"eval", in.eval > 0},
	}
}

// kindFeatures adds the features of unit i bearing on j as the kinder
// reads them.
func (m *Model) kinderFeatures(fs *featureSet, x *kindView, i, j int) {
	in, jn := &x.v.info[i], &x.v.info[j]
	from := len(fs.fs)
	rule := "other" // the kind the decoding gave this pair, if it has it
	if x.head[i] == j {
		rule = x.kind[i].String()
	}
	// every feature counts once alone and once with the decoding's kind:
	// what it says of a pair depends on what the rules made of it
	defer func() {
		n := len(fs.fs)
		for _, f := range fs.fs[from:n] {
			h := f.id
			for k := 0; k < len(rule)+1; k++ {
				c := byte('|')
				if k > 0 {
					c = rule[k-1]
				}
				h ^= uint64(c)
				h *= fnvPrime
			}
			fs.fs = append(fs.fs, feat{id: h, v: f.v})
			if fs.names != nil {
				fs.names[h] = fs.names[f.id] + "|" + rule
			}
		}
	}()
	fs.on(kKdBias)
	fs.on(kKdRule, rule)
	if x.st.Ruled != nil && x.st.Ruled[i] {
		fs.on(kKdRule, "ruled.", rule)
	}
	fs.on(kKdCls, orNone(in.class))
	fs.on(kKdCls, "2.", orNone(in.class2))
	for _, a := range in.any {
		fs.on(kKdCls, "any.", a)
	}
	if !in.sentFirst {
		fs.on(kKdCls, "split.", orNone(in.sentClass))
	}
	// the sentence before in the paragraph: what it opens with, and
	// whether it raised a view or granted a point
	prev := -1
	for k := i - 1; k >= 0 && x.units[k].Para == x.units[i].Para; k-- {
		if x.units[k].Sent < x.units[i].Sent {
			prev = k
			for prev > 0 && x.units[prev-1].Sent == x.units[k].Sent {
				prev--
			}
			break
		}
	}
	if prev < 0 {
		fs.on(kKdPrev, "none")
	} else {
		pn := &x.v.info[prev]
		fs.on(kKdPrev, orNone(pn.class))
		if pn.reported || reportsView(pn.ws) || othersSay(pn.ws) {
			fs.on(kKdPrev, "reported")
		}
		if grants(pn) {
			fs.on(kKdPrev, "grants")
		}
		if prev == j {
			fs.on(kKdPrev, "target")
		}
	}
	for _, f := range x.unitMarks(i) {
		if f.on {
			fs.on(kKdFlag, f.name)
		}
	}
	group := "same"
	switch {
	case x.central[j]:
		group = "central"
	case x.units[j].Para != x.units[i].Para:
		group = "far"
	}
	fs.on(kKdTo, group)
	for _, f := range x.unitMarks(j) {
		if f.on {
			fs.on(kKdTo, f.name)
		}
	}
	fs.on(kKdTo, "cls.", orNone(jn.class))
	switch {
	case x.central[j]:
		fs.on(kKdToKind, "central")
	case x.head[j] < 0:
		fs.on(kKdToKind, "none")
	default:
		fs.on(kKdToKind, x.kind[j].String())
	}
	fs.on(kKdSide, "to.", []string{"unknown", "pro", "con"}[x.side[j]+1])
	// the pair
	vi, vj := valSign(x.val[i]), valSign(x.val[j])
	fs.on(kKdVal, vi, ".", vj)
	if vi != "none" && vj != "none" && vi != vj {
		fs.on(kKdVal, "opposite")
	}
	turn := false
	for k := min(i, j) + 1; k <= max(i, j); k++ {
		if c := x.v.info[k].class; x.v.info[k].sentFirst && (c == classContrast || c == classConcession) {
			turn = true
		}
	}
	answered := false
	for k := i + 1; k < len(x.units) && x.units[k].Para == x.units[i].Para; k++ {
		if kn := &x.v.info[k]; kn.sentFirst {
			answered = kn.class == classContrast || kn.class == classConcession
			break
		}
	}
	for _, f := range []struct {
		name string
		on   bool
	}{
		{"turn", turn}, {"answered", answered}, {"negdiff", in.neg != jn.neg}, {"after", i > j},
		{"turn.central", turn && x.central[j]}, {"reported.central", x.v.info[i].reported && x.central[j]},
	} {
		if f.on {
			fs.on(kKdPair, f.name)
		}
	}
	d := x.units[i].Sent - x.units[j].Sent
	if d < 0 {
		d = -d
	}
	fs.on(kKdPair, "dist.", bucket(d, 1, 2, 4))
	opp, att := m.pairRoles(x.text, x.units, j, i)
	fs.add(kKdAtt, att[1])
	fs.add(kKdSame, opp[1]*opp[0]+(1-opp[1])*(1-opp[0]))
	if len(x.st.Opponent) == len(x.units) {
		fs.on(kKdOpp, "from.", bucket(int(math.Floor(x.st.Opponent[i]*4)), 0, 1, 2))
		fs.on(kKdOpp, "to.", bucket(int(math.Floor(x.st.Opponent[j]*4)), 0, 1, 2))
	}
	para, sent := x.place(i)
	fs.on(kKdPlace, para, ".", sent)
	fs.on(kKdPlace, "text.", x.textKind)
}

// Rekind decides again the kind of each relation of a text read a
// sentence a unit (st.Whole) but undercuts, when m has a kinder; it
// returns st as it is otherwise. When pairs are recorded (KindData) it
// records the text.
func (m *Model) Rekind(text string, units []Unit, st Structure) Structure {
	if !st.Whole || m.kinder == nil && m.kindRec == nil || len(st.Central) == 0 || len(units) < 2 {
		return st
	}
	x := m.newKindView(text, units, st)
	if m.kindRec != nil {
		doc := &kindDoc{units: units, x: x, m: m}
		m.kindRec.docs = append(m.kindRec.docs, doc)
	}
	if m.kinder == nil {
		return st
	}
	out := st
	out.Relations = append([]Relation(nil), st.Relations...)
	var fs featureSet
	for k, r := range out.Relations {
		if r.Undercut || x.central[r.From] {
			continue
		}
		fs.fs = fs.fs[:0]
		m.kinderFeatures(&fs, x, r.From, r.To)
		kind := Support
		if m.kinder.lr.score(fs.fs) > 0 {
			kind = Attack
		}
		out.Relations[k].Kind = kind
	}
	return out
}

// kindDoc is one text the kinder recorded.
type kindDoc struct {
	units []Unit
	x     *kindView
	m     *Model
}

// kindRecord collects the texts the kinder sees (KindData.Recorder).
type kindRecord struct {
	docs  []*kindDoc
	names map[uint64]string
}

// KindData gathers training examples for a kinder from texts whose gold
// structure is known: one example a gold relation whose two units the
// text's units stand for.
type KindData struct {
	rec   kindRecord
	exs   []example
	rule  []bool // the kind the text's relation from the same unit to the same target had (attack), where it had one
	ruled []bool // whether it had one
	texts int
}

// Recorder returns a copy of m that records, each time it decides the
// kinds of a text, that text into d; Label then labels it.
func (d *KindData) Recorder(m *Model) *Model {
	if d.rec.names == nil {
		d.rec.names = map[uint64]string{}
	}
	c := *m
	c.kindRec = &d.rec
	return &c
}

// Label turns the texts recorded since the last call into examples:
// gold(u) tells what the gold says of unit u (RelinkGold). Each unit whose
// gold relation's target some unit of the text stands for (the first
// such) gives one example.
func (d *KindData) Label(gold func(u Unit) RelinkGold) {
	for _, doc := range d.rec.docs {
		d.texts++
		g := make([]RelinkGold, len(doc.units))
		for i, u := range doc.units {
			g[i] = gold(u)
		}
		for i := range doc.units {
			if g[i].To == "" || doc.x.central[i] {
				continue
			}
			j := -1
			for k := range doc.units {
				if k != i && g[k].ID == g[i].To {
					j = k
					break
				}
			}
			if j < 0 {
				continue
			}
			fs := featureSet{names: d.rec.names}
			doc.m.kinderFeatures(&fs, doc.x, i, j)
			d.exs = append(d.exs, example{fs: fs.fs, y: g[i].Attack})
			d.ruled = append(d.ruled, doc.x.head[i] == j)
			d.rule = append(d.rule, doc.x.head[i] == j && doc.x.kind[i] == Attack)
		}
	}
	d.rec.docs = d.rec.docs[:0]
}

// Examples returns how many examples d holds.
func (d *KindData) Examples() int { return len(d.exs) }

// kindFit are the kinder's fitting options: the thesis scorer's and the
// relinker's (thesisFit, relinkFit), set before the kinder was first
// scored.
var kindFit = relinkFit

// TrainKinder fits a kinder on the examples of ds, fitted on the named
// sets; the same data and seed always give the same weights.
func TrainKinder(sets []string, seed uint64, ds ...*KindData) *Kinder {
	o := kindFit
	o.Seed = seed
	var exs []example
	names := map[uint64]string{}
	texts := 0
	for _, d := range ds {
		exs = append(exs, d.exs...)
		for k, v := range d.rec.names {
			names[k] = v
		}
		texts += d.texts
	}
	return &Kinder{lr: fit(exs, o), info: KindInfo{Sets: sets, Texts: texts, Examples: len(exs), Seed: seed}, names: names}
}

// Accuracy counts the examples of d whose kind k reads right, and, among
// those whose unit the text's relation hung on the gold target, how many
// k and the text's kind read right, of how many.
func (k *Kinder) Accuracy(d *KindData) (right, n, ruledRight, ruleRight, ruled int) {
	for e, ex := range d.exs {
		ok := (k.lr.score(ex.fs) > 0) == ex.y
		if ok {
			right++
		}
		if d.ruled[e] {
			ruled++
			if ok {
				ruledRight++
			}
			if d.rule[e] == ex.y {
				ruleRight++
			}
		}
	}
	return right, len(d.exs), ruledRight, ruleRight, ruled
}

// Choices returns whether k reads each example of d as an attack, in d's
// order: what a kinder decides, to compare two of them.
func (k *Kinder) Choices(d *KindData) []bool {
	var out []bool
	for _, ex := range d.exs {
		out = append(out, k.lr.score(ex.fs) > 0)
	}
	return out
}

// kindFile is the JSON form of a Kinder.
type kindFile struct {
	Version int                `json:"version"`
	Info    KindInfo           `json:"info"`
	Weights map[string]float64 `json:"weights"`
}

const kindVersion = 1

// MarshalJSON writes k's weights by feature name.
func (k *Kinder) MarshalJSON() ([]byte, error) {
	ws, err := k.lr.named(k.names, "kind weights")
	if err != nil {
		return nil, err
	}
	return encodeWeights(kindFile{Version: kindVersion, Info: k.info, Weights: ws}, "kind weights")
}

// LoadKinder reads weights written by Kinder.MarshalJSON.
func LoadKinder(data []byte) (*Kinder, error) {
	var f kindFile
	if err := decodeWeights(data, &f, &f.Version, kindVersion, "kind weights"); err != nil {
		return nil, err
	}
	lr, err := fromNamed(f.Weights, "kind weights")
	if err != nil {
		return nil, err
	}
	return &Kinder{lr: lr, info: f.Info}, nil
}

//go:embed kinds.json
var embeddedKinds []byte
