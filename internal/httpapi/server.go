// Package httpapi serves argmap over HTTP with gin: sources, claims,
// evidence, actors and relations as REST resources, the supporters question,
// graph views and rendered argument maps. Every route is described in
// api/openapi.yaml, which the server also serves.
package httpapi

import (
	"context"
	"crypto/sha256"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/argmap/argmap/api"
	"github.com/argmap/argmap/internal/argmap"
)

// DefaultMaxBodyBytes is the request size limit when Config.MaxBodyBytes is 0.
const DefaultMaxBodyBytes = 60 << 20

// DefaultRequestTimeout bounds one request's work when
// Config.RequestTimeout is 0.
const DefaultRequestTimeout = 100 * time.Second

// DefaultShutdownTimeout bounds how long Serve waits for in-flight requests
// when Config.ShutdownTimeout is 0.
const DefaultShutdownTimeout = 30 * time.Second

// Server timeouts. WriteTimeout is long enough for a large render.
const (
	ReadHeaderTimeout = 10 * time.Second
	ReadTimeout       = 2 * time.Minute
	WriteTimeout      = 2 * time.Minute
	IdleTimeout       = 2 * time.Minute
)

// Config configures a Server. The zero value serves reads to anyone and
// refuses every write.
type Config struct {
	// Tokens are the bearer tokens that may write (and read), each either
	// "name:token" or a plain token, named token-N by its position (1-based).
	// The name is the "who" of the token's changes in the audit trail.
	// Empty strings are ignored.
	Tokens []string
	// ReadTokens are bearer tokens that may only read: a write with one is
	// answered 403.
	ReadTokens []string
	// ReadTokensRequired makes reads need a token too (a read or write token).
	// The health check, the spec and the home page stay open.
	ReadTokensRequired bool
	// AllowAnonymousWrites lets requests without a token write when no write
	// tokens are configured. It is meant for a local demo only; when tokens
	// are configured it has no effect.
	AllowAnonymousWrites bool
	// MaxBodyBytes limits the size of a request body (default 60 MiB).
	MaxBodyBytes int64
	// CORSOrigins lists the origins allowed to call the API from a browser;
	// "*" allows any. CORS is off when empty.
	CORSOrigins []string
	// Logger receives access logs and the causes of 5xx answers; nil discards
	// them.
	Logger *slog.Logger
	// DefaultDepth is how many relations deep maps and questions by claim ID
	// look when the request does not say (default argmap.DefaultDepth); a
	// question in words looks argmap.DefaultTextDepth deep.
	DefaultDepth int
	// ShutdownTimeout bounds the wait for in-flight requests in Serve
	// (default 30 s).
	ShutdownTimeout time.Duration
	// RequestTimeout bounds the work of one request: its context is cancelled
	// after it, and a store or renderer that gives up answers 503 (default
	// 100 s, under the server's WriteTimeout).
	RequestTimeout time.Duration
}

// Deps are the services a Server calls.
type Deps struct {
	Store    argmap.Store
	Ingester argmap.Ingester
	Renderer argmap.Renderer
	// Judge decides which matched claims state or deny a question; nil
	// takes the best full-text matches as stating it.
	Judge argmap.Judge
	// Interchange imports and exports Argdown and AIF maps; nil answers 503
	// on those routes.
	Interchange argmap.Interchange
	// UI is the web app (package webui), served at / and under /ui/. Nil
	// serves the small home page instead.
	UI http.Handler
}

// Server is argmap's HTTP API. Create one with New.
type Server struct {
	cfg         Config
	store       argmap.Store
	ingester    argmap.Ingester
	renderer    argmap.Renderer
	judge       argmap.Judge
	interchange argmap.Interchange
	ui          http.Handler
	log         *slog.Logger
	writeKeys   [][sha256.Size]byte
	writeNames  []string
	auditSeq    atomic.Uint64 // orders audit entries recorded in one millisecond
	readKeys    [][sha256.Size]byte
	corsAll     bool
	corsOrigin  map[string]bool
	engine      *gin.Engine
}

// New returns a Server for the configuration and dependencies. It puts gin in
// release mode so that gin itself never prints.
func New(cfg Config, d Deps) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.DefaultDepth <= 0 {
		cfg.DefaultDepth = argmap.DefaultDepth
	}
	if cfg.DefaultDepth > argmap.MaxDepth {
		cfg.DefaultDepth = argmap.MaxDepth
	}
	if cfg.ShutdownTimeout <= 0 {
		cfg.ShutdownTimeout = DefaultShutdownTimeout
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = DefaultRequestTimeout
	}
	s := &Server{
		cfg:         cfg,
		store:       d.Store,
		ingester:    d.Ingester,
		renderer:    d.Renderer,
		judge:       d.Judge,
		interchange: d.Interchange,
		ui:          d.UI,
		log:         cfg.Logger,
		corsOrigin:  map[string]bool{},
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	for i, t := range cfg.Tokens {
		if t != "" {
			name, tok := parseToken(t, i+1)
			s.writeKeys = append(s.writeKeys, sha256.Sum256([]byte(tok)))
			s.writeNames = append(s.writeNames, name)
		}
	}
	for _, t := range cfg.ReadTokens {
		if t != "" {
			s.readKeys = append(s.readKeys, sha256.Sum256([]byte(t)))
		}
	}
	for _, o := range cfg.CORSOrigins {
		o = strings.TrimRight(strings.TrimSpace(o), "/")
		switch o {
		case "":
		case "*":
			s.corsAll = true
		default:
			s.corsOrigin[o] = true
		}
	}
	s.engine = s.routes()
	return s
}

// Handler returns the http.Handler serving the API.
func (s *Server) Handler() http.Handler { return s.engine }

// Serve serves on l until ctx is cancelled, then shuts down gracefully:
// requests in flight finish (their contexts are not cancelled with ctx), for
// at most Config.ShutdownTimeout, after which remaining connections are
// closed. It returns nil after a clean shutdown.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	srv := &http.Server{
		Handler:           s.engine,
		ReadHeaderTimeout: ReadHeaderTimeout,
		ReadTimeout:       ReadTimeout,
		WriteTimeout:      WriteTimeout,
		IdleTimeout:       IdleTimeout,
		MaxHeaderBytes:    1 << 20,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(l) }()
	select {
	case err := <-errc:
		return argmap.Errorf(argmap.EUNAVAILABLE, "serve: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
		s.log.Warn("serve ended with an error", "err", serr)
	}
	if err != nil {
		_ = srv.Close()
		return argmap.Errorf(argmap.EUNAVAILABLE, "shutdown did not finish in %s: %w", s.cfg.ShutdownTimeout, err)
	}
	return nil
}

// routes builds the gin engine. Every route here is in api/openapi.yaml.
func (s *Server) routes() *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.RedirectFixedPath = false
	// Trust no proxy headers: the access log records the peer address.
	_ = e.SetTrustedProxies(nil) // cannot fail for nil
	e.Use(s.requestID(), s.accessLog(), s.recoverer(), s.timeout(), s.cors(), s.limitBody(), s.checkInput())
	e.NoRoute(func(c *gin.Context) {
		s.fail(c, argmap.Errorf(argmap.ENOTFOUND, "no route for %s %s", c.Request.Method, c.Request.URL.Path))
	})
	e.NoMethod(func(c *gin.Context) {
		s.fail(c, &argmap.Error{Code: codeMethodNotAllowed,
			Message: "method " + c.Request.Method + " is not allowed here; allowed: " + c.Writer.Header().Get("Allow")})
	})

	e.GET("/", s.home)
	e.GET("/ui/*path", s.webApp)
	e.GET("/healthz", s.healthz)
	e.GET("/openapi.yaml", s.openAPI)

	r := e.Group("/v1", s.requireRead())
	w := e.Group("/v1", s.requireWrite())

	w.POST("/sources", s.createSource)
	r.GET("/sources", s.listSources)
	r.GET("/sources/:id", s.getSource)
	r.GET("/sources/:id/map.svg", s.sourceMap(argmap.FormatSVG))
	r.GET("/sources/:id/map.png", s.sourceMap(argmap.FormatPNG))
	r.GET("/sources/:id/map.dot", s.sourceMap(argmap.FormatDOT))
	w.DELETE("/sources/:id", deleteByID(s, argmap.KindSource, sourceForAudit, nil, argmap.Store.DeleteSource))

	w.POST("/claims", s.createClaim)
	r.GET("/claims", s.listClaims)
	r.GET("/claims/search", s.searchClaims)
	r.GET("/claims/:id", getByID(s, argmap.KindClaim, s.store.Claim))
	w.PATCH("/claims/:id", s.updateClaim)
	w.POST("/claims/:id/merge", s.mergeClaim)
	w.DELETE("/claims/:id", deleteByID(s, argmap.KindClaim, argmap.Store.Claim, nil, argmap.Store.DeleteClaim))
	r.GET("/claims/:id/supporters", s.claimSupporters)
	r.GET("/claims/:id/contesters", s.claimContesters)
	r.GET("/claims/:id/map.svg", s.claimMap(argmap.FormatSVG))
	r.GET("/claims/:id/map.png", s.claimMap(argmap.FormatPNG))
	r.GET("/claims/:id/map.dot", s.claimMap(argmap.FormatDOT))

	w.POST("/evidence", s.createEvidence)
	r.GET("/evidence", s.listEvidence)
	r.GET("/evidence/:id", getByID(s, argmap.KindEvidence, s.store.Evidence))
	w.PATCH("/evidence/:id", s.updateEvidence)
	w.DELETE("/evidence/:id", deleteByID(s, argmap.KindEvidence, argmap.Store.Evidence, nil, argmap.Store.DeleteEvidence))

	w.POST("/actors", s.createActor)
	r.GET("/actors", s.listActors)
	r.GET("/actors/:id", getByID(s, argmap.KindActor, s.store.Actor))
	w.PATCH("/actors/:id", s.updateActor)
	w.DELETE("/actors/:id", deleteByID(s, argmap.KindActor, argmap.Store.Actor, nil, argmap.Store.DeleteActor))
	w.POST("/actors/:id/merge", s.mergeActor)

	w.POST("/relations", s.createRelation)
	r.GET("/relations", s.listRelations)
	r.GET("/relations/:id", getByID(s, argmap.KindRelation, s.store.Relation))
	w.PATCH("/relations/:id", s.updateRelation)
	w.DELETE("/relations/:id", deleteByID(s, argmap.KindRelation, argmap.Store.Relation, relationRefs, argmap.Store.DeleteRelation))

	r.GET("/supporters", s.supporters)
	r.GET("/evaluation", s.evaluation)
	r.GET("/graph", s.graph)
	r.GET("/stats", s.stats)
	r.GET("/audit", s.listAudit)

	w.POST("/import", s.importMap)
	r.GET("/export", s.exportMap)

	r.GET("/map.svg", s.wholeMap(argmap.FormatSVG))
	r.GET("/map.png", s.wholeMap(argmap.FormatPNG))
	r.GET("/map.dot", s.wholeMap(argmap.FormatDOT))
	return e
}

// healthz answers whether the store answers. It pings the store (no record
// read, a connection of its own in SQLite) so that it answers fast while
// other requests keep the store busy.
func (s *Server) healthz(c *gin.Context) {
	if err := s.store.Ping(c.Request.Context()); err != nil {
		s.fail(c, unavailable(err, "the store does not answer"))
		return
	}
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
}

// openAPI serves the HTTP contract.
func (s *Server) openAPI(c *gin.Context) {
	c.Data(http.StatusOK, "application/yaml", api.Spec)
}

// stats counts the stored records.
func (s *Server) stats(c *gin.Context) {
	n, err := s.store.Stats(c.Request.Context())
	if err != nil {
		s.fail(c, err)
		return
	}
	c.JSON(http.StatusOK, n)
}
