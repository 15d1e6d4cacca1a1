package main

import (
	"context"
	"fmt"

	"github.com/argmap/argmap/internal/argmap"
)

func runCopy(ctx context.Context, e *env, args []string) error {
	fs := newFlags("copy")
	from := fs.String("from", "", "store to copy from (SQLite path or Neo4j URI)")
	to := fs.String("to", "", "store to copy into; it must not already hold any of the records")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	if *from == "" || *to == "" {
		return usagef("both --from and --to are required")
	}
	if *from == *to {
		return usagef("--from and --to name the same store")
	}
	// the source store must exist: copy creates only its destination
	src, err := openStore(ctx, &env{stdout: e.stdout, stderr: e.stderr, getenv: e.getenv, command: "copy --from"}, *from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(ctx, e, *to)
	if err != nil {
		return err
	}
	defer dst.Close()
	n, err := copyGraph(ctx, src, dst)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "copied %d sources, %d claims, %d evidence, %d actors, %d relations, %d citations; counts verified\n",
		n.Sources, n.Claims, n.Evidence, n.Actors, n.Relations, n.Citations)
	// a dump carries no link signatures: the copies get theirs computed, so
	// that documents ingested into the destination link to them
	if _, err := newIngester(dst).BackfillKeys(ctx); err != nil {
		return err
	}
	return nil
}

// copyGraph writes every record of src into dst in one transaction and
// verifies that dst grew by exactly what src holds.
func copyGraph(ctx context.Context, src, dst argmap.Store) (argmap.Counts, error) {
	want, err := src.Stats(ctx)
	if err != nil {
		return argmap.Counts{}, err
	}
	before, err := dst.Stats(ctx)
	if err != nil {
		return argmap.Counts{}, err
	}
	g, err := src.Dump(ctx)
	if err != nil {
		return argmap.Counts{}, err
	}
	if got := g.Counts(); got != want {
		return argmap.Counts{}, argmap.Errorf(argmap.EINTERNAL, "the source store changed while it was read (%+v, then %+v)", want, got)
	}
	if err := dst.WriteGraph(ctx, g); err != nil {
		return argmap.Counts{}, err
	}
	after, err := dst.Stats(ctx)
	if err != nil {
		return argmap.Counts{}, err
	}
	grew := argmap.Counts{
		Sources: after.Sources - before.Sources, Claims: after.Claims - before.Claims,
		Evidence: after.Evidence - before.Evidence, Actors: after.Actors - before.Actors,
		Relations: after.Relations - before.Relations, Citations: after.Citations - before.Citations,
	}
	// Actors are upserted and cited sources kept, so those may grow by less.
	if grew.Claims != want.Claims || grew.Evidence != want.Evidence || grew.Relations != want.Relations ||
		grew.Citations != want.Citations || grew.Sources > want.Sources || grew.Actors > want.Actors {
		return grew, argmap.Errorf(argmap.EINTERNAL, "copy verification failed: source has %+v, target grew by %+v", want, grew)
	}
	return want, nil
}
