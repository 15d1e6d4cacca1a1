package extract

import (
	"encoding/binary"
	"slices"
	"sync"

	wn "github.com/argmap/argmap/internal/extract/lexicon"
)

// Signatures kept between Link calls. A stored claim is a candidate again
// and again (under each of its keys, and as the claim naming its
// proposition), and reading its text (makeSig) costs ~100 µs; over a store
// of 52k claims the old cache (16,384 signatures, emptied when full) missed
// so often that computing stored claims' signatures again grew linking by
// half from 1k to 10k documents. Two tiers now:
//
//   - recent signatures as linking reads them (sigCache, maxSigs), as
//     before: a hit costs nothing;
//   - behind them, many more signatures packed (packedSigs: ~0.3 kB each
//     instead of ~1.6 kB), kept in two generations: when the young one is
//     full it becomes the old one and the old one is dropped, and a
//     signature read from the old one moves to the young one, so the claims
//     linking keeps reading (propositions' heads, the newest claims under
//     common keys) stay while the rest ages out. A hit decodes the packed
//     form (a few µs).
//
// Memory stays bounded (at most 2·maxPacked packed signatures and their
// texts, ~60 MB) whatever the store's size.

// maxPacked bounds the packed signatures of one generation.
const maxPacked = 1 << 16

// packedSigs holds packed signatures by claim text, in two generations.
// Safe for concurrent use.
type packedSigs struct {
	mu         sync.Mutex
	young, old map[string]string // text -> packed signature
}

func newPackedSigs() *packedSigs {
	return &packedSigs{young: map[string]string{}, old: map[string]string{}}
}

// get returns the packed signature of text, if kept (a nil p keeps
// nothing).
func (p *packedSigs) get(text string) (string, bool) {
	if p == nil {
		return "", false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if b, ok := p.young[text]; ok {
		return b, true
	}
	b, ok := p.old[text]
	if ok {
		delete(p.old, text)
		p.putLocked(text, b)
	}
	return b, ok
}

// put keeps the packed signature of text.
func (p *packedSigs) put(text, packed string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.putLocked(text, packed)
	p.mu.Unlock()
}

func (p *packedSigs) putLocked(text, packed string) {
	if len(p.young) >= maxPacked {
		p.old, p.young = p.young, make(map[string]string, maxPacked/4)
	}
	p.young[text] = packed
}

// packSig encodes what finishSig needs of s: its clauses (negation; each
// term's lemma, whether it is an acronym, its concepts and antonyms) and
// the concepts of the claim no clause term has (a repeated word's own
// reading). Numbers are unsigned varints, sorted sets as differences.
func packSig(s claimSig) string {
	b := make([]byte, 0, 32*s.n+8)
	b = binary.AppendUvarint(b, uint64(len(s.clauses)))
	// have marks the concepts of s.concepts (a sorted set) that a term
	// holds: found by binary search, instead of a map grown a concept at
	// a time
	have := make([]bool, len(s.concepts))
	for _, cl := range s.clauses {
		flags := byte(0)
		if cl.neg {
			flags = 1
		}
		b = append(b, flags)
		b = binary.AppendUvarint(b, uint64(len(cl.terms)))
		for _, t := range cl.terms {
			b = binary.AppendUvarint(b, uint64(len(t.lemma)))
			b = append(b, t.lemma...)
			acr := byte(0)
			if t.acr {
				acr = 1
			}
			b = append(b, acr)
			b = appendSet(b, t.concepts)
			b = appendSet(b, t.antonyms)
			for _, c := range t.concepts {
				if k, ok := slices.BinarySearch(s.concepts, c); ok {
					have[k] = true
				}
			}
		}
	}
	var extra []wn.Concept
	for k, c := range s.concepts {
		if !have[k] {
			extra = append(extra, c)
		}
	}
	return string(appendSet(b, extra))
}

// appendSet appends a sorted set of concepts: its size, then each one's
// difference from the one before.
func appendSet(b []byte, cs []wn.Concept) []byte {
	b = binary.AppendUvarint(b, uint64(len(cs)))
	prev := wn.Concept(0)
	for _, c := range cs {
		b = binary.AppendUvarint(b, uint64(c-prev))
		prev = c
	}
	return b
}

// unpackSig decodes a signature packSig encoded; ok is false if p is not
// one.
func unpackSig(p string) (s claimSig, ok bool) {
	d := sigDecoder{p: p}
	n := d.uint()
	if d.bad || n > uint64(len(p)) {
		return claimSig{}, false
	}
	var clauses []clauseSig                // nil when none, as makeSig leaves it
	all := make([]wn.Concept, 0, len(p)/3) // one array for every term's sets (grown if need be)
	var lemmas []string
	for range n {
		neg := d.flag()
		nt := d.uint()
		if d.bad || nt == 0 || nt > uint64(len(p)) {
			return claimSig{}, false
		}
		cl := clauseSig{neg: neg, terms: make([]sigTerm, nt)}
		for i := range cl.terms {
			ln := d.uint()
			if d.bad || ln > uint64(len(d.p)) {
				return claimSig{}, false
			}
			t := &cl.terms[i]
			t.lemma, d.p = d.p[:ln], d.p[ln:] // a part of p: one string for all
			t.acr = d.flag()
			all, t.concepts = d.set(all)
			all, t.antonyms = d.set(all)
			lemmas = append(lemmas, t.lemma)
		}
		clauses = append(clauses, cl)
	}
	var concepts []wn.Concept
	for _, cl := range clauses {
		for _, t := range cl.terms {
			concepts = append(concepts, t.concepts...)
		}
	}
	_, extra := d.set(nil)
	if d.bad || len(d.p) != 0 {
		return claimSig{}, false
	}
	concepts = append(concepts, extra...)
	slices.Sort(lemmas)
	slices.Sort(concepts)
	return finishSig(clauses, slices.Compact(lemmas), slices.Compact(concepts)), true
}

// sigDecoder reads a packed signature; bad is set at the first malformed
// or missing number.
type sigDecoder struct {
	p   string
	bad bool
}

func (d *sigDecoder) uint() uint64 {
	var v uint64
	for shift := uint(0); ; shift += 7 {
		if len(d.p) == 0 || shift > 63 {
			d.bad = true
			return 0
		}
		c := d.p[0]
		d.p = d.p[1:]
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
}

// flag reads a byte that is 0 or 1.
func (d *sigDecoder) flag() bool {
	if len(d.p) == 0 || d.p[0] > 1 {
		d.bad = true
		return false
	}
	c := d.p[0]
	d.p = d.p[1:]
	return c == 1
}

// set reads a sorted set appended to all and returns all and the set (nil
// when empty, as sortedSet gives), which cannot grow into what follows it.
func (d *sigDecoder) set(all []wn.Concept) ([]wn.Concept, []wn.Concept) {
	n := d.uint()
	if n > uint64(len(d.p)) {
		d.bad = true
	}
	if d.bad || n == 0 {
		return all, nil
	}
	start := len(all)
	prev := wn.Concept(0)
	for k := range n {
		delta := d.uint()
		c := prev + wn.Concept(delta)
		if delta > uint64(^wn.Concept(0)) || (k > 0 && c <= prev) {
			d.bad = true // not a sorted set
			return all, nil
		}
		prev = c
		all = append(all, c)
	}
	return all, all[start:len(all):len(all)]
}
