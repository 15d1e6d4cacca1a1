package structure

import (
	"slices"
	"strconv"
	"strings"
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
	// shared[i*n+j] counts the content stems units i and j share; deg[i]
	// how many other units share one with i.
	shared []int
	deg    []int
	maxDeg int
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
	eval      int
	content   []uint64 // hashes of content-word stems (six letters), sorted, for overlap
	fl        []uint16 // the words' flags
}

// newView computes the unit information of units in text.
func newView(text string, units []Unit) *view {
	v := &view{text: text, units: units, info: make([]unitInfo, len(units))}
	var toks []token
	for i, u := range units {
		in := &v.info[i]
		if in.ws, in.fl = u.ws, u.fl; in.ws == nil {
			toks = tokenize(text, u.Start, u.End, toks[:0])
			in.ws = words(toks)
		}
		if in.fl == nil {
			in.fl = make([]uint16, len(in.ws))
			for k, w := range in.ws {
				in.fl[k] = wordFlags[w]
			}
		}
		in.sentFirst = i == 0 || units[i-1].Sent != u.Sent
		in.sentLast = i == len(units)-1 || units[i+1].Sent != u.Sent
		ws := in.ws
		c, n := connectiveAt(ws, 0)
		in.class = c
		if n > 0 {
			in.class2, _ = connectiveAt(ws, n)
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
				in.content = append(in.content, hashName(w[:min(len(w), 6)], ""))
			}
		}
		slices.Sort(in.content)
		in.content = slices.Compact(in.content)
		t := strings.TrimRight(text[u.Start:u.End], " \t\n\"'”’)")
		in.question = strings.HasSuffix(t, "?")
		in.excl = strings.HasSuffix(t, "!")
	}
	n := len(units)
	v.shared = make([]int, n*n)
	v.deg = make([]int, n)
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
	fs.on("bias", "")
	fs.on("pos=", bucket(i, 0, 1, 2, 3))
	fs.on("rpos=", bucket(n-1-i, 0, 1, 2))
	// position by sentence: a split sentence's clauses share it
	first, last := v.units[0].Sent, v.units[n-1].Sent
	fs.on("spos=", bucket(v.units[i].Sent-first, 0, 1, 2))
	fs.on("rspos=", bucket(last-v.units[i].Sent, 0, 1))
	fs.on("spos&sentfirst=", bucket(v.units[i].Sent-first, 0, 1), boolName(in.sentFirst))
	if n > 1 {
		fs.add("relpos", "", float64(i)/float64(n-1))
	}
	fs.on("cls=", orNone(in.class))
	fs.on("cls2=", orNone(in.class2))
	fs.on("cls&pos=", orNone(in.class), bucket(i, 0, 1))
	fs.on("cls&rpos=", orNone(in.class), bucket(n-1-i, 0, 1))
	fs.on("w0=", orNone(in.first))
	fs.on("sentcls=", orNone(in.sentClass))
	if in.sentFirst {
		fs.on("sentfirst", "")
	}
	if in.sentLast {
		fs.on("sentlast", "")
	}
	if !in.sentFirst {
		fs.on("inner&sentcls=", orNone(in.sentClass))
	}
	for _, c := range in.any {
		fs.on("any=", c)
	}
	flag := func(name string, b bool) {
		if b {
			fs.on(name, "")
		}
	}
	flag("strong", in.strong)
	flag("weak", in.weak)
	flag("neg", in.neg)
	flag("i", in.person1)
	flag("you", in.person2)
	flag("q", in.question)
	flag("!", in.excl)
	flag("strong&first", in.strong && i == 0)
	flag("strong&last", in.strong && i == n-1)
	fs.on("eval=", bucket(in.eval, 0, 1, 2))
	fs.on("len=", bucket(len(in.ws), 4, 8, 14, 22))
	if n > 1 {
		fs.add("degfrac", "", float64(v.deg[i])/float64(n-1))
		if v.deg[i] == v.maxDeg && v.maxDeg > 0 {
			fs.on("degmax", "")
		}
	}
	for k, w := range in.ws {
		if in.fl[k]&wFunction != 0 {
			fs.on("bw=", w) // a bag: a word twice counts twice
		}
	}
	if !near {
		return
	}
	for _, d := range []int{-1, 1} {
		j := i + d
		pre := "prev."
		if d > 0 {
			pre = "next."
		}
		if j < 0 || j >= n {
			fs.on(pre, "none")
			continue
		}
		o := &v.info[j]
		fs.on(pre, "cls=", orNone(o.class))
		flag(pre+"strong", o.strong)
		flag(pre+"q", o.question)
		flag(pre+"sentfirst", o.sentFirst)
	}
}

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
	fs.on("bias", "")
	fs.on("dist=", dist)
	fs.on("src.cls&dir=", orNone(a.class), dir)
	fs.on("src.cls&dist=", orNone(a.class), dist)
	fs.on("trg.cls&dir=", orNone(b.class), dir)
	fs.on("src.cls&trg.cls=", orNone(a.class), "/", orNone(b.class))
	fs.on("src.w0&dir=", orNone(a.first), dir)
	fs.on("src.sentcls&dir=", orNone(a.sentClass), dir)
	fs.on("trg.pos=", bucket(j, 0, 1))
	fs.on("trg.rpos=", bucket(n-1-j, 0, 1))
	fs.on("src.pos&trg.pos=", bucket(i, 0, 1), "/", bucket(j, 0, 1))
	if v.units[i].Sent == v.units[j].Sent {
		fs.on("samesent&dir=", dir)
		fs.on("samesent&src.cls=", orNone(a.class))
	}
	if v.units[i].Para != v.units[j].Para {
		fs.on("otherpara", "")
	}
	if b.strong {
		fs.on("trg.strong&dir=", dir)
	}
	if b.question {
		fs.on("trg.q", "")
	}
	if a.sentFirst {
		fs.on("src.sentfirst&dist=", dist)
	} else {
		fs.on("src.inner&dist=", dist)
	}
	shared := v.shared[i*n+j]
	fs.on("shared=", bucket(shared, 0, 1, 2))
	top := shared > 0
	for k := 0; k < n && top; k++ {
		if k != i && v.shared[i*n+k] > shared {
			top = false
		}
	}
	if top {
		fs.on("shared.top&dir=", dir)
	}
	if v.deg[j] == v.maxDeg && v.maxDeg > 0 {
		fs.on("trg.degmax", "")
	}
	// the target is the nearest unit before that a connective points back to
	fs.on("trg.nbcls=", orNone(b.class), bucket(ad, 1, 2))
	// what the target is like: a thesis (first, modal, opinion) or a unit
	// that is itself a reason or an objection
	fs.on("trg.w0=", orNone(b.first))
	fs.on("trg.sentcls=", orNone(b.sentClass))
	if b.person1 {
		fs.on("trg.i", "")
	}
	if b.weak {
		fs.on("trg.weak", "")
	}
	if b.neg {
		fs.on("trg.neg", "")
	}
	fs.on("trg.first&src.cls=", boolName(j == 0), orNone(a.class))
	fs.on("trg.last&src.cls=", boolName(j == n-1), orNone(a.class))
	fs.on("src.cls&trg.strong=", orNone(a.class), boolName(b.strong))
	for _, c := range b.any {
		fs.on("trg.any=", c)
	}
	for _, c := range a.any {
		fs.on("src.any&dir=", c, dir)
	}
	if v.opp != nil {
		ro := roleNames[boolIndex(v.opp[i] > 0.5)][boolIndex(v.opp[j] > 0.5)]
		fs.on("roles=", ro)
		fs.on("roles&dist=", ro, dist)
		fs.on("roles&src.cls=", ro, orNone(a.class))
	}
	// is there a unit between them, and does it open with a contrast?
	if ad > 1 {
		lo, hi := min(i, j), max(i, j)
		for k := lo + 1; k < hi; k++ {
			if c := v.info[k].class; c == classContrast || c == classConcession {
				fs.on("between.contrast&dir=", dir)
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
func splitFeatures(fs *featureSet, sw *sentWords, k int, punct string, first bool) {
	ws, fl := sw.ws, sw.fl
	c, n := connectiveAt(ws, k)
	fs.on("bias", "")
	fs.on("punct=", punct)
	fs.on("cls=", orNone(c))
	fs.on("cls&punct=", orNone(c), punct)
	next := ws[k]
	if c != classNone || fl[k]&wFunction != 0 {
		fs.on("next=", next)
		fs.on("next&punct=", next, punct)
	} else {
		fs.on("next=", "CONTENT")
	}
	if k+n < len(ws) {
		w := ws[k+n]
		f := fl[k+n]
		if f&(wSubject|wAux) != 0 {
			fs.on("after=", w)
		}
		fs.on("after.subject", boolName(f&wSubject != 0))
		fs.on("cls&after.subject=", orNone(c), boolName(f&wSubject != 0))
	}
	prev := ws[k-1]
	if fl[k-1]&wFunction != 0 {
		fs.on("prev=", prev)
	}
	left, right := ws[:k], ws[k+n:]
	fs.on("left=", bucket(len(left), 2, 4, 7, 12))
	fs.on("right=", bucket(len(right), 2, 4, 7, 12))
	la, ra := sw.aux[k] > 0, sw.aux[len(ws)]-sw.aux[k+n] > 0
	fs.on("aux=", boolName(la), boolName(ra))
	fs.on("cls&aux=", orNone(c), boolName(la), boolName(ra))
	s0, _ := connectiveAt(ws, 0)
	fs.on("sent0&punct=", orNone(s0), punct)
	fs.on("sent0&cls=", orNone(s0), "/", orNone(c))
	if first {
		// the first comma after an opening subordinate clause ends it
		fs.on("first&sent0&punct=", orNone(s0), punct)
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
	fs.on("trg.root", "")
	fs.on("trg.root&src.cls=", orNone(a.class))
	fs.on("trg.root&dist=", dist)
	fs.on("trg.root&src.sentfirst=", boolName(a.sentFirst))
	if v.opp != nil {
		fs.on("roles&trg.root=", roleNames[boolIndex(v.opp[i] > 0.5)][boolIndex(v.opp[j] > 0.5)])
	}
}

// undercutFeatures adds the features of unit i attacking unit j, whose own
// relation to its target is of kind jk: is it an attack on j's inference?
func (v *view) undercutFeatures(fs *featureSet, i, j int, jk Kind) {
	v.unitFeatures(fs, i, false)
	b := &v.info[j]
	fs.on("trg.cls=", orNone(b.class))
	fs.on("trg.kind=", jk.String())
	fs.on("dist=", bucket(i-j, -1, 0, 1, 2))
	fs.on("trg.kind&src.cls=", jk.String(), orNone(v.info[i].class))
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
	sw := &sentWords{ws: ws, fl: make([]uint16, len(ws)), aux: make([]int, len(ws)+1)}
	for i, w := range ws {
		sw.fl[i] = wordFlags[w]
		sw.aux[i+1] = sw.aux[i]
		if sw.fl[i]&wAux != 0 {
			sw.aux[i+1]++
		}
	}
	return sw
}
