// Package ingest turns documents into stored argument graphs: it extracts a
// document, links its claims to claims already stored, and writes the result
// in one transaction. It depends only on the domain interfaces.
package ingest

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// Store is the part of a store ingest needs.
type Store interface {
	SourceByHash(ctx context.Context, hash string) (*argmap.Source, error)
	SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error)
	Claim(ctx context.Context, id string) (*argmap.Claim, error)
	WriteGraph(ctx context.Context, g *argmap.Graph) error
	// UpdateClaim adds the spans of the new copy of a document to the claims
	// a person curated, which outlived the first copy.
	UpdateClaim(ctx context.Context, id string, u argmap.ClaimUpdate) (*argmap.Claim, error)
}

// Service ingests documents. It implements argmap.Ingester.
type Service struct {
	store      Store
	extractor  argmap.Extractor
	linker     argmap.Linker
	candidates int
	partsOver  int // text documents over this size are extracted part by part
	partBytes  int

	// for tests (export_test.go): called by IngestAll's writer before it
	// commits documents from first on; documents written with links
	// found ahead
	beforeCommit           func(first int)
	aheadClaims, aheadKeys int           // bounds of linking ahead's copy (ahead.go)
	batchDocs              int           // documents in one of IngestAll's transactions, at most (batch.go)
	batchWait              time.Duration // the writer's wait for a batch to grow (batch.go)
	batchShare             int           // a batch waits for this share of a small corpus, 1/batchShare (batch.go; 0: 1 MiB whatever the corpus)
	tookAhead              atomic.Int64
}

// New returns a Service. linker may be nil: claims are then not linked across
// documents.
func New(store Store, extractor argmap.Extractor, linker argmap.Linker) *Service {
	return &Service{store: store, extractor: extractor, linker: linker, candidates: 8, partsOver: bigDocument, partBytes: partBytes,
		aheadClaims: aheadClaims, aheadKeys: aheadKeys, batchDocs: maxBatch, batchWait: maxBatchWait, batchShare: batchShare}
}

// Ingest extracts doc and stores it with its claims, evidence, actors,
// citations and relations, all or nothing. A document whose content is
// already stored is not extracted again: the stored source is returned with
// Created false.
func (s *Service) Ingest(ctx context.Context, doc argmap.Document) (*argmap.IngestResult, error) {
	p := s.prepare(ctx, doc)
	return s.commit(ctx, p)
}

// prepared is a document extracted and ready to be linked and written, or
// the end of it: stored already (res) or failed (err).
type prepared struct {
	hash  string
	g     *argmap.Graph
	res   *argmap.IngestResult
	err   error
	ahead *linkedAhead // what IngestAll's linking ahead made of it, if anything
}

// prepare does the work on doc that needs nothing of the documents ingested
// before it, so that several documents can be prepared at once: the check
// for the same content stored, extraction, and the claims' link signatures.
func (s *Service) prepare(ctx context.Context, doc argmap.Document) prepared {
	hash := argmap.ContentHash(doc.Data)
	if existing, err := s.store.SourceByHash(ctx, hash); err == nil {
		return prepared{res: &argmap.IngestResult{Source: *existing, Created: false}}
	} else if !argmap.IsNotFound(err) {
		return prepared{err: err}
	}
	g, err := s.extract(ctx, doc)
	if err != nil {
		return prepared{err: err}
	}
	if len(g.Sources) == 0 {
		return prepared{err: argmap.Errorf(argmap.EINTERNAL, "extraction returned no source for %s", doc.Name)}
	}
	if kl, ok := s.linker.(keyer); ok {
		for i := range g.Claims {
			g.Claims[i].Keys = kl.Keys(g.Claims[i])
		}
	}
	return prepared{hash: hash, g: g}
}

// commit links a prepared document to the claims stored and writes it, in
// one transaction. Documents are committed one after another, so that each
// links to those before it.
func (s *Service) commit(ctx context.Context, p prepared) (*argmap.IngestResult, error) {
	if p.res != nil || p.err != nil {
		return p.res, p.err
	}
	g, hash := p.g, p.hash
	p.ahead.unlink(g)       // linked here, against the store as it is now
	own := len(g.Relations) // relations of the document; those after link to stored claims
	if err := s.link(ctx, g); err != nil {
		return nil, err
	}
	err := s.write(ctx, g, own, nil)
	if argmap.ErrorCode(err) == argmap.ECONFLICT {
		// Another writer stored the same content meanwhile.
		if existing, err2 := s.store.SourceByHash(ctx, hash); err2 == nil {
			return &argmap.IngestResult{Source: *existing, Created: false}, nil
		}
		// Or the document was stored before, deleted, and claims a person
		// curated outlived it under the same derived IDs: they stay as the
		// person left them, and the rest of the document is written; they
		// gain their passages in the new copy, so that its page marks them.
		carried, derr := s.dropStoredClaims(ctx, g)
		if derr != nil {
			return nil, derr
		}
		if len(carried) > 0 {
			err = s.write(ctx, g, own, carried)
		}
	}
	if err != nil {
		return nil, err
	}
	return created(g), nil
}

// created is the result of ingesting g, stored.
func created(g *argmap.Graph) *argmap.IngestResult {
	res := &argmap.IngestResult{Source: g.Sources[0], Created: true, Counts: g.Counts()}
	if res.Counts.Claims+res.Counts.Evidence == 0 {
		res.Warnings = append(res.Warnings, argmap.WarnNothingFound)
	}
	res.Source.Text = ""
	return res
}

// linkPart bounds the claims linked at once. A document with more claims
// (a book, a 50 MB upload) is linked part by part, in order: each part's
// claims are compared with one another, with the stored claims their keys
// find and with the claims of earlier parts their keys find (perKey a key,
// as in the store), so the work grows with the document's size instead of
// its square (a 5 MB document took 17 s of linking, 50 MB would take
// many minutes). Documents of at most linkPart claims are linked whole.
const linkPart = 256

// link joins the claims of g to the propositions they restate and adds the
// relations to those they deny.
func (s *Service) link(ctx context.Context, g *argmap.Graph) error {
	return s.linkIn(ctx, s.store, g)
}

// linkIn is link with the candidates read from st.
func (s *Service) linkIn(ctx context.Context, st Store, g *argmap.Graph) error {
	return s.linkWith(ctx, g, func(part []argmap.Claim) ([]argmap.Claim, error) {
		return s.candidatesFor(ctx, st, part)
	})
}

// linkWith is link with the candidates of a part of g's claims found by
// find.
func (s *Service) linkWith(ctx context.Context, g *argmap.Graph, find func(part []argmap.Claim) ([]argmap.Claim, error)) error {
	if s.linker == nil || len(g.Claims) == 0 {
		return nil
	}
	var earlier *keyIndex
	if len(g.Claims) > linkPart {
		earlier = newKeyIndex()
	}
	for start := 0; start < len(g.Claims); start += linkPart {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := g.Claims[start:min(start+linkPart, len(g.Claims))]
		if earlier == nil {
			part = g.Claims
		}
		stored, err := find(part)
		if err != nil {
			return err
		}
		if earlier != nil {
			stored = onePerProposition(append(stored, earlier.find(part)...))
		}
		links := s.linker.Link(part, stored)
		for i := range part {
			if p, ok := links.Propositions[part[i].ID]; ok && p != part[i].ID {
				part[i].Proposition = p
			}
		}
		g.Relations = append(g.Relations, links.Relations...)
		if earlier == nil {
			break
		}
		earlier.add(part)
	}
	return nil
}

// keyIndex finds claims of a document by their link signature, as
// argmap.KeyedClaims finds stored ones: the newest perKey under each key.
type keyIndex struct {
	byKey  map[string][]int // key -> positions in claims, newest last
	pos    map[string]int   // claim ID -> position in claims
	claims []argmap.Claim
}

func newKeyIndex() *keyIndex { return &keyIndex{byKey: map[string][]int{}, pos: map[string]int{}} }

// add indexes claims (already linked: their propositions are set).
func (x *keyIndex) add(cs []argmap.Claim) {
	for _, c := range cs {
		x.claims = append(x.claims, c)
		x.pos[c.ID] = len(x.claims) - 1
		for _, k := range c.Keys {
			l := append(x.byKey[k], len(x.claims)-1)
			if len(l) > perKey {
				l = l[len(l)-perKey:]
			}
			x.byKey[k] = l
		}
	}
}

// find returns the indexed claims under the keys of cs, each once, with
// the indexed claim naming each one's proposition when there is one.
func (x *keyIndex) find(cs []argmap.Claim) []argmap.Claim {
	seen := map[int]bool{}
	var out []argmap.Claim
	var under foundUnder
	for _, c := range cs {
		for _, k := range c.Keys {
			for _, i := range x.byKey[k] {
				under.add(x.claims[i].ID, k)
				if !seen[i] {
					seen[i] = true
					out = append(out, x.claims[i])
				}
			}
		}
	}
	for _, c := range out {
		if i, ok := x.pos[c.Proposition]; ok && !seen[i] {
			seen[i] = true
			out = append(out, x.claims[i])
		}
	}
	for _, c := range out {
		if c.Proposition != "" {
			under.inherit(c.Proposition, c.ID)
		}
	}
	// as candidatesFor: each with the keys it was found under
	for i := range out {
		out[i].Keys = under.of(out[i].ID)
	}
	return out
}

// dropStoredClaims removes from g the claims whose IDs are already stored
// (claims a person curated, which removing their source does not remove) and
// returns their spans in g's document, by claim ID. Relations of g that use
// them still refer to the stored claims.
func (s *Service) dropStoredClaims(ctx context.Context, g *argmap.Graph) (map[string][]argmap.Span, error) {
	kept := g.Claims[:0]
	carried := map[string][]argmap.Span{}
	for _, c := range g.Claims {
		_, err := s.store.Claim(ctx, c.ID)
		switch {
		case err == nil:
			carried[c.ID] = c.Spans
			continue
		case !argmap.IsNotFound(err):
			return nil, err
		}
		kept = append(kept, c)
	}
	g.Claims = kept
	return carried, nil
}

// maxRelinks bounds how often a write is tried again after stored claims it
// links to were deleted meanwhile.
const maxRelinks = 4

// write stores g, and adds the spans of carried (by stored claim ID) to
// those claims in the same transaction. Link candidates are found before the
// write transaction opens, so one may be deleted before it commits: the store
// then refuses the graph (EINVALID, unknown ID). That is not the document's
// fault, so the links (g.Relations[own:]) to claims that are gone are
// dropped, as deleting them a moment later would have, and the write is
// tried again.
func (s *Service) write(ctx context.Context, g *argmap.Graph, own int, carried map[string][]argmap.Span) error {
	for attempt := 0; ; attempt++ {
		err := s.writeOnce(ctx, g, carried)
		if err == nil || argmap.ErrorCode(err) != argmap.EINVALID || own == len(g.Relations) || attempt == maxRelinks {
			return err
		}
		n, lerr := s.dropVanishedLinks(ctx, g, own)
		if lerr != nil {
			return lerr
		}
		if n == 0 {
			return err // invalid for another reason
		}
	}
}

// writeOnce writes g and the carried spans: in one transaction when the
// store has them (argmap.Transactor), else one after the other.
func (s *Service) writeOnce(ctx context.Context, g *argmap.Graph, carried map[string][]argmap.Span) error {
	if len(carried) == 0 {
		return s.store.WriteGraph(ctx, g)
	}
	ids := make([]string, 0, len(carried))
	for id := range carried {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	both := func(st Store) error {
		if err := st.WriteGraph(ctx, g); err != nil {
			return err
		}
		for _, id := range ids {
			if len(carried[id]) == 0 {
				continue
			}
			if _, err := st.UpdateClaim(ctx, id, argmap.ClaimUpdate{AddSpans: carried[id]}); err != nil {
				return err
			}
		}
		return nil
	}
	if tr, ok := s.store.(argmap.Transactor); ok {
		return tr.Atomically(ctx, func(tx argmap.Store) error { return both(tx) })
	}
	return both(s.store)
}

// dropVanishedLinks removes from g.Relations[own:] the links with an endpoint
// outside g that is no longer stored, and returns how many it removed.
func (s *Service) dropVanishedLinks(ctx context.Context, g *argmap.Graph, own int) (int, error) {
	inGraph := make(map[string]bool, len(g.Claims)+len(g.Relations))
	for _, c := range g.Claims {
		inGraph[c.ID] = true
	}
	for _, e := range g.Evidence {
		inGraph[e.ID] = true
	}
	for _, r := range g.Relations {
		inGraph[r.ID] = true
	}
	gone := map[string]bool{}
	vanished := func(id string) (bool, error) {
		if inGraph[id] || argmap.KindOf(id) != argmap.KindClaim {
			return false, nil
		}
		if v, ok := gone[id]; ok {
			return v, nil
		}
		_, err := s.store.Claim(ctx, id)
		if err != nil && !argmap.IsNotFound(err) {
			return false, err
		}
		gone[id] = err != nil
		return gone[id], nil
	}
	kept := g.Relations[:own]
	dropped := 0
	for _, r := range g.Relations[own:] {
		drop := false
		for _, id := range append([]string{r.To}, r.From...) {
			v, err := vanished(id)
			if err != nil {
				return 0, err
			}
			drop = drop || v
		}
		if drop {
			dropped++
			continue
		}
		kept = append(kept, r)
	}
	g.Relations = kept
	return dropped, nil
}

// candidatesFor finds stored claims that may state the same proposition as
// a claim of g, or deny it: the best full-text matches of each claim's gist.
func (s *Service) candidatesFor(ctx context.Context, st Store, claims []argmap.Claim) ([]argmap.Claim, error) {
	own := make(map[string]bool, len(claims))
	for _, c := range claims {
		own[c.ID] = true
	}
	seen := map[string]bool{}
	var out []argmap.Claim
	qr, clauses := s.linker.(queryer)
	reps := map[string]bool{}
	add := func(c argmap.Claim) {
		if own[c.ID] || seen[c.ID] {
			return
		}
		seen[c.ID] = true
		out = append(out, c)
		if c.Proposition != "" {
			reps[c.Proposition] = true
		}
	}
	keyed, byKeys := st.(argmap.KeyedClaims)
	lister, lists := st.(argmap.KeyLists)
	_, keys := s.linker.(keyer)
	var under foundUnder // the keys each claim was found under, when the store says
	if byKeys && keys {
		// the link signature (set on g's claims by the caller): a few index
		// lookups a claim, whatever the store's size
		// each key once: the claims of a document share many
		var all []string
		have := map[string]bool{}
		for _, c := range claims {
			for _, k := range c.Keys {
				if !have[k] {
					have[k] = true
					all = append(all, k)
				}
			}
		}
		if lists {
			// the same claims, listed by key (as linking ahead reads them)
			byKey, heads, err := lister.ClaimKeyLists(ctx, all, perKey)
			if err != nil {
				return nil, err
			}
			for _, k := range all {
				for _, c := range byKey[k] {
					under.add(c.ID, k)
					add(c)
				}
			}
			for _, h := range heads {
				add(h)
			}
		} else {
			cs, err := keyed.ClaimsByKeys(ctx, all, perKey)
			if err != nil {
				return nil, err
			}
			for _, c := range cs {
				add(c)
			}
		}
	}
	for _, c := range claims {
		if byKeys && keys {
			break
		}
		var queries []string
		if clauses {
			queries = qr.Queries(c)
		} else {
			q := c.Gist
			if q == "" {
				q = c.Text
			}
			queries = []string{keyWords(q, maxKeyWords)}
		}
		for _, q := range queries {
			hits, err := st.SearchClaims(ctx, q, s.candidates)
			if err != nil {
				return nil, err
			}
			for _, h := range hits {
				add(h.Claim)
			}
		}
	}
	// the claim that names each proposition found, so that a new claim can
	// join it: one indexed lookup per proposition
	for id := range reps {
		if seen[id] || own[id] {
			continue
		}
		c, err := st.Claim(ctx, id)
		if argmap.IsNotFound(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		seen[id] = true
		out = append(out, *c)
	}
	for i := range out {
		out[i].Keys = nil
		if lists && byKeys && keys {
			if p := out[i].Proposition; p != "" {
				under.inherit(p, out[i].ID)
			}
		}
	}
	if lists && byKeys && keys {
		for i := range out {
			out[i].Keys = under.of(out[i].ID)
		}
	}
	return onePerProposition(out), nil
}

// foundUnder records the keys under which link candidates were found, by
// claim ID; the claim naming a proposition inherits its members' (the
// linker compares a candidate only with the new claims that have one of its
// keys: Claim.Keys of a candidate, extract.Linker.Link).
type foundUnder map[string][]string

func (f *foundUnder) add(id, key string) {
	if *f == nil {
		*f = foundUnder{}
	}
	if !dup((*f)[id], key) {
		(*f)[id] = append((*f)[id], key)
	}
}

// inherit adds the keys of the claim from to those of the claim to.
func (f *foundUnder) inherit(to, from string) {
	for _, k := range (*f)[from] {
		f.add(to, k)
	}
}

// of returns the keys id was found under, sorted, in a new slice.
func (f foundUnder) of(id string) []string {
	ks := slices.Clone(f[id])
	slices.Sort(ks)
	return ks
}

// onePerProposition keeps one claim of each proposition: the claim that
// names it when it is among cs, else the member with the lowest ID (it
// stands for the proposition). A new claim joins a proposition only if it
// restates the claim naming it, and a group of restatements says one thing,
// so comparing with every member repeated the same work for each copy of a
// document ingested again and again. cs come back ordered by ID, in cs's
// own array (sorted and kept in place).
func onePerProposition(cs []argmap.Claim) []argmap.Claim {
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	pick := make(map[string]int, len(cs)) // proposition -> index in cs
	for i, c := range cs {
		p := argmap.PropositionOf(c)
		if k, ok := pick[p]; !ok || (c.ID == p && cs[k].ID != p) {
			pick[p] = i
		}
	}
	// the claim kept was found under the keys of every claim of its
	// proposition found (none said: under any)
	keys := map[string][]string{}
	for i, c := range cs {
		p := argmap.PropositionOf(c)
		k := pick[p]
		if k == i {
			continue
		}
		ks, ok := keys[p]
		if !ok {
			ks = slices.Clone(cs[k].Keys)
		}
		if len(ks) > 0 && len(c.Keys) > 0 {
			for _, key := range c.Keys {
				if !dup(ks, key) {
					ks = append(ks, key)
				}
			}
		} else {
			ks = []string{}
		}
		keys[p] = ks
	}
	out := cs[:0] // written at or before the claim read
	for i, c := range cs {
		p := argmap.PropositionOf(c)
		if pick[p] == i {
			if ks, ok := keys[p]; ok {
				if len(ks) == 0 {
					ks = nil
				}
				slices.Sort(ks)
				c.Keys = ks
			}
			out = append(out, c)
		}
	}
	return out
}

// backfillPage is how many claims BackfillKeys keys in one write.
const backfillPage = 500

// BackfillKeys gives a link signature to every stored claim that has none
// (claims stored before the store kept signatures), so that documents
// ingested later find them as link candidates. It returns how many claims
// gained keys. Nothing to do (0, nil) when the store keeps no signatures or
// the linker gives none. It reads and writes a page of claims at a time and
// may be run again: claims keyed already are not read.
func (s *Service) BackfillKeys(ctx context.Context) (int, error) {
	keyed, ok := s.store.(argmap.KeyBackfill)
	kl, ok2 := s.linker.(keyer)
	if !ok || !ok2 {
		return 0, nil
	}
	n := 0
	after := ""
	for {
		cs, err := keyed.UnkeyedClaims(ctx, argmap.Page{After: after, Limit: backfillPage})
		if err != nil {
			return n, err
		}
		if len(cs) == 0 {
			return n, nil
		}
		keys := map[string][]string{}
		for _, c := range cs {
			if k := kl.Keys(c); len(k) > 0 {
				keys[c.ID] = k
			}
		}
		if len(keys) > 0 {
			if err := keyed.AddClaimKeys(ctx, keys); err != nil {
				return n, err
			}
			n += len(keys)
		}
		after = cs[len(cs)-1].ID
	}
}

// ClaimKeys returns the link signature ingest would store for c (the
// linker's keys), or nil when the linker gives none. An edit of a claim's
// text stores it with the new text (argmap.ClaimUpdate.Keys), so that later
// documents find the claim by what it now says.
func (s *Service) ClaimKeys(c argmap.Claim) []string {
	if kl, ok := s.linker.(keyer); ok {
		return kl.Keys(c)
	}
	return nil
}

// keyer is a Linker that gives claims a link signature (extract.Linker).
type keyer interface {
	Keys(c argmap.Claim) []string
}

// perKey bounds the claims one signature key brings as candidates.
const perKey = 4

// queryer is a Linker that says what to search for to find a claim's
// candidates (extract.Linker: one query per clause).
type queryer interface {
	Queries(c argmap.Claim) []string
}

// maxKeyWords bounds the words of a claim searched for candidates: every word
// of a full-text OR query costs a scan of its posting list, so long gists made
// ingest slow down as the store grew.
const maxKeyWords = 6

// keyWords returns up to n of the longest distinct words of s (ties keep
// their order in s), joined by spaces: long words are the rarer, more
// distinctive ones, and they name what a claim is about.
func keyWords(s string, n int) string {
	type word struct {
		w   string
		len int
		pos int
	}
	seen := map[string]bool{}
	var ws []word
	for i, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		k := strings.ToLower(f)
		if seen[k] {
			continue
		}
		seen[k] = true
		ws = append(ws, word{f, utf8.RuneCountInString(f), i})
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].len > ws[j].len })
	if len(ws) > n {
		ws = ws[:n]
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].pos < ws[j].pos })
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return strings.Join(out, " ")
}
