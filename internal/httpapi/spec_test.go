package httpapi_test

import (
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/httpapi"
)

var ginParam = regexp.MustCompile(`[:*]([A-Za-z_]+)`)

// TestRoutesMatchSpec fails when a gin route is missing from api/openapi.yaml
// or the spec describes an operation the server does not route.
func TestRoutesMatchSpec(t *testing.T) {
	doc, _ := spec(t)
	srv := httpapi.New(httpapi.Config{}, httpapi.Deps{Store: openStore(t)})
	engine, ok := srv.Handler().(*gin.Engine)
	if !ok {
		t.Fatalf("Handler() is a %T, want *gin.Engine", srv.Handler())
	}
	var routed []string
	for _, r := range engine.Routes() {
		routed = append(routed, r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}"))
	}
	var specified []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			specified = append(specified, strings.ToUpper(method)+" "+path)
		}
	}
	sort.Strings(routed)
	sort.Strings(specified)
	if diff := cmp.Diff(specified, routed); diff != "" {
		t.Errorf("routes differ from api/openapi.yaml (-spec +gin):\n%s", diff)
	}
	if len(routed) < 30 {
		t.Errorf("only %d routes: the engine is not the one serving the API", len(routed))
	}
}

// TestSpecServed checks GET /openapi.yaml serves the embedded document.
func TestSpecServed(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	r := e.get("/openapi.yaml")
	if r.Status != http.StatusOK {
		t.Fatalf("GET /openapi.yaml = %d, want 200", r.Status)
	}
	if !strings.HasPrefix(string(r.Body), "openapi: 3.1") {
		t.Errorf("GET /openapi.yaml body starts %q, want an OpenAPI 3.1 document", trunc(r.Body[:40]))
	}
}
