package sqlitestore

import (
	"context"
	"hash/maphash"
	"sync"
	"time"
)

// copyAfter is how long a version must have been seen unchanged before a
// copy of it is read (or as long as the last copy took to read, when that
// is longer): a command that answers one question and exits, or a store
// being written to every moment (an ingest), reads none, and a large store
// written to every few seconds does not spend its CPU on copies that the
// next write makes useless.
const copyAfter = time.Second

// memCopy keeps one copy of part of the store in memory, read at a version
// of a change counter that triggers keep (graph_version for relations,
// content_version for claims, evidence, spans and sources). A read uses the
// copy only when its own transaction sees the version the copy was read at,
// so a write by any connection or process sends it back to SQL. A new copy
// is read in the background by the first read that sees a version at least
// copyAfter after a read first saw it: a store being written to all the time
// (an ingest) and a command that answers one question never pay for copies
// they would not use, and a served store reads one copy after its last
// write.
type memCopy[T any] struct {
	read func(ctx context.Context) (*T, int64, error) // nil T: too big to keep

	mu       sync.Mutex
	val      *T            // nil when none is read
	version  int64         // the version val was read at
	seen     int64         // the version the last read saw
	seenAt   time.Time     // when a read first saw it
	after    time.Duration // copyAfter (tests make it 0: no waiting at all)
	took     time.Duration // how long the last read of a copy took
	tooBig   int64         // the version at which the store was too big to copy, else -1
	failed   int64         // the version whose copy failed to read, else -1 (not tried again)
	building bool
	closed   bool
	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup
}

func newMemCopy[T any](read func(ctx context.Context) (*T, int64, error)) *memCopy[T] {
	ctx, cancel := context.WithCancel(context.Background())
	return &memCopy[T]{read: read, version: -1, seen: -1, tooBig: -1, failed: -1, after: copyAfter, ctx: ctx, cancel: cancel}
}

// at returns the copy if it was read at version v, else nil; it starts
// reading a copy when v is the version the previous call saw too, first seen
// at least after ago. A nil memCopy has nothing.
func (c *memCopy[T]) at(v int64) *T {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.val != nil && c.version == v {
		return c.val
	}
	if v != c.seen {
		c.seen, c.seenAt = v, time.Now()
		if c.val != nil && v > c.version {
			// the counters only grow: a copy of an older version is of
			// no more use
			c.val = nil
		}
		return nil
	}
	wait := c.after
	if wait > 0 && c.took > wait {
		wait = c.took
	}
	if v != c.tooBig && v != c.failed && !c.building && !c.closed && time.Since(c.seenAt) >= wait {
		c.building = true
		c.wg.Add(1)
		go func() {
			defer c.wg.Done()
			start := time.Now()
			val, version, err := c.read(c.ctx)
			c.mu.Lock()
			defer c.mu.Unlock()
			c.building, c.took = false, time.Since(start)
			switch {
			case err != nil:
				// reads go on in SQL; the next version tries again
				// (not this one: a read that fails for good would be
				// tried at every read)
				c.failed = v
			case val == nil:
				c.tooBig = version
			default:
				c.val, c.version = val, version
			}
		}()
	}
	return nil
}

// now reads the copy of version v at once, unless it is held already or
// the store was too big or failed to read at v, and waits for it; it reports
// whether the copy holds v.
func (c *memCopy[T]) now(v int64) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	if c.val != nil && c.version == v {
		c.mu.Unlock()
		return true
	}
	if c.seen != v && c.val != nil && v > c.version {
		c.val = nil
	}
	// as if v had been seen unchanged for long: at starts the read
	c.seen, c.seenAt = v, time.Time{}
	c.mu.Unlock()
	c.at(v)
	c.wait()
	return c.current(v)
}

// wait waits for a copy being read, if any.
func (c *memCopy[T]) wait() {
	if c != nil {
		c.wg.Wait()
	}
}

// held reports whether a copy is held, of whichever version: when none
// is, a read need not ask for the version (an ingest, which writes all the
// time, reads none).
func (c *memCopy[T]) held() bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.val != nil
}

// current reports whether the copy was read at version v.
func (c *memCopy[T]) current(v int64) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.val != nil && c.version == v
}

// close stops a copy being read and waits for it.
func (c *memCopy[T]) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	c.cancel()
	c.wg.Wait()
}

// idTable interns strings (IDs, terms) with no pointers for the garbage
// collector to walk but one: every string is stored once in one long string
// and named by its index, found by an open-addressing hash table. It is built
// with add and seal, then only read; the strings it returns share its
// memory (no copy is made).
type idTable struct {
	arena []byte            // while building
	index map[string]uint32 // while building
	all   string            // after seal: string i is all[off[i]:off[i+1]]
	off   []uint32
	slots []uint32 // hash table: index + 1, 0 when empty
	seed  maphash.Seed
}

func newIDTable() *idTable {
	return &idTable{off: []uint32{0}, index: map[string]uint32{}, seed: maphash.MakeSeed()}
}

// add returns the index of s, adding it if new (before seal only).
func (t *idTable) add(s string) uint32 {
	if i, ok := t.index[s]; ok {
		return i
	}
	i := uint32(len(t.off) - 1)
	t.arena = append(t.arena, s...)
	t.off = append(t.off, uint32(len(t.arena)))
	t.index[s] = i
	return i
}

// len is the number of strings.
func (t *idTable) len() int { return len(t.off) - 1 }

// seal drops what add used and builds the hash table.
func (t *idTable) seal() {
	t.all, t.arena, t.index = string(t.arena), nil, nil
	n := t.len()
	size := 1
	for size < 2*n+2 {
		size *= 2
	}
	t.slots = make([]uint32, size)
	mask := uint32(size - 1)
	for i := range uint32(n) {
		h := t.hash(t.str(i)) & mask
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = i + 1
	}
}

// str returns string i (after seal).
func (t *idTable) str(i uint32) string { return t.all[t.off[i]:t.off[i+1]] }

// lookup returns the index of s (after seal).
func (t *idTable) lookup(s string) (uint32, bool) {
	mask := uint32(len(t.slots) - 1)
	for h := t.hash(s) & mask; t.slots[h] != 0; h = (h + 1) & mask {
		i := t.slots[h] - 1
		if t.str(i) == s {
			return i, true
		}
	}
	return 0, false
}

// hash is the table's hash of s: maphash (the runtime's string hash, with
// the table's seed), several times faster than a byte-by-byte FNV-1a on IDs
// of 20 bytes, which every answer looks up by the hundred.
func (t *idTable) hash(s string) uint32 { return uint32(maphash.String(t.seed, s)) }

// Warm reads the relations and content copies of the store as it is now,
// if they are not held already, and waits for them: a server that warms
// its store at start answers its first questions from memory (otherwise a
// copy is read in the background once a version has stayed unchanged for a
// second and two reads have seen it). It reports whether both copies are
// held; false with no error when the store is too big to keep in memory
// (over maxCachedNodes claims and evidence, or more relations than the
// relations copy holds) or in Atomically: answers then read SQL, as they
// do without Warm. A write after Warm makes the copies old again, as any
// write does.
func (s *Store) Warm(ctx context.Context) (bool, error) {
	if s.tx != nil {
		return false, nil
	}
	var v, cv int64
	if err := s.rc.row(ctx, s.r, versionsQuery).Scan(&v, &cv); err != nil {
		return false, translate(ctx, err, "read the store into memory")
	}
	rel := s.adj.now(v)
	content := s.cc.now(cv)
	if err := ctx.Err(); err != nil {
		return false, translate(ctx, err, "read the store into memory")
	}
	return rel && content, nil
}

// versionsQuery reads both change counters (relations, then content).
const versionsQuery = `SELECT g.n, c.n FROM graph_version g, content_version c WHERE g.id = 1 AND c.id = 1`

// copies returns the relations copy and the content copy when each was read
// at the version the store has now (nil otherwise, in Atomically, and in a
// store without copies), and starts reading them as a read in a
// transaction would. The versions are read in one statement on the read
// pool, outside any transaction: a read the copies answer alone then costs
// no transaction (database/sql starts and wakes a goroutine for each, and
// the answers make several); a copy read at that version is the store as
// that statement saw it, as it is for a transaction that reads the versions
// and then only the copy. A read that also needs SQL reads in a transaction,
// and checks the versions there, as before.
func (s *Store) copies(ctx context.Context) (*adjGraph, *contentCopy, error) {
	if s.tx != nil || (s.adj == nil && s.cc == nil) {
		return nil, nil, nil
	}
	// without ctx's cancellation: database/sql watches a cancellable
	// context of every query with a goroutine of its own (a request's, in
	// serve), and this one-row read is over in microseconds
	var v, cv int64
	if err := s.rc.row(context.WithoutCancel(ctx), s.r, versionsQuery).Scan(&v, &cv); err != nil {
		return nil, nil, err
	}
	return s.adj.at(v), s.cc.at(cv), nil
}

// contentHeld returns the content copy as copies does, but reads the versions
// only when a content copy is held: for reads that also run where the store
// is written all the time (ingest's look-ups of claims), which then pay no
// extra statement, and start no copy either (the other reads do).
func (s *Store) contentHeld(ctx context.Context) (*contentCopy, error) {
	if !s.cc.held() {
		return nil, nil
	}
	_, c, err := s.copies(ctx)
	return c, err
}
