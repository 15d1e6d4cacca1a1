package main

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// withSearch wraps st so that claim searches also try the query's other
// phrasings (extract.ExpandQuery).
func withSearch(st argmap.Store) argmap.Store {
	return expandingStore{Store: st, expand: extract.ExpandQuery, passages: &passageCache{}}
}

// expandingStore answers full-text claim searches with the query and its
// alternative phrasings (derivations and synonyms from WordNet, acronyms the
// stored claims define) merged into one ranked search, so that "AVR
// voluntariness is contested" finds "the voluntary nature of the return
// programme was questioned". Everything else passes through.
type expandingStore struct {
	argmap.Store
	expand   func(q string) []string
	passages *passageCache // nil: none kept
}

// maxQueryBytes bounds the merged query handed to the store.
const maxQueryBytes = 2000

// SearchClaims implements argmap.ClaimStore: the query's phrasings, and
// the acronyms the stored claims define for its words.
func (s expandingStore) SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error) {
	query := mergeQueries(s.expand(q), q)
	hits, err := s.Store.SearchClaims(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	extra, err := s.acronyms(ctx, q, hits)
	if err != nil || extra == "" {
		return hits, err
	}
	return s.Store.SearchClaims(ctx, mergeQueries(nil, query+" "+extra), limit) // (an acronym is short: kept as the query's own word)
}

// SearchEvidence implements argmap.EvidenceStore with the same phrasings
// and acronyms, those the evidence found defines included ("joined the
// United Nations (UN) in 2016": a question's "United Nations" then finds
// "entered the UN system" too).
func (s expandingStore) SearchEvidence(ctx context.Context, q string, limit int) ([]argmap.EvidenceHit, error) {
	query := mergeQueries(s.expand(q), q)
	hits, err := s.Store.SearchEvidence(ctx, query, limit)
	if err != nil {
		return nil, err
	}
	defining := make([]argmap.ClaimHit, len(hits))
	for i, h := range hits {
		defining[i] = argmap.ClaimHit{Claim: argmap.Claim{Text: h.Evidence.Text}}
	}
	extra, err := s.acronyms(ctx, q, defining)
	if err != nil || extra == "" {
		return hits, err
	}
	return s.Store.SearchEvidence(ctx, mergeQueries(nil, query+" "+extra), limit)
}

// acronymProbe bounds the claims read to find an acronym's definition.
const acronymProbe = 20

// acronyms returns the words to add to a search for q from the definitions
// the stored claims give ("the Displacement Tracking Matrix (DTM)"): an
// acronym of q spelled out, found among the claims that use it; and the
// acronym of a long name of q, found among hits. No acronym is listed by
// hand: a store that never defines one adds nothing.
func (s expandingStore) acronyms(ctx context.Context, q string, hits []argmap.ClaimHit) (string, error) {
	var add []string
	lower := " " + strings.ToLower(strings.Join(strings.Fields(q), " ")) + " "
	for _, w := range strings.Fields(q) {
		w = strings.Trim(w, ".,;:?!()\"'")
		if !extract.IsAcronym(w) {
			continue
		}
		probe, err := s.Store.SearchClaims(ctx, w, acronymProbe)
		if err != nil {
			return "", err
		}
		for _, h := range probe {
			if long, ok := extract.Definitions(h.Claim.Text)[extract.AcronymKey(w)]; ok {
				add = append(add, long)
				break
			}
		}
	}
	for _, h := range hits {
		for acr, long := range extract.Definitions(h.Claim.Text) {
			if strings.Contains(lower, " "+long+" ") && !strings.Contains(lower, " "+acr+" ") {
				add = append(add, strings.ToUpper(acr))
			}
		}
	}
	return strings.Join(add, " "), nil
}

// mergeQueries joins the query and its alternatives into one query string
// with each word once, the query's own words first. Short words of the
// alternatives ("out" of "keeps out") are left out: alone, out of their
// phrase, they match anything.
func mergeQueries(alts []string, q string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for i, a := range append([]string{q}, alts...) {
		for _, w := range strings.Fields(a) {
			k := strings.ToLower(w)
			if seen[k] || b.Len()+len(w)+1 > maxQueryBytes || (i > 0 && len(k) <= 3) {
				continue
			}
			seen[k] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
}

// RelationEnds passes the store's light read of a relation's ends through
// (answers name an inference by the texts it joins), or reads the relation.
func (s expandingStore) RelationEnds(ctx context.Context, id string) ([]string, string, error) {
	if r, ok := s.Store.(interface {
		RelationEnds(ctx context.Context, id string) ([]string, string, error)
	}); ok {
		return r.RelationEnds(ctx, id)
	}
	rel, err := s.Store.Relation(ctx, id)
	if err != nil {
		return nil, "", err
	}
	return rel.From, rel.To, nil
}

// SearchPassages implements argmap.PassageSearcher: the sentences of the
// sources' texts (extract.Sentences) that no claim or evidence of theirs
// covers and that are no heading (uncovered), each scored by how many
// words of the query's phrasings (their first five letters, words of four
// letters or more) it has; at least two.
func (s expandingStore) SearchPassages(ctx context.Context, q string, ids []string, limit int) ([]argmap.EvidenceHit, error) {
	var words []string
	for _, w := range strings.Fields(strings.ToLower(mergeQueries(s.expand(q), q))) {
		w = strings.Trim(w, ".,;:?!()\"'“”‘’")
		if len(w) < 4 {
			continue
		}
		if w = w[:min(len(w), 5)]; !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	var out []argmap.EvidenceHit
	for _, id := range ids {
		ps, err := s.uncovered(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, p := range ps {
			n := 0
			for _, w := range words {
				if strings.Contains(p.low, " "+w) {
					n++
				}
			}
			if n >= 2 {
				out = append(out, argmap.EvidenceHit{Evidence: argmap.Evidence{ID: argmap.PassageID(p.span), Text: p.span.Quote,
					Spans: []argmap.Span{p.span}}, Rank: float64(n)})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b argmap.EvidenceHit) int { return cmp.Compare(b.Rank, a.Rank) })
	return out[:min(len(out), limit)], nil
}

// passage is a sentence of a source that no claim or evidence covers: its
// span (with its text as the quote) and its text in lower case after a
// space.
type passage struct {
	span argmap.Span
	low  string
}

// passageCache keeps the passages of the sources read (uncovered) while
// the store stays as it was (ClaimsVersion), up to passageCacheSources
// sources: a served store reads each source's text and nodes once, not at
// every question.
type passageCache struct {
	mu       sync.Mutex
	version  int64
	bySource map[string][]passage
}

// passageCacheSources bounds the sources a passageCache holds; it starts
// again past it.
const passageCacheSources = 1024

// uncovered returns the passages of the source id, from the cache while
// the store's ClaimsVersion is unchanged (SQLite's content_version, which
// every write of claims, evidence, spans and sources moves); a store that
// does not count its changes is read every time.
func (s expandingStore) uncovered(ctx context.Context, id string) ([]passage, error) {
	kl, cache := s.Store.(interface {
		ClaimsVersion(ctx context.Context) (int64, error)
	})
	var version int64
	if cache && s.passages != nil {
		var err error
		if version, err = kl.ClaimsVersion(ctx); err != nil {
			return nil, err
		}
		c := s.passages
		c.mu.Lock()
		ps, ok := c.bySource[id]
		ok = ok && c.version == version
		c.mu.Unlock()
		if ok {
			return ps, nil
		}
	}
	src, err := s.Store.Source(ctx, id)
	if err != nil {
		return nil, err
	}
	covered, err := s.coveredSpans(ctx, id)
	if err != nil {
		return nil, err
	}
	text := src.Text
	var out []passage
sentences:
	for _, se := range extract.Sentences(text, extract.Segments(text)) {
		for _, sp := range covered {
			if sp.Start < se.End && se.Start < sp.End {
				continue sentences
			}
		}
		sent := text[se.Start:se.End]
		if extract.IsHeading(sent) {
			// a heading names a topic; it asserts nothing
			continue
		}
		out = append(out, passage{span: argmap.Span{SourceID: id, Start: se.Start, End: se.End, Quote: sent}, low: " " + strings.ToLower(sent)})
	}
	if cache && s.passages != nil {
		c := s.passages
		c.mu.Lock()
		if c.version != version || c.bySource == nil || len(c.bySource) >= passageCacheSources {
			c.version, c.bySource = version, map[string][]passage{}
		}
		c.bySource[id] = out
		c.mu.Unlock()
	}
	return out, nil
}

// coveredSpans returns the spans in the source id of its claims and
// evidence.
func (s expandingStore) coveredSpans(ctx context.Context, id string) ([]argmap.Span, error) {
	var out []argmap.Span
	keep := func(spans []argmap.Span) {
		for _, sp := range spans {
			if sp.SourceID == id {
				out = append(out, sp)
			}
		}
	}
	p := argmap.Page{Limit: argmap.MaxLimit}
	for {
		cs, err := s.Store.Claims(ctx, argmap.ClaimFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, c := range cs {
			keep(c.Spans)
		}
		if len(cs) < p.Size() {
			break
		}
		p.After = cs[len(cs)-1].ID
	}
	p = argmap.Page{Limit: argmap.MaxLimit}
	for {
		es, err := s.Store.EvidenceList(ctx, argmap.EvidenceFilter{SourceID: id, Page: p})
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			keep(e.Spans)
		}
		if len(es) < p.Size() {
			return out, nil
		}
		p.After = es[len(es)-1].ID
	}
}
