package sqlitestore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// open returns a store on a fresh file in t's temporary directory.
func open(t testing.TB) *sqlitestore.Store {
	t.Helper()
	s, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	return s
}

func TestConformance(t *testing.T) {
	argmaptest.RunStoreTests(t, func(t *testing.T) argmap.Store { return open(t) })
}
