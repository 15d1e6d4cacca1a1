package neo4jstore

import (
	"context"

	"github.com/argmap/argmap/internal/argmap"
)

// Internals exposed to the external tests of package neo4jstore_test.

var (
	StatementsErr    = statementsErr
	StatementNames   = statementNames
	LoadStatements   = loadStatements
	SplitStatements  = splitStatements
	UsedParams       = usedParams
	PlanMigrations   = planMigrations
	ConfigFrom       = configFrom
	CheckURI         = checkURI
	EscapeLucene     = escapeLucene
	FullTextQuery    = fullTextQuery
	Translate        = translate
	SourceFrom       = sourceFrom
	ClaimFrom        = claimFrom
	EvidenceFrom     = evidenceFrom
	ActorFrom        = actorFrom
	RelationFrom     = relationFrom
	CitationFrom     = citationFrom
	LevelEdgesFrom   = levelEdgesFrom
	SourceRow        = sourceRow
	ClaimRow         = claimRow
	ActorRow         = actorRow
	RelationRow      = relationRow
	CitationRow      = citationRow
	SpanRow          = spanRow
	RelationWriteRow = relationWriteRow
	MergeAliases     = mergeAliases
	References       = references
	Run              = run
	PlanMigrate      = (*Store).migrate
	QueryFiles       = queryFiles
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

// ReachLevels and ReachPaths are Reach with each of its two shapes, for
// BenchmarkReachShapes: one reach_level statement per level, or one
// reach_walk statement (depth 3 at most).
func (s *Store) ReachLevels(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	return s.reach(ctx, claimID, clampDepth(depth), statementLevels)
}

func (s *Store) ReachPaths(ctx context.Context, claimID string, depth int) ([]argmap.Reach, error) {
	return s.reachWalk(ctx, claimID, min(clampDepth(depth), pathsMaxDepth))
}

// RunTwice runs two statements through the auto-commit tx of readSingle
// (on no session: the second must be refused before it reaches one).
func RunTwice(ctx context.Context) error {
	a := &single{ran: true}
	_, err := a.Run(ctx, "RETURN 1", map[string]any{})
	return err
}
