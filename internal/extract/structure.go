package extract

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"

	"github.com/argmap/argmap/internal/extract/lexicon"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// The structure stage: the argumentative sentences are split into units
// below the sentence, and the structure parser (package structure) decides
// the central claim and what every unit supports or contests. A short text
// of one paragraph is one argument; a text of several paragraphs, or a long
// one, is parsed paragraph by paragraph and the paragraphs' claims bear on
// the document's thesis.

// argUnit is what the structure stage decides for one unit.
type argUnit struct {
	sent     int   // index of the sentence the unit is part of
	head     *unit // the unit it supports or contests, if any
	kind     argstruct.Kind
	undercut bool // it contests head's own relation, not head
	central  bool // a central claim of the document
	score    float64
}

// oneArgument is the most argumentative sentences a text may have to be
// read as one argument, in which every sentence but page furniture counts.
const oneArgument = 24

// promotable tells the verdicts of "other" sentences that argue in a short
// argumentative text: a writer's "I do not think ..." is its thesis, a
// question sets up the answer, a three-word sentence may be the claim. (An
// announcement, "This paper examines ...", stays out.)
func promotable(v Verdict) bool {
	if v.Label != LabelOther || len(v.Cues) == 0 {
		return false
	}
	switch v.Cues[0] {
	case "personal", "question", "fragment":
		return true
	}
	return false
}

// plain tells the verdicts of sentences with no interpretive signal of
// their own: evidence, and claims only because nothing else fits them (no
// cue). In the opening paragraph of a text of several paragraphs they are
// background unless something bears on them.
func plain(v Verdict) bool {
	return v.Label == LabelEvidence || v.Label == LabelClaim && len(v.Cues) == 1 && v.Cues[0] == "declarative"
}

// argue is the structure stage: it splits the argumentative sentences of
// the document's units into argumentative discourse units and decodes their
// structure, recording it in each unit's arg. The document's units become
// the new ones, in text order.
// argue stops between blocks when ctx ends; Extract then returns the error.
func (p *Pipeline) argue(ctx context.Context, d *state) {
	m := p.structure
	if m == nil {
		return
	}
	text, units := d.text, d.units
	sents, idx, aus, shortText := argUnits(m, d)
	if len(sents) == 0 {
		return
	}
	st := m.Parse(text, aus, parseOptions(ctx))
	if !shortText {
		// a central claim is a claim a reader can take in: not "but it
		// is not neutral." without the half of its sentence it turns on
		aus, st = argstruct.JoinLeaning(text, aus, st)
	}
	if st.Whole {
		aus, st = argstruct.JoinSentences(text, aus, st)
		st = m.Relink(text, aus, st)
		st = m.Rekind(text, aus, st)
	}
	// the new unit list: every unit of a split sentence takes its verdict
	bySent := make([][]int, len(sents))
	for k, a := range aus {
		bySent[a.Sent] = append(bySent[a.Sent], k)
	}
	sentOf := make([]int, len(units))
	for i := range sentOf {
		sentOf[i] = -1
	}
	for s, i := range idx {
		sentOf[i] = s
	}
	// when every sentence parsed is one unit still, each unit stays where
	// it is: the list is written over in place (a unit is read before its
	// place is written), not copied
	var out []unit
	same := true
	for _, ks := range bySent {
		same = same && len(ks) == 1
	}
	if same {
		out = units[:0]
	} else {
		out = make([]unit, 0, len(units)+len(aus)-len(sents))
	}
	pos := make([]int, len(aus)) // parsed unit -> index in out
	for i := range units {
		s := sentOf[i]
		if s < 0 {
			out = append(out, units[i])
			continue
		}
		for _, k := range bySent[s] {
			nu := units[i]
			nu.Start, nu.End = aus[k].Start, aus[k].End
			nu.arg = argUnit{sent: s}
			if nu.Start != units[i].Start || nu.End != units[i].End {
				nu.surf = surface{} // the words are those of the part
				nu.toks, nu.words = wordsWithin(units[i], nu.Start, nu.End), nil
			}
			pos[k] = len(out)
			out = append(out, nu)
		}
	}
	for _, c := range st.Central {
		out[pos[c]].arg.central = true
	}
	// a line quoting what a poster wrote earlier in the text repeats that
	// poster's unit: the unit stands where it was written, the quote is no
	// claim of its own
	for k, q := range st.Quotes {
		if q >= 0 {
			out[pos[k]].Verdict = Verdict{Label: LabelOther, Score: 0.9, Cues: []string{"quote"}}
		}
	}
	for _, r := range st.Relations {
		a := &out[pos[r.From]]
		a.arg.head = &out[pos[r.To]]
		a.arg.kind, a.arg.undercut, a.arg.score = r.Kind, r.Undercut, r.Score
	}
	// a unit others bear on is a claim, in a one-paragraph text; elsewhere
	// evidence is never a target (Leaf)
	for i := range out {
		if h := out[i].arg.head; h != nil && h.Label == LabelEvidence {
			h.Verdict = Verdict{Label: LabelClaim, Score: h.Score, Cues: append([]string{"structure:target"}, h.Cues...)}
		}
	}
	for _, c := range st.Central {
		if u := &out[pos[c]]; u.Label == LabelEvidence {
			u.Verdict = Verdict{Label: LabelClaim, Score: u.Score, Cues: append([]string{"structure:central"}, u.Cues...)}
		}
	}
	d.units = out
}

// wordsWithin returns the words of u (u.toks) that make up its part
// [start,end), or nil when the part is not inside u or cuts a word.
func wordsWithin(u unit, start, end int) []argstruct.Token {
	if u.toks == nil || start < u.Start || end > u.End {
		return nil
	}
	i := 0
	for i < len(u.toks) && u.toks[i].End <= start {
		i++
	}
	j := i
	for j < len(u.toks) && u.toks[j].Start < end {
		j++
	}
	if i < len(u.toks) && u.toks[i].Start < start || j > i && u.toks[j-1].End > end {
		return nil
	}
	return u.toks[i:j:j]
}

// adjective is the word class the structure parser asks of a word after a
// verb of seeming (argstruct.ParseOptions.Adjective): WordNet gives it an
// adjective sense among its commonest senses or their derivations. The
// lexicon is loaded only when the parser asks.
func adjective(w string) bool {
	lex := lexicon.Default()
	return len(lex.Adjectives(lex.Concepts(w))) > 0
}

// StructureSentences splits text into sentences the way the pipeline does,
// with their paragraphs: what the structure parser is trained on.
func StructureSentences(text string) []argstruct.Sentence {
	segs := Segments(text)
	sents := Sentences(text, segs)
	out := make([]argstruct.Sentence, len(sents))
	for i, s := range sents {
		out[i] = argstruct.Sentence{Start: s.Start, End: s.End, Para: segs[s.Seg].Para}
	}
	return out
}

// parseOptions are the structure parser's options in extraction: ctx's
// end stops it between blocks.
func parseOptions(ctx context.Context) argstruct.ParseOptions {
	return argstruct.ParseOptions{OneArgument: oneArgument, Adjective: adjective, Stop: func() bool { return ctx.Err() != nil }}
}

// argUnits returns the sentences of d that take part in the argument, the
// index in d.units of each, their argumentative units (split below the
// sentence) and whether they are a short text; it settles the verdicts of
// sentences that argue only in a short text or a reply.
func argUnits(m *argstruct.Model, d *state) (sents []argstruct.Sentence, idx []int, aus []argstruct.Unit, shortText bool) {
	text, units := d.text, d.units
	// which sentences take part: claims and evidence of the body; in a
	// short text also the sentences that only look like asides
	n, paras, last := 0, 0, -1
	for _, u := range units {
		if u.Label != LabelOther && u.sec != SectionNotes {
			n++
			if u.para != last {
				paras++
				last = u.para
			}
		}
	}
	short := n <= oneArgument
	// asides count only in a short text of one paragraph: a post, an
	// abstract, a short argumentative text
	asides := short && paras == 1
	// the sentence that answers a quoted line of a forum reply ("Not
	// true.", "I doubt it."), or the few words that open a reply under its
	// post header in a short thread ("Agree with ana."), or that denies a
	// view the sentence before reports ("Some say X. They are wrong."),
	// takes part like an aside of a short text: its reply takes a side
	starts := make([]int, len(units))
	for i := range units {
		starts[i] = units[i].Start
	}
	quoted := argstruct.QuotedLines(text, starts)
	for i := range units {
		u := &units[i]
		if u.sec == SectionNotes || u.sec == SectionBibliography {
			continue
		}
		if (asides || i > 0 && units[i-1].para == u.para && quoted[i-1] && !quoted[i] ||
			short && len(u.Cues) > 0 && u.Cues[0] == "fragment" && (argstruct.PostOpening(text, u.Start) ||
				i > 0 && units[i-1].para == u.para && argstruct.Rejects(text, units[i-1].Start, units[i-1].End, u.Start, u.End))) &&
			promotable(u.Verdict) {
			u.Verdict = Verdict{Label: LabelClaim, Score: 0.5, Cues: append([]string{"structure"}, u.Cues...)}
		}
		if u.Label == LabelOther || sourceNote(u) {
			continue
		}
		s := argstruct.Sentence{Start: u.Start, End: u.End, Para: u.para, Words: u.toks}
		if u.words != nil {
			s.Lower, s.Flags = u.words.lower, u.words.sfl
		}
		sents = append(sents, s)
		idx = append(idx, i)
	}
	if len(sents) == 0 {
		return nil, nil, nil, false
	}
	shortText = m.ShortText(text, sents)
	aus = m.SegmentShort(text, sents, shortText)
	if !shortText {
		aus = mergeFragments(text, aus) // fragments.go
	}
	for k := range aus {
		u := &units[idx[aus[k].Sent]]
		aus[k].Leaf = !asides && u.Label == LabelEvidence
		aus[k].Plain = plain(u.Verdict)
	}
	return sents, idx, aus, shortText
}

// StructureInput returns what the structure stage parses for doc: its
// text, the argumentative units and the parser's options. It is for
// fitting a stage of the parser on labelled documents (the long-text
// relinker: structure.Relinker), which must see the units extraction sees.
func (p *Pipeline) StructureInput(ctx context.Context, doc argmap.Document) (string, []argstruct.Unit, argstruct.ParseOptions, error) {
	if p.err != nil {
		return "", nil, argstruct.ParseOptions{}, argmap.WrapInternal(p.err, "the argument-structure weights did not load")
	}
	d, err := p.readText(ctx, doc)
	if err != nil {
		return "", nil, argstruct.ParseOptions{}, err
	}
	if err := p.findUnits(ctx, d); err != nil {
		return "", nil, argstruct.ParseOptions{}, err
	}
	assignRoles(d)
	_, _, aus, _ := argUnits(p.structure, d)
	return d.text, aus, parseOptions(ctx), nil
}
