// Package neo4jstore implements argmap.Store on Neo4j through the official Go
// driver. The graph model: (:Source), (:Claim), (:Evidence), (:Actor) and
// (:Citation) nodes; (:Relation) nodes with (premise)-[:FROM {position}]->
// (relation)-[:TO]->(claim or relation) edges, so that a relation can itself
// be contested (an undercut); spans as [:STATED_IN {start, end, quote}]
// (claim or relation to source) and [:QUOTED_IN] (evidence to source) edges;
// actor roles as [:ASSERTS], [:DISPUTES], [:NAMED_IN] (actor to claim);
// citations as (source)-[:HAS_CITATION]->(:Citation)-[:CITES]->(source).
// Times are Unix milliseconds (UTC). Every statement is an embedded file
// under queries/, every value a parameter; scripts/cypher-lint.sh lints them.
// It needs Neo4j 5.6 or later (COLLECT subqueries); Community Edition will do.
package neo4jstore

import (
	"context"
	"io/fs"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/migrations"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Store is argmap.Store on a Neo4j database. It is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	// direct, when set, runs every transaction on it instead of the driver:
	// tests use it to script the database's answers.
	direct tx
	// bulk is set on the store a Bulk load hands to its function.
	bulk *bulkLoad
}

var (
	_ argmap.Store      = (*Store)(nil)
	_ argmap.BulkLoader = (*Store)(nil)
)

// batchSize bounds the rows sent in one UNWIND.
const batchSize = 500

// Open connects to the database cfg names, verifies that it answers and
// applies pending migrations. EINVALID for a bad configuration,
// EUNAUTHORIZED for rejected credentials, EUNAVAILABLE when the server cannot
// be reached.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if statementsErr != nil {
		return nil, argmap.WrapInternal(statementsErr, "load neo4j queries")
	}
	if err := checkURI(cfg.URI); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxConnectionPoolSize = cfg.MaxConnPoolSize
		c.ConnectionAcquisitionTimeout = cfg.ConnAcquisitionTimeout
		// Managed transactions are retried on transient errors (deadlocks,
		// a lost connection, a restarting server) for as long as the query
		// timeout allows, not the driver's default 30 s.
		c.MaxTransactionRetryTime = cfg.QueryTimeout
	})
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "neo4j configuration: %s", "the driver refused the URI")
	}
	s := &Store{driver: driver, cfg: cfg}
	vctx, cancel := context.WithTimeout(ctx, cfg.QueryTimeout)
	defer cancel()
	if err := driver.VerifyConnectivity(vctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, translate(vctx, err, "connect to neo4j")
	}
	if _, err := s.Migrate(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// Close releases the driver's connections.
func (s *Store) Close() error {
	if s.driver == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return translate(ctx, s.driver.Close(ctx), "close neo4j")
}

// Migrate applies the pending migrations of package migrations, one
// statement per transaction, and returns the names of the files it applied.
func (s *Store) Migrate(ctx context.Context) ([]string, error) {
	return s.migrate(ctx, migrations.Neo4j)
}

// Wipe deletes every record, keeping the schema and the record of applied
// migrations. The conformance tests call it before each subtest.
func (s *Store) Wipe(ctx context.Context) error {
	for {
		var deleted int64
		err := s.write(ctx, "wipe", func(t tx) error {
			recs, err := run(ctx, t, qWipeBatch, map[string]any{"batch": int64(10000)})
			if err != nil {
				return err
			}
			deleted, err = one[int64](recs, "deleted")
			return err
		})
		if err != nil || deleted == 0 {
			return err
		}
	}
}

// Atomically calls fn with a Store bound to one managed write transaction,
// which the driver retries on transient failures (fn runs again). See
// argmap.Transactor.
func (s *Store) Atomically(ctx context.Context, fn func(tx argmap.Store) error) error {
	if s.direct != nil {
		return fn(s)
	}
	return s.write(ctx, "write", func(t tx) error { return fn(s.bound(t)) })
}

// bound returns a Store whose statements all run on t.
func (s *Store) bound(t tx) *Store {
	return &Store{cfg: s.cfg, direct: t}
}

// tx is what the store's statements run on: one transaction.
type tx interface {
	// Run runs cypher with params and returns every record.
	Run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error)
}

// managed adapts a driver transaction to tx.
type managed struct{ t neo4j.ManagedTransaction }

func (m managed) Run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := m.t.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// run runs the named statement with params and returns its records.
func run(ctx context.Context, t tx, name string, params map[string]any) ([]*neo4j.Record, error) {
	st, ok := statements[name]
	if !ok {
		return nil, argmap.Errorf(argmap.EINTERNAL, "unknown neo4j statement %s", name)
	}
	if params == nil {
		params = map[string]any{}
	}
	if err := st.checkParams(params); err != nil {
		return nil, argmap.WrapInternal(err, "neo4j statement "+name)
	}
	return t.Run(ctx, st.Text, params)
}

// runBatches runs the named statement once per batch of rows as $rows and
// returns the sum of the "linked" column of its answers.
func runBatches(ctx context.Context, t tx, name string, rows []map[string]any) (int64, error) {
	n, err := runBatchesOf(ctx, t, name, rows, batchSize)
	return n.linked, err
}

// counts sums the "created" and "linked" columns of a statement's answers.
type counts struct{ created, linked int64 }

// runBatchesOf runs the named statement once per size rows as $rows and sums
// the "created" and "linked" columns of the answers that have them.
func runBatchesOf(ctx context.Context, t tx, name string, rows []map[string]any, size int) (counts, error) {
	var total counts
	for start := 0; start < len(rows); start += size {
		end := min(start+size, len(rows))
		recs, err := run(ctx, t, name, map[string]any{"rows": rows[start:end]})
		if err != nil {
			return counts{}, err
		}
		for _, r := range recs {
			if v, ok := r.Get("linked"); ok {
				n, _ := v.(int64)
				total.linked += n
			}
			if v, ok := r.Get("created"); ok {
				n, _ := v.(int64)
				total.created += n
			}
		}
	}
	return total, nil
}

// session opens a session. Every session shares the driver's bookmark
// manager, so that on a cluster a read sees the writes made before it
// (causal consistency) even when it is routed to another member.
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{
		DatabaseName:    s.cfg.Database,
		AccessMode:      mode,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager(),
	})
}

// read runs fn in a managed read transaction, retried by the driver on
// transient failures, within the query timeout. fn must not keep state
// between attempts.
func (s *Store) read(ctx context.Context, what string, fn func(tx tx) error) error {
	return s.exec(ctx, what, neo4j.AccessModeRead, fn)
}

// readSingle is read for an fn that runs exactly one statement: it runs as
// an auto-commit transaction, one round trip to the server where a managed
// transaction takes three (BEGIN, the statement, COMMIT; the driver waits
// for BEGIN's answer), and one statement reads one snapshot. Transient
// failures are tried again, as the driver does for managed transactions,
// within the query timeout. A second statement in fn fails (EINTERNAL).
func (s *Store) readSingle(ctx context.Context, what string, fn func(tx tx) error) error {
	if s.direct != nil {
		return s.read(ctx, what, fn)
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	for wait := 50 * time.Millisecond; ; wait = min(2*wait, time.Second) {
		err := fn(&single{sess: sess, timeout: s.cfg.QueryTimeout})
		if err == nil || !neo4j.IsRetryable(err) {
			return translate(ctx, err, what)
		}
		select {
		case <-ctx.Done():
			return translate(ctx, err, what)
		case <-time.After(wait):
		}
	}
}

// single runs one statement as an auto-commit transaction (readSingle).
type single struct {
	sess    neo4j.SessionWithContext
	timeout time.Duration
	ran     bool
}

func (a *single) Run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if a.ran {
		return nil, argmap.Errorf(argmap.EINTERNAL, "a single-statement read ran a second statement")
	}
	a.ran = true
	res, err := a.sess.Run(ctx, cypher, params, neo4j.WithTxTimeout(a.timeout))
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// write is read for a write transaction: all or nothing.
func (s *Store) write(ctx context.Context, what string, fn func(tx tx) error) error {
	return s.exec(ctx, what, neo4j.AccessModeWrite, fn)
}

func (s *Store) exec(ctx context.Context, what string, mode neo4j.AccessMode, fn func(tx tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	if s.direct != nil {
		if err := ctx.Err(); err != nil {
			return translate(ctx, err, what)
		}
		return translate(ctx, fn(s.direct), what)
	}
	sess := s.session(ctx, mode)
	defer sess.Close(context.WithoutCancel(ctx))
	work := func(t neo4j.ManagedTransaction) (any, error) { return nil, fn(managed{t}) }
	var err error
	if mode == neo4j.AccessModeRead {
		_, err = sess.ExecuteRead(ctx, work, neo4j.WithTxTimeout(s.cfg.QueryTimeout))
	} else {
		_, err = sess.ExecuteWrite(ctx, work, neo4j.WithTxTimeout(s.cfg.QueryTimeout))
	}
	return translate(ctx, err, what)
}

// migrate applies the pending migrations in fsys.
func (s *Store) migrate(ctx context.Context, fsys fs.FS) ([]string, error) {
	var applied []string
	err := s.read(ctx, "read schema migrations", func(t tx) error {
		recs, err := run(ctx, t, qMigrationsApplied, nil)
		if err != nil {
			return err
		}
		applied, err = column[string](recs, "name")
		return err
	})
	if err != nil {
		return nil, err
	}
	pending, err := planMigrations(fsys, applied)
	if err != nil {
		return nil, argmap.WrapInternal(err, "read neo4j migrations")
	}
	var names []string
	for _, m := range pending {
		for _, st := range m.Statements {
			err := s.write(ctx, "migrate "+m.Name, func(t tx) error {
				_, err := t.Run(ctx, st.Text, map[string]any{})
				return err
			})
			if err != nil {
				return names, err
			}
		}
		err := s.write(ctx, "record migration "+m.Name, func(t tx) error {
			_, err := run(ctx, t, qMigrationRecord, map[string]any{"name": m.Name, "applied_at": argmap.Now().UnixMilli()})
			return err
		})
		if err != nil {
			return names, err
		}
		names = append(names, m.Name)
	}
	if len(names) > 0 {
		// Indexes fill in the background; wait, within the query timeout,
		// until they answer.
		secs := int64(s.cfg.QueryTimeout / time.Second)
		err := s.read(ctx, "wait for neo4j indexes", func(t tx) error {
			_, err := run(ctx, t, qAwaitIndexes, map[string]any{"seconds": max(secs, 1)})
			return err
		})
		if err != nil {
			return names, err
		}
	}
	return names, nil
}
