package sqlitestore

import (
	"context"
	"database/sql"
	"slices"
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
type keyIndex struct {
	mu      sync.Mutex
	version int64 // keys_version's count it was read at; -1: not read
	top     int64 // the highest claim pk read
	byKey   keyPKs
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

// keysState returns keys_version's count and the highest claim pk that q
// sees.
func keysState(ctx context.Context, q querier) (version, top int64, err error) {
	err = q.QueryRowContext(ctx, `SELECT (SELECT n FROM keys_version WHERE id = 1), coalesce((SELECT max(pk) FROM claims), 0)`).Scan(&version, &top)
	return version, top, err
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
	version, top, err := keysState(ctx, tx)
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
			if err := readKeys(ctx, tx, own.byKey, max(own.read, own.top), top); err != nil {
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
		if err := readKeys(ctx, tx, byKey, 0, top); err != nil {
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
		if err := readKeys(ctx, tx, x.byKey, x.top, top); err != nil {
			return nil, err
		}
		x.top = top
	case version < x.version:
		// tx began before another read the lists again (counts only
		// grow): the lists as it sees them, for itself alone
		byKey := keyPKs{}
		if err := readKeys(ctx, tx, byKey, 0, top); err != nil {
			return nil, err
		}
		pick(byKey)
		return out, nil
	default:
		byKey := keyPKs{}
		if err := readKeys(ctx, tx, byKey, 0, top); err != nil {
			return nil, err
		}
		x.byKey, x.version, x.top = byKey, version, top
	}
	pick(x.byKey)
	return out, nil
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
