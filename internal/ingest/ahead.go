package ingest

import (
	"context"
	"errors"
	"slices"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// Linking ahead of the writer (IngestAll). The extracted documents are
// linked in order, by the worker that extracted the next one to link, each
// against a copy of what the store will hold when the writer writes it: the
// claims read from the store under each key (argmap.KeyLists, each key read
// once) and the claims of the documents linked before, which the writer
// writes first. The writer then only writes. It takes the links found ahead in a transaction
// only when the store's ClaimsVersion, read in that transaction, is the one
// its own last write (or the copy's start) left: then nothing but its own
// writes changed claims or keys since the copy was read, and the links are
// those it would find itself. Otherwise (another writer, a document that
// failed, one written otherwise than predicted) it links in the transaction
// as before, and the copy starts again once the writer has caught up.

// linkedAhead is what the stage made of one document.
type linkedAhead struct {
	gen    int  // the copy's generation it was linked against
	writes bool // its links were found ahead and it is to be written; false: it is not to be written
	// g's relations and propositions before the links found ahead
	relations int
	props     []string
}

// unlink takes the links found ahead off g (before linking it otherwise).
// It may be called more than once; a nil l does nothing.
func (l *linkedAhead) unlink(g *argmap.Graph) {
	if l == nil || !l.writes || g == nil {
		return
	}
	g.Relations = g.Relations[:l.relations]
	for i := range g.Claims {
		g.Claims[i].Proposition = l.props[i]
	}
}

// errChain: a candidate's proposition is named by a claim whose own
// proposition is another; the store reads that one whole, so the writer
// links the document.
var errChain = errors.New("proposition of a proposition")

// ahead is the state linking ahead shares with the writer, and its copy.
type ahead struct {
	kl argmap.KeyLists
	mu *sync.Mutex // IngestAll's: cond is broadcast when ctx ends
	c  *sync.Cond

	// guarded by mu
	gen     int   // bumped by the writer when the copy is no longer the store's
	done    int   // documents the writer has handled (0 to done-1)
	expect  int64 // the ClaimsVersion a transaction taking links found ahead must see
	foreign int   // transactions in a row that found the store changed by another writer

	// waiting gets a value when the stage starts to wait for the writer
	// (its copy starts again), so that the writer stops waiting for the
	// next document of a batch and commits it; blocked (guarded by mu) is
	// true while the stage waits. The value alone can be lost: left over
	// from a wait the writer ended otherwise (a document committed on its
	// own), it fills the channel, a later wait's value is dropped, and the
	// writer takes the old one for the batch before; blocked tells the
	// writer about the later wait before it starts waiting again.
	waiting chan struct{}
	blocked bool

	// the stage's own
	at     int             // generation of the copy; -1 before the first
	cp     *copyIndex      // the copy: claims read from the store and linked ahead in this generation
	hashes map[string]bool // content of the documents linked ahead
	pause  int             // documents before this one are left to the writer
}

// newAhead returns the stage's state when the store and linker allow it,
// else nil.
func (s *Service) newAhead(mu *sync.Mutex, c *sync.Cond) *ahead {
	kl, ok := s.store.(argmap.KeyLists)
	_, keyed := s.store.(argmap.KeyedClaims)
	_, tx := s.store.(argmap.Transactor)
	_, keys := s.linker.(keyer)
	if !ok || !keyed || !tx || !keys {
		return nil
	}
	return &ahead{kl: kl, mu: mu, c: c, at: -1, waiting: make(chan struct{}, 1)}
}

// waitWriter waits, with mu held, until the writer has handled the
// documents before i (or ctx ends).
func (a *ahead) waitWriter(ctx context.Context, i int) {
	if a.done < i {
		select {
		case a.waiting <- struct{}{}:
		default:
		}
	}
	a.blocked = true
	for a.done < i && ctx.Err() == nil {
		a.c.Wait()
	}
	a.blocked = false
}

// awaited reports whether the stage is waiting for the writer.
func (a *ahead) awaited() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.blocked
}

// handled tells the stage that the writer is done with document i.
func (a *ahead) handled(i int) {
	a.mu.Lock()
	a.done = i + 1
	a.c.Broadcast()
	a.mu.Unlock()
}

// restart starts the copy again after the writer's next document: the
// store changed otherwise than the copy predicts.
func (a *ahead) restart() {
	a.mu.Lock()
	a.gen++
	a.mu.Unlock()
}

// sawForeign records a transaction that found the store changed by
// another writer.
func (a *ahead) sawForeign() {
	a.mu.Lock()
	a.foreign++
	a.mu.Unlock()
}

// While another writer keeps changing the store, every copy is out of date
// by the time its links are written: after aheadForeign transactions in a
// row found it so, the next aheadPause documents are left to the writer
// (linking ahead would be work done twice and a wait for the writer each
// time), then the stage tries again.
const (
	aheadForeign = 3
	aheadPause   = 256
)

// current returns the generation and expected version now.
func (a *ahead) current() (int, int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.gen, a.expect
}

// wrote records the outcome of a document: written (wrote), in a
// transaction that took its links found ahead (fast). An outcome the copy
// did not predict restarts it.
func (a *ahead) wrote(l *linkedAhead, wrote, fast bool, version int64) {
	a.mu.Lock()
	defer a.mu.Unlock()
	switch {
	case wrote && fast && l != nil && l.gen == a.gen:
		a.expect = version
		a.foreign = 0
	case wrote, l != nil && l.writes && l.gen == a.gen:
		a.gen++
	}
}

// link links document i (p, in order) against the copy, or leaves it to
// the writer. The copy is started (again) once the writer has handled the
// documents before i. An error is ctx's.
func (s *Service) linkAhead(ctx context.Context, a *ahead, i int, p *prepared) error {
	if i < a.pause {
		return nil
	}
	a.mu.Lock()
	if a.foreign >= aheadForeign {
		a.foreign = 0
		a.pause = i + aheadPause
		a.mu.Unlock()
		return nil
	}
	if a.gen == a.at && (a.cp.linked >= s.aheadClaims || a.cp.read >= s.aheadKeys) {
		// the copy has grown: once the writer has written the documents
		// linked ahead, the store holds what it held; start it again in
		// the same generation (expect is the writer's last version)
		a.waitWriter(ctx, i)
		if a.gen == a.at {
			hashes := a.hashes
			a.clear()
			a.hashes = hashes
		}
	}
	if a.gen != a.at {
		a.waitWriter(ctx, i)
		gen := a.gen
		a.mu.Unlock()
		if err := ctx.Err(); err != nil {
			return err
		}
		v, err := a.kl.ClaimsVersion(ctx)
		if err != nil {
			return nil // left to the writer; tried again at the next document
		}
		a.mu.Lock()
		a.at, a.expect = gen, v
		a.clear()
	}
	a.mu.Unlock()
	if p.g == nil {
		p.ahead = &linkedAhead{gen: a.at} // stored already or failed: not written
		return nil
	}
	if batchSize(*p) == 0 {
		return nil // written on its own, linked by the writer
	}
	if a.hashes[p.hash] {
		p.ahead = &linkedAhead{gen: a.at} // the same content is written before it
		return nil
	}
	g := p.g
	l := &linkedAhead{gen: a.at, writes: true, relations: len(g.Relations), props: make([]string, len(g.Claims))}
	for k := range g.Claims {
		l.props[k] = g.Claims[k].Proposition
	}
	err := s.linkWith(ctx, g, func(part []argmap.Claim) ([]argmap.Claim, error) {
		return a.candidates(ctx, part)
	})
	if err != nil {
		l.unlink(g)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return nil // left to the writer, which restarts the copy after it
	}
	a.cp.addOurs(g.Claims)
	a.hashes[p.hash] = true
	p.ahead = l
	return nil
}

// The copy is started again, once the writer has caught up, when it holds
// aheadClaims claims linked ahead or aheadKeys keys read from the store
// (Service.aheadClaims and aheadKeys, which tests lower),
// so that its memory stays bounded over a corpus of any size (about 100 MB
// at most; the IOM corpus repeated to 10 MiB is 46,870 claims).
const (
	aheadClaims = 100_000
	aheadKeys   = 400_000
)

// clear empties the copy.
func (a *ahead) clear() {
	a.cp = newCopyIndex()
	a.hashes = map[string]bool{}
}

// copyIndex is the copy linking ahead links against: the claims the store
// listed under each key (read once) and the claims of the documents linked
// ahead, the newest perKey under each key. Each claim is held once, as a
// handle (its position in claims), so that finding a document's
// candidates marks claims in a slice (mark, entry) instead of a map by ID
// (maps by ID, and a whole claim per key it was listed under, were most of
// the candidates' time).
type copyIndex struct {
	claims []slim           // by handle
	ours   []bool           // by handle: a claim linked ahead (as the writer will store it)
	ids    map[string]int32 // claim ID -> handle
	keys   map[string]*keyClaims
	read   int // keys read from the store
	linked int // claims linked ahead

	// candidates' marks: handle h is among the call's candidates when
	// mark[h] is the call's number, at entry[h]
	call  int32
	mark  []int32
	entry []int32

	// candidates' lists, kept from call to call (a call's were a fifth
	// of the bytes ingest allocated): the IDs of the claims linked, the
	// keys asked and the claims under each, the claims found, the room
	// of their keys (keyRoom) and the claims made
	own      map[string]bool
	all      []string
	under    []*keyClaims
	missing  []string
	found    []found
	keyArena []string
	out      []argmap.Claim
}

// found is a claim candidates found (its handle) and the keys it was found
// under.
type found struct {
	h    int32
	keys []string
}

// keysEach is the room keyRoom gives a claim found for its keys. A claim
// found under more (a restatement of a new claim is found under most of its
// keys) moves its list elsewhere as append does: on the IOM corpus repeated
// to 10 MiB those moves are ~50 MB an op, and a room of 8 saved 6.5 MB.
const keysEach = 4

// keyRoom returns an empty list for the keys of a claim found, with room
// for keysEach in x.keyArena (appending more moves it elsewhere, as append
// does).
func (x *copyIndex) keyRoom() []string {
	if cap(x.keyArena)-len(x.keyArena) < keysEach {
		// a new array (the lists given out keep the old one): room is
		// never given twice
		x.keyArena = make([]string, 0, 1024)
	}
	n := len(x.keyArena)
	x.keyArena = x.keyArena[:n+keysEach]
	return x.keyArena[n : n : n+keysEach]
}

// keyClaims are the claims of the copy under a key.
type keyClaims struct {
	read   bool    // the store was asked for the key's claims
	stored []int32 // what it listed, in its order (the newest first); nil: none
	mine   []int32 // claims linked ahead under the key, the newest last, at most perKey
	seen   int32   // the last call of candidates that listed the key
}

func newCopyIndex() *copyIndex {
	return &copyIndex{ids: map[string]int32{}, keys: map[string]*keyClaims{}, own: map[string]bool{}}
}

// handle returns c's handle, holding c as it is: a claim linked ahead is
// held as linked (the store returns it so once written), one read from
// the store as read last, unless it was linked ahead.
func (x *copyIndex) handle(c slim, ours bool) int32 {
	h, ok := x.ids[c.id]
	if !ok {
		h = int32(len(x.claims))
		x.ids[c.id] = h
		x.claims = append(x.claims, c)
		x.ours = append(x.ours, ours)
		x.mark = append(x.mark, 0)
		x.entry = append(x.entry, 0)
		return h
	}
	if ours || !x.ours[h] {
		x.claims[h] = c
		x.ours[h] = x.ours[h] || ours
	}
	return h
}

// key returns the claims under k, added when the copy has none.
func (x *copyIndex) key(k string) *keyClaims {
	e := x.keys[k]
	if e == nil {
		e = &keyClaims{}
		x.keys[k] = e
	}
	return e
}

// addOurs indexes cs, linked, in the order the store writes them.
func (x *copyIndex) addOurs(cs []argmap.Claim) {
	for _, c := range cs {
		h := x.handle(slimOf(c), true)
		x.linked++
		for j, k := range c.Keys {
			if dup(c.Keys[:j], k) {
				continue // stored once
			}
			e := x.key(k)
			l := append(e.mine, h)
			if len(l) > perKey {
				l = l[len(l)-perKey:]
			}
			e.mine = l
		}
	}
}

// candidates returns what candidatesFor reads from the store (through
// ClaimsByKeys) once the documents linked ahead are written, from the copy.
// Keys the copy has not read yet are read from the store, in one call.
func (a *ahead) candidates(ctx context.Context, claims []argmap.Claim) ([]argmap.Claim, error) {
	x := a.cp
	x.call++
	own := x.own
	clear(own)
	all, under, missing := x.all[:0], x.under[:0], x.missing[:0] // under: the claims under each of all
	defer func() { x.all, x.under, x.missing = all, under, missing }()
	for _, c := range claims {
		own[c.ID] = true
		for _, k := range c.Keys {
			e := x.key(k)
			if e.seen == x.call {
				continue
			}
			e.seen = x.call
			all = append(all, k)
			under = append(under, e)
			if !e.read {
				missing = append(missing, k)
			}
		}
	}
	if len(missing) > 0 {
		lists, heads, err := a.kl.ClaimKeyLists(ctx, missing, perKey)
		if err != nil {
			return nil, err
		}
		for _, k := range missing {
			e := x.keys[k]
			var l []int32 // nil: none, read
			for _, c := range lists[k] {
				l = append(l, x.handle(slimOf(c), false))
			}
			e.stored, e.read = l, true
			x.read++
		}
		for _, c := range heads {
			x.handle(slimOf(c), false)
		}
	}
	// the claims of ClaimsByKeys: under each key the newest perKey, of
	// which the documents linked ahead are the newest; then the claims
	// naming their propositions. Each claim found is an entry with the
	// keys it was found under.
	fs := x.found[:0]
	defer func() { x.found = fs }()
	add := func(h int32, k string) {
		if x.mark[h] != x.call {
			x.mark[h], x.entry[h] = x.call, int32(len(fs))
			fs = append(fs, found{h: h, keys: x.keyRoom()})
		}
		if f := &fs[x.entry[h]]; !dup(f.keys, k) {
			f.keys = append(f.keys, k)
		}
	}
	for i, k := range all {
		mine := under[i].mine
		for j := len(mine) - 1; j >= 0; j-- {
			add(mine[j], k)
		}
		rest := perKey - len(mine)
		for _, h := range under[i].stored {
			if rest <= 0 {
				break
			}
			if x.ours[h] {
				continue // written since it was read: listed above
			}
			add(h, k)
			rest--
		}
	}
	for i, n := 0, len(fs); i < n; i++ {
		p := x.claims[fs[i].h].prop
		if p == "" {
			continue
		}
		if h, ok := x.ids[p]; ok {
			// h inherits the keys of the claim found
			if x.mark[h] != x.call {
				x.mark[h], x.entry[h] = x.call, int32(len(fs))
				fs = append(fs, found{h: h, keys: x.keyRoom()})
			}
			if j := int(x.entry[h]); j != i {
				for _, k := range fs[i].keys {
					if !dup(fs[j].keys, k) {
						fs[j].keys = append(fs[j].keys, k)
					}
				}
			}
		}
	}
	// as candidatesFor: the claims found but the document's own, and the
	// claim naming each proposition they are of
	// (in the array of the call before: the claims a call gives are read
	// by Link before the next call)
	out := x.out[:0]
	for i := range fs {
		if c := x.claims[fs[i].h]; !own[c.id] {
			cl := c.claim()
			slices.Sort(fs[i].keys)
			cl.Keys = fs[i].keys
			out = append(out, cl)
		}
	}
	for _, c := range out {
		p := c.Proposition
		if p == "" || own[p] {
			continue
		}
		h, ok := x.ids[p]
		if ok && x.mark[h] == x.call {
			continue
		}
		if ok {
			return nil, errChain
		}
		// not stored (the store listed the heads of what it listed, and
		// a proposition of a claim linked ahead is a candidate's)
	}
	x.out = out[:0]
	return onePerProposition(out), nil
}

// slim is a claim as the copy keeps it: what KeyedClaims is sure to return,
// and all linking reads of a candidate (a whole argmap.Claim is ten times
// the memory, which the garbage collector scans).
type slim struct{ id, text, prop string }

func slimOf(c argmap.Claim) slim { return slim{c.ID, c.Text, c.Proposition} }

func (c slim) claim() argmap.Claim { return argmap.Claim{ID: c.id, Text: c.text, Proposition: c.prop} }

// dup reports whether ks holds k.
func dup(ks []string, k string) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
