package sqlitestore

import (
	"context"
	"database/sql"
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
			// the old signature described the old text: its rows are those
			// the claim's keys column names (migration 0015)
			if _, err := tx.ExecContext(ctx, `DELETE FROM claim_keys WHERE key IN (SELECT k.value FROM claims c, json_each(c.keys) k WHERE c.id = ?1)
				AND claim_pk = (SELECT pk FROM claims WHERE id = ?1)`, id); err != nil {
				return err
			}
			keys := jsonList(c.Keys)
			if _, err := tx.ExecContext(ctx, `UPDATE claims SET keys = ? WHERE id = ?`, keys, id); err != nil {
				return err
			}
			if len(c.Keys) > 0 {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO claim_keys (key, claim_pk) SELECT k.value, c.pk FROM claims c, json_each(?) k WHERE c.id = ?`,
					keys, id); err != nil {
					return err
				}
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
	if f.Origin != "" {
		where = append(where, `c.origin = ?`)
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

// UnkeyedClaims implements argmap.KeyBackfill: claims with no row in
// claim_keys (their keys column is empty, migration 0015), ordered by ID.
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
		st, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO claim_keys (key, claim_pk) SELECT ?, pk FROM claims WHERE id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		// the claim's keys column names every row it has (migration 0015)
		list, err := tx.PrepareContext(ctx, `UPDATE claims SET keys = (SELECT json_group_array(value) FROM
			(SELECT value FROM json_each(claims.keys) UNION SELECT value FROM json_each(?))) WHERE id = ?`)
		if err != nil {
			return err
		}
		defer list.Close()
		added := int64(0)
		// a row a statement: cancellation checked between claims, not
		// watched by the driver at each statement (see graphWriter.exec)
		short := context.WithoutCancel(ctx)
		for id, ks := range keys {
			if err := ctx.Err(); err != nil {
				return err
			}
			was := added
			for _, k := range ks {
				res, err := st.ExecContext(short, k, id)
				if err != nil {
					return err
				}
				n, err := res.RowsAffected()
				if err != nil {
					return err
				}
				added += n
			}
			if added > was {
				// (a key with a row is in the column already)
				if _, err := list.ExecContext(short, jsonList(ks), id); err != nil {
					return err
				}
			}
		}
		if added > 0 {
			// keys of stored claims changed (argmap.KeyLists.ClaimsVersion);
			// the claims' rows did not, so no trigger bumped it
			if _, err := tx.ExecContext(ctx, `UPDATE content_version SET n = n + 1 WHERE id = 1`); err != nil {
				return err
			}
		}
		return nil
	})
}

// ClaimKeyLists implements argmap.KeyLists: the rows of ClaimsByKeys with
// the key each claim was found under, in one prepared statement.
func (s *Store) ClaimKeyLists(ctx context.Context, keys []string, perKey int) (map[string][]argmap.Claim, []argmap.Claim, error) {
	perKey = argmap.Page{Limit: perKey}.Size()
	lists := map[string][]argmap.Claim{}
	var heads []argmap.Claim
	err := s.readFTS(ctx, "claim key lists", true, func(tx *sql.Tx) error {
		// the keys of the claims written in this transaction of
		// Atomically, if any, first
		if err := s.flushRows(ctx); err != nil {
			return err
		}
		st, err := s.readStmt(ctx, tx, `WITH hit AS MATERIALIZED (
				SELECT k.value AS key, ck.claim_pk AS pk FROM json_each(?) k
				JOIN claim_keys ck ON ck.key = k.value AND ck.claim_pk >= coalesce(
					(SELECT claim_pk FROM claim_keys WHERE key = k.value ORDER BY claim_pk DESC LIMIT 1 OFFSET ?), 0))
			SELECT hit.key, hit.pk, c.id, c.text, c.proposition FROM hit JOIN claims c ON c.pk = hit.pk
			UNION ALL
			SELECT NULL, c.pk, c.id, c.text, c.proposition FROM claims c WHERE c.id IN (
				SELECT proposition FROM claims WHERE pk IN (SELECT pk FROM hit) AND proposition <> '')
			ORDER BY 1, 2 DESC`)
		if err != nil {
			return err
		}
		once := make([]string, 0, len(keys))
		seen := make(map[string]bool, len(keys))
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				once = append(once, k)
			}
		}
		rows, err := st.QueryContext(ctx, jsonList(once), perKey-1)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var key sql.NullString
			var pk int64
			var c argmap.Claim
			if err := rows.Scan(&key, &pk, &c.ID, &c.Text, &c.Proposition); err != nil {
				return err
			}
			if key.Valid {
				lists[key.String] = append(lists[key.String], c)
			} else {
				heads = append(heads, c)
			}
		}
		return rows.Err()
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

// ClaimsByKeys implements argmap.KeyedClaims: for each key, one seek in the
// claim_keys primary key for its perKey-th newest row and one range scan up
// from it; then the claims found and those naming their propositions, in
// one prepared statement, ordered by ID, each with its ID, text and
// proposition only.
func (s *Store) ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]argmap.Claim, error) {
	perKey = argmap.Page{Limit: perKey}.Size()
	var out []argmap.Claim
	// neither the full-text indexes nor their triggers: rows pending in a
	// transaction stay pending
	err := s.readFTS(ctx, "claims by keys", true, func(tx *sql.Tx) error {
		// the keys of the claims written in this transaction of
		// Atomically, if any, first
		if err := s.flushRows(ctx); err != nil {
			return err
		}
		// only what linking reads (argmap.KeyedClaims): decoding whole rows
		// was half the time of a call
		st, err := s.readStmt(ctx, tx, `WITH hit AS (
				SELECT ck.claim_pk AS pk FROM json_each(?) k
				JOIN claim_keys ck ON ck.key = k.value AND ck.claim_pk >= coalesce(
					(SELECT claim_pk FROM claim_keys WHERE key = k.value ORDER BY claim_pk DESC LIMIT 1 OFFSET ?), 0))
			SELECT c.id, c.text, c.proposition FROM claims c WHERE c.pk IN (SELECT pk FROM hit)
			UNION
			SELECT c.id, c.text, c.proposition FROM claims c WHERE c.id IN (
				SELECT proposition FROM claims WHERE pk IN (SELECT pk FROM hit) AND proposition <> '')
			ORDER BY 1`)
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(ctx, jsonList(keys), perKey-1)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var c argmap.Claim
			if err := rows.Scan(&c.ID, &c.Text, &c.Proposition); err != nil {
				return err
			}
			out = append(out, c)
		}
		return rows.Err()
	})
	if out == nil {
		out = []argmap.Claim{}
	}
	return out, err
}
