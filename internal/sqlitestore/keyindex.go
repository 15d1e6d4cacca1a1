package sqlitestore

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"sync"
)

// keyIndex lists the claims stored under each link key (argmap.Claim.Keys),
// in memory: the pks of the claims whose keys column names the key, in
// ascending order (the newest last). It is read from the claims' keys
// columns (migration 0023: claim_keys, a row a key, was about ten B-tree
// inserts for each claim ingested) and describes the store as it was at
// keys_version's count version and up to the claim pk top. Claims are only
// ever stored with a pk above every other, and deleting a claim or setting
// a claim's keys raises the count, so while a transaction sees the same
// count its claims up to top are those of the index, and those above top
// are new: their keys are read and added (caught up). A transaction that
// sees another count reads every list again. Safe for concurrent use.
//
// Until the lists are read whole, keys are looked up in claim_keys_fts
// (migration 0024), which costs per key, not per claim stored: a process
// that links a document or two into a large store reads the few keys it
// needs, and the keys of the claims the index lacks (above keys_indexed's
// top, migration 0025), which its writes then index (catchUp). Once the
// keys it has looked up since the lists were last current would have cost
// as much as reading them all (searchCost), it reads them all and keeps
// them, and its writes index nothing.
type keyIndex struct {
	mu       sync.Mutex
	version  int64 // keys_version's count it was read at; -1: not read
	top      int64 // the highest claim pk read
	byKey    keyPKs
	searched int64 // keys looked up in claim_keys_fts since the lists were read whole
	index    bool  // keys were looked up since the lists were read whole: the store's writes index (catchUp)
	mode     int   // for tests (SetKeySearch): 0 as above, searchAlways or searchNever
}

// searchCost is what looking one key up in claim_keys_fts costs, in
// claims' keys read by a whole read of the lists (readKeys), rounded up:
// BenchmarkKeyListsFirstRead (50,000 claims) read them whole in 131 cpu-ms,
// 2.6 µs a claim, and looked 1,000 keys up in 42-45 cpu-ms, most of it
// reading the claims found, which a whole read reads too (168-194 cpu-ms
// for the same keys), so a key costs a few claims at most. Rounding up
// reads the lists whole sooner, as before migration 0024.
const searchCost = 8

// keyIndex modes, for tests.
const (
	searchAlways = 1 // never read the lists whole (unless a transaction changed keys itself)
	searchNever  = 2 // read the lists whole at the first read, as before migration 0024
)

// search reports whether keys (n of them) are better looked up in
// claim_keys_fts than in lists read whole, in a store whose highest claim
// pk is top, after searched keys were looked up already.
func (x *keyIndex) search(searched int64, n int, top int64, keys []string) bool {
	if slices.Contains(keys, "") {
		return false // a key of no bytes has no token
	}
	switch x.mode {
	case searchAlways:
		return true
	case searchNever:
		return false
	}
	return (searched+int64(n))*searchCost < top
}

// keyPKs are the pks of the claims under each key, ascending. A key's
// list is reached through a pointer, so that adding a pk to a key listed
// already is one look-up (a look-up and an assignment were two thirds of
// reading a store's keys).
type keyPKs map[string]*[]int64

// of returns the pks under k, ascending.
func (m keyPKs) of(k string) []int64 {
	if l := m[k]; l != nil {
		return *l
	}
	return nil
}

func newKeyIndex() *keyIndex { return &keyIndex{version: -1} }

// keysState returns keys_version's count, the highest claim pk and the
// highest pk claim_keys_fts holds (keys_indexed, migration 0025) that q
// sees.
func keysState(ctx context.Context, q querier) (version, top, indexed int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT (SELECT n FROM keys_version WHERE id = 1), coalesce((SELECT max(pk) FROM claims), 0),
		(SELECT top FROM keys_indexed WHERE id = 1)`).Scan(&version, &top, &indexed)
	return version, top, indexed, err
}

// catchUpKeysSQL adds the claims above keys_indexed's top to claim_keys_fts
// (each key one token, its UTF-8 bytes in hexadecimal, as the migrations
// write them), and moves top to the highest pk.
const catchUpKeysSQL = `INSERT INTO claim_keys_fts (rowid, keys)
	SELECT pk, h FROM (SELECT pk, (SELECT group_concat(hex(value), ' ') FROM json_each(claims.keys)) AS h
		FROM claims WHERE pk > (SELECT top FROM keys_indexed WHERE id = 1) AND keys <> '[]') WHERE h <> '' ORDER BY pk;
UPDATE keys_indexed SET top = (SELECT coalesce(max(pk), 0) FROM claims) WHERE id = 1 AND top < (SELECT coalesce(max(pk), 0) FROM claims)`

// catchUp indexes, in the write transaction tx before it commits, the
// claims claim_keys_fts lacks, when s searches it (keyIndex.indexing).
func (s *Store) catchUp(ctx context.Context, tx *sql.Tx) error {
	if s.keys == nil || !s.keys.indexing() {
		return nil
	}
	_, err := tx.ExecContext(ctx, catchUpKeysSQL)
	return err
}

// indexing reports whether x looks keys up in claim_keys_fts (it has not
// read its lists whole since it last did), so that its store's writes
// keep the index up to date.
func (x *keyIndex) indexing() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.index
}

// readKeys adds the keys of the claims with a pk in (from, to] that q sees
// to byKey, in pk order.
func readKeys(ctx context.Context, q querier, byKey keyPKs, from, to int64) error {
	if to <= from {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT pk, keys FROM claims WHERE pk > ? AND pk <= ? AND keys <> '[]' ORDER BY pk`, from, to)
	if err != nil {
		return err
	}
	defer rows.Close()
	var pk int64
	var keys sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&pk, &keys); err != nil {
			return err
		}
		if err := eachKey(keys, func(k []byte) { addKey(byKey, k, pk) }); err != nil {
			return err
		}
	}
	return rows.Err()
}

// addKey lists the claim pk under k, once (pks are added in ascending
// order).
func addKey(byKey keyPKs, k []byte, pk int64) {
	l := byKey[string(k)]
	if l == nil {
		byKey[string(k)] = &[]int64{pk}
		return
	}
	if (*l)[len(*l)-1] != pk { // else a key the claim names twice
		*l = append(*l, pk)
	}
}

// eachKey calls fn with each string of a keys column, a JSON array of
// strings: as jsonList and SQLite's json_group_array write plain ones
// (["a b","c d"], no escapes, no white space), read in place in one pass;
// any other column through encoding/json, and one that turns out not to
// be plain part way read again whole that way, so fn may be given a string
// twice (addKey lists a claim once). fn must not keep k.
func eachKey(col []byte, fn func(k []byte)) error {
	if len(col) < 2 || col[0] != '[' || col[len(col)-1] != ']' || slices.Contains(col, '\\') {
		return decodedKeys(col, fn)
	}
	s := col[1 : len(col)-1]
	for len(s) > 0 {
		if s[0] != '"' {
			return decodedKeys(col, fn)
		}
		end := slices.Index(s[1:], '"')
		if end < 0 {
			return decodedKeys(col, fn)
		}
		fn(s[1 : 1+end])
		s = s[end+2:]
		if len(s) > 0 {
			if s[0] != ',' || len(s) == 1 {
				return decodedKeys(col, fn)
			}
			s = s[1:]
		}
	}
	return nil
}

// decodedKeys calls fn with each string of a keys column decoded by
// encoding/json.
func decodedKeys(col []byte, fn func(k []byte)) error {
	ks, err := decodeStrings(string(col))
	if err != nil {
		return err
	}
	for _, k := range ks {
		fn([]byte(k))
	}
	return nil
}

// keyLists returns, for each of keys with claims stored under it, the pks
// of at most perKey of them, the newest first, as tx sees the store. In a
// Store of Atomically its own graphs' claims are among them (own).
func (s *Store) keyLists(ctx context.Context, tx *sql.Tx, keys []string, perKey int) (map[string][]int64, error) {
	// statements prepared once (linking ahead asks for a document's keys
	// at every document: parsing these two was a third of the call)
	q := prepared{s, tx}
	version, top, indexed, err := keysState(ctx, q)
	if err != nil {
		return nil, err
	}
	x, own := s.keys, (*ownKeys)(nil)
	if s.tx != nil {
		// a transaction of Atomically: the index holds what was committed
		// before it, up to the top pk it began with, and the claims it
		// wrote (above that pk) are listed apart, read as they come; any
		// other change of keys in it (a delete, an update) and the lists
		// are read from it alone
		if s.fts == nil || s.fts.keys == nil || s.fts.keys.version != version {
			x = nil
		} else {
			own = s.fts.keys
			if err := readKeys(ctx, q, own.byKey, max(own.read, own.top), top); err != nil {
				return nil, err
			}
			own.read, top = max(own.read, top), own.top
		}
	}
	out := make(map[string][]int64, len(keys))
	pick := func(byKey keyPKs) {
		for _, k := range keys {
			if _, done := out[k]; done {
				continue
			}
			var l []int64
			for _, pk := range slices.Backward(own.list(k)) {
				if len(l) == perKey {
					break
				}
				l = append(l, pk)
			}
			for _, pk := range slices.Backward(byKey.of(k)) {
				if len(l) == perKey {
					break
				}
				if pk <= top {
					l = append(l, pk)
				}
			}
			if len(l) > 0 {
				out[k] = l
			}
		}
	}
	if x == nil {
		// no shared index (a bulk load's transaction) or a transaction
		// that changed keys itself: the lists as it sees them
		byKey := keyPKs{}
		if err := readKeys(ctx, q, byKey, 0, top); err != nil {
			return nil, err
		}
		pick(byKey)
		return out, nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	switch {
	case x.version == version && x.top >= top:
		// as tx sees the store, or ahead of it (claims above top, which
		// pick leaves out)
	case x.version == version:
		if err := readKeys(ctx, q, x.byKey, x.top, top); err != nil {
			return nil, err
		}
		x.top = top
	case version < x.version:
		// tx began before another read the lists again (counts only
		// grow): the lists as it sees them, for itself alone
		if x.search(0, len(keys), top, keys) {
			return s.searchKeys(ctx, tx, keys, perKey, top, indexed, own, out)
		}
		byKey := keyPKs{}
		if err := readKeys(ctx, q, byKey, 0, top); err != nil {
			return nil, err
		}
		pick(byKey)
		return out, nil
	case x.search(x.searched, len(keys), top, keys):
		// not read yet, or out of date: the keys asked for alone
		x.searched += int64(len(keys))
		x.index = true
		return s.searchKeys(ctx, tx, keys, perKey, top, indexed, own, out)
	default:
		byKey := keyPKs{}
		if err := readKeys(ctx, q, byKey, 0, top); err != nil {
			return nil, err
		}
		x.byKey, x.version, x.top, x.searched, x.index = byKey, version, top, 0, false
	}
	pick(x.byKey)
	return out, nil
}

// searchKeysSQL lists the pks under each key of a JSON array of keys in
// hexadecimal (?1, each one token of claim_keys_fts) that are at most ?2,
// the newest ?3 of them: a row a key, its position in the array and the
// pks separated by spaces (NULL: none).
const searchKeysSQL = `SELECT q.key, (SELECT group_concat(rowid, ' ') FROM (
	SELECT rowid FROM claim_keys_fts WHERE claim_keys_fts MATCH '"' || q.value || '"' AND rowid <= ?2 ORDER BY rowid DESC LIMIT ?3))
	FROM json_each(?1) q`

// searchKeys adds to out, for each of keys, the pks of at most perKey of
// the claims under it, the newest first, as tx sees the store: those of
// own (a transaction's own claims, above top), then those up to top that
// claim_keys_fts lacks (above indexed; their keys read from their rows),
// then those up to both found in claim_keys_fts. The lists are read with
// the transaction and x.mu held, which keeps the index from being read
// whole meanwhile, but no one waits for it long: a few keys a document.
func (s *Store) searchKeys(ctx context.Context, tx *sql.Tx, keys []string, perKey int, top, indexed int64, own *ownKeys, out map[string][]int64) (map[string][]int64, error) {
	tail := keyPKs{}
	if indexed < top {
		if err := readKeys(ctx, tx, tail, indexed, top); err != nil {
			return nil, err
		}
	}
	var q []byte
	q = append(q, '[')
	for i, k := range keys {
		if i > 0 {
			q = append(q, ',')
		}
		// hexadecimal needs no escapes in JSON or FTS5
		q = append(q, '"')
		q = hex.AppendEncode(q, []byte(k))
		q = append(q, '"')
	}
	q = append(q, ']')
	st, err := s.readStmt(ctx, tx, searchKeysSQL)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, string(q), min(top, indexed), perKey)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var i int
	var pks sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&i, &pks); err != nil {
			return nil, err
		}
		if i < 0 || i >= len(keys) {
			return nil, fmt.Errorf("claim key search: key %d of %d", i, len(keys))
		}
		k := keys[i]
		if _, done := out[k]; done {
			continue
		}
		var l []int64
		for _, pk := range slices.Backward(own.list(k)) {
			if len(l) == perKey {
				break
			}
			l = append(l, pk)
		}
		for _, pk := range slices.Backward(tail.of(k)) {
			if len(l) == perKey {
				break
			}
			l = append(l, pk)
		}
		var found []int64
		for f := range bytes.FieldsSeq(pks) {
			pk, err := strconv.ParseInt(string(f), 10, 64)
			if err != nil {
				return nil, fmt.Errorf("claim key search: %w", err)
			}
			found = append(found, pk)
		}
		slices.SortFunc(found, func(a, b int64) int { return cmp.Compare(b, a) })
		l = append(l, found[:min(len(found), perKey-len(l))]...)
		if len(l) > 0 {
			out[k] = l
		}
	}
	return out, rows.Err()
}

// ownKeys are the keys of the claims a transaction of Atomically wrote, by
// key, read from it up to the pk read; and what it saw when it began:
// keys_version's count and the highest claim pk top (every claim it writes
// has a higher one).
type ownKeys struct {
	version, top, read int64
	byKey              keyPKs
}

// list returns the pks of the claims under k, ascending (none for a nil o).
func (o *ownKeys) list(k string) []int64 {
	if o == nil {
		return nil
	}
	return o.byKey.of(k)
}
