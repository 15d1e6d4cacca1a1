package main

import (
	"context"
	"fmt"

	"github.com/argmap/argmap/internal/argmap"
)

// migrator is a store that can report the migrations it applied.
type migrator interface {
	Migrate(ctx context.Context) ([]string, error)
}

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlags("migrate")
	store := storeFlag(fs, e)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	m, ok := st.(migrator)
	if !ok {
		return argmap.Errorf(argmap.EUNSUPPORTED, "this store has no migrations")
	}
	applied, err := m.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(e.stdout, "schema is up to date")
	}
	for _, name := range applied {
		fmt.Fprintf(e.stdout, "applied %s\n", name)
	}
	// claims stored before the store kept link signatures get theirs, so
	// that documents ingested from now on link to them
	n, err := newIngester(st).BackfillKeys(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintf(e.stdout, "computed the link signatures of %d claims stored without them\n", n)
	}
	return nil
}
