package sqlitestore

import (
	"context"
	"database/sql"
	"slices"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// CreateClaim stores c. EINVALID if c is invalid or names an unknown source or
// actor; ECONFLICT if its ID is taken. A zero CreatedAt is set to
// argmap.Now(). Span quotes are taken from the source text when it has text.
func (s *Store) CreateClaim(ctx context.Context, c *argmap.Claim) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, "create claim", func(tx *sql.Tx) error {
		g := &argmap.Graph{Claims: []argmap.Claim{*c}}
		if err := s.writeGraph(ctx, tx, g, writeMode{}); err != nil {
			return err
		}
		c.CreatedAt = g.Claims[0].CreatedAt
		return nil
	})
}

// Claim returns the claim with its spans and actors. ENOTFOUND if unknown.
func (s *Store) Claim(ctx context.Context, id string) (*argmap.Claim, error) {
	if err := ctx.Err(); err != nil {
		return nil, translate(ctx, err, "read claim")
	}
	if c, err := s.contentHeld(ctx); err != nil {
		return nil, translate(ctx, err, "read claim")
	} else if c != nil {
		// the content copy holds the store as it is now: no transaction
		cl, ok, err := c.claimByID(id)
		if err != nil {
			return nil, translate(ctx, err, "read claim")
		}
		if !ok {
			return nil, notFound(argmap.KindClaim, id)
		}
		return cl, nil
	}
	var out []argmap.Claim
	err := s.read(ctx, "read claim", func(tx *sql.Tx) error {
		var err error
		out, err = scanClaims(ctx, prepared{s, tx}, `SELECT `+claimCols+` FROM claims c WHERE c.id = ?`, id)
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
	err := s.write(ctx, "update claim", func(tx *sql.Tx) error {
		cs, err := scanClaims(ctx, tx, `SELECT `+claimCols+` FROM claims c WHERE c.id = ?`, id)
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
		// span_quote: NULL when the quote is the claim's text (migration
		// 0021), so a new text keeps the old text as its quote
		if _, err := tx.ExecContext(ctx, `UPDATE claims SET text = ?1, gist = ?, score = ?, main = ?, origin = ?, proposition = ?,
				span_quote = iif(span_source_id IS NULL, NULL, nullif(coalesce(span_quote, text), ?1)) WHERE id = ?`,
			c.Text, c.Gist, c.Score, c.Main, string(c.Origin), c.Proposition, id); err != nil {
			return err
		}
		if rekey {
			// the old signature described the old text; the lists in
			// memory are read again (migration 0023's trigger)
			if _, err := tx.ExecContext(ctx, `UPDATE claims SET keys = ? WHERE id = ?`, jsonList(c.Keys), id); err != nil {
				return err
			}
		}
		if len(u.AddSpans) > 0 {
			w := &graphWriter{ctx: ctx, store: s, tx: tx, texts: map[string]string{}, lens: map[string]int{}, stmt: map[string]*sql.Stmt{}}
			err := w.spans(id, u.AddSpans) // quotes from the source texts; a span held already is ignored
			w.close()
			if err != nil {
				return err
			}
			if cs, err = scanClaims(ctx, tx, `SELECT `+claimCols+` FROM claims c WHERE c.id = ?`, id); err != nil {
				return err
			}
			c = cs[0]
		}
		out = &c
		return nil
	})
	return out, err
}

// DeleteClaim removes the claim and every relation that uses it (and, in turn,
// relations that target those). ENOTFOUND if unknown.
func (s *Store) DeleteClaim(ctx context.Context, id string) error {
	return s.write(ctx, "delete claim", func(tx *sql.Tx) error {
		ok, err := exists(ctx, tx, id)
		if err != nil {
			return err
		}
		if !ok || argmap.KindOf(id) != argmap.KindClaim {
			return notFound(argmap.KindClaim, id)
		}
		return deleteNodes(ctx, tx, []string{id})
	})
}

// Claims lists claims with spans and actors, ordered by ID.
func (s *Store) Claims(ctx context.Context, f argmap.ClaimFilter) ([]argmap.Claim, error) {
	where := []string{`c.id > ?`}
	args := []any{f.After}
	if f.Query != "" {
		terms := quotedTerms(f.Query)
		if len(terms) == 0 {
			return []argmap.Claim{}, nil
		}
		where = append(where, `c.pk IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`)
		args = append(args, strings.Join(terms, " OR "))
	}
	if f.ActorID != "" {
		where = append(where, `(c.actor_id = ? OR EXISTS (SELECT 1 FROM extra_claim_actors a WHERE a.claim_id = c.id AND a.actor_id = ?))`)
		args = append(args, f.ActorID, f.ActorID)
	}
	if f.SourceID != "" {
		where = append(where, `(c.span_source_id = ? OR EXISTS (SELECT 1 FROM extra_spans p WHERE p.node_id = c.id AND p.source_id = ?))`)
		args = append(args, f.SourceID, f.SourceID)
	}
	switch f.Origin {
	case "":
	case argmap.OriginExtracted:
		// most claims: walked in ID order (claims_origin holds only the
		// others, migration 0026)
		where = append(where, `c.origin = ?`)
		args = append(args, string(f.Origin))
	default:
		// the partial index's condition, written as it is there, lets
		// the planner take it
		where = append(where, `c.origin = ? AND c.origin <> 'extracted'`)
		args = append(args, string(f.Origin))
	}
	if f.Proposition != "" {
		// The claims of a proposition come from its index (the partial
		// index needs proposition <> ''); "c.proposition = ? OR c.id = ?"
		// walked every claim in ID order (640 ms a question on 100k claims).
		where = append(where, `c.pk IN (SELECT pk FROM claims WHERE proposition = ? AND proposition <> '' UNION ALL SELECT pk FROM claims WHERE id = ?)`)
		args = append(args, f.Proposition, f.Proposition)
	}
	if f.Proposition != "" && len(where) == 2 {
		// a proposition's claims alone (what answers ask): from the
		// content copy when it holds the store as it is now
		if err := ctx.Err(); err != nil {
			return nil, translate(ctx, err, "list claims")
		}
		if c, err := s.contentHeld(ctx); err != nil {
			return nil, translate(ctx, err, "list claims")
		} else if c != nil {
			out, err := c.proposition(f.Proposition, f.After, f.Size())
			if err != nil {
				return nil, translate(ctx, err, "list claims")
			}
			return out, nil
		}
	}
	args = append(args, f.Size())
	var out []argmap.Claim
	err := s.read(ctx, "list claims", func(tx *sql.Tx) error {
		var err error
		// (one statement per combination of filters: a bounded set)
		out, err = scanClaims(ctx, prepared{s, tx}, `SELECT `+claimCols+` FROM claims c WHERE `+
			strings.Join(where, " AND ")+` ORDER BY c.id LIMIT ?`, args...)
		return err
	})
	return out, err
}

// SearchClaims ranks claims against a free-text query, best first, by BM25
// over text and gist with Porter stemming. The query is split into words
// (common function words dropped) that are matched as quoted terms; no user
// text reaches the MATCH syntax. Claims with every word are counted first
// (up to limit, unranked), since that is cheap on a large store; when they
// are enough, the best of them are the list. Otherwise claims with all words
// but one (for three words or more), else claims with any of the words, are
// ranked instead: they hold every claim with every word, and BM25 of the
// any-word query scores a claim as the every-word query does. A query with
// no searchable word gives an empty list. limit is cut like a Page's.
func (s *Store) SearchClaims(ctx context.Context, q string, limit int) ([]argmap.ClaimHit, error) {
	terms := quotedTerms(q)
	if len(terms) == 0 {
		return []argmap.ClaimHit{}, nil
	}
	size := argmap.Page{Limit: limit}.Size()
	if err := ctx.Err(); err != nil {
		return nil, translate(ctx, err, "search claims")
	}
	if c, err := s.contentHeld(ctx); err != nil {
		return nil, translate(ctx, err, "search claims")
	} else if c != nil {
		// the content copy holds the store as it is now: ranked and read
		// from it with no transaction
		hits, ok, err := s.searchCopy(ctx, c, q, size)
		if err != nil {
			return nil, translate(ctx, err, "search claims")
		}
		if ok {
			return hits, nil
		}
	}
	var hits []argmap.ClaimHit
	err := s.read(ctx, "search claims", func(tx *sql.Tx) error {
		if ok, err := s.searchInMemory(ctx, tx, q, size, &hits); ok || err != nil {
			return err
		}
		every := strings.Join(terms, " AND ")
		if len(terms) > 1 {
			// Count the claims with every word, up to size, without ranking
			// them: bm25's first call in a query counts the claims of each
			// word over the whole index, most of a query's cost on a large
			// store. When they are too few, the fills below find them all
			// again with the same scores, so ranking them here is not needed.
			var n int
			pq := prepared{s, tx}
			if err := pq.QueryRowContext(ctx, `SELECT count(*) FROM (
				SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?)`, every, size).Scan(&n); err != nil {
				return err
			}
			if n < size {
				return s.fill(ctx, tx, terms, size, &hits)
			}
		}
		var err error
		hits, err = topHits(ctx, prepared{s, tx}, every, "", size)
		return err
	})
	return hits, err
}

// searchInMemory ranks the claims from the content copy when it holds what
// tx sees and every query word is one term; false when the query is left to
// FTS5.
func (s *Store) searchInMemory(ctx context.Context, tx *sql.Tx, q string, size int, hits *[]argmap.ClaimHit) (bool, error) {
	c, err := s.content(ctx, prepared{s, tx})
	if err != nil || c == nil {
		return false, err
	}
	out, ok, err := s.searchCopy(ctx, c, q, size)
	if ok {
		*hits = out
	}
	return ok, err
}

// searchCopy ranks the claims of the content copy c and reads the best size
// of them from it; false when c has no index the ranking can use or a query
// word is not one term (the query is then left to FTS5).
func (s *Store) searchCopy(ctx context.Context, c *contentCopy, q string, size int) ([]argmap.ClaimHit, bool, error) {
	if c.words == nil {
		return nil, false, nil
	}
	words := queryTerms(q)
	if len(words) == 0 {
		return nil, false, nil
	}
	phrases, ok, err := s.tok.terms(ctx, c.words.spec, words)
	if err != nil || !ok {
		return nil, false, err
	}
	top := c.words.search(phrases, size)
	out := make([]argmap.ClaimHit, len(top))
	for i, t := range top {
		cl, err := c.claim(t.doc)
		if err != nil {
			return nil, false, err
		}
		out[i] = argmap.ClaimHit{Claim: cl, Rank: t.score}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Rank != out[j].Rank {
			return out[i].Rank > out[j].Rank
		}
		return out[i].Claim.ID < out[j].Claim.ID
	})
	return out, true, nil
}

// fill sets hits to the best size claims with all words but one (three words
// or more) when there are enough of them, else with any of the words. Both
// hold every claim with every word, scored as the every-word query scores
// them (bm25 of the same words), so the list is what ranking the every-word
// claims and filling up from the any-word ones would give.
func (s *Store) fill(ctx context.Context, tx *sql.Tx, terms []string, size int, hits *[]argmap.ClaimHit) error {
	anyWord := strings.Join(terms, " OR ")
	var more []argmap.ClaimHit
	var err error
	if len(terms) >= 3 {
		// Claims with all words but one, scored by the any-word query: on a
		// large store with common words that query matches a good share of
		// the claims and scoring every one is most of its cost, while the
		// best of them nearly always have all words but one. When these
		// fill the list they are the answer.
		if more, err = topHits(ctx, prepared{s, tx}, anyWord, allButOne(terms), size); err != nil {
			return err
		}
	}
	if len(more) < size {
		if more, err = topHits(ctx, prepared{s, tx}, anyWord, "", size); err != nil {
			return err
		}
	}
	*hits = more
	return nil
}

// topHits returns the best size claims matching an FTS5 expression built by
// quotedTerms. The ranking runs on the index alone; only the winners are
// joined with their claims.
//
// With within, only claims that also match that expression are scored (and
// ranked by match's score all the same): the rows are filtered before bm25
// runs, since "+rowid" keeps the filter out of the full-text index's plan.
func topHits(ctx context.Context, q querier, match, within string, size int) ([]argmap.ClaimHit, error) {
	filter, args := "", []any{match, size}
	if within != "" {
		filter = ` AND +rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)`
		args = []any{match, within, size}
	}
	claims, ranks, err := scanRankedClaims(ctx, q, true, `
		SELECT `+claimCols+`, h.rank FROM (
			SELECT rowid, -bm25(claims_fts) AS rank FROM claims_fts
			WHERE claims_fts MATCH ?`+filter+` ORDER BY bm25(claims_fts) LIMIT ?
		) h JOIN claims c ON c.pk = h.rowid
		ORDER BY h.rank DESC, c.id`, args...)
	if err != nil {
		return nil, err
	}
	hits := make([]argmap.ClaimHit, len(claims))
	for i := range claims {
		hits[i] = argmap.ClaimHit{Claim: claims[i], Rank: ranks[i]}
	}
	return hits, nil
}

// UnkeyedClaims implements argmap.KeyBackfill: claims with no link key
// (their keys column is empty, migration 0015), ordered by ID.
func (s *Store) UnkeyedClaims(ctx context.Context, p argmap.Page) ([]argmap.Claim, error) {
	var out []argmap.Claim
	err := s.read(ctx, "unkeyed claims", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+claimCols+` FROM claims c
			WHERE c.id > ? AND c.keys = '[]'
			ORDER BY c.id LIMIT ?`, p.After, p.Size())
		if err != nil {
			return err
		}
		out, _, _, err = claimRows(rows, false)
		return err
	})
	if out == nil {
		out = []argmap.Claim{}
	}
	return out, err
}

// AddClaimKeys implements argmap.KeyBackfill in one transaction.
func (s *Store) AddClaimKeys(ctx context.Context, keys map[string][]string) error {
	if err := argmap.ValidateClaimKeys(keys); err != nil {
		return err
	}
	return s.write(ctx, "add claim keys", func(tx *sql.Tx) error {
		// the keys column gains those it does not name yet (a claim
		// whose column names them all is left as it is); the lists in
		// memory are read again (migration 0023's trigger)
		list, err := tx.PrepareContext(ctx, `UPDATE claims SET keys = (SELECT json_group_array(value) FROM
			(SELECT value FROM json_each(claims.keys) UNION SELECT value FROM json_each(?1))) WHERE id = ?2
			AND EXISTS (SELECT 1 FROM json_each(?1) n WHERE n.value NOT IN (SELECT value FROM json_each(claims.keys)))`)
		if err != nil {
			return err
		}
		defer list.Close()
		added := int64(0)
		// a claim a statement: cancellation checked between claims, not
		// watched by the driver at each statement (see graphWriter.exec)
		short := context.WithoutCancel(ctx)
		for id, ks := range keys {
			if err := ctx.Err(); err != nil {
				return err
			}
			res, err := list.ExecContext(short, jsonList(ks), id)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			added += n
		}
		if added > 0 {
			// keys of stored claims changed (argmap.KeyLists.ClaimsVersion)
			if _, err := tx.ExecContext(ctx, `UPDATE content_version SET n = n + 1 WHERE id = 1`); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClaimKeyLists implements argmap.KeyLists: the claims of ClaimsByKeys
// with the key each claim was found under. The pks under each key come
// from memory (keyIndex), the claims from one prepared statement.
func (s *Store) ClaimKeyLists(ctx context.Context, keys []string, perKey int) (map[string][]argmap.Claim, []argmap.Claim, error) {
	perKey = argmap.Page{Limit: perKey}.Size()
	lists := map[string][]argmap.Claim{}
	var heads []argmap.Claim
	err := s.readFTS(ctx, "claim key lists", true, func(tx *sql.Tx) error {
		pks, err := s.keyLists(ctx, tx, keys, perKey)
		if err != nil {
			return err
		}
		found, hs, err := s.keyedClaims(ctx, tx, pks)
		if err != nil {
			return err
		}
		for k, l := range pks {
			cs := make([]argmap.Claim, 0, len(l))
			for _, pk := range l {
				if c, ok := found[pk]; ok {
					cs = append(cs, c)
				}
			}
			if len(cs) > 0 {
				lists[k] = cs
			}
		}
		heads = hs
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Slice(heads, func(i, j int) bool { return heads[i].ID < heads[j].ID })
	if heads == nil {
		heads = []argmap.Claim{}
	}
	return lists, heads, nil
}

// keyedClaims reads the claims of the pks listed (ID, text and proposition)
// and those naming their propositions (heads), in one prepared statement.
func (s *Store) keyedClaims(ctx context.Context, tx *sql.Tx, lists map[string][]int64) (map[int64]argmap.Claim, []argmap.Claim, error) {
	var pks []int64
	for _, l := range lists {
		pks = append(pks, l...)
	}
	found := make(map[int64]argmap.Claim, len(pks))
	if len(pks) == 0 {
		return found, nil, nil
	}
	slices.Sort(pks)
	pks = slices.Compact(pks)
	st, err := s.readStmt(ctx, tx, `WITH hit AS MATERIALIZED (SELECT value AS pk FROM json_each(?))
		SELECT 1, c.pk, c.id, c.text, c.proposition FROM hit JOIN claims c ON c.pk = hit.pk
		UNION ALL
		SELECT 0, c.pk, c.id, c.text, c.proposition FROM claims c WHERE c.id IN (
			SELECT proposition FROM claims WHERE pk IN (SELECT pk FROM hit) AND proposition <> '')`)
	if err != nil {
		return nil, nil, err
	}
	rows, err := st.QueryContext(ctx, jsonInts(pks))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var heads []argmap.Claim
	for rows.Next() {
		var hit bool
		var pk int64
		var c argmap.Claim
		if err := rows.Scan(&hit, &pk, &c.ID, &c.Text, &c.Proposition); err != nil {
			return nil, nil, err
		}
		if hit {
			found[pk] = c
		} else {
			heads = append(heads, c)
		}
	}
	return found, heads, rows.Err()
}

// ClaimsVersion implements argmap.KeyLists with content_version (migration
// 0011: bumped by every write of claims; AddClaimKeys bumps it too). It
// leaves full-text rows pending in Atomically pending.
func (s *Store) ClaimsVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.readFTS(ctx, "claims version", true, func(tx *sql.Tx) error {
		var err error
		v, err = contentVersion(ctx, tx)
		return err
	})
	return v, err
}

// ClaimsByKeys implements argmap.KeyedClaims: the perKey newest claims
// under each key (in memory: keyIndex) and those naming their
// propositions, read in one prepared statement, each with its ID, text and
// proposition only, ordered by ID.
func (s *Store) ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]argmap.Claim, error) {
	perKey = argmap.Page{Limit: perKey}.Size()
	var out []argmap.Claim
	// neither the full-text indexes nor their triggers: rows pending in a
	// transaction stay pending
	err := s.readFTS(ctx, "claims by keys", true, func(tx *sql.Tx) error {
		pks, err := s.keyLists(ctx, tx, keys, perKey)
		if err != nil {
			return err
		}
		found, heads, err := s.keyedClaims(ctx, tx, pks)
		if err != nil {
			return err
		}
		seen := make(map[string]bool, len(found)+len(heads))
		for _, c := range found {
			seen[c.ID] = true
			out = append(out, c)
		}
		for _, c := range heads {
			if !seen[c.ID] {
				seen[c.ID] = true
				out = append(out, c)
			}
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if out == nil {
		out = []argmap.Claim{}
	}
	return out, err
}
