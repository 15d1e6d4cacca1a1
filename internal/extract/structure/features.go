package structure

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/argmap/argmap/internal/extract/lexicon"
	"github.com/argmap/argmap/internal/extract/lexicon/vectors"
)

// The names of the features, hashed once (see featureKey).
var (
	kRelpos                = newKey("relpos")
	kDegfrac               = newKey("degfrac")
	kStrongLast            = newKey("strong&last")
	kStrongFirst           = newKey("strong&first")
	kExcl                  = newKey("!")
	kQ                     = newKey("q")
	kYou                   = newKey("you")
	kI                     = newKey("i")
	kNeg                   = newKey("neg")
	kWeak                  = newKey("weak")
	kStrong                = newKey("strong")
	kAfterIs               = newKey("after=")
	kAfterSubject          = newKey("after.subject")
	kAnyIs                 = newKey("any=")
	kAuxIs                 = newKey("aux=")
	kBetweenContrastDirIs  = newKey("between.contrast&dir=")
	kBias                  = newKey("bias")
	kBwIs                  = newKey("bw=")
	kCls2Is                = newKey("cls2=")
	kClsAfterSubjectIs     = newKey("cls&after.subject=")
	kClsAuxIs              = newKey("cls&aux=")
	kClsIs                 = newKey("cls=")
	kClsPosIs              = newKey("cls&pos=")
	kClsPunctIs            = newKey("cls&punct=")
	kClsRposIs             = newKey("cls&rpos=")
	kDegmax                = newKey("degmax")
	kDistIs                = newKey("dist=")
	kEvalIs                = newKey("eval=")
	kFirstSent0PunctIs     = newKey("first&sent0&punct=")
	kInnerSentclsIs        = newKey("inner&sentcls=")
	kLeftIs                = newKey("left=")
	kLenIs                 = newKey("len=")
	kNextIs                = newKey("next=")
	kNextPunctIs           = newKey("next&punct=")
	kOtherpara             = newKey("otherpara")
	kPosIs                 = newKey("pos=")
	kPrevIs                = newKey("prev=")
	kPunctIs               = newKey("punct=")
	kRightIs               = newKey("right=")
	kRolesDistIs           = newKey("roles&dist=")
	kRolesIs               = newKey("roles=")
	kRolesSrcClsIs         = newKey("roles&src.cls=")
	kRolesTrgRootIs        = newKey("roles&trg.root=")
	kRposIs                = newKey("rpos=")
	kRsposIs               = newKey("rspos=")
	kSamesentDirIs         = newKey("samesent&dir=")
	kSamesentSrcClsIs      = newKey("samesent&src.cls=")
	kSent0ClsIs            = newKey("sent0&cls=")
	kSent0PunctIs          = newKey("sent0&punct=")
	kSentclsIs             = newKey("sentcls=")
	kSentfirst             = newKey("sentfirst")
	kSentlast              = newKey("sentlast")
	kSharedIs              = newKey("shared=")
	kSharedTopDirIs        = newKey("shared.top&dir=")
	kSposIs                = newKey("spos=")
	kSposSentfirstIs       = newKey("spos&sentfirst=")
	kSplaceClsIs           = newKey("splace&cls=")
	kSrcAnyDirIs           = newKey("src.any&dir=")
	kSrcClsDirIs           = newKey("src.cls&dir=")
	kSrcClsDistIs          = newKey("src.cls&dist=")
	kSrcClsTrgClsIs        = newKey("src.cls&trg.cls=")
	kSrcClsTrgStrongIs     = newKey("src.cls&trg.strong=")
	kSrcInnerDistIs        = newKey("src.inner&dist=")
	kSrcPosTrgPosIs        = newKey("src.pos&trg.pos=")
	kSrcSentclsDirIs       = newKey("src.sentcls&dir=")
	kSrcSentfirstDistIs    = newKey("src.sentfirst&dist=")
	kSrcW0DirIs            = newKey("src.w0&dir=")
	kTrgAnyIs              = newKey("trg.any=")
	kTrgClsDirIs           = newKey("trg.cls&dir=")
	kTrgClsIs              = newKey("trg.cls=")
	kTrgDegmax             = newKey("trg.degmax")
	kTrgFirstSrcClsIs      = newKey("trg.first&src.cls=")
	kTrgI                  = newKey("trg.i")
	kTrgKindIs             = newKey("trg.kind=")
	kTrgKindSrcClsIs       = newKey("trg.kind&src.cls=")
	kTrgLastSrcClsIs       = newKey("trg.last&src.cls=")
	kTrgNbclsIs            = newKey("trg.nbcls=")
	kTrgNeg                = newKey("trg.neg")
	kTrgPosIs              = newKey("trg.pos=")
	kTrgQ                  = newKey("trg.q")
	kTrgRoot               = newKey("trg.root")
	kTrgRootDistIs         = newKey("trg.root&dist=")
	kTrgRootSrcClsIs       = newKey("trg.root&src.cls=")
	kTrgRootSrcSentfirstIs = newKey("trg.root&src.sentfirst=")
	kTrgRposIs             = newKey("trg.rpos=")
	kTrgSentclsIs          = newKey("trg.sentcls=")
	kTrgStrongDirIs        = newKey("trg.strong&dir=")
	kTrgW0Is               = newKey("trg.w0=")
	kTrgWeak               = newKey("trg.weak")
	kW0Is                  = newKey("w0=")
	kStrongFirstInText     = newKey("strong.first.in.text")
	kStrongOnly            = newKey("strong.only")
	kEvalMax               = newKey("eval.max")
	kOpinionFirstInText    = newKey("opinion.first.in.text")
	kReported              = newKey("reported.view")
	kTrgReported           = newKey("trg.reported.view")
	kVecCosDirIs           = newKey("vec.cos&dir=")
	kVecTopDirIs           = newKey("vec.top&dir=")
)

// Every feature the classifiers see is built here: of a candidate split
// point (segmentation), of a unit (central claim, role, function, undercut)
// and of a pair of units (attachment).

// view is a text's units with what the features need, computed once.
type view struct {
	text  string
	units []Unit
	info  []unitInfo
	// opp is each unit's probability of voicing the opponent, when known:
	// the attachment features read it.
	opp []float64
	// oppFloor, when set, is the least opponent and attack log-odds of each
	// unit (the paragraph decoding's reportFloors; noEdge: none).
	oppFloor []float64
	// shared[i*n+j] counts the content stems units i and j share; deg[i]
	// how many other units share one with i.
	shared []int
	deg    []int
	maxDeg int
	// what the units are like next to the others: the first unit with a
	// strong modal and how many have one, the most evaluative words in a
	// unit, the first unit where the writer states an opinion
	firstStrong, nStrong, maxEval, firstOpinion int
	// the last unit that opens its sentence with an inference connective
	lastConclusion int
	// short: the units are a text of one paragraph parsed as one argument
	// (the central claim reads Model.ccShort)
	short bool
	// vec is what each unit is about (unitVecs), when asked for: the short
	// texts' central claim and attachment read it; cos[i*n+j] is the cosine
	// of units i and j (0 where either has no vector), set by unitCos
	vec [][]float64
	cos []float64
	// vecPairs: the attachment features read the word vectors (for the
	// short texts' attachment, Model.attachShort); prodApart: the products
	// of two units' values are scored apart (Model.vecProd), not added to
	// the pair's features
	vecPairs, prodApart bool
}

// unitInfo is what the features read of one unit.
type unitInfo struct {
	ws        []string
	class     string // connective class at the unit's start
	class2    string // a second connective right after the first ("but I think")
	sentClass string // connective class at the start of the unit's sentence
	first     string // first word, when it is a function word or a connective
	sentFirst bool   // the unit starts its sentence
	sentLast  bool   // the unit ends its sentence
	any       []string
	strong    bool // should, must, ought, need
	weak      bool // may, might, could
	neg       bool
	person1   bool
	person2   bool
	question  bool
	excl      bool
	reported  bool // opens by reporting the view of an unnamed many (reportedView)
	eval      int
	content   []uint64 // hashes of content-word stems (six letters), sorted, for overlap
	fl        []uint16 // the words' flags
}

// newView computes the unit information of units in text.
func newView(text string, units []Unit) *view {
	v := &view{text: text, units: units, info: make([]unitInfo, len(units))}
	var toks []token
	// the units' content hashes, cut from a few arrays: room for every
	// word of the units at first (a word a five bytes where not split yet)
	var content []uint64
	room := 0
	for _, u := range units {
		if u.ws != nil {
			room += len(u.ws)
		} else {
			room += (u.End-u.Start)/5 + 1
		}
	}
	for i, u := range units {
		in := &v.info[i]
		if in.ws, in.fl = u.ws, u.fl; in.ws == nil {
			toks = tokenize(text, u.Start, u.End, toks[:0])
			in.ws = words(toks)
		}
		if in.fl == nil {
			in.fl = make([]uint16, len(in.ws))
			for k, w := range in.ws {
				in.fl[k] = flagsOf(w)
			}
		}
		in.sentFirst = i == 0 || units[i-1].Sent != u.Sent
		in.sentLast = i == len(units)-1 || units[i+1].Sent != u.Sent
		ws := in.ws
		c, n := connectiveAtFlagged(ws, in.fl, 0)
		in.class = c
		in.reported = c == classNone && reportedView(ws)
		if n > 0 {
			in.class2, _ = connectiveAtFlagged(ws, in.fl, n)
		}
		if len(ws) > 0 && in.fl[0]&(wFunction|wConnective) != 0 {
			in.first = ws[0]
		}
		in.sentClass = in.class
		if !in.sentFirst {
			for k := i - 1; k >= 0; k-- {
				if v.info[k].sentFirst {
					in.sentClass = v.info[k].class
					break
				}
			}
		}
		for k := 0; k < len(ws); k++ {
			w := ws[k]
			f := in.fl[k]
			if k > 0 && f&wConnective != 0 {
				if c, n := connectiveAt(ws, k); c != classNone && (n > 1 || f&wAmbiguous == 0) && !contains(in.any, c) {
					in.any = append(in.any, c)
				}
			}
			switch {
			case f&wStrong != 0:
				in.strong = in.strong || w != "have" && w != "has" && w != "need" && w != "needs" || k+1 < len(ws) && ws[k+1] == "to"
			case f&wWeak != 0:
				in.weak = true
			}
			in.neg = in.neg || f&wNeg != 0 || strings.HasSuffix(w, "n't")
			in.person1 = in.person1 || f&wPerson1 != 0
			in.person2 = in.person2 || f&wPerson2 != 0
			if f&wEval != 0 {
				in.eval++
			}
			if f&wFunction == 0 && len(w) > 3 {
				if in.content == nil {
					if cap(content)-len(content) < len(ws)-k {
						content = make([]uint64, 0, max(len(ws)-k, room))
					}
					in.content = content[len(content) : len(content) : len(content)+len(ws)-k] // room for the rest of the unit
				}
				in.content = append(in.content, hashName(w[:min(len(w), 6)], ""))
			}
		}
		content = content[:len(content)+len(in.content)]
		slices.Sort(in.content)
		in.content = slices.Clip(slices.Compact(in.content)) // capped: the next unit's hashes follow
		t := strings.TrimRight(text[u.Start:u.End], " \t\n\"'”’)")
		in.question = strings.HasSuffix(t, "?")
		in.excl = strings.HasSuffix(t, "!")
	}
	n := len(units)
	pairs := make([]int, n*n+n) // shared, then deg
	v.shared, v.deg = pairs[:n*n:n*n], pairs[n*n:]
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			k := overlap(v.info[i].content, v.info[j].content)
			v.shared[i*n+j], v.shared[j*n+i] = k, k
			if k > 0 {
				v.deg[i]++
				v.deg[j]++
			}
		}
	}
	for _, d := range v.deg {
		v.maxDeg = max(v.maxDeg, d)
	}
	v.firstStrong, v.firstOpinion, v.lastConclusion = -1, -1, -1
	for k := range v.info {
		o := &v.info[k]
		if o.sentFirst && o.class == classConclusion {
			v.lastConclusion = k
		}
		if o.strong {
			v.nStrong++
			if v.firstStrong < 0 {
				v.firstStrong = k
			}
		}
		v.maxEval = max(v.maxEval, o.eval)
		if v.firstOpinion < 0 && (o.class == classOpinion || o.class2 == classOpinion || contains(o.any, classOpinion)) {
			v.firstOpinion = k
		}
	}
	return v
}

// numbers and numbersPlus name small bucket edges without allocating.
var numbers, numbersPlus = func() (a, b [64]string) {
	for i := range a {
		a[i] = strconv.Itoa(i - 8)
		b[i] = a[i] + "+"
	}
	return a, b
}()

// bucket names the first edge n is at most, or the last edge with "+".
func bucket(n int, edges ...int) string {
	for _, e := range edges {
		if n <= e {
			return numbers[e+8]
		}
	}
	return numbersPlus[edges[len(edges)-1]+8]
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// unitFeatures adds the features of unit i (prefixed with p) to fs: its
// position, connectives, modality, negation, person, punctuation, length and
// function words, and with near=true those of its neighbours.
func (v *view) unitFeatures(fs *featureSet, i int, near bool) {
	n := len(v.units)
	in := &v.info[i]
	fs.on(kBias, "")
	fs.on(kPosIs, bucket(i, 0, 1, 2, 3))
	fs.on(kRposIs, bucket(n-1-i, 0, 1, 2))
	// position by sentence: a split sentence's clauses share it
	first, last := v.units[0].Sent, v.units[n-1].Sent
	fs.on(kSposIs, bucket(v.units[i].Sent-first, 0, 1, 2))
	fs.on(kRsposIs, bucket(last-v.units[i].Sent, 0, 1))
	fs.on(kSposSentfirstIs, bucket(v.units[i].Sent-first, 0, 1), boolName(in.sentFirst))
	if n > 1 {
		fs.add(kRelpos, float64(i)/float64(n-1))
	}
	fs.on(kClsIs, orNone(in.class))
	fs.on(kCls2Is, orNone(in.class2))
	fs.on(kClsPosIs, orNone(in.class), bucket(i, 0, 1))
	fs.on(kClsRposIs, orNone(in.class), bucket(n-1-i, 0, 1))
	fs.on(kW0Is, orNone(in.first))
	fs.on(kSentclsIs, orNone(in.sentClass))
	if in.sentFirst {
		fs.on(kSentfirst, "")
	}
	if in.sentLast {
		fs.on(kSentlast, "")
	}
	if !in.sentFirst {
		fs.on(kInnerSentclsIs, orNone(in.sentClass))
	}
	for _, c := range in.any {
		fs.on(kAnyIs, c)
	}
	flag := func(k featureKey, b bool) {
		if b {
			fs.on(k)
		}
	}
	flag(kReported, in.reported)
	flag(kStrong, in.strong)
	flag(kWeak, in.weak)
	flag(kNeg, in.neg)
	flag(kI, in.person1)
	flag(kYou, in.person2)
	flag(kQ, in.question)
	flag(kExcl, in.excl)
	flag(kStrongFirst, in.strong && i == 0)
	flag(kStrongLast, in.strong && i == n-1)
	fs.on(kEvalIs, bucket(in.eval, 0, 1, 2))
	// the same next to the text's other units: which unit is the most
	// claim-like is what the central claim chooses
	flag(kStrongFirstInText, v.firstStrong == i)
	flag(kStrongOnly, in.strong && v.nStrong == 1)
	flag(kEvalMax, in.eval > 0 && in.eval == v.maxEval)
	flag(kOpinionFirstInText, v.firstOpinion == i)
	fs.on(kLenIs, bucket(len(in.ws), 4, 8, 14, 22))
	if n > 1 {
		fs.add(kDegfrac, float64(v.deg[i])/float64(n-1))
		if v.deg[i] == v.maxDeg && v.maxDeg > 0 {
			fs.on(kDegmax, "")
		}
	}
	for k, w := range in.ws {
		if in.fl[k]&wFunction != 0 {
			fs.on(kBwIs, w) // a bag: a word twice counts twice
		}
	}
	if !near {
		return
	}
	for d, k := range [2]*neighbourKeys{&prevKeys, &nextKeys} {
		j := i - 1 + 2*d
		if j < 0 || j >= n {
			fs.on(k.none)
			continue
		}
		o := &v.info[j]
		fs.on(k.cls, orNone(o.class))
		flag(k.strong, o.strong)
		flag(k.q, o.question)
		flag(k.sentFirst, o.sentFirst)
	}
}

// The central-claim classifier's own features: few, general and comparing
// the unit with the text's others. With 137 training texts the unit
// features above (function-word bag, first words, connective by position)
// let it learn the training texts rather than where a thesis stands; this
// small set does better under cross-validation (see train.go).
var (
	kCCFirst          = newKey("cc.first")
	kCCLast           = newKey("cc.last")
	kCCSecond         = newKey("cc.second")
	kCCFirstSent      = newKey("cc.firstsent")
	kCCLastSent       = newKey("cc.lastsent")
	kCCSentFirst      = newKey("cc.sentfirst")
	kCCClsIs          = newKey("cc.cls=")
	kCCInnerSentclsIs = newKey("cc.inner.sentcls=")
	kCCPrevClsIs      = newKey("cc.prev.cls=")
	kCCPrevClsSameIs  = newKey("cc.prev.cls&samesent=")
	kCCNextClsIs      = newKey("cc.next.cls=")
	kCCNextClsSameIs  = newKey("cc.next.cls&samesent=")
	kCCStrong         = newKey("cc.strong")
	kCCWeak           = newKey("cc.weak")
	kCCNeg            = newKey("cc.neg")
	kCCI              = newKey("cc.i")
	kCCYou            = newKey("cc.you")
	kCCQ              = newKey("cc.q")
	kCCEval           = newKey("cc.eval")
	kCCEvalMax        = newKey("cc.eval.max")
	kCCStrongFirst    = newKey("cc.strong.first.in.text")
	kCCStrongOnly     = newKey("cc.strong.only")
	kCCOpinion        = newKey("cc.opinion")
	kCCOpinionFirst   = newKey("cc.opinion.first.in.text")
	kCCAnyIs          = newKey("cc.any=")
	kCCLenIs          = newKey("cc.len=")
	kCCDegfrac        = newKey("cc.degfrac")
	kCCDegmax         = newKey("cc.degmax")
	kCCLastConclusion = newKey("cc.last.conclusion.in.text")
	kCCReported       = newKey("cc.reported.view")
	kCCOpponent       = newKey("cc.opponent.likely")
)

// ccFeatures adds the features of unit i as a candidate central claim:
// where it stands (first, second, last, first or last sentence, opening its
// sentence), its connective and its neighbours' (in its sentence or not),
// modality, negation, person, question, evaluation, opinion, length, how
// many units share its content words, and beside the others: the first
// strong modal, the only one, the most evaluative, the first opinion, the
// last sentence the text opens with an inference connective ("So, …",
// "Therefore, …", "All in all, …"). Last, whether it reports the view of an
// unnamed many and whether the role classifier (v.opp, cross-fitted in
// training) takes it for the opponent's.
func (v *view) ccFeatures(fs *featureSet, i int) {
	n := len(v.units)
	in := &v.info[i]
	flag := func(k featureKey, b bool) {
		if b {
			fs.on(k)
		}
	}
	flag(kCCFirst, i == 0)
	flag(kCCLast, i == n-1)
	flag(kCCSecond, i == 1)
	flag(kCCFirstSent, v.units[i].Sent == v.units[0].Sent)
	flag(kCCLastSent, v.units[i].Sent == v.units[n-1].Sent)
	flag(kCCSentFirst, in.sentFirst)
	fs.on(kCCClsIs, orNone(in.class))
	if !in.sentFirst {
		fs.on(kCCInnerSentclsIs, orNone(in.sentClass))
	}
	if i > 0 {
		c := orNone(v.info[i-1].class)
		fs.on(kCCPrevClsIs, c)
		fs.on(kCCPrevClsSameIs, c, boolName(v.units[i-1].Sent == v.units[i].Sent))
	}
	if i+1 < n {
		c := orNone(v.info[i+1].class)
		fs.on(kCCNextClsIs, c)
		fs.on(kCCNextClsSameIs, c, boolName(v.units[i+1].Sent == v.units[i].Sent))
	}
	flag(kCCStrong, in.strong)
	flag(kCCWeak, in.weak)
	flag(kCCNeg, in.neg)
	flag(kCCI, in.person1)
	flag(kCCYou, in.person2)
	flag(kCCQ, in.question)
	flag(kCCEval, in.eval > 0)
	flag(kCCEvalMax, in.eval > 0 && in.eval == v.maxEval)
	flag(kCCStrongFirst, v.firstStrong == i)
	flag(kCCStrongOnly, in.strong && v.nStrong == 1)
	flag(kCCOpinion, in.class == classOpinion || in.class2 == classOpinion || contains(in.any, classOpinion))
	flag(kCCOpinionFirst, v.firstOpinion == i)
	for _, c := range in.any {
		fs.on(kCCAnyIs, c)
	}
	fs.on(kCCLenIs, bucket(len(in.ws), 4, 8, 14, 22))
	if n > 1 {
		fs.add(kCCDegfrac, float64(v.deg[i])/float64(n-1))
		flag(kCCDegmax, v.deg[i] == v.maxDeg && v.maxDeg > 0)
	}
	flag(kCCLastConclusion, v.lastConclusion == i)
	flag(kCCReported, in.reported)
	// the central claim is the writer's: a unit the role classifier takes
	// for the opponent's is rarely it
	if v.opp != nil {
		flag(kCCOpponent, v.opp[i] > 0.5)
	}
}

// ccVecKeys name the dimensions of a unit's word vector as features of the
// central claim (cc.vec0, cc.vec1, …).
var ccVecKeys = sync.OnceValue(func() []featureKey {
	keys := make([]featureKey, vectors.Default().Dims())
	for d := range keys {
		keys[d] = newKey("cc.vec" + strconv.Itoa(d))
	}
	return keys
})

// unitVecs sets v.vec: for each unit the sum of its content words' word
// vectors (looked up by lemma, else as written), scaled to unit length; nil
// for a unit with none in the table. It places a unit by what it is about
// and how it speaks of it (ban, costly, unfair, harm lie apart from
// describe, percent, year), which no word class of ours names.
func (v *view) unitVecs() {
	t, lx := vectors.Default(), lexicon.Default()
	v.vec = make([][]float64, len(v.units))
	for i := range v.units {
		in := &v.info[i]
		sum := make([]float64, t.Dims())
		n := 0
		for k, w := range in.ws {
			if in.fl[k]&wFunction != 0 {
				continue
			}
			// a word of the table is a lemma of the lexicon, its own
			// unless it is an irregular form too ("saw"): taken as it
			// stands it needs no look-up of its lemma
			if !lx.Irregular(w) && t.AddTo(sum, w) {
				n++
			} else if lm := lx.Lemma(w); t.AddTo(sum, lm) || lm != w && t.AddTo(sum, w) {
				n++
			}
		}
		norm := 0.0
		for _, x := range sum {
			norm += x * x
		}
		if n == 0 || norm == 0 {
			continue
		}
		norm = math.Sqrt(norm)
		for d := range sum {
			sum[d] /= norm
		}
		v.vec[i] = sum
	}
}

// unitCos sets v.cos from v.vec (unitVecs): what the short texts'
// attachment features read.
func (v *view) unitCos() {
	n := len(v.units)
	v.cos = make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			if v.vec[i] != nil && v.vec[j] != nil {
				c := 0.0
				for d, x := range v.vec[i] {
					c += x * v.vec[j][d]
				}
				v.cos[i*n+j], v.cos[j*n+i] = c, c
			}
		}
	}
}

// vecProdKeys name the dimensions of two units' word vectors as features
// of attachment: the product of their values (vec.prod0, vec.prod1, …).
var vecProdKeys = sync.OnceValue(func() []featureKey {
	keys := make([]featureKey, vectors.Default().Dims())
	for d := range keys {
		keys[d] = newKey("vec.prod" + strconv.Itoa(d))
	}
	return keys
})

// vecProdScale scales the products of two units' vector values (about
// 0.01 a dimension between unit-length vectors of 100 dimensions) to the
// size of a binary feature's.
const vecProdScale = 10

// cosName names a cosine of two units' word vectors by its bucket.
func cosName(c float64) string {
	switch {
	case c < 0.3:
		return "<.3"
	case c < 0.5:
		return "<.5"
	case c < 0.7:
		return "<.7"
	}
	return ">=.7"
}

// ccVecFeatures adds unit i's word vector (v.vec, set by unitVecs) to fs as
// one feature a dimension: for the central claim of short texts, which
// learns there which meanings a thesis has (an evaluation, a call for
// action) apart from the cue words. Cross-validated it raised the central
// claim by 0.017 and relation F1 by 0.007 (in-process, seeds 1..10), 0.022
// and 0.010 with scripts/cv-structure.sh.
func (v *view) ccVecFeatures(fs *featureSet, i int) {
	if v.vec == nil || v.vec[i] == nil {
		return
	}
	for d, k := range ccVecKeys() {
		fs.add(k, v.vec[i][d])
	}
}

// neighbourKeys name the features of the unit before or after.
type neighbourKeys struct{ none, cls, strong, q, sentFirst featureKey }

var (
	prevKeys = neighbourKeys{newKey("prev.none"), newKey("prev.cls="), newKey("prev.strong"), newKey("prev.q"), newKey("prev.sentfirst")}
	nextKeys = neighbourKeys{newKey("next.none"), newKey("next.cls="), newKey("next.strong"), newKey("next.q"), newKey("next.sentfirst")}
)

// overlap counts the values two sorted lists share.
func overlap(a, b []uint64) int {
	n := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// pairFeatures adds the features of unit i attaching to unit j: distance
// and direction, the connectives of both, whether they share a sentence or
// content words, and where the target stands.
func (v *view) pairFeatures(fs *featureSet, i, j int) {
	n := len(v.units)
	a, b := &v.info[i], &v.info[j]
	d := j - i
	dir := "after"
	if d < 0 {
		dir = "before"
	}
	ad := d
	if ad < 0 {
		ad = -ad
	}
	dist := distNames[boolIndex(d < 0)][min(ad, 4)]
	fs.on(kBias, "")
	fs.on(kDistIs, dist)
	fs.on(kSrcClsDirIs, orNone(a.class), dir)
	fs.on(kSrcClsDistIs, orNone(a.class), dist)
	fs.on(kTrgClsDirIs, orNone(b.class), dir)
	fs.on(kSrcClsTrgClsIs, orNone(a.class), "/", orNone(b.class))
	fs.on(kSrcW0DirIs, orNone(a.first), dir)
	fs.on(kSrcSentclsDirIs, orNone(a.sentClass), dir)
	fs.on(kTrgPosIs, bucket(j, 0, 1))
	fs.on(kTrgRposIs, bucket(n-1-j, 0, 1))
	fs.on(kSrcPosTrgPosIs, bucket(i, 0, 1), "/", bucket(j, 0, 1))
	if v.units[i].Sent == v.units[j].Sent {
		fs.on(kSamesentDirIs, dir)
		fs.on(kSamesentSrcClsIs, orNone(a.class))
	}
	if v.units[i].Para != v.units[j].Para {
		fs.on(kOtherpara, "")
	}
	if b.strong {
		fs.on(kTrgStrongDirIs, dir)
	}
	if b.question {
		fs.on(kTrgQ, "")
	}
	if a.sentFirst {
		fs.on(kSrcSentfirstDistIs, dist)
	} else {
		fs.on(kSrcInnerDistIs, dist)
	}
	shared := v.shared[i*n+j]
	fs.on(kSharedIs, bucket(shared, 0, 1, 2))
	top := shared > 0
	for k := 0; k < n && top; k++ {
		if k != i && v.shared[i*n+k] > shared {
			top = false
		}
	}
	if top {
		fs.on(kSharedTopDirIs, dir)
	}
	if v.deg[j] == v.maxDeg && v.maxDeg > 0 {
		fs.on(kTrgDegmax, "")
	}
	// the target is the nearest unit before that a connective points back to
	fs.on(kTrgNbclsIs, orNone(b.class), bucket(ad, 1, 2))
	// what the target is like: a thesis (first, modal, opinion) or a unit
	// that is itself a reason or an objection
	fs.on(kTrgW0Is, orNone(b.first))
	fs.on(kTrgSentclsIs, orNone(b.sentClass))
	if b.person1 {
		fs.on(kTrgI, "")
	}
	if b.weak {
		fs.on(kTrgWeak, "")
	}
	if b.neg {
		fs.on(kTrgNeg, "")
	}
	fs.on(kTrgFirstSrcClsIs, boolName(j == 0), orNone(a.class))
	fs.on(kTrgLastSrcClsIs, boolName(j == n-1), orNone(a.class))
	fs.on(kSrcClsTrgStrongIs, orNone(a.class), boolName(b.strong))
	for _, c := range b.any {
		fs.on(kTrgAnyIs, c)
	}
	for _, c := range a.any {
		fs.on(kSrcAnyDirIs, c, dir)
	}
	if v.opp != nil {
		ro := roleNames[boolIndex(v.opp[i] > 0.5)][boolIndex(v.opp[j] > 0.5)]
		fs.on(kRolesIs, ro)
		fs.on(kRolesDistIs, ro, dist)
		fs.on(kRolesSrcClsIs, ro, orNone(a.class))
	}
	// what the two are about (with v.vecPairs): how near their word
	// vectors lie, whether no other unit lies nearer i's, and the product of
	// their values a dimension, from which training learns a similarity of
	// its own (which meanings a unit shares with the unit it bears on),
	// where the cosine weighs every dimension alike
	if v.vecPairs && v.vec != nil && v.vec[i] != nil && v.vec[j] != nil {
		c := v.cos[i*n+j]
		fs.on(kVecCosDirIs, cosName(c), dir)
		top := true
		for k := 0; k < n && top; k++ {
			if k != i && k != j && v.vec[k] != nil && v.cos[i*n+k] > c {
				top = false
			}
		}
		if top {
			fs.on(kVecTopDirIs, dir)
		}
		if !v.prodApart {
			for d, k := range vecProdKeys() {
				fs.add(k, v.vec[i][d]*v.vec[j][d]*vecProdScale)
			}
		}
	}
	// is there a unit between them, and does it open with a contrast?
	if ad > 1 {
		lo, hi := min(i, j), max(i, j)
		for k := lo + 1; k < hi; k++ {
			if c := v.info[k].class; c == classContrast || c == classConcession {
				fs.on(kBetweenContrastDirIs, dir)
				break
			}
		}
	}
}

// auxiliaries mark a finite clause where there is no tagger.
var auxiliaries = set("is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "may",
	"might", "has", "have", "had", "do", "does", "did", "am", "be", "isn't", "aren't", "don't", "doesn't",
	"won't", "can't", "cannot", "shouldn't", "it's", "there's", "that's")

// subjects open a clause: pronouns and determiners.
var subjects = set("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there",
	"the", "a", "an", "many", "some", "most", "people", "one", "our", "their", "my", "your", "its", "his", "her")

// splitFeatures adds the features of a split before word k of a sentence
// with words ws, where punct is the punctuation between words k-1 and k and
// first tells the sentence's first candidate.
func splitFeatures(fs *featureSet, sw *sentWords, k int, punct string, first bool, place string) {
	ws, fl := sw.ws, sw.fl
	c, n := connectiveAtFlagged(ws, fl, k)
	fs.on(kBias, "")
	fs.on(kPunctIs, punct)
	fs.on(kClsIs, orNone(c))
	fs.on(kClsPunctIs, orNone(c), punct)
	// where the sentence stands in its paragraph, by connective (a word
	// that is a connective only in some uses, "as", "for", "since", apart)
	amb := ""
	if c != classNone && n == 1 && fl[k]&wAmbiguous != 0 {
		amb = "?"
	}
	fs.on(kSplaceClsIs, place, "/", orNone(c), amb)
	next := ws[k]
	switch {
	case c != classNone || fl[k]&wFunction != 0:
		fs.on(kNextIs, next)
		fs.on(kNextPunctIs, next, punct)
	case participle(next, fl[k]):
		fs.on(kNextIs, "-ING")
		fs.on(kNextPunctIs, "-ING", punct)
	default:
		fs.on(kNextIs, "CONTENT")
	}
	if k+n < len(ws) {
		w := ws[k+n]
		f := fl[k+n]
		if f&(wSubject|wAux) != 0 {
			fs.on(kAfterIs, w)
		}
		fs.on(kAfterSubject, boolName(f&wSubject != 0))
		fs.on(kClsAfterSubjectIs, orNone(c), boolName(f&wSubject != 0))
	}
	prev := ws[k-1]
	if fl[k-1]&wFunction != 0 {
		fs.on(kPrevIs, prev)
	}
	left, right := ws[:k], ws[k+n:]
	fs.on(kLeftIs, bucket(len(left), 2, 4, 7, 12))
	fs.on(kRightIs, bucket(len(right), 2, 4, 7, 12))
	la, ra := sw.aux[k] > 0, sw.aux[len(ws)]-sw.aux[k+n] > 0
	fs.on(kAuxIs, boolName(la), boolName(ra))
	fs.on(kClsAuxIs, orNone(c), boolName(la), boolName(ra))
	s0, _ := connectiveAtFlagged(ws, fl, 0)
	fs.on(kSent0PunctIs, orNone(s0), punct)
	fs.on(kSent0ClsIs, orNone(s0), "/", orNone(c))
	if first {
		// the first comma after an opening subordinate clause ends it
		fs.on(kFirstSent0PunctIs, orNone(s0), punct)
	}
}

// distNames name a signed distance: [target before][min(|d|, 4)].
var distNames = [2][5]string{{"", "after1", "after2", "after3", "after3+"}, {"", "before1", "before2", "before3", "before3+"}}

// roleNames name a pair of roles (opponent or not): [source][target].
var roleNames = [2][2]string{{"FF", "FT"}, {"TF", "TT"}}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

func boolName(b bool) string {
	if b {
		return "T"
	}
	return "F"
}

// rootFeatures adds the features of unit i attaching to unit j when j is
// the central claim the decoder hypothesises: the decoder tries each root in
// turn and scores attachment given it. They add to pairFeatures.
func (v *view) rootFeatures(fs *featureSet, i, j int) {
	a := &v.info[i]
	d := j - i
	dist := distNames[boolIndex(d < 0)][min(max(d, -d), 4)]
	fs.on(kTrgRoot, "")
	fs.on(kTrgRootSrcClsIs, orNone(a.class))
	fs.on(kTrgRootDistIs, dist)
	fs.on(kTrgRootSrcSentfirstIs, boolName(a.sentFirst))
	if v.opp != nil {
		fs.on(kRolesTrgRootIs, roleNames[boolIndex(v.opp[i] > 0.5)][boolIndex(v.opp[j] > 0.5)])
	}
}

// undercutFeatures adds the features of unit i attacking unit j, itself not
// the central claim: is it an attack on j's inference?
// A few features of both ends, no more: the connectives opening each, and
// whether each hedges, denies, speaks in the first person, and whether j
// reports a view of others. The classifier is fitted on the gold attacks on
// units other than the central claim, 87 in microtexts2 (60 of them
// undercuts); with the source's whole unit features (its function words,
// place, length) it overfitted them: under cross-validation by topic its
// log loss was 0.735 against 0.624 for the undercuts' share alone, and with
// these 0.543.
func (v *view) undercutFeatures(fs *featureSet, i, j int) {
	a, b := &v.info[i], &v.info[j]
	fs.on(kBias, "")
	fs.on(kClsIs, orNone(a.class))
	fs.on(kTrgClsIs, orNone(b.class))
	flag := func(k featureKey, on bool) {
		if on {
			fs.on(k)
		}
	}
	flag(kNeg, a.neg)
	flag(kI, a.person1)
	flag(kTrgNeg, b.neg)
	flag(kTrgWeak, b.weak)
	flag(kTrgI, b.person1)
	flag(kTrgReported, b.reported || b.class == classOpposing)
}

// sentWords are a sentence's words with their flags and a running count of
// auxiliaries (aux[k]: among the first k words).
type sentWords struct {
	ws  []string
	fl  []uint16
	aux []int
}

// newSentWords looks up the flags of ws once.
func newSentWords(ws []string) *sentWords {
	sw := &sentWords{}
	sw.fill(ws, make([]uint16, len(ws)), nil)
	return sw
}

// fill makes sw the words ws, their flags written into fl (as long as ws),
// keeping sw's count of auxiliaries' array for the next sentence. known,
// when not nil, holds the words' flags (as long as ws; Sentence.Flags),
// which are copied instead of looked up.
func (sw *sentWords) fill(ws []string, fl []uint16, known []uint16) {
	sw.ws, sw.fl = ws, fl
	if cap(sw.aux) < len(ws)+1 {
		sw.aux = make([]int, len(ws)+1)
	} else {
		sw.aux = sw.aux[:len(ws)+1]
		clear(sw.aux)
	}
	if known != nil {
		copy(sw.fl, known[:len(ws)])
	} else {
		for i, w := range ws {
			sw.fl[i] = flagsOf(w)
		}
	}
	if len(ws) < 2*minUnitWords {
		return // too short to split: the flags only
	}
	for i := range ws {
		sw.aux[i+1] = sw.aux[i]
		if sw.fl[i]&wAux != 0 {
			sw.aux[i+1]++
		}
	}
}
