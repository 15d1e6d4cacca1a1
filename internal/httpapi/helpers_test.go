package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/argmap/argmap/api"
	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/interchange"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
	"github.com/argmap/argmap/internal/sqlitestore"
)

const writeToken = "test-write-token-0123456789"
const readToken = "test-read-token"

var (
	specOnce   sync.Once
	specDoc    *openapi3.T
	specRouter routers.Router
	specErr    error
)

// spec loads api/openapi.yaml once, validates it, and builds a router over it.
func spec(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	specOnce.Do(func() {
		for _, ct := range []string{"image/svg+xml", "image/png", "text/vnd.graphviz", "text/html"} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
		}
		loader := openapi3.NewLoader()
		specDoc, specErr = loader.LoadFromData(api.Spec)
		if specErr != nil {
			return
		}
		if specErr = specDoc.Validate(loader.Context); specErr != nil {
			return
		}
		// Match any host: the tests serve on a random loopback port.
		specDoc.Servers = nil
		specRouter, specErr = legacy.NewRouter(specDoc)
	})
	if specErr != nil {
		t.Fatalf("api/openapi.yaml: %v", specErr)
	}
	return specDoc, specRouter
}

// env is a server over a fresh SQLite store.
type env struct {
	t     *testing.T
	store *sqlitestore.Store
	srv   *httptest.Server
	api   *httpapi.Server
	http  *http.Client
	logs  *syncBuffer
}

// syncBuffer is a bytes.Buffer safe for the concurrent writes of a logger.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// openStore opens a SQLite store in a temporary directory.
func openStore(t testing.TB) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatalf("sqlitestore.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newEnv starts a server over store with cfg (tokens default to writeToken
// and readToken) and the given ingester, which may be nil.
func newEnv(t *testing.T, cfg httpapi.Config, store argmap.Store, ing argmap.Ingester) *env {
	t.Helper()
	e := &env{t: t, logs: &syncBuffer{}}
	if st, ok := store.(*sqlitestore.Store); ok {
		e.store = st
	}
	if cfg.Tokens == nil && !cfg.AllowAnonymousWrites {
		cfg.Tokens = []string{writeToken}
		cfg.ReadTokens = []string{readToken}
	}
	if cfg.Logger == nil {
		cfg.Logger = slogTo(e.logs)
	}
	r := render.New(render.Options{Engine: gvwasm.Layout, Timeout: 30 * time.Second})
	t.Cleanup(func() { r.Close() })
	e.api = httpapi.New(cfg, httpapi.Deps{Store: store, Ingester: ing, Renderer: r, Interchange: interchange.New(store, testMapFormats())})
	e.srv = httptest.NewServer(e.api.Handler())
	t.Cleanup(e.srv.Close)
	e.http = &http.Client{Transport: &validating{t: t, next: http.DefaultTransport}, Timeout: 2 * time.Minute}
	return e
}

// slogTo returns a JSON logger writing to w.
func slogTo(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// resp is a response read in full.
type resp struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it cannot.
func (r *resp) JSON(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decoding %s: %v", trunc(r.Body), err)
	}
}

// Err decodes the error body, failing the test if it is not one.
func (r *resp) Err(t *testing.T) errorBody {
	t.Helper()
	var e errorBody
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil || e.Code == "" || e.Message == "" {
		t.Fatalf("want the error body, got %d %s", r.Status, trunc(r.Body))
	}
	return e
}

// errorBody is the one error body.
type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// request describes one test request.
type request struct {
	Method      string
	Path        string
	Body        string
	ContentType string // defaults to application/json when Body is set
	Token       string // sent as a bearer token
	Header      map[string]string
}

// do sends req and reads the response. Every request and response is
// checked against api/openapi.yaml by the client's transport.
func (e *env) do(req request) *resp {
	e.t.Helper()
	var body io.Reader
	if req.Body != "" {
		body = strings.NewReader(req.Body)
	}
	hr, err := http.NewRequest(req.Method, e.srv.URL+req.Path, body)
	if err != nil {
		e.t.Fatalf("NewRequest(%s %s): %v", req.Method, req.Path, err)
	}
	if req.Body != "" {
		ct := req.ContentType
		if ct == "" {
			ct = "application/json"
		}
		hr.Header.Set("Content-Type", ct)
	}
	if req.Token != "" {
		hr.Header.Set("Authorization", "Bearer "+req.Token)
	}
	for k, v := range req.Header {
		hr.Header.Set(k, v)
	}
	res, err := e.http.Do(hr)
	if err != nil {
		e.t.Fatalf("%s %s: %v", req.Method, req.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatalf("%s %s: reading the body: %v", req.Method, req.Path, err)
	}
	return &resp{Status: res.StatusCode, Header: res.Header, Body: b}
}

// get is do for a GET without a token.
func (e *env) get(path string) *resp {
	e.t.Helper()
	return e.do(request{Method: http.MethodGet, Path: path})
}

// write is do with the write token.
func (e *env) write(method, path, body string) *resp {
	e.t.Helper()
	return e.do(request{Method: method, Path: path, Body: body, Token: writeToken})
}

// upload posts a file as multipart/form-data to /v1/sources.
func (e *env) upload(name string, data []byte) *resp {
	e.t.Helper()
	body, ct := multipartBody(e.t, name, data)
	return e.do(request{Method: http.MethodPost, Path: "/v1/sources", Body: body, ContentType: ct, Token: writeToken})
}

// multipartBody builds a multipart body with one "file" part.
func multipartBody(t *testing.T, name string, data []byte) (string, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	if err := mw.WriteField("uri", "corpus/"+name); err != nil {
		t.Fatal(err)
	}
	mw.Close()
	return buf.String(), mw.FormDataContentType()
}

// validating is a RoundTripper that checks every request and response
// against the spec. A request the spec refuses must be refused by the server
// (a 4xx with the error body); a request the spec accepts must get a response
// the spec describes. A request no spec route matches must get 404 or 405.
type validating struct {
	t    *testing.T
	next http.RoundTripper
}

func (v *validating) RoundTrip(req *http.Request) (*http.Response, error) {
	t := v.t
	t.Helper()
	_, router := spec(t)
	var reqBody []byte
	if req.Body != nil {
		var err error
		if reqBody, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
		req.Body.Close()
		req.Body = io.NopCloser(bytes.NewReader(reqBody))
	}
	res, err := v.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	resBody, err := io.ReadAll(res.Body)
	res.Body.Close()
	if err != nil {
		return nil, err
	}
	res.Body = io.NopCloser(bytes.NewReader(resBody))
	what := req.Method + " " + req.URL.RequestURI()

	if id := res.Header.Get("X-Request-ID"); id == "" {
		t.Errorf("%s: no X-Request-ID in the response", what)
	}
	if res.StatusCode >= 400 {
		checkErrorBody(t, what, res.StatusCode, res.Header, resBody)
	}

	// Route against a copy of the request with the body restored.
	vreq := req.Clone(context.Background())
	vreq.Body = io.NopCloser(bytes.NewReader(reqBody))
	route, params, err := router.FindRoute(vreq)
	if err == nil && len(req.URL.Path) > 1 && strings.HasSuffix(req.URL.Path, "/") {
		// The spec router ignores a trailing slash; the server does not.
		err = errors.New("trailing slash")
	}
	if err != nil {
		preflight := req.Method == http.MethodOptions && req.Header.Get("Access-Control-Request-Method") != ""
		if preflight && (res.StatusCode == http.StatusNoContent || res.StatusCode == http.StatusForbidden) {
			return res, nil // CORS preflights are answered by middleware, not operations
		}
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: no route in the spec (%v), but the server answered %d", what, err, res.StatusCode)
		}
		return res, nil
	}
	in := &openapi3filter.RequestValidationInput{
		Request: vreq, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, SkipSettingDefaults: true},
	}
	reqErr := openapi3filter.ValidateRequest(context.Background(), in)
	if reqErr != nil {
		if res.StatusCode < 400 || res.StatusCode >= 500 {
			t.Errorf("%s: the spec refuses the request (%v), but the server answered %d", what, reqErr, res.StatusCode)
		}
	}
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 res.StatusCode,
		Header:                 res.Header,
		Body:                   io.NopCloser(bytes.NewReader(resBody)),
		Options:                &openapi3filter.Options{IncludeResponseStatus: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Errorf("%s: the response %d does not match the spec: %v\nbody: %s", what, res.StatusCode, err, trunc(resBody))
	}
	return res, nil
}

// checkErrorBody checks a 4xx or 5xx answer has exactly the error body.
func checkErrorBody(t *testing.T, what string, status int, h http.Header, b []byte) {
	t.Helper()
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: error %d has Content-Type %q, want application/json", what, status, ct)
		return
	}
	var e map[string]any
	if err := json.Unmarshal(b, &e); err != nil {
		t.Errorf("%s: error %d body is not JSON: %s", what, status, trunc(b))
		return
	}
	if len(e) != 2 || e["code"] == nil || e["message"] == nil {
		t.Errorf("%s: error %d body = %s, want exactly code and message", what, status, trunc(b))
	}
}

// trunc shortens a body for messages.
func trunc(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}
