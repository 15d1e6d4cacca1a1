package sqlitestore

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// The bulk path writes large graphs, and every graph of a Bulk load, with
// multi-row statements prepared once, rows sorted by key, the full-text rows
// and the graph_version increment written once at the end, and, once a load
// is at least as large as what the store held, the secondary indexes dropped
// and built again at the end (sorting once instead of inserting each row at a
// random place). It stays one transaction: all or nothing.
const (
	// bulkMinRows: a WriteGraph of at least this many claims, evidence,
	// relations and spans takes the bulk path.
	bulkMinRows = 5000
	// bulkDropMinRows: indexes are dropped for the rest of a load once it has
	// written this many rows and at least as many as the store held.
	bulkDropMinRows = 20000
	// bulkChunk is the number of rows one multi-row INSERT writes.
	bulkChunk = 128
	// bulkCacheKiB is the writer's page cache during a load (SQLite's
	// cache_size in KiB when negative); normalCacheKiB is what dsn sets.
	bulkCacheKiB   = 262144
	normalCacheKiB = 65536
)

// bulkChunks are the sizes of insertRows' statements, largest first:
// statements prepared once each (a statement of the rows left, parsed for
// the graph, cost more than it saved for the few rows most graphs of an
// ingest write).
var bulkChunks = [...]int{bulkChunk, 32, 8, 1}

// bulkTables are the tables a graph writes: the indexes the load drops
// are theirs.
var bulkTables = []string{"sources", "claims", "evidence", "actors", "actor_aliases", "extra_claim_actors", "extra_evidence_actors", "extra_spans",
	"relations", "extra_premises", "citations"}

// pkRange is a range of rowids [lo, hi].
type pkRange struct{ lo, hi int64 }

// bulkLoad is the state of one bulk load: one write transaction.
type bulkLoad struct {
	stored   int64 // rows the store held when the load began (claims, evidence, relations: by rowid)
	written  int64 // rows written by the load
	dropped  []schemaObject
	isDrop   bool
	claims   []pkRange // claims whose full-text rows are written at the end
	evidence []pkRange
	graph    bool  // a relation or premise was written: graph_version is bumped at the end
	content  bool  // a source, claim or piece of evidence was written: content_version too
	cache    bool  // the page cache was enlarged
	failed   error // a graph failed: the load is rolled back whatever fn returns
}

// schemaObject is an index dropped for a load.
type schemaObject struct{ kind, name, sql string }

// beginBulk starts a load in tx.
func beginBulk(ctx context.Context, tx *sql.Tx) (*bulkLoad, error) {
	b := &bulkLoad{}
	err := tx.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(max(pk), 0) FROM claims) + (SELECT coalesce(max(rowid), 0) FROM evidence) +
		(SELECT coalesce(max(rowid), 0) FROM relations)`).Scan(&b.stored)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, bulkCacheKiB)); err != nil {
		return nil, err
	}
	b.cache = true
	return b, nil
}

// end writes what the load deferred: full-text rows, indexes, triggers and
// the graph_version and content_version increments. It must run before the
// commit.
func (b *bulkLoad) end(ctx context.Context, tx *sql.Tx) error {
	defer b.restore(ctx, tx)
	if err := b.flushText(ctx, tx); err != nil {
		return err
	}
	for _, o := range b.dropped {
		if _, err := tx.ExecContext(ctx, o.sql); err != nil {
			return fmt.Errorf("create %s %s again: %w", o.kind, o.name, err)
		}
	}
	b.dropped = nil
	if b.graph {
		if _, err := tx.ExecContext(ctx, `UPDATE graph_version SET n = n + 1 WHERE id = 1`); err != nil {
			return err
		}
		b.graph = false
	}
	if b.content {
		// migration 0011: answers kept in memory see the new texts
		if _, err := tx.ExecContext(ctx, `UPDATE content_version SET n = n + 1 WHERE id = 1`); err != nil {
			return err
		}
		b.content = false
	}
	return nil
}

// flushText writes the full-text rows of the claims and evidence the load
// wrote so far: at its end, and before any other read or write in it (a
// search would miss them; an update or delete would make the index delete a
// row it never had, which corrupts it).
func (b *bulkLoad) flushText(ctx context.Context, tx *sql.Tx) error {
	for _, r := range mergeRanges(b.claims) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO claims_fts (rowid, text, gist)
			SELECT pk, text, gist FROM claims WHERE pk BETWEEN ? AND ?`, r.lo, r.hi); err != nil {
			return err
		}
	}
	for _, r := range mergeRanges(b.evidence) {
		if _, err := tx.ExecContext(ctx, `INSERT INTO evidence_fts (rowid, text)
			SELECT rowid, text FROM evidence WHERE rowid BETWEEN ? AND ?`, r.lo, r.hi); err != nil {
			return err
		}
	}
	b.claims, b.evidence = nil, nil
	return nil
}

// restore sets the page cache back (after a commit or a rollback too).
func (b *bulkLoad) restore(ctx context.Context, q querier) error {
	if !b.cache {
		return nil
	}
	b.cache = false
	_, err := q.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, normalCacheKiB))
	return err
}

// mergeRanges sorts rs and joins ranges that touch.
func mergeRanges(rs []pkRange) []pkRange {
	sort.Slice(rs, func(i, j int) bool { return rs[i].lo < rs[j].lo })
	var out []pkRange
	for _, r := range rs {
		if n := len(out); n > 0 && r.lo <= out[n-1].hi+1 {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// dropIndexes drops the secondary indexes of the tables a graph writes,
// keeping their SQL to create them again in end. Unique and primary-key indexes stay: conflicts are still found
// row by row.
func (b *bulkLoad) dropIndexes(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE sql IS NOT NULL AND type = 'index' AND tbl_name IN (SELECT value FROM json_each(?))
		ORDER BY name`, jsonList(bulkTables))
	if err != nil {
		return err
	}
	var objs []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			rows.Close()
			return err
		}
		objs = append(objs, o)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, o := range objs {
		if _, err := tx.ExecContext(ctx, `DROP `+strings.ToUpper(o.kind)+` "`+o.name+`"`); err != nil {
			return err
		}
		b.dropped = append(b.dropped, o)
	}
	b.isDrop = true
	return nil
}

// graphRows counts the rows of g the bulk path cares about.
func graphRows(g *argmap.Graph) int64 {
	n := len(g.Claims) + len(g.Evidence) + len(g.Relations)
	for i := range g.Claims {
		n += len(g.Claims[i].Spans)
	}
	for i := range g.Evidence {
		n += len(g.Evidence[i].Spans)
	}
	return int64(n)
}

// writeGraphBulk is writeGraph for the bulk path: the same checks and the
// same rows, written in multi-row statements.
func (s *Store) writeGraphBulk(ctx context.Context, tx *sql.Tx, g *argmap.Graph, m writeMode, b *bulkLoad) error {
	w := &graphWriter{ctx: ctx, store: s, tx: tx, texts: map[string]string{}, lens: map[string]int{}, stmt: map[string]*sql.Stmt{},
		firsts: make(map[string]spanRow, len(g.Claims)+len(g.Evidence))}
	defer w.close()
	known, err := w.storedAmong(g)
	if err != nil {
		return err
	}
	if err := g.CheckReferences(ctx, func(_ context.Context, id string) (bool, error) { return known[id], nil }); err != nil {
		return err
	}
	for i := range g.Sources {
		if g.Sources[i].Text != "" {
			w.texts[g.Sources[i].ID] = g.Sources[i].Text
		}
	}
	if len(g.Sources)+len(g.Claims)+len(g.Evidence) > 0 {
		b.content = true
	}
	for i := range g.Sources {
		if err := w.source(&g.Sources[i], m); err != nil {
			return err
		}
	}
	for i := range g.Actors {
		if err := w.actor(&g.Actors[i], m); err != nil {
			return err
		}
	}
	if err := w.bulkClaims(g.Claims, b); err != nil {
		return err
	}
	if err := w.bulkEvidence(g.Evidence, b); err != nil {
		return err
	}
	if err := w.bulkRelations(g.Relations, b); err != nil {
		return err
	}
	for i := range g.Citations {
		if err := w.citation(&g.Citations[i]); err != nil {
			return err
		}
	}
	return nil
}

// storedAmong returns which of the IDs g refers to outside itself are
// stored, looked up in one statement per table instead of one per ID.
func (w *graphWriter) storedAmong(g *argmap.Graph) (map[string]bool, error) {
	asked := map[argmap.NodeKind][]string{}
	// a first pass that takes every outside ID for stored lists them
	err := g.CheckReferences(w.ctx, func(_ context.Context, id string) (bool, error) {
		k := argmap.KindOf(id)
		asked[k] = append(asked[k], id)
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	known := map[string]bool{}
	for k, ids := range asked {
		table, ok := tables[k]
		if !ok {
			continue
		}
		found, err := collect(w.ctx, w.tx, `SELECT id FROM `+table+` WHERE id IN (SELECT value FROM json_each(?))`, jsonList(ids))
		if err != nil {
			return nil, err
		}
		for _, id := range found {
			known[id] = true
		}
	}
	return known, nil
}

// insertRows writes n rows with INSERT statements of bulkChunk rows, and
// the rest with statements of fewer (bulkChunks: 32, 8, then 1), each size
// prepared once; args appends the values of row i. head is the statement up
// to VALUES, cols the number of values a row has. When key is given, a
// unique violation is reported as the ECONFLICT of the first row of the
// failing statement that is stored already (row i's ID is key(i), of a
// record of kind what in table).
func (w *graphWriter) insertRows(head string, cols, n int, args func(dst []any, i int) []any, key *rowKey) error {
	row := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
	var queries [len(bulkChunks)]string
	vals := make([]any, 0, min(n, bulkChunk)*cols)
	for i := 0; i < n; {
		c := 0
		for bulkChunks[c] > n-i {
			c++
		}
		k := bulkChunks[c]
		if queries[c] == "" {
			queries[c] = head + " VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", k), ", ")
		}
		vals = vals[:0]
		for j := i; j < i+k; j++ {
			vals = args(vals, j)
		}
		if _, err := w.exec(queries[c], vals...); err != nil {
			if key != nil && isUnique(err) {
				return w.conflict(key, i, i+k)
			}
			return err
		}
		i += k
	}
	return nil
}

// rowKey names the records insertRows writes, for its conflicts.
type rowKey struct {
	what, table string
	id          func(i int) string
}

// conflict returns the ECONFLICT of rows lo..hi-1 of a statement that
// failed on a unique violation (the statement wrote none of them), naming
// the first of them already stored.
func (w *graphWriter) conflict(key *rowKey, lo, hi int) error {
	ids := make([]string, 0, hi-lo)
	for i := lo; i < hi; i++ {
		ids = append(ids, key.id(i))
	}
	found, err := collect(w.ctx, w.tx, `SELECT id FROM `+key.table+` WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT 1`, jsonList(ids))
	if err == nil && len(found) > 0 {
		return argmap.Errorf(argmap.ECONFLICT, "%s %s already exists", key.what, found[0])
	}
	return argmap.Errorf(argmap.ECONFLICT, "a %s of the graph clashes with a stored record", key.what)
}

// spanRow is one row of spans.
type spanRow struct {
	node, source string
	start, end   int
	quote        string
}

func (w *graphWriter) spanRows(dst []spanRow, node string, spans []argmap.Span) ([]spanRow, error) {
	for _, sp := range spans {
		q, err := w.quote(sp)
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "%s: %w", node, err)
		}
		dst = append(dst, spanRow{node, sp.SourceID, sp.Start, sp.End, q})
	}
	return dst, nil
}

func (w *graphWriter) insertSpans(rows []spanRow) error {
	sort.Slice(rows, func(i, j int) bool { return rows[i].node < rows[j].node })
	return w.insertRows(`INSERT OR IGNORE INTO extra_spans (node_id, source_id, start, "end", quote)`, 5, len(rows),
		func(dst []any, i int) []any {
			r := &rows[i]
			return append(dst, r.node, r.source, r.start, r.end, r.quote)
		}, nil)
}

// nextRowid returns the rowid the next row of table gets.
func (w *graphWriter) nextRowid(table string) (int64, error) {
	var n int64
	err := w.tx.QueryRowContext(w.ctx, `SELECT coalesce(max(rowid), 0) + 1 FROM `+table).Scan(&n)
	return n, err
}

// roleRow is one actor link of a claim or evidence (claim holds its ID).
type roleRow struct{ claim, actor, role string }

// bulkClaims writes claims in the order given, with explicit pks from the
// next free one, so that their full-text rows follow by pk and the key lists read them as new (keyIndex).
func (w *graphWriter) bulkClaims(cs []argmap.Claim, b *bulkLoad) error {
	if len(cs) == 0 {
		return nil
	}
	first, err := w.nextRowid("claims")
	if err != nil {
		return err
	}
	var spans []spanRow
	firsts := make([]spanRow, len(cs)) // each claim's first span, in its row (migration 0018)
	actors := make([]roleRow, len(cs)) // and its first actor reference (migration 0019)
	var roles []roleRow
	for i := range cs {
		c := &cs[i]
		c.CreatedAt = orNow(c.CreatedAt)
		if firsts[i], spans, err = w.splitSpans(spans, c.ID, c.Spans); err != nil {
			return err
		}
		actors[i], roles = splitActors(roles, c.ID, c.Actors)
	}
	err = w.insertRows(`INSERT INTO claims (pk, id, text, gist, origin, score, main, cues, created_at, title, kind, assumed, issue, standard, proposition, section, keys, referent,
			span_source_id, span_start, span_end, span_quote, actor_id, actor_role)`,
		24, len(cs), func(dst []any, i int) []any {
			c, sp, a := &cs[i], &firsts[i], &actors[i]
			return append(dst, first+int64(i), c.ID, c.Text, c.Gist, string(c.Origin), c.Score, c.Main, jsonList(c.Cues), ms(c.CreatedAt),
				c.Title, c.Kind, c.Assumed, c.Issue, c.Standard, c.Proposition, jsonList(c.Section), jsonList(c.Keys), encodeReferent(c.Referent),
				sp.sourceArg(), sp.start, sp.end, sp.quoteArg(c.Text), a.actorArg(), a.role)
		}, &rowKey{"claim", "claims", func(i int) string { return cs[i].ID }})
	if err != nil {
		return err
	}
	b.claims = append(b.claims, pkRange{first, first + int64(len(cs)) - 1})
	sort.Slice(roles, func(i, j int) bool { return roles[i].claim < roles[j].claim })
	err = w.insertRows(`INSERT OR IGNORE INTO extra_claim_actors (claim_id, actor_id, role)`, 3, len(roles), func(dst []any, i int) []any {
		return append(dst, roles[i].claim, roles[i].actor, roles[i].role)
	}, nil)
	if err != nil {
		return err
	}
	return w.insertSpans(spans)
}

// bulkEvidence writes evidence in the order given with explicit rowids.
func (w *graphWriter) bulkEvidence(es []argmap.Evidence, b *bulkLoad) error {
	if len(es) == 0 {
		return nil
	}
	first, err := w.nextRowid("evidence")
	if err != nil {
		return err
	}
	var spans []spanRow
	firsts := make([]spanRow, len(es)) // each one's first span, in its row (migration 0018)
	actors := make([]roleRow, len(es)) // and first actor reference (migration 0019)
	var roles []roleRow
	for i := range es {
		e := &es[i]
		e.CreatedAt = orNow(e.CreatedAt)
		if firsts[i], spans, err = w.splitSpans(spans, e.ID, e.Spans); err != nil {
			return err
		}
		actors[i], roles = splitActors(roles, e.ID, e.Actors)
	}
	err = w.insertRows(`INSERT INTO evidence (rowid, id, kind, text, origin, score, created_at, referent, span_source_id, span_start, span_end, span_quote, actor_id, actor_role)`, 14, len(es),
		func(dst []any, i int) []any {
			e, sp, a := &es[i], &firsts[i], &actors[i]
			return append(dst, first+int64(i), e.ID, e.Kind, e.Text, string(e.Origin), e.Score, ms(e.CreatedAt), encodeReferent(e.Referent),
				sp.sourceArg(), sp.start, sp.end, sp.quoteArg(e.Text), a.actorArg(), a.role)
		}, &rowKey{"evidence", "evidence", func(i int) string { return es[i].ID }})
	if err != nil {
		return err
	}
	b.evidence = append(b.evidence, pkRange{first, first + int64(len(es)) - 1})
	sort.Slice(roles, func(i, j int) bool { return roles[i].claim < roles[j].claim })
	err = w.insertRows(`INSERT OR IGNORE INTO extra_evidence_actors (evidence_id, actor_id, role)`, 3, len(roles), func(dst []any, i int) []any {
		return append(dst, roles[i].claim, roles[i].actor, roles[i].role)
	}, nil)
	if err != nil {
		return err
	}
	return w.insertSpans(spans)
}

// bulkRelations writes relations sorted by ID, then their premises.
func (w *graphWriter) bulkRelations(rs []argmap.Relation, b *bulkLoad) error {
	if len(rs) == 0 {
		return nil
	}
	type relRow struct {
		r          *argmap.Relation
		src        any
		start, end int
		quote      string
	}
	rows := make([]relRow, len(rs))
	type premRow struct {
		rel  string
		pos  int
		node string
	}
	var prems []premRow
	for i := range rs {
		r := &rs[i]
		r.CreatedAt = orNow(r.CreatedAt)
		rows[i].r = r
		if r.Span != nil {
			q, err := w.quote(*r.Span)
			if err != nil {
				return argmap.Errorf(argmap.EINVALID, "%s: %w", r.ID, err)
			}
			rows[i].src, rows[i].start, rows[i].end, rows[i].quote = r.Span.SourceID, r.Span.Start, r.Span.End, q
		}
		for p := 1; p < len(r.From); p++ {
			// the first in the relation's row (migration 0018)
			prems = append(prems, premRow{r.ID, p, r.From[p]})
		}
	}
	b.graph = true
	sort.Slice(rows, func(i, j int) bool { return rows[i].r.ID < rows[j].r.ID })
	err := w.insertRows(`INSERT INTO relations (id, kind, to_id, span_source_id, span_start, span_end, span_quote, origin, score, created_at, title, scheme, premise_id)`,
		13, len(rows), func(dst []any, i int) []any {
			x := &rows[i]
			r := x.r
			var premise any
			if len(r.From) > 0 {
				premise = r.From[0]
			}
			return append(dst, r.ID, string(r.Kind), r.To, x.src, x.start, x.end, w.relationQuote(r, x.quote), string(r.Origin), r.Score, ms(r.CreatedAt), r.Title, r.Scheme, premise)
		}, &rowKey{"relation", "relations", func(i int) string { return rows[i].r.ID }})
	if err != nil {
		return err
	}
	sort.Slice(prems, func(i, j int) bool {
		if prems[i].rel != prems[j].rel {
			return prems[i].rel < prems[j].rel
		}
		return prems[i].pos < prems[j].pos
	})
	err = w.insertRows(`INSERT INTO extra_premises (relation_id, position, node_id)`, 3, len(prems), func(dst []any, i int) []any {
		return append(dst, prems[i].rel, prems[i].pos, prems[i].node)
	}, nil)
	return err
}

// writeGraphIn writes g in tx, the transaction of WriteGraph, with the
// hook ctx carries: in the load of a Bulk store (a graph that fails fails
// the load), a large graph as a load of its own, any other graph row by row.
func (s *Store) writeGraphIn(ctx context.Context, tx *sql.Tx, g *argmap.Graph) error {
	m := writeMode{upsertActors: true, keepCited: true}
	hook := func() error {
		hs := s // in a transaction of Atomically or Bulk: its pending state
		if s.tx == nil {
			hs = &Store{tx: tx, wc: s.wc}
		}
		return argmap.RunGraphHook(ctx, hs, g)
	}
	b := s.bulk
	switch {
	case b == nil && graphRows(g) < bulkMinRows:
		if err := s.writeGraph(ctx, tx, g, m); err != nil {
			return err
		}
		return hook()
	case b == nil:
		var err error
		if b, err = beginBulk(ctx, tx); err != nil {
			return err
		}
		if err := s.writeBulk(ctx, tx, g, m, b); err != nil {
			b.restore(ctx, tx)
			return err
		}
		if err := b.end(ctx, tx); err != nil {
			return err
		}
		return hook()
	}
	if b.failed != nil {
		return b.failed
	}
	err := s.writeBulk(ctx, tx, g, m, b)
	if err == nil {
		err = hook()
	}
	if err != nil {
		// part of g may be written: the load cannot be committed (a
		// savepoint per graph would allow it, at the cost of copying
		// every page a graph changes, 15 % of a load's time)
		b.failed = argmap.Errorf(argmap.ErrorCode(err), "the bulk load failed at an earlier graph: %s", argmap.ErrorMessage(err))
	}
	return err
}

// writeBulk writes g in the load b, dropping the indexes first when the
// load grows to the size of what the store held.
func (s *Store) writeBulk(ctx context.Context, tx *sql.Tx, g *argmap.Graph, m writeMode, b *bulkLoad) error {
	rows := graphRows(g)
	if !b.isDrop && b.written+rows >= max(bulkDropMinRows, b.stored) {
		if err := b.dropIndexes(ctx, tx); err != nil {
			return err
		}
	}
	if err := s.writeGraphBulk(ctx, tx, g, m, b); err != nil {
		return err
	}
	b.written += rows
	return nil
}

// Bulk calls fn with a store bound to one write transaction set up for
// loading: every WriteGraph in it takes the bulk path; full-text rows, the
// graph_version increment and, once the load is as large as what the store
// held, the secondary indexes are written once at the end; the page cache is
// larger meanwhile. A WriteGraph that fails inside fn fails the load
// (rolled back even if fn returns nil). All or nothing, as Atomically; the write-ahead log is checkpointed
// and truncated after the commit. See argmap.BulkLoader.
func (s *Store) Bulk(ctx context.Context, fn func(tx argmap.Store) error) error {
	if s.bulk != nil {
		return fn(s)
	}
	if s.tx != nil { // inside Atomically: a load in its transaction
		if err := s.flushFTS(ctx); err != nil {
			return translate(ctx, err, "bulk load")
		}
		b, err := beginBulk(ctx, s.tx)
		if err != nil {
			return translate(ctx, err, "bulk load")
		}
		if err := cmp.Or(fn(&Store{tx: s.tx, wc: s.wc, bulk: b}), b.failed); err != nil {
			b.restore(ctx, s.tx)
			return err
		}
		return translate(ctx, b.end(ctx, s.tx), "bulk load")
	}
	wrote := false
	err := s.write(ctx, "bulk load", func(tx *sql.Tx) error {
		b, err := beginBulk(ctx, tx)
		if err != nil {
			return err
		}
		if err := cmp.Or(fn(&Store{tx: tx, wc: s.wc, bulk: b}), b.failed); err != nil {
			return err
		}
		wrote = b.written > 0
		return b.end(ctx, tx)
	})
	s.afterBulk(ctx, wrote && err == nil)
	return err
}

// afterBulk sets the writer's page cache back, and after a load that wrote
// checkpoints the write-ahead log and truncates it (a load of millions of
// rows leaves a log of gigabytes otherwise). Neither can fail the load,
// which is committed.
func (s *Store) afterBulk(ctx context.Context, wrote bool) {
	if s.w == nil {
		return
	}
	s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA cache_size = -%d`, normalCacheKiB))
	if wrote {
		s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
}
