package extract

import (
	"slices"
	"strconv"
)

// A year is what a question says of its slot: "The harbour was built in
// 1850" is denied by "The harbour was built in 1920", as an antonym in the
// slot of an adjective denies it. The claim must say everything else the
// question says, another year in the same slot (after the same
// preposition: "in", "since", "by", "until"), and not the question's own.
// A year is a point in time; another figure is not read so, as it may
// count a part of the question's ("nearly 90 million of it for North
// Africa": TestStancerFigureBounds).

// monthWords may stand between a preposition and a year ("in December
// 2016", "in early 2004"): the slot is the preposition's.
var monthWords = wordSet(`january february march april may june july august september october november december
	early late mid the`)

// year reports whether lemma is a year as written: four digits from 1000 to 2099.
func year(lemma string) bool {
	if len(lemma) != 4 {
		return false
	}
	v, err := strconv.Atoi(lemma)
	return err == nil && v >= 1000 && v < 2100
}

// markSlots gives each year among ts the word that opens its slot
// (term.slot): the word before it, past month names, other figures and
// "the" ("in", "since", "by").
func markSlots(toks []token, ts []term) []term {
	for k := range ts {
		t := &ts[k]
		if !year(t.lemma) || t.tok <= 0 || t.tok >= len(toks) {
			continue
		}
		i := t.tok - 1
		for i > 0 && (monthWords[toks[i].lower] || hasDigit(toks[i].lower)) {
			i--
		}
		if toks[i].punct == 0 {
			t.slot = toks[i].lower
		}
	}
	return ts
}

// conflicts reports whether the claim's term ct says another year than
// the question's qt in the same slot.
func conflicts(qt, ct term) bool {
	return qt.slot != "" && qt.slot == ct.slot && qt.lemma != ct.lemma
}

// figureDenial returns the best coverage of a question with one year over the windows of the claim that say every other word of it
// with the same polarity, do not say its figure, and say another in its
// slot (conflicts); 0 when there is none.
func figureDenial(qt []term, w []float64, c analysis) (float64, string) {
	at := -1
	for i, t := range qt {
		if t.slot != "" && !t.ante {
			if at >= 0 {
				return 0, "" // two years: which one a claim's denies is not clear
			}
			at = i
		}
	}
	if at < 0 {
		return 0, ""
	}
	rest := slices.Delete(slices.Clone(qt), at, at+1)
	var restW []float64
	if w != nil {
		restW = slices.Delete(slices.Clone(w), at, at+1)
	}
	return restSaid(c, rest, restW, func(win []term) bool {
		if co, _, _, _, _ := match(qt[at:at+1], win, nil); co > 0 {
			return false // it says the question's figure too
		}
		return slices.ContainsFunc(win, func(t term) bool { return conflicts(qt[at], t) })
	})
}

// restSaid returns the best coverage of rest, a question's words without
// the part a denial turns on, over the windows of the claim's regions that
// are not rejected, that admits passes and that say every word of rest (an
// adverb or a light verb may go unsaid) with the question's polarity, and
// the asserter of that window's region; 0 when there is none. It is the walk
// exclusiveDenial, onsetDenial and figureDenial share: each admits the
// windows that say the other side of its part.
func restSaid(c analysis, rest []term, restW []float64, admits func(win []term) bool) (float64, string) {
	best, asserter := 0.0, ""
	for _, r := range c.regions {
		if r.rejected {
			continue
		}
		for _, win := range windows(r.terms) {
			if !admits(win) {
				continue
			}
			cov, ag, dis, fl, hits := match(rest, win, restW)
			all := true
			for k, h := range hits {
				all = all && (h || rest[k].adverb || rest[k].light)
			}
			if all && cov > best && ag >= dis && ag > 0 && fl == 0 {
				best, asserter = cov, r.asserter
			}
		}
	}
	return best, asserter
}
