package webui

import (
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// evidenceSpan is one passage stating a piece of evidence, in its source:
// the quoted span with some of the text around it.
type evidenceSpan struct {
	Source argmap.Source // without its text
	Span   argmap.Span
	// Before, Quote and After are the source's text around the span and
	// the span itself, as the document page flows them; Quote is the span's
	// stored quote (one-spaced) when the span does not fit the source's text.
	Before, Quote, After string
	// Cut says text of the source lies before Before or after After.
	CutBefore, CutAfter bool
	// Link is the source's web address, when it was ingested from one.
	Link string
	// Poster is who posted the passage, in a thread several people wrote.
	Poster string
	// Cites are the works the passage cites (author-year mentions within
	// the span), with the cited work when it is known.
	Cites []citationView
}

// bearing is one relation of a piece of evidence, said in words: what it
// supports or contests (with the premises it does so together with), or
// what supports or contests it.
type bearing struct {
	Relation argmap.Relation
	Outgoing bool     // the evidence is a premise
	Other    string   // the other end: the target, or the first premise when incoming
	Text     string   // the other end's text
	With     []string // outgoing: the texts of the other premises of a linked argument
}

// contextBytes is how much of the source around a quoted span an evidence
// page shows on each side.
const contextBytes = 280

// evidence shows a piece of evidence: its text, the passages stating it in
// their sources (with the text around them), who it is attributed to, and
// what it supports or contests.
func (u *UI) evidence(w http.ResponseWriter, r *http.Request) {
	id, err := idOf(r, argmap.KindEvidence)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	e, err := u.store.Evidence(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var spans []evidenceSpan
	texts := map[string]*argmap.Source{}
	for _, sp := range e.Spans {
		src, ok := texts[sp.SourceID]
		if !ok {
			if s, err := u.store.Source(ctx, sp.SourceID); err == nil {
				src = s
			} else if argmap.ErrorCode(err) != argmap.ENOTFOUND {
				u.fail(w, r, err)
				return
			}
			texts[sp.SourceID] = src
		}
		v := evidenceSpan{Span: sp, Quote: oneSpaced(sp.Quote), Source: argmap.Source{ID: sp.SourceID, Title: sp.SourceID}}
		if src != nil {
			v.Source = *src
			v.Source.Text = ""
			v.Link = webLink(src.URI)
			if pf, ok := u.opt.Judge.(argmap.PostFinder); ok {
				v.Poster = argmap.PosterAt(pf.Posts(src.Text), sp.Start)
			}
			if text := src.Text; sp.Start >= 0 && sp.End <= len(text) && sp.Start < sp.End && utf8.RuneStart(text[sp.Start]) && (sp.End == len(text) || utf8.RuneStart(text[sp.End])) {
				// the page shows it as the document page does: hard-wrapped
				// lines joined, other line breaks kept (CSS pre-line)
				from, to, cutBefore, cutAfter := around(text, sp.Start, sp.End, contextBytes)
				flowed := unwrap(text[from:to])
				if isMarkdown(src.URI) {
					// a Markdown source's syntax (emphasis stars, heading
					// hashes) is left out, as the document page fades it
					flowed = withoutMarks(flowed, markdownStyles(flowed))
				}
				drop := func(s string) string { return strings.ReplaceAll(s, "\x00", "") }
				v.Before = strings.TrimLeft(drop(flowed[:sp.Start-from]), " \t\r\n")
				v.Quote = drop(flowed[sp.Start-from : sp.End-from])
				v.After = strings.TrimRight(drop(flowed[sp.End-from:]), " \t\r\n")
				v.CutBefore, v.CutAfter = cutBefore, cutAfter
			}
		}
		if src != nil {
			if v.Cites, err = u.citesIn(r, sp); err != nil {
				u.fail(w, r, err)
				return
			}
		}
		spans = append(spans, v)
	}
	rels, err := u.store.Relations(ctx, argmap.RelationFilter{NodeID: id, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var bears []bearing
	for _, rel := range rels {
		b := bearing{Relation: rel, Outgoing: rel.To != id}
		if b.Outgoing {
			b.Other = rel.To
			for _, f := range rel.From {
				if f != id {
					b.With = append(b.With, u.textOf(r, f))
				}
			}
		} else if len(rel.From) > 0 {
			b.Other = rel.From[0]
		}
		b.Text = u.textOf(r, b.Other)
		bears = append(bears, b)
	}
	ev, err := u.evaluate(ctx)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	history, err := u.store.Audit(ctx, argmap.AuditFilter{NodeID: id, Page: argmap.Page{Limit: 20}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var asserting, named []actorRole
	for _, ar := range u.lookups(ctx).roles(e.Actors) {
		if ar.Roles[0] == string(argmap.RoleAsserts) {
			asserting = append(asserting, ar)
		} else {
			named = append(named, ar)
		}
	}
	var authors, posters []string
	for _, sp := range spans {
		if sp.Poster != "" {
			if !contains(posters, sp.Poster) {
				posters = append(posters, sp.Poster)
			}
			continue
		}
		for _, a := range sp.Source.Authors {
			if !contains(authors, a) {
				authors = append(authors, a)
			}
		}
	}
	u.render(w, r, http.StatusOK, "evidence", page{Title: argmap.Clip(heading(e.Text), 80), Data: struct {
		Evidence  *argmap.Evidence
		Spans     []evidenceSpan
		Asserting []actorRole // actors stating it
		Posters   []string    // who posted it, in threads several people wrote
		Authors   []string    // its sources' authors (of the passages no poster wrote)
		Named     []actorRole // actors it names (or disputes)
		Bearings  []bearing
		Verdict   *verdict
		Semantics string
		History   []change
	}{e, spans, asserting, posters, authors, named, bears, ev.Of(id), semanticsOf(ev), u.changes(ctx, history)}})
}

// around returns the bounds of the text shown around text[start:end]: up
// to n bytes each side, ending at a paragraph break (or the text's ends) or
// else at a word boundary, and whether it cuts the paragraph there.
func around(text string, start, end, n int) (from, to int, cutBefore, cutAfter bool) {
	from = max(0, start-n)
	if i := strings.LastIndex(text[from:start], "\n\n"); i >= 0 {
		from += i + 2
	} else if from > 0 {
		cutBefore = true
		if i := strings.IndexAny(text[from:start], " \t\n"); i >= 0 {
			from += i + 1
		} else {
			from = start
		}
	}
	to = min(len(text), end+n)
	if i := strings.Index(text[end:to], "\n\n"); i >= 0 {
		to = end + i
	} else if to < len(text) {
		cutAfter = true
		if i := strings.LastIndexAny(text[end:to], " \t\n"); i >= 0 {
			to = end + i
		} else {
			to = end
		}
	}
	return from, to, cutBefore, cutAfter
}

// citesIn returns the citations of sp's source that lie within sp, with the
// cited works the store knows.
func (u *UI) citesIn(r *http.Request, sp argmap.Span) ([]citationView, error) {
	cs, err := u.store.Citations(r.Context(), sp.SourceID)
	if err != nil {
		return nil, err
	}
	var out []citationView
	for _, c := range cs {
		if c.Start < sp.Start || c.End > sp.End || c.End <= c.Start {
			continue
		}
		v := citationView{Citation: c}
		if c.CitedID != "" {
			if ws, err := u.store.SourcesByID(r.Context(), []string{c.CitedID}); err == nil && len(ws) == 1 {
				v.Work = &ws[0]
			}
		}
		out = append(out, v)
	}
	return out, nil
}

// withoutMarks returns text with the bytes styled as Markdown syntax
// replaced by NUL bytes, which the page's parts then drop: each part keeps
// its offsets until it is cut out.
func withoutMarks(text string, styles []uint8) string {
	b := []byte(text)
	for i := range b {
		if styles[i]&mdMark != 0 {
			b[i] = 0
		}
	}
	return string(b)
}

// oneSpaced is s with every run of white space one space, trimmed.
func oneSpaced(s string) string { return strings.Join(strings.Fields(s), " ") }

// webLink returns uri when it is a web address (http or https), else "":
// a file path the source was ingested from is no link for a reader.
func webLink(uri string) string {
	p, err := url.Parse(uri)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}
