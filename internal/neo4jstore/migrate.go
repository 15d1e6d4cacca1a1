package neo4jstore

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// migration is one migration file cut into statements.
type migration struct {
	Name       string // the file name, e.g. "0001_constraints.cypher"
	Statements []statement
}

// planMigrations returns the migrations in fsys not yet in applied, in name
// order, each cut into statements. A file that holds no statement or does
// not split is an error; so is an applied name with no file (the database
// is newer than this program).
func planMigrations(fsys fs.FS, applied []string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	done := map[string]bool{}
	for _, a := range applied {
		done[a] = true
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".cypher" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	known := map[string]bool{}
	var out []migration
	for _, n := range names {
		known[n] = true
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", n, err)
		}
		sts, err := splitStatements(string(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if len(sts) == 0 {
			return nil, fmt.Errorf("%s holds no statement", n)
		}
		if done[n] {
			continue
		}
		for i := range sts {
			sts[i].Name = fmt.Sprintf("%s#%d", n, i+1)
		}
		out = append(out, migration{Name: n, Statements: sts})
	}
	var unknown []string
	for _, a := range applied {
		if !known[a] {
			unknown = append(unknown, a)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("the database has migrations this program does not know: %s", strings.Join(unknown, ", "))
	}
	return out, nil
}
