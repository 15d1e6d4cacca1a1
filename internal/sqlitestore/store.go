// Package sqlitestore implements argmap.Store on an embedded SQLite database
// (modernc.org/sqlite, pure Go). Writes go through one connection, since
// SQLite serialises writers anyway; reads use a separate pool and run
// concurrently with writes thanks to write-ahead logging.
package sqlitestore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/migrations"
)

// Store is an argmap.Store on one SQLite database file. It is safe for
// concurrent use.
type Store struct {
	w *sql.DB // the one writer connection
	r *sql.DB // a pool of read-only connections
	p *sql.DB // one read-only connection of its own for Ping
	// tx, when set, is the write transaction of Atomically: every read and
	// write of this Store runs in it (w, r and p are then nil, and wc is
	// the cache of the Store that began it).
	tx *sql.Tx

	wc, rc *stmtCache // statements prepared once on w and on r

	adj *memCopy[adjGraph]    // the relations in memory for Reach (nil in Atomically)
	cc  *memCopy[contentCopy] // texts, spans, sources and index terms in memory for answers (nil in Atomically)
	tok *tokenizer            // query words to index terms for searches from cc

	// fts, in a Store of Atomically, holds the claims and evidence its
	// graphs wrote that the full-text indexes do not have yet: they are
	// indexed in one statement each before any other read or write of the
	// transaction and before it commits, instead of once per graph (FTS5
	// writes a segment at each statement; ingest writes up to 32 small
	// documents in one transaction).
	fts *pendingFTS

	bulk *bulkLoad // the load of a Store of Bulk, else nil

	hubs *hubsCache // the last ranking of Hubs (nil in Atomically)

	keys *keyIndex // the claims under each link key, in memory (shared with the Stores of Atomically)

	walPages int // the writer's wal_autocheckpoint (in 4 KiB pages) when SetWALPages raised it, else 0
	pageSize int // the database file's page size in bytes

	// notify, when set, is told the name of each migration about to be
	// applied to a store that had migrations applied before (OpenNotify)
	notify func(migration string)
}

// pendingFTS are the rowids of claims (pk) and evidence written but not
// indexed, and the rows of the tables keyed by random IDs or keys that the
// graphs written have not inserted yet (see pendingRows).
type pendingFTS struct {
	claims, evidence []int64
	rows             pendingRows
	// actors are those the transaction's graphs wrote or found (see
	// graphWriter.actor), forgotten at any other call in the transaction
	actors map[string]*knownActor
	// keys lists the claims it wrote under their link keys (keyLists)
	keys *ownKeys
}

var _ argmap.Store = (*Store)(nil)

// readers is the size of the read pool.
const readers = 4

// Open opens (creating if need be) the database file at path and applies any
// migration not yet recorded. EINVALID for an empty path; EUNAVAILABLE when the
// file cannot be opened.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenNotify(ctx, path, nil)
}

// OpenNotify is Open, calling notify (when not nil) with a migration's file
// name before it is applied to a store written by an earlier version (one
// with migrations recorded already), so that a caller can say why opening a
// large store takes a while: a migration may rewrite every row of a table. A
// new store's migrations are not reported.
func OpenNotify(ctx context.Context, path string, notify func(migration string)) (*Store, error) {
	// Two processes opening a new file at once race to switch it to WAL and
	// migrate it; SQLite answers the loser SQLITE_BUSY without waiting (its
	// deadlock guard), so a busy open is tried again for a few seconds.
	deadline := time.Now().Add(10 * time.Second)
	for wait := 20 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		s, err := open(ctx, path, notify)
		if err == nil || !isBusy(err) || time.Now().After(deadline) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return nil, translate(ctx, ctx.Err(), "open the database")
		case <-time.After(wait):
		}
	}
}

// isBusy reports whether err is SQLite's SQLITE_BUSY or SQLITE_LOCKED.
func isBusy(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		c := se.Code() & 0xff
		return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
	}
	return false
}

func open(ctx context.Context, path string, notify func(string)) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, argmap.Errorf(argmap.EINVALID, "the database path is empty")
	}
	if path == ":memory:" || strings.Contains(path, "mode=memory") {
		return nil, argmap.Errorf(argmap.EINVALID, "an in-memory database cannot be shared by the read and write pools; use a file")
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot open the database", Err: err}
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, translate(ctx, err, "open the database")
	}
	s := &Store{w: w, wc: &stmtCache{db: w}, notify: notify, keys: newKeyIndex()}
	if _, err := s.migrate(ctx, migrations.SQLite, migrations.SQLiteSchema); err != nil {
		w.Close()
		return nil, err
	}
	if err := s.readPageSize(ctx); err != nil {
		w.Close()
		return nil, err
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot open the database", Err: err}
	}
	r.SetMaxOpenConns(readers)
	r.SetMaxIdleConns(readers)
	if err := r.PingContext(ctx); err != nil {
		w.Close()
		r.Close()
		return nil, translate(ctx, err, "open the database")
	}
	s.r, s.rc = r, &stmtCache{db: r}
	s.adj, s.cc, s.tok = newMemCopy(s.readAdjacency), newMemCopy(s.readContent), &tokenizer{}
	s.hubs = &hubsCache{version: -1}
	// Ping has a connection of its own, opened on first use, so that a health
	// check does not queue behind the reads that hold the pool.
	p, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		w.Close()
		r.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot open the database", Err: err}
	}
	p.SetMaxOpenConns(1)
	p.SetMaxIdleConns(1)
	s.p = p
	return s, nil
}

// Ping reads the schema's first row on a connection of its own: the file is
// there and readable, whatever the read pool is doing.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	var q querier = s.p
	if s.tx != nil {
		q = s.tx // a Store of Atomically answers in its transaction
	}
	err := q.QueryRowContext(ctx, `SELECT 1 FROM sqlite_schema LIMIT 1`).Scan(&one)
	if err != nil {
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "ping the database: it does not answer", Err: err}
	}
	return nil
}

// dsn returns the data source name of a writer or reader connection.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	// The driver runs _pragma entries, busy_timeout first, before its own
	// shorthand keys: without this one, journal_mode=WAL on a file another
	// process is opening at the same moment failed at once with SQLITE_BUSY.
	q.Add("_pragma", "busy_timeout(10000)")
	q.Set("_foreign_keys", "1")
	if !readOnly {
		// a new file only (a file with a page size keeps it): see
		// newPageSize
		q.Add("_pragma", fmt.Sprintf("page_size(%d)", newPageSize))
	}
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	// Random IDs scatter inserts over the B-trees: a larger page cache and
	// memory-mapped reads keep big graphs from going to disk for every page.
	q.Add("_pragma", "mmap_size(268435456)")
	if readOnly {
		q.Set("_query_only", "1")
		q.Add("_pragma", "cache_size(-16384)")
	} else {
		q.Set("_txlock", "immediate")
		q.Add("_pragma", "cache_size(-65536)")
		q.Add("_pragma", "temp_store(MEMORY)")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// stmtCache keeps statements prepared once on a pool for the life of the
// store. A transaction uses them through tx.StmtContext, which reuses the
// statement already prepared on the transaction's connection (or prepares it
// there once). A query not yet cached is prepared in the transaction and
// noted; flush prepares the noted queries on the pool once the transaction
// has given its connection back (preparing on the pool inside a transaction
// would wait for a connection the transaction holds).
type stmtCache struct {
	db      *sql.DB
	mu      sync.Mutex
	stmts   map[string]*sql.Stmt
	pending map[string]bool
	closed  bool
}

// lookup returns the prepared statement of query, or marks query to be
// prepared by the next flush when there is none yet.
func (c *stmtCache) lookup(query string) (*sql.Stmt, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	st, ok := c.stmts[query]
	if !ok {
		if c.pending == nil {
			c.pending = map[string]bool{}
		}
		c.pending[query] = true
	}
	return st, ok
}

// in returns the statement of query for use in tx, a transaction of c's
// pool (a nil cache prepares it in tx).
func (c *stmtCache) in(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if c == nil {
		return tx.PrepareContext(ctx, query)
	}
	st, ok := c.lookup(query)
	if ok {
		return tx.StmtContext(ctx, st), nil
	}
	return tx.PrepareContext(ctx, query)
}

// row runs query (no arguments) on db, c's pool, outside any transaction:
// as its statement once prepared, else unprepared.
func (c *stmtCache) row(ctx context.Context, db *sql.DB, query string) *sql.Row {
	if c == nil {
		return db.QueryRowContext(ctx, query)
	}
	st, ok := c.lookup(query)
	if ok {
		return st.QueryRowContext(ctx)
	}
	// (prepared on the pool by the next read transaction's flush: not
	// here, where the row still holds its connection)
	return db.QueryRowContext(ctx, query)
}

// readStmt returns the statement of query for a transaction of s.read.
func (s *Store) readStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if s.tx != nil {
		return s.wc.in(ctx, tx, query) // the reads of Atomically run on the writer
	}
	return s.rc.in(ctx, tx, query)
}

// flush prepares on the pool the queries in was asked for and did not have.
// A query that does not prepare is left out: its transactions prepare it
// themselves and report the error.
func (c *stmtCache) flush(ctx context.Context) {
	if c == nil {
		return
	}
	c.mu.Lock()
	pending := c.pending
	c.pending = nil
	c.mu.Unlock()
	for q := range pending {
		st, err := c.db.PrepareContext(ctx, q)
		if err != nil {
			continue
		}
		c.mu.Lock()
		if _, ok := c.stmts[q]; ok || c.closed {
			st.Close()
		} else {
			if c.stmts == nil {
				c.stmts = map[string]*sql.Stmt{}
			}
			c.stmts[q] = st
		}
		c.mu.Unlock()
	}
}

// close closes the statements; later flushes prepare nothing.
func (c *stmtCache) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var errs []error
	for _, st := range c.stmts {
		errs = append(errs, st.Close())
	}
	c.stmts, c.closed = nil, true
	return errors.Join(errs...)
}

// newPageSize is the page size of a database file the store creates
// (SQLite's default is 4096). Ingest writes a store's rows in batches of
// many documents, in key order within each table (pendingRows): with larger
// pages a batch splits fewer pages, and commits and checkpoints copy four
// times fewer of them (modernc writes each frame of the log with two
// system calls); the writer alone spent 5 to 9 % less CPU time on the
// 10 MiB corpus. A file written before keeps its page size (only a VACUUM
// would change it), and works as before.
const newPageSize = 16384

// readPageSize notes the page size of the store's file, and sets the
// write-ahead log's default size in bytes to SQLite's default of 1000
// pages of 4 KiB, whatever the page size.
func (s *Store) readPageSize(ctx context.Context) error {
	if err := s.w.QueryRowContext(ctx, `PRAGMA page_size`).Scan(&s.pageSize); err != nil {
		return translate(ctx, err, "read the page size")
	}
	if s.pageSize <= 0 {
		s.pageSize = 4096
	}
	if s.pageSize != 4096 {
		if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, s.walFrames(defaultWALPages))); err != nil {
			return translate(ctx, err, "set the write-ahead log size")
		}
	}
	return nil
}

// walFrames is the number of the file's pages that hold pages pages of
// 4 KiB.
func (s *Store) walFrames(pages int) int {
	if s.pageSize <= 4096 {
		return pages
	}
	return max(1, pages*4096/s.pageSize)
}

// SetWALPages lets the write-ahead log grow to pages pages (of 4 KiB) before
// a commit copies them into the database file, instead of SQLite's 1000
// (wal_autocheckpoint); 0 or less puts the default back. For a long run of
// writes, such as ingesting many documents: each transaction of a run
// rewrites pages scattered over the indexes of random IDs, and a longer log
// copies a page rewritten by many transactions once per checkpoint, with
// fewer checkpoints and their fsyncs. Readers are not slowed (the log's
// index is searched by hash), but the log takes up to pages*4 KiB on disk
// until the default is put back or the Store is closed: both checkpoint the
// log and truncate it. A no-op in a Store of Atomically.
func (s *Store) SetWALPages(ctx context.Context, pages int) error {
	if s.w == nil || s.tx != nil {
		return nil
	}
	if pages <= 0 {
		pages = defaultWALPages
	}
	// the writer pool is one connection kept open (open), so the setting
	// holds for every later write
	if _, err := s.w.ExecContext(ctx, fmt.Sprintf(`PRAGMA wal_autocheckpoint = %d`, s.walFrames(pages))); err != nil {
		return translate(ctx, err, "set the write-ahead log size")
	}
	was := s.walPages
	s.walPages = 0
	if pages != defaultWALPages {
		s.walPages = pages
	}
	if was > 0 && s.walPages == 0 {
		return s.truncateWAL(ctx)
	}
	return nil
}

// defaultWALPages is SQLite's wal_autocheckpoint (of 4 KiB pages).
const defaultWALPages = 1000

// IngestWALPages is the write-ahead log for a run of many writes such as
// ingesting a corpus (SetWALPages): 64 MiB.
const IngestWALPages = 16384

// truncateWAL copies the write-ahead log into the database file and empties
// it, as far as readers of other connections allow (a checkpoint does not
// wait for them).
func (s *Store) truncateWAL(ctx context.Context) error {
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return translate(ctx, err, "checkpoint the write-ahead log")
	}
	return nil
}

// Close closes both pools.
func (s *Store) Close() error {
	var errs []error
	if s.w != nil && s.tx == nil && s.walPages > 0 {
		// a long log of SetWALPages is not left behind when another
		// connection keeps the file open (the last one to close
		// checkpoints and removes the log)
		errs = append(errs, s.truncateWAL(context.Background()))
		s.walPages = 0
	}
	if s.p != nil {
		errs = append(errs, s.p.Close())
	}
	if s.wc != nil && s.tx == nil {
		errs = append(errs, s.wc.close())
	}
	if s.tx == nil {
		s.adj.close()
		s.cc.close()
		if s.tok != nil {
			errs = append(errs, s.tok.close())
		}
	}
	if s.rc != nil {
		errs = append(errs, s.rc.close())
	}
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		errs = append(errs, s.w.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return argmap.WrapInternal(err, "close the database")
	}
	return nil
}

// Migrate applies pending migrations and returns the names of those it
// applied (none when Open has already brought the schema up to date).
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	return s.migrate(ctx, migrations.SQLite, migrations.SQLiteSchema)
}

// migrate applies, in lexical order, every *.sql file of fsys not yet recorded
// in schema_migrations, each in its own transaction, and returns the names of
// the files it applied. A new database (nothing recorded, no table) gets
// the script of schema instead of the migrations it covers (see
// applySchema); schema may be nil.
func (s *Store) migrate(ctx context.Context, fsys, schema fs.FS) ([]string, error) {
	const create = `CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY,
		applied_at INTEGER NOT NULL
	)`
	if _, err := s.w.ExecContext(ctx, create); err != nil {
		return nil, translate(ctx, err, "create the migrations table")
	}
	recorded, err := s.recorded(ctx)
	if err != nil {
		return nil, err
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, argmap.WrapInternal(err, "read the migrations")
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".sql" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	// a store written by an earlier version: its migrations are reported
	earlier := len(recorded) > 0
	var applied []string
	if !earlier && schema != nil {
		if applied, err = s.applySchema(ctx, names, schema); err != nil {
			return nil, err
		}
		for _, name := range applied {
			recorded[name] = true
		}
	}
	for _, name := range names {
		if recorded[name] {
			// (checked again in the transaction below when not: another
			// process may be migrating the same file)
			continue
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return applied, argmap.WrapInternal(err, "read migration "+name)
		}
		done := false
		err = s.write(ctx, "apply migration "+name, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE name = ?`, name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if earlier && s.notify != nil {
				s.notify(name)
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`,
				name, argmap.Now().UnixMilli())
			done = err == nil
			return err
		})
		if err != nil {
			return applied, err
		}
		if done {
			applied = append(applied, name)
		}
	}
	return applied, nil
}

// recorded returns the names of the migrations recorded as applied.
func (s *Store) recorded(ctx context.Context) (map[string]bool, error) {
	rows, err := s.w.QueryContext(ctx, `SELECT name FROM schema_migrations`)
	if err != nil {
		return nil, translate(ctx, err, "read the migrations table")
	}
	defer rows.Close()
	names := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, translate(ctx, err, "read the migrations table")
		}
		names[name] = true
	}
	if err := rows.Err(); err != nil {
		return nil, translate(ctx, err, "read the migrations table")
	}
	return names, nil
}

// applySchema gives a new database the schema of the one script in
// schema, named after the last migration it covers, and records as
// applied the migrations of names up to and including that one, in one
// transaction; it returns their names. A database with a migration
// recorded or a table of its own, or a script whose name is not among
// names, is left alone (nil): the migrations then run one by one. Creating
// the schema by its twenty migrations was a third of the CPU time of
// ingesting a small file into a new store.
func (s *Store) applySchema(ctx context.Context, names []string, schema fs.FS) ([]string, error) {
	files, err := fs.Glob(schema, "*.sql")
	if err != nil || len(files) != 1 || !slices.Contains(names, files[0]) {
		return nil, nil
	}
	last := files[0]
	body, err := fs.ReadFile(schema, last)
	if err != nil {
		return nil, argmap.WrapInternal(err, "read the schema "+last)
	}
	var covered []string
	err = s.write(ctx, "create the schema", func(tx *sql.Tx) error {
		var n int
		// a new database: nothing but the migrations table, empty (checked
		// in the write transaction, another process may be creating it)
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM schema_migrations)
			+ (SELECT count(*) FROM sqlite_schema WHERE name <> 'schema_migrations' AND name NOT LIKE 'sqlite\_%' ESCAPE '\')`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return err
		}
		at := argmap.Now().UnixMilli()
		for _, name := range names {
			if name > last {
				break
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)`, name, at); err != nil {
				return err
			}
			covered = append(covered, name)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return covered, nil
}

// Atomically calls fn with a Store bound to one write transaction. See
// argmap.Transactor.
func (s *Store) Atomically(ctx context.Context, fn func(tx argmap.Store) error) error {
	if s.tx != nil {
		return fn(s)
	}
	return s.write(ctx, "write", func(tx *sql.Tx) error {
		// what the transaction sees of the key lists as it begins (its
		// claims are listed apart: keyLists)
		own := &ownKeys{byKey: keyPKs{}}
		var err error
		if own.version, own.top, _, err = keysState(ctx, tx); err != nil {
			return err
		}
		txs := &Store{tx: tx, wc: s.wc, fts: &pendingFTS{keys: own}, keys: s.keys}
		if err := fn(txs); err != nil {
			return err
		}
		return txs.flushFTS(ctx)
	})
}

// flushFTS adds the claims and evidence pending in a Store of Atomically to
// the full-text indexes.
func (s *Store) flushFTS(ctx context.Context) error {
	if s.bulk != nil && s.tx != nil {
		if err := s.bulk.flushText(ctx, s.tx); err != nil {
			return err
		}
	}
	if err := s.flushRows(ctx); err != nil {
		return err
	}
	if s.fts == nil || s.tx == nil || len(s.fts.claims)+len(s.fts.evidence) == 0 {
		return nil
	}
	w := &graphWriter{ctx: ctx, store: s, tx: s.tx, stmt: map[string]*sql.Stmt{}}
	defer w.close()
	err := w.index(s.fts.claims, s.fts.evidence)
	s.fts.claims, s.fts.evidence = s.fts.claims[:0], s.fts.evidence[:0]
	return err
}

// flushRows inserts the rows pending in a Store of Atomically (see
// pendingRows): those of all the graphs written since the last flush.
func (s *Store) flushRows(ctx context.Context) error {
	if s.fts == nil || s.tx == nil || s.fts.rows.empty() {
		return nil
	}
	w := &graphWriter{ctx: ctx, store: s, tx: s.tx, stmt: map[string]*sql.Stmt{}}
	defer w.close()
	err := w.insertPending(&s.fts.rows)
	s.fts.rows.reset()
	return err
}

// inTx runs fn in the transaction of a Store of Atomically, the pending
// full-text rows indexed first unless the caller reads or writes neither
// the indexes nor rows their triggers follow (deferFTS).
func (s *Store) inTx(ctx context.Context, what string, deferFTS bool, fn func(tx *sql.Tx) error) error {
	if !deferFTS {
		if s.fts != nil {
			// another call may change actors
			s.fts.actors = nil
		}
		if err := s.flushFTS(ctx); err != nil {
			return translate(ctx, err, what)
		}
	}
	return translate(ctx, fn(s.tx), what)
}

// write runs fn in a write transaction and commits it if fn succeeds. Errors
// are translated with what naming the operation. In a Store of Atomically,
// fn runs in its transaction.
func (s *Store) write(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	return s.writeFTS(ctx, what, false, fn)
}

// writeFTS is write; deferFTS as inTx.
func (s *Store) writeFTS(ctx context.Context, what string, deferFTS bool, fn func(tx *sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return translate(ctx, err, what)
	}
	if s.tx != nil {
		return s.inTx(ctx, what, deferFTS, fn)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return translate(ctx, err, what)
	}
	defer s.wc.flush(ctx)
	if err := fn(tx); err != nil {
		tx.Rollback()
		return translate(ctx, err, what)
	}
	if err := s.catchUp(ctx, tx); err != nil {
		tx.Rollback()
		return translate(ctx, err, what)
	}
	if err := tx.Commit(); err != nil {
		return translate(ctx, err, what)
	}
	return nil
}

// read runs fn in a read transaction, so that the queries fn makes see one
// snapshot of the database.
func (s *Store) read(ctx context.Context, what string, fn func(tx *sql.Tx) error) error {
	return s.readFTS(ctx, what, false, fn)
}

// readFTS is read; deferFTS as inTx.
func (s *Store) readFTS(ctx context.Context, what string, deferFTS bool, fn func(tx *sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return translate(ctx, err, what)
	}
	if s.tx != nil {
		return s.inTx(ctx, what, deferFTS, fn)
	}
	tx, err := s.r.BeginTx(ctx, nil)
	if err != nil {
		return translate(ctx, err, what)
	}
	defer s.rc.flush(ctx)
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return translate(ctx, err, what)
	}
	return nil
}

// translate is the one place driver errors become argmap errors: argmap errors
// pass through; context errors stay in the chain (code EUNAVAILABLE);
// constraint violations become ECONFLICT or EINVALID; a busy database or an
// unusable file is EUNAVAILABLE; anything else is EINTERNAL with the cause wrapped.
func translate(ctx context.Context, err error, what string) error {
	if err == nil {
		return nil
	}
	var ae *argmap.Error
	if errors.As(err, &ae) {
		return err
	}
	if cerr := ctx.Err(); cerr != nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		if cerr == nil {
			cerr = err
		}
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: what + ": " + cerr.Error(), Err: cerr}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
			return &argmap.Error{Code: argmap.ECONFLICT, Message: what + ": the record already exists", Err: err}
		case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
			return &argmap.Error{Code: argmap.EINVALID, Message: what + ": a referenced record does not exist", Err: err}
		case sqlite3.SQLITE_CONSTRAINT_CHECK, sqlite3.SQLITE_CONSTRAINT_NOTNULL:
			return &argmap.Error{Code: argmap.EINVALID, Message: what + ": a value is not allowed", Err: err}
		}
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: what + ": the database is busy", Err: err}
		case sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL:
			return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: what + ": the database file cannot be used", Err: err}
		case sqlite3.SQLITE_INTERRUPT:
			return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: what + ": interrupted", Err: err}
		case sqlite3.SQLITE_CONSTRAINT:
			return &argmap.Error{Code: argmap.EINVALID, Message: what + ": a constraint is not met", Err: err}
		}
	}
	return argmap.WrapInternal(err, what)
}

// notFound returns the ENOTFOUND error of an unknown ID.
func notFound(kind argmap.NodeKind, id string) error {
	return argmap.Errorf(argmap.ENOTFOUND, "%s %s not found", kind, id)
}

// querier is what *sql.Tx and *sql.DB have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// ms returns t as Unix milliseconds; fromMS is its inverse, in UTC.
func ms(t time.Time) int64 { return t.UnixMilli() }

func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// orNow returns t, or the current time when t is zero.
func orNow(t time.Time) time.Time {
	if t.IsZero() {
		return argmap.Now()
	}
	return t.UTC().Truncate(time.Millisecond)
}

// jsonList encodes a list of IDs or strings for json_each.
func jsonList(ss []string) string {
	if len(ss) == 0 {
		return "[]"
	}
	// what json.Marshal writes, without its reflection, when no string
	// needs escaping (keys, cues and sections of ingested claims): a
	// claim's lists were a twelfth of the time of writing its row
	n := 1
	for _, s := range ss {
		if !plainJSON(s) {
			b, _ := json.Marshal(ss) // strings always marshal
			return string(b)
		}
		n += len(s) + 3
	}
	b := make([]byte, 0, n)
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, s...)
		b = append(b, '"')
	}
	return string(append(b, ']'))
}

// plainJSON reports whether json.Marshal writes s as it is between quotes:
// printable ASCII but the quote, the backslash and the characters it
// escapes for HTML.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c > 0x7e, c == '"', c == '\\', c == '<', c == '>', c == '&':
			return false
		}
	}
	return true
}

// jsonInts encodes a list of integers (pks) for json_each.
func jsonInts(ns []int64) string {
	b := make([]byte, 0, 2+8*len(ns))
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, n, 10)
	}
	return string(append(b, ']'))
}

// encodeReferent is the referent column of a claim or evidence: r as a
// JSON object, ” for none (migration 0017).
func encodeReferent(r *argmap.Referent) string {
	if r == nil {
		return ""
	}
	b, _ := json.Marshal(r) // strings and ints always marshal
	return string(b)
}

// decodeReferent decodes a referent column.
func decodeReferent(s string) (*argmap.Referent, error) {
	if s == "" {
		return nil, nil
	}
	var r argmap.Referent
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		return nil, fmt.Errorf("decode referent %q: %w", s, err)
	}
	return &r, nil
}

// decodeStrings decodes a JSON array column.
func decodeStrings(s string) ([]string, error) {
	if s == "" || s == "[]" {
		return nil, nil
	}
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, fmt.Errorf("decode %q: %w", s, err)
	}
	return out, nil
}

// tables names the table of each kind of record.
var tables = map[argmap.NodeKind]string{
	argmap.KindSource:   "sources",
	argmap.KindClaim:    "claims",
	argmap.KindEvidence: "evidence",
	argmap.KindActor:    "actors",
	argmap.KindRelation: "relations",
	argmap.KindCitation: "citations",
}

// exists reports whether a record with the ID is stored, in the table its
// prefix names.
func exists(ctx context.Context, q querier, id string) (bool, error) {
	table, ok := tables[argmap.KindOf(id)]
	if !ok {
		return false, nil
	}
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

// collect scans every row of a one-column query into a slice of strings.
func collect(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// prepared is a querier over a read transaction of s whose queries run as
// statements of s's cache (prepared once per connection instead of parsed on
// every call). Only queries whose text does not vary with the input (lists
// passed as one JSON argument) belong here, or the cache would grow without
// bound.
type prepared struct {
	s  *Store
	tx *sql.Tx
}

func (p prepared) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.s.readStmt(ctx, p.tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p prepared) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.s.readStmt(ctx, p.tx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (p prepared) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := p.s.readStmt(ctx, p.tx, query)
	if err != nil {
		// a Row carrying err: the same query run unprepared reports it
		return p.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}
