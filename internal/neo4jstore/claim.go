package neo4jstore

import (
	"context"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateClaim stores c. EINVALID (also for an unknown source or actor),
// ECONFLICT.
func (s *Store) CreateClaim(ctx context.Context, c *argmap.Claim) error {
	if c == nil {
		return argmap.Errorf(argmap.EINVALID, "the claim is missing")
	}
	// The record's own problems first, all of them; then its references.
	if err := c.Validate(); err != nil {
		return err
	}
	g := &argmap.Graph{Claims: []argmap.Claim{*c}}
	if err := s.writeGraph(ctx, g, writeMode{what: "create claim"}); err != nil {
		return err
	}
	c.CreatedAt = g.Claims[0].CreatedAt
	return nil
}

// claimsByIDs loads claims with spans and actors, ordered by ID.
func claimsByIDs(ctx context.Context, t tx, ids []string) ([]argmap.Claim, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := run(ctx, t, qClaimsByIDs, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	return mapAll(recs, claimFrom)
}

// ClaimsByKeys implements argmap.KeyedClaims: for each key, one backwards
// prefix range read of the ClaimKey slot index for its perKey newest
// claims; then those claims and the claims naming their propositions, in
// one statement, ordered by ID, without spans and actors.
func (s *Store) ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]argmap.Claim, error) {
	perKey = argmap.Page{Limit: perKey}.Size()
	out := []argmap.Claim{}
	if len(keys) == 0 {
		return out, nil
	}
	prefixes := make([]string, 0, len(keys))
	seen := map[string]bool{}
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			prefixes = append(prefixes, k+keySep)
		}
	}
	err := s.read(ctx, "claims by keys", func(t tx) error {
		recs, err := run(ctx, t, qClaimsByKeys, map[string]any{"prefixes": prefixes, "perKey": perKey})
		if err != nil {
			return err
		}
		cs, err := mapAll(recs, claimFrom)
		if err != nil {
			return err
		}
		out = append(out, cs...)
		return nil
	})
	return out, err
}

// UnkeyedClaims implements argmap.KeyBackfill: claims with no ClaimKey,
// ordered by ID.
func (s *Store) UnkeyedClaims(ctx context.Context, p argmap.Page) ([]argmap.Claim, error) {
	after, limit := page(p)
	out := []argmap.Claim{}
	err := s.read(ctx, "unkeyed claims", func(t tx) error {
		recs, err := run(ctx, t, qClaimsUnkeyed, map[string]any{"after": after, "limit": limit})
		if err != nil {
			return err
		}
		cs, err := mapAll(recs, claimFrom)
		out = append(out, cs...)
		return err
	})
	return out, err
}

// AddClaimKeys implements argmap.KeyBackfill in one transaction.
func (s *Store) AddClaimKeys(ctx context.Context, keys map[string][]string) error {
	if err := argmap.ValidateClaimKeys(keys); err != nil {
		return err
	}
	ids := make([]string, 0, len(keys))
	for id := range keys {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rows []map[string]any
	for _, id := range ids {
		rows = append(rows, claimKeyRows(id, keys[id])...)
	}
	return s.write(ctx, "add claim keys", func(t tx) error {
		_, err := runBatches(ctx, t, qClaimKeysCreate, rows)
		return err
	})
}

// Claim returns the claim with its spans and actors. ENOTFOUND if unknown.
func (s *Store) Claim(ctx context.Context, id string) (*argmap.Claim, error) {
	var out []argmap.Claim
	err := s.readSingle(ctx, "read claim", func(t tx) (err error) {
		out, err = claimsByIDs(ctx, t, []string{id})
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, notFound(argmap.KindClaim, id)
	}
	return &out[0], nil
}

// UpdateClaim applies u and returns the claim. ENOTFOUND, EINVALID.
func (s *Store) UpdateClaim(ctx context.Context, id string, u argmap.ClaimUpdate) (*argmap.Claim, error) {
	var out *argmap.Claim
	err := s.write(ctx, "update claim", func(t tx) error {
		cs, err := claimsByIDs(ctx, t, []string{id})
		if err != nil {
			return err
		}
		if len(cs) == 0 {
			return notFound(argmap.KindClaim, id)
		}
		c := cs[0]
		rekey := u.ReplacesKeys(c.Text)
		if err := u.Apply(&c); err != nil {
			return err
		}
		if _, err := run(ctx, t, qClaimUpdate, map[string]any{
			"id": id, "text": c.Text, "gist": optStr(c.Gist), "score": c.Score, "main": c.Main, "origin": string(c.Origin),
			"proposition": optStr(c.Proposition),
		}); err != nil {
			return err
		}
		if rekey {
			// the old signature described the old text
			if _, err := run(ctx, t, qClaimKeysDelete, map[string]any{"id": id}); err != nil {
				return err
			}
			if len(c.Keys) > 0 {
				if _, err := runBatches(ctx, t, qClaimKeysCreate, claimKeyRows(id, c.Keys)); err != nil {
					return err
				}
			}
		}
		if len(u.AddSpans) > 0 {
			if err := addClaimSpans(ctx, t, id, u.AddSpans); err != nil {
				return err
			}
			if cs, err = claimsByIDs(ctx, t, []string{id}); err != nil {
				return err
			}
			c = cs[0]
		}
		out = &c
		return nil
	})
	return out, err
}

// DeleteClaim removes the claim and every relation that uses it, and the
// relations that target those. ENOTFOUND if unknown.
func (s *Store) DeleteClaim(ctx context.Context, id string) error {
	return s.deleteNode(ctx, "delete claim", argmap.KindClaim, id)
}

func (s *Store) deleteNode(ctx context.Context, what string, kind argmap.NodeKind, id string) error {
	return s.write(ctx, what, func(t tx) error {
		if argmap.KindOf(id) != kind {
			return notFound(kind, id)
		}
		ok, err := exists(ctx, t, id)
		if err != nil {
			return err
		}
		if !ok {
			return notFound(kind, id)
		}
		return deleteNodes(ctx, t, []string{id})
	})
}

// Claims lists claims with spans and actors, ordered by ID.
func (s *Store) Claims(ctx context.Context, f argmap.ClaimFilter) ([]argmap.Claim, error) {
	after, limit := page(f.Page)
	params := map[string]any{"after": after, "origin": string(f.Origin), "actor": f.ActorID, "source": f.SourceID, "proposition": f.Proposition, "limit": limit}
	q := qClaimsList
	if f.Proposition != "" {
		q = qClaimsListProposition
	}
	if f.Query != "" {
		lq := fullTextQuery(f.Query)
		if lq == "" {
			return []argmap.Claim{}, nil
		}
		q, params["query"] = qClaimsListSearch, lq
	}
	var out []argmap.Claim
	var err error
	if q == qClaimsListProposition {
		// whole claims in one statement
		err = s.readSingle(ctx, "list claims", func(t tx) error {
			recs, err := run(ctx, t, q, params)
			if err != nil {
				return err
			}
			out, err = mapAll(recs, claimFrom)
			return err
		})
		if out == nil && err == nil {
			out = []argmap.Claim{}
		}
		return out, err
	}
	err = s.read(ctx, "list claims", func(t tx) error {
		recs, err := run(ctx, t, q, params)
		if err != nil {
			return err
		}
		ids, err := column[string](recs, "id")
		if err != nil {
			return err
		}
		out, err = claimsByIDs(ctx, t, ids)
		return err
	})
	if out == nil && err == nil {
		out = []argmap.Claim{}
	}
	return out, err
}

// SearchClaims ranks claims against free text, best first. A query with no
// searchable word gives an empty list.
func (s *Store) SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error) {
	lq := fullTextQuery(q)
	if lq == "" {
		return []argmap.ClaimHit{}, nil
	}
	n := int64(argmap.Page{Limit: limit}.Size())
	var out []argmap.ClaimHit
	err := s.readSingle(ctx, "search claims", func(t tx) error {
		recs, err := run(ctx, t, qClaimsSearch, map[string]any{"query": lq, "limit": n})
		if err != nil {
			return err
		}
		out = make([]argmap.ClaimHit, 0, len(recs))
		for _, r := range recs {
			c, err := claimFrom(r)
			if err != nil {
				return err
			}
			score, err := field[float64](r, "score")
			if err != nil {
				return err
			}
			out = append(out, argmap.ClaimHit{Claim: c, Rank: score})
		}
		return nil
	})
	return out, err
}

// addClaimSpans records spans of a stored claim, their quotes taken from
// the source texts. EINVALID for an unknown source or a span outside its
// text; a span the claim has already is kept once (MERGE).
func addClaimSpans(ctx context.Context, t tx, id string, spans []argmap.Span) error {
	var ids []string
	seen := map[string]bool{}
	for _, sp := range spans {
		if !seen[sp.SourceID] {
			seen[sp.SourceID] = true
			ids = append(ids, sp.SourceID)
		}
	}
	recs, err := run(ctx, t, qSourceTexts, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	texts := map[string]string{}
	for _, r := range recs {
		sid, err := field[string](r, "id")
		if err != nil {
			return err
		}
		if texts[sid], err = field[string](r, "text"); err != nil {
			return err
		}
	}
	rows := make([]map[string]any, 0, len(spans))
	for _, sp := range spans {
		text, ok := texts[sp.SourceID]
		if !ok {
			return argmap.Errorf(argmap.EINVALID, "claim %s: unknown source %s", id, sp.SourceID)
		}
		if text != "" && sp.End > len(text) {
			return argmap.Errorf(argmap.EINVALID, "claim %s: span %d..%d lies outside source %s", id, sp.Start, sp.End, sp.SourceID)
		}
		rows = append(rows, spanRow(id, sp, text, true))
	}
	_, err = runBatches(ctx, t, qClaimSpansCreate, rows)
	return err
}
