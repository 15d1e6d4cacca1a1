package argdown

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// SchemeUndercut marks a contests relation that undercuts an argument which
// bears on nothing: its target is the argument's claim, as it has no
// inference relation to attack.
const SchemeUndercut = "undercut"

// ToGraph maps doc onto an argmap graph citing src (IDs derived from src.ID,
// spans into src's text, which must be the document parsed). src itself is
// not added. It returns EINVALID, naming the line, for what argmap cannot
// hold: a text or title past argmap's limits, an inference with more than
// argmap.MaxPremises premises or whose conclusion is among its premises.
func ToGraph(doc *Document, src argmap.Source, now time.Time) (*argmap.Graph, error) {
	g := &argmap.Graph{}
	ecID := make([]string, len(doc.Statements))
	argID := make([]string, len(doc.Arguments))
	span := func(m Member) []argmap.Span {
		if m.End <= m.Start || src.ID == "" {
			return nil
		}
		return []argmap.Span{{SourceID: src.ID, Start: m.Start, End: m.End}}
	}
	for i, s := range doc.Statements {
		id := argmap.DerivedID(argmap.KindClaim, src.ID, "statement", strconv.Itoa(i), s.Title)
		ecID[i] = id
		text := s.Text()
		if text == "" {
			text = s.Title
		}
		c := argmap.Claim{ID: id, Title: s.Title, Text: text, Section: doc.sectionPath(s.Section), Origin: argmap.OriginCurated, Score: 1, CreatedAt: now}
		for _, m := range s.Members {
			if m.Text != "" {
				c.Spans = append(c.Spans, span(m)...)
			}
		}
		if err := c.Validate(); err != nil {
			return nil, errAt(s.Pos.Line, s.Pos.Col, "statement %s: %s", quoteTitle(s.Title), argmap.ErrorMessage(err))
		}
		g.Claims = append(g.Claims, c)
	}
	for i, a := range doc.Arguments {
		id := argmap.DerivedID(argmap.KindClaim, src.ID, "argument", a.Title)
		argID[i] = id
		text := a.Description()
		if text == "" {
			text = a.Title
		}
		c := argmap.Claim{ID: id, Kind: argmap.ClaimArgument, Title: a.Title, Text: text, Section: doc.sectionPath(a.Section),
			Origin: argmap.OriginCurated, Score: 1, CreatedAt: now}
		for _, m := range a.Descriptions {
			if m.Text != "" {
				c.Spans = append(c.Spans, span(m)...)
			}
		}
		if len(c.Spans) == 0 && src.ID != "" && !a.Untitled {
			// Where the argument is first named: its <title>.
			if end := strings.IndexByte(src.Text[min(a.Pos.Offset, len(src.Text)):], '>'); end > 0 && end < 2*argmap.MaxNameLen {
				c.Spans = span(Member{Start: a.Pos.Offset, End: a.Pos.Offset + end + 1})
			}
		}
		if err := c.Validate(); err != nil {
			return nil, errAt(a.Pos.Line, a.Pos.Col, "argument <%s>: %s", a.Title, argmap.ErrorMessage(err))
		}
		g.Claims = append(g.Claims, c)
	}
	// Inference steps.
	mainStep := make([]string, len(doc.Arguments))
	for i, a := range doc.Arguments {
		for k, it := range a.PCS {
			if it.Inference == nil {
				continue
			}
			r := argmap.Relation{
				ID:   argmap.DerivedID(argmap.KindRelation, src.ID, "step", a.Title, strconv.Itoa(k)),
				Kind: argmap.Supports, To: ecID[it.Statement], Title: a.Title, Scheme: it.Inference.Rules,
				Origin: argmap.OriginCurated, Score: 1, CreatedAt: now,
			}
			seen := map[string]bool{}
			for _, u := range it.Inference.Uses {
				if u < 0 || u >= k {
					continue
				}
				f := ecID[a.PCS[u].Statement]
				if !seen[f] {
					seen[f] = true
					r.From = append(r.From, f)
				}
			}
			if len(r.From) == 0 {
				return nil, errAt(a.Pos.Line, a.Pos.Col, "argument <%s>: inference %d has no premises", a.Title, k+1)
			}
			if err := r.Validate(); err != nil {
				return nil, errAt(a.Pos.Line, a.Pos.Col, "argument <%s>: the inference to (%d): %s", a.Title, k+1, argmap.ErrorMessage(err))
			}
			g.Relations = append(g.Relations, r)
			mainStep[i] = r.ID
		}
	}
	// Relations between statements and arguments; undercuts last, since
	// they target the relations the others create.
	nodeID := func(r Ref) string {
		if r.Argument {
			return argID[r.Index]
		}
		return ecID[r.Index]
	}
	outgoing := make([]string, len(doc.Arguments)) // first relation from each argument's claim
	relID := func(r Relation) string {
		return argmap.DerivedID(argmap.KindRelation, src.ID, string(r.Type), nodeID(r.From), nodeID(r.To))
	}
	add := func(r Relation, rel argmap.Relation) error {
		if err := rel.Validate(); err != nil {
			return errAt(r.Pos.Line, r.Pos.Col, "%s", argmap.ErrorMessage(err))
		}
		g.Relations = append(g.Relations, rel)
		return nil
	}
	for _, r := range doc.Relations {
		if r.Type == Undercut {
			continue
		}
		rel := argmap.Relation{ID: relID(r), From: []string{nodeID(r.From)}, To: nodeID(r.To), Origin: argmap.OriginCurated, Score: 1, CreatedAt: now}
		switch r.Type {
		case Support:
			rel.Kind = argmap.Supports
		case Entails:
			rel.Kind, rel.Scheme = argmap.Supports, argmap.SchemeEntails
		case Attack:
			rel.Kind = argmap.Contests
		case Contrary:
			rel.Kind, rel.Scheme = argmap.Contests, argmap.SchemeContrary
		case Contradictory:
			rel.Kind, rel.Scheme = argmap.Contests, argmap.SchemeContradictory
		}
		if r.From.Argument && outgoing[r.From.Index] == "" {
			outgoing[r.From.Index] = rel.ID
		}
		if err := add(r, rel); err != nil {
			return nil, err
		}
	}
	for _, r := range doc.Relations {
		if r.Type != Undercut {
			continue
		}
		rel := argmap.Relation{ID: relID(r), Kind: argmap.Contests, From: []string{nodeID(r.From)}, Origin: argmap.OriginCurated, Score: 1, CreatedAt: now}
		switch a := r.To.Index; {
		case mainStep[a] != "":
			rel.To = mainStep[a]
		case outgoing[a] != "":
			rel.To = outgoing[a]
		default:
			rel.To, rel.Scheme = argID[a], SchemeUndercut
		}
		if err := add(r, rel); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// sectionPath returns the headings from the outermost to section i, at most
// argmap.MaxSectionDepth of them (the innermost kept), nil for -1.
func (doc *Document) sectionPath(i int) []string {
	var path []string
	for seen := 0; i >= 0 && i < len(doc.Sections) && seen <= len(doc.Sections); seen++ {
		t := doc.Sections[i].Title
		if len(t) > argmap.MaxNameLen {
			t = t[:argmap.MaxNameLen]
			for len(t) > 0 && !utf8.ValidString(t) {
				t = t[:len(t)-1]
			}
		}
		if strings.TrimSpace(t) == "" {
			t = "Untitled section"
		}
		path = append([]string{t}, path...)
		i = doc.Sections[i].Parent
	}
	if len(path) > argmap.MaxSectionDepth {
		path = path[len(path)-argmap.MaxSectionDepth:]
	}
	return path
}

func quoteTitle(t string) string {
	if t == "" {
		return "(untitled)"
	}
	return "[" + t + "]"
}

// Counts are what the Argdown CLI reports of a document: arguments,
// equivalence classes and relations by type.
type Counts struct {
	Arguments  int
	Statements int
	Relations  map[RelationType]int
}

// Count returns doc's counts.
func (doc *Document) Count() Counts {
	c := Counts{Arguments: len(doc.Arguments), Statements: len(doc.Statements), Relations: map[RelationType]int{}}
	for _, r := range doc.Relations {
		c.Relations[r.Type]++
	}
	return c
}

// String formats c as "4 arguments, 17 statements, attack 5, support 5".
func (c Counts) String() string {
	var parts []string
	for _, t := range []RelationType{Attack, Contradictory, Contrary, Entails, Support, Undercut} {
		if n := c.Relations[t]; n > 0 {
			parts = append(parts, string(t)+" "+strconv.Itoa(n))
		}
	}
	s := strconv.Itoa(c.Arguments) + " arguments, " + strconv.Itoa(c.Statements) + " statements"
	if len(parts) > 0 {
		s += ", " + strings.Join(parts, ", ")
	}
	return s
}
