package main

import (
	"context"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// withSearch wraps st so that claim searches also try the query's other
// phrasings (extract.ExpandQuery).
func withSearch(st argmap.Store) argmap.Store {
	return expandingStore{Store: st, expand: extract.ExpandQuery}
}

// expandingStore answers full-text claim searches with the query and its
// alternative phrasings (acronyms spelled out, derivational forms, words of
// the same argumentative concept) merged into one ranked search, so that
// "AVR voluntariness is contested" finds "migrants publicly questioned the
// voluntary nature of the return programme". Everything else passes through.
type expandingStore struct {
	argmap.Store
	expand func(q string) []string
}

// maxQueryBytes bounds the merged query handed to the store.
const maxQueryBytes = 2000

// SearchClaims implements argmap.ClaimStore.
func (s expandingStore) SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error) {
	return s.Store.SearchClaims(ctx, mergeQueries(s.expand(q), q), limit)
}

// SearchEvidence implements argmap.EvidenceStore with the same phrasings.
func (s expandingStore) SearchEvidence(ctx context.Context, q string, limit int) ([]argmap.EvidenceHit, error) {
	return s.Store.SearchEvidence(ctx, mergeQueries(s.expand(q), q), limit)
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
