package extract

import (
	"cmp"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	wn "github.com/argmap/argmap/internal/extract/lexicon"
)

// Linker links the claims of a new document to claims already stored. A
// claim that states the proposition of another joins it (the two share one
// Proposition), instead of linking to every restatement both ways; a claim
// that denies a proposition contests it with one relation. Claims are
// compared clause by clause on their content terms (WordNet lemmas,
// synonyms and derivations, antonyms), with each clause's negation and the
// rejected-view and reported-speech constructions of stance.go. It is safe
// for concurrent use.
type Linker struct {
	st    *Stancer
	sigs  *sigCache
	packs *packedSigs
	// indexes are link indexes emptied by Link calls done, kept for the
	// next (at most maxIndexes: as many as calls run at once)
	indexes chan *linkIndex
	// share is the part of the smaller clause's terms the other must
	// cover; shared the fewest terms two clauses must share.
	share  float64
	shared int
	counts linkCounters
}

// linkCounters are what Counts reports, added to by every Link call.
type linkCounters struct{ claims, pooled, compared, matched, own atomic.Int64 }

// LinkCounts says how much work linking did since the Linker was made.
type LinkCounts struct {
	Claims   int64 // new claims linked
	Pooled   int64 // stored claims given as candidates (each Link call's, summed)
	Compared int64 // pairs of claims compared clause by clause
	Matched  int64 // of them, pairs that restate or deny each other (share reached)
	Own      int64 // of Compared, pairs of two new claims (a document's own)
}

// Counts returns the work done by Link so far: benchmarks divide it by the
// claims linked (compares per claim).
func (l *Linker) Counts() LinkCounts {
	return LinkCounts{Claims: l.counts.claims.Load(), Pooled: l.counts.pooled.Load(),
		Compared: l.counts.compared.Load(), Matched: l.counts.matched.Load(), Own: l.counts.own.Load()}
}

// NewLinker returns a Linker with the default thresholds.
func NewLinker() *Linker {
	return &Linker{st: NewStancer(), sigs: &sigCache{m: map[string]claimSig{}}, packs: newPackedSigs(), share: 0.6, shared: 3,
		indexes: make(chan *linkIndex, maxIndexes)}
}

// clauseSig is one clause of a claim: its distinct terms, and whether the
// clause is negated (its own negation, or a view the author rejects).
type clauseSig struct {
	terms []sigTerm
	keys  []termKey // by term: what covered reads for every pair of terms
	neg   bool
	off   int // the number of the clause's first term in its claim
}

// sigTerm is what linking reads of a term: its lemma, its concepts and
// antonyms as sorted sets, and whether it is an acronym.
type sigTerm struct {
	lemma              string
	concepts, antonyms []wn.Concept
	acr                bool
}

// termKey is a term's lemma hashed, and a one-word Bloom filter of its
// concepts and of its antonyms (bit c%64 for concept c): two terms whose
// hashes differ have different lemmas, and two whose masks do not meet share
// no concept, so covered reads the terms themselves only for the few pairs
// that may meet.
type termKey struct{ lemma, concepts, antonyms uint64 }

// lemmaHash is the 64-bit FNV-1a hash of a lemma.
func lemmaHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func maskOf(cs []wn.Concept) uint64 {
	var m uint64
	for _, c := range cs {
		m |= 1 << (uint(c) % 64)
	}
	return m
}

// claimSig is a claim reduced for linking.
type claimSig struct {
	clauses []clauseSig
	// the distinct lemmas and concepts of every term: a new claim's
	// candidates are the pool claims sharing enough of them
	lemmas   []string
	concepts []wn.Concept
	// the claim's terms numbered across its clauses, by lemma hash, by
	// concept and by antonym, sorted; relateTerms merges them with another
	// claim's (nil when the claim has more than 64 terms)
	byLemma, byConcept, byAntonym []keyTerm
	n                             int // terms
}

// keyTerm is a key of a term (its lemma's hash, a concept, an antonym) and
// the term's number in its claim.
type keyTerm struct {
	key  uint64
	term int
}

func cmpKeyTerm(x, y keyTerm) int {
	if x.key != y.key {
		if x.key < y.key {
			return -1
		}
		return 1
	}
	return x.term - y.term
}

// sigCache keeps the signatures of recent claim texts: ingest computes a new
// claim's signature for its keys and again to link it, and a stored claim's
// each time it is a candidate (a tenth of the time of ingest at 4,000
// documents). Signatures are never changed once made. Safe for concurrent
// use; emptied when full (many more are kept packed: linksig.go).
type sigCache struct {
	mu sync.Mutex
	m  map[string]claimSig
}

// maxSigs bounds the signatures kept (a few kB each).
const maxSigs = 16384

// sig returns the signature of c's text: from the recent ones, else from
// the packed ones, else made (and kept in both).
func (l *Linker) sig(text string) claimSig {
	if l.sigs != nil {
		l.sigs.mu.Lock()
		s, ok := l.sigs.m[text]
		l.sigs.mu.Unlock()
		if ok {
			return s
		}
	}
	var s claimSig
	p, packed := l.packs.get(text)
	if packed {
		s, packed = unpackSig(p)
	}
	if !packed {
		s = l.makeSig(text)
		l.packs.put(text, packSig(s))
	}
	if l.sigs != nil {
		l.sigs.mu.Lock()
		if len(l.sigs.m) >= maxSigs {
			clear(l.sigs.m)
		}
		l.sigs.m[text] = s
		l.sigs.mu.Unlock()
	}
	return s
}

func (l *Linker) makeSig(text string) claimSig {
	var clauses []clauseSig
	var lemmas []string
	var concepts []wn.Concept
	gl := &glossary{noNear: true}
	gl.add(text)
	for _, r := range l.st.analyse(text, gl).regions {
		byClause := map[int]*clauseSig{}
		var order []int
		for _, t := range r.terms {
			cs, ok := byClause[t.clause]
			if !ok {
				cs = &clauseSig{neg: t.neg != r.rejected}
				byClause[t.clause] = cs
				order = append(order, t.clause)
			}
			dup := false
			for _, x := range cs.terms {
				if x.lemma == t.lemma {
					dup = true
					break
				}
			}
			if !dup {
				// concepts and antonyms as sorted sets, so that covered
				// intersects them in one pass
				cs.terms = append(cs.terms, sigTerm{lemma: t.lemma, concepts: sortedSet(t.concepts), antonyms: sortedSet(t.antonyms), acr: t.acr})
			}
			lemmas = append(lemmas, t.lemma)
			concepts = append(concepts, t.concepts...)
		}
		for _, k := range order {
			clauses = append(clauses, *byClause[k])
		}
	}
	slices.Sort(lemmas)
	slices.Sort(concepts)
	return finishSig(clauses, slices.Compact(lemmas), slices.Compact(concepts))
}

// finishSig makes a signature of its clauses (their terms, concepts and
// antonyms as sorted sets, and negation) and of the distinct lemmas and
// concepts of every term of the claim, sorted: it fills in what linking
// derives from them.
func finishSig(clauses []clauseSig, lemmas []string, concepts []wn.Concept) claimSig {
	s := claimSig{clauses: clauses, lemmas: lemmas, concepts: concepts}
	for k := range s.clauses {
		cs := &s.clauses[k]
		cs.keys = make([]termKey, len(cs.terms))
		for i, st := range cs.terms {
			cs.keys[i] = termKey{lemmaHash(st.lemma), maskOf(st.concepts), maskOf(st.antonyms)}
		}
		cs.off = s.n
		s.n += len(cs.terms)
	}
	if s.n <= 64 {
		for _, cl := range s.clauses {
			for i, t := range cl.terms {
				n := cl.off + i
				s.byLemma = append(s.byLemma, keyTerm{cl.keys[i].lemma, n})
				for _, c := range t.concepts {
					s.byConcept = append(s.byConcept, keyTerm{uint64(c), n})
				}
				for _, c := range t.antonyms {
					s.byAntonym = append(s.byAntonym, keyTerm{uint64(c), n})
				}
			}
		}
		slices.SortFunc(s.byLemma, cmpKeyTerm)
		slices.SortFunc(s.byConcept, cmpKeyTerm)
		slices.SortFunc(s.byAntonym, cmpKeyTerm)
	}
	return s
}

// compare finds the best pair of clauses of a and b that cover each other:
// the share of the smaller clause's terms the bigger one covers, among the
// pairs whose smaller clause also covers more than a third of the bigger
// one's terms, and whether that pair disagrees (one negated and not the
// other, or an odd number of antonyms). A claim restates or denies another
// only if each states much of what the other states: a short clause whose
// three words a long one happens to hold ("the union supports older
// workers" in "the union has widened its work beyond wages and increasingly
// supports social and cultural projects for workers in small towns") is
// neither its restatement nor, with a negation or an antonym between them,
// its denial.
//
// t is a's termTable when a has at most 64 terms.
func (l *Linker) compare(t *termTable, a, b claimSig, common func(string) bool) (score float64, denial bool) {
	// how the terms of a and b meet, read by covered for every pair of
	// clauses (computed once, when a pair is compared)
	var ra, rb [64]termRel
	fast := a.n <= 64 && b.n <= 64
	related := false
	for _, ca := range a.clauses {
		for _, cb := range b.clauses {
			small, big := ca, cb
			fromA := true // small is a clause of a
			if len(cb.terms) < len(ca.terms) {
				small, big, fromA = cb, ca, false
			}
			if len(small.terms) < 3 {
				continue // a fragment ("its member states") states nothing
			}
			// covered both ways: an acronym meets other words only by name,
			// so "AVR" does not cover "voluntary" though "voluntary" covers
			// "AVR"
			var shared, flips, rare, s2, f2, r2 int
			// fast: the terms of small and of big that are covered; how
			// many of them are not common is counted only of the way
			// taken, and only when the pair could count (a word's
			// commonness is looked up by its lemma)
			var hits, hits2 uint64
			if fast {
				if !related {
					relateTerms(t, &b, &ra, &rb)
					related = true
				}
				rs, rg := &ra, &rb
				if !fromA {
					rs, rg = rg, rs
				}
				shared, flips, hits = coveredBy(rs, small, big)
				s2, f2, hits2 = coveredBy(rg, big, small)
			} else {
				shared, flips, rare = covered(small, big, common)
				s2, f2, r2 = covered(big, small, common)
			}
			bigCovered := s2 // terms of big that terms of small cover
			rareIn, rareHits := &small, hits
			if s2 > shared {
				shared, flips, rare = min(s2, len(small.terms)), f2, r2
				rareIn, rareHits = &big, hits2
			}
			s := float64(shared) / float64(len(small.terms))
			if shared < l.shared || 3*bigCovered <= len(big.terms) || s <= score {
				continue
			}
			// words in most of the claims compared (the organisation's
			// name, "migration") say what they are about, not what they
			// state: two of the shared words must be less common
			if fast {
				rare = notCommon(rareIn, rareHits, common, 2)
			}
			if rare < 2 {
				continue
			}
			score, denial = s, (ca.neg != cb.neg) != (flips%2 == 1)
		}
	}
	return score, denial
}

// termRel says which terms of another claim a term meets, one bit a term
// by its number there: the same lemma, a concept in common, or a concept of
// one that is an antonym of the other. All three are symmetric.
type termRel struct{ same, meet, anti uint64 }

// relateTerms fills ra (by term of a, over b's terms) and rb (by term of b,
// over a's) from two claims of at most 64 terms each: a's terms by key
// (t, a termTable of a), looked up by each key of b.
func relateTerms(t *termTable, b *claimSig, ra, rb *[64]termRel) {
	for _, q := range b.byLemma {
		s := t.find(q.key)
		if s == nil || s.lemma == 0 {
			continue
		}
		lb := b.lemmaOf(q.term)
		for m := s.lemma; m != 0; m &= m - 1 {
			if i := bits.TrailingZeros64(m); t.lemmas[i] == lb { // not only the same hash
				ra[i].same |= 1 << uint(q.term)
				rb[q.term].same |= 1 << uint(i)
			}
		}
	}
	// a concept of a term of b: a's terms with it meet the term, and a's
	// terms with it as an antonym oppose it; an antonym of a term of b
	// opposes a's terms with it as a concept
	for _, q := range b.byConcept {
		if s := t.find(q.key); s != nil {
			if s.concept != 0 {
				rb[q.term].meet |= s.concept
				for m := s.concept; m != 0; m &= m - 1 {
					ra[bits.TrailingZeros64(m)].meet |= 1 << uint(q.term)
				}
			}
			if s.antonym != 0 {
				rb[q.term].anti |= s.antonym
				for m := s.antonym; m != 0; m &= m - 1 {
					ra[bits.TrailingZeros64(m)].anti |= 1 << uint(q.term)
				}
			}
		}
	}
	for _, q := range b.byAntonym {
		if s := t.find(q.key); s != nil && s.concept != 0 {
			rb[q.term].anti |= s.concept
			for m := s.concept; m != 0; m &= m - 1 {
				ra[bits.TrailingZeros64(m)].anti |= 1 << uint(q.term)
			}
		}
	}
}

// termTable holds the terms of one claim of at most 64 terms by key, for
// relating it to many others (relateTerms): for each key (a lemma's hash,
// a concept), the claim's terms with that lemma, with that concept and
// with it as an antonym, as masks by term number, in a table addressed by
// the key's hash. Link relates each new claim to all of its candidates;
// looking up the candidate's keys in the new claim's table is one probe a
// key, where merging the two claims' sorted keys stepped through both (a
// claim has ~45 concept keys, a few of them shared), and the merge's
// unpredictable branches were most of comparing claims.
type termTable struct {
	slots []tableSlot // a power of two of them, at most half used
	shift uint        // 64 - log2(len(slots))
	// a bit by the top bits of each key's hash: most keys of the other
	// claim are not the claim's, and one bit tells most of them apart
	// without probing the table
	bloom  [32]uint64
	lemmas [64]string // by term
}

// tableSlot is a key's masks in a termTable: used when any is not zero (a
// key put there has a term).
type tableSlot struct {
	key                     uint64
	lemma, concept, antonym uint64
}

// reset makes t the table of s (at most 64 terms).
func (t *termTable) reset(s *claimSig) {
	n := len(s.byLemma) + len(s.byConcept) + len(s.byAntonym)
	size, shift := 64, uint(58)
	for size < 2*n {
		size, shift = 2*size, shift-1
	}
	if cap(t.slots) < size {
		t.slots = make([]tableSlot, size)
	} else {
		t.slots = t.slots[:size]
		clear(t.slots)
	}
	t.shift = shift
	clear(t.bloom[:])
	for _, cl := range s.clauses {
		for i, term := range cl.terms {
			t.lemmas[cl.off+i] = term.lemma
		}
	}
	for _, k := range s.byLemma {
		t.slot(k.key).lemma |= 1 << uint(k.term)
	}
	for _, k := range s.byConcept {
		t.slot(k.key).concept |= 1 << uint(k.term)
	}
	for _, k := range s.byAntonym {
		t.slot(k.key).antonym |= 1 << uint(k.term)
	}
}

// keyHash spreads a key over 64 bits, the top ones best (Fibonacci
// hashing: concepts are small consecutive numbers).
func keyHash(key uint64) uint64 { return key * 0x9e3779b97f4a7c15 }

// slot returns the slot of key, taking an empty one if key has none.
func (t *termTable) slot(key uint64) *tableSlot {
	kh := keyHash(key)
	t.bloom[kh>>59] |= 1 << ((kh >> 53) & 63)
	m := uint64(len(t.slots) - 1)
	for h := kh >> t.shift; ; h = (h + 1) & m {
		s := &t.slots[h]
		if s.lemma|s.concept|s.antonym == 0 {
			s.key = key
			return s
		}
		if s.key == key {
			return s
		}
	}
}

// find returns the slot of key, nil if no term has it.
func (t *termTable) find(key uint64) *tableSlot {
	kh := keyHash(key)
	if t.bloom[kh>>59]&(1<<((kh>>53)&63)) == 0 {
		return nil
	}
	m := uint64(len(t.slots) - 1)
	for h := kh >> t.shift; ; h = (h + 1) & m {
		s := &t.slots[h]
		if s.lemma|s.concept|s.antonym == 0 {
			return nil
		}
		if s.key == key {
			return s
		}
	}
}

// lemmaOf returns the lemma of the claim's term numbered n.
func (s *claimSig) lemmaOf(n int) string {
	for _, cl := range s.clauses {
		if n < cl.off+len(cl.terms) {
			return cl.terms[n-cl.off].lemma
		}
	}
	return ""
}

// coveredBy is covered read from the relations of a's claim to b's (rel,
// by term of a's claim), except that instead of how many of the covered
// terms are not common it gives which terms of a are covered, one bit a
// term by its place in a (notCommon counts them).
func coveredBy(rel *[64]termRel, a, b clauseSig) (shared, flips int, hits uint64) {
	in := ^uint64(0)
	if len(b.terms) < 64 {
		in = (1<<uint(len(b.terms)) - 1) << uint(b.off)
	}
	for i := range a.terms {
		r := &rel[a.off+i]
		hit, flip := r.same, uint64(0)
		if !a.terms[i].acr {
			hit |= r.meet
			flip = r.anti
		}
		hit, flip = hit&in, flip&in
		either := hit | flip
		if either == 0 {
			continue
		}
		// the first term of b that meets it, as covered takes it
		shared++
		if hit&(either&-either) == 0 {
			flips++
		}
		hits |= 1 << uint(i)
	}
	return shared, flips, hits
}

// notCommon counts the terms of a clause of at most 64 terms in hits (one
// bit a term by its place in the clause) whose lemma is not common, up to
// most.
func notCommon(cl *clauseSig, hits uint64, common func(string) bool, most int) int {
	n := 0
	for m := hits; m != 0 && n < most; m &= m - 1 {
		if !common(cl.terms[bits.TrailingZeros64(m)].lemma) {
			n++
		}
	}
	return n
}

// maxPosting bounds how many claims one key may point to in the candidate
// index: a key that common (IOM, migrant) narrows nothing.
const maxPosting = 400

// Link implements argmap.Linker. stored are claims already stored that may
// state the same propositions (the caller's candidates); newClaims are
// compared with them and with one another in order. A new claim joins the
// proposition of the claim it restates best; it contests each proposition it
// denies, with one relation of origin linked to the proposition's ID, scored
// by the share of terms covered, with an ID derived from the endpoints.
// A stored claim whose Keys are set was found under those keys (ingest
// sets them to the keys of the new claims it was listed under, and gives a
// proposition's claim the keys its members were found under): it is
// compared only with the new claims that have one of them, so that a claim
// is compared with what its own keys found, not with what a whole
// document's did. The work is proportional to the claims given, not to the
// store.
func (l *Linker) Link(newClaims, stored []argmap.Claim) argmap.Links {
	out := argmap.Links{Propositions: map[string]string{}}
	// the pool's keys and terms, kept between calls (their lists and
	// tables were a third of the time of linking), and the call's own
	// maps and lists, kept as well (a call's were a tenth of the bytes
	// ingest allocated)
	var x *linkIndex
	select {
	case x = <-l.indexes:
	default:
		x = newLinkIndex()
	}
	defer l.putIndex(x)
	isNew := x.isNew
	for _, c := range newClaims {
		isNew[c.ID] = true
	}
	pool := x.pool[:0]
	byID := x.byID
	// a stored claim is compared only with the new claims that found it
	// (or, none said, with each): whether enough of their terms meet is
	// read from the two claims (enoughMeet); the terms of the new claims
	// are indexed, for the claims after them. A stored claim found under
	// keys is reached through them (underKey), not through the lists of
	// its lemmas and concepts: those lists held every candidate the
	// document's keys found, which grow with the store (2.0 a claim at 1k
	// documents, 6.1 at 10k), every new claim walked them, and indexing
	// each candidate's concepts was a fifth of Link
	underKey := &x.underKey // key -> stored claims found under it
	index := func(e linkEntry, terms bool) {
		pool = append(pool, e)
		i := len(pool) - 1
		byID[e.c.ID] = i
		if !terms && len(e.c.Keys) > 0 {
			x.count(e.sig)
			for _, k := range e.c.Keys {
				underKey.add(k, int32(i))
			}
			return
		}
		x.add(i, e.sig, terms)
	}
	prop := func(c *argmap.Claim) string {
		if p, ok := out.Propositions[c.ID]; ok {
			return p
		}
		return argmap.PropositionOf(*c)
	}
	for i := range stored {
		if c := &stored[i]; c.ID != "" && !isNew[c.ID] {
			index(linkEntry{c, l.sig(c.Text)}, false)
		}
	}
	// a word in more than a third of the claims compared is common
	common := func(lemma string) bool {
		n := 0
		if k := x.lemma(lemma); k != nil {
			n = int(k.nClaims)
		}
		return n >= maxPosting || (len(pool) >= 12 && 3*n > len(pool))
	}
	seen := map[string]bool{}
	// by pool claim: the keys it shares with the claim linked (all 0
	// between claims)
	count, touched := x.tallies, x.touchedPool[:0]
	cands := x.cands[:0]
	var linked, compared, matches, own int64
	nStored := len(pool) // pool[nStored:] are new claims
	defer func() {
		// the lists grown, for the next call
		x.pool, x.tallies, x.touchedPool, x.cands = pool, count, touched, cands
		l.counts.own.Add(own)
		l.counts.claims.Add(linked)
		l.counts.pooled.Add(int64(len(stored)))
		l.counts.compared.Add(compared)
		l.counts.matched.Add(matches)
	}()
	for ci := range newClaims {
		c := &newClaims[ci]
		if c.ID == "" {
			continue
		}
		linked++
		sc := l.sig(c.Text)
		// candidates: pool claims sharing at least l.shared keys
		for len(count) < len(pool) {
			count = append(count, 0)
		}
		touched = touched[:0]
		tally := func(k *keyLists) {
			if k == nil {
				return
			}
			for n := k.claims; n != 0; n = x.nodes[n-1].next {
				i := int(x.nodes[n-1].claim)
				if count[i] == 0 {
					touched = append(touched, i)
				}
				count[i]++
			}
		}
		for _, k := range sc.lemmas {
			tally(x.lemma(k))
		}
		for _, k := range sc.concepts {
			tally(x.concept(k))
		}
		cands = cands[:0]
		matched := x.match(sc, len(pool))
		// the claim's terms by key, which every comparison with it reads
		var ta *termTable
		if sc.n <= 64 {
			ta = &x.table
			ta.reset(&sc)
		}
		for _, i := range touched {
			// compare finds nothing unless l.shared terms of a clause of
			// one claim meet terms of the other: most claims sharing keys
			// share fewer terms, and are not compared; a stored claim
			// found under keys is compared only with the new claims that
			// have one of them (below)
			switch {
			case count[i] < l.shared:
			case i >= nStored: // a new claim: its terms are indexed
				if matched.enough(i, l.shared) {
					cands = append(cands, i)
				}
			case enoughMeet(ta, &sc, &pool[i].sig, l.shared): // found under any key
				cands = append(cands, i)
			}
			count[i] = 0
		}
		// the stored claims found under the claim's keys, each once, if
		// they share as many lemmas and concepts as the tally above asks
		// of the claims in the lists
		for _, k := range c.Keys {
			for _, i := range underKey.of(k) {
				if count[i] != 0 {
					continue
				}
				count[i] = 1
				if sharesKeys(&sc, &pool[i].sig, l.shared) && enoughMeet(ta, &sc, &pool[i].sig, l.shared) {
					cands = append(cands, int(i))
				}
			}
		}
		for _, k := range c.Keys {
			for _, i := range underKey.of(k) {
				count[i] = 0
			}
		}
		sort.Ints(cands)
		bestSame, bestScore := -1, 0.0
		denied := map[string]float64{}   // proposition -> best score
		deniedVia := map[string]string{} // proposition -> the claim compared
		for _, i := range cands {
			p := pool[i]
			if p.c.ID == c.ID {
				continue
			}
			score, denial := l.compare(ta, sc, p.sig, common)
			compared++
			if i >= nStored {
				own++
			}
			if score < l.share {
				continue
			}
			matches++
			if denial {
				target := prop(p.c)
				if score > denied[target] {
					denied[target], deniedVia[target] = score, p.c.ID
				}
				continue
			}
			// a proposition is joined through the claim that named it, so
			// that its members all restate that claim (a star, not a chain
			// drifting from restatement to restatement)
			// (when that claim is not among those given, the member stands
			// for it)
			if rep, ok := byID[prop(p.c)]; ok && rep != i {
				compared++
				if s2, d2 := l.compare(ta, sc, pool[rep].sig, common); s2 < l.share || d2 {
					continue
				} else {
					score = min(score, s2)
				}
			}
			if score > bestScore {
				bestSame, bestScore = i, score
			}
		}
		if bestSame >= 0 {
			out.Propositions[c.ID] = prop(pool[bestSame].c)
		}
		for target, score := range denied {
			if target == prop(c) {
				continue
			}
			// the relation targets the claim compared, a member of the
			// proposition that is sure to exist
			to := deniedVia[target]
			id := argmap.ScopedID(argmap.KindRelation, argmap.ScopeOf(c.ID), "link", c.ID, to)
			if seen[id] {
				continue
			}
			seen[id] = true
			out.Relations = append(out.Relations, argmap.Relation{ID: id, Kind: argmap.Contests, From: []string{c.ID},
				To: to, Origin: argmap.OriginLinked, Score: float64(int(score*1000)) / 1000})
		}
		index(linkEntry{c, sc}, true)
	}
	sort.Slice(out.Relations, func(i, j int) bool { return out.Relations[i].ID < out.Relations[j].ID })
	return out
}

// enoughMeet reports whether at least k terms of a, or of b, meet terms of
// the other (the same lemma, a concept in common, or an antonym), as
// termMatches.enough does from the index; claims of more than 64 terms are
// let through.
//
// t is a's termTable.
func enoughMeet(t *termTable, a, b *claimSig, k int) bool {
	if a.n > 64 || b.n > 64 {
		return true
	}
	aMet, bMet := meetTerms(t, b)
	return bits.OnesCount64(aMet) >= k || bits.OnesCount64(bMet) >= k
}

// meetTerms gives the terms of a claim (t, its termTable) and of b (at
// most 64 terms each) that meet a term of the other as relateTerms relates
// them (the same lemma, a concept in common, or an antonym), one bit a
// term by its number.
func meetTerms(t *termTable, b *claimSig) (aMet, bMet uint64) {
	for _, q := range b.byLemma {
		s := t.find(q.key)
		if s == nil || s.lemma == 0 {
			continue
		}
		lb := b.lemmaOf(q.term)
		for m := s.lemma; m != 0; m &= m - 1 {
			if i := bits.TrailingZeros64(m); t.lemmas[i] == lb {
				aMet |= 1 << uint(i)
				bMet |= 1 << uint(q.term)
			}
		}
	}
	for _, q := range b.byConcept {
		if s := t.find(q.key); s != nil && s.concept|s.antonym != 0 {
			aMet |= s.concept | s.antonym
			bMet |= 1 << uint(q.term)
		}
	}
	for _, q := range b.byAntonym {
		if s := t.find(q.key); s != nil && s.concept != 0 {
			aMet |= s.concept
			bMet |= 1 << uint(q.term)
		}
	}
	return aMet, bMet
}

// sharesKeys reports whether a and b have at least k lemmas and concepts
// in common: what Link's tally counts from the index's lists for a pool
// claim listed there, read from the two sorted sets.
func sharesKeys(a, b *claimSig, k int) bool {
	n := commonSorted(a.lemmas, b.lemmas, 0, k)
	return commonSorted(a.concepts, b.concepts, n, k) >= k
}

// commonSorted adds to n the number of values the sorted sets a and b have
// in common, stopping once n reaches k.
func commonSorted[T cmp.Ordered](a, b []T, n, k int) int {
	for i, j := 0, 0; i < len(a) && j < len(b) && n < k; {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// linkEntry is a claim of a Link call's pool and its signature.
type linkEntry struct {
	c   *argmap.Claim // in newClaims or stored
	sig claimSig
}

// keyedLists are lists of pool claims by key (Link's underKey), their
// lists kept from call to call.
type keyedLists struct {
	at    map[string]int32 // key -> its list in lists
	lists [][]int32
	n     int // lists in use
}

// add appends pool claim i to the list of key k.
func (u *keyedLists) add(k string, i int32) {
	j, ok := u.at[k]
	if !ok {
		j = int32(u.n)
		u.at[k] = j
		if u.n == len(u.lists) {
			u.lists = append(u.lists, nil)
		}
		u.lists[j] = u.lists[j][:0]
		u.n++
	}
	u.lists[j] = append(u.lists[j], i)
}

// of returns the list of key k (nil when it has none).
func (u *keyedLists) of(k string) []int32 {
	if j, ok := u.at[k]; ok {
		return u.lists[j]
	}
	return nil
}

// linkIndex indexes the pool of a Link call. For each lemma and concept
// (a key): the pool claims that have it (the first maxPosting; a stored
// claim found under keys is only counted, by its lemmas, since Link reaches
// it through its keys), and the terms of the new claims that have it
// (lemma, concept) or have it as an antonym; for the terms of a claim,
// match finds the terms of the pool it meets as covered can: same lemma, a
// concept in common, or a concept of one that is an antonym of the other. Acronyms are not told apart here, so it
// finds at least every pair covered finds. Lists are linked through nodes,
// newest first (what is read of them does not depend on their order);
// concepts are indexed by number. Reset and reused from call to call.
type linkIndex struct {
	lemmaSlot map[string]int32 // lemma -> its lists in lemmas
	lemmas    []keyLists
	concepts  []keyLists               // by concept, as far as the largest indexed
	touched   []wn.Concept             // concepts with lists
	far       map[wn.Concept]*keyLists // concepts numbered beyond maxDense (none in WordNet)
	nodes     []listNode
	wide      map[int]bool // pool claims of more than 64 terms: always let through
	hasWides  bool
	aCount    []int    // by pool claim: terms of the claim matched
	aLast     []int    // by pool claim: the last term of the claim counted
	bMask     []uint64 // by pool claim: its terms met
	matched   []int
	table     termTable // the terms of the claim linked

	// a call's own (Link): its new claims' IDs, its pool and the pool's
	// positions by ID, its stored claims by the keys they were found
	// under, and the lists of the claim linked (tallies all 0 between
	// claims)
	isNew       map[string]bool
	pool        []linkEntry
	byID        map[string]int
	underKey    keyedLists
	tallies     []int
	touchedPool []int
	cands       []int
}

func newLinkIndex() *linkIndex {
	return &linkIndex{lemmaSlot: map[string]int32{}, wide: map[int]bool{}, isNew: map[string]bool{}, byID: map[string]int{},
		underKey: keyedLists{at: map[string]int32{}}}
}

// keyLists are the lists of one key: heads of lists in linkIndex.nodes
// (0: empty, else the node's index + 1).
type keyLists struct {
	claims, nClaims int32 // pool claims with the key, and how many
	terms           int32 // terms with the key: (pool claim, term number % 64)
	antonyms        int32 // terms with the concept as an antonym
}

type listNode struct{ claim, term, next int32 }

func (x *linkIndex) push(head *int32, claim, term int) {
	x.nodes = append(x.nodes, listNode{int32(claim), int32(term), *head})
	*head = int32(len(x.nodes))
}

// lemma returns the lists of a lemma, nil if it has none.
func (x *linkIndex) lemma(s string) *keyLists {
	if i, ok := x.lemmaSlot[s]; ok {
		return &x.lemmas[i]
	}
	return nil
}

// maxDense bounds the concept numbers indexed in a slice (WordNet's are
// below 120,000).
const maxDense = 1 << 20

// concept returns the lists of a concept, nil if it has none.
func (x *linkIndex) concept(c wn.Concept) *keyLists {
	if c >= maxDense {
		return x.far[c]
	}
	if int(c) < len(x.concepts) {
		if k := &x.concepts[c]; *k != (keyLists{}) {
			return k
		}
	}
	return nil
}

func (x *linkIndex) addLemma(s string) *keyLists {
	i, ok := x.lemmaSlot[s]
	if !ok {
		i = int32(len(x.lemmas))
		x.lemmaSlot[s] = i
		x.lemmas = append(x.lemmas, keyLists{})
	}
	return &x.lemmas[i]
}

func (x *linkIndex) addConcept(c wn.Concept) *keyLists {
	if c >= maxDense {
		if x.far == nil {
			x.far = map[wn.Concept]*keyLists{}
		}
		if x.far[c] == nil {
			x.far[c] = &keyLists{}
		}
		return x.far[c]
	}
	if int(c) >= len(x.concepts) {
		x.concepts = append(x.concepts, make([]keyLists, int(c)+1-len(x.concepts)+len(x.concepts)/2)...)
	}
	k := &x.concepts[c]
	if *k == (keyLists{}) {
		x.touched = append(x.touched, c)
	}
	return k
}

// count counts a pool claim reached otherwise than through the lists (a
// stored claim found under keys) among the claims with its lemmas, as add
// does without listing it: common reads how many claims have a lemma, and
// a lemma's list holds the first maxPosting claims counted.
func (x *linkIndex) count(s claimSig) {
	for _, k := range s.lemmas {
		if kl := x.addLemma(k); kl.nClaims < maxPosting {
			kl.nClaims++
		}
	}
}

// add indexes pool claim i: its lemmas and concepts, and with terms its
// terms (what match reads).
func (x *linkIndex) add(i int, s claimSig, terms bool) {
	for _, k := range s.lemmas {
		if kl := x.addLemma(k); kl.nClaims < maxPosting {
			x.push(&kl.claims, i, 0)
			kl.nClaims++
		}
	}
	for _, k := range s.concepts {
		if kl := x.addConcept(k); kl.nClaims < maxPosting {
			x.push(&kl.claims, i, 0)
			kl.nClaims++
		}
	}
	if !terms {
		return
	}
	j := 0
	for _, cl := range s.clauses {
		for _, t := range cl.terms {
			if j == 64 {
				x.wide[i] = true
				x.hasWides = true
			}
			x.push(&x.addLemma(t.lemma).terms, i, j%64)
			for _, c := range t.concepts {
				x.push(&x.addConcept(c).terms, i, j%64)
			}
			for _, c := range t.antonyms {
				x.push(&x.addConcept(c).antonyms, i, j%64)
			}
			j++
		}
	}
}

// maxKeptPool bounds the pool whose maps putIndex empties for the next
// call rather than letting them go.
const maxKeptPool = 1 << 14

// maxIndexes bounds the link indexes a Linker keeps between calls (a sync.Pool
// dropped them at every collection, and each new one grew its table of
// concepts, ~2 MB, again: a quarter of the bytes ingest allocated).
const maxIndexes = 4

// putIndex empties x and keeps it for the next call, unless it grew large
// or maxIndexes are kept.
func (l *Linker) putIndex(x *linkIndex) {
	if cap(x.nodes) > 1<<20 {
		return
	}
	clear(x.lemmaSlot)
	x.lemmas = x.lemmas[:0]
	for _, c := range x.touched {
		x.concepts[c] = keyLists{}
	}
	x.touched, x.nodes = x.touched[:0], x.nodes[:0]
	clear(x.far)
	clear(x.wide)
	x.hasWides = false
	x.aCount, x.aLast, x.bMask, x.matched = x.aCount[:0], x.aLast[:0], x.bMask[:0], x.matched[:0]
	// (a map cleared keeps its room: one grown by a large call is let go)
	if len(x.byID) > maxKeptPool {
		x.isNew, x.byID, x.underKey.at = map[string]bool{}, map[string]int{}, map[string]int32{}
	}
	clear(x.isNew)
	clear(x.byID)
	clear(x.underKey.at)
	x.underKey.n = 0
	clear(x.pool) // (the claims of the call are the caller's)
	x.pool = x.pool[:0]
	select {
	case l.indexes <- x:
	default:
	}
}

// termMatches says, for the claim given to match, how many of its terms
// and of each pool claim's terms meet.
type termMatches struct{ x *linkIndex }

// match records which terms of s meet which terms of the first n pool
// claims.
func (x *linkIndex) match(s claimSig, n int) termMatches {
	for _, i := range x.matched {
		x.aCount[i], x.aLast[i], x.bMask[i] = 0, -1, 0
	}
	x.matched = x.matched[:0]
	for len(x.aCount) < n {
		x.aCount, x.aLast, x.bMask = append(x.aCount, 0), append(x.aLast, -1), append(x.bMask, 0)
	}
	hit := func(ti int, head int32) {
		for nd := head; nd != 0; nd = x.nodes[nd-1].next {
			r := x.nodes[nd-1]
			if x.aLast[r.claim] == -1 && x.aCount[r.claim] == 0 && x.bMask[r.claim] == 0 {
				x.matched = append(x.matched, int(r.claim))
			}
			if x.aLast[r.claim] != ti {
				x.aLast[r.claim] = ti
				x.aCount[r.claim]++
			}
			x.bMask[r.claim] |= 1 << uint(r.term)
		}
	}
	ti := 0
	for _, cl := range s.clauses {
		for _, t := range cl.terms {
			if k := x.lemma(t.lemma); k != nil {
				hit(ti, k.terms)
			}
			for _, c := range t.concepts {
				if k := x.concept(c); k != nil {
					hit(ti, k.terms)
					hit(ti, k.antonyms)
				}
			}
			for _, c := range t.antonyms {
				if k := x.concept(c); k != nil {
					hit(ti, k.terms)
				}
			}
			ti++
		}
	}
	return termMatches{x}
}

// enough reports whether at least k terms of the claim matched, or of pool
// claim i, meet terms of the other: without it no clause pair can share k.
func (m termMatches) enough(i, k int) bool {
	x := m.x
	if x.hasWides && x.wide[i] {
		return true
	}
	if i >= len(x.aCount) {
		return false
	}
	return x.aCount[i] >= k || bits.OnesCount64(x.bMask[i]) >= k
}

// covered counts the terms of a that some term of b covers, how many of
// them only by an antonym, and how many of them are not common. The terms'
// concepts and antonyms are sorted sets (sig), their masks filter the pairs
// whose sets cannot meet.
func covered(a, b clauseSig, common func(string) bool) (shared, flips, rare int) {
	for i := range a.terms {
		t, tk := &a.terms[i], a.keys[i]
		for j, uk := range b.keys {
			// most pairs: different lemmas, and (for an acronym, which
			// meets other words only by name, or by their masks) no
			// concept in common
			if tk.lemma != uk.lemma && (t.acr || (tk.concepts&(uk.concepts|uk.antonyms))|(tk.antonyms&uk.concepts) == 0) {
				continue
			}
			u := &b.terms[j]
			hit, flip := false, false
			switch {
			case t.lemma == u.lemma || (!t.acr && tk.concepts&uk.concepts != 0 && intersect(t.concepts, u.concepts)):
				hit = true
			case !t.acr && ((tk.concepts&uk.antonyms != 0 && intersect(t.concepts, u.antonyms)) ||
				(tk.antonyms&uk.concepts != 0 && intersect(t.antonyms, u.concepts))):
				hit, flip = true, true
			}
			if !hit {
				continue
			}
			shared++
			if flip {
				flips++
			}
			if !common(t.lemma) {
				rare++
			}
			break
		}
	}
	return shared, flips, rare
}

// sortedSet returns the distinct concepts of cs in order, in a new slice.
func sortedSet(cs []wn.Concept) []wn.Concept {
	if len(cs) == 0 {
		return nil
	}
	out := slices.Clone(cs)
	slices.Sort(out)
	return slices.Compact(out)
}

// intersect reports whether two sorted sets share a concept: one merge pass
// instead of comparing every pair (comparing claims was most of the time of
// ingesting a corpus that restates itself).
func intersect(a, b []wn.Concept) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// Queries returns full-text queries that find stored claims a claim may
// restate or deny: for each of its (at most three) largest clauses of three
// words or more, the four longest content words. Few words keep a query
// cheap: the store first looks for claims with every word, and only when
// those are too few for claims with any.
func (l *Linker) Queries(c argmap.Claim) []string {
	cls := slices.Clone(l.sig(c.Text).clauses) // the signature is shared: sort a copy
	sort.SliceStable(cls, func(i, j int) bool { return len(cls[i].terms) > len(cls[j].terms) })
	var out []string
	for _, cl := range cls {
		if len(cl.terms) < 3 || len(out) == maxQueries {
			break
		}
		ws := make([]string, 0, len(cl.terms))
		for _, t := range cl.terms {
			ws = append(ws, t.lemma)
		}
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
		if len(ws) > queryWords {
			ws = ws[:queryWords]
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

// Query bounds: clauses searched per claim, words per query.
const (
	maxQueries = 3
	queryWords = 4
)

// Keys returns a claim's link signature for stores that index it
// (argmap.KeyedClaims): every pair of the four longest content words of each
// of its (at most three) largest clauses, "a b" with a < b. A restatement
// shares at least three content words of a clause, so it shares a pair.
// They are the pairs of the words of Queries, read from the signature
// without writing the queries out and splitting them again.
func (l *Linker) Keys(c argmap.Claim) []string {
	cls := l.sig(c.Text).clauses
	// the clauses by size, largest first, in order among equals (as
	// Queries sorts them)
	order := make([]int, 0, 8)
	for i := range cls {
		j := len(order)
		order = append(order, i)
		for ; j > 0 && len(cls[order[j-1]].terms) < len(cls[i].terms); j-- {
			order[j] = order[j-1]
		}
		order[j] = i
	}
	// the pairs, each once: a word holds no white space, so two keys "a
	// b" are the same when their two words are
	var pairs [argmap.MaxClaimKeys][2]string
	np, size := 0, 0
	var ws [queryWords]string
	var buf [2 * queryWords]string
	for q, ci := range order {
		terms := cls[ci].terms
		if len(terms) < 3 || q == maxQueries {
			break
		}
		// the clause's queryWords longest lemmas, longest first, in
		// order among equals
		n := 0
		for _, t := range terms {
			j := n
			if j < queryWords {
				n++
			} else if len(ws[j-1]) >= len(t.lemma) {
				continue
			} else {
				j--
			}
			for ; j > 0 && len(ws[j-1]) < len(t.lemma); j-- {
				ws[j] = ws[j-1]
			}
			ws[j] = t.lemma
		}
		// their words, as a query of them is read: a lemma of several
		// words ("carry out") gives each of them, an empty one none
		words := ws[:n]
		for _, w := range ws[:n] {
			if w == "" || hasSpace(w) {
				words = buf[:0]
				for _, w := range ws[:n] {
					words = append(words, strings.Fields(w)...)
				}
				break
			}
		}
		for i := range words {
			for j := i + 1; j < len(words); j++ {
				a, b := words[i], words[j]
				if b < a {
					a, b = b, a
				}
				if a == b || np == argmap.MaxClaimKeys || slices.Contains(pairs[:np], [2]string{a, b}) {
					continue
				}
				pairs[np] = [2]string{a, b}
				np++
				size += len(a) + 1 + len(b)
			}
		}
	}
	if np == 0 {
		return nil
	}
	// the keys are parts of one string (one allocation for the claim)
	var sb strings.Builder
	sb.Grow(size)
	for _, p := range pairs[:np] {
		sb.WriteString(p[0])
		sb.WriteByte(' ')
		sb.WriteString(p[1])
	}
	all := sb.String()
	out := make([]string, np)
	at := 0
	for i, p := range pairs[:np] {
		n := len(p[0]) + 1 + len(p[1])
		out[i] = all[at : at+n]
		at += n
	}
	return out
}

// hasSpace reports whether s holds white space as strings.Fields reads it
// (unicode.IsSpace).
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return strings.IndexFunc(s[i:], unicode.IsSpace) >= 0
		case c == ' ' || ('\t' <= c && c <= '\r'):
			return true
		}
	}
	return false
}
