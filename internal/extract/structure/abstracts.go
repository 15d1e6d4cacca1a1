package structure

import (
	"sort"
	"strings"
)

// A research abstract runs background → method → results → conclusion:
// the writers state what is known and what is not, what they did ("We
// followed …", "… was measured …"), what they found, and what it means.
// The conclusion is the claim, the results support it, and a limitation
// ("… cannot show that …") turns against it; background and method argue
// for nothing. A text of one paragraph with a method run (abstractMethod)
// is decoded so: units up to the end of the method run and those of a
// limitation are not taken as the central claim, the first bear on
// nothing, and a limitation attacks the central claim. A structured
// abstract's headings ("Methods:", "Results:", "Conclusions:") say where
// its parts stand.

// abstractPrior counts against a unit of an abstract's background or
// method as the central claim.
const abstractPrior = -3.0

// closingPrior favours an abstract's last sentence (but a limitation) as
// its conclusion.
const closingPrior = 2.0

// minAbstractSentences is the fewest sentences a text needs to be read as
// an abstract.
const minAbstractSentences = 5

// pastIrregular are irregular past forms of verbs a method sentence uses.
var pastIrregular = set("took", "ran", "made", "did", "found", "held", "saw", "gave", "sent", "chose", "built",
	"drew", "wrote", "brought", "kept", "set", "put", "read", "met", "sought", "taught", "led", "began", "fed",
	"undertook", "spent", "told", "asked", "got")

// studyNouns name a piece of research; methodVerbs say, in the present,
// what it does ("This paper uses …", "We combine …"), as against what it
// finds ("We find …", "This study shows …": results and claims).
var (
	studyNouns  = set("paper", "study", "article", "report", "analysis", "review", "survey", "project", "chapter", "thesis")
	methodVerbs = set("use", "uses", "draw", "draws", "combine", "combines", "compare", "compares", "analyse",
		"analyses", "analyze", "analyzes", "examine", "examines", "survey", "surveys", "interview", "interviews",
		"model", "models", "estimate", "estimates", "follow", "follows", "track", "tracks", "apply", "applies",
		"test", "tests", "measure", "measures", "exploit", "exploits", "investigate", "investigates")
)

// methodAdverbs may stand between "we" and the verb.
var methodAdverbs = set("also", "then", "first", "further", "additionally", "next", "finally", "subsequently", "further")

func pastLike(w string) bool {
	return len(w) > 4 && w[len(w)-2:] == "ed" || pastIrregular[w]
}

// methodSentence tells whether in opens a sentence saying what the
// writers did: "we" and a past verb or a verb of method, "this paper" and
// a verb of method, or a passive ("was measured").
func methodSentence(in *unitInfo, passive bool) bool {
	ws := in.ws
	if !in.sentFirst || len(ws) < 3 {
		return false
	}
	if ws[0] == "we" {
		k := 1
		for k < len(ws) && methodAdverbs[ws[k]] {
			k++
		}
		return k < len(ws) && (pastLike(ws[k]) || methodVerbs[ws[k]])
	}
	if (ws[0] == "this" || ws[0] == "the" || ws[0] == "our") && studyNouns[ws[1]] && methodVerbs[ws[2]] {
		// "This paper uses …", "The study draws on …"
		return true
	}
	if !passive {
		return false
	}
	for k := 1; k+1 < len(ws) && k <= 4; k++ {
		if (ws[k] == "was" || ws[k] == "were") && pastLike(ws[k+1]) {
			return true
		}
	}
	return false
}

// Structured abstracts name their parts ("Background: …", "Methods: …",
// "Results: …", "Conclusions: …"): the headings of a research report.
var (
	introLabels      = set("background", "introduction", "context", "objective", "objectives", "aim", "aims", "purpose", "rationale")
	methodLabels     = set("method", "methods", "design", "setting", "participants", "materials", "approach", "data")
	resultLabels     = set("result", "results", "findings", "outcomes")
	conclusionLabels = set("conclusion", "conclusions", "interpretation", "implications")
)

// sectionLabel returns the first word of unit u of v, lower case, when the
// unit opens with it and a colon ("Methods: We …"), or the heading of the
// unit's paragraph when the unit opens the paragraph under a line of its
// own that is one of the part headings ("Methods" or "Methods:" above
// "We …"), else "".
func sectionLabel(v *view, k int) string {
	u, in := v.units[k], &v.info[k]
	if !in.sentFirst || len(in.ws) == 0 {
		return ""
	}
	t := v.text[u.Start:u.End]
	if i := strings.IndexByte(t, ':'); i > 0 && strings.EqualFold(strings.TrimSpace(t[:i]), in.ws[0]) {
		return in.ws[0]
	}
	return headingAbove(v.text, u.Start)
}

// headingAbove returns the part heading (lower case) on the line right
// above the line that start opens, when start opens its line and that line
// holds one word of the part headings and nothing else but a colon, else
// "".
func headingAbove(text string, start int) string {
	line := strings.LastIndexByte(text[:start], '\n')
	if line < 0 || strings.TrimSpace(text[line+1:start]) != "" {
		return ""
	}
	prev := strings.LastIndexByte(text[:line], '\n')
	h := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(text[prev+1:line]), ":"))
	if introLabels[h] || methodLabels[h] || resultLabels[h] || conclusionLabels[h] {
		return h
	}
	return ""
}

// labelledParagraphs returns a copy of units as one paragraph when every
// paragraph of them opens with a structured abstract's part heading
// ("Methods: …"; sectionLabel), else nil.
func labelledParagraphs(text string, units []Unit) []Unit {
	for i, u := range units {
		if i > 0 && units[i-1].Para == u.Para {
			continue
		}
		v := newView(text, units[i:i+1])
		if l := sectionLabel(v, 0); !introLabels[l] && !methodLabels[l] && !resultLabels[l] && !conclusionLabels[l] {
			return nil
		}
	}
	one := append([]Unit(nil), units...)
	for i := range one {
		one[i].Para = units[0].Para
	}
	return one
}

// labelledMethod returns, for a structured abstract (a results heading
// after an introduction or methods heading), the last unit before its
// results, else -1.
func labelledMethod(v *view) int {
	before := false
	for k := range v.units {
		switch l := sectionLabel(v, k); {
		case introLabels[l] || methodLabels[l]:
			before = true
		case resultLabels[l] || conclusionLabels[l]:
			if before && k > 0 {
				return k - 1
			}
			return -1
		}
	}
	return -1
}

// abstractMethod returns the last unit of v's method run — the first
// sentence where the writers say what they did and the sentences right
// after it that do too (actively or in the passive) — or -1 when v is not
// shaped like an abstract: too few sentences, no method sentence, or
// nothing after the method run.
func abstractMethod(v *view) int {
	if k := labelledMethod(v); k >= 0 {
		return k
	}
	sents := 0
	for k := range v.info {
		if v.info[k].sentFirst {
			sents++
		}
	}
	if sents < minAbstractSentences {
		return -1
	}
	last := -1
	for k := range v.info {
		in := &v.info[k]
		switch {
		case last < 0 && methodSentence(in, false):
			last = k
		case last >= 0 && in.sentFirst && methodSentence(in, true):
			last = k
		case last >= 0 && in.sentFirst:
			// the run is over; its last unit ends where this sentence starts
			return k - 1
		}
	}
	return -1
}

// limitations marks the units of v's sentences that state what a study
// cannot show: a negated modal ("Because the study was observational, it
// cannot show …", "… so the results may not hold …"), or a modal of
// possibility on what may have happened instead ("… so keener schools may
// have joined"), or a question left open ("Whether … holds for …", "…
// remains to be tested"). A negation apart
// from the modal ("can therefore restore … where a weir no longer …") is
// no limitation.
func limitations(v *view) []bool {
	out := make([]bool, len(v.units))
	for i := 0; i < len(v.units); {
		j := i + 1
		for j < len(v.units) && v.units[j].Sent == v.units[i].Sent {
			j++
		}
		limit := false
		for k := i; k < j; k++ {
			ws := v.info[k].ws
			for n, w := range ws {
				switch w {
				case "cannot", "can't", "couldn't", "mightn't":
					limit = true
				case "can", "could", "may", "might":
					limit = limit || n+1 < len(ws) && ws[n+1] == "not"
					// another account of what was found: "… may have
					// joined …", "… could have biased …"
					limit = limit || w != "can" && n+2 < len(ws) && ws[n+1] == "have" && pastLike(ws[n+2])
				case "does", "do", "did":
					// what the data cannot bear: "… do not show …"; a
					// result that did not change is no limitation
					limit = limit || n+2 < len(ws) && ws[n+1] == "not" && evidentialVerbs[ws[n+2]]
				case "remains", "remain":
					// a question left open: "… remains to be tested"
					limit = limit || n+3 < len(ws) && ws[n+1] == "to" && ws[n+2] == "be" && pastLike(ws[n+3])
				case "whether":
					// "Whether X also holds for Y …": a sentence that
					// opens by asking states what is not known
					limit = limit || n == 0 && v.info[k].sentFirst
				}
			}
		}
		if !limit && v.info[i].class == classCausal {
			// "Because the farms joined voluntarily, their owners may
			// manage …": a reason the results may not mean what they
			// seem, a weak modal after a causal opening
			for k := i; k < j && !limit; k++ {
				limit = v.info[k].weak
			}
		}
		for k := i; k < j; k++ {
			out[k] = limit
		}
		i = j
	}
	return out
}

// evidentialVerbs say what data show: "the data do not show / allow /
// establish …".
var evidentialVerbs = set("show", "prove", "allow", "permit", "establish", "support", "demonstrate", "confirm",
	"imply", "mean", "tell", "reveal", "capture", "reflect", "explain", "indicate", "exclude", "rule")

// parseAbstract decodes a text of one paragraph shaped like an abstract
// whose method run ends at unit method (see abstractMethod).
func (m *Model) parseAbstract(v *view, method int, st Structure) Structure {
	prior := dependentPriors(v)
	if prior == nil {
		prior = make([]float64, len(v.units))
	}
	limit := limitations(v)
	// the conclusion closes an abstract, before any limitation after it
	last := -1
	for k := len(v.units) - 1; k > method; k-- {
		if !limit[k] {
			last = v.units[k].Sent
			break
		}
	}
	// a structured abstract's conclusions open with the conclusion
	for k := method + 1; k < len(v.units); k++ {
		if conclusionLabels[sectionLabel(v, k)] && !limit[k] && !v.units[k].Leaf {
			last = v.units[k].Sent
			break
		}
	}
	// a last sentence that turns back after a limitation ("Because …, the
	// effect may be weaker …. Even so, the results suggest …") is the
	// conclusion, however the model reads its contrast
	turnsBack := false
	for k := range v.units {
		if v.units[k].Sent == last && v.info[k].sentFirst {
			turnsBack = k > 0 && limit[k-1] && (v.info[k].class == classContrast || v.info[k].class == classConcession)
			break
		}
	}
	concl := false
	for k := range prior {
		if v.units[k].Sent == last && !dependent(v, k) {
			prior[k] += closingPrior
			if turnsBack {
				prior[k] += 2 * closingPrior
			}
		}
		if k <= method || limit[k] {
			prior[k] += abstractPrior
		}
		// a structured abstract says where its conclusion stands
		l := sectionLabel(v, k)
		concl = conclusionLabels[l] || concl && l == ""
		if concl {
			prior[k] -= abstractPrior
		}
	}
	// the conclusion: the thesis scorer's choice (longcentral.go), or
	// without one the decoding's root under these priors
	t := m.decodeWith(v, 0, len(v.units), m.abstractThesis(v, method, limit, last, prior), prior)
	copy(st.Opponent, t.opp)
	if t.root < 0 {
		st.Relations = t.rels
		return st
	}
	st.Central = []int{t.root}
	if t.root <= method {
		// the model would have the claim in the background: keep its tree
		st.Relations = t.rels
		return st
	}
	for _, r := range t.rels {
		switch {
		case r.From <= method:
			continue // background and method argue for nothing
		case r.To <= method && v.info[r.From].sentFirst:
			// a result the model hung on the method: it bears on the
			// conclusion, as results do
			r.To, r.Kind, r.Undercut = t.root, Support, false
			if limit[r.From] {
				r.Kind = Attack
			}
		case r.To <= method:
			continue
		case limit[r.From] && (v.info[r.From].sentFirst || r.To == t.root):
			r.To, r.Kind, r.Undercut = t.root, Attack, false
		case r.To > method && r.To < t.root && r.From < t.root && v.info[r.From].sentFirst && v.info[r.To].sentFirst &&
			!limit[r.From] && !limit[r.To] && v.info[r.From].class == classNone:
			// results are listed: one the model hung on the result before
			// it bears on the conclusion, as results do
			r.To, r.Kind, r.Undercut = t.root, Support, false
		case r.To == t.root && !limit[r.From] && r.From < t.root && v.info[r.From].class != classContrast:
			// a result supports the conclusion, whatever contrast it
			// draws inside ("… less waste, while waste elsewhere did not
			// change"); one that opens by turning ("However, …") may not
			r.Kind, r.Undercut = Support, false
			if v.info[r.From].sentFirst && v.info[r.From].sentLast && nullResult(v.info[r.From].ws) && !v.info[t.root].neg {
				// "Accuracy did not differ between the groups.": a
				// result of no difference goes against a conclusion
				// that something made a difference (and argues for one
				// that it did not: "… do not relieve back pain")
				r.Kind = Attack
			}
		}
		st.Relations = append(st.Relations, r)
	}
	// the view the background reports on its own ("It is widely believed
	// that …") is the one the study tests, and an abstract reports it so
	// to overturn it; one its sentence goes on to qualify ("X is said to
	// …, but few measurements exist") frames the gap the study fills
	for k := 0; k <= method && k < len(v.units); k++ {
		if in := &v.info[k]; in.sentFirst && in.sentLast && reportsView(in.ws) && !contains(in.any, classContrast) && k != t.root {
			st.Relations = append(st.Relations, Relation{From: k, To: t.root, Kind: Attack, Score: 0.5})
		}
	}
	sort.SliceStable(st.Relations, func(i, j int) bool { return st.Relations[i].From < st.Relations[j].From })
	return st
}

// nullResult tells whether a result reports no difference or no change
// before any contrast inside it: "did not differ", "did not change", "no
// difference", "no significant effect", "was unchanged", "not
// statistically significant".
func nullResult(ws []string) bool {
	for n, w := range ws {
		switch w {
		case "while", "whereas", "but", "although", "though":
			if n > 0 {
				return false // "X fell by 30 per cent, while Y did not change": the result is the fall
			}
		case "unchanged":
			return true
		case "not":
			if n > 0 && (ws[n-1] == "did" || ws[n-1] == "does" || ws[n-1] == "do") && n+1 < len(ws) && nullVerbs[ws[n+1]] {
				return true
			}
			if n+1 < len(ws) && ws[n+1] == "significant" || n+2 < len(ws) && ws[n+1] == "statistically" && ws[n+2] == "significant" {
				return true
			}
		case "no":
			if n+1 < len(ws) && (nullNouns[ws[n+1]] || ws[n+1] == "significant" && n+2 < len(ws) && nullNouns[ws[n+2]]) {
				return true
			}
		}
	}
	return false
}

var (
	nullVerbs = set("differ", "change", "vary", "improve", "rise", "fall")
	nullNouns = set("difference", "differences", "effect", "effects", "change", "changes")
)
