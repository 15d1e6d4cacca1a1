package sqlitestore

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"sync"
	"testing/fstest"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/migrations"
)

// MigrateTo creates the store at path, or migrates it, with the migrations
// up to and including last only: the schema of an older argmap, for the
// tests of a later migration.
func MigrateTo(ctx context.Context, path, last string) error {
	sub := fstest.MapFS{}
	entries, err := fs.ReadDir(migrations.SQLite, ".")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() > last {
			continue
		}
		body, err := fs.ReadFile(migrations.SQLite, e.Name())
		if err != nil {
			return err
		}
		sub[e.Name()] = &fstest.MapFile{Data: body}
	}
	_, err = MigrateWith(ctx, path, sub, nil)
	return err
}

// MigrateWith creates the store at path, or migrates it, with the
// migrations of fsys and the schema script of schema (nil: none), as Open
// does with the embedded ones, and returns the names of the migrations it
// applied.
func MigrateWith(ctx context.Context, path string, fsys, schema fs.FS) ([]string, error) {
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, err
	}
	defer w.Close()
	w.SetMaxOpenConns(1)
	s := &Store{w: w, wc: &stmtCache{db: w}}
	return s.migrate(ctx, fsys, schema)
}

// ReachCTE is the alternative to Reach's breadth-first walk in Go that the
// benchmarks measure it against: one recursive common table expression walks
// the relations and Go keeps each node's shortest path. It lives in a test
// file because Reach is the one the store uses (see BenchmarkReachCTE).
func (s *Store) ReachCTE(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	type row struct {
		depth             int
		rel, kind, parent string
	}
	var out []argmap.Reach
	err := s.read(ctx, "reach", func(tx *sql.Tx) error {
		ok, err := exists(ctx, tx, claimID)
		if err != nil {
			return err
		}
		if !ok {
			return notFound(argmap.KindClaim, claimID)
		}
		rows, err := tx.QueryContext(ctx, `
			WITH RECURSIVE walk(pos, depth, rel, kind, parent) AS (
				SELECT ?1, 0, '', '', ''
				UNION
				SELECT p.node_id, w.depth + 1, r.id, r.kind, w.pos
				FROM walk w JOIN relations r ON r.to_id = w.pos
				JOIN (SELECT id AS relation_id, premise_id AS node_id FROM relations WHERE premise_id IS NOT NULL
					UNION ALL SELECT relation_id, node_id FROM extra_premises) p ON p.relation_id = r.id
				WHERE w.depth < ?2
				UNION
				SELECT r.id, w.depth + 1, r.id, r.kind, w.pos
				FROM walk w JOIN relations r ON r.to_id = w.pos
				WHERE w.depth < ?2
			)
			SELECT pos, depth, rel, kind, parent FROM walk ORDER BY depth, pos, rel`, claimID, depth)
		if err != nil {
			return err
		}
		best := map[string]row{}
		var order []string
		for rows.Next() {
			var pos string
			var r row
			if err := rows.Scan(&pos, &r.depth, &r.rel, &r.kind, &r.parent); err != nil {
				rows.Close()
				return err
			}
			if _, seen := best[pos]; !seen {
				best[pos] = r
				if argmap.KindOf(pos) != argmap.KindRelation {
					order = append(order, pos)
				}
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		var path func(pos string) []argmap.Step
		path = func(pos string) []argmap.Step {
			r := best[pos]
			if r.depth == 0 {
				return []argmap.Step{}
			}
			return prepend(argmap.Step{RelationID: r.rel, Kind: argmap.RelationKind(r.kind), From: pos, To: r.parent}, path(r.parent))
		}
		spans, err := spansOf(ctx, tx, order)
		if err != nil {
			return err
		}
		for _, id := range order {
			out = append(out, argmap.Reach{Node: id, Steps: path(id), Spans: spans[id]})
		}
		return nil
	})
	return out, err
}

// HoldReaders takes every connection of the read pool, each in an open read
// transaction, until release is called: what a burst of slow reads does.
func (s *Store) HoldReaders(ctx context.Context) (release func(), err error) {
	var txs []*sql.Tx
	release = func() {
		for _, tx := range txs {
			_ = tx.Rollback()
		}
	}
	for range readers {
		tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			release()
			return nil, err
		}
		txs = append(txs, tx)
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM claims`).Scan(&n); err != nil {
			release()
			return nil, err
		}
	}
	return release, nil
}

// WarmAdjacency walks from claimID until the adjacency cache and the
// content copy hold the store as it is now (they are read in the background
// after two reads see the same version) and reports whether they do.
func (s *Store) WarmAdjacency(ctx context.Context, claimID string) (bool, error) {
	s.adj.mu.Lock()
	s.adj.after = 0 // no waiting for a second of quiet
	s.adj.mu.Unlock()
	s.cc.mu.Lock()
	s.cc.after = 0
	s.cc.mu.Unlock()
	for range 3 {
		if _, err := s.Reach(ctx, claimID, 1); err != nil {
			return false, err
		}
		s.adj.wait()
		s.cc.wait()
		v, err := graphVersion(ctx, s.r)
		if err != nil {
			return false, err
		}
		cv, err := contentVersion(ctx, s.r)
		if err != nil {
			return false, err
		}
		if s.adj.current(v) && s.cc.current(cv) {
			return true, nil
		}
	}
	return false, nil
}

// InMemory reports whether the relations and the content copy held in
// memory are those of the store as it is now, and whether one is being read.
func (s *Store) InMemory(ctx context.Context) (relations, content, reading bool, err error) {
	v, err := graphVersion(ctx, s.r)
	if err != nil {
		return false, false, false, err
	}
	cv, err := contentVersion(ctx, s.r)
	if err != nil {
		return false, false, false, err
	}
	s.adj.mu.Lock()
	reading = s.adj.building
	s.adj.mu.Unlock()
	s.cc.mu.Lock()
	reading = reading || s.cc.building
	s.cc.mu.Unlock()
	return s.adj.current(v), s.cc.current(cv), reading, nil
}

// WithoutAdjacency returns a view of s whose reads always run in SQL (not to
// be closed: it shares s's connections).
func (s *Store) WithoutAdjacency() *Store {
	c := *s
	c.adj, c.cc = nil, nil
	return &c
}

// BenchGraph reads back a generated benchmark store: claim IDs and texts in
// the order written, the claims relations point at, and the counts (Load is
// left zero).
func (s *Store) BenchGraph(ctx context.Context) (*argmaptest.BenchGraph, error) {
	g := &argmaptest.BenchGraph{}
	rows, err := s.r.QueryContext(ctx, `SELECT id, text FROM claims ORDER BY pk`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id, text string
		if err := rows.Scan(&id, &text); err != nil {
			rows.Close()
			return nil, err
		}
		g.Claims, g.Texts = append(g.Claims, id), append(g.Texts, text)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if g.Targets, err = collect(ctx, s.r, `SELECT DISTINCT to_id FROM relations WHERE to_id IN (SELECT id FROM claims) ORDER BY to_id`); err != nil {
		return nil, err
	}
	g.Counts, err = s.Stats(ctx)
	return g, err
}

// Schema lists the indexes and triggers of the database with their SQL, as
// the store (or the transaction of a Store of Bulk or Atomically) sees them.
func (s *Store) Schema(ctx context.Context) ([]string, error) {
	var q querier = s.r
	if s.tx != nil {
		q = s.tx
	}
	return collect(ctx, q, `SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema
		WHERE type IN ('index', 'trigger') ORDER BY type, name`)
}

// WriterCache returns the writer's cache_size and runs SQLite's integrity
// checks of the database and the full-text indexes ("ok" when sound).
func (s *Store) WriterCache(ctx context.Context) (cache int, check string, err error) {
	if err = s.w.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return 0, "", err
	}
	if err = s.w.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil {
		return 0, "", err
	}
	for _, fts := range []string{"claims_fts", "evidence_fts"} {
		if _, err := s.w.ExecContext(ctx, `INSERT INTO `+fts+` (`+fts+`, rank) VALUES ('integrity-check', 1)`); err != nil {
			return cache, fts + ": " + err.Error(), nil
		}
	}
	return cache, check, nil
}

// SearchClaimsInMemory runs SearchClaims' ranking from the content copy
// alone: false when it would leave the query to FTS5 (no current copy, or a
// word that is not one index term).
func (s *Store) SearchClaimsInMemory(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, bool, error) {
	var hits []argmap.ClaimHit
	var ok bool
	err := s.read(ctx, "search claims", func(tx *sql.Tx) error {
		var err error
		ok, err = s.searchInMemory(ctx, tx, q, argmap.Page{Limit: limit}.Size(), &hits)
		return err
	})
	return hits, ok, err
}

// FailingCopy returns the at and wait of a memory copy whose read always
// fails, with no wait for a quiet second, and the number of reads it tried.
func FailingCopy() (at func(v int64), wait func(), reads func() int) {
	var mu sync.Mutex
	n := 0
	c := newMemCopy(func(context.Context) (*struct{}, int64, error) {
		mu.Lock()
		defer mu.Unlock()
		n++
		return nil, 0, errors.New("the read fails")
	})
	c.after = 0
	return func(v int64) { c.at(v) }, c.wait, func() int {
		mu.Lock()
		defer mu.Unlock()
		return n
	}
}

// Every runs the every-word intersection of the claims' index on lists of
// claim numbers (each ascending, a term's count 1), over docs claims, with
// the lists marked dense given their sets of claims too, and returns the
// claims it offered, ascending, and how many offers it made.
func Every(lists [][]uint32, dense []bool, docs int) ([]uint32, int) {
	ps := make([][]posting, len(lists))
	sets := make([][]uint64, len(lists))
	b := bm25{idf: make([]float64, len(lists)), k1p1: 2.2, norm: make([]float64, docs)}
	for i, l := range lists {
		for _, d := range l {
			ps[i] = append(ps[i], posting{doc: d, tf: 1})
		}
		if dense[i] {
			sets[i] = make([]uint64, (docs+63)/64)
			for _, d := range l {
				sets[i][d/64] |= 1 << (d % 64)
			}
		}
	}
	top := &topK{size: docs}
	every(ps, sets, &b, top)
	var out []uint32
	for _, x := range top.sorted() { // equal scores: by claim
		out = append(out, x.doc)
	}
	return out, top.seen
}

// JSONList is jsonList, for TestJSONList.
var JSONList = jsonList

// SetKeySearch makes s look link keys up in claim_keys_fts always (search
// true) or never (false: its lists are read whole at its first key read),
// instead of as their costs say.
func SetKeySearch(s *Store, search bool) {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	s.keys.mode = searchNever
	if search {
		s.keys.mode = searchAlways
	}
}

// KeyListsRead reports whether s holds its key lists read whole.
func KeyListsRead(s *Store) bool {
	s.keys.mu.Lock()
	defer s.keys.mu.Unlock()
	return s.keys.version >= 0
}
