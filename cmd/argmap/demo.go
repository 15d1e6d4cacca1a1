package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/scripts/demo"
)

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags("demo")
	store := storeFlag(fs, e)
	addr := fs.String("addr", envOr(e, "ARGMAP_ADDR", "127.0.0.1:8080"), "address to listen on")
	noServe := fs.Bool("no-serve", false, "ingest the demo corpus and exit without serving")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	cfg, err := apiConfig(e)
	if err != nil {
		return err
	}
	files, err := demo.Files()
	if err != nil {
		return argmap.WrapInternal(err, "cannot read the bundled demo corpus")
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	var l net.Listener
	if !*noServe {
		// take the address before ingesting: a busy port fails at once
		if l, err = listen(*addr); err != nil {
			return err
		}
		defer l.Close()
	}
	fmt.Fprintf(e.stderr, "argmap demo: ingesting %d bundled documents into %s\n", len(files), *store)
	svc := newIngester(st)
	failed := 0
	for _, f := range files {
		start := time.Now()
		res, err := svc.Ingest(ctx, argmap.Document{Name: f.Name, URI: f.Path, MediaType: mediaType(f.Name), Data: f.Data})
		switch {
		case err != nil:
			failed++
			fmt.Fprintf(e.stderr, "  %-34s error: %s\n", f.Name, argmap.ErrorMessage(err))
		case !res.Created:
			fmt.Fprintf(e.stderr, "  %-34s unchanged\n", f.Name)
		default:
			fmt.Fprintf(e.stderr, "  %-34s %3d claims %3d evidence %3d relations  (%v)\n", f.Name,
				res.Counts.Claims, res.Counts.Evidence, res.Counts.Relations, time.Since(start).Round(time.Millisecond))
		}
	}
	n, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "store holds %d sources, %d claims, %d evidence, %d actors, %d relations\n",
		n.Sources, n.Claims, n.Evidence, n.Actors, n.Relations)
	if failed > 0 {
		return &reportedError{msg: fmt.Sprintf("%d demo documents failed", failed)}
	}
	fmt.Fprintf(e.stderr, "try:  go run ./cmd/argmap supporters --store %s \"the voluntariness of assisted voluntary return is contested\"\n", *store)
	if *noServe {
		return nil
	}
	if len(cfg.Tokens) == 0 {
		tok := newToken()
		cfg.Tokens = []string{"demo:" + tok}
		fmt.Fprintf(e.stderr, "write token for this run (set ARGMAP_API_TOKENS to choose your own): %s\n", tok)
	}
	fmt.Fprintf(e.stderr, "listening: open http://%s/ in a browser; Ctrl-C stops the server\n", l.Addr())
	return serve(ctx, e, st, cfg, l)
}
