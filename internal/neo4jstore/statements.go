package neo4jstore

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
)

// Every Cypher statement the store runs lives in queries/NAME.cypher, one
// statement per file, with a "// params:" header naming the parameters it
// takes. The names below are the only way code refers to them.
const (
	qActorCreate           = "actor_create"
	qActorDelete           = "actor_delete"
	qActorsUnnamedDelete   = "actors_unnamed_delete"
	qActorMergeRoles       = "actor_merge_roles"
	qActorSetAliases       = "actor_set_aliases"
	qActorUpdate           = "actor_update"
	qActorsByIDs           = "actors_by_ids"
	qActorsExisting        = "actors_existing"
	qActorsList            = "actors_list"
	qAllIDs                = "all_ids"
	qAuditCreate           = "audit_create"
	qAuditList             = "audit_list"
	qAwaitIndexes          = "await_indexes"
	qCitationCreate        = "citation_create"
	qCitationsAll          = "citations_all"
	qCitationsOfSource     = "citations_of_source"
	qClaimKeysCreate       = "claim_keys_create"
	qClaimKeysDelete       = "claim_keys_delete"
	qClaimSpansCreate      = "claim_spans_create"
	qClaimUpdate           = "claim_update"
	qClaimsByIDs           = "claims_by_ids"
	qClaimsByKeys          = "claims_by_keys"
	qClaimsDelete          = "claims_delete"
	qClaimsList            = "claims_list"
	qClaimsListProposition = "claims_list_proposition"
	qClaimsListSearch      = "claims_list_search"
	qClaimsSearch          = "claims_search"
	qClaimsUnkeyed         = "claims_unkeyed"
	qClaimsWrite           = "claims_write"
	qEvidenceByIDs         = "evidence_by_ids"
	qEvidenceSearch        = "evidence_search"
	qEvidenceCreate        = "evidence_create"
	qEvidenceDelete        = "evidence_delete"
	qEvidenceList          = "evidence_list"
	qEvidenceSpansCreate   = "evidence_spans_create"
	qEvidenceRolesCreate   = "evidence_roles_create"
	qEvidenceUpdate        = "evidence_update"
	qHashesExisting        = "hashes_existing"
	qIDsExisting           = "ids_existing"
	qMigrationRecord       = "migration_record"
	qMigrationsApplied     = "migrations_applied"
	qHubs                  = "hubs"
	qNeighbourLevel        = "neighbour_level"
	qNodeTexts             = "node_texts"
	qPing                  = "ping"
	qReachLevel            = "reach_level"
	qReachWalk             = "reach_walk"
	qRelationSpanCreate    = "relation_span_create"
	qRelationTargetsCreate = "relation_targets_create"
	qRelationUpdate        = "relation_update"
	qRelationsByIDs        = "relations_by_ids"
	qRelationsDelete       = "relations_delete"
	qRelationsList         = "relations_list"
	qRelationsUndercutting = "relations_undercutting"
	qRelationsUsing        = "relations_using"
	qRelationsWrite        = "relations_write"
	qRolesCreate           = "roles_create"
	qSourceByHash          = "source_by_hash"
	qSourceCreate          = "source_create"
	qSourceDelete          = "source_delete"
	qSourceGet             = "source_get"
	qSourceOrphans         = "source_orphans"
	qSourceTexts           = "source_texts"
	qSourcesAll            = "sources_all"
	qSourcesByIDs          = "sources_by_ids"
	qSourcesExisting       = "sources_existing"
	qSourcesList           = "sources_list"
	qStats                 = "stats"
	qUndercutsWrite        = "undercuts_write"
	qWipeBatch             = "wipe_batch"
)

// statementNames lists every name above; loadStatements requires a file for
// each and no file without one.
var statementNames = []string{
	qActorCreate, qActorDelete, qActorsUnnamedDelete, qActorMergeRoles, qActorSetAliases, qActorUpdate, qActorsByIDs,
	qActorsExisting, qActorsList, qAllIDs, qAuditCreate, qAuditList, qAwaitIndexes, qCitationCreate, qCitationsAll, qCitationsOfSource,
	qClaimKeysCreate, qClaimKeysDelete, qClaimSpansCreate, qClaimUpdate, qClaimsByIDs, qClaimsByKeys, qClaimsDelete, qClaimsList,
	qClaimsListProposition, qClaimsListSearch, qClaimsSearch, qClaimsUnkeyed, qClaimsWrite, qEvidenceByIDs, qEvidenceSearch, qEvidenceCreate, qEvidenceDelete, qEvidenceList,
	qEvidenceSpansCreate, qEvidenceRolesCreate, qEvidenceUpdate, qHashesExisting, qHubs, qIDsExisting, qMigrationRecord,
	qMigrationsApplied, qNeighbourLevel, qNodeTexts, qPing, qReachLevel, qReachWalk,
	qRelationSpanCreate, qRelationTargetsCreate, qRelationUpdate, qRelationsByIDs, qRelationsDelete, qRelationsList,
	qRelationsUndercutting, qRelationsUsing, qRelationsWrite, qRolesCreate, qSourceByHash, qSourceCreate, qSourceDelete,
	qSourceGet, qSourceOrphans, qSourceTexts, qSourcesAll, qSourcesByIDs, qSourcesExisting,
	qSourcesList, qStats, qUndercutsWrite, qWipeBatch,
}

//go:embed queries/*.cypher
var queryFiles embed.FS

// statements holds every query by name; statementsErr is why loading failed
// (Open reports it). Both are set once at init and never changed.
var statements, statementsErr = loadStatements(mustSub(queryFiles, "queries"), statementNames)

func mustSub(f fs.FS, dir string) fs.FS {
	sub, err := fs.Sub(f, dir)
	if err != nil {
		// fs.Sub fails only for an invalid path, a programming error.
		panic("neo4jstore: " + err.Error())
	}
	return sub
}

// loadStatements reads NAME.cypher files from fsys and checks them against
// names: every name needs a file and every file a name, names are unique, a
// file holds exactly one statement, and the parameters its "// params:"
// header declares are exactly those its code uses. All problems are reported.
func loadStatements(fsys fs.FS, names []string) (map[string]statement, error) {
	var problems []string
	want := map[string]bool{}
	for _, n := range names {
		if want[n] {
			problems = append(problems, fmt.Sprintf("statement name %q is listed twice", n))
		}
		want[n] = true
	}
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read queries: %w", err)
	}
	out := map[string]statement{}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".cypher" {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ".cypher")
		if !want[name] {
			problems = append(problems, fmt.Sprintf("%s: no statement name refers to it", e.Name()))
			continue
		}
		b, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.Name(), err)
		}
		st, err := parseQueryFile(name, string(b))
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", e.Name(), err))
			continue
		}
		out[name] = st
	}
	for _, n := range names {
		if _, ok := out[n]; !ok && want[n] && !slices.ContainsFunc(problems, func(p string) bool { return strings.HasPrefix(p, n+".cypher:") }) {
			problems = append(problems, fmt.Sprintf("statement %q has no file queries/%s.cypher", n, n))
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("neo4j queries: %s", strings.Join(problems, "; "))
	}
	return out, nil
}

// parseQueryFile checks one query file and returns its statement.
func parseQueryFile(name, src string) (statement, error) {
	params, ok, err := paramsHeader(src)
	if err != nil {
		return statement{}, err
	}
	if !ok {
		return statement{}, fmt.Errorf("no \"// params:\" line")
	}
	sts, err := splitStatements(src)
	if err != nil {
		return statement{}, err
	}
	if len(sts) != 1 {
		return statement{}, fmt.Errorf("holds %d statements, want 1", len(sts))
	}
	st := sts[0]
	st.Name, st.Params = name, params
	if used := usedParams(st.Text); !slices.Equal(used, params) {
		return statement{}, fmt.Errorf("uses parameters %v but declares %v", used, params)
	}
	return st, nil
}

// checkParams reports whether params carries exactly the parameters st
// declares: a missing one would fail on the server, an extra one is a typo.
func (st statement) checkParams(params map[string]any) error {
	if len(params) != len(st.Params) {
		return fmt.Errorf("statement %s: got %d parameters, want %v", st.Name, len(params), st.Params)
	}
	for _, p := range st.Params {
		if _, ok := params[p]; !ok {
			return fmt.Errorf("statement %s: parameter $%s missing", st.Name, p)
		}
	}
	return nil
}
