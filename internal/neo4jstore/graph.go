package neo4jstore

import (
	"context"
	"errors"
	"slices"
	"sort"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// writeMode tells writeGraph how to treat records already stored.
type writeMode struct {
	what         string
	keepCited    bool // an incoming "cited" source whose ID is stored is skipped
	upsertActors bool // an incoming actor whose ID is stored gains its aliases
	hook         bool // the GraphHook of the context runs in the transaction
	batch        int  // rows per statement (0: batchSize)
}

// WriteGraph stores every record of g in one transaction. See
// argmap.GraphStore.
func (s *Store) WriteGraph(ctx context.Context, g *argmap.Graph) error {
	if g == nil {
		return argmap.Errorf(argmap.EINVALID, "the graph is missing")
	}
	mode := writeMode{what: "write graph", keepCited: true, upsertActors: true, hook: true}
	if s.bulk != nil || graphRows(g) >= bulkRows {
		mode.batch = bulkBatch
	}
	err := s.writeGraph(ctx, g, mode)
	if err != nil && s.bulk != nil && s.bulk.failed == nil {
		s.bulk.failed = err
	}
	return err
}

// bulkRows is the size (records, spans, premises) from which a WriteGraph
// is written as a bulk load: bulkBatch rows per statement instead of
// batchSize.
const bulkRows = 5000

// bulkBatch bounds the rows of one statement in a bulk load: fewer, larger
// statements (500, 2000 and 5000 loaded 20k claims in the same time within
// the noise of a loaded machine; the session 5 Neo4j note).
const bulkBatch = 2000

// graphRows counts g's records, spans and premises: the rows its
// statements send.
func graphRows(g *argmap.Graph) int {
	n := len(g.Sources) + len(g.Actors) + len(g.Citations) + len(g.Claims) + len(g.Evidence) + len(g.Relations)
	for _, c := range g.Claims {
		n += len(c.Spans) + len(c.Keys) + len(c.Actors)
	}
	for _, e := range g.Evidence {
		n += len(e.Spans) + len(e.Actors)
	}
	for _, r := range g.Relations {
		n += len(r.From)
	}
	return n
}

// bulkLoad is the state of one Bulk load.
type bulkLoad struct {
	// failed is the error of the first WriteGraph that failed in the load:
	// it may have written part of its graph, so the load is rolled back.
	failed error
}

// Bulk calls fn with a store bound to one write transaction, in which every
// WriteGraph sends bulkBatch rows per statement. Committed when fn returns
// nil and no WriteGraph in it failed, rolled back otherwise. Inside
// Atomically it loads in that transaction; inside Bulk it just calls fn.
// See argmap.BulkLoader.
func (s *Store) Bulk(ctx context.Context, fn func(tx argmap.Store) error) error {
	if s.bulk != nil {
		return fn(s)
	}
	load := func(t tx) error {
		b := &bulkLoad{}
		if err := fn(&Store{cfg: s.cfg, direct: t, bulk: b}); err != nil {
			return err
		}
		return b.failed
	}
	if s.direct != nil {
		return load(s.direct)
	}
	return s.write(ctx, "bulk load", load)
}

// writeGraph validates g against the store and writes it, all in one
// transaction. Records' zero CreatedAt times are set to now.
//
// The transaction reads which records are stored and then creates the
// others, so a concurrent writer can create one of them (an actor or cited
// source two documents share, or the same document) in between; the
// database's uniqueness constraints then refuse this transaction. It is
// tried again from the start, up to constraintRetries times: it then sees
// the record as stored, and upserts the actor, keeps the cited source, or
// reports the real conflict (ECONFLICT, the same content already stored).
func (s *Store) writeGraph(ctx context.Context, g *argmap.Graph, mode writeMode) error {
	stamp(g)
	for attempt := 0; ; attempt++ {
		err := s.write(ctx, mode.what, func(tx tx) error {
			if err := writeGraphTx(ctx, tx, g, mode); err != nil {
				return err
			}
			if mode.hook {
				return argmap.RunGraphHook(ctx, s.bound(tx), g)
			}
			return nil
		})
		if s.direct != nil || attempt == constraintRetries || !isConstraintViolation(err) {
			return err
		}
	}
}

// constraintRetries bounds how often writeGraph runs again after a
// uniqueness constraint refused its transaction.
const constraintRetries = 3

// isConstraintViolation reports whether the database refused err's
// transaction for breaking a uniqueness constraint.
func isConstraintViolation(err error) bool {
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && ne != nil && ne.Code == codeConstraintViolation
}

// stamp sets the zero CreatedAt times of g's records to now, and the others
// to UTC at millisecond precision.
func stamp(g *argmap.Graph) {
	for i := range g.Sources {
		g.Sources[i].CreatedAt = orNow(g.Sources[i].CreatedAt)
	}
	for i := range g.Claims {
		g.Claims[i].CreatedAt = orNow(g.Claims[i].CreatedAt)
	}
	for i := range g.Evidence {
		g.Evidence[i].CreatedAt = orNow(g.Evidence[i].CreatedAt)
	}
	for i := range g.Actors {
		g.Actors[i].CreatedAt = orNow(g.Actors[i].CreatedAt)
	}
	for i := range g.Relations {
		g.Relations[i].CreatedAt = orNow(g.Relations[i].CreatedAt)
	}
}

// idSets splits IDs by kind; IDs of no known kind are dropped.
type idSets map[argmap.NodeKind][]string

func splitIDs(ids []string) idSets {
	out := idSets{}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		if k := argmap.KindOf(id); k != "" {
			out[k] = append(out[k], id)
		}
	}
	return out
}

// list returns the IDs of kind k as a parameter (never nil: UNWIND null fails).
func (s idSets) list(k argmap.NodeKind) []string {
	if s[k] == nil {
		return []string{}
	}
	return s[k]
}

// existing returns which of ids are stored, with the stored sources and actors.
type existingRecords struct {
	ids     map[string]bool
	sources map[string]string // id -> kind
	actors  map[string]argmap.Actor
}

func fetchExisting(ctx context.Context, t tx, ids []string) (*existingRecords, error) {
	sets := splitIDs(ids)
	ex := &existingRecords{ids: map[string]bool{}, sources: map[string]string{}, actors: map[string]argmap.Actor{}}
	if len(sets[argmap.KindSource]) > 0 {
		recs, err := run(ctx, t, qSourcesExisting, map[string]any{"ids": sets.list(argmap.KindSource)})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			id, err := field[string](r, "id")
			if err != nil {
				return nil, err
			}
			kind, err := field[string](r, "kind")
			if err != nil {
				return nil, err
			}
			ex.ids[id], ex.sources[id] = true, kind
		}
	}
	if len(sets[argmap.KindActor]) > 0 {
		// Sorted: the statement locks the actors it finds, in this order.
		recs, err := run(ctx, t, qActorsExisting, map[string]any{"ids": slices.Sorted(slices.Values(sets.list(argmap.KindActor)))})
		if err != nil {
			return nil, err
		}
		actors, err := mapAll(recs, keyed("a", actorFrom))
		if err != nil {
			return nil, err
		}
		for _, a := range actors {
			ex.ids[a.ID], ex.actors[a.ID] = true, a
		}
	}
	if len(sets[argmap.KindClaim])+len(sets[argmap.KindEvidence])+len(sets[argmap.KindRelation])+len(sets[argmap.KindCitation]) > 0 {
		recs, err := run(ctx, t, qIDsExisting, map[string]any{
			"claims": sets.list(argmap.KindClaim), "evidence": sets.list(argmap.KindEvidence),
			"relations": sets.list(argmap.KindRelation), "citations": sets.list(argmap.KindCitation),
		})
		if err != nil {
			return nil, err
		}
		found, err := column[string](recs, "id")
		if err != nil {
			return nil, err
		}
		for _, id := range found {
			ex.ids[id] = true
		}
	}
	return ex, nil
}

// references returns every ID g's records refer to, and g's own IDs.
func references(g *argmap.Graph) (refs, own []string) {
	for _, s := range g.Sources {
		own = append(own, s.ID)
	}
	for _, c := range g.Claims {
		own = append(own, c.ID)
		for _, sp := range c.Spans {
			refs = append(refs, sp.SourceID)
		}
		for _, a := range c.Actors {
			refs = append(refs, a.ActorID)
		}
	}
	for _, e := range g.Evidence {
		own = append(own, e.ID)
		for _, sp := range e.Spans {
			refs = append(refs, sp.SourceID)
		}
		for _, a := range e.Actors {
			refs = append(refs, a.ActorID)
		}
	}
	for _, a := range g.Actors {
		own = append(own, a.ID)
	}
	for _, r := range g.Relations {
		own = append(own, r.ID)
		refs = append(refs, r.From...)
		refs = append(refs, r.To)
		if r.Span != nil {
			refs = append(refs, r.Span.SourceID)
		}
	}
	for _, c := range g.Citations {
		own = append(own, c.ID)
		refs = append(refs, c.SourceID)
		if c.CitedID != "" {
			refs = append(refs, c.CitedID)
		}
	}
	return refs, own
}

// writeGraphTx checks g against what is stored and writes it.
func writeGraphTx(ctx context.Context, t tx, g *argmap.Graph, mode writeMode) error {
	refs, own := references(g)
	ex, err := fetchExisting(ctx, t, append(refs, own...))
	if err != nil {
		return err
	}
	if err := g.Validate(func(id string) bool { return ex.ids[id] }); err != nil {
		return err
	}
	// Conflicts with stored records.
	var sources []map[string]any
	texts := map[string]string{} // source ID -> text, for quotes
	inGraph := map[string]bool{}
	var hashes []string
	hashOwner := map[string]string{}
	for i := range g.Sources {
		src := &g.Sources[i]
		if ex.ids[src.ID] {
			if mode.keepCited && src.Kind == argmap.SourceCited {
				continue
			}
			return argmap.Errorf(argmap.ECONFLICT, "source %s already exists", src.ID)
		}
		if src.ContentHash != "" {
			if other, dup := hashOwner[src.ContentHash]; dup {
				return argmap.Errorf(argmap.ECONFLICT, "sources %s and %s have the same content hash", other, src.ID)
			}
			hashOwner[src.ContentHash] = src.ID
			hashes = append(hashes, src.ContentHash)
		}
		sources = append(sources, sourceRow(src))
		texts[src.ID], inGraph[src.ID] = src.Text, true
	}
	if len(hashes) > 0 {
		recs, err := run(ctx, t, qHashesExisting, map[string]any{"hashes": hashes})
		if err != nil {
			return err
		}
		if len(recs) > 0 {
			id, _ := field[string](recs[0], "id")
			return argmap.Errorf(argmap.ECONFLICT, "a source with the same content is already stored as %s", id)
		}
	}
	var actors, aliasUpdates []map[string]any
	for i := range g.Actors {
		a := &g.Actors[i]
		if have, ok := ex.actors[a.ID]; ok {
			if !mode.upsertActors {
				return argmap.Errorf(argmap.ECONFLICT, "actor %s already exists", a.ID)
			}
			// As with a merge, a different name becomes an alias.
			merged := mergeAliases(have.Name, have.Aliases, append([]string{a.Name}, a.Aliases...)...)
			if !slices.Equal(merged, mergeAliases(have.Name, have.Aliases)) {
				aliasUpdates = append(aliasUpdates, map[string]any{"id": a.ID, "aliases": merged})
			}
			continue
		}
		actors = append(actors, actorRow(a))
	}
	for _, id := range own {
		if k := argmap.KindOf(id); ex.ids[id] && k != argmap.KindSource && k != argmap.KindActor {
			return argmap.Errorf(argmap.ECONFLICT, "%s %s already exists", k, id)
		}
	}
	// Texts of stored sources that spans point into.
	var need []string
	needSeen := map[string]bool{}
	addNeed := func(id string) {
		if !inGraph[id] && !needSeen[id] {
			needSeen[id] = true
			need = append(need, id)
		}
	}
	for _, c := range g.Claims {
		for _, sp := range c.Spans {
			addNeed(sp.SourceID)
		}
	}
	for _, e := range g.Evidence {
		for _, sp := range e.Spans {
			addNeed(sp.SourceID)
		}
	}
	for _, r := range g.Relations {
		if r.Span != nil {
			addNeed(r.Span.SourceID)
		}
	}
	if len(need) > 0 {
		recs, err := run(ctx, t, qSourceTexts, map[string]any{"ids": need})
		if err != nil {
			return err
		}
		for _, r := range recs {
			id, err := field[string](r, "id")
			if err != nil {
				return err
			}
			if texts[id], err = field[string](r, "text"); err != nil {
				return err
			}
		}
	}
	var problems []string
	span := func(owner, node string, sp argmap.Span) map[string]any {
		if text := texts[sp.SourceID]; text != "" && sp.End > len(text) {
			problems = append(problems, owner+": span lies outside the source text")
		}
		return spanRow(node, sp, texts[sp.SourceID], true)
	}
	var claims, evidence, citations, evidenceSpans, relationSpans, roles, evidenceRoles []map[string]any
	var relations, undercuts, targets []map[string]any
	for i := range g.Claims {
		c := &g.Claims[i]
		claims = append(claims, claimWriteRow(c, span))
		for _, a := range c.Actors {
			roles = append(roles, roleRow(c.ID, a))
		}
	}
	for i := range g.Evidence {
		e := &g.Evidence[i]
		evidence = append(evidence, evidenceRow(e))
		for _, sp := range e.Spans {
			evidenceSpans = append(evidenceSpans, span("evidence "+e.ID, e.ID, sp))
		}
		for _, a := range e.Actors {
			evidenceRoles = append(evidenceRoles, evidenceRoleRow(e.ID, a))
		}
	}
	premises := 0
	for i := range g.Relations {
		r := &g.Relations[i]
		premises += len(r.From)
		if argmap.KindOf(r.To) == argmap.KindRelation {
			undercuts = append(undercuts, relationWriteRow(r))
			targets = append(targets, targetRow(r))
		} else {
			relations = append(relations, relationWriteRow(r))
		}
		if r.Span != nil {
			relationSpans = append(relationSpans, span("relation "+r.ID, r.ID, *r.Span))
		}
	}
	for i := range g.Citations {
		citations = append(citations, citationRow(&g.Citations[i]))
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return argmap.Errorf(argmap.EINVALID, "%s", joinProblems(problems))
	}
	size := batchSize
	if mode.batch > 0 {
		size = mode.batch
	}
	var made counts
	for _, st := range []struct {
		name string
		rows []map[string]any
	}{
		{qSourceCreate, sources}, {qActorCreate, actors}, {qActorSetAliases, aliasUpdates},
		{qClaimsWrite, claims}, {qEvidenceCreate, evidence}, {qRelationsWrite, relations}, {qUndercutsWrite, undercuts},
		{qCitationCreate, citations}, {qEvidenceSpansCreate, evidenceSpans},
		{qRelationSpanCreate, relationSpans}, {qRolesCreate, roles}, {qEvidenceRolesCreate, evidenceRoles},
	} {
		n, err := runBatchesOf(ctx, t, st.name, st.rows, size)
		if err != nil {
			return err
		}
		if st.name == qRelationsWrite || st.name == qUndercutsWrite {
			made.created += n.created
			made.linked += n.linked
		}
	}
	linked, err := runBatchesOf(ctx, t, qRelationTargetsCreate, targets, size)
	if err != nil {
		return err
	}
	if made.created != int64(len(g.Relations)) || made.linked != int64(premises) || linked.linked != int64(len(targets)) {
		return argmap.Errorf(argmap.EINVALID, "a relation names a node that does not exist")
	}
	return nil
}

// claimWriteRow is the claims_write row of c: its properties, its spans
// (each start and end of a source once, the last quote kept, as a MERGE of
// the span edge would) and its keys (each once).
func claimWriteRow(c *argmap.Claim, span func(owner, node string, sp argmap.Span) map[string]any) map[string]any {
	spans := make([]any, 0, len(c.Spans))
	at := map[[3]any]int{}
	for _, sp := range c.Spans {
		row := span("claim "+c.ID, c.ID, sp)
		delete(row, "node")
		k := [3]any{sp.SourceID, sp.Start, sp.End}
		if i, dup := at[k]; dup {
			spans[i] = row
			continue
		}
		at[k] = len(spans)
		spans = append(spans, row)
	}
	keys := make([]any, 0, len(c.Keys))
	for _, k := range claimKeyRows(c.ID, c.Keys) {
		keys = append(keys, k["key"])
	}
	return map[string]any{"props": claimRow(c), "spans": spans, "keys": keys}
}

// relationWriteRow is the relations_write (or undercuts_write) row of r: its
// properties, its target and its premises by kind with their positions.
func relationWriteRow(r *argmap.Relation) map[string]any {
	claims, evidence := []any{}, []any{}
	for i, f := range r.From {
		p := map[string]any{"id": f, "position": int64(i)}
		if argmap.KindOf(f) == argmap.KindEvidence {
			evidence = append(evidence, p)
		} else {
			claims = append(claims, p)
		}
	}
	return map[string]any{"props": relationRow(r), "to": r.To, "claims": claims, "evidence": evidence}
}

func joinProblems(p []string) string {
	if len(p) == 1 {
		return p[0]
	}
	return (&argmap.ValidationError{Problems: p}).Error()
}
