package sqlitestore_test

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	_ "modernc.org/sqlite"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/migrations"
)

// applied reads schema_migrations straight from the file.
func applied(t *testing.T, path string) map[string]int64 {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, applied_at FROM schema_migrations`)
	if err != nil {
		t.Fatalf("read schema_migrations: %v", err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var name string
		var at int64
		if err := rows.Scan(&name, &at); err != nil {
			t.Fatal(err)
		}
		out[name] = at
	}
	return out
}

func TestMigrationsRecordedOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Kept across reopening", Origin: argmap.OriginCurated}
	if err := s.CreateClaim(ctx, &c); err != nil {
		t.Fatalf("CreateClaim() = %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	first := applied(t, path)
	files, err := fs.Glob(migrations.SQLite, "*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migration files = %v, %v; want some", files, err)
	}
	var names []string
	for n := range first {
		names = append(names, n)
	}
	if diff := cmp.Diff(files, names, cmp.Transformer("sort", func(in []string) map[string]bool {
		m := map[string]bool{}
		for _, s := range in {
			m[s] = true
		}
		return m
	})); diff != "" {
		t.Errorf("recorded migrations (-files +recorded):\n%s", diff)
	}

	s, err = sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open() = %v", err)
	}
	defer s.Close()
	if diff := cmp.Diff(first, applied(t, path)); diff != "" {
		t.Errorf("schema_migrations changed on reopening (-before +after):\n%s", diff)
	}
	got, err := s.Claim(ctx, c.ID)
	if err != nil {
		t.Fatalf("Claim() after reopening = %v", err)
	}
	if got.Text != c.Text {
		t.Errorf("Claim().Text after reopening = %q, want %q", got.Text, c.Text)
	}
	hits, err := s.SearchClaims(ctx, "reopening", 5)
	if err != nil || len(hits) != 1 {
		t.Errorf("SearchClaims(reopening) after reopening = %v, %v; want 1 hit", hits, err)
	}
}

func TestOpenTwice(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "twice.db")
	var wg sync.WaitGroup
	stores := make([]*sqlitestore.Store, 2)
	errs := make([]error, 2)
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = sqlitestore.Open(ctx, path)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("concurrent Open() #%d = %v", i, err)
		}
		defer stores[i].Close()
	}
	a := argmap.Actor{ID: argmap.NewID(argmap.KindActor), Name: "IOM"}
	if err := stores[0].CreateActor(ctx, &a); err != nil {
		t.Fatalf("CreateActor() = %v", err)
	}
	got, err := stores[1].Actor(ctx, a.ID)
	if err != nil || got.Name != "IOM" {
		t.Fatalf("Actor() through the other store = %+v, %v; want IOM", got, err)
	}
	if n := len(applied(t, path)); n == 0 {
		t.Errorf("no migration recorded")
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, path, code string
	}{
		{"empty", "", argmap.EINVALID},
		{"memory", ":memory:", argmap.EINVALID},
		{"missing directory", filepath.Join(t.TempDir(), "no", "such", "dir", "x.db"), argmap.EUNAVAILABLE},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := sqlitestore.Open(ctx, tc.path)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded, want an error", tc.path)
			}
			if got := argmap.ErrorCode(err); got != tc.code {
				t.Errorf("Open(%q) error = %v (code %q), want code %q", tc.path, err, got, tc.code)
			}
		})
	}
}

// TestReadsDuringWrite holds SQLite's write lock from another connection and
// checks that the store's readers carry on, in parallel, meanwhile.
func TestReadsDuringWrite(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wal.db")
	s, err := sqlitestore.Open(ctx, path)
	if err != nil {
		t.Fatalf("Open() = %v", err)
	}
	defer s.Close()
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "Readers are not blocked by writers", Origin: argmap.OriginCurated}
	if err := s.CreateClaim(ctx, &c); err != nil {
		t.Fatalf("CreateClaim() = %v", err)
	}

	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	// EXCLUSIVE would lock readers out of a rollback-journal database; under
	// write-ahead logging they carry on.
	if _, err := conn.ExecContext(ctx, `BEGIN EXCLUSIVE`); err != nil {
		t.Fatalf("BEGIN EXCLUSIVE: %v", err)
	}
	if _, err := conn.ExecContext(ctx, `UPDATE claims SET text = 'uncommitted' WHERE id = ?`, c.ID); err != nil {
		t.Fatalf("UPDATE: %v", err)
	}

	const readers = 8
	var wg sync.WaitGroup
	errs := make(chan error, readers)
	start := time.Now()
	for i := 0; i < readers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rctx, cancel := context.WithTimeout(ctx, 3*time.Second)
			defer cancel()
			got, err := s.Claim(rctx, c.ID)
			if err == nil && got.Text != c.Text {
				t.Errorf("Claim().Text during a write = %q, want the committed %q", got.Text, c.Text)
			}
			if err == nil {
				_, err = s.SearchClaims(rctx, "readers blocked", 5)
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("read during a write = %v, want it served", err)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("reads during a write took %v, want them not to wait for the writer", d)
	}
	if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatalf("ROLLBACK: %v", err)
	}
	// With the lock released the store writes again.
	text := "Writers resume"
	if _, err := s.UpdateClaim(ctx, c.ID, argmap.ClaimUpdate{Text: &text}); err != nil {
		t.Errorf("UpdateClaim() after the lock = %v", err)
	}
}
