package extract

// What the judge of an answer sees of a question's words, for finding why
// a source that states a question is not found (`argmap train-judge
// --misses`): the words it weighs, which of them each candidate meets, and
// which of them a text outside the candidates meets. Nothing here changes
// a judgement.

// QuestionWord is a content word of a question as a weighted answer
// (JudgeAll over at least 8 candidates) weighs it.
type QuestionWord struct {
	Lemma string
	// Weight is 1 less the share of the candidates that meet it in full
	// (at least 0.15), or 1 in an answer of fewer candidates: a word no
	// candidate says weighs 1.
	Weight float64
	// Rarest marks the word the fewest candidates meet: the learned judge
	// promotes only a candidate that meets it.
	Rarest bool
}

// Explain judges the candidates texts (read with their gists, as
// JudgeAll reads them) against question and returns the question's words
// as the answer weighs them, and for each candidate the words its best
// window meets in full (nil for a candidate with no window).
func (s *Stancer) Explain(question string, texts, gists []string) ([]QuestionWord, [][]bool) {
	r := s.ruleJudge(question, s.readInContext(texts, gists))
	rarest := rarestTerm(r.w)
	words := make([]QuestionWord, len(r.qt))
	for i, t := range r.qt {
		words[i] = QuestionWord{Lemma: t.lemma, Weight: 1, Rarest: i == rarest}
		if r.w != nil {
			words[i].Weight = r.w[i]
		}
	}
	met := make([][]bool, len(texts))
	for k := range texts {
		if h := r.bws[k].hits; h != nil {
			met[k] = append([]bool(nil), h...)
		}
	}
	return words, met
}

// WordsMet returns the question's words that text meets in full in some
// clause (as the judge of that one text reads the question), by lemma.
func (s *Stancer) WordsMet(question, text string) map[string]bool {
	gl := &glossary{}
	gl.add(question)
	gl.add(text)
	qt := s.questionTerms(question, gl)
	out := map[string]bool{}
	for _, r := range s.analyse(text, gl).regions {
		_, _, _, _, hits := match(qt, r.terms, nil)
		for i, h := range hits {
			if h {
				out[qt[i].lemma] = true
			}
		}
	}
	return out
}

// The checks of judgeWindow that cap a claim window's coverage below the
// threshold, by the name Explain reports them.
const (
	capPredicate  = "predicate"  // the question's predicate unmet in full
	capFigure     = "figure"     // its figure
	capTrend      = "trend"      // its trend
	capSide       = "side"       // the side for or against it says is taken
	capStays      = "stays"      // that something stays as it is
	capSideObject = "sideObject" // a side taken on something else
	capCamp       = "camp"       // other people than the side it names
	capAct        = "act"        // the act its light verb governs
	capOpposite   = "opposite"   // a word of the opposite of one it says (saysOpposite)
	capConsequent = "consequent" // a conditional question's consequent
)

// capUnsaid names the check that caps a window leaving out question word t.
func capUnsaid(t term) string {
	switch {
	case isFigure(t):
		return capFigure
	case t.trend:
		return capTrend
	case t.side == 1 || t.side == -1:
		return capSide
	case t.stays:
		return capStays
	}
	return capPredicate
}

// Caps judges the candidates texts as Explain does and returns, for each,
// the name of the check that capped its best window's coverage ("" none;
// the constants above), and how that window meets the question's rarest
// word (rarestShare: 1 in full, 0.5 by a near word, 0.25 by a broader one
// or word vectors, 0 not at all).
func (s *Stancer) Caps(question string, texts, gists []string) (caps []string, rarest []float64) {
	r := s.ruleJudge(question, s.readInContext(texts, gists))
	ri := rarestTerm(r.w)
	caps = make([]string, len(texts))
	rarest = make([]float64, len(texts))
	for k := range texts {
		caps[k] = r.bws[k].capBy
		if ri >= 0 {
			rarest[k] = rarestShare(r.qt, ri, r.bws[k])
		}
	}
	return caps, rarest
}
