package main

import (
	"context"
	"flag"
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

// openStore opens the store named by loc: a Neo4j URI or a SQLite path (its
// directory is created if missing).
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
	if dir := filepath.Dir(loc); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "cannot create the store directory %s: %v", dir, err)
		}
	}
	st, err := sqlitestore.Open(ctx, loc)
	if err != nil {
		return nil, err
	}
	return st, nil
}
