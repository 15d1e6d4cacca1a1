package argmap

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on the size of stored values.
const (
	MaxTextLen   = 10000    // bytes of a claim's or evidence's text
	MaxNameLen   = 500      // bytes of an actor name, title, alias
	MaxSourceLen = 64 << 20 // bytes of a source's text
	MaxPremises  = 32       // claims or evidence in one relation's From
)

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
	checkOrigin(&p, "origin", c.Origin)
	checkScore(&p, "score", c.Score)
	checkSpans(&p, "spans", c.Spans)
	for i, a := range c.Actors {
		checkID(&p, fmt.Sprintf("actors[%d].actor_id", i), a.ActorID, KindActor)
		switch a.Role {
		case RoleAsserts, RoleDisputes, RoleNamed:
		default:
			p.addf("actors[%d].role %q is not one of asserts, disputes, named", i, a.Role)
		}
	}
	return p.err()
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
	return p.err()
}

// Validate reports every problem with a at once, as an EINVALID error.
func (a *Actor) Validate() error {
	var p problems
	checkID(&p, "id", a.ID, KindActor)
	checkText(&p, "name", a.Name, MaxNameLen, true)
	for i, al := range a.Aliases {
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
	if len(r.From) == 0 {
		p.addf("from needs at least one claim or evidence ID")
	}
	if len(r.From) > MaxPremises {
		p.addf("from has more than %d premises", MaxPremises)
	}
	seen := map[string]bool{}
	for i, f := range r.From {
		checkID(&p, fmt.Sprintf("from[%d]", i), f, KindClaim, KindEvidence)
		if seen[f] {
			p.addf("from[%d] %q is listed twice", i, f)
		}
		seen[f] = true
		if f == r.To {
			p.addf("from[%d] is the same as to: a node cannot bear on itself", i)
		}
	}
	checkID(&p, "to", r.To, KindClaim, KindRelation)
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
// except for IDs listed in known (records already stored), reporting every
// problem at once as an EINVALID error. Spans must lie inside their source's
// text when the source is in g.
func (g *Graph) Validate(known func(id string) bool) error {
	var p problems
	ids := map[string]bool{}
	texts := map[string]int{}
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
	has := func(id string) bool { return ids[id] || (known != nil && known(id)) }
	spanOK := func(where string, s Span) {
		if !has(s.SourceID) {
			p.addf("%s: unknown source %s", where, s.SourceID)
			return
		}
		if n, ok := texts[s.SourceID]; ok && n >= 0 && s.End > n {
			p.addf("%s: span %d..%d lies outside the source text (%d bytes)", where, s.Start, s.End, n)
		}
	}
	for _, c := range g.Claims {
		for _, s := range c.Spans {
			spanOK("claim "+c.ID, s)
		}
		for _, a := range c.Actors {
			if !has(a.ActorID) {
				p.addf("claim %s: unknown actor %s", c.ID, a.ActorID)
			}
		}
	}
	for _, e := range g.Evidence {
		for _, s := range e.Spans {
			spanOK("evidence "+e.ID, s)
		}
	}
	for _, r := range g.Relations {
		for _, f := range r.From {
			if !has(f) {
				p.addf("relation %s: unknown from %s", r.ID, f)
			}
		}
		if r.To != "" && !has(r.To) {
			p.addf("relation %s: unknown to %s", r.ID, r.To)
		}
		if r.Span != nil {
			spanOK("relation "+r.ID, *r.Span)
		}
	}
	for _, c := range g.Citations {
		if !has(c.SourceID) {
			p.addf("citation %s: unknown source %s", c.ID, c.SourceID)
		}
		if c.CitedID != "" && !has(c.CitedID) {
			p.addf("citation %s: unknown cited source %s", c.ID, c.CitedID)
		}
	}
	return p.err()
}
