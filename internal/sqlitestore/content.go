package sqlitestore

import (
	"context"
	"database/sql"
	"math"
	"slices"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// maxCachedNodes bounds the content copy: a store with more claims and
// evidence answers from SQL alone.
const maxCachedNodes = 2_000_000

// contentVersion reads the change counter of claims, evidence, spans and
// sources (migration 0011).
func contentVersion(ctx context.Context, q querier) (int64, error) {
	var v int64
	err := q.QueryRowContext(ctx, `SELECT n FROM content_version WHERE id = 1`).Scan(&v)
	return v, err
}

// contentCopy is what answers read of every node besides its relations, in
// memory (a memCopy at content_version): each claim's and piece of
// evidence's short text (a claim's gist, else its text) and spans, every
// source but its text, and the full-text indexes of claims and evidence
// (words.go). Like
// adjGraph it holds no pointers but the few sources'.
type contentCopy struct {
	ids    *idTable // node IDs (claims in pk order, then evidence), then source IDs
	nodes  int      // ids below nodes are claims and evidence
	claims int      // ids below claims are claims (their index is their row in words; evidence's in evidenceWords is its index less claims)

	text    string   // evidence i's text is text[textOff[i]:textOff[i+1]] (empty for claims: their records hold it)
	textOff []uint32 // nodes+1

	// every claim's whole record (claimRecordCols), so that Claim, the claims of
	// a proposition and an in-memory search's winners read no SQL
	recs       []memClaim // by claim index
	recText    string     // the records' strings
	actorFirst []uint32   // claim i's actors are actors[actorFirst[i]:actorFirst[i+1]]
	actors     []memActor
	byProp     []uint32 // the claims that name a proposition, by (proposition, ID)

	spanFirst []uint32 // node i's spans are spans[spanFirst[i] : spanFirst[i]+spanCount[i]]
	spanCount []uint32
	spans     []memSpan
	quotes    string // the quotes of spans but those that are their node's text (memSpan.own)

	sources []argmap.Source // by ID; source ID index i is sources[i-nodes]

	words         *wordIndex // claims; nil when the index could not be read as the ranking needs
	evidenceWords *wordIndex // evidence (numbered from claims on in ids)
}

// memClaim is a claim's record (claimRecordCols) but its ID, spans and actors,
// with no pointers: string field k is recText[str[k]:str[k+1]], in the order
// of the claimStr constants; cues, section and referent are their stored
// JSON, decoded when read.
type memClaim struct {
	str           [claimStrs + 1]uint32
	score         float64
	created       int64
	main, assumed bool
}

const (
	strText = iota
	strGist
	strOrigin
	strCues
	strTitle
	strKind
	strIssue
	strStandard
	strProposition
	strSection
	strReferent
	claimStrs
)

// memActor is an actor reference of a claim: actor ID and role in recText.
type memActor struct{ id, role [2]uint32 }

type memSpan struct {
	source     uint32 // ID index
	own        bool   // the quote is the node's text (migration 0021: NULL in its row); else
	start, end int
	quote      [2]uint32 // quotes[quote[0]:quote[1]]
}

// node returns the index of a claim or piece of evidence.
func (c *contentCopy) node(id string) (uint32, bool) {
	i, ok := c.ids.lookup(id)
	return i, ok && int(i) < c.nodes
}

// shortText returns node i's short text: a claim's gist, else its text;
// evidence's text.
func (c *contentCopy) shortText(i uint32) string {
	if int(i) < c.claims {
		if g := c.field(i, strGist); g != "" {
			return g
		}
		return c.field(i, strText)
	}
	return c.text[c.textOff[i]:c.textOff[i+1]]
}

// field returns string field k of claim i's record.
func (c *contentCopy) field(i uint32, k int) string {
	r := &c.recs[i]
	return c.recText[r.str[k]:r.str[k+1]]
}

// claim returns claim i, as scanClaims reads it from SQL (the strings share
// the copy's memory).
func (c *contentCopy) claim(i uint32) (argmap.Claim, error) {
	r := &c.recs[i]
	out := argmap.Claim{ID: c.ids.str(i), Text: c.field(i, strText), Gist: c.field(i, strGist), Origin: argmap.Origin(c.field(i, strOrigin)),
		Score: r.score, Main: r.main, CreatedAt: fromMS(r.created), Title: c.field(i, strTitle), Kind: c.field(i, strKind),
		Assumed: r.assumed, Issue: c.field(i, strIssue), Standard: c.field(i, strStandard), Proposition: c.field(i, strProposition)}
	var err error
	if out.Cues, err = decodeStrings(c.field(i, strCues)); err != nil {
		return out, err
	}
	if out.Section, err = decodeStrings(c.field(i, strSection)); err != nil {
		return out, err
	}
	if out.Referent, err = decodeReferent(c.field(i, strReferent)); err != nil {
		return out, err
	}
	out.Spans = c.appendSpans(nil, i)
	for _, a := range c.actors[c.actorFirst[i]:c.actorFirst[i+1]] {
		out.Actors = append(out.Actors, argmap.ActorRef{ActorID: c.recText[a.id[0]:a.id[1]], Role: argmap.Role(c.recText[a.role[0]:a.role[1]])})
	}
	return out, nil
}

// claimByID returns the claim with the ID; false when no claim has it.
func (c *contentCopy) claimByID(id string) (*argmap.Claim, bool, error) {
	i, ok := c.ids.lookup(id)
	if !ok || int(i) >= c.claims {
		return nil, false, nil
	}
	cl, err := c.claim(i)
	return &cl, true, err
}

// proposition returns the claims of proposition p as Claims lists them
// (those that name p, and the claim whose ID p is), ordered by ID, those
// after after, at most limit.
func (c *contentCopy) proposition(p, after string, limit int) ([]argmap.Claim, error) {
	var out []argmap.Claim // nil when none, as SQL reads it
	if p == "" {
		return out, nil
	}
	// the members: a run of byProp, in ID order
	lo, _ := slices.BinarySearchFunc(c.byProp, p, func(i uint32, p string) int { return strings.Compare(c.field(i, strProposition), p) })
	hi := lo
	for hi < len(c.byProp) && c.field(c.byProp[hi], strProposition) == p {
		hi++
	}
	members := c.byProp[lo:hi]
	// and the claim p itself, in its place (unless it names itself)
	self, ok := c.ids.lookup(p)
	if !ok || int(self) >= c.claims || c.field(self, strProposition) == p {
		ok = false
	}
	add := func(i uint32) error {
		cl, err := c.claim(i)
		out = append(out, cl)
		return err
	}
	k := 0
	for k < len(members) && c.ids.str(members[k]) <= after {
		k++
	}
	for len(out) < limit {
		next := -1
		if k < len(members) {
			next = int(members[k])
		}
		if ok && p > after && (next < 0 || p < c.ids.str(uint32(next))) {
			ok = false
			if err := add(self); err != nil {
				return nil, err
			}
			continue
		}
		if next < 0 {
			break
		}
		k++
		if err := add(uint32(next)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// appendSpans appends node n's spans to dst, in the order spansOf gives
// (by source, start, end).
func (c *contentCopy) appendSpans(dst []argmap.Span, n uint32) []argmap.Span {
	for _, sp := range c.spans[c.spanFirst[n] : c.spanFirst[n]+c.spanCount[n]] {
		q := c.quotes[sp.quote[0]:sp.quote[1]]
		if sp.own {
			q = c.nodeText(n)
		}
		dst = append(dst, argmap.Span{SourceID: c.ids.str(sp.source), Start: sp.start, End: sp.end, Quote: q})
	}
	return dst
}

// nodeText returns the text of claim or evidence i.
func (c *contentCopy) nodeText(i uint32) string {
	if int(i) < c.claims {
		return c.field(i, strText)
	}
	return c.text[c.textOff[i]:c.textOff[i+1]]
}

// source returns the stored source with the ID.
func (c *contentCopy) source(id string) (*argmap.Source, bool) {
	i, ok := c.ids.lookup(id)
	if !ok || int(i) < c.nodes {
		return nil, false
	}
	return &c.sources[int(i)-c.nodes], true
}

// content returns the content copy when it was read at the version tx sees
// (and starts reading one when two reads see the same version); nil in
// Atomically and when there is none.
func (s *Store) content(ctx context.Context, q querier) (*contentCopy, error) {
	if s.tx != nil || s.cc == nil {
		return nil, nil
	}
	v, err := contentVersion(ctx, q)
	if err != nil {
		return nil, err
	}
	return s.cc.at(v), nil
}

// readContent reads the content copy in one read transaction, with the
// content_version it saw; nil when the store has more than maxCachedNodes
// claims and evidence.
func (s *Store) readContent(ctx context.Context) (*contentCopy, int64, error) {
	var out *contentCopy
	var version int64
	err := s.read(ctx, "read the claims and sources", func(tx *sql.Tx) error {
		var err error
		if version, err = contentVersion(ctx, tx); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM claims) + (SELECT count(*) FROM evidence)`).Scan(&n); err != nil {
			return err
		}
		if n > maxCachedNodes {
			return nil
		}
		c := &contentCopy{ids: newIDTable(), textOff: []uint32{0}}
		var texts, quotes []byte
		add := func(id, text string) {
			c.ids.add(id)
			texts = append(texts, text...)
			c.textOff = append(c.textOff, uint32(len(texts)))
		}
		pks, err := c.readClaims(ctx, tx)
		if err != nil {
			return err
		}
		if c.recs == nil {
			return nil // the records' strings are over 4 GB: too big to keep
		}
		c.claims = c.ids.len()
		epks, err := scanTexts(ctx, tx, `SELECT rowid, id, text FROM evidence ORDER BY rowid`, add)
		if err != nil {
			return err
		}
		c.nodes = c.ids.len()
		c.sources, err = scanSources(ctx, tx, false, `SELECT `+sourceCols+` FROM sources s ORDER BY s.id`)
		if err != nil {
			return err
		}
		for _, src := range c.sources {
			c.ids.add(src.ID)
		}
		c.spanFirst, c.spanCount = make([]uint32, c.nodes), make([]uint32, c.nodes)
		// the view spans, by its parts (migrations 0018, 0021: a quote
		// NULL in a row is the node's text, kept once in the copy)
		rows, err := tx.QueryContext(ctx, `
			SELECT id, span_source_id, span_start, span_end, span_quote FROM claims WHERE span_source_id IS NOT NULL
			UNION ALL
			SELECT id, span_source_id, span_start, span_end, span_quote FROM evidence WHERE span_source_id IS NOT NULL
			UNION ALL
			SELECT node_id, source_id, start, "end", quote FROM extra_spans
			ORDER BY 1, 2, 3, 4`)
		if err != nil {
			return err
		}
		last := -1
		for rows.Next() {
			var node, source string
			var quote sql.NullString
			var sp memSpan
			if err := rows.Scan(&node, &source, &sp.start, &sp.end, &quote); err != nil {
				rows.Close()
				return err
			}
			ni, ok := c.ids.index[node]
			si, sok := c.ids.index[source]
			if !ok || int(ni) >= c.nodes || !sok {
				continue // a span of no claim or evidence: no read asks for it
			}
			if int(ni) != last {
				c.spanFirst[ni] = uint32(len(c.spans))
				last = int(ni)
			}
			c.spanCount[ni]++
			sp.source = si
			sp.own = !quote.Valid
			sp.quote[0] = uint32(len(quotes))
			quotes = append(quotes, quote.String...)
			sp.quote[1] = uint32(len(quotes))
			c.spans = append(c.spans, sp)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		c.text, c.quotes = string(texts), string(quotes)
		c.ids.seal()
		if err := c.readActors(ctx, tx); err != nil {
			return err
		}
		if c.recs == nil {
			return nil
		}
		c.byProp = c.byProp[:0]
		for i := range c.claims {
			if c.field(uint32(i), strProposition) != "" {
				c.byProp = append(c.byProp, uint32(i))
			}
		}
		slices.SortFunc(c.byProp, func(a, b uint32) int {
			if n := strings.Compare(c.field(a, strProposition), c.field(b, strProposition)); n != 0 {
				return n
			}
			return strings.Compare(c.ids.str(a), c.ids.str(b))
		})
		if c.words, err = readWords(ctx, tx, "claims_fts", pks); err != nil {
			return err
		}
		if c.evidenceWords, err = readWords(ctx, tx, "evidence_fts", epks); err != nil {
			return err
		}
		out = c
		return nil
	})
	return out, version, err
}

func closeRows(rows *sql.Rows) error {
	if err := rows.Close(); err != nil {
		return err
	}
	return rows.Err()
}

// sourcesByID returns the stored sources among ids (without their text),
// ordered by ID, each once.
func (c *contentCopy) sourcesByID(ids []string) []argmap.Source {
	// the IDs sorted and each once, then the sources in that order (sorting
	// the IDs moves strings; sorting the sources moved whole records)
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make([]argmap.Source, 0, len(ids))
	for _, id := range ids {
		if src, ok := c.source(id); ok {
			cp := *src
			cp.Authors = append([]string(nil), src.Authors...)
			out = append(out, cp)
		}
	}
	return out
}

// scanTexts reads the rows of query (a key, an ID and a text), hands each ID
// and text to add in order, and returns the keys.
func scanTexts(ctx context.Context, tx *sql.Tx, query string, add func(id, text string)) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	var pks []int64
	for rows.Next() {
		var pk int64
		var id, text string
		if err := rows.Scan(&pk, &id, &text); err != nil {
			rows.Close()
			return nil, err
		}
		pks = append(pks, pk)
		add(id, text)
	}
	return pks, closeRows(rows)
}

// readClaims reads every claim's record into the copy (IDs into ids, an
// empty short text into textOff: shortText reads the record) and returns
// their pks in order; c.recs stays nil when the records' strings would not
// fit in 4 GB.
func (c *contentCopy) readClaims(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	// the spans are read with the evidence's (readContent)
	rows, err := tx.QueryContext(ctx, `SELECT c.pk, `+claimRecordCols+` FROM claims c ORDER BY c.pk`)
	if err != nil {
		return nil, err
	}
	var pks []int64
	var arena []byte
	recs := []memClaim{}
	var strs [claimStrs]string
	for rows.Next() {
		var pk int64
		var id string
		var r memClaim
		if err := rows.Scan(&pk, &id, &strs[strText], &strs[strGist], &strs[strOrigin], &r.score, &r.main, &strs[strCues], &r.created,
			&strs[strTitle], &strs[strKind], &r.assumed, &strs[strIssue], &strs[strStandard], &strs[strProposition], &strs[strSection], &strs[strReferent]); err != nil {
			rows.Close()
			return nil, err
		}
		for k, f := range strs {
			if len(arena)+len(f) > math.MaxUint32 {
				rows.Close()
				return nil, nil
			}
			r.str[k] = uint32(len(arena))
			arena = append(arena, f...)
		}
		r.str[claimStrs] = uint32(len(arena))
		pks = append(pks, pk)
		recs = append(recs, r)
		c.ids.add(id)
		c.textOff = append(c.textOff, c.textOff[len(c.textOff)-1])
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	c.recs, c.recText = recs, string(arena)
	return pks, nil
}

// readActors reads the claims' actor references (in the order
// actorRefsOf gives: by actor, then role) into the copy, their strings
// after the records'; it sets c.recs to nil when they would not fit.
func (c *contentCopy) readActors(ctx context.Context, tx *sql.Tx) error {
	// the view claim_actors, by its parts (migration 0019)
	rows, err := tx.QueryContext(ctx, `
		SELECT id, actor_id, actor_role FROM claims WHERE actor_id IS NOT NULL
		UNION ALL
		SELECT claim_id, actor_id, role FROM extra_claim_actors
		ORDER BY 1, 2, 3`)
	if err != nil {
		return err
	}
	arena := []byte(c.recText)
	count := make([]uint32, c.claims)
	type ref struct {
		claim uint32
		a     memActor
	}
	var refs []ref
	for rows.Next() {
		var claim, actor, role string
		if err := rows.Scan(&claim, &actor, &role); err != nil {
			rows.Close()
			return err
		}
		i, ok := c.ids.lookup(claim)
		if !ok || int(i) >= c.claims {
			continue
		}
		if len(arena)+len(actor)+len(role) > math.MaxUint32 {
			rows.Close()
			c.recs = nil
			return nil
		}
		var a memActor
		a.id[0] = uint32(len(arena))
		arena = append(arena, actor...)
		a.id[1], a.role[0] = uint32(len(arena)), uint32(len(arena))
		arena = append(arena, role...)
		a.role[1] = uint32(len(arena))
		refs = append(refs, ref{i, a})
		count[i]++
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	// rows come by claim ID, claims are numbered by pk: placed by counts
	c.actorFirst = make([]uint32, c.claims+1)
	for i, n := range count {
		c.actorFirst[i+1] = c.actorFirst[i] + n
	}
	c.actors = make([]memActor, len(refs))
	next := slices.Clone(c.actorFirst[:c.claims])
	for _, r := range refs {
		c.actors[next[r.claim]] = r.a
		next[r.claim]++
	}
	c.recText = string(arena)
	return nil
}
