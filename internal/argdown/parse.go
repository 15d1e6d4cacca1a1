package argdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/argmap/argmap/internal/argmap"
)

// MaxBytes bounds a document Parse reads.
const MaxBytes = 64 << 20

// RelationType is the type of an Argdown relation, as the Argdown CLI names
// it in its JSON export.
type RelationType string

// Relation types.
const (
	Support       RelationType = "support"
	Attack        RelationType = "attack"
	Undercut      RelationType = "undercut"
	Contrary      RelationType = "contrary"      // strict mode: attack between statements
	Contradictory RelationType = "contradictory" // ><
	Entails       RelationType = "entails"       // strict mode: support between statements
)

// Ref names a statement (equivalence class) or an argument of a document.
type Ref struct {
	Argument bool // an argument; else a statement
	Index    int  // into Document.Statements or Document.Arguments
}

// Pos is a place in the document: 1-based line and column (in characters),
// and the byte offset.
type Pos struct {
	Line, Col, Offset int
}

// Member is one occurrence of a statement (or argument description) with
// text: Text as written (comments and data removed, lines joined, escapes
// resolved), Start and End the byte range it spans in the document.
type Member struct {
	Text       string
	Start, End int
}

// Statement is an equivalence class: every statement sharing a title, or one
// untitled statement.
type Statement struct {
	Title   string // "" for an untitled statement
	Members []Member
	Tags    []string
	Section int // index into Document.Sections, -1 for none
	Pos     Pos // of its first occurrence
}

// Text returns the statement's canonical text: the first member's, or "".
func (s *Statement) Text() string {
	for _, m := range s.Members {
		if m.Text != "" {
			return m.Text
		}
	}
	return ""
}

// Inference is the step of a premise-conclusion structure that derives one
// conclusion: the indices (into the PCS) of the statements it uses, and the
// inference rules named on its bar.
type Inference struct {
	Uses  []int
	Rules string
}

// PCSItem is one numbered statement of a premise-conclusion structure.
// Inference is set for a conclusion.
type PCSItem struct {
	Statement int // into Document.Statements
	Inference *Inference
}

// Argument is an argument: its title (generated for an untitled one, see
// Untitled), descriptions, and premise-conclusion structure if reconstructed.
type Argument struct {
	Title        string
	Untitled     bool // the document gave no title; Title was generated
	Descriptions []Member
	Tags         []string
	PCS          []PCSItem
	Section      int
	Pos          Pos
}

// Description returns the first non-empty description, or "".
func (a *Argument) Description() string {
	for _, m := range a.Descriptions {
		if m.Text != "" {
			return m.Text
		}
	}
	return ""
}

// Relation is a relation between statements and arguments.
type Relation struct {
	Type     RelationType
	From, To Ref
	Pos      Pos
}

// Section is a heading.
type Section struct {
	Title  string
	Level  int
	Parent int // -1 at the top
}

// Document is a parsed Argdown document.
type Document struct {
	Title      string // from the front matter, if any
	Strict     bool   // model mode strict: relations between statements are entailment, contrariety
	Statements []*Statement
	Arguments  []*Argument
	Relations  []Relation
	Sections   []Section
}

// SyntaxError describes an Argdown parse error at a line and column; Parse
// returns it as the message of an EINVALID argmap.Error.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("argdown: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

// errAt returns an EINVALID error whose message names the line and column.
func errAt(line, col int, format string, args ...any) error {
	se := &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	return &argmap.Error{Code: argmap.EINVALID, Message: se.Error()}
}

// line is one physical line after comments are removed.
type line struct {
	num    int    // 1-based
	indent int    // leading whitespace, a tab counting 4
	text   string // content after the indentation, right-trimmed
	col    int    // 1-based column of text
	off    int    // byte offset of text in the document
	blank  bool
}

// Parse reads an Argdown document. It returns EINVALID with a SyntaxError
// naming line and column for input that is not UTF-8, an unterminated
// comment or front matter, a relation with nothing above it to attach to,
// and relations or inferences no argument map can hold (a statement that
// supports itself); ETOOLARGE past MaxBytes.
func Parse(src []byte) (*Document, error) {
	if len(src) > MaxBytes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the Argdown document is larger than %d MiB", MaxBytes>>20)
	}
	if !utf8.Valid(src) {
		off := 0
		for off < len(src) {
			r, n := utf8.DecodeRune(src[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		l, c := lineCol(src, off)
		return nil, errAt(l, c, "invalid UTF-8")
	}
	if bytes.IndexByte(src, 0) >= 0 {
		l, c := lineCol(src, bytes.IndexByte(src, 0))
		return nil, errAt(l, c, "a NUL byte: this is not a text file")
	}
	p := &parser{src: src, doc: &Document{}, ecByTitle: map[string]int{}, argByTitle: map[string]int{}, relSeen: map[relKey]bool{}, section: -1}
	clean, dropped, err := stripComments(stripCR(src))
	if err != nil {
		return nil, err
	}
	if clean, err = p.frontMatter(clean); err != nil {
		return nil, err
	}
	p.lines = splitLines(clean, dropped)
	if err := p.parse(); err != nil {
		return nil, err
	}
	return p.doc, nil
}

// stripCR turns CRLF and lone CR into spaces before LF so that offsets and
// columns stay those of the input.
func stripCR(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	out := make([]byte, len(b))
	copy(out, b)
	for i, c := range out {
		if c == '\r' {
			if i+1 < len(out) && out[i+1] == '\n' {
				out[i] = ' '
			} else {
				out[i] = '\n'
			}
		}
	}
	return out
}

func lineCol(b []byte, off int) (int, int) {
	off = min(max(off, 0), len(b))
	line := 1 + bytes.Count(b[:off], []byte{'\n'})
	start := bytes.LastIndexByte(b[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(b[start:off])
}

// frontMatter reads a YAML front matter block (=== ... ===) at the start of
// the document and blanks it out.
func (p *parser) frontMatter(b []byte) ([]byte, error) {
	i := 0
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n') {
		i++
	}
	if !bytes.HasPrefix(b[i:], []byte("===")) {
		return b, nil
	}
	end := bytes.IndexByte(b[i:], '\n')
	if end < 0 || strings.Trim(string(b[i:i+end]), "= \t") != "" {
		return b, nil
	}
	bodyStart := i + end + 1
	closeAt := -1
	for j := bodyStart; j < len(b); {
		k := bytes.IndexByte(b[j:], '\n')
		ln := b[j:]
		if k >= 0 {
			ln = b[j : j+k]
		}
		if t := bytes.TrimSpace(ln); len(t) >= 3 && len(bytes.Trim(t, "=")) == 0 {
			closeAt = j
			break
		}
		if k < 0 {
			break
		}
		j += k + 1
	}
	if closeAt < 0 {
		l, c := lineCol(b, i)
		return nil, errAt(l, c, "the front matter opened here (===) is never closed")
	}
	var meta struct {
		Title string `yaml:"title"`
		Model struct {
			Mode string `yaml:"mode"`
		} `yaml:"model"`
	}
	body := b[bodyStart:closeAt]
	if err := yaml.Unmarshal(body, &meta); err != nil {
		l, _ := lineCol(b, bodyStart)
		return nil, errAt(l, 1, "the front matter is not valid YAML: %s", firstLine(err.Error()))
	}
	p.doc.Title = strings.Join(strings.Fields(meta.Title), " ")
	p.doc.Strict = meta.Model.Mode == "strict"
	out := make([]byte, len(b))
	copy(out, b)
	stop := closeAt + 3
	for stop < len(out) && out[stop] != '\n' {
		stop++
	}
	for j := i; j < stop; j++ {
		if out[j] != '\n' {
			out[j] = ' '
		}
	}
	return out, nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// stripComments blanks out comments (<!-- -->, /* */, // to the end of the
// line), leaving links and escaped characters alone. It returns the lines
// (0-based) that held nothing but comments: they vanish rather than count as
// empty lines.
func stripComments(b []byte) ([]byte, map[int]bool, error) {
	out := make([]byte, len(b))
	copy(out, b)
	dropped := map[int]bool{}
	hadComment := map[int]bool{}
	lineNo := 0
	blank := func(from, to int) {
		for j := from; j < to; j++ {
			if out[j] == '\n' {
				lineNo++
				hadComment[lineNo] = true
				continue
			}
			out[j] = ' '
		}
	}
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\n':
			lineNo++
			i++
		case c == '\\' && i+1 < len(b) && b[i+1] != '\n':
			_, n := utf8.DecodeRune(b[i+1:])
			i += 1 + n
		case c == '[':
			if n := linkLen(b[i:]); n > 0 {
				i += n
				continue
			}
			i++
		case bytes.HasPrefix(b[i:], []byte("<!--")):
			end := bytes.Index(b[i+4:], []byte("-->"))
			if end < 0 {
				l, col := lineCol(b, i)
				return nil, nil, errAt(l, col, "the comment opened here (<!--) is never closed")
			}
			hadComment[lineNo] = true
			blank(i, i+4+end+3)
			i += 4 + end + 3
		case bytes.HasPrefix(b[i:], []byte("/*")):
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				l, col := lineCol(b, i)
				return nil, nil, errAt(l, col, "the comment opened here (/*) is never closed")
			}
			hadComment[lineNo] = true
			blank(i, i+2+end+2)
			i += 2 + end + 2
		case bytes.HasPrefix(b[i:], []byte("//")):
			end := bytes.IndexByte(b[i:], '\n')
			if end < 0 {
				end = len(b) - i
			}
			hadComment[lineNo] = true
			blank(i, i+end)
			i += end
		default:
			i++
		}
	}
	// A line that held a comment and is now empty vanishes.
	n := 0
	start := 0
	for j := 0; j <= len(out); j++ {
		if j == len(out) || out[j] == '\n' {
			if hadComment[n] && len(bytes.TrimSpace(out[start:j])) == 0 {
				dropped[n] = true
			}
			n++
			start = j + 1
		}
	}
	return out, dropped, nil
}

// linkLen returns the length of a Markdown link [text](target) at the start
// of b, or 0.
func linkLen(b []byte) int {
	close := bytes.IndexByte(b, ']')
	if close <= 1 || bytes.IndexByte(b[:close], '\n') >= 0 || close+1 >= len(b) || b[close+1] != '(' {
		return 0
	}
	end := bytes.IndexByte(b[close+2:], ')')
	if end < 0 || bytes.IndexByte(b[close+2:close+2+end], '\n') >= 0 {
		return 0
	}
	return close + 2 + end + 1
}

func splitLines(b []byte, dropped map[int]bool) []line {
	var out []line
	off := 0
	for n := 0; off <= len(b); n++ {
		end := bytes.IndexByte(b[off:], '\n')
		raw := b[off:]
		if end >= 0 {
			raw = b[off : off+end]
		}
		if !dropped[n] {
			ind, k := 0, 0
			for k < len(raw) && (raw[k] == ' ' || raw[k] == '\t') {
				if raw[k] == '\t' {
					ind += 4
				} else {
					ind++
				}
				k++
			}
			text := strings.TrimRight(string(raw[k:]), " \t")
			out = append(out, line{num: n + 1, indent: ind, text: text, col: 1 + utf8.RuneCount(raw[:k]), off: off + k, blank: text == ""})
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return out
}

type relKey struct {
	t        RelationType
	from, to Ref
}

type parser struct {
	src        []byte
	lines      []line
	doc        *Document
	ecByTitle  map[string]int
	argByTitle map[string]int
	relSeen    map[relKey]bool
	section    int
	untitled   int
	lastArg    int  // argument heading the previous paragraph, -1 if none
	lastArgOK  bool // whether a PCS may still attach to it
}

var (
	reHeading   = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	rePCS       = regexp.MustCompile(`^\((\d+)\)\s*`)
	reBar       = regexp.MustCompile(`^-{2,}\s*$`)
	reBarInline = regexp.MustCompile(`^-{2,}\s*(.*?)\s*-{2,}\s*$`)
	reRelation  = regexp.MustCompile(`^(<\+|<-|<_|\+>|->|_>|><|\+|-|_)(?:\s+|$)`)
	reList      = regexp.MustCompile(`^(?:\*|\d+\.)\s+`)
	reTag       = regexp.MustCompile(`#(?:\(([^)\n]+)\)|([\p{L}\p{N}_-]+))`)
	reUses      = regexp.MustCompile(`uses\s*:\s*\[([0-9,\s]*)\]`)
)

// item is one element being read: a statement, argument reference or
// definition, or a PCS statement, with the lines of its text.
type item struct {
	ref    Ref
	indent int
	text   []string
	start  int // byte offsets of the text
	end    int
	isArg  bool
	isPCS  bool
}

func (p *parser) parse() error {
	p.lastArg = -1
	ls := p.lines
	for i := 0; i < len(ls); {
		if ls[i].blank {
			i++
			continue
		}
		j := i
		for j < len(ls) && !ls[j].blank {
			j++
		}
		if err := p.paragraph(ls[i:j]); err != nil {
			return err
		}
		i = j
	}
	p.transferToConclusions()
	p.resolveStrict()
	p.nameUntitled()
	return nil
}

// transferToConclusions moves the outgoing relations of a reconstructed
// argument onto its main conclusion, as Argdown does: what an argument
// supports or attacks, its conclusion does. A relation that then leads from
// the conclusion to itself is dropped, as are duplicates.
func (p *parser) transferToConclusions() {
	seen := map[relKey]bool{}
	out := p.doc.Relations[:0]
	for _, r := range p.doc.Relations {
		if r.From.Argument {
			if pcs := p.doc.Arguments[r.From.Index].PCS; len(pcs) > 0 {
				r.From = Ref{Index: pcs[len(pcs)-1].Statement}
			}
		}
		if r.From == r.To {
			continue
		}
		k := relKey{r.Type, r.From, r.To}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, r)
	}
	p.doc.Relations = out
}

// nameUntitled gives untitled arguments (a PCS with no title above it) the
// titles "Argument N", skipping titles the document uses.
func (p *parser) nameUntitled() {
	n := 0
	for _, a := range p.doc.Arguments {
		if !a.Untitled {
			continue
		}
		delete(p.argByTitle, a.Title)
		for {
			n++
			t := "Argument " + strconv.Itoa(n)
			if _, taken := p.argByTitle[t]; !taken {
				a.Title = t
				p.argByTitle[t] = -1
				break
			}
		}
	}
}

// paragraph reads one block of non-empty lines.
func (p *parser) paragraph(ls []line) error {
	first := ls[0]
	if m := reHeading.FindStringSubmatch(first.text); m != nil && !strings.HasPrefix(first.text, "#(") {
		parts := []string{m[2]}
		for _, l := range ls[1:] {
			parts = append(parts, l.text)
		}
		title := p.inlineText(strings.Join(parts, " "))
		level := len(m[1])
		parent := p.section
		for parent >= 0 && p.doc.Sections[parent].Level >= level {
			parent = p.doc.Sections[parent].Parent
		}
		p.doc.Sections = append(p.doc.Sections, Section{Title: title, Level: level, Parent: parent})
		p.section = len(p.doc.Sections) - 1
		p.lastArg = -1
		return nil
	}
	if reRelation.MatchString(first.text) && !reBar.MatchString(first.text) && !reBarInline.MatchString(first.text) {
		return errAt(first.num, first.col, "a relation needs a statement or argument above it in the same paragraph (remove the empty line above, or start the paragraph with a statement)")
	}
	if rePCS.MatchString(first.text) {
		return p.pcs(ls)
	}
	if isArgumentStart(first.text) {
		// An argument followed directly by its PCS in the same paragraph.
		for k := 1; k < len(ls); k++ {
			if rePCS.MatchString(ls[k].text) && ls[k].indent <= first.indent {
				if err := p.elements(ls[:k]); err != nil {
					return err
				}
				return p.pcs(ls[k:])
			}
		}
	}
	return p.elements(ls)
}

func isArgumentStart(s string) bool {
	return strings.HasPrefix(s, "<") && strings.Contains(s, ">") && !strings.HasPrefix(s, "<+") && !strings.HasPrefix(s, "<-") && !strings.HasPrefix(s, "<_")
}

// elements reads a paragraph of statements, arguments and their relations.
func (p *parser) elements(ls []line) error {
	type open struct {
		ref    Ref
		indent int
	}
	var stack []open
	var cur *item
	flush := func() {
		if cur != nil {
			p.finish(cur)
			cur = nil
		}
	}
	head := true
	for _, l := range ls {
		text := l.text
		switch {
		case head:
			it, err := p.element(l, text, l.off)
			if err != nil {
				return err
			}
			cur = it
			stack = append(stack[:0], open{it.ref, l.indent})
			if it.isArg {
				p.lastArg, p.lastArgOK = it.ref.Index, true
			} else {
				p.lastArg = -1
			}
			head = false
		case reRelation.MatchString(text) && !reBar.MatchString(text):
			flush()
			m := reRelation.FindStringSubmatch(text)
			for len(stack) > 0 && stack[len(stack)-1].indent >= l.indent {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 {
				return errAt(l.num, l.col, "this relation is indented no deeper than the statement it should belong to")
			}
			parent := stack[len(stack)-1].ref
			rest := text[len(m[0]):]
			off := l.off + len(m[0])
			if strings.TrimSpace(rest) == "" {
				return errAt(l.num, l.col, "the relation %q names no statement or argument", m[1])
			}
			it, err := p.element(l, rest, off)
			if err != nil {
				return err
			}
			if err := p.relate(m[1], parent, it.ref, l); err != nil {
				return err
			}
			cur = it
			stack = append(stack, open{it.ref, l.indent})
		case reList.MatchString(text):
			flush()
			m := reList.FindString(text)
			it, err := p.element(l, text[len(m):], l.off+len(m))
			if err != nil {
				return err
			}
			cur = it
			for len(stack) > 0 && stack[len(stack)-1].indent >= l.indent {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, open{it.ref, l.indent})
		default:
			if cur == nil {
				// Text after a finished element: a continuation nobody
				// owns; keep it as a new statement.
				it, err := p.element(l, text, l.off)
				if err != nil {
					return err
				}
				cur = it
				continue
			}
			cur.text = append(cur.text, text)
			cur.end = l.off + len(text)
		}
	}
	flush()
	return nil
}

// element starts reading a statement or argument at text (a line's content
// after any relation or list marker).
func (p *parser) element(l line, text string, off int) (*item, error) {
	pos := Pos{Line: l.num, Col: l.col + utf8.RuneCountInString(l.text[:len(l.text)-len(text)]), Offset: off}
	if isArgumentStart(text) {
		if end := closing(text, '>'); end > 1 {
			title := normTitle(text[1:end])
			rest := text[end+1:]
			defn := strings.HasPrefix(rest, ":")
			if defn {
				rest = rest[1:]
			}
			if title != "" && (defn || strings.TrimSpace(rest) == "" || !strings.HasPrefix(rest, "(")) {
				idx := p.argument(title, false, pos)
				it := &item{ref: Ref{Argument: true, Index: idx}, isArg: true, indent: l.indent}
				if defn || strings.TrimSpace(rest) != "" {
					it.text = []string{rest}
					it.start = off + len(text) - len(rest)
					it.end = off + len(text)
				}
				return it, nil
			}
		}
	}
	if strings.HasPrefix(text, "[") && linkLen([]byte(text)) == 0 {
		if end := closing(text, ']'); end > 1 {
			title := normTitle(text[1:end])
			rest := text[end+1:]
			defn := strings.HasPrefix(rest, ":")
			if defn {
				rest = rest[1:]
			}
			if title != "" {
				idx := p.statement(title, pos)
				it := &item{ref: Ref{Index: idx}, indent: l.indent}
				if defn || strings.TrimSpace(rest) != "" {
					it.text = []string{rest}
					it.start = off + len(text) - len(rest)
					it.end = off + len(text)
				}
				return it, nil
			}
		}
	}
	idx := p.statement("", pos)
	return &item{ref: Ref{Index: idx}, indent: l.indent, text: []string{text}, start: off, end: off + len(text)}, nil
}

// closing returns the index of the first unescaped c in s, or -1.
func closing(s string, c byte) int {
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case c:
			return i
		case '\n':
			return -1
		}
	}
	return -1
}

func normTitle(s string) string {
	return strings.Join(strings.Fields(unescape(s)), " ")
}

// statement returns the index of the equivalence class titled title,
// creating it; "" always creates a new untitled one.
func (p *parser) statement(title string, pos Pos) int {
	if title != "" {
		if i, ok := p.ecByTitle[title]; ok {
			return i
		}
	}
	p.doc.Statements = append(p.doc.Statements, &Statement{Title: title, Section: p.section, Pos: pos})
	i := len(p.doc.Statements) - 1
	if title != "" {
		p.ecByTitle[title] = i
	}
	return i
}

// argument returns the index of the argument titled title, creating it.
func (p *parser) argument(title string, untitled bool, pos Pos) int {
	if i, ok := p.argByTitle[title]; ok && !untitled {
		return i
	}
	p.doc.Arguments = append(p.doc.Arguments, &Argument{Title: title, Untitled: untitled, Section: p.section, Pos: pos})
	i := len(p.doc.Arguments) - 1
	p.argByTitle[title] = i
	return i
}

// finish stores the text an item collected as a member of its statement or
// a description of its argument.
func (p *parser) finish(it *item) {
	if len(it.text) == 0 {
		return
	}
	raw := strings.Join(it.text, " ")
	tags := tagsOf(raw)
	text := p.inlineText(raw)
	m := Member{Text: text, Start: it.start, End: it.end}
	if m.End < m.Start {
		m.End = m.Start
	}
	if it.ref.Argument {
		a := p.doc.Arguments[it.ref.Index]
		a.Descriptions = append(a.Descriptions, m)
		a.Tags = addTags(a.Tags, tags)
		return
	}
	s := p.doc.Statements[it.ref.Index]
	s.Members = append(s.Members, m)
	s.Tags = addTags(s.Tags, tags)
}

func addTags(have, more []string) []string {
	for _, t := range more {
		dup := false
		for _, h := range have {
			dup = dup || h == t
		}
		if !dup {
			have = append(have, t)
		}
	}
	return have
}

func tagsOf(s string) []string {
	var out []string
	for _, m := range reTag.FindAllStringSubmatch(s, -1) {
		t := m[1]
		if t == "" {
			t = m[2]
		}
		out = append(out, strings.TrimSpace(t))
	}
	return out
}

// inlineText turns raw statement text into the text argmap keeps: data
// ({...}) removed, whitespace collapsed, escapes resolved. Markup, tags,
// mentions and links are kept as written so that an export writes them back.
func (p *parser) inlineText(raw string) string {
	raw = removeData(raw)
	return unescape(strings.Join(strings.Fields(raw), " "))
}

// removeData cuts a trailing data block ({key: value}) from s.
func removeData(s string) string {
	t := strings.TrimRight(s, " \t")
	if !strings.HasSuffix(t, "}") || strings.HasSuffix(t, `\}`) {
		return s
	}
	depth := 0
	for i := len(t) - 1; i >= 0; i-- {
		switch t[i] {
		case '}':
			depth++
		case '{':
			depth--
			if depth == 0 {
				if i > 0 && t[i-1] == '\\' {
					return s
				}
				return t[:i]
			}
		}
	}
	return s
}

// unescape resolves backslash escapes.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsPunct(r) || unicode.IsSymbol(r) {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// relate records the relation a marker under parent states with child.
func (p *parser) relate(marker string, parent, child Ref, l line) error {
	var t RelationType
	from, to := child, parent
	switch marker {
	case "+", "<+":
		t = Support
	case "-", "<-":
		t = Attack
	case "_", "<_":
		t = Undercut
	case "+>":
		t, from, to = Support, parent, child
	case "->":
		t, from, to = Attack, parent, child
	case "_>":
		t, from, to = Undercut, parent, child
	case "><":
		t, from, to = Contradictory, parent, child
	}
	if from == to {
		return errAt(l.num, l.col, "a statement or argument cannot %s itself", strings.TrimSuffix(string(t), "y")+verbEnd(t))
	}
	if t == Undercut && !to.Argument {
		return errAt(l.num, l.col, "an undercut must attack an argument (its inference), not a statement")
	}
	k := relKey{t, from, to}
	if p.relSeen[k] {
		return nil
	}
	p.relSeen[k] = true
	p.doc.Relations = append(p.doc.Relations, Relation{Type: t, From: from, To: to, Pos: Pos{Line: l.num, Col: l.col, Offset: l.off}})
	return nil
}

func verbEnd(t RelationType) string {
	if t == Contradictory {
		return " contradict"
	}
	return ""
}

// resolveStrict renames relations between statements in strict mode.
func (p *parser) resolveStrict() {
	if !p.doc.Strict {
		return
	}
	for i, r := range p.doc.Relations {
		if r.From.Argument || r.To.Argument {
			continue
		}
		switch r.Type {
		case Support:
			p.doc.Relations[i].Type = Entails
		case Attack:
			p.doc.Relations[i].Type = Contrary
		}
	}
}

// pcs reads a premise-conclusion structure, with the relations of its
// statements.
func (p *parser) pcs(ls []line) error {
	first := ls[0]
	pos := Pos{Line: first.num, Col: first.col, Offset: first.off}
	var a int
	if p.lastArg >= 0 && p.lastArgOK && len(p.doc.Arguments[p.lastArg].PCS) == 0 {
		a = p.lastArg
	} else {
		p.untitled++
		a = p.argument("\x00"+strconv.Itoa(p.untitled), true, pos) // named in nameUntitled
	}
	p.lastArg = -1
	arg := p.doc.Arguments[a]
	baseIndent := first.indent
	var (
		group    []line // lines of the current numbered statement with its relations
		pending  *Inference
		stepFrom = 0 // first PCS index of the current step's premises
	)
	flush := func() error {
		if len(group) == 0 {
			return nil
		}
		m := rePCS.FindStringSubmatch(group[0].text)
		g := append([]line(nil), group...)
		g[0].text = group[0].text[len(m[0]):]
		g[0].off += len(m[0])
		g[0].col += utf8.RuneCountInString(m[0])
		if strings.TrimSpace(g[0].text) == "" {
			return errAt(group[0].num, group[0].col, "the numbered statement (%s) has no text or title", m[1])
		}
		if isArgumentStart(g[0].text) {
			return errAt(g[0].num, g[0].col, "a numbered statement must be a statement, not an argument")
		}
		if err := p.elements(g); err != nil {
			return err
		}
		p.lastArg = -1
		idx := p.pcsStatement(g[0])
		item := PCSItem{Statement: idx}
		if pending != nil {
			if len(pending.Uses) == 0 {
				for k := stepFrom; k < len(arg.PCS); k++ {
					pending.Uses = append(pending.Uses, k)
				}
			}
			item.Inference = pending
			pending = nil
			stepFrom = len(arg.PCS)
		}
		arg.PCS = append(arg.PCS, item)
		group = nil
		return nil
	}
	for k := 0; k < len(ls); k++ {
		l := ls[k]
		switch {
		case rePCS.MatchString(l.text) && l.indent <= baseIndent+1:
			if err := flush(); err != nil {
				return err
			}
			group = []line{l}
		case (reBar.MatchString(l.text) || reBarInline.MatchString(l.text)) && l.indent <= baseIndent+1:
			if err := flush(); err != nil {
				return err
			}
			if pending != nil {
				return errAt(l.num, l.col, "two inference lines without a conclusion between them")
			}
			if len(arg.PCS) == 0 {
				return errAt(l.num, l.col, "an inference line needs premises above it")
			}
			inf := &Inference{}
			rules := ""
			if m := reBarInline.FindStringSubmatch(l.text); m != nil && !reBar.MatchString(l.text) {
				rules = m[1]
			} else if k+1 < len(ls) && !rePCS.MatchString(ls[k+1].text) {
				// A bar, rule lines, a closing bar.
				var parts []string
				closed := false
				for k+1 < len(ls) {
					k++
					if reBar.MatchString(ls[k].text) {
						closed = true
						break
					}
					parts = append(parts, ls[k].text)
				}
				if !closed {
					return errAt(l.num, l.col, "the inference opened here has no closing line (--)")
				}
				rules = strings.Join(parts, " ")
			}
			if m := reUses.FindStringSubmatch(rules); m != nil {
				for _, f := range strings.Split(m[1], ",") {
					if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n >= 1 && n <= len(arg.PCS) {
						inf.Uses = append(inf.Uses, n-1)
					}
				}
			}
			inf.Rules = strings.Join(strings.Fields(removeData(rules)), " ")
			pending = inf
		default:
			if len(group) == 0 {
				return errAt(l.num, l.col, "expected a numbered statement such as (1) in this premise-conclusion structure")
			}
			group = append(group, l)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if pending != nil {
		return errAt(ls[len(ls)-1].num, 1, "the premise-conclusion structure ends with an inference line and no conclusion")
	}
	return nil
}

// pcsStatement returns the statement a PCS line (its number removed) names:
// elements has just created or found it.
func (p *parser) pcsStatement(l line) int {
	text := l.text
	if strings.HasPrefix(text, "[") && linkLen([]byte(text)) == 0 {
		if end := closing(text, ']'); end > 1 {
			if t := normTitle(text[1:end]); t != "" {
				return p.ecByTitle[t]
			}
		}
	}
	// An untitled statement: the first one created for this line.
	for i := len(p.doc.Statements) - 1; i >= 0; i-- {
		if p.doc.Statements[i].Pos.Line == l.num && p.doc.Statements[i].Title == "" {
			return i
		}
	}
	return len(p.doc.Statements) - 1
}
