package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"syscall"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/webui"
)

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags("serve")
	store := storeFlag(fs, e)
	addr := fs.String("addr", envOr(e, "ARGMAP_ADDR", "127.0.0.1:8080"), "address to listen on")
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
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	l, err := listen(*addr)
	if err != nil {
		return err
	}
	return serve(ctx, e, st, cfg, l)
}

// listen opens the API's address, explaining the usual failures: the port
// taken by another program, a privileged port, a host that is not this
// machine's.
func listen(addr string) (net.Listener, error) {
	l, err := net.Listen("tcp", addr)
	if err == nil {
		return l, nil
	}
	hint := "choose another address with --addr HOST:PORT (or ARGMAP_ADDR), e.g. --addr 127.0.0.1:8081"
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "cannot listen on %s: the address is already in use (another argmap or another program is serving there); %s", addr, hint)
	case errors.Is(err, syscall.EACCES):
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "cannot listen on %s: permission denied (ports below 1024 need privileges); %s", addr, hint)
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "cannot listen on %s: that host is not an address of this machine; %s", addr, hint)
	}
	return nil, argmap.Errorf(argmap.EUNAVAILABLE, "cannot listen on %s: %v; %s", addr, err, hint)
}

// serve runs the API on l until ctx is cancelled (SIGINT, SIGTERM).
func serve(ctx context.Context, e *env, st argmap.Store, cfg httpapi.Config, l net.Listener) error {
	defer l.Close()
	r, closeR, err := newRenderer(ctx, e)
	if err != nil {
		return err
	}
	defer closeR()
	srv := newAPI(st, cfg, r)
	if w, ok := st.(interface {
		Warm(context.Context) (bool, error)
	}); ok {
		// the store's relations and texts read into memory now, so that
		// the first questions are answered from them; until then, and
		// when the store is too big to keep, answers read SQL
		go func() { _, _ = w.Warm(ctx) }()
	}
	fmt.Fprintf(e.stderr, "argmap: serving on http://%s (map: http://%s/v1/map.svg, API: http://%s/openapi.yaml)\n", l.Addr(), l.Addr(), l.Addr())
	return srv.Serve(ctx, l)
}

// newAPI wires the API and the web app over st as serve runs them.
func newAPI(st argmap.Store, cfg httpapi.Config, r argmap.Renderer) *httpapi.Server {
	ss, judge := withSearch(st), extract.NewStancer()
	ui := webui.New(ss, webui.Options{Logger: cfg.Logger, ReadLocked: cfg.ReadTokensRequired, DefaultDepth: cfg.DefaultDepth, Judge: judge})
	return httpapi.New(cfg, httpapi.Deps{Store: ss, Ingester: newIngester(st), Renderer: r, Judge: judge, Interchange: newInterchange(st), UI: ui})
}

// apiConfig reads the API's settings from the environment.
func apiConfig(e *env) (httpapi.Config, error) {
	cfg := httpapi.Config{
		Logger:       slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo})),
		DefaultDepth: argmap.DefaultDepth,
	}
	for _, t := range strings.Split(e.getenv("ARGMAP_API_TOKENS"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			cfg.Tokens = append(cfg.Tokens, t)
		}
	}
	for _, t := range strings.Split(e.getenv("ARGMAP_API_READ_TOKENS"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			cfg.ReadTokens = append(cfg.ReadTokens, t)
		}
	}
	if v := e.getenv("ARGMAP_READ_TOKENS_REQUIRED"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return cfg, usagef("ARGMAP_READ_TOKENS_REQUIRED=%q is not true or false", v)
		}
		cfg.ReadTokensRequired = b
	}
	if v := e.getenv("ARGMAP_MAX_BODY_BYTES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			return cfg, usagef("ARGMAP_MAX_BODY_BYTES=%q is not a positive number", v)
		}
		cfg.MaxBodyBytes = n
	}
	for _, o := range strings.Split(e.getenv("ARGMAP_CORS_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.CORSOrigins = append(cfg.CORSOrigins, o)
		}
	}
	return cfg, nil
}

func envOr(e *env, key, def string) string {
	if v := e.getenv(key); v != "" {
		return v
	}
	return def
}

// newToken returns a random bearer token.
func newToken() string {
	var b [18]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
