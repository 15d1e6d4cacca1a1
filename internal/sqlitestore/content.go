package sqlitestore

import (
	"context"
	"database/sql"
	"slices"

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

	text    string   // node i's short text is text[textOff[i]:textOff[i+1]]
	textOff []uint32 // nodes+1

	spanFirst []uint32 // node i's spans are spans[spanFirst[i] : spanFirst[i]+spanCount[i]]
	spanCount []uint32
	spans     []memSpan
	quotes    string

	sources []argmap.Source // by ID; source ID index i is sources[i-nodes]

	words         *wordIndex // claims; nil when the index could not be read as the ranking needs
	evidenceWords *wordIndex // evidence (numbered from claims on in ids)
}

type memSpan struct {
	source     uint32 // ID index
	start, end int
	quote      [2]uint32 // quotes[quote[0]:quote[1]]
}

// node returns the index of a claim or piece of evidence.
func (c *contentCopy) node(id string) (uint32, bool) {
	i, ok := c.ids.lookup(id)
	return i, ok && int(i) < c.nodes
}

// shortText returns node i's short text.
func (c *contentCopy) shortText(i uint32) string {
	return c.text[c.textOff[i]:c.textOff[i+1]]
}

// appendSpans appends node n's spans to dst, in the order spansOf gives
// (by source, start, end).
func (c *contentCopy) appendSpans(dst []argmap.Span, n uint32) []argmap.Span {
	for _, sp := range c.spans[c.spanFirst[n] : c.spanFirst[n]+c.spanCount[n]] {
		dst = append(dst, argmap.Span{SourceID: c.ids.str(sp.source), Start: sp.start, End: sp.end,
			Quote: c.quotes[sp.quote[0]:sp.quote[1]]})
	}
	return dst
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
		pks, err := scanTexts(ctx, tx, `SELECT pk, id, CASE WHEN gist <> '' THEN gist ELSE text END FROM claims ORDER BY pk`, add)
		if err != nil {
			return err
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
		rows, err := tx.QueryContext(ctx, `SELECT node_id, source_id, start, "end", quote FROM spans ORDER BY node_id, source_id, start, "end"`)
		if err != nil {
			return err
		}
		last := -1
		for rows.Next() {
			var node, source, quote string
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
			sp.quote[0] = uint32(len(quotes))
			quotes = append(quotes, quote...)
			sp.quote[1] = uint32(len(quotes))
			c.spans = append(c.spans, sp)
		}
		if err := closeRows(rows); err != nil {
			return err
		}
		c.text, c.quotes = string(texts), string(quotes)
		c.ids.seal()
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
