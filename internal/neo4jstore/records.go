package neo4jstore

import (
	"fmt"
	"sort"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// badRecord is the error of a record that does not have the expected shape:
// a bug or a database edited by hand, never the user's fault.
func badRecord(format string, args ...any) error {
	return argmap.WrapInternal(fmt.Errorf(format, args...), "read neo4j record")
}

// field returns the value of key in rec as a T. A null gives the zero T.
func field[T any](rec *neo4j.Record, key string) (T, error) {
	var zero T
	v, ok := rec.Get(key)
	if !ok {
		return zero, badRecord("record has no %q", key)
	}
	if v == nil {
		return zero, nil
	}
	t, ok := v.(T)
	if !ok {
		return zero, badRecord("%q is a %T, want %T", key, v, zero)
	}
	return t, nil
}

// one returns key of the only record; no record gives the zero T.
func one[T any](recs []*neo4j.Record, key string) (T, error) {
	var zero T
	switch len(recs) {
	case 0:
		return zero, nil
	case 1:
		return field[T](recs[0], key)
	}
	return zero, badRecord("got %d records, want 1", len(recs))
}

// column returns key of every record.
func column[T any](recs []*neo4j.Record, key string) ([]T, error) {
	out := make([]T, 0, len(recs))
	for _, r := range recs {
		v, err := field[T](r, key)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// props reads the properties of a node or a map projection.
type props map[string]any

// propsOf returns the properties of v, a node or a map.
func propsOf(v any) (props, error) {
	switch n := v.(type) {
	case dbtype.Node:
		return n.Props, nil
	case *dbtype.Node:
		return n.Props, nil
	case map[string]any:
		return n, nil
	}
	return nil, badRecord("got a %T, want a node or a map", v)
}

func (p props) str(key string) (string, error) {
	switch v := p[key].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	default:
		return "", badRecord("property %q is a %T, want a string", key, v)
	}
}

func (p props) int(key string) (int, error) {
	switch v := p[key].(type) {
	case nil:
		return 0, nil
	case int64:
		return int(v), nil
	default:
		return 0, badRecord("property %q is a %T, want an integer", key, v)
	}
}

func (p props) float(key string) (float64, error) {
	switch v := p[key].(type) {
	case nil:
		return 0, nil
	case float64:
		return v, nil
	case int64:
		return float64(v), nil
	default:
		return 0, badRecord("property %q is a %T, want a float", key, v)
	}
}

func (p props) bool(key string) (bool, error) {
	switch v := p[key].(type) {
	case nil:
		return false, nil
	case bool:
		return v, nil
	default:
		return false, badRecord("property %q is a %T, want a boolean", key, v)
	}
}

// strs reads a list of strings; an absent or empty list gives nil.
func (p props) strs(key string) ([]string, error) {
	switch v := p[key].(type) {
	case nil:
		return nil, nil
	case []string:
		if len(v) == 0 {
			return nil, nil
		}
		return append([]string(nil), v...), nil
	case []any:
		if len(v) == 0 {
			return nil, nil
		}
		out := make([]string, len(v))
		for i, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, badRecord("property %q holds a %T, want strings", key, x)
			}
			out[i] = s
		}
		return out, nil
	default:
		return nil, badRecord("property %q is a %T, want a list", key, v)
	}
}

// time reads Unix milliseconds as a UTC time.
func (p props) time(key string) (time.Time, error) {
	switch v := p[key].(type) {
	case nil:
		return time.Time{}, nil
	case int64:
		return time.UnixMilli(v).UTC(), nil
	default:
		return time.Time{}, badRecord("property %q is a %T, want Unix milliseconds", key, v)
	}
}

// reader collects the first error of a run of property reads.
type reader struct {
	p   props
	err error
}

func (r *reader) str(k string) string     { v, err := r.p.str(k); r.keep(err); return v }
func (r *reader) int(k string) int        { v, err := r.p.int(k); r.keep(err); return v }
func (r *reader) float(k string) float64  { v, err := r.p.float(k); r.keep(err); return v }
func (r *reader) bool(k string) bool      { v, err := r.p.bool(k); r.keep(err); return v }
func (r *reader) strs(k string) []string  { v, err := r.p.strs(k); r.keep(err); return v }
func (r *reader) time(k string) time.Time { v, err := r.p.time(k); r.keep(err); return v }
func (r *reader) keep(err error)          { r.err = firstErr(r.err, err) }

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// sourceFrom maps a Source node or projection.
func sourceFrom(v any) (argmap.Source, error) {
	p, err := propsOf(v)
	if err != nil {
		return argmap.Source{}, err
	}
	r := reader{p: p}
	s := argmap.Source{
		ID: r.str("id"), Title: r.str("title"), Authors: r.strs("authors"), Date: r.str("date"),
		Kind: r.str("kind"), URI: r.str("uri"), Venue: r.str("venue"), DOI: r.str("doi"),
		ContentHash: r.str("content_hash"), Text: r.str("text"), CreatedAt: r.time("created_at"),
	}
	return s, r.err
}

// spansFrom maps a list of {source_id, start, end, quote} maps, sorted by
// source, start and end.
func spansFrom(v any) ([]argmap.Span, error) {
	list, ok := v.([]any)
	if v == nil || (ok && len(list) == 0) {
		return nil, nil
	}
	if !ok {
		return nil, badRecord("spans is a %T, want a list", v)
	}
	out := make([]argmap.Span, 0, len(list))
	for _, x := range list {
		if x == nil {
			continue
		}
		p, err := propsOf(x)
		if err != nil {
			return nil, err
		}
		r := reader{p: p}
		out = append(out, argmap.Span{SourceID: r.str("source_id"), Start: r.int("start"), End: r.int("end"), Quote: r.str("quote")})
		if r.err != nil {
			return nil, r.err
		}
	}
	sortSpans(out)
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

func sortSpans(s []argmap.Span) {
	sort.Slice(s, func(i, j int) bool {
		a, b := s[i], s[j]
		if a.SourceID != b.SourceID {
			return a.SourceID < b.SourceID
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End < b.End
	})
}

// roleOf maps a role relationship type to a role.
var roleOf = map[string]argmap.Role{"ASSERTS": argmap.RoleAsserts, "DISPUTES": argmap.RoleDisputes, "NAMED_IN": argmap.RoleNamed}

// claimFrom maps a record of claims_by_ids: c (node), spans, actors.
func claimFrom(rec *neo4j.Record) (argmap.Claim, error) {
	v, _ := rec.Get("c")
	p, err := propsOf(v)
	if err != nil {
		return argmap.Claim{}, err
	}
	r := reader{p: p}
	c := argmap.Claim{
		ID: r.str("id"), Text: r.str("text"), Gist: r.str("gist"), Title: r.str("title"), Kind: r.str("kind"),
		Proposition: r.str("proposition"),
		Origin:      argmap.Origin(r.str("origin")),
		Score:       r.float("score"), Main: r.bool("main"), Cues: r.strs("cues"), Section: r.strs("section"), CreatedAt: r.time("created_at"),
		Assumed: r.bool("assumed"), Issue: r.str("issue"), Standard: r.str("standard"),
		Referent: referentOf(&r),
	}
	if r.err != nil {
		return argmap.Claim{}, r.err
	}
	sv, _ := rec.Get("spans")
	if c.Spans, err = spansFrom(sv); err != nil {
		return argmap.Claim{}, err
	}
	if c.Actors, err = actorRefsFrom(rec); err != nil {
		return argmap.Claim{}, err
	}
	return c, nil
}

// actorRefsFrom maps the actors column of a claims_by_ids or
// evidence_by_ids record: {actor_id, role (relationship type)} maps, sorted
// by actor and role.
func actorRefsFrom(rec *neo4j.Record) ([]argmap.ActorRef, error) {
	var out []argmap.ActorRef
	av, _ := rec.Get("actors")
	list, ok := av.([]any)
	if av != nil && !ok {
		return nil, badRecord("actors is a %T, want a list", av)
	}
	for _, x := range list {
		if x == nil {
			continue
		}
		ap, err := propsOf(x)
		if err != nil {
			return nil, err
		}
		ar := reader{p: ap}
		id, typ := ar.str("actor_id"), ar.str("role")
		if ar.err != nil {
			return nil, ar.err
		}
		role, ok := roleOf[typ]
		if !ok {
			return nil, badRecord("unknown role relationship %q", typ)
		}
		out = append(out, argmap.ActorRef{ActorID: id, Role: role})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ActorID != out[j].ActorID {
			return out[i].ActorID < out[j].ActorID
		}
		return out[i].Role < out[j].Role
	})
	return out, nil
}

// evidenceFrom maps a record of evidence_by_ids: e (node), spans, actors.
func evidenceFrom(rec *neo4j.Record) (argmap.Evidence, error) {
	v, _ := rec.Get("e")
	p, err := propsOf(v)
	if err != nil {
		return argmap.Evidence{}, err
	}
	r := reader{p: p}
	e := argmap.Evidence{
		ID: r.str("id"), Kind: r.str("kind"), Text: r.str("text"), Origin: argmap.Origin(r.str("origin")),
		Score: r.float("score"), CreatedAt: r.time("created_at"), Referent: referentOf(&r),
	}
	if r.err != nil {
		return argmap.Evidence{}, r.err
	}
	sv, _ := rec.Get("spans")
	if e.Spans, err = spansFrom(sv); err != nil {
		return argmap.Evidence{}, err
	}
	e.Actors, err = actorRefsFrom(rec)
	return e, err
}

// referentOf reads the referent properties setReferent writes; nil when
// the node has none.
func referentOf(r *reader) *argmap.Referent {
	if r.p["referent_words"] == nil {
		return nil
	}
	return &argmap.Referent{Words: r.str("referent_words"), Text: r.str("referent_text"),
		Span: argmap.Span{SourceID: r.str("referent_source"), Start: r.int("referent_start"), End: r.int("referent_end"), Quote: r.str("referent_quote")}}
}

// actorFrom maps an Actor node.
func actorFrom(v any) (argmap.Actor, error) {
	p, err := propsOf(v)
	if err != nil {
		return argmap.Actor{}, err
	}
	r := reader{p: p}
	a := argmap.Actor{ID: r.str("id"), Name: r.str("name"), Kind: r.str("kind"), Aliases: r.strs("aliases"), CreatedAt: r.time("created_at")}
	sort.Strings(a.Aliases)
	return a, r.err
}

// relationFrom maps a record of relations_by_ids: r (node), premises,
// target, span.
func relationFrom(rec *neo4j.Record) (argmap.Relation, error) {
	v, _ := rec.Get("r")
	p, err := propsOf(v)
	if err != nil {
		return argmap.Relation{}, err
	}
	r := reader{p: p}
	rel := argmap.Relation{
		ID: r.str("id"), Kind: argmap.RelationKind(r.str("kind")), Origin: argmap.Origin(r.str("origin")),
		Title: r.str("title"), Scheme: r.str("scheme"), Score: r.float("score"), CreatedAt: r.time("created_at"),
	}
	if r.err != nil {
		return argmap.Relation{}, r.err
	}
	pv, _ := rec.Get("premises")
	list, ok := pv.([]any)
	if !ok {
		return argmap.Relation{}, badRecord("premises is a %T, want a list", pv)
	}
	for _, x := range list {
		id, ok := x.(string)
		if !ok {
			return argmap.Relation{}, badRecord("premise is a %T, want an ID", x)
		}
		rel.From = append(rel.From, id)
	}
	if rel.To, err = field[string](rec, "target"); err != nil {
		return argmap.Relation{}, err
	}
	sv, _ := rec.Get("span")
	if sv != nil {
		spans, err := spansFrom([]any{sv})
		if err != nil {
			return argmap.Relation{}, err
		}
		rel.Span = &spans[0]
	}
	return rel, nil
}

// citationFrom maps a record of citations_*: c (node), source_id, cited_id.
func citationFrom(rec *neo4j.Record) (argmap.Citation, error) {
	v, _ := rec.Get("c")
	p, err := propsOf(v)
	if err != nil {
		return argmap.Citation{}, err
	}
	r := reader{p: p}
	c := argmap.Citation{ID: r.str("id"), Author: r.str("author"), Year: r.str("year"), Text: r.str("text"), Start: r.int("start"), End: r.int("end")}
	if r.err != nil {
		return argmap.Citation{}, r.err
	}
	if c.SourceID, err = field[string](rec, "source_id"); err != nil {
		return argmap.Citation{}, err
	}
	c.CitedID, err = field[string](rec, "cited_id")
	return c, err
}

// mapAll maps every record with f.
func mapAll[T any](recs []*neo4j.Record, f func(*neo4j.Record) (T, error)) ([]T, error) {
	out := make([]T, 0, len(recs))
	for _, rec := range recs {
		t, err := f(rec)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// keyed adapts a function of one value to a record function reading key.
func keyed[T any](key string, f func(any) (T, error)) func(*neo4j.Record) (T, error) {
	return func(rec *neo4j.Record) (T, error) {
		v, ok := rec.Get(key)
		if !ok {
			var zero T
			return zero, badRecord("record has no %q", key)
		}
		return f(v)
	}
}
