package argdown

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// Write renders g as an Argdown document the Argdown CLI 1.7.5 reads:
//   - every argument claim as <Title>: description, followed by its
//     premise-conclusion structure when relations are titled with it;
//   - every other claim and evidence once, as [Title]: text, or as plain
//     text when nothing else refers to it (a title is made from the text
//     when one is needed);
//   - the other relations as relations under their source: +> support, ->
//     attack, >< contradictory, _> undercut. A relation whose target is a
//     relation is an undercut of the argument that relation belongs to; an
//     untitled inference with several premises, or one that is undercut, is
//     written as an argument "Inference N" with a premise-conclusion
//     structure.
//
// The document is in strict mode when a relation is an entailment or
// contrariety (then every support between statements reads as entailment,
// every attack as contrariety). Relations with an endpoint outside g are
// left out. The same graph always gives the same bytes.
func Write(g *argmap.Graph) ([]byte, error) {
	w := newWriter(g)
	w.plan()
	return []byte(w.render()), nil
}

type wNode struct {
	pos     spanPos
	section []string
	given   bool // the title is the claim's own
	id      string
	text    string
	title   string // given or made; "" for an untitled statement
	isArg   bool
	uses    int  // references besides its definition
	defined bool // its definition has been written
}

type wArg struct {
	node  *wNode // the argument's claim
	steps []*argmap.Relation
	desc  string
	// sketch: for an argument made from a relation that cannot be a
	// premise-conclusion structure, the relation it states.
	sketch *wRel
}

type wRel struct {
	marker   string // +>, ->, ><, _>
	from, to *wNode
}

type writer struct {
	g        *argmap.Graph
	nodes    map[string]*wNode
	order    []*wNode // statements in output order
	args     []*wArg
	argOf    map[string]*wArg // argument claim ID or title -> argument
	relArg   map[string]*wArg // relation ID -> the argument it is a step of (or stands for)
	rels     []wRel
	strict   bool
	titles   map[string]bool // statement titles taken
	aTitles  map[string]bool // argument titles taken
	inferSeq int
}

func newWriter(g *argmap.Graph) *writer {
	w := &writer{g: g, nodes: map[string]*wNode{}, argOf: map[string]*wArg{}, relArg: map[string]*wArg{},
		titles: map[string]bool{}, aTitles: map[string]bool{}}
	// Claims in the order their sources state them (a map imported from
	// Argdown comes back in its own order), the rest by ID.
	claims := append([]argmap.Claim(nil), g.Claims...)
	sort.SliceStable(claims, func(i, j int) bool { return before(claims[i], claims[j]) })
	for _, c := range claims {
		n := &wNode{id: c.ID, text: oneLine(c.Text), title: oneLine(c.Title), isArg: c.Kind == argmap.ClaimArgument, pos: position(c), given: c.Title != "", section: c.Section}
		w.nodes[c.ID] = n
		if n.isArg {
			a := &wArg{node: n, desc: n.text}
			if n.title == "" {
				n.title = shorten(n.text, 60)
			}
			w.args = append(w.args, a)
		} else {
			w.order = append(w.order, n)
		}
	}
	ev := append([]argmap.Evidence(nil), g.Evidence...)
	sort.SliceStable(ev, func(i, j int) bool { return ev[i].ID < ev[j].ID })
	for _, e := range ev {
		n := &wNode{id: e.ID, text: oneLine(e.Text)}
		w.nodes[e.ID] = n
		w.order = append(w.order, n)
	}
	return w
}

// spanPos is where a claim is first stated: source and offset; ok false
// when it has no span.
type spanPos struct {
	ok     bool
	source string
	start  int
}

func position(c argmap.Claim) spanPos {
	var p spanPos
	for _, sp := range c.Spans {
		q := spanPos{true, sp.SourceID, sp.Start}
		if !p.ok || q.less(p) {
			p = q
		}
	}
	return p
}

func (p spanPos) less(q spanPos) bool {
	if p.ok != q.ok {
		return p.ok
	}
	if p.source != q.source {
		return p.source < q.source
	}
	return p.start < q.start
}

func before(a, b argmap.Claim) bool {
	pa, pb := position(a), position(b)
	if pa != pb {
		return pa.less(pb)
	}
	return a.ID < b.ID
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:.") + "…"
}

// plan decides titles, arguments and relations.
func (w *writer) plan() {
	rels := append([]argmap.Relation(nil), w.g.Relations...)
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].ID < rels[j].ID })
	byID := map[string]*argmap.Relation{}
	for i := range rels {
		byID[rels[i].ID] = &rels[i]
	}
	// Keep relations whose endpoints are all here (following relation
	// targets).
	var ok func(r *argmap.Relation, depth int) bool
	ok = func(r *argmap.Relation, depth int) bool {
		if depth > 64 || len(r.From) == 0 {
			return false
		}
		for _, f := range r.From {
			if w.nodes[f] == nil {
				return false
			}
		}
		if t, isRel := byID[r.To]; isRel {
			return ok(t, depth+1)
		}
		return w.nodes[r.To] != nil
	}
	var kept []*argmap.Relation
	for i := range rels {
		if ok(&rels[i], 0) {
			kept = append(kept, &rels[i])
		}
	}
	// Arguments by title; steps are titled supports relations between
	// statements.
	for _, a := range w.args {
		w.argOf[a.node.id] = a
		if _, dup := w.argOf["title:"+a.node.title]; !dup {
			w.argOf["title:"+a.node.title] = a
		}
	}
	for _, r := range kept {
		if r.Kind != argmap.Supports || r.Title == "" || w.nodes[r.To] == nil || w.nodes[r.To].isArg || anyArg(w, r.From) {
			continue
		}
		a := w.argOf["title:"+oneLine(r.Title)]
		if a == nil {
			n := &wNode{id: "argument:" + r.Title, text: oneLine(r.Title), title: oneLine(r.Title), isArg: true}
			a = &wArg{node: n}
			w.args = append(w.args, a)
			w.argOf["title:"+n.title] = a
		}
		a.steps = append(a.steps, r)
		w.relArg[r.ID] = a
	}
	// Arguments in document order: by their description, else by the first
	// statement of their premise-conclusion structure.
	for _, a := range w.args {
		if a.node.pos.ok {
			continue
		}
		for _, st := range a.steps {
			for _, id := range append(append([]string(nil), st.From...), st.To) {
				if p := w.nodes[id].pos; p.ok && (!a.node.pos.ok || p.less(a.node.pos)) {
					a.node.pos = p
				}
			}
		}
	}
	sort.SliceStable(w.args, func(i, j int) bool { return w.args[i].node.pos.less(w.args[j].node.pos) })
	// Relations targeted by others need an argument.
	targeted := map[string]bool{}
	for _, r := range kept {
		if byID[r.To] != nil {
			targeted[r.To] = true
		}
	}
	var argFor func(r *argmap.Relation) *wArg
	argFor = func(r *argmap.Relation) *wArg {
		if a := w.relArg[r.ID]; a != nil {
			return a
		}
		if len(r.From) == 1 && w.nodes[r.From[0]].isArg {
			return w.argOf[r.From[0]]
		}
		// An inference with no argument of its own: make one.
		w.inferSeq++
		n := &wNode{id: "inference:" + r.ID, isArg: true, title: "Inference " + strconv.Itoa(w.inferSeq)}
		a := &wArg{node: n}
		w.args = append(w.args, a)
		w.relArg[r.ID] = a
		if r.Kind == argmap.Supports && byID[r.To] == nil && len(r.From) <= argmap.MaxPremises {
			a.steps = []*argmap.Relation{r}
			return a
		}
		var parts []string
		for _, f := range r.From {
			parts = append(parts, w.nodes[f].text)
		}
		n.text = strings.Join(parts, " — ")
		a.desc = n.text
		a.sketch = &wRel{marker: markerOf(r)}
		if t := byID[r.To]; t != nil {
			a.sketch.to = argFor(t).node
			a.sketch.marker = "_>"
			if r.Kind == argmap.Supports {
				a.sketch.marker = "+>"
			}
		} else {
			a.sketch.to = w.nodes[r.To]
		}
		a.sketch.from = n
		return a
	}
	for _, r := range kept {
		if w.relArg[r.ID] != nil {
			continue
		}
		if targeted[r.ID] || (len(r.From) > 1 && byID[r.To] == nil) {
			argFor(r)
		}
	}
	for _, r := range kept {
		if w.relArg[r.ID] != nil {
			continue
		}
		var from *wNode
		if len(r.From) == 1 {
			from = w.nodes[r.From[0]]
		} else {
			// Several premises against an inference: one argument.
			from = argFor(&argmap.Relation{ID: r.ID + "/premises", Kind: argmap.Supports, From: r.From, To: r.From[0]}).node
			w.relArg[r.ID+"/premises"].steps = nil
			a := w.relArg[r.ID+"/premises"]
			var parts []string
			for _, f := range r.From {
				parts = append(parts, w.nodes[f].text)
			}
			a.node.text = strings.Join(parts, " — ")
			a.desc = a.node.text
			a.sketch = nil
		}
		if t := byID[r.To]; t != nil {
			to := argFor(t).node
			m := "_>"
			if r.Kind == argmap.Supports {
				m = "+>"
			}
			w.rels = append(w.rels, wRel{marker: m, from: from, to: to})
			continue
		}
		to := w.nodes[r.To]
		m := markerOf(r)
		if r.Scheme == SchemeUndercut && to.isArg && r.Kind == argmap.Contests {
			m = "_>"
		}
		if r.Scheme == argmap.SchemeContrary || r.Scheme == argmap.SchemeEntails {
			if !from.isArg && !to.isArg {
				w.strict = true
			}
		}
		w.rels = append(w.rels, wRel{marker: m, from: from, to: to})
	}
	for _, a := range w.args {
		if a.sketch != nil {
			w.rels = append(w.rels, *a.sketch)
		}
	}
	// Count references to decide which statements need titles.
	for _, a := range w.args {
		seen := map[*wNode]bool{}
		for _, s := range a.steps {
			for _, id := range append(append([]string(nil), s.From...), s.To) {
				n := w.nodes[id]
				if !seen[n] {
					seen[n] = true
					n.uses++
				}
			}
		}
	}
	inRel := map[*wNode]bool{}
	for _, r := range w.rels {
		r.from.uses++
		r.to.uses++
		inRel[r.from], inRel[r.to] = true, true
	}
	// A statement's definition is one of its uses; more than one needs a
	// title.
	for _, n := range w.order {
		if n.title != "" || n.uses > 1 || inRel[n] {
			n.title = w.uniqueTitle(n.title, n.text, w.titles)
		}
	}
	for _, a := range w.args {
		a.node.title = w.uniqueTitle(a.node.title, a.node.text, w.aTitles)
	}
}

func anyArg(w *writer, ids []string) bool {
	for _, id := range ids {
		if w.nodes[id].isArg {
			return true
		}
	}
	return false
}

func markerOf(r *argmap.Relation) string {
	if r.Kind == argmap.Supports {
		return "+>"
	}
	if r.Scheme == argmap.SchemeContradictory {
		return "><"
	}
	return "->"
}

// uniqueTitle returns title (or one made from text) not yet in taken, and
// takes it.
func (w *writer) uniqueTitle(title, text string, taken map[string]bool) string {
	base := oneLine(title)
	if base == "" {
		base = shorten(titleWords(text), 50)
	}
	if base == "" {
		base = "Untitled"
	}
	t := base
	for k := 2; taken[t]; k++ {
		t = base + " (" + strconv.Itoa(k) + ")"
	}
	taken[t] = true
	return t
}

// titleWords strips markup, tags and mentions from text for a made title.
func titleWords(text string) string {
	text = reTag.ReplaceAllString(text, "")
	text = strings.Map(func(r rune) rune {
		switch r {
		case '*', '_', '@', '[', ']', '<', '>', '{', '}', '\\', '#':
			return -1
		}
		return r
	}, text)
	return oneLine(text)
}

func (w *writer) render() string {
	var b strings.Builder
	if w.strict {
		b.WriteString("===\nmodel:\n    mode: strict\n===\n\n")
	}
	// Relations are written under their source, right after the block that
	// defines it, so that they stay in its section.
	var sources []*wNode
	bySource := map[*wNode][]wRel{}
	for _, r := range w.rels {
		if _, ok := bySource[r.from]; !ok {
			sources = append(sources, r.from)
		}
		bySource[r.from] = append(bySource[r.from], r)
	}
	done := map[*wNode]bool{}
	writeRels := func(n *wNode) {
		if done[n] || len(bySource[n]) == 0 {
			return
		}
		done[n] = true
		b.WriteString(w.ref(n))
		b.WriteByte('\n')
		for _, r := range bySource[n] {
			b.WriteString("  " + r.marker + " " + w.ref(r.to) + "\n")
		}
		b.WriteByte('\n')
	}
	// Blocks (arguments and statements) in document order, those outside
	// any section first: Argdown has no way back out of a heading.
	type block struct {
		arg  *wArg
		node *wNode
	}
	var blocks []block
	for _, a := range w.args {
		blocks = append(blocks, block{arg: a, node: a.node})
	}
	for _, n := range w.order {
		blocks = append(blocks, block{node: n})
	}
	sort.SliceStable(blocks, func(i, j int) bool {
		si, sj := len(blocks[i].node.section) > 0, len(blocks[j].node.section) > 0
		if si != sj {
			return sj
		}
		return blocks[i].node.pos.less(blocks[j].node.pos)
	})
	var cur []string
	for _, bl := range blocks {
		if bl.arg == nil && bl.node.defined {
			continue
		}
		if sec := bl.node.section; len(sec) > 0 {
			k := 0
			for k < len(sec) && k < len(cur) && sec[k] == cur[k] {
				k++
			}
			if k == len(sec) && len(sec) < len(cur) {
				k-- // back up to an enclosing section: name it again
			}
			if k < len(sec) || len(sec) != len(cur) {
				for l := k; l < len(sec); l++ {
					b.WriteString(strings.Repeat("#", l+1) + " " + escapeInline(sec[l], false) + "\n\n")
				}
			}
			cur = sec
		}
		if bl.arg != nil {
			w.writeArgument(&b, bl.arg)
			for _, st := range bl.arg.steps {
				for _, id := range append(append([]string(nil), st.From...), st.To) {
					writeRels(w.nodes[id])
				}
			}
			writeRels(bl.arg.node)
			continue
		}
		b.WriteString(w.statement(bl.node))
		b.WriteString("\n\n")
		writeRels(bl.node)
	}
	for _, s := range sources {
		writeRels(s)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// ref writes a reference to a statement or argument.
func (w *writer) ref(n *wNode) string {
	if n.isArg {
		return "<" + escapeArgTitle(n.title) + ">"
	}
	if n.title == "" {
		// Unreachable: statements in relations have titles.
		return escapeText(n.text)
	}
	return "[" + escapeTitle(n.title) + "]"
}

// statement writes a statement's definition the first time, a reference
// after.
func (w *writer) statement(n *wNode) string {
	if n.defined {
		return w.ref(n)
	}
	n.defined = true
	if n.title == "" {
		return escapeText(n.text)
	}
	if n.text == "" || (n.given && n.text == n.title) {
		return "[" + escapeTitle(n.title) + "]"
	}
	return "[" + escapeTitle(n.title) + "]: " + escapeText(n.text)
}

func (w *writer) writeArgument(b *strings.Builder, a *wArg) {
	b.WriteString("<" + escapeArgTitle(a.node.title) + ">")
	if a.desc != "" && a.desc != a.node.title {
		b.WriteString(": " + escapeText(a.desc))
	}
	b.WriteString("\n\n")
	if len(a.steps) == 0 {
		return
	}
	// Steps in an order where each comes after the steps whose conclusions
	// it uses.
	byConc := map[string][]*argmap.Relation{}
	for _, s := range a.steps {
		byConc[s.To] = append(byConc[s.To], s)
	}
	done := map[*argmap.Relation]bool{}
	var order []*argmap.Relation
	var visit func(s *argmap.Relation, depth int)
	visit = func(s *argmap.Relation, depth int) {
		if done[s] || depth > len(a.steps) {
			return
		}
		done[s] = true
		for _, f := range s.From {
			for _, t := range byConc[f] {
				visit(t, depth+1)
			}
		}
		order = append(order, s)
	}
	for _, s := range a.steps {
		visit(s, 0)
	}
	num := map[string]int{}
	k := 0
	lastConc := -1
	for _, s := range order {
		var fresh []int
		for _, f := range s.From {
			if _, ok := num[f]; ok {
				continue
			}
			k++
			num[f] = k
			fresh = append(fresh, k)
			fmt.Fprintf(b, "(%d) %s\n", k, w.statement(w.nodes[f]))
		}
		def := fresh
		if lastConc > 0 {
			def = append([]int{lastConc}, fresh...)
		}
		var uses []int
		for _, f := range s.From {
			uses = append(uses, num[f])
		}
		sort.Ints(uses)
		bar := "----"
		inner := strings.TrimSpace(escapeText(oneLine(s.Scheme)))
		if !sameInts(uses, def) {
			parts := make([]string, len(uses))
			for i, u := range uses {
				parts[i] = strconv.Itoa(u)
			}
			inner = strings.TrimSpace(inner + " {uses: [" + strings.Join(parts, ", ") + "]}")
		}
		if inner != "" {
			bar = "-- " + inner + " --"
		}
		b.WriteString(bar + "\n")
		k++
		num[s.To] = k
		lastConc = k
		fmt.Fprintf(b, "(%d) %s\n", k, w.statement(w.nodes[s.To]))
	}
	b.WriteByte('\n')
}

func sameInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	c := append([]int(nil), b...)
	sort.Ints(c)
	for i := range a {
		if a[i] != c[i] {
			return false
		}
	}
	return true
}

// escapeTitle escapes the characters that would end a title.
func escapeTitle(s string) string {
	return titleEscaper.Replace(oneLine(s))
}

// escapeArgTitle escapes an argument title; one that starts with a relation
// marker's second character (<+ <- <_) gets that character escaped.
func escapeArgTitle(s string) string {
	t := escapeTitle(s)
	if t != "" && strings.ContainsRune("+-_", rune(t[0])) {
		t = `\` + t
	}
	return t
}

// titleEscaper is read-only after initialisation (safe for concurrent use).
var titleEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "{", `\{`, "}", `\}`, "/", `\/`)

// escapeText escapes what Argdown would read as syntax in statement text:
// comment openers, braces (data), a leading marker (heading, relation,
// list, number, title), brackets that are not a mention or a link. Tags,
// mentions, links and emphasis stay as they are.
func escapeText(s string) string {
	return escapeInline(s, true)
}

// escapeInline is escapeText; lineStart tells whether s starts a line (and
// so may need its first character escaped).
func escapeInline(s string, lineStart bool) string {
	s = oneLine(s)
	emph := emphasis(s)
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\':
			b.WriteString(`\\`)
		case (c == '*' || c == '_') && !emph[i]:
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '{' || c == '}':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '/' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '*'):
			b.WriteString(`/\`)
			b.WriteByte(s[i+1])
			i += 2
			continue
		case c == '[':
			if n := linkLen([]byte(s[i:])); n > 0 && plainLink(s[i:i+n]) {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			if i > 0 && s[i-1] == '@' {
				if end := closing(s[i:], ']'); end > 0 && plain(s[i:i+end+1]) {
					b.WriteString(s[i : i+end+1])
					i += end + 1
					continue
				}
			}
			b.WriteString(`\[`)
		case c == ']':
			b.WriteString(`\]`)
		case c == '>':
			b.WriteString(`\>`)
		case c == '<' && i > 0 && s[i-1] == '@':
			if end := closing(s[i:], '>'); end > 0 && plain(s[i:i+end+1]) {
				b.WriteString(s[i : i+end+1])
				i += end + 1
				continue
			}
			b.WriteString(`\<`)
		case c == '<':
			b.WriteString(`\<`) // <...> anywhere reads as an argument
		case i == 0 && lineStart && needsLeadingEscape(s):
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		i++
	}
	return b.String()
}

// emphasis returns the byte offsets of the * and _ in s that are balanced
// Markdown emphasis (a run that opens before a word and a run of the same
// marker and length that closes after one); every other * and _ is literal.
func emphasis(s string) map[int]bool {
	keep := map[int]bool{}
	type run struct{ at, n int }
	open := map[string][]run{}
	isSpace := func(i int) bool {
		if i < 0 || i >= len(s) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '*' && r != '_'
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c != '*' && c != '_' || (i > 0 && s[i-1] == '\\') {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == c {
			j++
		}
		key := s[i:j]
		canClose := i > 0 && !isSpace(i-1) && isSpace(j)
		canOpen := j < len(s) && !isSpace(j) && isSpace(i-1)
		if st := open[key]; canClose && len(st) > 0 {
			o := st[len(st)-1]
			open[key] = st[:len(st)-1]
			for k := 0; k < o.n; k++ {
				keep[o.at+k] = true
			}
			for k := i; k < j; k++ {
				keep[k] = true
			}
		} else if canOpen {
			open[key] = append(open[key], run{i, j - i})
		}
		i = j
	}
	return keep
}

// plain reports whether a mention or link can be written as it is: it holds
// nothing Argdown would read as a comment, data or an escape.
func plain(s string) bool {
	return !strings.ContainsAny(s, "{}\\") && !strings.Contains(s, "<!--") && !strings.Contains(s, "//") && !strings.Contains(s, "/*")
}

// plainLink is plain for a link, whose target may hold "//".
func plainLink(s string) bool {
	return !strings.ContainsAny(s, "{}\\") && !strings.Contains(s, "<!--") && !strings.Contains(s, "/*")
}

// needsLeadingEscape reports whether s, at the start of a line, would read
// as a marker rather than text.
func needsLeadingEscape(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLetter(r) || r == '"' || r == '\'' || r == '@' || r == '“' || r == '‘' {
		return false
	}
	if unicode.IsDigit(r) {
		// "1. " starts a list item.
		j := 0
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j < len(s) && s[j] == '.' && (j+1 == len(s) || s[j+1] == ' ')
	}
	return r < utf8.RuneSelf && r != ' '
}
