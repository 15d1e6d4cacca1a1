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
	// next document of a batch and commits it
	waiting chan struct{}

	// the stage's own
	at     int               // generation of the copy; -1 before the first
	ours   *ownIndex         // claims of the documents linked ahead in this generation
	stored map[string][]slim // key -> claims the store listed under it (read once)
	byID   map[string]slim   // claims the store returned, by ID
	hashes map[string]bool   // content of the documents linked ahead
	pause  int               // documents before this one are left to the writer
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
	for a.done < i && ctx.Err() == nil {
		a.c.Wait()
	}
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
	if a.gen == a.at && (len(a.ours.claims) >= s.aheadClaims || len(a.stored) >= s.aheadKeys) {
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
	a.ours.add(g.Claims)
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
	a.ours = newOwnIndex()
	a.stored = map[string][]slim{}
	a.byID = map[string]slim{}
	a.hashes = map[string]bool{}
}

// candidates returns what candidatesFor reads from the store (through
// ClaimsByKeys) once the documents linked ahead are written, from the copy.
// Keys the copy has not read yet are read from the store, in one call.
func (a *ahead) candidates(ctx context.Context, claims []argmap.Claim) ([]argmap.Claim, error) {
	own := make(map[string]bool, len(claims))
	var all, missing []string
	have := map[string]bool{}
	for _, c := range claims {
		own[c.ID] = true
		for _, k := range c.Keys {
			if have[k] {
				continue
			}
			have[k] = true
			all = append(all, k)
			if _, ok := a.stored[k]; !ok {
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
			var l []slim // nil: none, read
			for _, c := range lists[k] {
				l = append(l, slimOf(c))
			}
			a.stored[k] = l
		}
		for _, cs := range lists {
			for _, c := range cs {
				a.byID[c.ID] = slimOf(c)
			}
		}
		for _, c := range heads {
			a.byID[c.ID] = slimOf(c)
		}
	}
	// the claims of ClaimsByKeys: under each key the newest perKey, of
	// which the documents linked ahead are the newest; then the claims
	// naming their propositions. Each claim found is an entry with the
	// keys it was found under (one map from ID to entry: a map of claims
	// and another of their keys were a third of this function's time).
	type entry struct {
		c    slim
		keys []string
	}
	var found []entry
	at := make(map[string]int, 4*len(all))
	add := func(c slim, k string) int {
		i, ok := at[c.id]
		if !ok {
			i = len(found)
			at[c.id] = i
			found = append(found, entry{c: c})
		}
		if e := &found[i]; !dup(e.keys, k) {
			e.keys = append(e.keys, k)
		}
		return i
	}
	for _, k := range all {
		mine := a.ours.byKey[k]
		for j := len(mine) - 1; j >= 0; j-- {
			add(a.ours.claims[mine[j]], k)
		}
		rest := perKey - len(mine)
		for _, c := range a.stored[k] {
			if rest <= 0 {
				break
			}
			if _, ok := a.ours.pos[c.id]; ok {
				continue // written since it was read: listed above
			}
			add(c, k)
			rest--
		}
	}
	lookup := func(id string) (slim, bool) {
		if i, ok := a.ours.pos[id]; ok {
			return a.ours.claims[i], true
		}
		c, ok := a.byID[id]
		return c, ok
	}
	for i, n := 0, len(found); i < n; i++ {
		if found[i].c.prop == "" {
			continue
		}
		if h, ok := lookup(found[i].c.prop); ok {
			// h inherits the keys of the claim found
			j, ok := at[h.id]
			if !ok {
				j = len(found)
				at[h.id] = j
				found = append(found, entry{c: h})
			}
			found[j].c = h
			if j != i {
				for _, k := range found[i].keys {
					if !dup(found[j].keys, k) {
						found[j].keys = append(found[j].keys, k)
					}
				}
			}
		}
	}
	// as candidatesFor: the claims found but the document's own, and the
	// claim naming each proposition they are of
	out := make([]argmap.Claim, 0, len(found))
	for i := range found {
		if e := &found[i]; !own[e.c.id] {
			cl := e.c.claim()
			slices.Sort(e.keys)
			cl.Keys = e.keys
			out = append(out, cl)
		}
	}
	for _, c := range out {
		p := c.Proposition
		if p == "" || own[p] {
			continue
		}
		if _, ok := at[p]; ok && !own[p] {
			continue
		}
		if _, ok := lookup(p); ok {
			return nil, errChain
		}
		// not stored (the store listed the heads of what it listed, and
		// a proposition of a claim linked ahead is a candidate's)
	}
	return onePerProposition(out), nil
}

// ownIndex holds the claims of the documents linked ahead as the store
// will return them (ID, text, proposition), by key: the newest perKey
// under each.
type ownIndex struct {
	byKey  map[string][]int // key -> positions in claims, newest last
	pos    map[string]int   // claim ID -> position in claims
	claims []slim
}

// slim is a claim as the copy keeps it: what KeyedClaims is sure to return,
// and all linking reads of a candidate (a whole argmap.Claim is ten times
// the memory, which the garbage collector scans).
type slim struct{ id, text, prop string }

func slimOf(c argmap.Claim) slim { return slim{c.ID, c.Text, c.Proposition} }

func (c slim) claim() argmap.Claim { return argmap.Claim{ID: c.id, Text: c.text, Proposition: c.prop} }

func newOwnIndex() *ownIndex { return &ownIndex{byKey: map[string][]int{}, pos: map[string]int{}} }

// add indexes cs, linked, in the order the store writes them.
func (x *ownIndex) add(cs []argmap.Claim) {
	for _, c := range cs {
		x.claims = append(x.claims, slimOf(c))
		i := len(x.claims) - 1
		x.pos[c.ID] = i
		for j, k := range c.Keys {
			if dup(c.Keys[:j], k) {
				continue // stored once
			}
			l := append(x.byKey[k], i)
			if len(l) > perKey {
				l = l[len(l)-perKey:]
			}
			x.byKey[k] = l
		}
	}
}

// dup reports whether ks holds k.
func dup(ks []string, k string) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}
