package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// fuzzIngester stores nothing: it checks what the binding handed over.
type fuzzIngester struct{}

func (fuzzIngester) Ingest(ctx context.Context, doc argmap.Document) (*argmap.IngestResult, error) {
	if len(doc.Data) == 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "empty document")
	}
	return &argmap.IngestResult{Source: argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Kind: argmap.SourceDocument}, Created: true}, nil
}

// fuzzServer returns the API's handler over a store holding one claim, and
// that claim's ID. Requests are served in process, without a network.
func fuzzServer(f *testing.F) (http.Handler, string) {
	f.Helper()
	st, err := sqlitestore.Open(context.Background(), filepath.Join(f.TempDir(), "argmap.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "Report", Text: "The IOM enforces exclusions."}
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: "The IOM enforces exclusions.", Origin: argmap.OriginExtracted,
		Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: 28}}}
	if err := st.WriteGraph(context.Background(), &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c}}); err != nil {
		f.Fatal(err)
	}
	r := render.New(render.Options{Engine: gvwasm.Layout, Timeout: 10 * time.Second})
	f.Cleanup(func() { r.Close() })
	api := httpapi.New(httpapi.Config{Tokens: []string{writeToken}, ReadTokens: []string{readToken}, RequestTimeout: 20 * time.Second,
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}, httpapi.Deps{Store: st, Ingester: fuzzIngester{}, Renderer: r})
	return api.Handler(), c.ID
}

// serveFuzz serves req and fails on a server error or a body that is not
// the one error body when the status says error.
func serveFuzz(t *testing.T, h http.Handler, req *http.Request) *httptest.ResponseRecorder {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code >= 500 {
		t.Fatalf("%s %s = %d %s", req.Method, req.URL, w.Code, w.Body.String())
	}
	if w.Code >= 400 && !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Fatalf("%s %s = %d with Content-Type %q, want the JSON error body", req.Method, req.URL, w.Code, w.Header().Get("Content-Type"))
	}
	return w
}

// FuzzJSONBinding posts arbitrary bodies to the JSON write routes.
func FuzzJSONBinding(f *testing.F) {
	h, claimID := fuzzServer(f)
	f.Add(0, `{"text": "Return is voluntary.", "origin": "curated"}`, "application/json")
	f.Add(1, `{"name": "IOM", "aliases": ["UN Migration"]}`, "application/json")
	f.Add(2, `{"kind": "supports", "from": ["`+claimID+`"], "to": "`+claimID+`"}`, "application/json")
	f.Add(3, `{"text": "x", "score": 1e309}`, "application/merge-patch+json")
	f.Add(4, `{"title": "t", "text": "The IOM acts."}`, "application/json; charset=utf-8")
	f.Add(0, "{\"text\": \"\xff\"}", "application/json")
	f.Add(1, `[1, 2, 3]`, "text/plain")
	f.Fuzz(func(t *testing.T, route int, body, contentType string) {
		routes := []struct{ method, path string }{
			{http.MethodPost, "/v1/claims"}, {http.MethodPost, "/v1/actors"}, {http.MethodPost, "/v1/relations"},
			{http.MethodPatch, "/v1/claims/" + claimID}, {http.MethodPost, "/v1/sources"}, {http.MethodPost, "/v1/evidence"},
		}
		r := routes[(route%len(routes)+len(routes))%len(routes)]
		req := httptest.NewRequest(r.method, r.path, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		req.Header.Set("Authorization", "Bearer "+writeToken)
		serveFuzz(t, h, req)
	})
}

// FuzzMultipartBinding uploads arbitrary multipart bodies as documents.
func FuzzMultipartBinding(f *testing.F) {
	h, _ := fuzzServer(f)
	f.Add("b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nThe IOM acts.\r\n--b\r\nContent-Disposition: form-data; name=\"uri\"\r\n\r\nhttp://x/y\r\n--b--\r\n")
	f.Add("b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"..\\\\..\\\\etc\"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\ny\r\n--b--\r\n")
	f.Add("", "no boundary")
	f.Add("x\"y", "--x\"y\r\n\r\n")
	f.Fuzz(func(t *testing.T, boundary, body string) {
		req := httptest.NewRequest(http.MethodPost, "/v1/sources", strings.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=\""+strings.ReplaceAll(boundary, `"`, `\"`)+"\"")
		req.Header.Set("Authorization", "Bearer "+writeToken)
		serveFuzz(t, h, req)
	})
}

// FuzzQueryParameters sends arbitrary query strings to the read routes.
func FuzzQueryParameters(f *testing.F) {
	h, claimID := fuzzServer(f)
	for _, q := range []string{"limit=10&cursor=abc", "q=IOM&limit=0", "depth=99", "limit=-1", "cursor=%ff", "q=%00", "limit=1e9", "kind=article&q=t", "limit=5&limit=6", "%zz"} {
		f.Add(0, q)
	}
	f.Fuzz(func(t *testing.T, route int, rawQuery string) {
		paths := []string{"/v1/claims", "/v1/claims/search", "/v1/sources", "/v1/actors", "/v1/relations", "/v1/evidence",
			"/v1/supporters", "/v1/graph", "/v1/claims/" + claimID + "/supporters", "/v1/claims/" + claimID + "/map.dot", "/v1/map.dot"}
		p := paths[(route%len(paths)+len(paths))%len(paths)]
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path, req.URL.RawQuery = p, rawQuery
		req.RequestURI = ""
		serveFuzz(t, h, req)
	})
}

// FuzzAuthAndRequestID sends arbitrary Authorization and X-Request-ID
// headers: no server error, a write only with the write token, and a request
// ID echoed only when it is safe to log.
func FuzzAuthAndRequestID(f *testing.F) {
	h, _ := fuzzServer(f)
	f.Add("Bearer "+writeToken, "req-1")
	f.Add("Bearer "+readToken, "a b")
	f.Add("bearer "+writeToken, strings.Repeat("x", 200))
	f.Add("Basic dXNlcjpwYXNz", "\x00")
	f.Add("Bearer  "+writeToken+" ", "ok.id:1")
	f.Add("Bearer", "")
	f.Fuzz(func(t *testing.T, auth, requestID string) {
		req := httptest.NewRequest(http.MethodPost, "/v1/actors", bytes.NewReader([]byte(`{"name": "Fuzz"}`)))
		req.Header.Set("Content-Type", "application/json")
		req.Header["Authorization"] = []string{auth}
		req.Header["X-Request-Id"] = []string{requestID}
		w := serveFuzz(t, h, req)
		if w.Code == http.StatusCreated && !strings.Contains(auth, writeToken) {
			t.Fatalf("POST with Authorization %q = 201, want it refused", auth)
		}
		id := w.Header().Get("X-Request-ID")
		if id == "" || len(id) > 128 || !utf8.ValidString(id) || strings.ContainsAny(id, " \t\r\n\"\\\x00") {
			t.Fatalf("X-Request-ID %q for sent %q, want a short safe token", id, requestID)
		}
	})
}
