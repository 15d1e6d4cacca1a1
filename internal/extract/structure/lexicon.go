package structure

import (
	"strings"

	"github.com/argmap/argmap/internal/extract/wordfilter"
)

// Connective classes: general discourse-connective word classes, grouped by
// what they do to the argument. They are features; the weights say what each
// class means for the central claim, role, function and attachment.
const (
	classNone       = ""
	classCausal     = "causal"     // the unit is a reason: because, since
	classConclusion = "conclusion" // the unit follows from others: therefore, so
	classContrast   = "contrast"   // the unit turns against something: but, however
	classConcession = "concession" // the unit grants something: although, of course
	classExample    = "example"    // the unit illustrates: for example
	classAddition   = "addition"   // the unit adds a point: and, moreover, also
	classCondition  = "condition"  // the unit states a condition: if, unless
	classOpinion    = "opinion"    // the writer takes a stance: I think, in my opinion
	classOpposing   = "opposing"   // the unit reports a view the writer answers: some say, critics
	classRelative   = "relative"   // the unit is a relative clause: which, who
)

// connectives maps phrases (lower-case words separated by single spaces) to
// their class. A phrase is matched at the start of a unit or a clause.
var connectives = map[string]string{
	"because": classCausal, "since": classCausal, "as": classCausal, "for": classCausal,
	"given that": classCausal, "due to": classCausal, "owing to": classCausal, "after all": classCausal,
	"the reason is": classCausal, "this is because": classCausal, "that is because": classCausal,
	"so": classConclusion, "therefore": classConclusion, "thus": classConclusion, "hence": classConclusion,
	"consequently": classConclusion, "accordingly": classConclusion, "as a result": classConclusion,
	"for this reason": classConclusion, "that is why": classConclusion, "this is why": classConclusion,
	"which is why": classConclusion, "in conclusion": classConclusion, "to conclude": classConclusion,
	"all in all": classConclusion, "overall": classConclusion, "in short": classConclusion,
	"ultimately": classConclusion, "this means": classConclusion, "it follows": classConclusion,
	"in the end": classConclusion, "to sum up": classConclusion, "that is": classConclusion,
	"all things considered": classConclusion, "in the long run": classConclusion, "with that in mind": classConclusion,
	"with this in mind": classConclusion, "on balance": classConclusion, "in sum": classConclusion,
	"in summary": classConclusion, "to summarize": classConclusion, "to summarise": classConclusion,
	"for these reasons": classConclusion, "for all these reasons": classConclusion, "all told": classConclusion,
	"taking everything into account": classConclusion, "that being said": classConclusion,
	"in order to": classConclusion, "this shows": classConclusion, "it is clear": classConclusion,
	"but": classContrast, "however": classContrast, "yet": classContrast, "whereas": classContrast,
	"while": classContrast, "on the other hand": classContrast, "nevertheless": classContrast,
	"nonetheless": classContrast, "still": classContrast, "in contrast": classContrast,
	"instead": classContrast, "rather": classContrast, "by contrast": classContrast, "even so": classContrast,
	"although": classConcession, "though": classConcession, "even though": classConcession,
	"even if": classConcession, "of course": classConcession, "admittedly": classConcession,
	"granted": classConcession, "it is true": classConcession, "certainly": classConcession,
	"sure": classConcession, "despite": classConcession, "in spite of": classConcession,
	"while it is true": classConcession, "true": classConcession, "obviously": classConcession,
	"for example": classExample, "for instance": classExample, "such as": classExample,
	"e.g": classExample, "in particular": classExample, "specifically": classExample,
	"especially": classExample, "particularly": classExample, "namely": classExample,
	"and": classAddition, "also": classAddition, "moreover": classAddition, "furthermore": classAddition,
	"in addition": classAddition, "additionally": classAddition, "besides": classAddition,
	"not only": classAddition, "what is more": classAddition, "on top of that": classAddition,
	"another": classAddition, "first": classAddition, "firstly": classAddition, "second": classAddition,
	"secondly": classAddition, "third": classAddition, "thirdly": classAddition, "finally": classAddition,
	"lastly": classAddition, "further": classAddition, "plus": classAddition, "as well": classAddition,
	"if": classCondition, "unless": classCondition, "as long as": classCondition,
	"provided that": classCondition, "otherwise": classCondition, "when": classCondition,
	"i think": classOpinion, "i believe": classOpinion, "in my opinion": classOpinion,
	"in my view": classOpinion, "i feel": classOpinion, "we think": classOpinion,
	"we believe": classOpinion, "i am convinced": classOpinion, "i would argue": classOpinion,
	"i argue": classOpinion, "personally": classOpinion, "in our view": classOpinion,
	"i personally": classOpinion, "i say": classOpinion, "i would say": classOpinion, "my opinion": classOpinion,
	"i am of the opinion": classOpinion, "it seems to me": classOpinion, "i do not think": classOpinion,
	"i don't think": classOpinion, "i strongly believe": classOpinion, "i firmly believe": classOpinion,
	"definitely": classOpinion, "absolutely": classOpinion, "undoubtedly": classOpinion,
	"without a doubt": classOpinion, "clearly": classOpinion, "surely": classOpinion,
	"some people": classOpposing, "some say": classOpposing, "some argue": classOpposing,
	"critics": classOpposing, "opponents": classOpposing, "one might": classOpposing,
	"one could": classOpposing, "it could be argued": classOpposing, "it may be argued": classOpposing,
	"some would": classOpposing, "many people": classOpposing, "others": classOpposing,
	"proponents": classOpposing, "supporters": classOpposing, "it is often said": classOpposing,
	"which": classRelative, "who": classRelative, "where": classRelative,
}

// A unit that opens by reporting what an unnamed many hold ("Some readers
// write that …", "Many parents would say …") voices a view the writer is
// about to answer, as the opposing connectives do: a quantifier, at most
// three words, then a verb of saying or believing.
var (
	reportQuantifiers = set("some", "many", "several", "certain", "others", "few")
	reportVerbs       = set("say", "says", "said", "write", "writes", "wrote", "claim", "claims", "claimed",
		"argue", "argues", "argued", "believe", "believes", "think", "thinks", "feel", "feels", "suggest",
		"suggests", "insist", "insists", "contend", "contends", "maintain", "maintains", "hold", "holds",
		"assert", "asserts", "object", "objects", "complain", "complains", "fear", "fears", "worry", "worries")
)

// manyOpens tells whether ws opens with an unnamed many (reportQuantifiers,
// "a few" read as "few"), and at which word the quantifier stands.
func manyOpens(ws []string) (k int, ok bool) {
	if len(ws) > 1 && ws[0] == "a" && ws[1] == "few" {
		k = 1
	}
	return k, len(ws) > 0 && reportQuantifiers[ws[k]]
}

// reportedView tells whether ws opens by reporting a view of an unnamed
// many (see reportQuantifiers).
func reportedView(ws []string) bool {
	k, ok := manyOpens(ws)
	if !ok {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+4; j++ {
		if reportVerbs[ws[j]] {
			return true
		}
	}
	return false
}

// reportsView tells whether ws, after an opener that only orders or turns
// ("Finally, …", "But …"), reports a view without owning it: an opposing
// connective ("some say", "critics"), an unnamed many (reportedView), or
// one of the general shapes of reportShape. The paragraph decoding reads
// it (the microtexts the classifiers learn from have too few such units).
func reportsView(ws []string) bool {
	c, n := connectiveAt(ws, 0)
	switch c {
	case classOpposing:
		return true
	case classAddition, classContrast:
		if c2, _ := connectiveAt(ws, n); c2 == classOpposing {
			return true
		}
		ws = ws[n:]
	case classNone:
	default:
		return false
	}
	return reportedView(ws) || reportShape(ws) || manyHold(ws)
}

// manyHold tells whether ws opens with an unnamed many (reportQuantifiers)
// and, within four words, a verb of saying, answering or believing in any
// form (reportForms: "Some owners told us that …", "Many drivers reply
// …"), or a modal and a verb of judging ("Some readers will find the pace
// too slow", "Many may consider it …"): the view of others the writer goes
// on to answer. reportedView, which the classifiers read as a feature,
// keeps its own shorter list.
func manyHold(ws []string) bool {
	k, ok := manyOpens(ws)
	if !ok {
		return false
	}
	for j := k + 1; j < len(ws) && j <= k+4; j++ {
		if reportsAt(ws, j) || reportModals[ws[j-1]] && judgeForms[ws[j]] {
			return true
		}
		if auxiliaries[ws[j]] && !reportModals[ws[j]] {
			return false // "Some owners are …": a description, not a view
		}
	}
	return false
}

// judgeForms judge what they speak of when an unnamed many may do it:
// "Some readers will find it slow", "Many would consider it unfair".
var judgeForms = set("find", "consider", "regard", "see", "call", "dismiss", "judge")

// Verbs of saying, claiming and believing, as reportShape reads them: a
// lemma, or a lemma and its irregular past and participle
// ("write:wrote:written"); inflectAll makes the other forms.
var (
	reportLemmas = []string{"say:said", "write:wrote:written", "claim", "argue", "believe", "think:thought",
		"feel:felt", "suggest", "insist", "contend", "maintain", "hold:held", "assert", "object", "complain",
		"fear", "worry", "allege", "assume", "propose", "reason", "speculate", "suppose", "hear:heard", "suspect",
		"imagine", "doubt", "tell:told", "reply", "respond", "answer", "warn", "predict", "protest", "retort", "counter",
		"estimate", "forecast", "reckon"}
	// answerLemmas are verbs of reportLemmas that report a view only with
	// a that-clause after them ("Gardeners reply that …", "Some owners
	// told us that …"): alone they answer a message or tell a story
	answerForms, _ = inflectAll([]string{"tell:told", "reply", "respond", "answer", "warn", "predict", "protest",
		"retort", "counter"})
	reportForms, reportParticiples = inflectAll(reportLemmas)
	reportSubjects                 = set("one", "someone", "somebody", "anyone", "you")
	reportModals                   = set("might", "could", "may", "would", "will", "can", "should", "must")
	reportBe                       = set("is", "are", "was", "were", "be", "been", "being")
	reportAux                      = set("has", "have", "had", "might", "could", "may", "would", "will", "can",
		"should", "must")
	reportAdverbs = set("often", "sometimes", "also", "still", "even", "now", "always", "frequently", "widely",
		"commonly", "generally", "usually", "occasionally", "repeatedly", "long", "already", "too", "rightly",
		"wrongly", "indeed", "perhaps", "probably", "certainly", "easily", "naturally", "again")
)

// inflectAll returns every form of the lemmas and, apart, their past
// participles.
func inflectAll(lemmas []string) (forms, participles map[string]bool) {
	forms, participles = map[string]bool{}, map[string]bool{}
	for _, l := range lemmas {
		parts := strings.Split(l, ":")
		base := parts[0]
		var third, past string
		switch {
		case strings.HasSuffix(base, "y") && !strings.HasSuffix(base, "ay"):
			third, past = base[:len(base)-1]+"ies", base[:len(base)-1]+"ied"
		case strings.HasSuffix(base, "e"):
			third, past = base+"s", base+"d"
		case strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "s"):
			third, past = base+"es", base+"ed"
		default:
			third, past = base+"s", base+"ed"
		}
		part := past
		if len(parts) > 1 {
			past, part = parts[1], parts[len(parts)-1]
		}
		for _, f := range []string{base, third, past, part} {
			forms[f] = true
		}
		participles[part] = true
	}
	return forms, participles
}

// reportShape tells whether ws opens with a report of a view that nobody
// in the text owns:
//   - an impersonal passive: "it", auxiliaries and adverbs, the participle
//     ("it is sometimes argued that …", "it has been claimed …");
//   - a generic subject, a modal or adverbs, the verb ("one might object
//     that …", "someone will say …"; "you" only with a modal);
//   - an unnamed many in the perfect ("some residents have complained
//     that …");
//   - a short subject, a form of "be", adverbs, the participle, "to" ("X
//     is often said to …"), or a participle of how others see it and
//     "as" ("X is widely seen as …").
func reportShape(ws []string) bool {
	if len(ws) == 0 {
		return false
	}
	switch {
	case ws[0] == "it":
		be := false
		for j := 1; j < len(ws) && j <= 5; j++ {
			switch w := ws[j]; {
			case reportParticiples[w] && be:
				return true
			case reportBe[w]:
				be = true
			case reportAux[w] || reportAdverbs[w]:
			default:
				return false
			}
		}
		return false
	case reportSubjects[ws[0]]:
		modal := false
		for j := 1; j < len(ws) && j <= 3; j++ {
			switch w := ws[j]; {
			case reportForms[w] && (modal || ws[0] != "you"):
				return true
			case reportModals[w]:
				modal = true
			case reportAdverbs[w]:
			default:
				return false
			}
		}
		return false
	case reportQuantifiers[ws[0]]:
		// an unnamed many in the perfect: "Some residents have complained
		// that …", "many parents have long argued …"
		for j := 2; j+2 < len(ws) && j <= 4; j++ {
			if ws[j] != "have" && ws[j] != "has" && ws[j] != "had" {
				continue
			}
			m := j + 1
			for m < len(ws) && reportAdverbs[ws[m]] {
				m++
			}
			return m < len(ws) && reportParticiples[ws[m]]
		}
	}
	for j := 1; j < len(ws)-2 && j <= 4; j++ {
		if !reportBe[ws[j]] {
			continue
		}
		m := j + 1
		for m < len(ws) && reportAdverbs[ws[m]] {
			m++
		}
		return m+1 < len(ws) && (reportParticiples[ws[m]] && ws[m+1] == "to" || viewParticiples[ws[m]] && ws[m+1] == "as")
	}
	return false
}

// viewParticiples report how others see a thing: "X is often promoted as
// …", "is widely seen as …", "is commonly regarded as …".
var viewParticiples = set("promoted", "seen", "regarded", "viewed", "considered", "portrayed", "presented",
	"described", "hailed", "touted", "praised", "celebrated", "marketed", "sold", "framed", "treated")

// ambiguous connectives are mostly something else inside a clause ("as
// big as", "for years"); they count only where a unit or clause starts.
var ambiguous = set("as", "for", "so", "while", "since", "when", "still", "true", "first", "second", "third",
	"further", "another", "others", "sure", "that is", "and", "also", "where", "who", "which", "rather",
	"plus", "if", "yet", "overall", "certainly", "granted", "instead", "critics", "supporters")

// connective is one phrase of the lexicon, split into words.
type connective struct {
	words []string
	class string
}

// connectiveIndex holds the connectives by first word, longest first; built
// once, read only.
var connectiveIndex = func() map[string][]connective {
	ix := map[string][]connective{}
	for ph, c := range connectives {
		ws := strings.Fields(ph)
		ix[ws[0]] = append(ix[ws[0]], connective{words: ws, class: c})
	}
	for _, cs := range ix {
		// longest first, then alphabetical, so matching is deterministic
		for i := 1; i < len(cs); i++ {
			for j := i; j > 0 && (len(cs[j].words) > len(cs[j-1].words) ||
				len(cs[j].words) == len(cs[j-1].words) && strings.Join(cs[j].words, " ") < strings.Join(cs[j-1].words, " ")); j-- {
				cs[j], cs[j-1] = cs[j-1], cs[j]
			}
		}
	}
	return ix
}()

// connectiveAt returns the class and length in words of the longest
// connective starting at word i of ws, or classNone, 0.
func connectiveAt(ws []string, i int) (string, int) {
	if i >= len(ws) {
		return classNone, 0
	}
	for _, c := range connectiveIndex[ws[i]] {
		if i+len(c.words) > len(ws) {
			continue
		}
		ok := true
		for k := 1; k < len(c.words); k++ {
			if ws[i+k] != c.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return c.class, len(c.words)
		}
	}
	return classNone, 0
}

// connectiveAtFlagged is connectiveAt(ws, i) where the words' flags fl
// (flagsOf, as long as ws) are known: a word without wConnective opens no
// connective, and is not looked up.
func connectiveAtFlagged(ws []string, fl []uint16, i int) (string, int) {
	if i >= len(ws) || fl[i]&wConnective == 0 {
		return classNone, 0
	}
	return connectiveAt(ws, i)
}

// Word classes of single words, for features.
var (
	modalStrong = set("should", "must", "ought", "need", "needs", "have", "has", "necessary", "essential", "required")
	modalWeak   = set("may", "might", "could", "can", "would", "perhaps", "possibly", "probably", "likely")
	negations   = set("not", "no", "never", "nothing", "none", "nobody", "neither", "nor", "cannot",
		"don't", "doesn't", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "shouldn't",
		"can't", "couldn't", "didn't", "hasn't", "haven't")
	firstPerson  = set("i", "me", "my", "mine", "we", "us", "our", "ours", "i'm", "i've", "we're")
	secondPerson = set("you", "your", "yours", "you're")
	evaluative   = set("good", "bad", "better", "worse", "best", "worst", "wrong", "right", "important",
		"unfair", "fair", "harmful", "beneficial", "dangerous", "useful", "useless", "necessary", "great",
		"terrible", "positive", "negative", "problem", "problems", "benefit", "benefits", "advantage",
		"advantages", "disadvantage", "disadvantages", "risk", "risks", "sense", "reasonable", "unreasonable",
		"should", "justified", "unjustified", "acceptable", "unacceptable", "effective", "ineffective")
	// function words are kept as bag-of-words features; content words are
	// not, so the model does not learn the topics of its training texts.
	functionWords = set("the", "a", "an", "this", "that", "these", "those", "it", "they", "them", "their",
		"there", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "should", "must",
		"may", "might", "do", "does", "did", "not", "no", "all", "some", "many", "most", "more", "less",
		"every", "each", "any", "only", "even", "just", "also", "too", "very", "so", "such", "then", "than",
		"and", "or", "but", "if", "because", "since", "as", "while", "although", "though", "however", "yet",
		"therefore", "thus", "hence", "of", "to", "in", "for", "on", "with", "by", "from", "about", "against",
		"without", "people", "one", "others", "other", "i", "we", "you", "he", "she", "who", "which", "what",
		"why", "how", "when", "where", "here", "now", "always", "often", "never", "sometimes", "already",
		"still", "first", "second", "finally", "course", "instance", "example", "fact", "true", "reason",
		"opinion", "think", "believe", "argue", "say", "says", "claim", "agree", "disagree", "has", "have",
		"had", "need", "needs", "should", "ought", "let", "us", "our", "my", "your", "own", "same", "both",
		"either", "neither", "nor", "whether", "into", "out", "up", "down", "over", "under", "after",
		"before", "until", "unless", "though", "despite", "instead", "rather", "well", "especially",
		"example", "indeed", "certainly", "surely", "obviously", "clearly", "really", "actually", "simply")
)

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Word flags: every word class a word belongs to, looked up once per word.
const (
	wFunction uint16 = 1 << iota
	wStrong
	wWeak
	wNeg
	wPerson1
	wPerson2
	wEval
	wAux
	wSubject
	wConnective // some connective starts with the word
	wAmbiguous
)

// wordFlags maps words to their flags; built once, read only.
var wordFlags = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, c := range []struct {
		set  map[string]bool
		flag uint16
	}{{functionWords, wFunction}, {modalStrong, wStrong}, {modalWeak, wWeak}, {negations, wNeg},
		{firstPerson, wPerson1}, {secondPerson, wPerson2}, {evaluative, wEval}, {auxiliaries, wAux},
		{subjects, wSubject}, {ambiguous, wAmbiguous}} {
		for w := range c.set {
			m[w] |= c.flag
		}
	}
	for w := range connectiveIndex {
		m[w] |= wConnective
	}
	return m
}()

// flagged rules out most words without flags without a look-up in
// wordFlags (most content words).
var flagged = wordfilter.New(wordfilter.Keys(wordFlags))

// WordFlags returns the parser's flags of the lower-cased word w (bits of
// its own, only to be handed back in Sentence.Flags).
func WordFlags(w string) uint16 { return flagsOf(w) }

// FlaggedWords returns the words whose WordFlags are not 0, in no order.
func FlaggedWords() []string { return wordfilter.Keys(wordFlags) }

// flagsOf returns wordFlags[w].
func flagsOf(w string) uint16 {
	if !flagged.May(w) {
		return 0
	}
	return wordFlags[w]
}

// Sentences that name an act of the writer's or of the text instead of
// saying something of the matter: a text that says what it does ("This
// statement sets out why …", "In this post I describe …": roadmap), and a
// bare act of taking a side on what came before ("I contest that claim.",
// "We disagree.", "I agree with this."). Neither is a thesis: the roadmap
// is background, and a bare act points at the sentences that carry the
// position it takes.
var (
	textNouns = set("statement", "report", "article", "essay", "post", "review", "section", "chapter", "letter",
		"note", "piece", "document", "paper", "blog", "page", "briefing", "submission", "update", "summary",
		"leaflet", "guide", "thread")
	presentForms, _ = inflectAll([]string{"set:set", "describe", "explain", "outline", "summarise", "summarize",
		"present", "discuss", "examine", "consider", "review", "address", "cover", "list", "introduce", "look:looked",
		"answer", "give:gave:given", "show:showed:shown", "tell:told"})
	contestForms, _ = inflectAll([]string{"contest", "dispute", "disagree", "reject", "challenge", "question",
		"deny", "doubt", "object"})
	agreeForms, _ = inflectAll([]string{"agree", "accept", "endorse", "second", "share"})
)

// roadmap tells whether ws says what the text itself does: a text noun
// after "this" (or "in this" and a first-person subject), then a verb of
// presenting that is not followed by "that" ("This statement sets out why
// …", "In this post I describe …"; not "This review shows that X", which
// states a finding).
func roadmap(ws []string) bool {
	k := 0
	switch {
	case len(ws) > 3 && ws[0] == "this" && textNouns[ws[1]]:
		k = 2
	case len(ws) > 4 && (ws[0] == "in" || ws[0] == "below" || ws[0] == "here") && ws[1] == "this" && textNouns[ws[2]] && (firstPerson[ws[3]] || ws[3] == "you"):
		k = 4
	case len(ws) > 3 && (ws[0] == "below" || ws[0] == "here") && firstPerson[ws[1]]:
		k = 2
	default:
		return false
	}
	for k < len(ws) && (reportAdverbs[ws[k]] || reportAux[ws[k]] || ws[k] == "briefly" || ws[k] == "first") {
		k++
	}
	return k+1 < len(ws) && presentForms[ws[k]] && ws[k+1] != "that" && !(k+2 < len(ws) && ws[k+1] == "out" && ws[k+2] == "that")
}

// bareAct tells whether ws only takes a side on what came before: a
// first-person subject, a verb of agreeing or contesting (after "do not"
// or a modal at most), and nothing after it but a word pointing back
// with a noun of a view ("I contest that claim.", "We disagree.", "I
// cannot accept this view.", "We agree with that.").
func bareAct(ws []string) bool {
	if len(ws) < 2 || len(ws) > 6 || ws[0] != "i" && ws[0] != "we" {
		return false
	}
	k := 1
	for k < len(ws) && (reportAux[ws[k]] || ws[k] == "do" || ws[k] == "not" || ws[k] == "n't" || ws[k] == "cannot" || ws[k] == "fully" || ws[k] == "strongly" || ws[k] == "simply") {
		k++
	}
	if k >= len(ws) || !contestForms[ws[k]] && !agreeForms[ws[k]] {
		return false
	}
	k++
	if k < len(ws) && (ws[k] == "with" || ws[k] == "to") {
		k++
	}
	if k < len(ws) && (pointsBack[ws[k]] || ws[k] == "the") {
		k++
	}
	if k < len(ws) && viewNouns[ws[k]] {
		k++
	}
	return k == len(ws)
}

// contestsBack tells whether a bare act (bareAct) takes the other side
// from what it points at: a verb of contesting, or one of agreeing
// negated ("I cannot accept this view.").
func contestsBack(ws []string) bool {
	neg := false
	for _, w := range ws {
		switch {
		case w == "not" || w == "n't" || w == "cannot" || strings.HasSuffix(w, "n't"):
			neg = true
		case contestForms[w]:
			return !neg
		case agreeForms[w]:
			return neg
		}
	}
	return false
}

// reportsAt tells whether word j of ws is a verb of saying or believing
// (reportForms) that reports a view there: one of answerForms only with
// "that" among the three words after it.
func reportsAt(ws []string, j int) bool {
	if !reportForms[ws[j]] {
		return false
	}
	return !answerForms[ws[j]] || contains(ws[j+1:min(len(ws), j+4)], "that")
}
