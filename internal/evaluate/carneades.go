package evaluate

import (
	"fmt"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// The structured evaluation follows the Carneades 4 argument evaluation
// structure (Gordon and Walton): statements are claims and evidence;
// arguments are relations, each with linked premises and a conclusion;
// a statement is labelled by a least fixpoint:
//
//   - an assumed statement is In, and the other positions of its issue Out;
//   - a statement none of whose arguments can carry weight is Out (an
//     argument is applicable when it is undercut, or when its undercutter is
//     Out and none of its premises is Undec; an undercut or inapplicable
//     argument weighs 0);
//   - a statement at no issue is In once an applicable argument for it
//     weighs more than 0;
//   - the positions of an issue are decided together once every argument
//     for them is applicable or undercut: the position whose strongest
//     argument beats every rival's strongest under the issue's proof
//     standard is In, the others Out; with no such position all are Out.
//
// argmap graphs map onto that structure so: evidence is assumed; a claim
// with Assumed set is assumed; claims sharing an Issue are its positions; a
// claim that is contested gets an implicit rival, its denial, whose
// arguments are the contests; a claim stated in a source and not at issue is
// taken as stated (assumed), and when it is at issue its being stated counts
// as an argument of Options.StatedWeight; a contest of a relation is an
// argument that the relation does not apply (an undercut). Claims stating the
// same proposition (Claim.Proposition, or joined by a supports the linker
// made) are one statement, and a contest the linker made between two claims
// (a denial) is read both ways. Where an issue concerns extracted material, it
// is settled as soon as no open argument can change its outcome (see settle);
// graphs written by people are evaluated exactly as Carneades 4 does. A relation weighs
// its scheme's weight (linked: 1 when every premise is In; convergent: 1 when
// one is; cumulative: the share of premises In; factorized: the premises In
// over all distinct premises of arguments on the issue) times its score
// (1 when it has none).

// Proof standard thresholds (Carneades 4).
const (
	cceMargin = 0.5 // clear and convincing: the winner leads by more than this
	brdDoubt  = 0.3 // beyond reasonable doubt: and every rival weighs less than this
)

type whyKind uint8

const (
	whyUndec          whyKind = iota // nothing decided it
	whyAssumed                       // assumed
	whyStated                        // stated in a source, not at issue
	whyRivalAssumed                  // another position of its issue is assumed
	whyNoArgument                    // no argument for it
	whyArgumentsFail                 // every argument for it weighs 0
	whySupported                     // an applicable argument weighs more than 0
	whyWon                           // won its issue
	whyLost                          // another position won
	whyNoWinner                      // no position met the standard
	whyWaitingPremise                // an argument waits on an undecided premise or undercutter
	whyWaitingIssue                  // its issue waits on an argument of a rival
)

type why struct {
	kind     whyKind
	early    bool  // decided while arguments were still open (see settle)
	args     []int // deciding arguments
	rival    int   // a rival statement, or -1
	w, w2    float64
	lo2, hi2 float64 // an open issue: its strongest rival's weight so far and at most
	standard string
}

type cStmt struct {
	node    int    // index into the graph's nodes, or -1 for an implicit statement
	name    string // for sentences
	assumed bool
	stated  bool // assumed because a source states it
	premise bool // assumed as a premise nothing argues over (Options.AssumePremises)
	issue   int
	args    []int // arguments concluding it
	deps    []int // arguments it is a premise or undercutter of
	why     why
}

type cArg struct {
	rel         int // index into g.Relations, or -1 for "stated in a source"
	premises    []int
	conclusion  int
	undercutter int
	scheme      string
	factor      float64
	role        string // supports, contests, undercuts, stated, given
	reverse     bool   // a linked contest read from its target to its premise
}

type cIssue struct {
	positions []int
	standard  string
}

type caes struct {
	g       *argmap.Graph
	stmtOf  []int          // node index -> statement
	nodeIdx map[string]int // claim or evidence ID -> node index
	rep     []int          // node index -> the node that stands for its statement
	stmts   []cStmt
	args    []cArg
	issues  []cIssue
	lab     []Label
	done    []bool
	queue   []int
	queued  []bool
	relName *relNamer // names relations for sentences
}

func evaluateCarneades(g *argmap.Graph, opt Options) *Evaluation {
	stated := opt.StatedWeight
	if stated <= 0 {
		stated = DefaultStatedWeight
	}
	nodes := graphNodes(g)
	nc := len(g.Claims)
	c := &caes{g: g, relName: newRelNamer(g)}
	idx := make(map[string]int, len(nodes))
	for i, n := range nodes {
		idx[n.id] = i
	}
	c.nodeIdx = idx
	// Claims that state the same proposition (sharing Claim.Proposition, or
	// joined by a supports the linker made) are one statement; claims the
	// linker found to state opposite propositions (linked contests) are
	// rival positions.
	claimPair := func(r *argmap.Relation) (int, int, bool) {
		if r.Origin != argmap.OriginLinked || len(r.From) != 1 {
			return 0, 0, false
		}
		a, okA := idx[r.From[0]]
		b, okB := idx[r.To]
		if !okA || !okB || a >= nc || b >= nc || a == b {
			return 0, 0, false
		}
		return a, b, true
	}
	rep := make([]int, len(nodes))
	for i := range rep {
		rep[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for rep[x] != x {
			rep[x] = rep[rep[x]]
			x = rep[x]
		}
		return x
	}
	for i := range g.Relations {
		if r := &g.Relations[i]; r.Kind == argmap.Supports {
			if a, b, ok := claimPair(r); ok {
				ra, rb := find(a), find(b)
				if ra > rb {
					ra, rb = rb, ra
				}
				rep[rb] = ra
			}
		}
	}
	// Claims sharing a proposition (Claim.Proposition) are one statement too.
	firstOf := map[string]int{}
	for i := range g.Claims {
		key := argmap.PropositionOf(g.Claims[i])
		if f, ok := firstOf[key]; ok {
			ra, rb := find(f), find(i)
			if ra > rb {
				ra, rb = rb, ra
			}
			rep[rb] = ra
		} else {
			firstOf[key] = i
		}
	}
	c.stmtOf = make([]int, len(nodes))
	for i, n := range nodes {
		if find(i) == i {
			c.stmtOf[i] = len(c.stmts)
			c.stmts = append(c.stmts, cStmt{node: i, name: short(n.key, n.text), issue: -1, why: why{rival: -1}})
		}
	}
	c.rep = make([]int, len(nodes))
	for i := range nodes {
		c.rep[i] = find(i)
		c.stmtOf[i] = c.stmtOf[c.rep[i]]
	}
	stmtOfID := func(id string) (int, bool) {
		i, ok := idx[id]
		if !ok {
			return 0, false
		}
		return c.stmtOf[i], true
	}
	for i := nc; i < len(nodes); i++ {
		c.stmts[c.stmtOf[i]].assumed = true // evidence is given
	}
	// Issues named by the claims.
	byName := map[string]int{}
	for i := range g.Claims {
		cl := &g.Claims[i]
		st := c.stmtOf[i]
		if cl.Assumed {
			c.stmts[st].assumed = true
		}
		if cl.Issue == "" {
			continue
		}
		k, ok := byName[cl.Issue]
		if !ok {
			k = len(c.issues)
			byName[cl.Issue] = k
			c.issues = append(c.issues, cIssue{standard: cl.Standard})
		}
		if cur := c.stmts[st].issue; cur >= 0 {
			c.mergeIssues(cur, k)
			continue
		}
		c.joinIssue(k, st, cl.Standard)
	}
	// Opposite propositions found by the linker (linked contests between
	// two claims) contest each other both ways.
	mutual := map[int]bool{} // relation index
	for i := range g.Relations {
		r := &g.Relations[i]
		if a, b, ok := claimPair(r); ok && r.Kind == argmap.Contests && c.stmtOf[a] != c.stmtOf[b] {
			mutual[i] = true
		}
	}
	// The denials of contested claims and the "does not apply" statements
	// of contested relations.
	relIdx := make(map[string]int, len(g.Relations))
	for i := range g.Relations {
		relIdx[g.Relations[i].ID] = i
	}
	denial := map[int]int{}
	undercut := map[int]int{}
	for i := range g.Relations {
		r := &g.Relations[i]
		if r.Kind != argmap.Contests {
			continue
		}
		targets := []string{r.To}
		if mutual[i] {
			targets = append(targets, r.From[0])
		}
		for _, id := range targets {
			t, ok := idx[id]
			if !ok || t >= nc {
				continue
			}
			st := c.stmtOf[t]
			if _, done := denial[st]; !done {
				d := c.addStmt("the denial of " + c.stmts[st].name)
				denial[st] = d
				k := c.stmts[st].issue
				if k < 0 {
					k = len(c.issues)
					c.issues = append(c.issues, cIssue{})
					c.joinIssue(k, st, g.Claims[t].Standard)
				}
				c.joinIssue(k, d, "")
			}
		}
		if t, ok := relIdx[r.To]; ok {
			if _, done := undercut[t]; !done {
				undercut[t] = c.addStmt("that " + c.relName.name(&g.Relations[t]) + " does not apply")
			}
		}
	}
	internal := func(r *argmap.Relation) bool { // a support between one statement's own claims
		if r.Kind != argmap.Supports || len(r.From) != 1 {
			return false
		}
		a, okA := stmtOfID(r.From[0])
		b, okB := stmtOfID(r.To)
		return okA && okB && a == b
	}
	// Premises taken as given.
	if opt.AssumePremises {
		supported := map[int]bool{}
		for i := range g.Relations {
			r := &g.Relations[i]
			if st, ok := stmtOfID(r.To); ok && r.Kind == argmap.Supports && !internal(r) {
				supported[st] = true
			}
		}
		for i := range g.Claims {
			st := c.stmtOf[i]
			if c.rep[i] != i || supported[st] || g.Claims[i].Issue != "" || c.stmts[st].assumed || c.stmts[st].premise {
				continue
			}
			c.stmts[st].premise = true
			if c.stmts[st].issue < 0 {
				c.stmts[st].assumed = true
				continue
			}
			// A contested premise: its being given weighs against the contests.
			c.addArg(cArg{rel: -1, conclusion: st, undercutter: -1, factor: stated, role: "given"})
		}
	}
	// Claims stated in sources (one of a statement's claims is enough).
	statedDone := map[int]bool{}
	for i := range g.Claims {
		st := c.stmtOf[i]
		if c.stmts[st].assumed || c.stmts[st].premise || len(g.Claims[i].Spans) == 0 || statedDone[st] {
			continue
		}
		statedDone[st] = true
		if c.stmts[st].issue < 0 {
			c.stmts[st].assumed, c.stmts[st].stated = true, true
			continue
		}
		c.addArg(cArg{rel: -1, conclusion: st, undercutter: -1, factor: stated, role: "stated"})
	}
	// Relations as arguments.
	for i := range g.Relations {
		r := &g.Relations[i]
		if internal(r) {
			continue
		}
		a := cArg{rel: i, undercutter: -1, scheme: r.Scheme, factor: relWeight(r)}
		if u, ok := undercut[i]; ok {
			a.undercutter = u
		}
		known := true
		for _, f := range r.From {
			p, ok := stmtOfID(f)
			if !ok {
				known = false
				break
			}
			a.premises = append(a.premises, p)
		}
		if !known {
			continue // a premise outside the graph (a cut-out neighbourhood)
		}
		t, isNode := stmtOfID(r.To)
		tr, isRel := relIdx[r.To]
		switch {
		case r.Kind == argmap.Supports && isNode:
			a.conclusion, a.role = t, "supports"
		case r.Kind == argmap.Contests && isNode:
			a.conclusion, a.role = denial[t], "contests"
			if mutual[i] {
				// read the other way too: the target denies the premise
				back := a
				back.premises = []int{t}
				back.conclusion, back.reverse = denial[a.premises[0]], true
				c.addArg(back)
			}
		case r.Kind == argmap.Contests && isRel:
			a.conclusion, a.role = undercut[tr], "undercuts"
		default:
			continue // support of a relation, or a target outside the graph
		}
		c.addArg(a)
	}
	c.label()
	return c.result(nodes)
}

// stmtOfID returns the one statement the nodes ids stand for, if they are
// all in the graph and stand for the same one.
func (c *caes) stmtOfID(ids []string) (int, bool) {
	st := -1
	for _, id := range ids {
		i, ok := c.nodeIdx[id]
		if !ok || (st >= 0 && st != c.stmtOf[i]) {
			return 0, false
		}
		st = c.stmtOf[i]
	}
	return st, st >= 0
}

// joinIssue makes statement s a position of issue k, which takes standard
// when it has none.
func (c *caes) joinIssue(k, s int, standard string) {
	c.issues[k].positions = append(c.issues[k].positions, s)
	c.stmts[s].issue = k
	if c.issues[k].standard == "" {
		c.issues[k].standard = standard
	}
}

// mergeIssues moves the positions of issue from into issue into.
func (c *caes) mergeIssues(into, from int) {
	if into == from {
		return
	}
	for _, p := range c.issues[from].positions {
		c.joinIssue(into, p, "")
	}
	if c.issues[into].standard == "" {
		c.issues[into].standard = c.issues[from].standard
	}
	c.issues[from] = cIssue{}
}

func (c *caes) addStmt(name string) int {
	c.stmts = append(c.stmts, cStmt{node: -1, name: name, issue: -1, why: why{rival: -1}})
	return len(c.stmts) - 1
}

func (c *caes) addArg(a cArg) {
	k := len(c.args)
	c.args = append(c.args, a)
	c.stmts[a.conclusion].args = append(c.stmts[a.conclusion].args, k)
	for _, p := range a.premises {
		c.stmts[p].deps = append(c.stmts[p].deps, k)
	}
	if a.undercutter >= 0 {
		c.stmts[a.undercutter].deps = append(c.stmts[a.undercutter].deps, k)
	}
}

// undercutLabel is In when the argument is undercut, Out when it has no
// undercutter or the undercutter is Out.
func (c *caes) undercutLabel(a int) Label {
	u := c.args[a].undercutter
	if u < 0 {
		return Out
	}
	return c.lab[u]
}

func (c *caes) applicable(a int) bool {
	switch c.undercutLabel(a) {
	case In:
		return true
	case Undec:
		return false
	}
	for _, p := range c.args[a].premises {
		if c.lab[p] == Undec {
			return false
		}
	}
	return true
}

func (c *caes) weight(a int) float64 {
	if c.undercutLabel(a) != Out || !c.applicable(a) {
		return 0
	}
	arg := &c.args[a]
	n := len(arg.premises)
	in := 0
	for _, p := range arg.premises {
		if c.lab[p] == In {
			in++
		}
	}
	var w float64
	switch arg.scheme {
	case argmap.SchemeConvergent: // no premises: nothing to converge, weight 0
		if in > 0 {
			w = 1
		}
	case argmap.SchemeCumulative: // no premises: weight 0
		if n > 0 {
			w = float64(in) / float64(n)
		}
	case argmap.SchemeFactorized: // no premises: weight 0
		if in < n {
			return 0
		}
		if total := c.premiseCount(arg.conclusion); total > 0 {
			w = float64(in) / float64(total)
		}
	default: // linked
		if in == n {
			w = 1
		}
	}
	return w * arg.factor
}

// premiseCount counts the distinct premises of every argument on the issue
// of statement s (or, at no issue, of every argument for s). Premises are
// told apart by their text, as in Carneades: one proposition stated twice
// counts once.
func (c *caes) premiseCount(s int) int {
	seen := map[string]bool{}
	positions := []int{s}
	if k := c.stmts[s].issue; k >= 0 {
		positions = c.issues[k].positions
	}
	for _, p := range positions {
		for _, a := range c.stmts[p].args {
			for _, q := range c.args[a].premises {
				seen[c.text(q)] = true
			}
		}
	}
	return len(seen)
}

// text returns the text of statement s.
func (c *caes) text(s int) string {
	n := c.stmts[s].node
	switch {
	case n < 0:
		return c.stmts[s].name
	case n < len(c.g.Claims):
		return c.g.Claims[n].Text
	}
	return c.g.Evidence[n-len(c.g.Claims)].Text
}

func (c *caes) set(s int, l Label, w why) {
	c.lab[s] = l
	c.done[s] = true
	c.stmts[s].why = w
	for _, a := range c.stmts[s].deps {
		concl := c.args[a].conclusion
		c.push(concl)
		if k := c.stmts[concl].issue; k >= 0 {
			for _, p := range c.issues[k].positions {
				c.push(p)
			}
		}
	}
}

func (c *caes) push(s int) {
	if !c.done[s] && !c.queued[s] {
		c.queued[s] = true
		c.queue = append(c.queue, s)
	}
}

func (c *caes) label() {
	n := len(c.stmts)
	c.lab = make([]Label, n)
	c.done = make([]bool, n)
	c.queued = make([]bool, n)
	for s := range c.stmts {
		if c.stmts[s].assumed {
			k := whyAssumed
			if c.stmts[s].stated {
				k = whyStated
			}
			c.set(s, In, why{kind: k, rival: -1})
		}
	}
	for _, is := range c.issues {
		winner := -1
		for _, p := range is.positions {
			if c.lab[p] == In {
				winner = p
				break
			}
		}
		if winner < 0 {
			continue
		}
		for _, p := range is.positions {
			if !c.done[p] {
				c.set(p, Out, why{kind: whyRivalAssumed, rival: winner})
			}
		}
	}
	for s := range c.stmts {
		c.push(s)
	}
	for len(c.queue) > 0 {
		s := c.queue[0]
		c.queue = c.queue[1:]
		c.queued[s] = false
		if c.done[s] {
			continue
		}
		st := &c.stmts[s]
		switch {
		case c.unsupported(s):
			if len(st.args) == 0 {
				c.set(s, Out, why{kind: whyNoArgument, rival: -1})
			} else {
				c.set(s, Out, why{kind: whyArgumentsFail, args: st.args, rival: -1})
			}
		case st.issue < 0:
			if a := c.supportedBy(s); len(a) > 0 {
				c.set(s, In, why{kind: whySupported, args: a, rival: -1})
			}
		case c.ready(st.issue):
			c.resolve(st.issue)
		case c.decisive(st.issue):
			c.settle(st.issue)
		}
	}
	// Name the arguments behind what is taken as given, and explain what
	// stays undecided.
	for s := range c.stmts {
		if k := c.stmts[s].why.kind; k == whyAssumed || k == whyStated {
			c.stmts[s].why.args = c.supportedBy(s)
		}
		if c.done[s] {
			continue
		}
		var waiting []int
		for _, a := range c.stmts[s].args {
			if !c.applicable(a) && c.undercutLabel(a) != In {
				waiting = append(waiting, a)
			}
		}
		k := c.stmts[s].issue
		if k < 0 {
			c.stmts[s].why = why{kind: whyWaitingPremise, args: waiting, rival: -1}
			continue
		}
		// At issue: what it and its strongest rival weigh so far and at
		// most, and the open arguments of the issue.
		w := why{kind: whyWaitingIssue, rival: -1, standard: c.issues[k].standard, early: c.decisive(k)}
		w.w, w.w2 = c.bounds(s)
		for _, p := range c.issues[k].positions {
			if p != s {
				_, hi := c.bounds(p)
				if w.rival < 0 || hi > w.hi2 {
					w.rival, w.hi2 = p, hi
					w.lo2, _ = c.bounds(p)
				}
			}
			for _, a := range c.stmts[p].args {
				if !c.applicable(a) && c.undercutLabel(a) != In {
					w.args = append(w.args, a)
				}
			}
		}
		c.stmts[s].why = w
	}
}

// bounds returns what statement s's arguments weigh so far and at most.
func (c *caes) bounds(s int) (lo, hi float64) {
	for _, a := range c.stmts[s].args {
		lo = max(lo, c.weight(a))
		hi = max(hi, c.upper(a))
	}
	return lo, hi
}

func (c *caes) unsupported(s int) bool {
	for _, a := range c.stmts[s].args {
		if !c.applicable(a) || c.weight(a) > 0 {
			return false
		}
	}
	return true
}

func (c *caes) supportedBy(s int) []int {
	var out []int
	for _, a := range c.stmts[s].args {
		if c.applicable(a) && c.weight(a) > 0 {
			out = append(out, a)
		}
	}
	return out
}

func (c *caes) ready(k int) bool {
	for _, p := range c.issues[k].positions {
		for _, a := range c.stmts[p].args {
			if !(c.undercutLabel(a) == In || c.applicable(a)) {
				return false
			}
		}
	}
	return true
}

// greater applies a proof standard: does weight w1 beat w2?
func greater(standard string, w1, w2 float64) bool {
	switch standard {
	case argmap.StandardCCE:
		return w1 > w2 && w1-w2 > cceMargin
	case argmap.StandardBRD:
		return w1 > w2 && w1-w2 > cceMargin && w2 < brdDoubt
	case argmap.StandardDV:
		return w1 > 0 && w2 == 0
	}
	return w1 > w2
}

func (c *caes) best(p int) (float64, int) {
	w, arg := 0.0, -1
	for _, a := range c.stmts[p].args {
		if x := c.weight(a); x > w {
			w, arg = x, a
		}
	}
	return w, arg
}

// decisive reports whether issue k may be settled before every argument on
// it is applicable: when it concerns extracted material (a claim stated in a
// source, or a relation not curated by a person). Graphs written by people,
// such as imported Carneades files, are evaluated exactly as Carneades does.
func (c *caes) decisive(k int) bool {
	for _, p := range c.issues[k].positions {
		for _, a := range c.stmts[p].args {
			arg := &c.args[a]
			if arg.rel < 0 || c.g.Relations[arg.rel].Origin != argmap.OriginCurated {
				return true
			}
		}
	}
	return false
}

// upper bounds the weight argument a can still reach, whatever its
// undecided premises and undercutter turn out to be.
func (c *caes) upper(a int) float64 {
	switch c.undercutLabel(a) {
	case In:
		return 0
	case Out:
		if c.applicable(a) {
			return c.weight(a)
		}
	}
	arg := &c.args[a]
	n := len(arg.premises)
	in, open := 0, 0
	for _, p := range arg.premises {
		switch c.lab[p] {
		case In:
			in++
		case Undec:
			open++
		}
	}
	var w float64
	switch arg.scheme {
	case argmap.SchemeConvergent:
		if in+open > 0 {
			w = 1
		}
	case argmap.SchemeCumulative:
		if n > 0 {
			w = float64(in+open) / float64(n)
		}
	case argmap.SchemeFactorized:
		if in+open == n {
			if total := c.premiseCount(arg.conclusion); total > 0 {
				w = float64(n) / float64(total)
			}
		}
	default:
		if in+open == n {
			w = 1
		}
	}
	return w * arg.factor
}

// settle decides what of issue k no open argument can change: a position
// whose applicable arguments already beat the most every rival could reach
// wins; a position that could not beat some rival even at its most is out.
// Proof standards only grow easier to meet as the winner's weight rises and
// the rivals' fall, so every way the open arguments could turn out agrees.
func (c *caes) settle(k int) {
	is := &c.issues[k]
	lo := make([]float64, len(is.positions))
	hi := make([]float64, len(is.positions))
	best := make([]int, len(is.positions))
	for i, p := range is.positions {
		lo[i], best[i] = c.best(p)
		for _, a := range c.stmts[p].args {
			hi[i] = max(hi[i], c.upper(a))
		}
	}
	winner := -1
	for i := range is.positions {
		if lo[i] == 0 {
			continue
		}
		ok := true
		for j := range is.positions {
			if j != i && !greater(is.standard, lo[i], hi[j]) {
				ok = false
				break
			}
		}
		if ok {
			winner = i
			break
		}
	}
	for i, p := range is.positions {
		if c.done[p] {
			continue
		}
		w := why{early: true, rival: -1, w: lo[i], standard: is.standard}
		if best[i] >= 0 {
			w.args = []int{best[i]}
		}
		switch {
		case i == winner:
			w.kind = whyWon
			r := -1
			for j := range is.positions {
				if j != i && (r < 0 || hi[j] > hi[r]) {
					r = j
				}
			}
			if r >= 0 {
				w.rival, w.w2 = is.positions[r], hi[r]
			}
			c.set(p, In, w)
		case winner >= 0:
			w.kind, w.rival, w.w, w.w2 = whyLost, is.positions[winner], hi[i], lo[winner]
			if best[winner] >= 0 {
				w.args = append(w.args, best[winner])
			}
			c.set(p, Out, w)
		default:
			// Out when some rival already weighs at least as much as this
			// position could ever reach.
			for j := range is.positions {
				if j != i && !greater(is.standard, hi[i], lo[j]) && (hi[i] == 0 || lo[j] > 0) {
					w.kind, w.rival, w.w, w.w2 = whyNoWinner, is.positions[j], hi[i], lo[j]
					if hi[i] == 0 {
						w.kind = whyArgumentsFail
						w.args = c.stmts[p].args
					}
					c.set(p, Out, w)
					break
				}
			}
		}
	}
}

func (c *caes) resolve(k int) {
	is := &c.issues[k]
	weights := make([]float64, len(is.positions))
	bestArg := make([]int, len(is.positions))
	for i, p := range is.positions {
		weights[i], bestArg[i] = c.best(p)
	}
	winner := -1
	for i := range is.positions {
		if weights[i] == 0 {
			continue
		}
		ok := true
		for j := range is.positions {
			if j != i && !greater(is.standard, weights[i], weights[j]) {
				ok = false
				break
			}
		}
		if ok {
			winner = i
			break
		}
	}
	// The strongest rival of each position, for the reasons.
	strongest := func(i int) int {
		r := -1
		for j := range is.positions {
			if j != i && (r < 0 || weights[j] > weights[r]) {
				r = j
			}
		}
		return r
	}
	argsOf := func(i int) []int {
		if bestArg[i] < 0 {
			return nil
		}
		return []int{bestArg[i]}
	}
	for i, p := range is.positions {
		r := strongest(i)
		w := why{rival: -1, w: weights[i], standard: is.standard, args: argsOf(i)}
		if r >= 0 {
			w.rival, w.w2 = is.positions[r], weights[r]
			if bestArg[r] >= 0 {
				w.args = append(w.args, bestArg[r])
			}
		}
		switch {
		case i == winner:
			w.kind = whyWon
			if r >= 0 && bestArg[r] < 0 {
				// the rival's arguments all failed: they are what was decided against
				w.args = append(w.args, c.stmts[is.positions[r]].args...)
			}
			if !c.done[p] {
				c.set(p, In, w)
			}
		case winner >= 0:
			w.kind = whyLost
			w.rival, w.w2 = is.positions[winner], weights[winner]
			w.args = argsOf(i)
			if bestArg[winner] >= 0 {
				w.args = append(w.args, bestArg[winner])
			}
			if !c.done[p] {
				c.set(p, Out, w)
			}
		default:
			w.kind = whyNoWinner
			if !c.done[p] {
				c.set(p, Out, w)
			}
		}
	}
}

// result assembles the evaluation of the graph's own statements and
// relations.
func (c *caes) result(nodes []nodeInfo) *Evaluation {
	ev := &Evaluation{Semantics: SemCarneades, Statements: make([]StatementLabel, 0, len(nodes)), Arguments: make([]ArgumentLabel, 0, len(c.g.Relations))}
	for i, n := range nodes {
		k := c.stmtOf[i]
		st := &c.stmts[k]
		reason := c.sentence(k)
		if r := c.rep[i]; r != i {
			reason = "the same proposition as " + c.stmts[k].name + ": " + reason
		}
		sl := StatementLabel{ID: n.id, Key: n.key, Text: n.text, Label: c.lab[k], Kind: n.kind, Assumed: st.assumed,
			Reason: reason}
		for _, a := range st.why.args {
			sl.Deciding = append(sl.Deciding, c.decider(a))
		}
		ev.Statements = append(ev.Statements, sl)
	}
	argOf := make(map[int]int, len(c.args))
	for k, a := range c.args {
		if a.rel >= 0 {
			argOf[a.rel] = k
		}
	}
	for i := range c.g.Relations {
		r := &c.g.Relations[i]
		al := ArgumentLabel{ID: r.ID, Key: r.Title, Kind: string(r.Kind), From: r.From, To: r.To}
		k, ok := argOf[i]
		from, fromOK := c.stmtOfID(r.From)
		to, toOK := c.stmtOfID([]string{r.To})
		switch {
		case !ok && fromOK && toOK && from == to:
			al.Label, al.Reason = c.lab[from], "links two claims stating the same proposition, evaluated as one"
		case !ok:
			al.Label, al.Reason = Undec, "not evaluated: it supports a relation, or reaches outside the graph"
		case c.undercutLabel(k) == In:
			al.Label, al.Reason = Out, "undercut: "+c.stmts[c.args[k].undercutter].name+" holds"
		case !c.applicable(k):
			al.Label, al.Reason = Undec, "waits on an undecided premise or undercut"
		default:
			al.Weight = c.weight(k)
			if al.Weight > 0 {
				al.Label, al.Reason = In, "applies with weight "+fmtWeight(al.Weight)
			} else {
				al.Label, al.Reason = Out, "carries no weight: "+c.failedPremises(k)
			}
		}
		ev.Arguments = append(ev.Arguments, al)
	}
	return ev
}

func (c *caes) decider(a int) Decider {
	arg := &c.args[a]
	d := Decider{Kind: arg.role, Weight: c.weight(a)}
	switch {
	case c.undercutLabel(a) == In:
		d.Label = Out
	case !c.applicable(a):
		d.Label = Undec
	case d.Weight > 0:
		d.Label = In
	default:
		d.Label = Out
	}
	if arg.rel >= 0 {
		r := &c.g.Relations[arg.rel]
		d.Relation, d.Key, d.From = r.ID, r.Title, r.From
		if arg.reverse {
			d.From = []string{r.To}
		}
	} else {
		d.Relation = arg.role
	}
	return d
}

// describe names an argument for a sentence.
func (c *caes) describe(a int) string {
	arg := &c.args[a]
	if arg.rel < 0 {
		if arg.role == "given" {
			return "its being given as a premise"
		}
		return "its being stated in a source"
	}
	r := &c.g.Relations[arg.rel]
	var prem []string
	for _, p := range arg.premises {
		prem = append(prem, c.stmts[p].name)
	}
	from := "no premises"
	if len(prem) > 0 {
		from = strings.Join(prem, " + ")
	}
	if arg.reverse {
		return fmt.Sprintf("%s read both ways (opposite propositions: contests, from %s)", c.relName.name(r), from)
	}
	if r.Title == "" && arg.role == string(r.Kind) {
		return c.relName.name(r) // its name says what it joins
	}
	return fmt.Sprintf("%s (%s, from %s)", c.relName.name(r), arg.role, from)
}

// waitingOn names what an inapplicable argument waits on: its undecided
// undercutter or premises.
func (c *caes) waitingOn(a int) string {
	arg := &c.args[a]
	var out []string
	if u := arg.undercutter; u >= 0 && c.lab[u] == Undec {
		var by []string
		for _, ua := range c.stmts[u].args {
			for _, p := range c.args[ua].premises {
				by = append(by, c.stmts[p].name)
			}
		}
		if len(by) > 0 {
			out = append(out, "its undercutter "+strings.Join(by, " + "))
		} else {
			out = append(out, "the undercut "+c.stmts[u].name)
		}
	}
	for _, p := range arg.premises {
		if c.lab[p] == Undec {
			out = append(out, "premise "+c.stmts[p].name)
		}
	}
	if len(out) == 0 {
		return "nothing undecided"
	}
	return strings.Join(out, ", ")
}

// failedPremises says why an applicable argument weighs nothing.
func (c *caes) failedPremises(a int) string {
	if c.undercutLabel(a) == In {
		return "undercut: " + c.stmts[c.args[a].undercutter].name + " holds"
	}
	var out []string
	for _, p := range c.args[a].premises {
		if c.lab[p] != In {
			out = append(out, c.stmts[p].name+" is "+c.lab[p].String())
		}
	}
	if len(out) == 0 {
		return "its weight is 0"
	}
	return "premise " + strings.Join(out, ", ")
}

var standardNames = map[string]string{
	"": "preponderance of the evidence", argmap.StandardPE: "preponderance of the evidence",
	argmap.StandardCCE: "clear and convincing evidence", argmap.StandardBRD: "beyond reasonable doubt",
	argmap.StandardDV: "dialectical validation",
}

// sentence explains the label of statement s.
func (c *caes) sentence(s int) string {
	st := &c.stmts[s]
	w := st.why
	rival := ""
	if w.rival >= 0 {
		rival = c.stmts[w.rival].name
	}
	switch w.kind {
	case whyAssumed, whyStated:
		var s string
		switch {
		case st.node >= len(c.g.Claims):
			s = "in: evidence is taken as given"
		case w.kind == whyStated:
			s = "in: stated in a source and contested by none"
		case st.premise:
			s = "in: a premise nothing argues for or against, taken as given"
		default:
			s = "in: assumed"
		}
		if len(w.args) > 0 {
			var parts []string
			for _, a := range w.args {
				parts = append(parts, c.describe(a))
			}
			s += "; also supported by " + strings.Join(parts, "; ")
		}
		return s
	case whyRivalAssumed:
		return "out: the rival position " + rival + " is assumed"
	case whyNoArgument:
		return "out: no argument supports it and it is not assumed"
	case whyArgumentsFail:
		var parts []string
		for _, a := range w.args {
			parts = append(parts, c.describe(a)+" fails ("+c.failedPremises(a)+")")
		}
		return "out: every argument for it fails: " + strings.Join(parts, "; ")
	case whySupported:
		return "in: supported by " + c.describe(w.args[0])
	case whyWon:
		s := fmt.Sprintf("in: its strongest argument, %s, weighs %s", c.describe(w.args[0]), fmtWeight(w.w))
		if w.rival >= 0 {
			if w.early {
				s += fmt.Sprintf(" against at most %s for %s, whatever its open arguments turn out to be", fmtWeight(w.w2), rival)
			} else {
				s += fmt.Sprintf(" against %s for %s", fmtWeight(w.w2), rival)
			}
		}
		return s + ", which meets " + standardNames[w.standard]
	case whyLost:
		if w.early {
			return fmt.Sprintf("out: %s wins its issue (%s against at most %s, %s)", rival, fmtWeight(w.w2), fmtWeight(w.w), standardNames[w.standard])
		}
		return fmt.Sprintf("out: %s wins its issue (%s against %s, %s)", rival, fmtWeight(w.w2), fmtWeight(w.w), standardNames[w.standard])
	case whyNoWinner:
		if w.early {
			return fmt.Sprintf("out: it cannot beat %s under %s (at most %s against %s)", rival, standardNames[w.standard], fmtWeight(w.w), fmtWeight(w.w2))
		}
		return fmt.Sprintf("out: no position of its issue meets %s (this one %s, %s %s)", standardNames[w.standard], fmtWeight(w.w), rival, fmtWeight(w.w2))
	case whyWaitingPremise:
		var parts []string
		for _, a := range w.args {
			parts = append(parts, c.describe(a)+" waits on "+c.waitingOn(a))
		}
		return "undec: " + strings.Join(parts, "; ") + " (a cycle or an open question)"
	case whyWaitingIssue:
		s := "undec: its issue is decided only once every argument on it is"
		if w.rival >= 0 && w.early {
			s = fmt.Sprintf("undec: its arguments weigh %s so far (at most %s) against %s so far (at most %s) for %s, not enough to decide under %s",
				fmtWeight(w.w), fmtWeight(w.w2), fmtWeight(w.lo2), fmtWeight(w.hi2), rival, standardNames[w.standard])
		}
		if len(w.args) == 0 {
			return s
		}
		var parts []string
		for _, a := range w.args {
			parts = append(parts, c.describe(a)+" for "+c.stmts[c.args[a].conclusion].name+" waits on "+c.waitingOn(a))
		}
		return s + "; open: " + strings.Join(parts, "; ")
	}
	return "undec"
}
