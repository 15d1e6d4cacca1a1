package extract

import (
	"github.com/argmap/argmap/internal/argmap"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// The structure stage: the argumentative sentences are split into units
// below the sentence, and the structure parser (package structure) decides
// the central claim and what every unit supports or contests. A short text
// is one argument; a long one is parsed paragraph by paragraph and the
// paragraphs' central claims bear on the document's.

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

// argue splits the argumentative sentences of units into argumentative
// discourse units and decodes their structure, recording it in each unit's
// arg. It returns the new units in text order.
func (p *Pipeline) argue(text string, units []unit) []unit {
	m := p.structure
	if m == nil {
		return units
	}
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
	var sents []argstruct.Sentence
	var idx []int // sentence -> index in units
	for i := range units {
		u := &units[i]
		if u.sec == SectionNotes || u.sec == SectionBibliography {
			continue
		}
		if asides && promotable(u.Verdict) {
			u.Verdict = Verdict{Label: LabelClaim, Score: 0.5, Cues: append([]string{"structure"}, u.Cues...)}
		}
		if u.Label == LabelOther || sourceNote(u) {
			continue
		}
		sents = append(sents, argstruct.Sentence{Start: u.Start, End: u.End, Para: u.para})
		idx = append(idx, i)
	}
	if len(sents) == 0 {
		return units
	}
	aus := m.Segment(text, sents)
	for k := range aus {
		aus[k].Leaf = !asides && units[idx[aus[k].Sent]].Label == LabelEvidence
	}
	st := m.Parse(text, aus, argstruct.ParseOptions{OneArgument: oneArgument})
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
	out := make([]unit, 0, len(units)+len(aus)-len(sents))
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
				nu.p = "" // the words are those of the part
			}
			pos[k] = len(out)
			out = append(out, nu)
		}
	}
	for _, c := range st.Central {
		out[pos[c]].arg.central = true
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
	return out
}

// sourceNote reports whether u says where a statement came from ("Interview,
// City, Month, Year."): not a reason for anything.
func sourceNote(u *unit) bool { return len(u.Cues) > 0 && u.Cues[0] == SourceNoteCue }

// relate adds the relations the structure stage decoded between the units
// of one document and marks its central claims. A unit that contests a
// relation (an undercut) targets that relation's ID. Units in notes back
// the central claim.
func relate(g *argmap.Graph, units []*unit, srcID, text, hash string) {
	relID := map[*unit]string{}
	var central *unit
	for _, u := range units {
		if u.arg.central && u.Label == LabelClaim {
			central = u
		}
	}
	add := func(u *unit, to string, kind argmap.RelationKind) string {
		if to == "" || to == u.id {
			return ""
		}
		id := argmap.DerivedID(argmap.KindRelation, hash, string(kind), u.id, to)
		sp := argmap.Span{SourceID: srcID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]}
		score := u.arg.score
		if score <= 0 {
			score = 0.3
		}
		g.Relations = append(g.Relations, argmap.Relation{
			ID: id, Kind: kind, From: []string{u.id}, To: to, Span: &sp, Origin: argmap.OriginExtracted,
			Score: float64(int(score*100+0.5)) / 100,
		})
		return id
	}
	kindOf := func(k argstruct.Kind) argmap.RelationKind {
		if k == argstruct.Attack {
			return argmap.Contests
		}
		return argmap.Supports
	}
	// relations on units first, so undercuts find the relation they target
	for _, u := range units {
		if h := u.arg.head; h != nil && !u.arg.undercut && h.id != "" && h.Label == LabelClaim {
			relID[u] = add(u, h.id, kindOf(u.arg.kind))
		}
	}
	for _, u := range units {
		h := u.arg.head
		if h == nil || !u.arg.undercut {
			continue
		}
		if r := relID[h]; r != "" {
			add(u, r, argmap.Contests)
		} else if h.id != "" && h.Label == LabelClaim {
			add(u, h.id, argmap.Contests)
		}
	}
	if central != nil {
		for _, u := range units {
			if u.sec == SectionNotes && u.arg.head == nil && u != central && !sourceNote(u) {
				add(u, central.id, argmap.Supports)
			}
		}
		for i := range g.Claims {
			if g.Claims[i].ID == central.id {
				g.Claims[i].Main = true
			}
		}
	}
}
