package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/neo4jstore"
	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/google/go-cmp/cmp"
)

// TestCopyRoundTrip copies the demo store through a second store and back
// into a fresh SQLite file and checks that the two SQLite dumps are
// identical. The middle store is SQLite always and Neo4j when
// ARGMAP_NEO4J_URI names a server (scripts/test-neo4j.sh), whose database
// the test wipes first.
func TestCopyRoundTrip(t *testing.T) {
	demoStore := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := cli(t, nil, "demo", "--no-serve", "--store", demoStore); code != 0 {
		t.Fatalf("demo --no-serve exit code = %d; stderr:\n%s", code, stderr)
	}
	want := dumpSQLite(t, demoStore)
	if len(want.Claims) == 0 || len(want.Relations) == 0 {
		t.Fatalf("the demo store holds %+v, want claims and relations", want.Counts())
	}
	tests := []struct {
		name   string
		middle func(t *testing.T) (loc string, envv map[string]string)
	}{
		{"sqlite", func(t *testing.T) (string, map[string]string) {
			return filepath.Join(t.TempDir(), "middle.db"), nil
		}},
		{"neo4j", func(t *testing.T) (string, map[string]string) {
			uri := os.Getenv("ARGMAP_NEO4J_URI")
			if uri == "" {
				t.Skip("ARGMAP_NEO4J_URI is not set: no Neo4j server (scripts/test-neo4j.sh starts one)")
			}
			wipeNeo4j(t, uri)
			envv := map[string]string{}
			for _, k := range []string{neo4jstore.EnvUser, neo4jstore.EnvPassword, neo4jstore.EnvDatabase} {
				envv[k] = os.Getenv(k)
			}
			return uri, envv
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			middle, envv := tc.middle(t)
			back := filepath.Join(t.TempDir(), "back.db")
			for _, step := range [][2]string{{demoStore, middle}, {middle, back}} {
				code, _, stderr := cli(t, envv, "copy", "--from", step[0], "--to", step[1])
				if code != 0 || !strings.Contains(stderr, "counts verified") {
					t.Fatalf("copy --from %s --to %s: exit code %d, stderr %q", step[0], step[1], code, stderr)
				}
			}
			if diff := cmp.Diff(want, dumpSQLite(t, back)); diff != "" {
				t.Errorf("dump after demo -> %s -> SQLite differs (-demo +back):\n%s", tc.name, diff)
			}
		})
	}
}

// dumpSQLite returns the whole graph of the SQLite store at path.
func dumpSQLite(t *testing.T, path string) *argmap.Graph {
	t.Helper()
	ctx := context.Background()
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("sqlitestore.Open(%s) = %v", path, err)
	}
	defer st.Close()
	g, err := st.Dump(ctx)
	if err != nil {
		t.Fatalf("Dump(%s) = %v", path, err)
	}
	return g
}

// wipeNeo4j empties the Neo4j database uri names.
func wipeNeo4j(t *testing.T, uri string) {
	t.Helper()
	cfg, err := neo4jstore.ConfigFromEnv(uri)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatalf("neo4jstore.Open = %v", err)
	}
	defer st.Close()
	if err := st.Wipe(ctx); err != nil {
		t.Fatalf("Wipe = %v", err)
	}
}
