package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// defaultStore is where the embedded store lives when nothing else is named.
const defaultStore = "data/argmap.db"

// storeFlag adds --store to fs, defaulting to ARGMAP_STORE or defaultStore.
func storeFlag(fs *flag.FlagSet, e *env) *string {
	def := e.getenv("ARGMAP_STORE")
	if def == "" {
		def = defaultStore
	}
	return fs.String("store", def, "store: a SQLite file path, or a Neo4j URI (neo4j://, neo4j+s://, bolt://)")
}

// storeCreators are the commands that create a SQLite store when its path
// does not exist yet (copy creates its --to store; its --from is checked
// first). Every other command refuses a missing path, so that a mistyped
// --store is an error rather than an empty answer.
var storeCreators = map[string]bool{"ingest": true, "import": true, "demo": true, "migrate": true, "copy": true}

// openStore opens the store named by loc: a Neo4j URI or a SQLite path. A
// missing SQLite file (and its directory) is created only for the commands
// in storeCreators.
func openStore(ctx context.Context, e *env, loc string) (argmap.Store, error) {
	if loc == "" {
		return nil, usagef("--store is empty")
	}
	if neo4jstore.IsNeo4jURI(loc) {
		cfg, err := neo4jstore.ConfigFromEnv(loc)
		if err != nil {
			return nil, err
		}
		st, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			return nil, err
		}
		return st, nil
	}
	if !storeCreators[e.command] {
		if _, err := os.Stat(loc); errors.Is(err, fs.ErrNotExist) {
			return nil, argmap.Errorf(argmap.ENOTFOUND, "no store at %s: 'argmap %s' reads a store and does not create one "+
				"(check the path, or create it with 'argmap ingest --store %s FILE...', 'argmap import', 'argmap demo' or 'argmap migrate --store %s')",
				loc, e.command, loc, loc)
		}
	}
	if dir := filepath.Dir(loc); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "cannot create the store directory %s: %v", dir, err)
		}
	}
	// a store written by an earlier argmap is migrated at open, which on a
	// large store can take many seconds: say so rather than sit silent
	st, err := sqlitestore.OpenNotify(ctx, loc, func(migration string) {
		fmt.Fprintf(e.stderr, "argmap: updating the store %s for this version of argmap (migration %s); on a large store this takes a while\n", loc, migration)
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}
