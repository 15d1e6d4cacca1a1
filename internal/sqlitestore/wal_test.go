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

// walFrames is the size of the write-ahead log of the database at path in
// frames of 4 KiB (whatever the file's page size), read by a connection of
// its own (a passive checkpoint reports the frames and waits for nobody).
func walFrames(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var busy, log, done, size int
	if err := db.QueryRow(`PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &log, &done); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	return log * size / 4096
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
		minLog  int // frames (of 4 KiB) in the log after the writes, at least
		maxLog  int // and at most (0: no bound)
		restore bool
	}{
		// 8 transactions of ~260 pages of 4 KiB each: the default
		// checkpoints and starts the log again whenever it passes 1000
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

// TestPageSize checks that a new store's file has pages of 16 KiB, and that
// a file SQLite created with its default pages of 4 KiB keeps them and
// stores and reads a graph as before.
func TestPageSize(t *testing.T) {
	ctx := context.Background()
	pageSize := func(t *testing.T, path string) int {
		t.Helper()
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`PRAGMA page_size`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	for _, tc := range []struct {
		name string
		old  bool // the file is made by SQLite first, with its defaults
		want int
	}{
		{name: "new", want: 16384},
		{name: "made before", old: true, want: 4096},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "argmap.db")
			if tc.old {
				db, err := sql.Open("sqlite", path)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := db.Exec(`PRAGMA journal_mode = WAL; CREATE TABLE before (x)`); err != nil {
					t.Fatal(err)
				}
				db.Close()
			}
			s, err := sqlitestore.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Text: "Rents rose. Tenants left."}
			c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Rents rose.", Origin: argmap.OriginExtracted,
				Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 11}}}
			if err := s.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c}}); err != nil {
				t.Fatalf("WriteGraph() = %v", err)
			}
			got, err := s.Claim(ctx, c.ID)
			if err != nil || got.Text != c.Text || len(got.Spans) != 1 {
				t.Errorf("Claim() = %+v, %v", got, err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if n := pageSize(t, path); n != tc.want {
				t.Errorf("page size = %d, want %d", n, tc.want)
			}
		})
	}
}
