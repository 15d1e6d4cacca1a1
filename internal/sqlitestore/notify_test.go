package sqlitestore_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/migrations"
)

// TestOpenNotify: a store written by an earlier version is told each
// migration it is about to get, in order; a new store and a store already
// up to date are told nothing.
func TestOpenNotify(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	entries, err := fs.ReadDir(migrations.SQLite, ".")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".sql" {
			all = append(all, e.Name())
		}
	}
	sort.Strings(all)
	if len(all) < 2 {
		t.Fatalf("%d migrations embedded, want at least 2", len(all))
	}
	last := all[len(all)-2] // the store of a version one migration behind

	tests := []struct {
		name  string
		setup func(t *testing.T, path string)
		want  []string
	}{
		{"new store", func(*testing.T, string) {}, nil},
		{"one migration behind", func(t *testing.T, path string) {
			if err := sqlitestore.MigrateTo(ctx, path, last); err != nil {
				t.Fatal(err)
			}
		}, all[len(all)-1:]},
		{"at the first migration", func(t *testing.T, path string) {
			if err := sqlitestore.MigrateTo(ctx, path, all[0]); err != nil {
				t.Fatal(err)
			}
		}, all[1:]},
		{"up to date", func(t *testing.T, path string) {
			st, err := sqlitestore.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
		}, nil},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, string(rune('a'+i))+".db")
			tt.setup(t, path)
			var got []string
			st, err := sqlitestore.OpenNotify(ctx, path, func(m string) { got = append(got, m) })
			if err != nil {
				t.Fatalf("OpenNotify: %v", err)
			}
			defer st.Close()
			if !slices.Equal(got, tt.want) {
				t.Errorf("told %q, want %q", got, tt.want)
			}
		})
	}
}
