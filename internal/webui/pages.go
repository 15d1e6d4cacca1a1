package webui

import (
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// funcs are the template helpers.
var funcs = template.FuncMap{
	"short":   argmap.Clip,
	"heading": heading,
	// upto is s shortened to n characters, or whole when full.
	"upto": func(s string, n int, full bool) string {
		if full {
			return strings.Join(strings.Fields(s), " ")
		}
		return argmap.Clip(s, n)
	},
	"join": strings.Join,
	"add":  func(a, b int) int { return a + b },
	"pct":  func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + "%" },
	"at":   spanPage,
	"page": nodePage,
	// count is n with the noun that fits it: "1 claim", "2 claims".
	"count": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"claimText": func(c argmap.Claim) string {
		if c.Gist != "" {
			return c.Gist
		}
		return c.Text
	},
}

// nodePage is the page a link to a node opens: a claim's page, a piece of
// evidence's, a source's or an actor's. "" for anything else.
func nodePage(id string) string {
	switch argmap.KindOf(id) {
	case argmap.KindClaim:
		return "/ui/claims/" + url.PathEscape(id)
	case argmap.KindEvidence:
		return "/ui/evidence/" + url.PathEscape(id)
	case argmap.KindSource:
		return "/ui/documents/" + url.PathEscape(id)
	case argmap.KindActor:
		return "/ui/actors/" + url.PathEscape(id)
	}
	if sp, ok := argmap.PassageSpan(id); ok {
		// a sentence no claim or evidence covers: its place in the text
		return spanPage(sp)
	}
	return ""
}

// spanPage is the page of a span's document, at the span.
func spanPage(s argmap.Span) string {
	return "/ui/documents/" + url.PathEscape(s.SourceID) + "?at=" + strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End) + "#at"
}

// docRow is one document of the list.
type docRow struct {
	Source   argmap.Source
	Claims   int
	Evidence int
	Actors   int
	Main     string
}

// documents lists the ingested documents (sources with text, not works known
// only from citations).
func (u *UI) documents(w http.ResponseWriter, r *http.Request) {
	if u.opt.ReadLocked {
		u.render(w, r, http.StatusOK, "documents", page{Title: "Documents", Nav: "documents"})
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	srcs, err := u.store.Sources(ctx, argmap.SourceFilter{Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var rows []docRow
	cited := 0
	for _, s := range srcs {
		if s.Kind == argmap.SourceCited {
			cited++
			continue
		}
		row := docRow{Source: s}
		cls, err := u.store.Claims(ctx, argmap.ClaimFilter{SourceID: s.ID, Page: argmap.Page{Limit: argmap.MaxLimit}})
		if err != nil {
			u.fail(w, r, err)
			return
		}
		actors := map[string]bool{}
		for _, c := range cls {
			if c.Main && row.Main == "" {
				row.Main = c.Text
			}
			for _, a := range c.Actors {
				actors[a.ActorID] = true
			}
		}
		ev, err := u.store.EvidenceList(ctx, argmap.EvidenceFilter{SourceID: s.ID, Page: argmap.Page{Limit: argmap.MaxLimit}})
		if err != nil {
			u.fail(w, r, err)
			return
		}
		row.Claims, row.Evidence, row.Actors = len(cls), len(ev), len(actors)
		rows = append(rows, row)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Source.Title < rows[j].Source.Title })
	n, err := u.store.Stats(ctx)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "documents", page{Title: "Documents", Nav: "documents", Data: struct {
		Rows   []docRow
		Cited  int
		Counts argmap.Counts
	}{rows, cited, n}})
}

// segment is a run of a document's text; Mark is set when it is part of a
// claim or evidence.
type segment struct {
	Text   string
	Mark   bool
	Role   string // main, claim, evidence
	ID     string
	Title  string
	Target bool // the span the page was opened at
	// Pieces cut Text into runs of one style (Markdown documents).
	Pieces []piece
}

// mark is a span of a document that a claim or evidence covers.
type mark struct {
	start, end int
	role, id   string
	title      string
	target     bool
}

// segments cuts text at the marks. Overlapping marks: the earlier (and, at
// the same start, the longer) wins and the other is left out; the target
// span always wins.
func segments(text string, marks []mark) []segment {
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].target != marks[j].target {
			return marks[i].target
		}
		if marks[i].start != marks[j].start {
			return marks[i].start < marks[j].start
		}
		return marks[i].end > marks[j].end
	})
	var kept []mark
	for _, m := range marks {
		if m.start < 0 || m.end > len(text) || m.start >= m.end {
			continue
		}
		ok := true
		for _, k := range kept {
			if m.start < k.end && k.start < m.end {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	var out []segment
	pos := 0
	for _, m := range kept {
		if m.start > pos {
			out = append(out, segment{Text: text[pos:m.start]})
		}
		out = append(out, segment{Text: text[m.start:m.end], Mark: true, Role: m.role, ID: m.id, Title: m.title, Target: m.target})
		pos = m.end
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// actorRole is an actor with the roles it plays.
type actorRole struct {
	Actor argmap.Actor
	Roles []string
	Count int
}

// document shows one document's text with its claims and evidence marked,
// its actors and its map.
func (u *UI) document(w http.ResponseWriter, r *http.Request) {
	id, err := idOf(r, argmap.KindSource)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	src, err := u.store.Source(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	g, err := argmap.SourceGraph(ctx, u.store, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var marks []mark
	for _, c := range g.Claims {
		role := "claim"
		if c.Main {
			role = "main"
		}
		for _, sp := range c.Spans {
			if sp.SourceID == id {
				marks = append(marks, mark{start: sp.Start, end: sp.End, role: role, id: c.ID, title: "claim: " + argmap.Clip(c.Text, 200)})
			}
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			if sp.SourceID == id {
				marks = append(marks, mark{start: sp.Start, end: sp.End, role: "evidence", id: e.ID, title: "evidence (" + e.Kind + "): " + argmap.Clip(e.Text, 200)})
			}
		}
	}
	target := ""
	if at := r.URL.Query().Get("at"); at != "" {
		a, b, ok := strings.Cut(at, "-")
		s, err1 := strconv.Atoi(a)
		e, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || s < 0 || e > len(src.Text) || s >= e || !utf8.RuneStart(src.Text[s]) || (e < len(src.Text) && !utf8.RuneStart(src.Text[e])) {
			u.fail(w, r, argmap.Errorf(argmap.EINVALID, "at=%q is not a span of this document (start-end byte offsets within %d bytes)", argmap.Clip(at, 30), len(src.Text)))
			return
		}
		target = at
		marks = append(marks, mark{start: s, end: e, role: "target", target: true, title: "the quoted span"})
		for _, m := range marks {
			if m.start == s && m.end == e && !m.target {
				marks[len(marks)-1].role, marks[len(marks)-1].id, marks[len(marks)-1].title = m.role, m.id, m.title
			}
		}
	}
	roles := map[string]*actorRole{}
	for _, a := range g.Actors {
		roles[a.ID] = &actorRole{Actor: a}
	}
	for _, c := range g.Claims {
		for _, ref := range c.Actors {
			ar := roles[ref.ActorID]
			if ar == nil {
				continue
			}
			ar.Count++
			if !contains(ar.Roles, string(ref.Role)) {
				ar.Roles = append(ar.Roles, string(ref.Role))
			}
		}
	}
	var actors []actorRole
	for _, a := range g.Actors {
		actors = append(actors, *roles[a.ID])
	}
	sort.SliceStable(actors, func(i, j int) bool { return actors[i].Count > actors[j].Count })
	claims := append([]argmap.Claim(nil), g.Claims...)
	sort.SliceStable(claims, func(i, j int) bool { return firstStart(claims[i].Spans, id) < firstStart(claims[j].Spans, id) })
	evidence := append([]argmap.Evidence(nil), g.Evidence...)
	sort.SliceStable(evidence, func(i, j int) bool { return firstStart(evidence[i].Spans, id) < firstStart(evidence[j].Spans, id) })
	cites, err := u.store.Citations(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var citations []citationView
	for _, c := range cites {
		v := citationView{Citation: c}
		if c.CitedID != "" {
			if cs, err := u.store.Source(ctx, c.CitedID); err == nil {
				v.Work = cs
			}
		}
		if c.End > c.Start && c.End <= len(src.Text) {
			v.At = "?at=" + strconv.Itoa(c.Start) + "-" + strconv.Itoa(c.End) + "#at"
		}
		citations = append(citations, v)
	}
	var styles []uint8
	if isMarkdown(src.URI) {
		styles = markdownStyles(src.Text)
	}
	u.render(w, r, http.StatusOK, "document", page{Title: argmap.Clip(src.Title, 80), Nav: "documents", Data: struct {
		Source    *argmap.Source
		Segments  []segment
		Claims    []argmap.Claim
		Evidence  []argmap.Evidence
		Actors    []actorRole
		Relations int
		Target    string
		Meta      []string
		Citations []citationView
	}{src, styled(segments(unwrap(src.Text), marks), styles), claims, evidence, actors, len(g.Relations), target, sourceMeta(src), citations}})
}

// unwrap returns text with the line breaks of hard-wrapped paragraphs turned
// into spaces, so the page flows it to its own width. A break stays where a
// paragraph ends (a blank line), before a list item, heading, quote or table
// line, after a short line (a title, a dateline), after a line laid out in
// columns (a gap of three or more spaces, or a tab, inside it: a post's
// "Posted: …    by NAME" header) and before a bar of links ("Reply | Quote |
// Report"). Every byte keeps its offset, so spans still index the result.
func unwrap(text string) string {
	b := []byte(text)
	lineStart := 0
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		line := strings.TrimSpace(text[lineStart:i])
		lineStart = i + 1
		if line == "" || i+1 >= len(b) || b[i+1] == '\n' || b[i+1] == '\r' || utf8.RuneCountInString(line) < 45 {
			continue
		}
		if strings.Contains(line, "   ") || strings.ContainsRune(line, '\t') {
			continue
		}
		next := strings.TrimLeft(text[i+1:], " \t")
		if next == "" || strings.ContainsRune("-*#>|+", rune(next[0])) || startsNumbered(next) {
			continue
		}
		if end := strings.IndexByte(next, '\n'); end >= 0 && strings.Count(next[:end], " | ") >= 2 || end < 0 && strings.Count(next, " | ") >= 2 {
			continue
		}
		b[i] = ' '
	}
	return string(b)
}

// startsNumbered reports whether s starts with a numbered list marker ("1." or "2)").
func startsNumbered(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')')
}

// citationView is a citation with the cited work, when it is stored, and a
// link to where the document makes it.
type citationView struct {
	Citation argmap.Citation
	Work     *argmap.Source
	At       string
}

// sourceMeta lists what is known of a source besides its title.
func sourceMeta(s *argmap.Source) []string {
	var m []string
	if len(s.Authors) > 0 {
		m = append(m, strings.Join(s.Authors, ", "))
	}
	for _, v := range []string{s.Date, s.Kind, s.Venue} {
		if v != "" {
			m = append(m, v)
		}
	}
	if s.DOI != "" {
		m = append(m, "doi:"+s.DOI)
	}
	return m
}

// firstStart returns where the first span in source id starts.
func firstStart(spans []argmap.Span, id string) int {
	for _, s := range spans {
		if s.SourceID == id {
			return s.Start
		}
	}
	return 1 << 30
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
