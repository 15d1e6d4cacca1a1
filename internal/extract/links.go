package extract

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/cite"
	"github.com/argmap/argmap/internal/extract/meta"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// The links stage: the units become the draft graph. The source record
// (title, authors, date from the document's structure, then its text), a
// claim or evidence node for every argumentative unit with its gist and
// actors, the relations the structure stage decoded, the citations, and
// who asserts each claim.

// link is the links stage.
func link(ctx context.Context, d *state) (*argmap.Graph, error) {
	dec, text, hash, units, mentions := d.dec, d.text, d.hash, d.units, d.mentions
	scope := argmap.Scope(hash) // of every node ID derived from the document
	segs, actors := d.segs, d.actors
	src := argmap.Source{
		ID:          argmap.DerivedID(argmap.KindSource, hash),
		URI:         d.uri,
		ContentHash: hash,
		Text:        dec.text,
		Kind:        argmap.SourceDocument,
	}
	g := &argmap.Graph{}
	ids := map[string]string{} // actor IDs, each hashed once
	actorID := func(name string) string {
		id, ok := ids[name]
		if !ok {
			id = argmap.ActorID(name)
			ids[name] = id
		}
		return id
	}
	md := meta.Detect(metaText(dec), d.name)
	src.Title = chooseTitle(dec, md, text, segs, d.headline, units, d.name)
	if len(dec.authors) > 0 {
		md.Authors = dec.authors
	}
	if dec.date != "" && !(dec.binary && md.Date != "") {
		md.Date = dec.date // a PDF's creation date may be a scan's: its text's date first
	}
	for _, a := range md.Authors {
		if a = strings.TrimSpace(a); a != "" && len(a) <= argmap.MaxNameLen {
			src.Authors = append(src.Authors, a)
		}
	}
	src.Date, src.Venue, src.DOI = md.Date, clip(md.Venue, 2000), clip(md.DOI, 2000)
	if src.Date == "" {
		src.Date = md.Year
	}
	if md.Kind != "" {
		src.Kind = md.Kind
	}
	src.Title = cleanField(src.Title, 2000)
	if strings.TrimSpace(src.Title) == "" {
		src.Title = "untitled document"
	}
	src.URI = cleanField(src.URI, 4096)
	src.Venue, src.DOI, src.Date = cleanField(src.Venue, 2000), cleanField(src.DOI, 2000), cleanField(src.Date, 64)
	authors := src.Authors[:0]
	for _, a := range src.Authors {
		if a = strings.TrimSpace(cleanField(a, argmap.MaxNameLen)); a != "" {
			authors = append(authors, a)
		}
	}
	src.Authors = authors
	g.Sources = append(g.Sources, src)
	nClaims, nEvidence := 0, 0
	for i := range units {
		switch units[i].Label {
		case LabelClaim:
			nClaims++
		case LabelEvidence:
			nEvidence++
		}
	}
	// sized once: a Claim is large, and growing the slice copied them
	if nClaims > 0 { // none stays nil
		g.Claims = make([]argmap.Claim, 0, nClaims)
	}
	if nEvidence > 0 {
		g.Evidence = make([]argmap.Evidence, 0, nEvidence)
	}
	kept := make([]*unit, 0, nClaims+nEvidence)
	// each claim's and evidence's one span, cut from one array and capped
	// there (an append to one copies it)
	spans := make([]argmap.Span, 0, nClaims+nEvidence)
	// and their actor links, cut from one array: a claim's part has room
	// for its speakers and named actors and is capped there
	var refs []argmap.ActorRef
	refsFor := func(u *unit) []argmap.ActorRef {
		n := len(u.speakers) + len(u.named)
		if n == 0 {
			return nil
		}
		if cap(refs)-len(refs) < n {
			refs = make([]argmap.ActorRef, 0, max(n, 2*(nClaims+nEvidence)))
		}
		out := refs[len(refs) : len(refs) : len(refs)+n]
		refs = refs[:len(refs)+n]
		return out
	}
	gm := newGistMemo()
	for i := range units {
		u := &units[i]
		if u.Label == LabelOther {
			continue
		}
		n := strconv.Itoa(len(kept))
		span := argmap.Span{SourceID: src.ID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]}
		spans = append(spans, span)
		one := spans[len(spans)-1 : len(spans) : len(spans)]
		switch u.Label {
		case LabelClaim:
			u.id = argmap.ScopedID(argmap.KindClaim, scope, hash, n)
			c := argmap.Claim{
				ID: u.id, Text: unitText(span.Quote, dec.format), Origin: argmap.OriginExtracted, Score: u.Score,
				Cues: u.Cues, Spans: one,
			}
			var needsContext bool
			if c.Gist, needsContext, c.Referent = claimGist(text, units, i, mentions, d.dominant, gm); needsContext {
				c.Cues = append(c.Cues[:len(c.Cues):len(c.Cues)], argmap.CueNeedsContext)
			}
			if c.Referent != nil {
				c.Referent.Span.SourceID = src.ID
			}
			c.Actors = refsFor(u) // sized once; at least one is appended below when not nil
			for _, s := range u.speakers {
				c.Actors = append(c.Actors, argmap.ActorRef{ActorID: actorID(s), Role: argmap.RoleAsserts})
			}
			for _, a := range u.named {
				if !contains(u.speakers, a) {
					c.Actors = append(c.Actors, argmap.ActorRef{ActorID: actorID(a), Role: argmap.RoleNamed})
				}
			}
			g.Claims = append(g.Claims, c)
		case LabelEvidence:
			u.id = argmap.ScopedID(argmap.KindEvidence, scope, hash, n)
			e := argmap.Evidence{
				ID: u.id, Kind: u.Kind, Text: unitText(span.Quote, dec.format), Origin: argmap.OriginExtracted, Score: u.Score,
				Spans: one,
			}
			describes := func(w string) bool {
				return i > 0 && units[i-1].para == u.para && describable(w, mentionsIn(mentions, units[i-1].Start, units[i-1].End))
			}
			if opensReferring(span.Quote, describes) || pointsBackInside(span.Quote) {
				// what its subject (or a description after it) stands
				// for, read as a claim's is
				_, _, e.Referent = claimGist(text, units, i, mentions, d.dominant, gm)
				if e.Referent != nil {
					e.Referent.Span.SourceID = src.ID
				}
			}
			// the same links a claim gets: who states it, who it names
			e.Actors = refsFor(u)
			for _, s := range u.speakers {
				e.Actors = append(e.Actors, argmap.ActorRef{ActorID: actorID(s), Role: argmap.RoleAsserts})
			}
			for _, a := range u.named {
				if !contains(u.speakers, a) {
					e.Actors = append(e.Actors, argmap.ActorRef{ActorID: actorID(a), Role: argmap.RoleNamed})
				}
			}
			g.Evidence = append(g.Evidence, e)
		}
		kept = append(kept, u)
	}
	// actors named in argumentative units, or asserting them
	used := map[string]bool{}
	for _, u := range kept {
		for _, a := range u.named {
			used[a] = true
		}
		for _, a := range u.speakers {
			used[a] = true
		}
	}
	for _, a := range actors {
		if !used[a.Name] {
			continue
		}
		aliases := []string{}
		for _, al := range a.Aliases {
			if al != a.Name && len(al) <= argmap.MaxNameLen && strings.TrimSpace(al) != "" {
				aliases = append(aliases, al)
			}
		}
		g.Actors = append(g.Actors, argmap.Actor{ID: actorID(a.Name), Name: a.Name, Kind: a.Kind, Aliases: aliases})
		delete(used, a.Name)
	}
	// speakers the finder did not list (should not happen) still need nodes
	rest := make([]string, 0, len(used))
	for a := range used {
		rest = append(rest, a)
	}
	sort.Strings(rest)
	for _, a := range rest {
		g.Actors = append(g.Actors, argmap.Actor{ID: actorID(a), Name: a})
	}
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	relate(g, kept, src.ID, text, hash)
	citations(g, text, hash, segs, d.bibSegs, kept)
	tidyTitles(g, dec.format)
	attribute(g, newTokenCache(text, kept))
	return g, nil
}

// sourceNote reports whether u says where a statement came from ("Interview,
// City, Month, Year."): not a reason for anything.
func sourceNote(u *unit) bool { return len(u.Cues) > 0 && u.Cues[0] == SourceNoteCue }

// relate adds the relations the structure stage decoded between the units
// of one document and marks its central claims. A unit that contests a
// relation (an undercut) targets that relation's ID. Units in notes back
// the central claim.
func relate(g *argmap.Graph, units []*unit, srcID, text, hash string) {
	scope := argmap.Scope(hash)
	relID := map[*unit]string{}
	var central *unit // the first central claim (an essay's thesis; a later one restates it)
	mains := map[string]bool{}
	for _, u := range units {
		if u.arg.central && u.Label == LabelClaim {
			if central == nil {
				central = u
			}
			mains[u.id] = true
		}
	}
	// the relations' spans and From lists are cut from two arrays, not
	// allocated one by one: a unit makes at most one relation (the loops
	// below take units with a head and no undercut, units that undercut,
	// and notes with no head), so neither array grows; if one did, the
	// spans and lists cut before would stay in the array left behind,
	// whole and unchanged. Those units, counted first, size the arrays and
	// g.Relations' room (appended one by one it grew by doubling).
	most := 0
	for _, u := range units {
		if u.arg.head != nil || central != nil && u.sec == SectionNotes && u != central && !sourceNote(u) {
			most++
		}
	}
	spans := make([]argmap.Span, 0, most)
	froms := make([]string, 0, most)
	g.Relations = slices.Grow(g.Relations, most)
	add := func(u *unit, to string, kind argmap.RelationKind) string {
		if to == "" || to == u.id {
			return ""
		}
		id := argmap.ScopedID(argmap.KindRelation, scope, hash, string(kind), u.id, to)
		spans = append(spans, argmap.Span{SourceID: srcID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]})
		froms = append(froms, u.id)
		score := u.arg.score
		if score <= 0 {
			score = 0.3
		}
		g.Relations = append(g.Relations, argmap.Relation{
			ID: id, Kind: kind, From: froms[len(froms)-1 : len(froms) : len(froms)], To: to, Span: &spans[len(spans)-1],
			Origin: argmap.OriginExtracted, Score: float64(int(score*100+0.5)) / 100,
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
			if mains[g.Claims[i].ID] {
				g.Claims[i].Main = true
			}
		}
	}
}

// citations adds the document's citations to g: bibliography entries (each
// also a Source of kind "cited", which the citation points at) and author-year
// citations in running text. An in-text citation inside a claim becomes
// evidence of kind "citation" backing that claim.
func citations(g *argmap.Graph, text, hash string, segs []Segment, bibSegs map[int]bool, units []*unit) {
	scope := argmap.Scope(hash)
	srcID := g.Sources[0].ID
	seen := map[string]bool{}
	cited := map[string]bool{}
	addCitation := func(c cite.Citation, offset int) *argmap.Citation {
		if strings.TrimSpace(c.Author) == "" || strings.TrimSpace(c.Year) == "" {
			return nil
		}
		st, en := c.Start+offset, c.End+offset
		if st < 0 || en > len(text) || st > en {
			st, en = 0, 0
		}
		id := argmap.ScopedID(argmap.KindCitation, scope, hash, itoa(st), itoa(en), c.Author, c.Year)
		if seen[id] {
			return nil
		}
		seen[id] = true
		ct := argmap.Citation{ID: id, SourceID: srcID, Author: clip(c.Author, argmap.MaxNameLen), Year: clip(c.Year, 16), Start: st, End: en}
		if en > st {
			ct.Text = clip(text[st:en], argmap.MaxTextLen)
		}
		g.Citations = append(g.Citations, ct)
		return &g.Citations[len(g.Citations)-1]
	}
	for i, sg := range segs {
		if !bibSegs[i] {
			continue
		}
		c, ok := cite.Bibliography(text[sg.Start:sg.End])
		if !ok {
			continue
		}
		ct := addCitation(c, sg.Start)
		if ct == nil {
			continue
		}
		title := strings.TrimSpace(c.Title)
		norm := strings.ToLower(strings.Join(words(c.Author+" "+c.Year+" "+title), " "))
		sid := argmap.DerivedID(argmap.KindSource, "cited", norm)
		ct.CitedID = sid
		if cited[sid] {
			continue
		}
		cited[sid] = true
		if title == "" {
			title = c.Author + " " + c.Year
		}
		var authors []string
		for _, a := range c.Authors {
			if a = strings.TrimSpace(a); a != "" {
				authors = append(authors, clip(a, argmap.MaxNameLen))
			}
		}
		g.Sources = append(g.Sources, argmap.Source{
			ID: sid, Title: clip(title, 2000), Authors: authors, Date: c.Year, Kind: argmap.SourceCited,
			Venue: clip(c.Venue, 2000),
		})
	}
	// in-text citations outside bibliography segments
	// Segments are in text order: a binary search finds the one holding a
	// position (a scan of every segment per citation made a 50 MB document
	// quadratic).
	inBib := func(pos int) bool {
		i := sort.Search(len(segs), func(i int) bool { return segs[i].End > pos })
		return i < len(segs) && bibSegs[i] && pos >= segs[i].Start
	}
	k := 0
	for _, c := range cite.InText(text) {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || inBib(c.Start) {
			continue
		}
		if addCitation(c, 0) == nil {
			continue
		}
		// the claim it backs
		for k < len(units) && units[k].End <= c.Start {
			k++
		}
		if k < len(units) && units[k].Start <= c.Start && c.End <= units[k].End && units[k].Label == LabelClaim {
			u := units[k]
			eid := argmap.ScopedID(argmap.KindEvidence, scope, hash, "cite", itoa(c.Start), itoa(c.End))
			if seen[eid] {
				continue
			}
			seen[eid] = true
			sp := argmap.Span{SourceID: srcID, Start: c.Start, End: c.End, Quote: text[c.Start:c.End]}
			g.Evidence = append(g.Evidence, argmap.Evidence{
				ID: eid, Kind: argmap.EvidenceCitation, Text: sp.Quote, Origin: argmap.OriginExtracted, Score: 0.7,
				Spans: []argmap.Span{sp},
			})
			g.Relations = append(g.Relations, argmap.Relation{
				ID: argmap.ScopedID(argmap.KindRelation, scope, hash, "supports", eid, u.id), Kind: argmap.Supports,
				From: []string{eid}, To: u.id, Origin: argmap.OriginExtracted, Score: 0.7,
				Span: &argmap.Span{SourceID: srcID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]},
			})
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
