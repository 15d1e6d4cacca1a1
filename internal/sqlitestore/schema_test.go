package sqlitestore_test

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/migrations"
)

var update = flag.Bool("update", false, "rewrite migrations/sqlite_schema from the migrations")

// TestSchemaScript: a new store created by the schema script
// (migrations/sqlite_schema) is the database the migrations make one by
// one: the same schema entries, the same rows in every table (the
// full-text indexes' own tables too), the same migrations recorded and
// the same settings; and the script is the one the migrations generate
// now (-update rewrites it).
func TestSchemaScript(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	chain := filepath.Join(dir, "chain.db")
	if err := sqlitestore.MigrateTo(ctx, chain, "~"); err != nil { // every migration, one by one
		t.Fatal(err)
	}
	names := migrationNames(t, migrations.SQLite)
	last := names[len(names)-1]
	script := schemaScript(t, chain, last)
	file := filepath.Join("..", "..", "migrations", "sqlite_schema", last)
	if *update {
		old, _ := filepath.Glob(filepath.Join("..", "..", "migrations", "sqlite_schema", "*.sql"))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(file, []byte(script), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Skip("rewrote " + file + "; run the test again without -update")
	}
	if got := migrationNames(t, migrations.SQLiteSchema); !slices.Equal(got, []string{last}) {
		t.Fatalf("schema scripts %q, want one named after the last migration, %s (go test ./internal/sqlitestore -run TestSchemaScript -update)", got, last)
	}
	embedded, err := fs.ReadFile(migrations.SQLiteSchema, last)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(script, string(embedded)); diff != "" {
		t.Errorf("the migrations now make another schema than migrations/sqlite_schema/%s (-made +embedded); go test ./internal/sqlitestore -run TestSchemaScript -update:\n%s", last, diff)
	}

	fresh := filepath.Join(dir, "fresh.db")
	st, err := sqlitestore.Open(ctx, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	sameDatabase(t, chain, fresh)
}

// TestSchemaScriptThenLater: a migration later than the schema script is
// applied on top of it, and the store is the one all the migrations make;
// a script named after no migration is not used; migrations run on a
// database that is not new whatever the script.
func TestSchemaScriptThenLater(t *testing.T) {
	ctx := context.Background()
	later := fstest.MapFS{}
	for _, name := range migrationNames(t, migrations.SQLite) {
		body, err := fs.ReadFile(migrations.SQLite, name)
		if err != nil {
			t.Fatal(err)
		}
		later[name] = &fstest.MapFile{Data: body}
	}
	later["9999_later.sql"] = &fstest.MapFile{Data: []byte(`
ALTER TABLE claims ADD COLUMN later TEXT NOT NULL DEFAULT '';
CREATE TABLE later_notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL);
CREATE INDEX later_notes_note ON later_notes (note);
INSERT INTO later_notes (note) VALUES ('written by a later migration');`)}
	dir := t.TempDir()
	chain := filepath.Join(dir, "chain.db")
	if _, err := sqlitestore.MigrateWith(ctx, chain, later, nil); err != nil {
		t.Fatal(err)
	}
	all := migrationNames(t, later)
	for _, tt := range []struct {
		name   string
		schema fs.FS
	}{
		{"script", migrations.SQLiteSchema},
		{"script of no migration", fstest.MapFS{"0000_none.sql": &fstest.MapFile{Data: []byte(`CREATE TABLE wrong (id INTEGER);`)}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.db")
			applied, err := sqlitestore.MigrateWith(ctx, path, later, tt.schema)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(applied, all) {
				t.Errorf("applied %q, want every migration %q", applied, all)
			}
			sameDatabase(t, chain, path)
		})
	}
	// a script named after the last migration but not its schema shows
	// whether it was run
	wrong := fstest.MapFS{"9999_later.sql": &fstest.MapFile{Data: []byte(`CREATE TABLE wrong (id INTEGER);`)}}
	t.Run("new database, script run", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "a.db")
		applied, err := sqlitestore.MigrateWith(ctx, path, later, wrong)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(applied, all) {
			t.Errorf("applied %q, want every migration %q", applied, all)
		}
		if got := quotedRowsOf(t, openRaw(t, path), `SELECT quote(name) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'schema%'`); !slices.Equal(got, []string{"'wrong'"}) {
			t.Errorf("tables %q, want the script's 'wrong' alone", got)
		}
	})
	t.Run("not new", func(t *testing.T) {
		mine := func(path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err = db.Exec(`CREATE TABLE mine (id INTEGER)`); err != nil {
				t.Fatal(err)
			}
		}
		dir := t.TempDir()
		want, got := filepath.Join(dir, "chain.db"), filepath.Join(dir, "a.db")
		mine(want)
		mine(got)
		if _, err := sqlitestore.MigrateWith(ctx, want, later, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := sqlitestore.MigrateWith(ctx, got, later, wrong); err != nil {
			t.Fatal(err)
		}
		sameDatabase(t, want, got)
	})
}

// migrationNames returns the names of the *.sql files of fsys, sorted.
func migrationNames(t *testing.T, fsys fs.FS) []string {
	t.Helper()
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	if len(names) == 0 {
		t.Fatal("no migrations")
	}
	return names
}

// schemaScript writes the schema of the database at path as one script:
// its tables (ordinary and virtual, not the tables a virtual table keeps
// for itself), then indexes, views and triggers, each kind in the order
// they were created, then the rows of its ordinary tables but the
// migrations table.
func schemaScript(t *testing.T, path, last string) string {
	t.Helper()
	db := openRaw(t, path)
	var b strings.Builder
	fmt.Fprintf(&b, "-- The schema that the migrations up to and including %s\n", last)
	b.WriteString("-- leave in a new database, as one script: a new store runs it instead of\n")
	b.WriteString("-- them (sqlitestore applySchema). Generated, do not edit: go test\n")
	b.WriteString("-- ./internal/sqlitestore -run TestSchemaScript -update writes it again.\n")
	kinds := map[string]string{}
	rows, err := db.Query(`SELECT name, type FROM pragma_table_list WHERE schema = 'main'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			t.Fatal(err)
		}
		kinds[name] = kind
	}
	rows.Close()
	var tables []string
	for _, typ := range []string{"table", "index", "view", "trigger"} {
		rows, err := db.Query(`SELECT name, sql FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL ORDER BY rowid`, typ)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var name, text string
			if err := rows.Scan(&name, &text); err != nil {
				t.Fatal(err)
			}
			if name == "schema_migrations" || strings.HasPrefix(name, "sqlite_") || kinds[name] == "shadow" {
				continue
			}
			if kinds[name] == "table" {
				tables = append(tables, name)
			}
			b.WriteString("\n" + text + ";\n")
		}
		rows.Close()
	}
	for _, table := range tables {
		for _, row := range quotedRows(t, db, table) {
			fmt.Fprintf(&b, "\nINSERT INTO %s VALUES (%s);\n", table, row)
		}
	}
	return b.String()
}

// quotedRows returns the rows of table as lists of SQL literals, sorted.
func quotedRows(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	var cols []string
	rows, err := db.Query(`SELECT name FROM pragma_table_info(?)`, table)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, fmt.Sprintf(`quote("%s")`, c))
	}
	rows.Close()
	return quotedRowsOf(t, db, fmt.Sprintf(`SELECT %s FROM "%s"`, strings.Join(cols, ` || ', ' || `), table))
}

// sameDatabase fails unless the databases at want and got have the same
// schema entries, the same rows in every table (the migrations table's
// times left out), and the same page size, user version and encoding.
func sameDatabase(t *testing.T, want, got string) {
	t.Helper()
	describe := func(path string) []string {
		db := openRaw(t, path)
		var out []string
		rows, err := db.Query(`SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema`)
		if err != nil {
			t.Fatal(err)
		}
		var tables []string
		for rows.Next() {
			var typ, name, tbl, text string
			if err := rows.Scan(&typ, &name, &tbl, &text); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s %s on %s: %s", typ, name, tbl, text))
			if typ == "table" && !strings.HasPrefix(text, "CREATE VIRTUAL TABLE") {
				tables = append(tables, name)
			}
		}
		rows.Close()
		for _, table := range tables {
			if table == "schema_migrations" {
				names := quotedRowsOf(t, db, `SELECT quote(name) FROM schema_migrations`)
				out = append(out, "migrations "+strings.Join(names, " "))
				continue
			}
			for _, r := range quotedRows(t, db, table) {
				out = append(out, "row of "+table+": "+r)
			}
		}
		for _, p := range []string{"page_size", "user_version", "encoding", "auto_vacuum"} {
			var v string
			if err := db.QueryRow(`PRAGMA ` + p).Scan(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, p+" = "+v)
		}
		slices.Sort(out)
		return out
	}
	if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
		t.Errorf("database %s differs from %s (-want +got):\n%s", filepath.Base(got), filepath.Base(want), diff)
	}
}

// quotedRowsOf returns the one-column rows query gives, sorted.
func quotedRowsOf(t *testing.T, db *sql.DB, query string) []string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r string
		if err := rows.Scan(&r); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	slices.Sort(out)
	return out
}

// openRaw opens the database at path read-only, outside the store.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// BenchmarkOpen opens and closes a new store (its schema created) and one
// already up to date; cpu-ms/op is the process's CPU time, which a machine
// loaded by others changes less than the wall time.
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	b.Run("new", func(b *testing.B) {
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			st, err := sqlitestore.Open(ctx, filepath.Join(dir, fmt.Sprintf("new%d.db", i)))
			if err != nil {
				b.Fatal(err)
			}
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
	b.Run("existing", func(b *testing.B) {
		path := filepath.Join(dir, "existing.db")
		st, err := sqlitestore.Open(ctx, path)
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		b.ResetTimer()
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			st, err := sqlitestore.Open(ctx, path)
			if err != nil {
				b.Fatal(err)
			}
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	})
}
