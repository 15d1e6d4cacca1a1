package httpapi_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/httpapi"
)

func TestAuth(t *testing.T) {
	create := request{Method: "POST", Path: "/v1/actors", Body: `{"name":"Someone"}`}
	withTok := func(r request, tok string) request { r.Token = tok; return r }
	read := request{Method: "GET", Path: "/v1/actors"}
	tests := []struct {
		name   string
		cfg    httpapi.Config
		req    request
		status int
		msg    string
	}{
		{"no tokens configured refuses writes", httpapi.Config{Tokens: []string{}}, create, 401, "ARGMAP_API_TOKENS"},
		{"no tokens configured refuses any token", httpapi.Config{Tokens: []string{""}}, withTok(create, "x"), 401, "ARGMAP_API_TOKENS"},
		{"no tokens configured still reads", httpapi.Config{Tokens: []string{}}, read, 200, ""},
		{"anonymous writes for the demo", httpapi.Config{AllowAnonymousWrites: true}, create, 201, ""},
		{"anonymous writes ignored when tokens are set", httpapi.Config{AllowAnonymousWrites: true, Tokens: []string{writeToken}}, create, 401, "Bearer"},
		{"write token writes", httpapi.Config{Tokens: []string{"other", writeToken}}, withTok(create, writeToken), 201, ""},
		{"token prefix is not the token", httpapi.Config{Tokens: []string{writeToken}}, withTok(create, writeToken[:10]), 401, "not valid"},
		{"token with extra is not the token", httpapi.Config{Tokens: []string{writeToken}}, withTok(create, writeToken+"x"), 401, "not valid"},
		{"read token cannot write", httpapi.Config{Tokens: []string{writeToken}, ReadTokens: []string{readToken}}, withTok(create, readToken), 403, "only read"},
		{"reads open by default", httpapi.Config{Tokens: []string{writeToken}}, read, 200, ""},
		{"reads need a token when required", httpapi.Config{Tokens: []string{writeToken}, ReadTokensRequired: true}, read, 401, "reads need"},
		{"reads refuse a bad token when required", httpapi.Config{Tokens: []string{writeToken}, ReadTokensRequired: true}, withTok(read, "bad"), 401, "not valid"},
		{"read token reads when required", httpapi.Config{Tokens: []string{writeToken}, ReadTokens: []string{readToken}, ReadTokensRequired: true}, withTok(read, readToken), 200, ""},
		{"write token reads when required", httpapi.Config{Tokens: []string{writeToken}, ReadTokensRequired: true}, withTok(read, writeToken), 200, ""},
		{"health stays open when reads need tokens", httpapi.Config{Tokens: []string{writeToken}, ReadTokensRequired: true}, request{Method: "GET", Path: "/healthz"}, 200, ""},
		{"spec stays open when reads need tokens", httpapi.Config{Tokens: []string{writeToken}, ReadTokensRequired: true}, request{Method: "GET", Path: "/openapi.yaml"}, 200, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, tt.cfg, openStore(t), nil)
			r := e.do(tt.req)
			if r.Status != tt.status {
				t.Fatalf("%s %s = %d %s, want %d", tt.req.Method, tt.req.Path, r.Status, trunc(r.Body), tt.status)
			}
			if tt.status >= 400 {
				if got := r.Err(t); !strings.Contains(got.Message, tt.msg) {
					t.Errorf("message = %q, want it to contain %q", got.Message, tt.msg)
				}
			}
			if tt.status == 401 && r.Header.Get("WWW-Authenticate") == "" && !strings.Contains(tt.msg, "ARGMAP") {
				t.Errorf("401 without WWW-Authenticate")
			}
		})
	}
}

func TestRequestIDAndAccessLog(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	tests := []struct {
		name, sent string
		echoed     bool
	}{
		{"kept", "req-42.a_b:c", true},
		{"made up when absent", "", false},
		{"made up when unsafe", "evil\"id with spaces", false},
		{"made up when too long", strings.Repeat("a", 129), false},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]string{}
			if tt.sent != "" {
				h["X-Request-ID"] = tt.sent
			}
			r := e.do(request{Method: "DELETE", Path: "/v1/claims/clm_x", Token: writeToken, Header: h})
			got := r.Header.Get("X-Request-ID")
			if tt.echoed && got != tt.sent {
				t.Errorf("X-Request-ID = %q, want %q echoed", got, tt.sent)
			}
			if !tt.echoed && (got == tt.sent || len(got) != 32 || seen[got]) {
				t.Errorf("X-Request-ID = %q, want a fresh 32-hex-digit ID", got)
			}
			seen[got] = true
		})
	}
	// Every line is JSON with the fields of an access log, and no token.
	var lines int
	sc := bufio.NewScanner(strings.NewReader(e.logs.String()))
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("log line is not JSON: %s", sc.Text())
		}
		if rec["msg"] != "http request" {
			continue
		}
		lines++
		for _, k := range []string{"method", "path", "status", "duration", "request_id"} {
			if rec[k] == nil {
				t.Errorf("access log line lacks %q: %s", k, sc.Text())
			}
		}
	}
	if lines != len(tests) {
		t.Errorf("%d access log lines, want %d", lines, len(tests))
	}
	if strings.Contains(e.logs.String(), writeToken) {
		t.Errorf("the log contains the token")
	}
}

func TestCORS(t *testing.T) {
	preflight := request{Method: "OPTIONS", Path: "/v1/claims", Header: map[string]string{
		"Origin": "https://app.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}}
	simple := request{Method: "GET", Path: "/v1/claims", Header: map[string]string{"Origin": "https://app.example"}}
	tests := []struct {
		name    string
		origins []string
		req     request
		status  int
		allow   string
	}{
		{"off by default: no header", nil, simple, 200, ""},
		{"off by default: preflight not answered", nil, preflight, 405, ""},
		{"listed origin", []string{"https://app.example"}, simple, 200, "https://app.example"},
		{"listed origin preflight", []string{"https://app.example/"}, preflight, 204, "https://app.example"},
		{"other origin gets no header", []string{"https://other.example"}, simple, 200, ""},
		{"other origin preflight refused", []string{"https://other.example"}, preflight, 403, ""},
		{"any origin", []string{"*"}, simple, 200, "*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t, httpapi.Config{CORSOrigins: tt.origins}, openStore(t), nil)
			r := e.do(tt.req)
			if r.Status != tt.status || r.Header.Get("Access-Control-Allow-Origin") != tt.allow {
				t.Fatalf("%s = %d, Allow-Origin %q; want %d, %q", tt.req.Method, r.Status, r.Header.Get("Access-Control-Allow-Origin"), tt.status, tt.allow)
			}
			if tt.status == 204 {
				if h := r.Header.Get("Access-Control-Allow-Headers"); !strings.Contains(h, "Authorization") {
					t.Errorf("preflight Allow-Headers = %q, want Authorization listed", h)
				}
				if m := r.Header.Get("Access-Control-Allow-Methods"); !strings.Contains(m, "PATCH") {
					t.Errorf("preflight Allow-Methods = %q, want PATCH listed", m)
				}
			}
		})
	}
}

func TestSVGHeaders(t *testing.T) {
	st := openStore(t)
	seed(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)
	r := e.get("/v1/map.svg")
	wantStatus(t, "GET /v1/map.svg", r, http.StatusOK)
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("SVG CSP = %q, want default-src 'none'", csp)
	}
	if r.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", r.Header.Get("X-Content-Type-Options"))
	}
}
