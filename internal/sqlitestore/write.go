package sqlitestore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/argmap/argmap/internal/argmap"
)

// writeMode tells writeGraph how to treat records that are already stored.
type writeMode struct {
	upsertActors bool // an existing actor gains aliases instead of conflicting
	keepCited    bool // an existing source is kept when the new one is "cited"
}

// graphWriter writes the records of one graph in one transaction.
type graphWriter struct {
	ctx   context.Context
	short context.Context // ctx without its cancellation, for short statements (see exec)
	store *Store
	tx    *sql.Tx
	texts map[string]string // text of the sources in the graph being written
	lens  map[string]int    // byte length of stored sources' text
	stmt  map[string]*sql.Stmt
	rows  pendingRows // rows of the graph not inserted yet
	split []spanRow   // splitSpans' buffer
	// firsts are the first spans of the graph's claims and evidence, by
	// ID, as their rows hold them (relationQuote); nil: not kept
	firsts map[string]spanRow
	// known, in a transaction of Atomically, are the actors its graphs
	// wrote or found, by ID (see actor); nil otherwise
	known map[string]*knownActor
}

// knownActor is what a transaction of Atomically has stored of an actor:
// its name and the aliases it added or found.
type knownActor struct {
	name    string
	aliases map[string]bool
}

// covers reports whether upserting a would store nothing new: its name is
// the actor's or an alias it has, and so is each of its aliases.
func (k *knownActor) covers(a *argmap.Actor) bool {
	if a.Name != k.name && !k.aliases[a.Name] {
		return false
	}
	for _, al := range a.Aliases {
		if al != k.name && !k.aliases[al] {
			return false
		}
	}
	return true
}

// isUnique reports whether err is a unique or primary-key violation.
func isUnique(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	return false
}

// writeGraph checks that every reference of g is to a record of g or a
// stored one, and writes every record. Callers check the records themselves
// first (g.CheckRecords or each record's Validate), outside the transaction,
// and run writeGraph inside a write transaction, so a failure writes nothing.
func (s *Store) writeGraph(ctx context.Context, tx *sql.Tx, g *argmap.Graph, m writeMode) error {
	w := &graphWriter{ctx: ctx, store: s, tx: tx, texts: map[string]string{}, lens: map[string]int{}, stmt: map[string]*sql.Stmt{},
		firsts: make(map[string]spanRow, len(g.Claims)+len(g.Evidence))}
	defer w.close()
	if s.fts != nil && s.tx != nil && m.upsertActors {
		if s.fts.actors == nil {
			s.fts.actors = map[string]*knownActor{}
		}
		w.known = s.fts.actors
	}
	known := func(ctx context.Context, id string) (bool, error) {
		if argmap.KindOf(id) == argmap.KindRelation && s.fts != nil && s.tx != nil && len(s.fts.rows.relations) > 0 {
			// a relation of an earlier graph of the transaction may
			// not be inserted yet (pendingRows)
			if err := s.flushRows(ctx); err != nil {
				return false, err
			}
		}
		return w.exists(id)
	}
	if err := g.CheckReferences(ctx, known); err != nil {
		return err
	}
	for i := range g.Sources {
		if g.Sources[i].Text != "" {
			w.texts[g.Sources[i].ID] = g.Sources[i].Text
		}
	}
	for i := range g.Sources {
		if err := w.source(&g.Sources[i], m); err != nil {
			return err
		}
	}
	for i := range g.Actors {
		if err := w.actor(&g.Actors[i], m); err != nil {
			return err
		}
	}
	// the rowids of the rows written, for the full-text indexes
	claims := make([]int64, len(g.Claims))
	for i := range g.Claims {
		pk, err := w.claim(&g.Claims[i])
		if err != nil {
			return err
		}
		claims[i] = pk
	}
	evidence := make([]int64, len(g.Evidence))
	for i := range g.Evidence {
		rowid, err := w.evidence(&g.Evidence[i])
		if err != nil {
			return err
		}
		evidence[i] = rowid
	}
	if s.fts != nil && s.tx != nil {
		// in Atomically: indexed with the other graphs of the transaction
		s.fts.claims = append(s.fts.claims, claims...)
		s.fts.evidence = append(s.fts.evidence, evidence...)
	} else if err := w.index(claims, evidence); err != nil {
		return err
	}
	if len(g.Sources)+len(g.Claims)+len(g.Evidence) > 0 {
		// once per graph (migration 0011): answers kept in memory see that
		// the texts, spans or sources changed
		if _, err := w.exec(`UPDATE content_version SET n = n + 1 WHERE id = 1`); err != nil {
			return err
		}
	}
	for i := range g.Relations {
		if err := w.relation(&g.Relations[i]); err != nil {
			return err
		}
	}
	if len(g.Relations) > 0 {
		// once per graph (migration 0010): walks kept in memory see that
		// the relations changed
		if _, err := w.exec(`UPDATE graph_version SET n = n + 1 WHERE id = 1`); err != nil {
			return err
		}
	}
	for i := range g.Citations {
		if err := w.citation(&g.Citations[i]); err != nil {
			return err
		}
	}
	if s.fts != nil && s.tx != nil {
		// in Atomically: inserted with those of the other graphs of the
		// transaction
		s.fts.rows.add(&w.rows)
		return nil
	}
	return w.insertPending(&w.rows)
}

// index adds claims and evidence, by rowid (claims.pk), to the full-text
// indexes, one statement each (migration 0008: a statement per row made a
// segment per row), in rowid order. The rows a transaction writes one after
// another have consecutive rowids: then the statement reads the range of
// rows, else (rows of other writes between them) the rowids listed. Reading
// them back by ID, a seek in the ID index, a list to look up and a sort
// each, was a tenth of the writer's time in ingest.
func (w *graphWriter) index(claims, evidence []int64) error {
	// the rows of a whole batch: these statements may run long, and a
	// cancelled ctx interrupts them
	for _, t := range []struct {
		rowids        []int64
		byRange, list string
	}{
		{claims, `INSERT INTO claims_fts (rowid, text, gist) SELECT pk, text, gist FROM claims WHERE pk BETWEEN ? AND ?`,
			`INSERT INTO claims_fts (rowid, text, gist)
			SELECT pk, text, gist FROM claims WHERE pk IN (SELECT value FROM json_each(?)) ORDER BY pk`},
		{evidence, `INSERT INTO evidence_fts (rowid, text) SELECT rowid, text FROM evidence WHERE rowid BETWEEN ? AND ?`,
			`INSERT INTO evidence_fts (rowid, text)
			SELECT rowid, text FROM evidence WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`},
	} {
		if len(t.rowids) == 0 {
			continue
		}
		slices.Sort(t.rowids)
		ids := slices.Compact(t.rowids)
		lo, hi := ids[0], ids[len(ids)-1]
		var err error
		if hi-lo == int64(len(ids)-1) {
			_, err = w.execLong(t.byRange, lo, hi)
		} else {
			_, err = w.execLong(t.list, jsonInts(ids))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *graphWriter) close() {
	for _, st := range w.stmt {
		st.Close()
	}
}

// prepared returns the statement in the transaction. It is prepared once on
// the writer connection and reused by every later write (parsing the SQL of
// each statement for each document was a fifth of the time of ingesting
// small documents).
func (w *graphWriter) prepared(query string) (*sql.Stmt, error) {
	st, ok := w.stmt[query]
	if !ok {
		var err error
		if st, err = w.store.wc.in(w.ctx, w.tx, query); err != nil {
			return nil, err
		}
		w.stmt[query] = st
	}
	return st, nil
}

// queryRow runs a one-row query with a prepared statement (a query that
// cannot be prepared is run as it is, so that Scan reports why), as exec
// runs a statement.
func (w *graphWriter) queryRow(query string, args ...any) *sql.Row {
	if w.ctx.Err() != nil {
		return w.tx.QueryRowContext(w.ctx, query, args...) // a Row carrying the error
	}
	st, err := w.prepared(query)
	if err != nil {
		// a Row carrying the error: Scan returns it
		return w.tx.QueryRowContext(w.ctx, query, args...)
	}
	return st.QueryRowContext(w.shortCtx(), args...)
}

// exec runs a short statement (a row, or a chunk of rows of a bulk load)
// prepared once per graph. The statement runs without ctx's cancellation,
// which is checked before it instead: given a context that can be
// cancelled, the driver watches it with a goroutine and a progress handler
// of its own for every statement, a quarter of the CPU time of writing an
// ingested document's rows one by one.
func (w *graphWriter) exec(query string, args ...any) (sql.Result, error) {
	if err := w.ctx.Err(); err != nil {
		return nil, err
	}
	st, err := w.prepared(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.shortCtx(), args...)
}

// execLong runs a statement prepared once per graph that a cancelled ctx
// interrupts.
func (w *graphWriter) execLong(query string, args ...any) (sql.Result, error) {
	st, err := w.prepared(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(w.ctx, args...)
}

// shortCtx is ctx without its cancellation, for exec.
func (w *graphWriter) shortCtx() context.Context {
	if w.short == nil {
		w.short = context.WithoutCancel(w.ctx)
	}
	return w.short
}

// exists reports whether a record with the ID is stored, in the table its
// prefix names, with a prepared statement.
func (w *graphWriter) exists(id string) (bool, error) {
	table, ok := tables[argmap.KindOf(id)]
	if !ok {
		return false, nil
	}
	var n int
	err := w.queryRow(`SELECT count(*) FROM `+table+` WHERE id = ?`, id).Scan(&n)
	return n > 0, err
}

func (w *graphWriter) source(s *argmap.Source, m writeMode) error {
	taken, err := w.exists(s.ID)
	if err != nil {
		return err
	}
	if taken {
		if m.keepCited && s.Kind == argmap.SourceCited {
			return nil
		}
		return argmap.Errorf(argmap.ECONFLICT, "source %s already exists", s.ID)
	}
	var hash any
	if s.ContentHash != "" {
		hash = s.ContentHash
		var other string
		err := w.queryRow(`SELECT id FROM sources WHERE content_hash = ?`, s.ContentHash).Scan(&other)
		switch {
		case err == nil:
			return argmap.Errorf(argmap.ECONFLICT, "a source with the same content is already stored as %s", other)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
	}
	s.CreatedAt = orNow(s.CreatedAt)
	_, err = w.exec(`INSERT INTO sources (id, title, authors, date, kind, uri, venue, doi, content_hash, text, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.Title, jsonList(s.Authors), s.Date, s.Kind, s.URI, s.Venue, s.DOI, hash, s.Text, ms(s.CreatedAt))
	if isUnique(err) {
		return argmap.Errorf(argmap.ECONFLICT, "source %s clashes with a stored source (same ID or content)", s.ID)
	}
	return err
}

func (w *graphWriter) actor(a *argmap.Actor, m writeMode) error {
	if k := w.known[a.ID]; k != nil && k.covers(a) {
		// an actor of an earlier graph of the transaction (ingest writes
		// the same few actors in many documents): nothing to add, as
		// the statements below would find
		return nil
	}
	var name string
	err := w.queryRow(`SELECT name FROM actors WHERE id = ?`, a.ID).Scan(&name)
	switch {
	case err == nil:
		if !m.upsertActors {
			return argmap.Errorf(argmap.ECONFLICT, "actor %s already exists", a.ID)
		}
		aliases := a.Aliases
		if a.Name != name {
			aliases = append([]string{a.Name}, aliases...)
		}
		added, err := w.aliases(a.ID, name, aliases)
		if err != nil {
			return err
		}
		w.note(a.ID, name, added)
		return nil
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	a.CreatedAt = orNow(a.CreatedAt)
	if _, err := w.exec(`INSERT INTO actors (id, name, kind, created_at) VALUES (?, ?, ?, ?)`,
		a.ID, a.Name, a.Kind, ms(a.CreatedAt)); err != nil {
		return err
	}
	added, err := w.aliases(a.ID, a.Name, a.Aliases)
	if err != nil {
		return err
	}
	w.note(a.ID, a.Name, added)
	return nil
}

// note records, in a transaction of Atomically, that the actor with the ID
// and name is stored with the aliases (among others it may have).
func (w *graphWriter) note(id, name string, aliases []string) {
	if w.known == nil {
		return
	}
	k := w.known[id]
	if k == nil || k.name != name {
		k = &knownActor{name: name, aliases: map[string]bool{}}
		w.known[id] = k
	}
	for _, al := range aliases {
		k.aliases[al] = true
	}
}

// aliases adds aliases to an actor, skipping its own name and duplicates,
// up to argmap.MaxAliases: an actor upserted by ingest after ingest keeps the
// aliases it has and gains no more past the bound (it could then no longer be
// updated). It returns the aliases the actor has now among those given
// (added, or there already).
func (w *graphWriter) aliases(id, name string, aliases []string) ([]string, error) {
	if len(aliases) == 0 {
		return nil, nil
	}
	var have int
	if err := w.queryRow(`SELECT count(*) FROM actor_aliases WHERE actor_id = ?`, id).Scan(&have); err != nil {
		return nil, err
	}
	var added []string
	for _, al := range aliases {
		if al == name {
			continue
		}
		if have >= argmap.MaxAliases {
			return added, nil
		}
		have++ // an upper bound: a duplicate is ignored by the insert
		if _, err := w.exec(`INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)`, id, al); err != nil {
			return nil, err
		}
		added = append(added, al)
	}
	return added, nil
}

// claim writes c and returns its pk.
func (w *graphWriter) claim(c *argmap.Claim) (int64, error) {
	c.CreatedAt = orNow(c.CreatedAt)
	keys := jsonList(c.Keys)
	first, pending, err := w.splitSpans(w.rows.spans, c.ID, c.Spans)
	if err != nil {
		return 0, err
	}
	actor, actors := splitActors(w.rows.claimActors, c.ID, c.Actors)
	// keys: the claim's link keys, listed in memory (keyIndex, migration
	// 0023); span_*: its first span (migration 0018), its quote NULL when it
	// is the claim's text (migration 0021); actor_*: its first actor
	// reference (migration 0019)
	quote := first.quoteArg(c.Text)
	var res sql.Result
	if c.Title == "" && c.Kind == "" && c.Issue == "" && c.Standard == "" && len(c.Section) == 0 && c.Referent == nil {
		// as an extracted claim mostly is: the columns left out take
		// their defaults, the values given below ('' and '[]'), with six
		// strings fewer to copy for the statement
		res, err = w.exec(`INSERT INTO claims (id, text, gist, origin, score, main, cues, created_at, assumed, proposition, keys,
				span_source_id, span_start, span_end, span_quote, actor_id, actor_role)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Text, c.Gist, string(c.Origin), c.Score, c.Main, jsonList(c.Cues), ms(c.CreatedAt),
			c.Assumed, c.Proposition, keys,
			first.sourceArg(), first.start, first.end, quote, actor.actorArg(), actor.role)
	} else {
		res, err = w.exec(`INSERT INTO claims (id, text, gist, origin, score, main, cues, created_at, title, kind, assumed, issue, standard, proposition, section, keys, referent,
				span_source_id, span_start, span_end, span_quote, actor_id, actor_role)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ID, c.Text, c.Gist, string(c.Origin), c.Score, c.Main, jsonList(c.Cues), ms(c.CreatedAt), c.Title, c.Kind,
			c.Assumed, c.Issue, c.Standard, c.Proposition, jsonList(c.Section), keys, encodeReferent(c.Referent),
			first.sourceArg(), first.start, first.end, quote, actor.actorArg(), actor.role)
	}
	if isUnique(err) {
		return 0, argmap.Errorf(argmap.ECONFLICT, "claim %s already exists", c.ID)
	}
	if err != nil {
		return 0, err
	}
	// the claim's row is its pk (INTEGER PRIMARY KEY)
	pk, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	w.rows.claimActors = actors
	w.rows.spans = pending
	return pk, nil
}

// pendingRows are rows a graph writes into tables keyed by random IDs
// (extra_claim_actors, extra_evidence_actors, extra_spans, relations and
// extra_premises by claim, evidence or relation ID), kept until the end
// of the graph's write or, in Atomically, of the transaction (a Store of
// Atomically flushes them before any read but ClaimsVersion's and the key
// lists', before a graph's references name a relation, and before
// committing). Inserted row by row in the order of the records, each was a
// seek to another page of its B-tree, and in a large store each
// transaction of ingest rewrote nearly every page of them; sorted by their
// keys, the inserts of a table walk its B-tree from one end to the other.
// They are inserted with statements of many rows (insertRows): a relation
// or an actor link a statement was a fifth of the writer's CPU time in
// ingest, its statement's own work (binding, cursors, halting) about a
// quarter of that.
// The records' references are checked before anything is written
// (Graph.CheckReferences), and the inserts of spans and actor links ignore
// duplicates, so these inserts cannot fail on the records' account but for
// a relation whose ID is taken (ECONFLICT, at the flush in Atomically: the
// transaction fails, as the graph's write did before).
type pendingRows struct {
	claimActors, evidenceActors []roleRow
	spans                       []spanRow
	relations                   []relationRow
	premises                    []premiseRow
}

// relationRow is a row of relations, its values as relation binds them.
type relationRow struct {
	id, kind, to  string
	source        any // NULL: no span
	start, end    int
	quote         any // NULL: the premise's quote, or no span
	origin        string
	score         float64
	createdAt     int64
	title, scheme string
	premise       any // NULL: no premise
}

// premiseRow is a row of extra_premises.
type premiseRow struct {
	relation string
	position int
	node     string
}

func (p *pendingRows) empty() bool {
	return len(p.claimActors)+len(p.evidenceActors)+len(p.spans)+len(p.relations)+len(p.premises) == 0
}

func (p *pendingRows) add(o *pendingRows) {
	p.claimActors = append(p.claimActors, o.claimActors...)
	p.evidenceActors = append(p.evidenceActors, o.evidenceActors...)
	p.spans = append(p.spans, o.spans...)
	p.relations = append(p.relations, o.relations...)
	p.premises = append(p.premises, o.premises...)
}

func (p *pendingRows) reset() {
	p.claimActors, p.evidenceActors = p.claimActors[:0], p.evidenceActors[:0]
	p.spans, p.relations, p.premises = p.spans[:0], p.relations[:0], p.premises[:0]
}

// insertPending inserts the rows of p, each table's in the order of its
// primary key, with multi-row statements (insertRows).
func (w *graphWriter) insertPending(p *pendingRows) error {
	for _, t := range []struct {
		rows []roleRow
		head string
	}{
		{p.claimActors, `INSERT OR IGNORE INTO extra_claim_actors (claim_id, actor_id, role)`},
		{p.evidenceActors, `INSERT OR IGNORE INTO extra_evidence_actors (evidence_id, actor_id, role)`},
	} {
		slices.SortFunc(t.rows, func(a, b roleRow) int {
			return cmp.Or(strings.Compare(a.claim, b.claim), strings.Compare(a.actor, b.actor), strings.Compare(a.role, b.role))
		})
		rows := t.rows
		if err := w.insertRows(t.head, 3, len(rows), func(dst []any, i int) []any {
			return append(dst, rows[i].claim, rows[i].actor, rows[i].role)
		}, nil); err != nil {
			return err
		}
	}
	slices.SortFunc(p.spans, func(a, b spanRow) int {
		return cmp.Or(strings.Compare(a.node, b.node), strings.Compare(a.source, b.source), cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	spans := p.spans
	if err := w.insertRows(`INSERT OR IGNORE INTO extra_spans (node_id, source_id, start, "end", quote)`, 5, len(spans), func(dst []any, i int) []any {
		return append(dst, spans[i].node, spans[i].source, spans[i].start, spans[i].end, spans[i].quote)
	}, nil); err != nil {
		return err
	}
	// relations before their premises (extra_premises.relation_id
	// references relations.id)
	slices.SortFunc(p.relations, func(a, b relationRow) int { return strings.Compare(a.id, b.id) })
	rels := p.relations
	if err := w.insertRows(`INSERT INTO relations (id, kind, to_id, span_source_id, span_start, span_end, span_quote, origin, score, created_at, title, scheme, premise_id)`,
		13, len(rels), func(dst []any, i int) []any {
			r := &rels[i]
			return append(dst, r.id, r.kind, r.to, r.source, r.start, r.end, r.quote, r.origin, r.score, r.createdAt, r.title, r.scheme, r.premise)
		}, &rowKey{what: "relation", table: "relations", id: func(i int) string { return rels[i].id }}); err != nil {
		return err
	}
	slices.SortFunc(p.premises, func(a, b premiseRow) int {
		return cmp.Or(strings.Compare(a.relation, b.relation), cmp.Compare(a.position, b.position))
	})
	premises := p.premises
	return w.insertRows(`INSERT INTO extra_premises (relation_id, position, node_id)`, 3, len(premises), func(dst []any, i int) []any {
		return append(dst, premises[i].relation, premises[i].position, premises[i].node)
	}, nil)
}

// evidence writes e and returns its rowid.
func (w *graphWriter) evidence(e *argmap.Evidence) (int64, error) {
	e.CreatedAt = orNow(e.CreatedAt)
	first, pending, err := w.splitSpans(w.rows.spans, e.ID, e.Spans)
	if err != nil {
		return 0, err
	}
	actor, actors := splitActors(w.rows.evidenceActors, e.ID, e.Actors)
	res, err := w.exec(`INSERT INTO evidence (id, kind, text, origin, score, created_at, referent, span_source_id, span_start, span_end, span_quote, actor_id, actor_role)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		e.ID, e.Kind, e.Text, string(e.Origin), e.Score, ms(e.CreatedAt), encodeReferent(e.Referent),
		first.sourceArg(), first.start, first.end, first.quoteArg(e.Text), actor.actorArg(), actor.role)
	if isUnique(err) {
		return 0, argmap.Errorf(argmap.ECONFLICT, "evidence %s already exists", e.ID)
	}
	if err != nil {
		return 0, err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	w.rows.evidenceActors = actors
	w.rows.spans = pending
	return rowid, nil
}

// splitSpans returns a new node's first span, kept in its row, and
// appends the others to dst, for extra_spans (migration 0018); a repeat of
// the first is left out, as the primary key of spans left it out.
// first.source is "" for a node without spans.
func (w *graphWriter) splitSpans(dst []spanRow, node string, spans []argmap.Span) (first spanRow, _ []spanRow, err error) {
	if len(spans) == 0 {
		return first, dst, nil
	}
	rows, err := w.spanRows(w.split[:0], node, spans)
	if err != nil {
		return first, dst, err
	}
	w.split = rows
	first = rows[0]
	if w.firsts != nil {
		w.firsts[node] = first
	}
	for _, r := range rows[1:] {
		if r.source != first.source || r.start != first.start || r.end != first.end {
			dst = append(dst, r)
		}
	}
	return first, dst, nil
}

// splitActors returns a new node's first actor reference, kept in its row
// (migration 0019), and appends the others to dst, for extra_claim_actors
// or extra_evidence_actors; a repeat of the first is left out, as the
// primary key of claim_actors left it out. first.actor is "" for none.
func splitActors(dst []roleRow, node string, refs []argmap.ActorRef) (first roleRow, _ []roleRow) {
	if len(refs) == 0 {
		return first, dst
	}
	first = roleRow{node, refs[0].ActorID, string(refs[0].Role)}
	for _, a := range refs[1:] {
		if a.ActorID != first.actor || string(a.Role) != first.role {
			dst = append(dst, roleRow{node, a.ActorID, string(a.Role)})
		}
	}
	return first, dst
}

// actorArg is the reference's actor for its node's row: NULL for none.
func (r *roleRow) actorArg() any {
	if r.actor == "" {
		return nil
	}
	return r.actor
}

// sourceArg is the span's source for its node's row: NULL for none.
func (r *spanRow) sourceArg() any {
	if r.source == "" {
		return nil
	}
	return r.source
}

// quoteArg is the span's quote for the row of a node with that text:
// NULL when it is the text, or when the node has no span (migration 0021).
func (r *spanRow) quoteArg(text string) any {
	if r.source == "" || r.quote == text {
		return nil
	}
	return r.quote
}

// spans adds spans to a stored claim, in extra_spans unless its row holds
// the same span already.
func (w *graphWriter) spans(node string, spans []argmap.Span) error {
	for _, sp := range spans {
		q, err := w.quote(sp)
		if err != nil {
			return argmap.Errorf(argmap.EINVALID, "%s: %w", node, err)
		}
		if _, err := w.exec(`INSERT OR IGNORE INTO extra_spans (node_id, source_id, start, "end", quote) SELECT ?1, ?2, ?3, ?4, ?5
			WHERE NOT EXISTS (SELECT 1 FROM claims WHERE id = ?1 AND span_source_id = ?2 AND span_start = ?3 AND span_end = ?4)
			AND NOT EXISTS (SELECT 1 FROM evidence WHERE id = ?1 AND span_source_id = ?2 AND span_start = ?3 AND span_end = ?4)`,
			node, sp.SourceID, sp.Start, sp.End, q); err != nil {
			return err
		}
	}
	return nil
}

// quote returns the text a span covers: the source's text in that range when
// the source has text, else the quote given.
func (w *graphWriter) quote(sp argmap.Span) (string, error) {
	if t, ok := w.texts[sp.SourceID]; ok {
		if sp.End > len(t) {
			return "", argmap.Errorf(argmap.EINVALID, "span %d..%d lies outside source %s", sp.Start, sp.End, sp.SourceID)
		}
		return t[sp.Start:sp.End], nil
	}
	n, ok := w.lens[sp.SourceID]
	if !ok {
		err := w.queryRow(`SELECT length(CAST(text AS BLOB)) FROM sources WHERE id = ?`, sp.SourceID).Scan(&n)
		if errors.Is(err, sql.ErrNoRows) {
			return "", argmap.Errorf(argmap.EINVALID, "unknown source %s", sp.SourceID)
		}
		if err != nil {
			return "", err
		}
		w.lens[sp.SourceID] = n
	}
	if n == 0 {
		return sp.Quote, nil
	}
	if sp.End > n {
		return "", argmap.Errorf(argmap.EINVALID, "span %d..%d lies outside source %s (%d bytes)", sp.Start, sp.End, sp.SourceID, n)
	}
	var q string
	err := w.queryRow(`SELECT CAST(substr(CAST(text AS BLOB), ?, ?) AS TEXT) FROM sources WHERE id = ?`,
		sp.Start+1, sp.End-sp.Start, sp.SourceID).Scan(&q)
	return q, err
}

func (w *graphWriter) relation(r *argmap.Relation) error {
	r.CreatedAt = orNow(r.CreatedAt)
	var src any
	var start, end int
	var quote string
	if r.Span != nil {
		q, err := w.quote(*r.Span)
		if err != nil {
			return argmap.Errorf(argmap.EINVALID, "%s: %w", r.ID, err)
		}
		src, start, end, quote = r.Span.SourceID, r.Span.Start, r.Span.End, q
	}
	var premise any
	if len(r.From) > 0 {
		premise = r.From[0]
	}
	// premise_id: the first premise, the others in extra_premises (migration
	// 0018); span_quote: NULL when it is the premise's (migration 0022)
	w.rows.relations = append(w.rows.relations, relationRow{
		id: r.ID, kind: string(r.Kind), to: r.To, source: src, start: start, end: end, quote: w.relationQuote(r, quote),
		origin: string(r.Origin), score: r.Score, createdAt: ms(r.CreatedAt), title: r.Title, scheme: r.Scheme, premise: premise})
	for i := 1; i < len(r.From); i++ {
		w.rows.premises = append(w.rows.premises, premiseRow{r.ID, i, r.From[i]})
	}
	return nil
}

// relationQuote is the quote of r's span (quote) for its row: NULL when
// the span is the first span of r's first premise, a claim or piece of
// evidence of the graph, as an extracted relation's is (its span is the
// sentence of its premise), or when r has no span; readers take the
// premise's quote (relationCols, migration 0022). A node's first span stays
// as long as the node, and deleting its source clears the relation's span
// too (ON DELETE SET NULL).
func (w *graphWriter) relationQuote(r *argmap.Relation, quote string) any {
	if r.Span == nil {
		return nil
	}
	if len(r.From) > 0 {
		if f, ok := w.firsts[r.From[0]]; ok && f.source == r.Span.SourceID && f.start == r.Span.Start && f.end == r.Span.End && f.quote == quote {
			return nil
		}
	}
	return quote
}

func (w *graphWriter) citation(c *argmap.Citation) error {
	var cited any
	if c.CitedID != "" {
		cited = c.CitedID
	}
	_, err := w.exec(`INSERT INTO citations (id, source_id, author, year, text, start, "end", cited_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.SourceID, c.Author, c.Year, c.Text, c.Start, c.End, cited)
	if isUnique(err) {
		return argmap.Errorf(argmap.ECONFLICT, "citation %s already exists", c.ID)
	}
	return err
}
