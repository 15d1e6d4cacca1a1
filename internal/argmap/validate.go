package argmap

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Limits on the size of stored values.
const (
	MaxTextLen      = 10000    // bytes of a claim's or evidence's text
	MaxNameLen      = 500      // bytes of an actor name, title, alias
	MaxSourceLen    = 64 << 20 // bytes of a source's text
	MaxPremises     = 32       // claims or evidence in one relation's From
	MaxSectionDepth = 6        // headings in a claim's Section
	MaxActorRefs    = 256      // actors of one claim
	MaxAliases      = 256      // aliases of one actor
	MaxSpans        = 1024     // spans of one claim or evidence
	MaxAuthors      = 256      // authors of one source
)

// checkLen reports a list longer than max and tells whether its items are
// worth checking one by one: a list over its bound is refused as a whole.
func checkLen(p *problems, field string, n, max int) bool {
	if n > max {
		p.addf("%s has %d entries, more than the %d allowed", field, n, max)
		return false
	}
	return true
}

func checkText(p *problems, field, s string, max int, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		p.addf("%s is required", field)
	case !utf8.ValidString(s):
		p.addf("%s is not valid UTF-8", field)
	case len(s) > max:
		p.addf("%s is longer than %d bytes", field, max)
	case strings.ContainsRune(s, 0):
		p.addf("%s contains a NUL byte", field)
	}
}

func checkID(p *problems, field, id string, kinds ...NodeKind) {
	if id == "" {
		p.addf("%s is required", field)
		return
	}
	k := KindOf(id)
	for _, want := range kinds {
		if k == want {
			return
		}
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	p.addf("%s %q is not a %s ID", field, id, strings.Join(names, " or "))
}

func checkScore(p *problems, field string, s float64) {
	if s < 0 || s > 1 || s != s {
		p.addf("%s must be between 0 and 1", field)
	}
}

func checkSpans(p *problems, field string, spans []Span) {
	if !checkLen(p, field, len(spans), MaxSpans) {
		return
	}
	for i, s := range spans {
		f := fmt.Sprintf("%s[%d]", field, i)
		checkSpan(p, f, s)
	}
}

func checkSpan(p *problems, field string, s Span) {
	checkID(p, field+".source_id", s.SourceID, KindSource)
	if s.Start < 0 || s.End < s.Start {
		p.addf("%s has an invalid range %d..%d", field, s.Start, s.End)
	}
}

func checkOrigin(p *problems, field string, o Origin) {
	switch o {
	case OriginExtracted, OriginCurated, OriginLinked:
	default:
		p.addf("%s %q is not one of extracted, curated, linked", field, o)
	}
}

// Validate reports every problem with s at once, as an EINVALID error.
func (s *Source) Validate() error {
	var p problems
	checkID(&p, "id", s.ID, KindSource)
	checkText(&p, "title", s.Title, MaxNameLen*4, true)
	checkText(&p, "text", s.Text, MaxSourceLen, false)
	checkText(&p, "uri", s.URI, 4096, false)
	for i, a := range s.Authors {
		if !checkLen(&p, "authors", len(s.Authors), MaxAuthors) {
			break
		}
		checkText(&p, fmt.Sprintf("authors[%d]", i), a, MaxNameLen, true)
	}
	return p.err()
}

// Validate reports every problem with c at once, as an EINVALID error.
func (c *Claim) Validate() error {
	var p problems
	checkID(&p, "id", c.ID, KindClaim)
	checkText(&p, "text", c.Text, MaxTextLen, true)
	checkText(&p, "gist", c.Gist, MaxTextLen, false)
	checkText(&p, "title", c.Title, MaxNameLen, false)
	if len(c.Section) > MaxSectionDepth {
		p.addf("section is deeper than %d headings", MaxSectionDepth)
	}
	for i, h := range c.Section {
		checkText(&p, fmt.Sprintf("section[%d]", i), h, MaxNameLen, true)
	}
	switch c.Kind {
	case "", ClaimArgument:
	default:
		p.addf("kind %q is not one of \"\", %s", c.Kind, ClaimArgument)
	}
	if c.Proposition != "" {
		checkID(&p, "proposition", c.Proposition, KindClaim)
	}
	checkKeys(&p, "keys", c.Keys)
	checkOrigin(&p, "origin", c.Origin)
	checkScore(&p, "score", c.Score)
	checkSpans(&p, "spans", c.Spans)
	checkText(&p, "issue", c.Issue, MaxNameLen, false)
	switch c.Standard {
	case "", StandardPE, StandardCCE, StandardBRD, StandardDV:
	default:
		p.addf("standard %q is not one of pe, cce, brd, dv", c.Standard)
	}
	checkActorRefs(&p, c.Actors)
	checkReferent(&p, c.Referent)
	return p.err()
}

// checkReferent checks the referent of a claim or evidence, if it has one.
func checkReferent(p *problems, r *Referent) {
	if r == nil {
		return
	}
	checkText(p, "referent.words", r.Words, MaxReferentLen, true)
	checkText(p, "referent.text", r.Text, MaxReferentLen, true)
	checkSpan(p, "referent.span", r.Span)
	checkText(p, "referent.span.quote", r.Span.Quote, MaxTextLen, false)
}

// checkActorRefs checks the actor references of a claim or evidence.
func checkActorRefs(p *problems, refs []ActorRef) {
	for i, a := range refs {
		if !checkLen(p, "actors", len(refs), MaxActorRefs) {
			break
		}
		checkID(p, fmt.Sprintf("actors[%d].actor_id", i), a.ActorID, KindActor)
		switch a.Role {
		case RoleAsserts, RoleDisputes, RoleNamed:
		default:
			p.addf("actors[%d].role %q is not one of asserts, disputes, named", i, a.Role)
		}
	}
}

// Validate reports every problem with e at once, as an EINVALID error.
func (e *Evidence) Validate() error {
	var p problems
	checkID(&p, "id", e.ID, KindEvidence)
	checkText(&p, "text", e.Text, MaxTextLen, true)
	checkText(&p, "kind", e.Kind, MaxNameLen, false)
	checkOrigin(&p, "origin", e.Origin)
	checkScore(&p, "score", e.Score)
	checkSpans(&p, "spans", e.Spans)
	checkActorRefs(&p, e.Actors)
	checkReferent(&p, e.Referent)
	return p.err()
}

// Validate reports every problem with a at once, as an EINVALID error.
func (a *Actor) Validate() error {
	var p problems
	checkID(&p, "id", a.ID, KindActor)
	checkText(&p, "name", a.Name, MaxNameLen, true)
	for i, al := range a.Aliases {
		if !checkLen(&p, "aliases", len(a.Aliases), MaxAliases) {
			break
		}
		checkText(&p, fmt.Sprintf("aliases[%d]", i), al, MaxNameLen, true)
	}
	return p.err()
}

// Validate reports every problem with r at once, as an EINVALID error. It checks
// the shape only; whether the endpoints exist is the store's business.
func (r *Relation) Validate() error {
	var p problems
	checkID(&p, "id", r.ID, KindRelation)
	switch r.Kind {
	case Supports, Contests:
	default:
		p.addf("kind %q is not one of supports, contests", r.Kind)
	}
	if len(r.From) == 0 && r.Kind != Supports {
		p.addf("from needs at least one claim or evidence ID")
	}
	if len(r.From) > MaxPremises {
		p.addf("from has more than %d premises", MaxPremises)
	}
	seen := map[string]bool{}
	for i, f := range r.From {
		if i == MaxPremises {
			break
		}
		checkID(&p, fmt.Sprintf("from[%d]", i), f, KindClaim, KindEvidence)
		if seen[f] {
			p.addf("from[%d] %q is listed twice", i, f)
		}
		seen[f] = true
		if f == r.To && r.Kind != Contests {
			p.addf("from[%d] is the same as to: a node cannot bear on itself", i)
		}
	}
	checkID(&p, "to", r.To, KindClaim, KindRelation)
	checkText(&p, "title", r.Title, MaxNameLen, false)
	checkText(&p, "scheme", r.Scheme, MaxNameLen, false)
	if r.To == r.ID && r.ID != "" {
		p.addf("a relation cannot target itself")
	}
	checkOrigin(&p, "origin", r.Origin)
	checkScore(&p, "score", r.Score)
	if r.Span != nil {
		checkSpan(&p, "span", *r.Span)
	}
	return p.err()
}

// Validate reports every problem with c at once, as an EINVALID error.
func (c *Citation) Validate() error {
	var p problems
	checkID(&p, "id", c.ID, KindCitation)
	checkID(&p, "source_id", c.SourceID, KindSource)
	checkText(&p, "author", c.Author, MaxNameLen, true)
	checkText(&p, "year", c.Year, 16, true)
	checkText(&p, "text", c.Text, MaxTextLen, false)
	if c.CitedID != "" {
		checkID(&p, "cited_id", c.CitedID, KindSource)
	}
	return p.err()
}

// Validate checks every record in g and that g is closed under reference
// except for IDs listed in known (records already stored), reporting the
// problems at once as an EINVALID error. Spans must lie inside their source's
// text when the source is in g. It is CheckRecords then CheckReferences.
func (g *Graph) Validate(known func(id string) bool) error {
	var k func(context.Context, string) (bool, error)
	if known != nil {
		k = func(_ context.Context, id string) (bool, error) { return known(id), nil }
	}
	return g.ValidateContext(context.Background(), k)
}

// ValidateContext is Validate with a lookup that may fail and a context that
// may end: their errors stop the check and are returned as they are.
func (g *Graph) ValidateContext(ctx context.Context, known func(ctx context.Context, id string) (bool, error)) error {
	var p problems
	g.checkRecords(&p)
	if err := g.checkReferences(ctx, &p, known); err != nil {
		return err
	}
	return p.err()
}

// CheckRecords checks every record of g on its own, that no ID appears twice,
// and that spans lie inside the text of sources in g, reporting the problems
// at once as an EINVALID error (the first MaxProblems of them). It needs no
// store and runs in time linear in the size of g: stores run it before they
// take their write lock.
func (g *Graph) CheckRecords() error {
	var p problems
	g.checkRecords(&p)
	return p.err()
}

func (g *Graph) checkRecords(p *problems) {
	ids := make(map[string]bool, len(g.Sources)+len(g.Claims)+len(g.Evidence)+len(g.Relations))
	add := func(what string, i int, id string, err error) {
		if err != nil {
			p.addf("%s[%d] %s: %s", what, i, id, ErrorMessage(err))
		}
		if id != "" {
			if ids[id] {
				p.addf("%s[%d]: duplicate ID %s", what, i, id)
			}
			ids[id] = true
		}
	}
	texts := map[string]int{}
	for i := range g.Sources {
		s := &g.Sources[i]
		add("sources", i, s.ID, s.Validate())
		texts[s.ID] = len(s.Text)
		if s.Text == "" {
			texts[s.ID] = -1
		}
	}
	for i := range g.Actors {
		add("actors", i, g.Actors[i].ID, g.Actors[i].Validate())
	}
	for i := range g.Claims {
		add("claims", i, g.Claims[i].ID, g.Claims[i].Validate())
	}
	for i := range g.Evidence {
		add("evidence", i, g.Evidence[i].ID, g.Evidence[i].Validate())
	}
	for i := range g.Relations {
		add("relations", i, g.Relations[i].ID, g.Relations[i].Validate())
	}
	for i := range g.Citations {
		add("citations", i, g.Citations[i].ID, g.Citations[i].Validate())
	}
	inside := func(where string, s Span) {
		if n, ok := texts[s.SourceID]; ok && n >= 0 && s.End > n {
			p.addf("%s: span %d..%d lies outside the source text (%d bytes)", where, s.Start, s.End, n)
		}
	}
	for _, c := range g.Claims {
		for _, s := range c.Spans {
			inside("claim "+c.ID, s)
		}
	}
	for _, e := range g.Evidence {
		for _, s := range e.Spans {
			inside("evidence "+e.ID, s)
		}
	}
	for _, r := range g.Relations {
		if r.Span != nil {
			inside("relation "+r.ID, *r.Span)
		}
	}
}

// CheckReferences checks that every ID a record of g refers to is a record of
// g or one that known reports stored (nil knows nothing), reporting the
// problems as an EINVALID error. Each ID is looked up once, the lookups stop
// once MaxProblems problems are found, and an error from known or the end of
// ctx stops the check and is returned as it is. Run CheckRecords first: the
// lists it bounds bound the lookups here.
func (g *Graph) CheckReferences(ctx context.Context, known func(ctx context.Context, id string) (bool, error)) error {
	var p problems
	if err := g.checkReferences(ctx, &p, known); err != nil {
		return err
	}
	return p.err()
}

func (g *Graph) checkReferences(ctx context.Context, p *problems, known func(ctx context.Context, id string) (bool, error)) error {
	ids := make(map[string]bool, len(g.Sources)+len(g.Claims)+len(g.Evidence)+len(g.Relations))
	for _, s := range g.Sources {
		ids[s.ID] = true
	}
	for _, a := range g.Actors {
		ids[a.ID] = true
	}
	for _, c := range g.Claims {
		ids[c.ID] = true
	}
	for _, e := range g.Evidence {
		ids[e.ID] = true
	}
	for _, r := range g.Relations {
		ids[r.ID] = true
	}
	for _, c := range g.Citations {
		ids[c.ID] = true
	}
	stored := map[string]bool{}
	var stop error
	lookups := 0
	has := func(id string) bool {
		if ids[id] {
			return true
		}
		if ok, seen := stored[id]; seen {
			return ok
		}
		if known == nil {
			return false
		}
		if lookups%256 == 0 {
			if err := ctx.Err(); err != nil {
				stop = err
				return false
			}
		}
		lookups++
		ok, err := known(ctx, id)
		if err != nil {
			stop = err
			return false
		}
		stored[id] = ok
		return ok
	}
	ref := func(format, owner, id string) {
		if stop != nil || p.truncated {
			return
		}
		if p.full() {
			// Each further reference would cost a lookup: stop here.
			p.truncated = true
			return
		}
		if !has(id) {
			p.addf(format, owner, id)
		}
	}
	for _, c := range g.Claims {
		for _, s := range c.Spans {
			ref("claim %s: unknown source %s", c.ID, s.SourceID)
		}
		for _, a := range c.Actors {
			ref("claim %s: unknown actor %s", c.ID, a.ActorID)
		}
	}
	for _, e := range g.Evidence {
		for _, s := range e.Spans {
			ref("evidence %s: unknown source %s", e.ID, s.SourceID)
		}
		for _, a := range e.Actors {
			ref("evidence %s: unknown actor %s", e.ID, a.ActorID)
		}
	}
	for _, r := range g.Relations {
		for _, f := range r.From {
			ref("relation %s: unknown from %s", r.ID, f)
		}
		if r.To != "" {
			ref("relation %s: unknown to %s", r.ID, r.To)
		}
		if r.Span != nil {
			ref("relation %s: unknown source %s", r.ID, r.Span.SourceID)
		}
	}
	for _, c := range g.Citations {
		ref("citation %s: unknown source %s", c.ID, c.SourceID)
		if c.CitedID != "" {
			ref("citation %s: unknown cited source %s", c.ID, c.CitedID)
		}
	}
	return stop
}

// checkKeys checks a claim's link signature keys.
func checkKeys(p *problems, field string, keys []string) {
	if len(keys) > MaxClaimKeys {
		p.addf("%s: %d, more than %d", field, len(keys), MaxClaimKeys)
	}
	for i, k := range keys {
		if k == "" || len(k) > MaxNameLen || !utf8.ValidString(k) {
			p.addf("%s[%d] is empty, longer than %d bytes or not UTF-8", field, i, MaxNameLen)
			break
		}
	}
}

// ValidateClaimKeys checks the keys given to KeyedClaims.AddClaimKeys (claim
// ID -> keys): EINVALID with every problem.
func ValidateClaimKeys(keys map[string][]string) error {
	var p problems
	ids := make([]string, 0, len(keys))
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if p.full() {
			break
		}
		checkID(&p, "claim", id, KindClaim)
		checkKeys(&p, "keys of "+id, keys[id])
	}
	return p.err()
}
