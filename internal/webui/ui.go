// Package webui is argmap's web app: server-rendered pages for reading
// documents, claims and actors, interactive argument maps, and corrections
// that go through the JSON API. Templates and assets (plain HTML, CSS and
// JavaScript, with vendored libraries) are embedded, so the binary serves
// the whole app without a build step.
package webui

import (
	"bytes"
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is what the pages read.
type Store interface {
	argmap.SourceStore
	argmap.ClaimStore
	argmap.EvidenceStore
	argmap.ActorStore
	argmap.RelationStore
	argmap.GraphStore
	argmap.AuditStore
}

// Options configure the app.
type Options struct {
	// Logger receives the causes of failed pages; nil discards them.
	Logger *slog.Logger
	// ReadLocked says reads need a token: the pages then only say so, since
	// a browser visiting a page sends no bearer token.
	ReadLocked bool
	// DefaultDepth is the depth of maps and of a claim's sources when the
	// page does not say (default argmap.DefaultDepth); the search page's
	// question in words looks argmap.DefaultTextDepth deep.
	DefaultDepth int
	// Judge decides which matched claims state or deny a question (see
	// argmap.FindSupporters); nil takes the best full-text matches.
	Judge argmap.Judge
}

// UI serves the web app. Create one with New.
type UI struct {
	store  Store
	opt    Options
	log    *slog.Logger
	pages  map[string]*template.Template
	static http.Handler
	mux    *http.ServeMux
	evals  evalCache
}

// Prefix is the path under which every page but the home page lives.
const Prefix = "/ui/"

// New returns the app reading from st.
func New(st Store, opt Options) *UI {
	if opt.DefaultDepth <= 0 {
		opt.DefaultDepth = argmap.DefaultDepth
	}
	u := &UI{store: st, opt: opt, log: opt.Logger, pages: map[string]*template.Template{}}
	if u.log == nil {
		u.log = slog.New(slog.DiscardHandler)
	}
	for _, name := range []string{"documents", "document", "claim", "evidence", "actor", "search", "explore", "print", "audit", "error"} {
		u.pages[name] = template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/parts.html", "templates/"+name+".html"))
	}
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err) // the embedded tree always has static/
	}
	u.static = http.StripPrefix(Prefix+"static/", http.FileServerFS(sub))
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", u.documents)
	m.HandleFunc("GET /ui/{$}", u.documents)
	m.HandleFunc("GET /ui/documents/{id}", u.document)
	m.HandleFunc("GET /ui/claims/{id}", u.claim)
	m.HandleFunc("GET /ui/evidence/{id}", u.evidence)
	m.HandleFunc("GET /ui/actors/{id}", u.actor)
	m.HandleFunc("GET /ui/search", u.search)
	m.HandleFunc("GET /ui/explore", u.explore)
	m.HandleFunc("GET /ui/print/{id}", u.print)
	m.HandleFunc("GET /ui/audit", u.audit)
	m.HandleFunc("GET /ui/static/", u.serveStatic)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.fail(w, r, argmap.Errorf(argmap.ENOTFOUND, "there is no page at %s", r.URL.Path))
	})
	u.mux = m
	return u
}

// ServeHTTP serves the pages and assets.
func (u *UI) ServeHTTP(w http.ResponseWriter, r *http.Request) { u.mux.ServeHTTP(w, r) }

// serveStatic serves an embedded asset; assets change only with the binary.
func (u *UI) serveStatic(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	u.static.ServeHTTP(w, r)
}

// page is what every template gets.
type page struct {
	Title  string
	Query  string
	Nav    string
	Locked bool
	Data   any
}

// render executes the named page and answers it, with a content security
// policy that allows only the app's own scripts and styles.
func (u *UI) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	p.Locked = u.opt.ReadLocked
	if err := u.pages[name].Execute(&buf, p); err != nil {
		u.log.ErrorContext(r.Context(), "page failed", "page", name, "err", err.Error())
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-cache")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// statuses maps error codes to HTTP statuses for pages.
var statuses = map[string]int{
	argmap.EINVALID:      http.StatusBadRequest,
	argmap.ENOTFOUND:     http.StatusNotFound,
	argmap.EUNAUTHORIZED: http.StatusUnauthorized,
	argmap.EFORBIDDEN:    http.StatusForbidden,
	argmap.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	argmap.EUNAVAILABLE:  http.StatusServiceUnavailable,
}

// fail answers an error page. Internal causes are logged, never shown.
func (u *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	code := argmap.ErrorCode(err)
	status, ok := statuses[code]
	if !ok {
		status = http.StatusInternalServerError
		u.log.ErrorContext(r.Context(), "page failed", "path", r.URL.Path, "err", err.Error())
	}
	u.render(w, r, status, "error", page{Title: http.StatusText(status), Data: argmap.ErrorMessage(err)})
}

// withTimeout bounds the store work of one page.
func withTimeout(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), 20*time.Second)
}

// idOf returns the path value name, checked to be an ID of kind.
func idOf(r *http.Request, kind argmap.NodeKind) (string, error) {
	id := r.PathValue("id")
	if argmap.KindOf(id) != kind {
		article := "a"
		if strings.ContainsRune("aeiou", rune(string(kind)[0])) {
			article = "an"
		}
		return "", argmap.Errorf(argmap.ENOTFOUND, "%q is not %s %s ID", argmap.Clip(id, 40), article, kind)
	}
	return id, nil
}

// argmap.Clip cuts s to n runes with an ellipsis.
// heading is a claim's text as the title of its page: one-spaced, without
// the comma, semicolon or colon that ends a clause the extraction cut off
// its sentence ("The voluntariness of return is contested,"). The text
// itself, as its source states it, is shown and edited elsewhere.
func heading(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if t := strings.TrimRight(s, ",;: "); t != "" {
		return t
	}
	return s
}
