package sqlitestore_test

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// walFrames is the number of frames in the write-ahead log of the database
// at path, read by a connection of its own (a passive checkpoint reports
// it and waits for nobody).
func walFrames(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var busy, log, done int
	if err := db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &log, &done); err != nil {
		t.Fatal(err)
	}
	return log
}

// walSize is the size of the database's write-ahead log file, 0 when there
// is none.
func walSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if errors.Is(err, fs.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestSetWALPages checks that SetWALPages lets the write-ahead log grow past
// SQLite's 1000 pages, that putting the default back and closing the store
// empty it, and that the store reads what it wrote.
func TestSetWALPages(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name    string
		pages   int
		minLog  int // frames in the log after the writes, at least
		maxLog  int // and at most (0: no bound)
		restore bool
	}{
		// 8 transactions of ~260 pages each: the default checkpoints and
		// starts the log again whenever it passes 1000 pages
		{name: "default", pages: 0, maxLog: 1400},
		{name: "raised", pages: 100000, minLog: 2000},
		{name: "raised then default", pages: 100000, minLog: 2000, restore: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "argmap.db")
			s, err := sqlitestore.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if tc.pages > 0 {
				if err := s.SetWALPages(ctx, tc.pages); err != nil {
					t.Fatalf("SetWALPages(%d) = %v", tc.pages, err)
				}
			}
			var ids []string
			for i := range 8 {
				src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "long",
					Text: strings.Repeat(string(rune('a'+i))+" sentence of a long document. ", 1<<20/30)}
				if err := s.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}}); err != nil {
					t.Fatalf("WriteGraph() = %v", err)
				}
				ids = append(ids, src.ID)
			}
			log := walFrames(t, path)
			if log < tc.minLog || (tc.maxLog > 0 && log > tc.maxLog) {
				t.Errorf("frames in the log after 8 writes of 1 MiB = %d, want %d..%d", log, tc.minLog, tc.maxLog)
			}
			if tc.restore {
				if err := s.SetWALPages(ctx, 0); err != nil {
					t.Fatalf("SetWALPages(0) = %v", err)
				}
				if n := walSize(t, path); n != 0 {
					t.Errorf("log after SetWALPages(0) = %d bytes, want 0", n)
				}
			}
			for _, id := range ids {
				if _, err := s.Source(ctx, id); err != nil {
					t.Errorf("Source(%s) = %v", id, err)
				}
			}
			// another connection keeps the file open: Close still empties
			// the log it let grow
			other, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer other.Close()
			var n int
			if err := other.QueryRow(`SELECT count(*) FROM sources`).Scan(&n); err != nil || n != len(ids) {
				t.Fatalf("count of sources = %d, %v; want %d", n, err, len(ids))
			}
			if err := s.Close(); err != nil {
				t.Fatalf("Close() = %v", err)
			}
			if n := walSize(t, path); tc.pages > 0 && n != 0 {
				t.Errorf("log after Close = %d bytes, want 0", n)
			}
		})
	}
}
