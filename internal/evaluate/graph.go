package evaluate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/argmap/argmap/internal/argmap"
)

// Evaluation is the verdict on every statement (claim or evidence) of a graph
// and on every relation, with the reasons.
type Evaluation struct {
	Semantics Semantics `json:"semantics"`
	// Focus is the claim asked about, listed first among the statements.
	Focus      string           `json:"focus,omitempty"`
	Statements []StatementLabel `json:"statements"`
	Arguments  []ArgumentLabel  `json:"arguments"`
	// Count is the number of labellings of a Dung semantics (saturating);
	// Extensions lists up to Limits.MaxListed of them as statement IDs.
	Count      int        `json:"count,omitempty"`
	Extensions [][]string `json:"extensions,omitempty"`
	// Note says something that holds for the whole evaluation, such as a
	// framework with no stable extension.
	Note string `json:"note,omitempty"`
}

// StatementLabel is the verdict on one claim or piece of evidence.
type StatementLabel struct {
	ID string `json:"id"`
	// Key is the statement's name in the file it was imported from (the
	// claim's Title: a Carneades statement key, a TGF argument name, an
	// Argdown title); empty otherwise.
	Key  string `json:"key"`
	Text string `json:"text"`
	// Label is in, out or undec.
	Label Label  `json:"label"`
	Kind  string `json:"kind"` // "claim" or "evidence"
	// Assumed tells whether the statement was taken as given.
	Assumed bool `json:"assumed,omitempty"`
	// Credulous and Sceptical acceptance under a Dung semantics: In in some,
	// or in every, labelling.
	Credulous *bool `json:"credulous,omitempty"`
	Sceptical *bool `json:"sceptical,omitempty"`
	// Reason explains the label in a sentence; Deciding lists the relations
	// that decide it.
	Reason   string    `json:"reason"`
	Deciding []Decider `json:"deciding,omitempty"`
}

// Decider is a relation that decides a label.
type Decider struct {
	Relation string   `json:"relation"`
	Key      string   `json:"key,omitempty"`
	Kind     string   `json:"kind"` // supports, contests, undercuts, stated (a source states the claim) or given (a premise)
	From     []string `json:"from,omitempty"`
	Weight   float64  `json:"weight"`
	Label    Label    `json:"label"`
}

// ArgumentLabel is the verdict on one relation: In when it applies with some
// weight (or, under a Dung semantics, is accepted), Out when it fails, Undec
// when that is open.
type ArgumentLabel struct {
	ID     string   `json:"id"`
	Key    string   `json:"key"`
	Kind   string   `json:"kind"`
	From   []string `json:"from"`
	To     string   `json:"to"`
	Weight float64  `json:"weight"`
	Label  Label    `json:"label"`
	Reason string   `json:"reason"`
}

// Options tune the structured (Carneades) evaluation of argmap graphs.
type Options struct {
	// Limits bound the Dung semantics.
	Limits Limits
	// StatedWeight is the weight of a source stating a claim that is
	// contested, weighed against the arguments over it; 0 means
	// DefaultStatedWeight.
	StatedWeight float64
	// AssumePremises takes as given every claim that no relation supports
	// or contests and that is at no issue: the premises of a map written
	// without assumptions (Argdown, AIF). Off, such a claim is Out unless it
	// is assumed or stated in a source, as Carneades has it.
	AssumePremises bool
}

// DefaultStatedWeight is the weight of a claim's being stated in a source,
// when the claim is at issue: below an explicit argument of full weight.
const DefaultStatedWeight = 0.5

// EvaluateGraph labels every claim, evidence and relation of g under the
// semantics: a Dung semantics over the attacks the graph's contests make, or
// the structured Carneades evaluation. g is not changed.
func EvaluateGraph(g *argmap.Graph, sem Semantics, opt Options) (*Evaluation, error) {
	switch sem {
	case SemCarneades:
		return evaluateCarneades(g, opt), nil
	case SemGrounded, SemComplete, SemPreferred, SemStable:
		return evaluateDung(g, sem, opt.Limits)
	}
	return nil, argmap.Errorf(argmap.EINVALID, "unknown semantics %q (want grounded, complete, preferred, stable or carneades)", sem)
}

// node is what the graph says about one claim or evidence.
type nodeInfo struct {
	id, key, text, kind string
}

func graphNodes(g *argmap.Graph) []nodeInfo {
	out := make([]nodeInfo, 0, len(g.Claims)+len(g.Evidence))
	for _, c := range g.Claims {
		out = append(out, nodeInfo{c.ID, c.Title, c.Text, "claim"})
	}
	for _, e := range g.Evidence {
		out = append(out, nodeInfo{e.ID, "", e.Text, "evidence"})
	}
	return out
}

// relWeight is the weight a relation carries: its score, or 1 when it has
// none.
func relWeight(r *argmap.Relation) float64 {
	if r.Score > 0 {
		return r.Score
	}
	return 1
}

// short quotes a statement for a sentence: its key when it has one, else its
// text cut after a whole word to a readable length.
func short(key, text string) string {
	if key != "" {
		return key
	}
	return `"` + quotable(argmap.Clip(text, 70)) + `"`
}

// quotable makes text fit between the straight quotes of a reason without
// escapes a reader would see: its own double quotes become curly ones
// (opening at the start or after a space or bracket, closing otherwise), and
// characters that do not print are dropped.
func quotable(text string) string {
	var b strings.Builder
	prev := ' '
	for _, r := range text {
		switch {
		case r == '"' && (unicode.IsSpace(prev) || strings.ContainsRune("([{“‘", prev)):
			b.WriteRune('“')
		case r == '"':
			b.WriteRune('”')
		case !unicode.IsPrint(r):
			continue
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// relNamer names relations for sentences by what they join, never by their
// IDs: a reader sees claim text.
type relNamer struct {
	names map[string]string           // claim or evidence ID -> short(key, text)
	rels  map[string]*argmap.Relation // relation ID -> relation, for undercuts
}

func newRelNamer(g *argmap.Graph) *relNamer {
	n := &relNamer{names: map[string]string{}, rels: map[string]*argmap.Relation{}}
	for _, x := range graphNodes(g) {
		n.names[x.id] = short(x.key, x.text)
	}
	for i := range g.Relations {
		n.rels[g.Relations[i].ID] = &g.Relations[i]
	}
	return n
}

// name names a relation: "argument KEY" when it has a title (its name in
// an imported file), else `the relation "premise" contests "target"` with
// the texts shortened. A linked denial's other reading (ID~reverse) is named
// as the relation it reads backwards.
func (n *relNamer) name(r *argmap.Relation) string {
	return n.nameDepth(r, 0)
}

func (n *relNamer) nameDepth(r *argmap.Relation, depth int) string {
	if id, ok := strings.CutSuffix(r.ID, reverseSuffix); ok {
		orig := r
		if o := n.rels[id]; o != nil {
			orig = o
		} else if len(r.From) == 1 {
			orig = &argmap.Relation{Kind: r.Kind, Title: r.Title, From: []string{r.To}, To: r.From[0]}
		}
		return n.nameDepth(orig, depth) + " read both ways (opposite propositions)"
	}
	if r.Title != "" {
		return "argument " + r.Title
	}
	var from []string
	for _, p := range r.From {
		from = append(from, n.node(p, depth))
	}
	prem := "nothing"
	if len(from) > 0 {
		prem = strings.Join(from, " + ")
	}
	return fmt.Sprintf("the relation %s %s %s", prem, r.Kind, n.node(r.To, depth))
}

// node names a relation's end: a claim or evidence by its text, a relation
// (the target of an undercut) by what it joins, one level deep.
func (n *relNamer) node(id string, depth int) string {
	if s, ok := n.names[id]; ok {
		return s
	}
	if r := n.rels[id]; r != nil {
		if depth > 0 {
			return "a relation"
		}
		return "(" + n.nameDepth(r, depth+1) + ")"
	}
	return "an unknown node"
}

func fmtWeight(w float64) string {
	s := fmt.Sprintf("%.2f", w)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "" {
		return "0"
	}
	return s
}
