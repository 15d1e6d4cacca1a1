package sqlitestore

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Column lists and scanners shared by every read. Slices come back in a
// deterministic order: spans by (source, start, end), actor references by
// (actor, role), aliases sorted, premises in the order given.

const sourceCols = `s.id, s.title, s.authors, s.date, s.kind, s.uri, s.venue, s.doi, coalesce(s.content_hash, ''), s.created_at`

func scanSources(ctx context.Context, q querier, withText bool, query string, args ...any) ([]argmap.Source, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	return sourceRows(rows, withText)
}

// sourceRows reads and closes rows of sourceCols (and the text, withText).
func sourceRows(rows *sql.Rows, withText bool) ([]argmap.Source, error) {
	defer rows.Close()
	var out []argmap.Source
	for rows.Next() {
		var s argmap.Source
		var authors string
		var created int64
		dst := []any{&s.ID, &s.Title, &authors, &s.Date, &s.Kind, &s.URI, &s.Venue, &s.DOI, &s.ContentHash, &created}
		if withText {
			dst = append(dst, &s.Text)
		}
		if err := rows.Scan(dst...); err != nil {
			return nil, err
		}
		var err error
		if s.Authors, err = decodeStrings(authors); err != nil {
			return nil, err
		}
		s.CreatedAt = fromMS(created)
		out = append(out, s)
	}
	return out, rows.Err()
}

// claimRecordCols are a claim's own columns; claimCols adds the first span
// and the first actor reference the row holds (migrations 0018, 0019).
const (
	claimRecordCols = `c.id, c.text, c.gist, c.origin, c.score, c.main, c.cues, c.created_at, c.title, c.kind, c.assumed, c.issue, c.standard, c.proposition, c.section, c.referent`
	claimCols       = claimRecordCols + `, coalesce(c.span_source_id, ''), c.span_start, c.span_end, coalesce(c.span_quote, c.text), coalesce(c.actor_id, ''), c.actor_role`
)

// rowFirsts are the first span and actor reference a claim's or
// evidence's row holds (SourceID, ActorID "" for none).
type rowFirsts struct {
	span  argmap.Span
	actor argmap.ActorRef
}

// claimRows reads and closes rows of claimCols (and, with rank, one more
// column): the claims without their spans and actors, and the first span
// and actor reference each holds in its row.
func claimRows(rows *sql.Rows, ranked bool) ([]argmap.Claim, []rowFirsts, []float64, error) {
	var out []argmap.Claim
	var firsts []rowFirsts
	var ranks []float64
	for rows.Next() {
		var c argmap.Claim
		var f rowFirsts
		var origin, cues, section, referent, role string
		var created int64
		var rank float64
		dst := []any{&c.ID, &c.Text, &c.Gist, &origin, &c.Score, &c.Main, &cues, &created, &c.Title, &c.Kind, &c.Assumed, &c.Issue, &c.Standard, &c.Proposition, &section, &referent,
			&f.span.SourceID, &f.span.Start, &f.span.End, &f.span.Quote, &f.actor.ActorID, &role}
		if ranked {
			dst = append(dst, &rank)
		}
		if err := rows.Scan(dst...); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		c.Origin = argmap.Origin(origin)
		var err error
		if c.Section, err = decodeStrings(section); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		if c.Cues, err = decodeStrings(cues); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		if c.Referent, err = decodeReferent(referent); err != nil {
			rows.Close()
			return nil, nil, nil, err
		}
		c.CreatedAt = fromMS(created)
		f.actor.Role = argmap.Role(role)
		out = append(out, c)
		firsts = append(firsts, f)
		ranks = append(ranks, rank)
	}
	if err := rows.Close(); err != nil {
		return nil, nil, nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, nil, nil, err
	}
	return out, firsts, ranks, nil
}

// scanClaims runs a query selecting claimCols (and, with rank, one more
// column) and attaches spans and actors.
func scanClaims(ctx context.Context, q querier, query string, args ...any) ([]argmap.Claim, error) {
	claims, _, err := scanRankedClaims(ctx, q, false, query, args...)
	return claims, err
}

func scanRankedClaims(ctx context.Context, q querier, ranked bool, query string, args ...any) ([]argmap.Claim, []float64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	out, firsts, ranks, err := claimRows(rows, ranked)
	if err != nil || len(out) == 0 {
		return out, ranks, err
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	extra, err := extraSpansOf(ctx, q, ids)
	if err != nil {
		return nil, nil, err
	}
	refs, err := actorRows(ctx, q, `SELECT claim_id, actor_id, role FROM extra_claim_actors
		WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, actor_id, role`, ids)
	if err != nil {
		return nil, nil, err
	}
	for i := range out {
		out[i].Spans = joinSpans(firsts[i].span, extra[out[i].ID])
		out[i].Actors = joinActors(firsts[i].actor, refs[out[i].ID])
	}
	return out, ranks, nil
}

// extraSpansOf returns the spans of the nodes in extra_spans (all but the
// first each holds in its row), by node ID.
func extraSpansOf(ctx context.Context, q querier, ids []string) (map[string][]argmap.Span, error) {
	return spanRowsOf(ctx, q, `SELECT node_id, source_id, start, "end", quote FROM extra_spans
		WHERE node_id IN (SELECT value FROM json_each(?)) ORDER BY node_id, source_id, start, "end"`, ids)
}

// joinActors returns a node's actor references: first, from its row (none
// when its ActorID is ""), and extra, by actor and role.
func joinActors(first argmap.ActorRef, extra []argmap.ActorRef) []argmap.ActorRef {
	if first.ActorID == "" {
		return extra
	}
	if len(extra) == 0 {
		return []argmap.ActorRef{first}
	}
	out := append([]argmap.ActorRef{first}, extra...)
	slices.SortFunc(out, func(a, b argmap.ActorRef) int {
		return cmp.Or(strings.Compare(a.ActorID, b.ActorID), strings.Compare(string(a.Role), string(b.Role)))
	})
	return out
}

// joinSpans returns a node's spans: first, from its row (none when its
// SourceID is ""), and extra, in the order of spansOf.
func joinSpans(first argmap.Span, extra []argmap.Span) []argmap.Span {
	if first.SourceID == "" {
		return extra
	}
	if len(extra) == 0 {
		return []argmap.Span{first}
	}
	out := append([]argmap.Span{first}, extra...)
	slices.SortFunc(out, func(a, b argmap.Span) int {
		return cmp.Or(strings.Compare(a.SourceID, b.SourceID), cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	return out
}

// spansOf returns the spans of the nodes, by node ID.
func spansOf(ctx context.Context, q querier, ids []string) (map[string][]argmap.Span, error) {
	// the view spans, by its parts (migrations 0018, 0021)
	return spanRowsOf(ctx, q, `
		SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM claims
			WHERE id IN (SELECT value FROM json_each(?1)) AND span_source_id IS NOT NULL
		UNION ALL
		SELECT id, span_source_id, span_start, span_end, coalesce(span_quote, text) FROM evidence
			WHERE id IN (SELECT value FROM json_each(?1)) AND span_source_id IS NOT NULL
		UNION ALL
		SELECT node_id, source_id, start, "end", quote FROM extra_spans WHERE node_id IN (SELECT value FROM json_each(?1))
		ORDER BY 1, 2, 3, 4`, ids)
}

// spanRowsOf runs a query of spans (node, source, start, end, quote) of the
// nodes, a JSON list of their IDs its argument, and returns them by node.
func spanRowsOf(ctx context.Context, q querier, query string, ids []string) (map[string][]argmap.Span, error) {
	rows, err := q.QueryContext(ctx, query, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]argmap.Span{}
	for rows.Next() {
		var node string
		var s argmap.Span
		if err := rows.Scan(&node, &s.SourceID, &s.Start, &s.End, &s.Quote); err != nil {
			return nil, err
		}
		out[node] = append(out[node], s)
	}
	return out, rows.Err()
}

func actorRows(ctx context.Context, q querier, query string, ids []string) (map[string][]argmap.ActorRef, error) {
	rows, err := q.QueryContext(ctx, query, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]argmap.ActorRef{}
	for rows.Next() {
		var claim, actor, role string
		if err := rows.Scan(&claim, &actor, &role); err != nil {
			return nil, err
		}
		out[claim] = append(out[claim], argmap.ActorRef{ActorID: actor, Role: argmap.Role(role)})
	}
	return out, rows.Err()
}

const evidenceCols = `e.id, e.kind, e.text, e.origin, e.score, e.created_at, e.referent,
	coalesce(e.span_source_id, ''), e.span_start, e.span_end, coalesce(e.span_quote, e.text), coalesce(e.actor_id, ''), e.actor_role`

func scanEvidence(ctx context.Context, q querier, query string, args ...any) ([]argmap.Evidence, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []argmap.Evidence
	var firsts []rowFirsts
	for rows.Next() {
		var e argmap.Evidence
		var f rowFirsts
		var origin, referent, role string
		var created int64
		if err := rows.Scan(&e.ID, &e.Kind, &e.Text, &origin, &e.Score, &created, &referent,
			&f.span.SourceID, &f.span.Start, &f.span.End, &f.span.Quote, &f.actor.ActorID, &role); err != nil {
			rows.Close()
			return nil, err
		}
		var err error
		if e.Referent, err = decodeReferent(referent); err != nil {
			rows.Close()
			return nil, err
		}
		e.Origin = argmap.Origin(origin)
		e.CreatedAt = fromMS(created)
		f.actor.Role = argmap.Role(role)
		out = append(out, e)
		firsts = append(firsts, f)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	extra, err := extraSpansOf(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	refs, err := actorRows(ctx, q, `SELECT evidence_id, actor_id, role FROM extra_evidence_actors
		WHERE evidence_id IN (SELECT value FROM json_each(?)) ORDER BY evidence_id, actor_id, role`, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Spans = joinSpans(firsts[i].span, extra[out[i].ID])
		out[i].Actors = joinActors(firsts[i].actor, refs[out[i].ID])
	}
	return out, nil
}

const actorCols = `a.id, a.name, a.kind, a.created_at`

func scanActors(ctx context.Context, q querier, query string, args ...any) ([]argmap.Actor, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []argmap.Actor
	for rows.Next() {
		var a argmap.Actor
		var created int64
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind, &created); err != nil {
			rows.Close()
			return nil, err
		}
		a.CreatedAt = fromMS(created)
		out = append(out, a)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	arows, err := q.QueryContext(ctx, `SELECT actor_id, alias FROM actor_aliases
		WHERE actor_id IN (SELECT value FROM json_each(?)) ORDER BY actor_id, alias`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer arows.Close()
	aliases := map[string][]string{}
	for arows.Next() {
		var id, al string
		if err := arows.Scan(&id, &al); err != nil {
			return nil, err
		}
		aliases[id] = append(aliases[id], al)
	}
	if err := arows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Aliases = aliases[out[i].ID]
	}
	return out, nil
}

// relationCols are the columns scanRelations reads. A relation's quote is
// NULL in its row when it is its first premise's, the quote of that node's
// first span (migration 0022).
const relationCols = `r.id, r.kind, r.to_id, r.span_source_id, r.span_start, r.span_end,
	coalesce(r.span_quote, iif(r.span_source_id IS NULL, '', coalesce(
		(SELECT coalesce(c.span_quote, c.text) FROM claims c WHERE c.id = r.premise_id),
		(SELECT coalesce(e.span_quote, e.text) FROM evidence e WHERE e.id = r.premise_id), ''))),
	r.origin, r.score, r.created_at, r.title, r.scheme, r.premise_id`

func scanRelations(ctx context.Context, q querier, query string, args ...any) ([]argmap.Relation, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	var out []argmap.Relation
	for rows.Next() {
		var r argmap.Relation
		var kind, origin string
		var src sql.NullString
		var start, end int
		var quote string
		var created int64
		var premise sql.NullString // the first (migration 0018)
		if err := rows.Scan(&r.ID, &kind, &r.To, &src, &start, &end, &quote, &origin, &r.Score, &created, &r.Title, &r.Scheme, &premise); err != nil {
			rows.Close()
			return nil, err
		}
		r.Kind = argmap.RelationKind(kind)
		r.Origin = argmap.Origin(origin)
		if src.Valid {
			r.Span = &argmap.Span{SourceID: src.String, Start: start, End: end, Quote: quote}
		}
		r.CreatedAt = fromMS(created)
		if premise.Valid {
			r.From = []string{premise.String}
		}
		out = append(out, r)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	ids := make([]string, len(out))
	for i := range out {
		ids[i] = out[i].ID
	}
	more, err := extraPremisesOf(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].From = append(out[i].From, more[out[i].ID]...)
	}
	return out, nil
}

// extraPremisesOf returns the premises of the relations but the first
// (in the relation's row, migration 0018), in order, by relation ID.
func extraPremisesOf(ctx context.Context, q querier, ids []string) (map[string][]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT relation_id, node_id FROM extra_premises
		WHERE relation_id IN (SELECT value FROM json_each(?)) ORDER BY relation_id, position`, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var rel, node string
		if err := rows.Scan(&rel, &node); err != nil {
			return nil, err
		}
		out[rel] = append(out[rel], node)
	}
	return out, rows.Err()
}

const citationCols = `t.id, t.source_id, t.author, t.year, t.text, t.start, t."end", coalesce(t.cited_id, '')`

func scanCitations(ctx context.Context, q querier, query string, args ...any) ([]argmap.Citation, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []argmap.Citation
	for rows.Next() {
		var c argmap.Citation
		if err := rows.Scan(&c.ID, &c.SourceID, &c.Author, &c.Year, &c.Text, &c.Start, &c.End, &c.CitedID); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
