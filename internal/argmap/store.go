package argmap

import "context"

// Page asks for one page of a listing. Records are ordered by ID; After is the
// ID of the last record of the previous page ("" for the first page). A Limit
// of 0 means DefaultLimit; more than MaxLimit is cut to MaxLimit.
type Page struct {
	Limit int
	After string
}

// Listing limits.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Size returns the effective page size of p.
func (p Page) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultLimit
	case p.Limit > MaxLimit:
		return MaxLimit
	}
	return p.Limit
}

// SourceFilter selects sources. Zero fields match everything.
type SourceFilter struct {
	Kind  string // exact kind
	Query string // case-insensitive substring of the title
	Page
}

// ClaimFilter selects claims. Zero fields match everything.
type ClaimFilter struct {
	Query    string // full-text query over text and gist; results still ordered by ID
	ActorID  string // claims the actor plays any role in
	SourceID string // claims with a span in the source
	Origin   Origin
	// Proposition selects the claims that state the proposition: the claim
	// with that ID and every claim whose Proposition is it.
	Proposition string
	Page
}

// EvidenceFilter selects evidence. Zero fields match everything.
type EvidenceFilter struct {
	SourceID string // evidence with a span in the source
	Page
}

// ActorFilter selects actors. Zero fields match everything.
type ActorFilter struct {
	Query string // case-insensitive substring of the name or an alias
	Kind  string
	Page
}

// RelationFilter selects relations. Zero fields match everything.
type RelationFilter struct {
	NodeID string // relations with the node among From or as To
	Kind   RelationKind
	Page
}

// ClaimUpdate holds the fields PATCH may change; nil fields stay as they are.
type ClaimUpdate struct {
	Text  *string
	Gist  *string
	Score *float64
	Main  *bool
	// Origin set to OriginCurated marks a claim a person has accepted or
	// corrected: removing its sources no longer removes it.
	Origin *Origin
	// Proposition sets the proposition the claim states (a claim ID; the
	// claim's own ID or "" makes it its own proposition).
	Proposition *string
	// AddSpans are passages that state the claim, added to its spans (a
	// span it has already is kept once). Their quotes are taken from the
	// source text; EINVALID for an unknown source or a span outside its
	// text. Ingesting a document again adds the spans of the claims a
	// person curated, which outlived the document's first copy.
	AddSpans []Span
	// Keys replaces the claim's link signature (Claim.Keys). A new Text
	// without Keys removes the old signature, which described the old
	// text: the claim is then unkeyed until KeyBackfill gives it keys.
	Keys *[]string
}

// ReplacesKeys reports whether u replaces the link keys of a claim whose
// text is old: it gives keys, or it changes the text.
func (u ClaimUpdate) ReplacesKeys(old string) bool {
	return u.Keys != nil || (u.Text != nil && *u.Text != old)
}

// RelationUpdate holds the fields of a relation that may change; nil fields
// stay as they are.
type RelationUpdate struct {
	Kind   *RelationKind
	Origin *Origin
	Score  *float64
}

// EvidenceUpdate holds the fields PATCH may change; nil fields stay as they are.
type EvidenceUpdate struct {
	Text  *string
	Kind  *string
	Score *float64
}

// ActorUpdate holds the fields PATCH may change; nil fields stay as they are.
type ActorUpdate struct {
	Name    *string
	Kind    *string
	Aliases *[]string
}

// ClaimHit is one full-text search result. Rank is higher for better matches
// and comparable only within one result list.
type ClaimHit struct {
	Claim Claim   `json:"claim"`
	Rank  float64 `json:"rank"`
}

// EvidenceHit is one full-text search result over evidence. Rank is higher
// for better matches and comparable only within one result list.
type EvidenceHit struct {
	Evidence Evidence `json:"evidence"`
	Rank     float64  `json:"rank"`
}

// Step is one relation on a path toward a queried claim. From is the node the
// path enters the relation by: one of its premises, or the ID of a relation the
// path continues along (after an undercut). To is the relation's target.
type Step struct {
	RelationID string       `json:"relation"`
	Kind       RelationKind `json:"kind"`
	From       string       `json:"from"`
	To         string       `json:"to"`
}

// Reach is a node that bears on a queried claim: Node is a claim or evidence
// ID, Steps the relations from it to the queried claim (empty for the claim
// itself), Spans where sources state Node (with Quote set).
type Reach struct {
	Node  string `json:"node"`
	Steps []Step `json:"steps"`
	Spans []Span `json:"spans"`
}

// SourceStore stores documents.
type SourceStore interface {
	// CreateSource stores s. EINVALID if s is invalid; ECONFLICT if its ID or
	// content hash is taken.
	CreateSource(ctx context.Context, s *Source) error
	// Source returns the source with its text. ENOTFOUND if unknown.
	Source(ctx context.Context, id string) (*Source, error)
	// SourceByHash returns the source with the content hash. ENOTFOUND if none.
	SourceByHash(ctx context.Context, hash string) (*Source, error)
	// Sources lists sources without their text.
	Sources(ctx context.Context, f SourceFilter) ([]Source, error)
	// SourcesByID returns the sources with the given IDs without their text,
	// ordered by ID, each once, in one read: the light lookup for titles.
	// Unknown IDs are left out, not an error.
	SourcesByID(ctx context.Context, ids []string) ([]Source, error)
	// DeleteSource removes the source, its spans and citations. Extracted claims
	// and evidence left with no span are removed too, with their relations,
	// and so are the actors of those claims that no other claim names.
	// ENOTFOUND if unknown.
	DeleteSource(ctx context.Context, id string) error
}

// ClaimStore stores claims.
type ClaimStore interface {
	// CreateClaim stores c. EINVALID if c is invalid or names an unknown source
	// or actor; ECONFLICT if its ID is taken.
	CreateClaim(ctx context.Context, c *Claim) error
	// Claim returns the claim with its spans and actors. ENOTFOUND if unknown.
	Claim(ctx context.Context, id string) (*Claim, error)
	// UpdateClaim applies u and returns the claim. ENOTFOUND, EINVALID.
	UpdateClaim(ctx context.Context, id string, u ClaimUpdate) (*Claim, error)
	// DeleteClaim removes the claim and every relation that uses it (and, in
	// turn, relations that target those). ENOTFOUND if unknown.
	DeleteClaim(ctx context.Context, id string) error
	// Claims lists claims with spans and actors.
	Claims(ctx context.Context, f ClaimFilter) ([]Claim, error)
	// SearchClaims ranks claims against a free-text query (best first). A query
	// with no searchable word gives an empty list, not an error.
	SearchClaims(ctx context.Context, q string, limit int) ([]ClaimHit, error)
}

// EvidenceStore stores evidence.
type EvidenceStore interface {
	// CreateEvidence stores e. EINVALID, ECONFLICT.
	CreateEvidence(ctx context.Context, e *Evidence) error
	// Evidence returns one piece of evidence with its spans. ENOTFOUND.
	Evidence(ctx context.Context, id string) (*Evidence, error)
	// UpdateEvidence applies u. ENOTFOUND, EINVALID.
	UpdateEvidence(ctx context.Context, id string, u EvidenceUpdate) (*Evidence, error)
	// DeleteEvidence removes it and the relations that use it. ENOTFOUND.
	DeleteEvidence(ctx context.Context, id string) error
	// EvidenceList lists evidence with spans.
	EvidenceList(ctx context.Context, f EvidenceFilter) ([]Evidence, error)
	// SearchEvidence ranks evidence against a free-text query (best first),
	// like SearchClaims: a query with no searchable word gives an empty
	// list, not an error.
	SearchEvidence(ctx context.Context, q string, limit int) ([]EvidenceHit, error)
}

// ActorStore stores actors.
type ActorStore interface {
	// CreateActor stores a. EINVALID, ECONFLICT if the ID is taken.
	CreateActor(ctx context.Context, a *Actor) error
	// Actor returns one actor. ENOTFOUND.
	Actor(ctx context.Context, id string) (*Actor, error)
	// UpdateActor applies u. ENOTFOUND, EINVALID.
	UpdateActor(ctx context.Context, id string, u ActorUpdate) (*Actor, error)
	// DeleteActor removes the actor and its roles in claims. ENOTFOUND.
	DeleteActor(ctx context.Context, id string) error
	// Actors lists actors.
	Actors(ctx context.Context, f ActorFilter) ([]Actor, error)
	// MergeActor folds actor from into actor into: its roles move over, its
	// name and aliases become aliases of into, and from is removed. Returns the
	// merged actor. ENOTFOUND if either is unknown; EINVALID if they are the same.
	MergeActor(ctx context.Context, from, into string) (*Actor, error)
}

// RelationStore stores relations.
type RelationStore interface {
	// CreateRelation stores r. EINVALID if r is invalid or an endpoint does not
	// exist; ECONFLICT if its ID is taken.
	CreateRelation(ctx context.Context, r *Relation) error
	// Relation returns one relation. ENOTFOUND.
	Relation(ctx context.Context, id string) (*Relation, error)
	// UpdateRelation applies u and returns the relation. ENOTFOUND, EINVALID
	// (the result must validate: a node may contest itself but not support
	// itself).
	UpdateRelation(ctx context.Context, id string, u RelationUpdate) (*Relation, error)
	// DeleteRelation removes the relation and the relations that target it.
	// ENOTFOUND.
	DeleteRelation(ctx context.Context, id string) error
	// Relations lists relations.
	Relations(ctx context.Context, f RelationFilter) ([]Relation, error)
}

// MaxClaimKeys bounds Claim.Keys.
const MaxClaimKeys = 64

// KeyedClaims is implemented by stores that index Claim.Keys.
type KeyedClaims interface {
	// ClaimsByKeys returns the claims stored under any of keys, at most
	// perKey for each key (the most recently stored first), and the claims
	// that name their propositions, each claim once, ordered by ID. Of each
	// claim only the ID, text and proposition are sure to be set (linking
	// compares texts); a store may leave the other fields, spans and actors
	// out. Each key is one index lookup, so the cost does not grow with the
	// store.
	ClaimsByKeys(ctx context.Context, keys []string, perKey int) ([]Claim, error)
}

// KeyLists is implemented by stores that index Claim.Keys and can say,
// cheaply, whether claims or their keys changed: a caller can then keep what
// it read of them and add what it writes itself (ingest links documents
// ahead of writing them against such a copy; see ingest.Service.IngestAll).
type KeyLists interface {
	// ClaimKeyLists returns, for each of keys that has claims stored under
	// it, at most perKey of them, the most recently stored first, as
	// KeyedClaims.ClaimsByKeys chooses them; and the claims that name the
	// propositions of the claims listed (each once, ordered by ID). Of each
	// claim only the ID, text and proposition are sure to be set.
	ClaimKeyLists(ctx context.Context, keys []string, perKey int) (map[string][]Claim, []Claim, error)
	// ClaimsVersion returns a number that changes whenever a claim is
	// stored, changed or deleted, or a claim's keys change, by any
	// connection or process (it may change for other writes too). In a
	// transaction of Atomically it is read in that transaction, its own
	// writes included.
	ClaimsVersion(ctx context.Context) (int64, error)
}

// KeyBackfill is implemented by stores that index Claim.Keys, for claims
// stored before they kept them.
type KeyBackfill interface {
	// UnkeyedClaims lists the claims that have no key stored (stored before
	// the store kept keys, or whose text gave none), ordered by ID after
	// p.After, at most p's size, without their spans and actors: what a
	// backfill computes keys for.
	UnkeyedClaims(ctx context.Context, p Page) ([]Claim, error)
	// AddClaimKeys stores keys of claims already stored (claim ID -> keys),
	// keeping the keys they have; IDs not stored are skipped. EINVALID for
	// more than MaxClaimKeys keys of one claim or an empty key.
	AddClaimKeys(ctx context.Context, keys map[string][]string) error
}

// GraphStore reads and writes whole graphs.
type GraphStore interface {
	// WriteGraph stores every record of g in one transaction: all or nothing.
	// Records may refer to records already stored. Actors are upserted (an
	// existing actor gains the new aliases); a source of kind "cited" whose ID
	// is already stored is kept as it is; any other existing ID or content hash
	// is ECONFLICT. EINVALID if g is invalid (every problem reported). The
	// GraphHook ctx carries (WithGraphHook) runs in the same transaction.
	WriteGraph(ctx context.Context, g *Graph) error
	// NodeTexts returns the short text of each claim (its gist, else its
	// text) and piece of evidence among ids, in one read; other and unknown
	// IDs are left out.
	NodeTexts(ctx context.Context, ids []string) (map[string]string, error)
	// Reach walks relations backwards from the claim, at most depth relations
	// deep, and returns every claim or evidence that bears on it, each with the
	// shortest path and its spans; the claim itself comes first with no steps.
	// Relations that target a relation on a path (undercuts) are followed too.
	// ENOTFOUND if the claim is unknown.
	Reach(ctx context.Context, claimID string, depth int) ([]Reach, error)
	// Neighbourhood returns the nodes within depth relations of focus (a claim,
	// evidence or relation ID), the relations among them, their actors and
	// their sources (without text). With focus "" it returns the whole graph.
	// At most limit claims and evidence (0: no limit). ENOTFOUND if focus is
	// unknown.
	Neighbourhood(ctx context.Context, focus string, depth, limit int) (*Graph, error)
	// Hubs returns the graph of the limit claims and evidence with the most
	// relations (as a premise or as the target: relations that undercut a
	// relation count for neither), most first, ties by ID, nodes with no
	// relation last: the relations among them, their actors, their sources
	// (without text) and the citations among those, as Neighbourhood gives
	// them. It is how a map of a store too large to draw whole is chosen
	// without reading the whole store. limit <= 0 gives an empty graph.
	Hubs(ctx context.Context, limit int) (*Graph, error)
	// Citations returns the citations a source makes, in text order (by
	// start, then ID); an unknown source has none.
	Citations(ctx context.Context, sourceID string) ([]Citation, error)
	// Dump returns every record, sources with their text, for copying a store.
	Dump(ctx context.Context) (*Graph, error)
	// Stats counts the records stored.
	Stats(ctx context.Context) (Counts, error)
}

// Store is everything a backend provides. Both backends pass the conformance
// suite in package argmaptest.
type Store interface {
	SourceStore
	ClaimStore
	EvidenceStore
	ActorStore
	RelationStore
	GraphStore
	AuditStore
	// Ping checks that the store answers, cheaply: it reads no records and
	// does not wait behind the reads of other requests (a health check must
	// answer while the store is busy). EUNAVAILABLE when it does not answer.
	Ping(ctx context.Context) error
	Transactor
	// Close releases the store's resources.
	Close() error
}

// Apply sets the fields of c that u holds and validates the result.
func (u ClaimUpdate) Apply(c *Claim) error {
	if u.ReplacesKeys(c.Text) {
		c.Keys = nil
		if u.Keys != nil {
			c.Keys = append([]string(nil), (*u.Keys)...)
		}
	}
	if u.Text != nil {
		c.Text = *u.Text
	}
	if u.Gist != nil {
		c.Gist = *u.Gist
	}
	if u.Score != nil {
		c.Score = *u.Score
	}
	if u.Main != nil {
		c.Main = *u.Main
	}
	if u.Origin != nil {
		c.Origin = *u.Origin
	}
	if u.Proposition != nil {
		c.Proposition = *u.Proposition
		if c.Proposition == c.ID {
			c.Proposition = ""
		}
	}
	c.Spans = AddSpans(c.Spans, u.AddSpans)
	return c.Validate()
}

// AddSpans returns have with the spans of add it lacks (by source, start
// and end) appended.
func AddSpans(have, add []Span) []Span {
	if len(add) == 0 {
		return have
	}
	type key struct {
		src        string
		start, end int
	}
	seen := make(map[key]bool, len(have)+len(add))
	for _, s := range have {
		seen[key{s.SourceID, s.Start, s.End}] = true
	}
	out := append([]Span(nil), have...)
	for _, s := range add {
		if k := (key{s.SourceID, s.Start, s.End}); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// Apply sets the fields of r that u holds and validates the result.
func (u RelationUpdate) Apply(r *Relation) error {
	if u.Kind != nil {
		r.Kind = *u.Kind
	}
	if u.Origin != nil {
		r.Origin = *u.Origin
	}
	if u.Score != nil {
		r.Score = *u.Score
	}
	return r.Validate()
}

// Apply sets the fields of e that u holds and validates the result.
func (u EvidenceUpdate) Apply(e *Evidence) error {
	if u.Text != nil {
		e.Text = *u.Text
	}
	if u.Kind != nil {
		e.Kind = *u.Kind
	}
	if u.Score != nil {
		e.Score = *u.Score
	}
	return e.Validate()
}

// Apply sets the fields of a that u holds and validates the result.
func (u ActorUpdate) Apply(a *Actor) error {
	if u.Name != nil {
		a.Name = *u.Name
	}
	if u.Kind != nil {
		a.Kind = *u.Kind
	}
	if u.Aliases != nil {
		a.Aliases = append([]string(nil), (*u.Aliases)...)
	}
	return a.Validate()
}
