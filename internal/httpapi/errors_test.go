package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/ingest"
)

// pipeline returns the real ingester over st.
func pipeline(st argmap.Store) argmap.Ingester {
	return ingest.New(st, extract.New(extract.Options{}), extract.NewLinker())
}

func TestErrors(t *testing.T) {
	st := openStore(t)
	s := seed(t, st)
	e := newEnv(t, httpapi.Config{MaxBodyBytes: 8192}, st, pipeline(st))
	big := `{"text":"` + strings.Repeat("a", 9000) + `"}`
	spanOut := fmt.Sprintf(`{"text":"x","spans":[{"source_id":%q,"start":0,"end":100000}]}`, s.Source)
	spanSplit := fmt.Sprintf(`{"text":"x","spans":[{"source_id":%q,"start":10,"end":5}]}`, s.Source)
	manySpans := `{"text":"x","spans":[` + strings.TrimSuffix(strings.Repeat(fmt.Sprintf(`{"source_id":%q,"start":0,"end":1},`, s.Source), 101), ",") + `]}`
	tests := []struct {
		name   string
		req    request
		status int
		code   string
		msg    string // a substring of the message
	}{
		{"too many spans", request{Method: "POST", Path: "/v1/claims", Body: manySpans, Token: writeToken}, 400, "invalid", "more than 100"},
		{"malformed JSON", request{Method: "POST", Path: "/v1/claims", Body: `{"text":`, Token: writeToken}, 400, "invalid", "cut short"},
		{"syntax error", request{Method: "POST", Path: "/v1/claims", Body: `{"text" "x"}`, Token: writeToken}, 400, "invalid", "malformed JSON"},
		{"unknown field", request{Method: "POST", Path: "/v1/claims", Body: `{"text":"x","colour":"red"}`, Token: writeToken}, 400, "invalid", `unknown field "colour"`},
		{"wrong type", request{Method: "POST", Path: "/v1/claims", Body: `{"text":7}`, Token: writeToken}, 400, "invalid", "text must be a string"},
		{"trailing data", request{Method: "POST", Path: "/v1/claims", Body: `{"text":"x"} {}`, Token: writeToken}, 400, "invalid", "after the JSON value"},
		{"invalid UTF-8 body", request{Method: "POST", Path: "/v1/claims", Body: "{\"text\":\"\xff\xfe\"}", Token: writeToken}, 400, "invalid", "UTF-8"},
		{"empty body", request{Method: "POST", Path: "/v1/actors", Body: " ", Token: writeToken}, 400, "invalid", "empty"},
		{"invalid claim", request{Method: "POST", Path: "/v1/claims", Body: `{"text":" ","score":2}`, Token: writeToken}, 400, "invalid", "score must be between 0 and 1"},
		{"span outside text", request{Method: "POST", Path: "/v1/claims", Body: spanOut, Token: writeToken}, 400, "invalid", "outside the source text"},
		{"span backwards", request{Method: "POST", Path: "/v1/claims", Body: spanSplit, Token: writeToken}, 400, "invalid", "outside"},
		{"span unknown source", request{Method: "POST", Path: "/v1/evidence", Body: `{"text":"x","spans":[{"source_id":"src_nope","start":0,"end":1}]}`, Token: writeToken}, 400, "invalid", "unknown source"},
		{"relation to unknown claim", request{Method: "POST", Path: "/v1/relations", Body: fmt.Sprintf(`{"kind":"supports","from":[%q],"to":"clm_nothere"}`, s.Report), Token: writeToken}, 400, "invalid", ""},
		{"relation bad kind", request{Method: "POST", Path: "/v1/relations", Body: fmt.Sprintf(`{"kind":"likes","from":[%q],"to":%q}`, s.Report, s.Serves), Token: writeToken}, 400, "invalid", "likes"},
		{"empty patch", request{Method: "PATCH", Path: "/v1/claims/" + s.Serves, Body: `{}`, Token: writeToken}, 400, "invalid", "changes nothing"},
		{"merge into itself", request{Method: "POST", Path: "/v1/actors/" + s.Actor + "/merge", Body: fmt.Sprintf(`{"into":%q}`, s.Actor), Token: writeToken}, 400, "invalid", "itself"},
		{"limit zero", request{Method: "GET", Path: "/v1/claims?limit=0"}, 400, "invalid", "limit must be an integer from 1 to 1000"},
		{"limit not a number", request{Method: "GET", Path: "/v1/sources?limit=ten"}, 400, "invalid", "limit"},
		{"depth too deep", request{Method: "GET", Path: "/v1/claims/" + s.Serves + "/supporters?depth=99"}, 400, "invalid", "depth"},
		{"bad origin", request{Method: "GET", Path: "/v1/claims?origin=dreamt"}, 400, "invalid", "origin"},
		{"invalid UTF-8 query", request{Method: "GET", Path: "/v1/claims?q=%ff%fe"}, 400, "invalid", "UTF-8"},
		{"invalid UTF-8 path", request{Method: "GET", Path: "/v1/claims/clm_%ff%fe"}, 400, "invalid", "path is not valid UTF-8"},
		{"malformed query", request{Method: "GET", Path: "/v1/claims?q=%zz"}, 400, "invalid", "malformed"},
		{"supporters without q", request{Method: "GET", Path: "/v1/supporters"}, 400, "invalid", "q is required"},
		{"graph focus of wrong kind", request{Method: "GET", Path: "/v1/graph?focus=" + s.Source}, 400, "invalid", "focus"},
		{"empty document", request{Method: "POST", Path: "/v1/sources", Body: `{"text":"   "}`, Token: writeToken}, 400, "invalid", "text is required"},
		{"binary document", request{Method: "POST", Path: "/v1/sources", Body: "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n\r\n\x00\x01\x02\xff\r\n--b--\r\n", ContentType: "multipart/form-data; boundary=b", Token: writeToken}, 400, "invalid", ""},
		{"truncated multipart", request{Method: "POST", Path: "/v1/sources", Body: "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.txt\"\r\n\r\nSome text", ContentType: "multipart/form-data; boundary=b", Token: writeToken}, 400, "invalid", "malformed"},
		{"multipart without boundary", request{Method: "POST", Path: "/v1/sources", Body: "x", ContentType: "multipart/form-data", Token: writeToken}, 400, "invalid", "boundary"},
		{"multipart without file", request{Method: "POST", Path: "/v1/sources", Body: "--b\r\nContent-Disposition: form-data; name=\"uri\"\r\n\r\nx\r\n--b--\r\n", ContentType: "multipart/form-data; boundary=b", Token: writeToken}, 400, "invalid", "no \"file\" part"},

		{"write without token", request{Method: "POST", Path: "/v1/actors", Body: `{"name":"A"}`}, 401, "unauthorized", "Authorization: Bearer"},
		{"write with a bad token", request{Method: "DELETE", Path: "/v1/claims/" + s.Serves, Token: "guess"}, 401, "unauthorized", "not valid"},
		{"write with a non-bearer scheme", request{Method: "DELETE", Path: "/v1/claims/" + s.Serves, Header: map[string]string{"Authorization": "Basic " + writeToken}}, 401, "unauthorized", ""},
		{"write with a read token", request{Method: "DELETE", Path: "/v1/claims/" + s.Serves, Token: readToken}, 403, "forbidden", "only read"},

		{"unknown claim", request{Method: "GET", Path: "/v1/claims/clm_doesnotexist"}, 404, "not_found", ""},
		{"ID of the wrong kind", request{Method: "GET", Path: "/v1/claims/" + s.Report}, 404, "not_found", ""},
		{"unknown relation delete", request{Method: "DELETE", Path: "/v1/relations/rel_nothere", Token: writeToken}, 404, "not_found", ""},
		{"merge into unknown", request{Method: "POST", Path: "/v1/actors/" + s.Actor + "/merge", Body: `{"into":"act_nothere"}`, Token: writeToken}, 404, "not_found", ""},
		{"unknown route", request{Method: "GET", Path: "/v1/nothing"}, 404, "not_found", "no route"},
		{"trailing slash", request{Method: "GET", Path: "/v1/claims/"}, 404, "not_found", ""},
		{"nothing matches", request{Method: "GET", Path: "/v1/supporters?q=zyxwvut+qponm"}, 404, "not_found", "no stored claim"},
		{"unknown graph focus", request{Method: "GET", Path: "/v1/graph?focus=clm_nothere"}, 404, "not_found", ""},

		{"method not allowed", request{Method: "PUT", Path: "/v1/claims/" + s.Serves, Body: `{}`, Token: writeToken}, 405, "method_not_allowed", "PUT"},
		{"duplicate actor", request{Method: "POST", Path: "/v1/actors", Body: `{"name":"International  Organization for Migration"}`, Token: writeToken}, 409, "conflict", ""},
		{"body over the limit", request{Method: "POST", Path: "/v1/claims", Body: big, Token: writeToken}, 413, "too_large", "8192"},
		{"document over the limit", request{Method: "POST", Path: "/v1/sources", Body: big, Token: writeToken}, 413, "too_large", ""},
		{"claim as text/plain", request{Method: "POST", Path: "/v1/claims", Body: `{"text":"x"}`, ContentType: "text/plain", Token: writeToken}, 415, "unsupported", "application/json"},
		{"source as XML", request{Method: "POST", Path: "/v1/sources", Body: `<doc/>`, ContentType: "application/xml", Token: writeToken}, 415, "unsupported", "multipart/form-data"},
		{"garbled content type", request{Method: "PATCH", Path: "/v1/claims/" + s.Serves, Body: `{"main":true}`, ContentType: "application/json; ;", Token: writeToken}, 415, "unsupported", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do(tt.req)
			if r.Status != tt.status {
				t.Fatalf("%s %s = %d %s, want %d", tt.req.Method, tt.req.Path, r.Status, trunc(r.Body), tt.status)
			}
			got := r.Err(t)
			if got.Code != tt.code || !strings.Contains(got.Message, tt.msg) {
				t.Errorf("%s %s = %+v, want code %q and a message containing %q", tt.req.Method, tt.req.Path, got, tt.code, tt.msg)
			}
		})
	}
	r := e.do(request{Method: "PUT", Path: "/v1/claims/" + s.Serves, Token: writeToken})
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		if !strings.Contains(r.Header.Get("Allow"), m) {
			t.Errorf("405 Allow = %q, want it to list %s", r.Header.Get("Allow"), m)
		}
	}
}

func TestChunkedBodyOverLimit(t *testing.T) {
	st := openStore(t)
	e := newEnv(t, httpapi.Config{MaxBodyBytes: 1024}, st, pipeline(st))
	mp, mpType := multipartBody(t, "big.txt", []byte(strings.Repeat("Claims are made. ", 300)))
	tests := []struct {
		name, body, ctype string
	}{
		{"json", `{"title":"t","text":"` + strings.Repeat("b", 4000) + `"}`, "application/json"},
		{"multipart", mp, mpType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A reader of unknown length makes the client send the body
			// chunked, so only the byte cap, not Content-Length, can stop it.
			req, err := http.NewRequest(http.MethodPost, e.srv.URL+"/v1/sources", struct{ *strings.Reader }{strings.NewReader(tt.body)})
			if err != nil {
				t.Fatal(err)
			}
			req.ContentLength = -1
			req.Header.Set("Content-Type", tt.ctype)
			req.Header.Set("Authorization", "Bearer "+writeToken)
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			if res.StatusCode != http.StatusRequestEntityTooLarge {
				t.Errorf("chunked POST of %d bytes with a 1024-byte limit = %d, want 413", len(tt.body), res.StatusCode)
			}
		})
	}
}

// failing is a store whose Relations, Stats and Ping fail with errors a
// driver might return.
type failing struct {
	argmap.Store
	relations error
	stats     error
	ping      error
}

func (f *failing) Ping(ctx context.Context) error {
	if f.ping != nil {
		return f.ping
	}
	return f.Store.Ping(ctx)
}

func (f *failing) Relations(ctx context.Context, fl argmap.RelationFilter) ([]argmap.Relation, error) {
	return nil, f.relations
}

func (f *failing) Stats(ctx context.Context) (argmap.Counts, error) {
	if f.stats != nil {
		return argmap.Counts{}, f.stats
	}
	return f.Store.Stats(ctx)
}

func TestInternalErrorsAreHidden(t *testing.T) {
	secret := "disk I/O error at /var/lib/argmap/secret.db"
	tests := []struct {
		name   string
		store  *failing
		path   string
		status int
		code   string
		msg    string
	}{
		{"raw driver error", &failing{relations: errors.New(secret)}, "/v1/relations", 500, "internal", "internal error"},
		{"wrapped internal error", &failing{relations: argmap.WrapInternal(errors.New(secret), "reading relations")}, "/v1/relations", 500, "internal", "internal error"},
		{"store timeout", &failing{relations: fmt.Errorf("query: %w", context.DeadlineExceeded)}, "/v1/relations", 503, "unavailable", "timed out"},
		{"store down", &failing{ping: errors.New(secret)}, "/healthz", 503, "unavailable", "does not answer"},
		{"store unavailable", &failing{stats: &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "the database is locked", Err: errors.New(secret)}}, "/v1/stats", 503, "unavailable", "locked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.store.Store = openStore(t)
			e := newEnv(t, httpapi.Config{}, tt.store, nil)
			r := e.get(tt.path)
			if r.Status != tt.status {
				t.Fatalf("GET %s = %d %s, want %d", tt.path, r.Status, trunc(r.Body), tt.status)
			}
			got := r.Err(t)
			if got.Code != tt.code || !strings.Contains(got.Message, tt.msg) {
				t.Errorf("GET %s = %+v, want code %q, message containing %q", tt.path, got, tt.code, tt.msg)
			}
			if strings.Contains(string(r.Body), "secret") || strings.Contains(string(r.Body), "disk") {
				t.Errorf("GET %s leaks the cause: %s", tt.path, r.Body)
			}
			if ra := r.Header.Get("Retry-After"); (tt.status == 503) != (ra != "") {
				t.Errorf("GET %s = %d with Retry-After %q, want one exactly on 503", tt.path, tt.status, ra)
			}
			logs := e.logs.String()
			if tt.status == 500 && !strings.Contains(logs, secret) {
				t.Errorf("the cause %q is not in the log:\n%s", secret, logs)
			}
			if !strings.Contains(logs, r.Header.Get("X-Request-ID")) {
				t.Errorf("the request ID %q is not in the log", r.Header.Get("X-Request-ID"))
			}
		})
	}
}

// panicky is a store whose Actor panics.
type panicky struct{ argmap.Store }

func (panicky) Actor(ctx context.Context, id string) (*argmap.Actor, error) {
	var m map[string]int
	m["boom"]++ // a nil map write: a bug
	return nil, nil
}

func TestPanicIsRecovered(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, panicky{openStore(t)}, nil)
	r := e.get("/v1/actors/act_whatever")
	if r.Status != http.StatusInternalServerError {
		t.Fatalf("GET with a panicking store = %d, want 500", r.Status)
	}
	if got := r.Err(t); got.Message != "internal error" {
		t.Errorf("panic message = %q, want %q", got.Message, "internal error")
	}
	if !strings.Contains(e.logs.String(), "assignment to entry in nil map") {
		t.Errorf("the panic is not logged:\n%s", e.logs.String())
	}
	wantStatus(t, "GET /healthz after a panic", e.get("/healthz"), http.StatusOK)
}
