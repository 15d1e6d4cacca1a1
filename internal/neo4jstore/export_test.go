package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// Internals exposed to the external tests of package neo4jstore_test.

var (
	StatementsErr   = statementsErr
	StatementNames  = statementNames
	LoadStatements  = loadStatements
	SplitStatements = splitStatements
	UsedParams      = usedParams
	PlanMigrations  = planMigrations
	ConfigFrom      = configFrom
	CheckURI        = checkURI
	EscapeLucene    = escapeLucene
	FullTextQuery   = fullTextQuery
	Translate       = translate
	SourceFrom      = sourceFrom
	ClaimFrom       = claimFrom
	EvidenceFrom    = evidenceFrom
	ActorFrom       = actorFrom
	RelationFrom    = relationFrom
	CitationFrom    = citationFrom
	LevelEdgesFrom  = levelEdgesFrom
	SourceRow       = sourceRow
	ClaimRow        = claimRow
	ActorRow        = actorRow
	RelationRow     = relationRow
	CitationRow     = citationRow
	SpanRow         = spanRow
	PremiseRows     = premiseRows
	MergeAliases    = mergeAliases
	References      = references
	Run             = run
	PlanMigrate     = (*Store).migrate
	QueryFiles      = queryFiles
)

// Statement is a loaded statement.
type Statement = statement

// Migration is a planned migration.
type Migration = migration

// LevelEdge is one row of a reach level.
type LevelEdge = levelEdge

// WalkReaches is Walk returning the final reaches.
func WalkReaches(claimID string, levels [][]LevelEdge) []argmap.Reach {
	w := newWalk(claimID)
	for _, l := range levels {
		w.step(l)
	}
	return w.reaches(nil)
}

// Tx is what statements run on.
type Tx = tx

// NewDirect returns a store that runs every transaction on t, without a
// driver: tests script the database's answers.
func NewDirect(t Tx) *Store { return &Store{cfg: Config{}.withDefaults(), direct: t} }

// StatementTexts maps each statement's text to its name.
func StatementTexts() map[string]string {
	out := map[string]string{}
	for name, st := range statements {
		out[st.Text] = name
	}
	return out
}

// ReachPaths is the alternative to Reach that BenchmarkReachPaths measures:
// one variable-length statement (testdata/reach_paths.cypher, depth 3 at
// most) instead of one per level; Go keeps each node's shortest path. It
// lives in a test file because Reach is the one the store uses.
func (s *Store) ReachPaths(ctx context.Context, cypher, claimID string, depth int) ([]argmap.Reach, error) {
	var out []argmap.Reach
	err := s.read(ctx, "reach paths", func(t tx) error {
		root, err := claimsByIDs(ctx, t, []string{claimID})
		if err != nil {
			return err
		}
		if len(root) == 0 {
			return notFound(argmap.KindClaim, claimID)
		}
		recs, err := t.Run(ctx, cypher, map[string]any{"id": claimID, "depth": int64(depth)})
		if err != nil {
			return err
		}
		paths := map[string][]argmap.Step{claimID: {}}
		order := []string{claimID}
		for _, r := range recs {
			ids, err := field[[]any](r, "ids")
			if err != nil {
				return err
			}
			kinds, err := field[[]any](r, "kinds")
			if err != nil {
				return err
			}
			str := func(v []any) []string {
				out := make([]string, len(v))
				for i, x := range v {
					out[i], _ = x.(string)
				}
				return out
			}
			is, ks := str(ids), str(kinds)
			end := is[len(is)-1]
			if argmap.KindOf(end) == argmap.KindRelation {
				continue
			}
			steps := pathSteps(is, ks, len(is)-1)
			if have, ok := paths[end]; !ok || len(steps) < len(have) {
				if !ok {
					order = append(order, end)
				}
				paths[end] = steps
			}
		}
		sets := splitIDs(order[1:])
		spans := map[string][]argmap.Span{claimID: root[0].Spans}
		cs, err := claimsByIDs(ctx, t, sets[argmap.KindClaim])
		if err != nil {
			return err
		}
		for _, c := range cs {
			spans[c.ID] = c.Spans
		}
		es, err := evidenceByIDs(ctx, t, sets[argmap.KindEvidence])
		if err != nil {
			return err
		}
		for _, e := range es {
			spans[e.ID] = e.Spans
		}
		w := &walk{paths: paths, order: order}
		out = w.reaches(spans)
		return nil
	})
	return out, err
}

// pathSteps returns the steps from node k of a path (ids[0] the claim) back
// to the claim: a premise steps through the relation before it to that
// relation's target, a relation steps from itself to its target.
func pathSteps(ids, kinds []string, k int) []argmap.Step {
	if k == 0 {
		return []argmap.Step{}
	}
	if argmap.KindOf(ids[k]) == argmap.KindRelation {
		return prepend(argmap.Step{RelationID: ids[k], Kind: argmap.RelationKind(kinds[k]), From: ids[k], To: ids[k-1]}, pathSteps(ids, kinds, k-1))
	}
	return prepend(argmap.Step{RelationID: ids[k-1], Kind: argmap.RelationKind(kinds[k-1]), From: ids[k], To: ids[k-2]}, pathSteps(ids, kinds, k-2))
}
