package structure

import "strings"

// Unit is an argumentative discourse unit: a sentence or a clause of one, by
// byte offsets (end exclusive), with the index of its sentence and
// paragraph.
type Unit struct {
	Start, End int
	Sent       int
	Para       int
	// Leaf marks a unit that may support or contest others but is never a
	// target or a central claim (evidence in a long document).
	Leaf bool
	// Plain marks a unit without an interpretive signal of its own (plain
	// description or report, evidence): in the opening paragraph of a text
	// of several paragraphs such a unit is background unless something
	// bears on it.
	Plain bool
	ws    []string // the unit's words, when Segment made it
	fl    []uint16 // and their flags
}

// splitThreshold is the split probability above which a sentence splits:
// below one half, because a missed boundary loses relations while an extra
// one mostly costs a unit (chosen by cross-validation on microtexts2: 0.35
// to 0.25 score alike, 0.5 a little lower).
const splitThreshold = 0.35

// minUnitWords is the fewest words a unit split off a sentence may have.
const minUnitWords = 3

// candidate is a point where a sentence may split: before word k.
type candidate struct {
	k     int
	punct string
	at    int // byte offset where the right-hand unit starts
}

// candidates lists the split points of a sentence with tokens toks: before
// a connective, or after a semicolon, colon or dash, or a comma before a
// word that may open a clause, leaving at least minUnitWords words either
// side.
func candidates(text string, toks []token, sw *sentWords, out []candidate) []candidate {
	ws := sw.ws
	for k := minUnitWords; k+minUnitWords <= len(toks); k++ {
		gap := text[toks[k-1].End:toks[k].Start]
		punct := "none"
		switch {
		case gap == " ":
		case strings.ContainsRune(gap, ';'):
			punct = ";"
		case strings.ContainsRune(gap, ':'):
			punct = ":"
		case strings.ContainsRune(gap, ','):
			punct = ","
		case strings.Contains(gap, "—") || strings.Contains(gap, "–") || strings.Contains(gap, "--") || strings.Contains(gap, " - "):
			punct = "-"
		case strings.ContainsAny(gap, "()"):
			punct = "("
		}
		f := sw.fl[k]
		switch punct {
		case "none":
			if f&wConnective == 0 {
				continue
			}
			if c, _ := connectiveAt(ws, k); c == classNone {
				continue
			}
			if midAdverb(ws, sw.fl, k) {
				continue
			}
		case ",":
			// a comma splits before a clause: a connective, a subject, a
			// verb or a participle ("…, allowing them to …"); before
			// anything else it lists
			if f&(wConnective|wSubject|wAux) == 0 && !participle(ws[k], f) {
				continue
			}
		}
		at := toks[k].Start
		// a quote or bracket opening the right-hand clause belongs to it
		for at > toks[k-1].End && strings.ContainsRune("\"'“‘(", rune(text[at-1])) {
			at--
		}
		out = append(out, candidate{k: k, punct: punct, at: at})
	}
	return out
}

// midAdverb tells whether word k of ws, with no punctuation before it, is
// a conclusion adverb standing inside its clause, between the subject and
// the verb or after the verb ("The plan thus saves money", "It will
// therefore cost less"): it marks the clause as a conclusion but opens
// none, and splitting there would cut the claim from its subject. Before
// a participle ("…, thus creating …") or a subject of its own ("… thus we
// …") it may open a clause. "so" without a comma is a conjunction ("It
// rained so we stayed in") and is not one of these adverbs.
func midAdverb(ws []string, fl []uint16, k int) bool {
	if !conclusionAdverbs[ws[k]] || k+1 >= len(ws) {
		return false
	}
	return fl[k+1]&wSubject == 0 && !participle(ws[k+1], fl[k+1])
}

// conclusionAdverbs are the one-word conclusion connectives that are
// adverbs, free to stand inside a clause.
var conclusionAdverbs = set("thus", "therefore", "hence", "consequently", "accordingly")

// Join returns the unit that runs from a's start to b's end, b being the
// unit after a in its sentence (a part joined to the clause it belongs
// to). Its words are a's and b's, as reading the joined text gives them:
// parts split where Segment splits, between words, with only spaces
// between them.
func Join(a, b Unit) Unit {
	u := Unit{Start: a.Start, End: b.End, Sent: b.Sent, Para: b.Para}
	if a.ws != nil && b.ws != nil {
		u.ws = append(append(make([]string, 0, len(a.ws)+len(b.ws)), a.ws...), b.ws...)
	}
	return u
}

// ShortText tells whether sents are a short argument, as the short-text
// segmenter was fitted on (see Model.splitShort): one paragraph of at most
// maxShort sentences, not shaped like an abstract (which Parse decodes
// apart, and whose sentences are kept whole).
func (m *Model) ShortText(text string, sents []Sentence) bool {
	if m.splitShort == nil || len(sents) == 0 || len(sents) > maxShort || sents[0].Para != sents[len(sents)-1].Para {
		return false
	}
	if len(sents) < minAbstractSentences {
		return true
	}
	units := make([]Unit, len(sents))
	for i, s := range sents {
		units[i] = Unit{Start: s.Start, End: s.End, Sent: i, Para: s.Para}
	}
	return abstractMethod(newView(text, units)) < 0
}

// Segment splits sentences into argumentative discourse units: every
// sentence is one unit unless the split classifier finds a clause boundary
// in it ("X, because Y", "although X, Y", "X; Y", "X, but Y").
func (m *Model) Segment(text string, sents []Sentence) []Unit {
	return m.SegmentShort(text, sents, m.ShortText(text, sents))
}

// SegmentShort is Segment for a caller that has asked ShortText already:
// short is its answer for text and sents.
func (m *Model) SegmentShort(text string, sents []Sentence, short bool) []Unit {
	units := make([]Unit, 0, len(sents)+len(sents)/4)
	var buf []token // the words of a sentence without Words
	// the sentences' words with their flags: the flags of all in a few
	// arrays (the units keep them), the rest kept for the next sentence
	sw := &sentWords{}
	var flags []uint16
	room := 0
	for _, s := range sents {
		room += (s.End-s.Start)/5 + 1
	}
	var cands []candidate
	var fs featureSet
	splitT := m.splitT
	if short {
		splitT = m.splitShortT
	}
	for si, s := range sents {
		toks, ws, known := s.Words, s.Lower, s.Flags
		if toks == nil {
			buf = tokenize(text, s.Start, s.End, buf[:0])
			toks = buf
		}
		if ws == nil || len(ws) != len(toks) {
			ws, known = words(toks), nil
		}
		if len(known) != len(ws) {
			known = nil
		}
		if cap(flags)-len(flags) < len(ws) {
			flags = make([]uint16, 0, max(len(ws), room))
		}
		a := len(flags)
		flags = flags[:a+len(ws)]
		sw.fill(ws, flags[a:a+len(ws):a+len(ws)], known)
		start, startK := s.Start, 0
		cands = candidates(text, toks, sw, cands[:0])
		for ci, c := range cands {
			if c.k-startK < minUnitWords {
				continue
			}
			if !participleClauseEnds(sw, cands, ci) {
				fs.fs = fs.fs[:0]
				splitFeatures(&fs, sw, c.k, c.punct, ci == 0, sentPlace(sents, si))
				if sigmoid(splitT.score1(fs.fs)) < splitThreshold {
					continue
				}
			}
			end := trimRight(text, start, c.at)
			units = append(units, Unit{Start: start, End: end, Sent: si, Para: s.Para, ws: ws[startK:c.k:c.k], fl: sw.fl[startK:c.k:c.k]})
			start, startK = c.at, c.k
		}
		units = append(units, Unit{Start: start, End: s.End, Sent: si, Para: s.Para, ws: ws[startK:], fl: sw.fl[startK:]})
	}
	return units
}

// participleClauseEnds tells whether candidate ci is a comma that closes a
// participle clause before its main clause's subject ("Looking at the
// figures, I …", "…, looking at the figures, I …"): the stretch since the
// sentence's start or the candidate before opens with a participle, and a
// subject follows. Such a clause has no finite verb and is a unit of its
// own, as the microtexts label it; it splits whatever the classifier says,
// which has seen too few of them to learn it (one in microtexts2). A
// gerund subject is followed by its verb ("Spending more money, has not
// …"), not by a subject, and does not split here.
func participleClauseEnds(sw *sentWords, cands []candidate, ci int) bool {
	c := cands[ci]
	from := 0
	if ci > 0 {
		from = cands[ci-1].k
	}
	return c.punct == "," && participle(sw.ws[from], sw.fl[from]) && sw.fl[c.k]&wSubject != 0
}

// participle tells a word that may open a participle clause: a content word
// (flags f) ending in -ing.
func participle(w string, f uint16) bool {
	return len(w) > 5 && f&wFunction == 0 && strings.HasSuffix(w, "ing")
}

// sentPlace names where sentence si stands in its paragraph: "first",
// "last" or "inner" (a paragraph of one sentence: "first"). A thesis
// sentence often carries its reason ("X, because Y"); a closing one draws
// the conclusion.
func sentPlace(sents []Sentence, si int) string {
	switch {
	case si == 0 || sents[si-1].Para != sents[si].Para:
		return "first"
	case si == len(sents)-1 || sents[si+1].Para != sents[si].Para:
		return "last"
	}
	return "inner"
}

// trimRight moves end left past spaces.
func trimRight(text string, start, end int) int {
	for end > start && (text[end-1] == ' ' || text[end-1] == '\t' || text[end-1] == '\n' || text[end-1] == '\r') {
		end--
	}
	return end
}
