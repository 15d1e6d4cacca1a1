package neo4jstore_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/neo4jstore"
)

// TestConformance runs the store conformance suite against the Neo4j server
// named by ARGMAP_NEO4J_URI (with ARGMAP_NEO4J_USER, ARGMAP_NEO4J_PASSWORD,
// ARGMAP_NEO4J_DATABASE). The database is wiped before every subtest: point
// it at a database you can lose. scripts/test-neo4j.sh runs it.
func TestConformance(t *testing.T) {
	uri := os.Getenv("ARGMAP_NEO4J_URI")
	if uri == "" {
		t.Skip("ARGMAP_NEO4J_URI is not set: no Neo4j server to run the conformance suite against (see scripts/test-neo4j.sh)")
	}
	cfg, err := neo4jstore.ConfigFromEnv(uri)
	if err != nil {
		t.Fatal(err)
	}
	argmaptest.RunStoreTests(t, func(t *testing.T) argmap.Store {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		s, err := neo4jstore.Open(ctx, cfg)
		if err != nil {
			t.Fatalf("Open(%s) = %v", uri, err)
		}
		if err := s.Wipe(ctx); err != nil {
			s.Close()
			t.Fatalf("Wipe() = %v", err)
		}
		return s
	})
}

// TestMigrateTwice checks on a live server that migrating is idempotent: the
// second run applies nothing.
func TestMigrateTwice(t *testing.T) {
	uri := os.Getenv("ARGMAP_NEO4J_URI")
	if uri == "" {
		t.Skip("ARGMAP_NEO4J_URI is not set: no Neo4j server (see scripts/test-neo4j.sh)")
	}
	cfg, err := neo4jstore.ConfigFromEnv(uri)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open = %v", err)
	}
	defer s.Close()
	applied, err := s.Migrate(ctx)
	if err != nil || len(applied) != 0 {
		t.Errorf("Migrate() after Open = %v, %v; want nothing applied", applied, err)
	}
}
