package webui

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// backingView is one supporting or contesting source on a claim page.
type backingView struct {
	Source   argmap.SourceRef
	Authors  []string
	Posters  []string // in a thread several people wrote: the posters on this side
	Quotes   []quoteView
	Path     []argmap.Step
	Direct   bool
	Asserted []actorRole
	More     int    // passages left out (a page shows the first few)
	All      string // the link to every passage of this source, when some are left out
	Full     bool   // whole quotes and chains, every passage
}

// answerView is the paged part of an answer a page shows: the totals, and
// the links to the next page of sources and to the whole answer.
type answerView struct {
	SupportingTotal int
	ContestingTotal int
	From            int    // the number of the page's first source on each side
	Next            string // the next page of sources, "" on the last
	All             string // the whole answer, "" when this is it
	Paged           bool   // sources are left out: on other pages
	Only            bool   // one source's passages alone (source=ID)
	Back            string // with Only, the answer's first page
}

// Count says how many sources a side has and which of them the page shows:
// "42", "42, 21–40 shown", "42, all shown on the pages before".
func (a answerView) Count(total, shown int) string {
	switch {
	case a.Only:
		return fmt.Sprintf("%d; this source alone is shown", total)
	case shown == 0 && total > 0:
		return fmt.Sprintf("%d, all shown on the pages before", total)
	case shown < total:
		return fmt.Sprintf("%d, %d–%d shown", total, a.From, a.From+shown-1)
	}
	return strconv.Itoa(total)
}

// answerPageOf returns the page of an answer a request asks: with full
// (full=1) the whole answer, which takes no cursor or source; with source=ID
// that source's every passage; else argmap.DefaultAnswerSources sources of
// each side from the cursor of the page before (for the question q at
// depth), quotes passages of each.
func answerPageOf(r *http.Request, full bool, q string, depth, quotes int) (argmap.AnswerPage, error) {
	cur, src := r.URL.Query().Get("cursor"), r.URL.Query().Get("source")
	if full {
		if cur != "" || src != "" {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "full=1 is the whole answer: it takes no cursor or source")
		}
		return argmap.AnswerPage{}, nil
	}
	if src != "" {
		if argmap.KindOf(src) != argmap.KindSource {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "source must be a source ID")
		}
		if cur != "" {
			return argmap.AnswerPage{}, argmap.Errorf(argmap.EINVALID, "source shows one source: it takes no cursor")
		}
		return argmap.AnswerPage{Source: src}, nil
	}
	pg := argmap.AnswerPage{Limit: argmap.DefaultAnswerSources, Quotes: quotes}
	if cur != "" {
		off, err := argmap.ParseAnswerCursor(cur, q, depth)
		if err != nil {
			return pg, err
		}
		pg.Offset = off
	}
	return pg, nil
}

// answerLinks returns the paged part of ans for showing, with links made
// from the request's URL: the next page, and the whole answer; and sets
// each source's link to every passage.
func answerLinks(r *http.Request, ans *argmap.SupportAnswer, pg argmap.AnswerPage, views ...[]backingView) answerView {
	link := func(name, value string) string {
		v := r.URL.Query()
		for _, k := range []string{"cursor", "full", "source"} {
			v.Del(k)
		}
		if name != "" {
			v.Set(name, value)
		}
		if len(v) == 0 {
			return r.URL.Path
		}
		return r.URL.Path + "?" + v.Encode()
	}
	av := answerView{SupportingTotal: ans.SupportingTotal, ContestingTotal: ans.ContestingTotal, From: pg.Offset + 1}
	if pg.Source != "" {
		av.Only, av.Back = true, link("", "")
		return av
	}
	if ans.NextCursor != "" {
		av.Next = link("cursor", ans.NextCursor)
	}
	if pg.Limit > 0 {
		av.All = link("full", "1")
	}
	av.Paged = ans.NextCursor != "" || (pg.Offset > 0 && pg.Limit > 0)
	for _, vs := range views {
		for i := range vs {
			if vs[i].More > 0 {
				vs[i].All = link("source", vs[i].Source.ID)
			}
		}
	}
	return av
}

// quoteView is a quoted passage with the voice that asserts it, said in
// words: the author, a poster of a thread, or a speaker the source reports.
type quoteView struct {
	Q     argmap.Quote
	Voice string // author, poster or reported
	Who   string // how the page names who asserts it
}

// voiceOf says who asserts a quoted passage, as the CLI does: the author's
// own view; a poster's, in a thread several people wrote; or a view the
// source (or one of its posters) reports.
func voiceOf(q argmap.Quote) quoteView {
	v := quoteView{Q: q}
	switch {
	case q.Reported && q.Poster != "":
		v.Voice, v.Who = "reported", "the view of "+q.AssertedBy+", reported by "+q.Poster+" (a poster), not the poster's own"
	case q.Reported:
		v.Voice, v.Who = "reported", "the view of "+q.AssertedBy+", not the author's"
	case strings.HasPrefix(q.Poster, "the poster of "):
		v.Voice, v.Who = "poster", "asserted by "+q.Poster+" (a poster of this thread who signs no name)"
	case q.Poster != "":
		v.Voice, v.Who = "poster", "asserted by "+q.Poster+", a poster of this thread"
	case q.AssertedBy == "" || q.AssertedBy == "author":
		v.Voice, v.Who = "author", "the author's own view"
	default:
		v.Voice, v.Who = "reported", "asserted by "+q.AssertedBy
	}
	return v
}

// fullOf reads the full query parameter: "1" shows every passage and whole
// quotes, as the CLI's --full does.
func fullOf(r *http.Request) (bool, error) {
	switch r.URL.Query().Get("full") {
	case "":
		return false, nil
	case "1":
		return true, nil
	}
	return false, argmap.Errorf(argmap.EINVALID, "full must be 1 (every passage, whole quotes) or left out")
}

// relationView is a relation of the claim with the text of its other end.
type relationView struct {
	Relation argmap.Relation
	Outgoing bool   // the claim is a premise
	Other    string // ID of the other end (first premise when incoming)
	Text     string
}

// labelsOf reads the labels query parameter: "1" colours the map by the
// evaluation.
func labelsOf(r *http.Request) (bool, error) {
	switch r.URL.Query().Get("labels") {
	case "":
		return false, nil
	case "1":
		return true, nil
	}
	return false, argmap.Errorf(argmap.EINVALID, "labels must be 1 (colour the map by the evaluation) or left out")
}

// depthOf reads the depth query parameter (1..MaxDepth).
func (u *UI) depthOf(r *http.Request) (int, error) {
	v := r.URL.Query().Get("depth")
	if v == "" {
		return u.opt.DefaultDepth, nil
	}
	d, err := strconv.Atoi(v)
	if err != nil || d < 1 || d > argmap.MaxDepth {
		return 0, argmap.Errorf(argmap.EINVALID, "depth must be a whole number from 1 to %d", argmap.MaxDepth)
	}
	return d, nil
}

// claim shows a claim: where it is stated, who asserts it, and the sources
// that support and contest it with their quotes.
func (u *UI) claim(w http.ResponseWriter, r *http.Request) {
	id, err := idOf(r, argmap.KindClaim)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	depth, err := u.depthOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	labels, err := labelsOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	full, err := fullOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	cl, err := u.store.Claim(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	pg, err := answerPageOf(r, full, id, depth, claimQuotes)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ans, err := argmap.FindSupportersPage(ctx, u.store, u.opt.Judge, id, depth, pg)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	lk := u.lookups(ctx)
	sup, con := lk.backings(ans.Supporting, full), lk.backings(ans.Contesting, full)
	paged := answerLinks(r, ans, pg, sup, con)
	rels, err := u.store.Relations(ctx, argmap.RelationFilter{NodeID: id, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	var rv []relationView
	for _, rel := range rels {
		v := relationView{Relation: rel, Outgoing: rel.To != id}
		if v.Outgoing {
			v.Other = rel.To
		} else if len(rel.From) > 0 {
			v.Other = rel.From[0]
		}
		v.Text = u.textOf(r, v.Other)
		rv = append(rv, v)
	}
	sameAll, err := u.store.Claims(ctx, argmap.ClaimFilter{Proposition: argmap.PropositionOf(*cl), Page: argmap.Page{Limit: 200}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	stated, err := u.statedIn(ctx, cl, sameAll)
	if err != nil {
		u.fail(w, r, err)
		return
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
	u.render(w, r, http.StatusOK, "claim", page{Title: argmap.Clip(heading(cl.Text), 80), Nav: "claims", Data: struct {
		Claim      *argmap.Claim
		Actors     []actorRole
		Supporting []backingView
		Contesting []backingView
		Page       answerView
		Relations  []relationView
		Depth      int
		Depths     []int
		History    []change
		Stated     []statedView
		Others     int // claims of the proposition besides this one
		Verdict    *verdict
		Semantics  string
		Labels     bool
		Full       bool // whole quotes
		Shortened  bool // some quote is cut
		ShowGist   bool
		// NeedsContext: a bare "this" or "it" that nothing in its source
		// names (argmap.CueNeedsContext)
		NeedsContext bool
	}{cl, lk.roles(cl.Actors), sup, con, paged, rv, depth, []int{1, 2, 3, 4, 5}, u.changes(ctx, history),
		stated, len(sameAll) - 1, ev.Of(id), semanticsOf(ev), labels, full, !full && (shortened(sup) || shortened(con)),
		cl.Gist != "" && !sameWording(cl.Gist, cl.Text),
		slices.Contains(cl.Cues, argmap.CueNeedsContext)}})
}

// sameWording reports whether a and b say the same words, whatever their
// spacing, case and closing punctuation: a gist that only drops the claim's
// trailing comma is not worth an "In short" line.
func sameWording(a, b string) bool {
	norm := func(s string) string {
		return strings.TrimRight(strings.Join(strings.Fields(s), " "), ".,;:!? ")
	}
	return strings.EqualFold(norm(a), norm(b))
}

// lookups reads the actors, sources and claims a page names, each once.
type lookups struct {
	ctx     context.Context
	u       *UI
	actors  map[string]*argmap.Actor
	sources map[string]*argmap.Source
}

func (u *UI) lookups(ctx context.Context) *lookups {
	return &lookups{ctx: ctx, u: u, actors: map[string]*argmap.Actor{}, sources: map[string]*argmap.Source{}}
}

// actor returns the actor, or nil when it cannot be read.
func (l *lookups) actor(id string) *argmap.Actor {
	if a, ok := l.actors[id]; ok {
		return a
	}
	a, err := l.u.store.Actor(l.ctx, id)
	if err != nil {
		a = nil
	}
	l.actors[id] = a
	return a
}

// source returns the source (without its text), or nil.
func (l *lookups) source(id string) *argmap.Source {
	if s, ok := l.sources[id]; ok {
		return s
	}
	var s *argmap.Source
	if ss, err := l.u.store.SourcesByID(l.ctx, []string{id}); err == nil && len(ss) == 1 {
		s = &ss[0]
	}
	l.sources[id] = s
	return s
}

// roles returns the actors of refs with their roles, asserting first.
func (l *lookups) roles(refs []argmap.ActorRef) []actorRole {
	var out []actorRole
	for _, ref := range refs {
		a := l.actor(ref.ActorID)
		if a == nil {
			continue
		}
		out = append(out, actorRole{Actor: *a, Roles: []string{string(ref.Role)}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Roles[0] < out[j].Roles[0] })
	return out
}

// backings returns the supporting or contesting sources of an answer for
// showing, with their authors, posters, the voice of each passage and the
// actors their claims name as asserting; full shows quotes whole.
func (l *lookups) backings(bs []argmap.Backing, full bool) []backingView {
	var out []backingView
	for _, b := range bs {
		v := backingView{Source: b.Source, Posters: b.Posters, Path: b.Path, Direct: len(b.Path) == 0, Full: full,
			More: b.QuotesTotal - len(b.Quotes)}
		for _, q := range b.Quotes {
			v.Quotes = append(v.Quotes, voiceOf(q))
		}
		if s := l.source(b.Source.ID); s != nil {
			v.Authors = s.Authors
		}
		seen := map[string]bool{}
		for _, nid := range b.Nodes {
			if argmap.KindOf(nid) != argmap.KindClaim {
				continue
			}
			c, err := l.u.store.Claim(l.ctx, nid)
			if err != nil {
				continue
			}
			for _, ar := range l.roles(c.Actors) {
				if ar.Roles[0] == string(argmap.RoleAsserts) && !seen[ar.Actor.ID] {
					seen[ar.Actor.ID] = true
					v.Asserted = append(v.Asserted, ar)
				}
			}
		}
		out = append(out, v)
	}
	return out
}

// maxPropositions is how many matched propositions the search page lists
// unless full: the sources are the answer.
const maxPropositions = 8

// searchQuotes and claimQuotes are how many passages of each source the
// search page and a claim page show (full=1 shows them all).
const (
	searchQuotes = 3
	claimQuotes  = argmap.DefaultAnswerQuotes
)

// shortened reports whether a page that is not in full leaves out or cuts
// a passage of vs: a passage past the first few, a quote or a chain's claim
// text longer than the page shows.
func shortened(vs []backingView) bool {
	for _, v := range vs {
		if v.More > 0 {
			return true
		}
		for _, q := range v.Quotes {
			if cut(q.Q.Quote, quoteChars) {
				return true
			}
			for _, c := range q.Q.Chain {
				if cut(c.From, chainChars) || cut(c.To, chainChars) {
					return true
				}
			}
		}
	}
	return false
}

// cut reports whether argmap.Clip(s, n) leaves part of s out.
func cut(s string, n int) bool {
	return len([]rune(strings.Join(strings.Fields(s), " "))) > n
}

// quoteChars and chainChars are how much of a quote and of a chain's claim
// text a page shows when not in full.
const (
	quoteChars = 320
	chainChars = 90
)

// statedView is one source stating a proposition, with the passages.
type statedView struct {
	Source   argmap.Source
	Passages []passage
}

// passage is one span stating a proposition, by one of its claims.
type passage struct {
	Span  argmap.Span
	Claim string
	This  bool // the claim of the page
}

// statedIn groups the spans of the claims of cl's proposition by source:
// the proposition is shown once, with every source and passage stating it,
// the page's own sources first.
func (u *UI) statedIn(ctx context.Context, cl *argmap.Claim, members []argmap.Claim) ([]statedView, error) {
	if !containsClaim(members, cl.ID) {
		members = append([]argmap.Claim{*cl}, members...)
	}
	bySource := map[string]*statedView{}
	var ids []string
	own := map[string]bool{}
	for _, m := range members {
		for _, sp := range m.Spans {
			v, ok := bySource[sp.SourceID]
			if !ok {
				v = &statedView{Source: argmap.Source{ID: sp.SourceID, Title: sp.SourceID}}
				bySource[sp.SourceID] = v
				ids = append(ids, sp.SourceID)
			}
			v.Passages = append(v.Passages, passage{Span: sp, Claim: m.ID, This: m.ID == cl.ID})
			if m.ID == cl.ID {
				own[sp.SourceID] = true
			}
		}
	}
	srcs, err := u.store.SourcesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, s := range srcs {
		bySource[s.ID].Source = s
	}
	out := make([]statedView, 0, len(ids))
	for _, id := range ids {
		v := bySource[id]
		sort.SliceStable(v.Passages, func(i, j int) bool { return v.Passages[i].Span.Start < v.Passages[j].Span.Start })
		out = append(out, *v)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if own[out[i].Source.ID] != own[out[j].Source.ID] {
			return own[out[i].Source.ID]
		}
		return strings.ToLower(out[i].Source.Title) < strings.ToLower(out[j].Source.Title)
	})
	return out, nil
}

func containsClaim(cs []argmap.Claim, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// semanticsOf names the semantics of an evaluation, or "".
func semanticsOf(ev *evaluation) string {
	if ev == nil {
		return ""
	}
	return ev.Semantics
}

// textOf returns a short text of a claim, evidence or relation for a list.
func (u *UI) textOf(r *http.Request, id string) string {
	ctx := r.Context()
	switch argmap.KindOf(id) {
	case argmap.KindClaim:
		if c, err := u.store.Claim(ctx, id); err == nil {
			return argmap.Clip(c.Text, 160)
		}
	case argmap.KindEvidence:
		if e, err := u.store.Evidence(ctx, id); err == nil {
			return argmap.Clip(e.Text, 160)
		}
	case argmap.KindRelation:
		if rel, err := u.store.Relation(ctx, id); err == nil {
			return argmap.InferenceName(rel, func(id string) string { return u.textOf(r, id) })
		}
	}
	return id
}

// actor shows what an actor asserts, disputes and is named in.
func (u *UI) actor(w http.ResponseWriter, r *http.Request) {
	id, err := idOf(r, argmap.KindActor)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	a, err := u.store.Actor(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	cls, err := u.store.Claims(ctx, argmap.ClaimFilter{ActorID: id, Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	// Each claim is listed with the document stating it, so a reader sees
	// where the actor comes up.
	titles := map[string]string{}
	by := map[argmap.Role][]actorClaim{}
	for _, c := range cls {
		ac := actorClaim{Claim: c}
		if len(c.Spans) > 0 {
			sid := c.Spans[0].SourceID
			if _, ok := titles[sid]; !ok {
				titles[sid] = u.sourceTitle(r, sid)
			}
			ac.Source = titles[sid]
		}
		for _, ref := range c.Actors {
			if ref.ActorID == id {
				by[ref.Role] = append(by[ref.Role], ac)
			}
		}
	}
	all, err := u.store.Actors(ctx, argmap.ActorFilter{Page: argmap.Page{Limit: argmap.MaxLimit}})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	others := make([]argmap.Actor, 0, len(all))
	for _, o := range all {
		if o.ID != id {
			others = append(others, o)
		}
	}
	sort.SliceStable(others, func(i, j int) bool { return strings.ToLower(others[i].Name) < strings.ToLower(others[j].Name) })
	u.render(w, r, http.StatusOK, "actor", page{Title: a.Name, Nav: "actors", Data: struct {
		Actor    *argmap.Actor
		Asserts  []actorClaim
		Disputes []actorClaim
		Named    []actorClaim
		Others   []argmap.Actor
	}{a, by[argmap.RoleAsserts], by[argmap.RoleDisputes], by[argmap.RoleNamed], others}})
}

// actorClaim is a claim on an actor's page with the title of the source
// stating it ("" when it has none).
type actorClaim struct {
	argmap.Claim
	Source string
}

// search finds claims by text and answers who supports or contests the best
// match.
func (u *UI) search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	if len(q) > argmap.MaxTextLen {
		u.fail(w, r, argmap.Errorf(argmap.EINVALID, "the question is longer than %d bytes", argmap.MaxTextLen))
		return
	}
	full, err := fullOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	data := struct {
		Hits         []argmap.ClaimHit
		Answer       *argmap.SupportAnswer
		Propositions []propositionView
		Supporting   []backingView
		Contesting   []backingView
		Page         answerView
		Verdict      string
		Semantics    string
		Labels       *evaluation
		Actors       []argmap.Actor
		Full         bool // every passage, whole quotes
		Shortened    bool // some passage or quote is left out or cut
		MoreProps    int  // propositions left out (full shows them)
	}{Full: full}
	if q != "" {
		ctx, cancel := withTimeout(r)
		defer cancel()
		var err error
		if data.Hits, err = u.store.SearchClaims(ctx, q, 20); err != nil {
			u.fail(w, r, err)
			return
		}
		if data.Actors, err = u.store.Actors(ctx, argmap.ActorFilter{Query: q, Page: argmap.Page{Limit: 10}}); err != nil {
			u.fail(w, r, err)
			return
		}
		if len(data.Hits) > 0 {
			// a question in words looks argmap.DefaultTextDepth deep: the
			// sources that state or deny it and those one relation away
			pg, err := answerPageOf(r, full, q, 0, searchQuotes)
			if err != nil {
				u.fail(w, r, err)
				return
			}
			ans, err := argmap.FindSupportersPage(ctx, u.store, u.opt.Judge, q, 0, pg)
			if err != nil && !argmap.IsNotFound(err) {
				u.fail(w, r, err)
				return
			}
			data.Answer = ans
			ev, err := u.evaluate(ctx)
			if err != nil {
				u.fail(w, r, err)
				return
			}
			data.Labels = ev
			if ans != nil {
				lk := u.lookups(ctx)
				data.Propositions = propositionsOf(ans.Propositions, ev)
				if n := len(data.Propositions); n > maxPropositions && !full {
					data.Propositions, data.MoreProps = data.Propositions[:maxPropositions], n-maxPropositions
				}
				data.Supporting, data.Contesting = lk.backings(ans.Supporting, full), lk.backings(ans.Contesting, full)
				data.Page = answerLinks(r, ans, pg, data.Supporting, data.Contesting)
				data.Shortened = !full && (data.MoreProps > 0 || shortened(data.Supporting) || shortened(data.Contesting))
				data.Verdict, data.Semantics = verdictOf(data.Propositions), semanticsOf(ev)
			}
		}
	}
	u.render(w, r, http.StatusOK, "search", page{Title: "Search", Query: q, Nav: "search", Data: data})
}

// mainClaim is a main claim with the document that states it.
type mainClaim struct {
	Claim  argmap.Claim
	Source string
}

// explore shows one map at a time: the neighbourhood of a chosen claim (by
// default a main claim), with the main claims of every document to choose
// from.
func (u *UI) explore(w http.ResponseWriter, r *http.Request) {
	depth, err := u.depthOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	labels, err := labelsOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ctx, cancel := withTimeout(r)
	defer cancel()
	focus := r.URL.Query().Get("focus")
	switch argmap.KindOf(focus) {
	case argmap.KindClaim, argmap.KindEvidence, "":
	default:
		u.fail(w, r, argmap.Errorf(argmap.EINVALID, "focus must be a claim or evidence ID"))
		return
	}
	var mains []mainClaim
	after := ""
	for {
		cls, err := u.store.Claims(ctx, argmap.ClaimFilter{Page: argmap.Page{Limit: argmap.MaxLimit, After: after}})
		if err != nil {
			u.fail(w, r, err)
			return
		}
		for _, c := range cls {
			if c.Main {
				m := mainClaim{Claim: c}
				if len(c.Spans) > 0 {
					if s := u.sourceTitle(r, c.Spans[0].SourceID); s != "" {
						m.Source = s
					}
				}
				mains = append(mains, m)
			}
		}
		if len(cls) < argmap.MaxLimit || len(mains) > 200 {
			break
		}
		after = cls[len(cls)-1].ID
	}
	sort.SliceStable(mains, func(i, j int) bool { return mains[i].Source < mains[j].Source })
	if focus == "" && len(mains) > 0 {
		focus = mains[0].Claim.ID
	}
	text := ""
	if focus != "" {
		text = u.textOf(r, focus)
		if text == focus {
			u.fail(w, r, argmap.Errorf(argmap.ENOTFOUND, "no claim or evidence %s", argmap.Clip(focus, 40)))
			return
		}
	}
	comps, single, err := u.components(ctx)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	u.render(w, r, http.StatusOK, "explore", page{Title: "Explore", Nav: "explore", Data: struct {
		Mains      []mainClaim
		Focus      string
		Text       string
		Depth      int
		Depths     []int
		Components []component
		Single     int
		Labels     bool
	}{mains, focus, text, depth, []int{1, 2, 3, 4, 5}, comps, single, labels}})
}

// sourceTitle returns a source's title, or "" when it cannot be read.
func (u *UI) sourceTitle(r *http.Request, id string) string {
	s, err := u.store.Source(r.Context(), id)
	if err != nil {
		return ""
	}
	return s.Title
}

// printLimit bounds the claims and evidence of a printed claim map.
const printLimit = 24

// print shows one map on its own for printing: a claim's neighbourhood or a
// document's argument.
func (u *UI) print(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	depth, err := u.depthOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if r.URL.Query().Get("depth") == "" {
		depth = 1 // a page holds a small neighbourhood readably
	}
	labels, err := labelsOf(r)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	// Across by default: a claim's supporters then stack in a column that a
	// portrait page holds, instead of a row too wide to read.
	layout := "across"
	switch v := r.URL.Query().Get("layout"); v {
	case "":
	case "up", "across":
		layout = v
	default:
		u.fail(w, r, argmap.Errorf(argmap.EINVALID, "layout must be up or across"))
		return
	}
	var title, mapURL string
	switch argmap.KindOf(id) {
	case argmap.KindClaim:
		c, err := u.store.Claim(r.Context(), id)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		title = c.Text
		// At most printLimit claims and evidence, the nearest: more do not
		// stay readable on one page.
		mapURL = "/v1/claims/" + id + "/map.svg?depth=" + strconv.Itoa(depth) + "&limit=" + strconv.Itoa(printLimit) + "&layout=" + layout
	case argmap.KindSource:
		s, err := u.store.Source(r.Context(), id)
		if err != nil {
			u.fail(w, r, err)
			return
		}
		title = s.Title
		mapURL = "/v1/sources/" + id + "/map.svg?layout=" + layout
	default:
		u.fail(w, r, argmap.Errorf(argmap.ENOTFOUND, "%q is not a claim or document ID", argmap.Clip(id, 40)))
		return
	}
	if labels {
		mapURL += "&evaluate=true" // badges name the labels, so they read in black and white too
	}
	var depths []int
	if argmap.KindOf(id) == argmap.KindClaim {
		depths = []int{1, 2, 3, 4}
	}
	u.render(w, r, http.StatusOK, "print", page{Title: argmap.Clip(title, 80), Data: struct {
		ID, Title, Map string
		Depth          int
		Depths         []int
		Layout         string
		Labels         bool
	}{id, title, mapURL, depth, depths, layout, labels}})
}
