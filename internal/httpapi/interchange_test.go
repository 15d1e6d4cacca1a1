package httpapi_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/aif"
	"github.com/argmap/argmap/internal/argdown"
	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
	"github.com/argmap/argmap/internal/interchange"
)

// testMapFormats are the interchange formats the test server reads and
// writes (cmd wires the same codecs).
func testMapFormats() []interchange.Format {
	return []interchange.Format{{
		Name: argmap.MapArgdown, Exts: []string{".argdown"},
		Read: func(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
			d, err := argdown.Parse(doc.Data)
			if err != nil {
				return nil, err
			}
			return argdown.ToGraph(d, *src, src.CreatedAt)
		},
		Write: argdown.Write,
	}, {
		Name: argmap.MapAIF, Exts: []string{".json"},
		Read: func(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
			d, err := aif.Decode(bytes.NewReader(doc.Data))
			if err != nil {
				return nil, err
			}
			g, _, err := aif.ToGraph(d, *src, src.CreatedAt)
			return g, err
		},
		Write: func(g *argmap.Graph) ([]byte, error) {
			var buf bytes.Buffer
			err := aif.Encode(&buf, aif.FromGraph(g))
			return buf.Bytes(), err
		},
	}}
}

const ferryAIF = `{"nodes":[
 {"nodeID":"1","text":"Ferries should be sold","type":"I"},
 {"nodeID":"2","text":"Fares would fall","type":"I"},
 {"nodeID":"3","text":"RA","type":"RA"},
 {"nodeID":"4","text":"Fares never fell after a sale","type":"I"},
 {"nodeID":"5","text":"CA","type":"CA"}],
"edges":[{"edgeID":"1","fromID":"2","toID":"3"},{"edgeID":"2","fromID":"3","toID":"1"},
 {"edgeID":"3","fromID":"4","toID":"5"},{"edgeID":"4","fromID":"5","toID":"3"}]}`

func (e *env) importMap(query, name string, data []byte) *resp {
	e.t.Helper()
	body, ct := multipartBody(e.t, name, data)
	return e.do(request{Method: http.MethodPost, Path: "/v1/import" + query, Body: body, ContentType: ct, Token: writeToken})
}

func TestImportExportAIF(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	r := e.importMap("", "ferries.json", []byte(ferryAIF))
	if r.Status != http.StatusCreated {
		t.Fatalf("POST /v1/import = %d %s, want 201", r.Status, r.Body)
	}
	var res argmap.IngestResult
	r.JSON(t, &res)
	if res.Counts.Claims != 3 || res.Counts.Relations != 2 || res.Source.Kind != interchange.SourceKind {
		t.Errorf("POST /v1/import = %+v, want 3 claims, 2 relations, a source of kind %q", res, interchange.SourceKind)
	}
	if r := e.importMap("?format=aif", "renamed.txt", []byte(ferryAIF)); r.Status != http.StatusOK {
		t.Errorf("POST /v1/import (same bytes) = %d, want 200", r.Status)
	}
	r = e.get("/v1/export?format=aif")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /v1/export?format=aif = %d %s %s", r.Status, r.Header.Get("Content-Type"), r.Body)
	}
	var d aif.Document
	if err := json.Unmarshal(r.Body, &d); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	types := map[string]int{}
	for _, n := range d.Nodes {
		types[n.Type]++
	}
	if types["I"] != 3 || types["RA"] != 1 || types["CA"] != 1 || len(d.Edges) != 4 {
		t.Errorf("exported AIF has %v nodes and %d edges, want 3 I, 1 RA, 1 CA and 4 edges", types, len(d.Edges))
	}
	claim := ""
	var claims struct {
		Items []argmap.Claim `json:"items"`
	}
	e.get("/v1/claims?q=ferries").JSON(t, &claims)
	if len(claims.Items) > 0 {
		claim = claims.Items[0].ID
	}
	if claim == "" {
		t.Fatal("the imported claim is not listed")
	}
	if r := e.get("/v1/export?format=aif&depth=1&claim=" + claim); r.Status != http.StatusOK {
		t.Errorf("GET /v1/export with a claim = %d %s", r.Status, r.Body)
	}
}

func TestImportExportErrors(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	tests := []struct {
		name   string
		r      *resp
		status int
		want   string
	}{
		{"bad JSON", e.importMap("", "bad.json", []byte("{\n \"nodes\": [,]}")), 400, "line 2, column 12"},
		{"unknown extension", e.importMap("", "map.docx", []byte(ferryAIF)), 415, "extension"},
		{"unknown format", e.importMap("?format=carneades", "map.json", []byte(ferryAIF)), 400, ""},
		{"export without format", e.get("/v1/export"), 400, ""},
		{"export unknown claim", e.get("/v1/export?format=aif&claim=clm_nothere"), 404, "not found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.r.Status != tc.status {
				t.Fatalf("status = %d %s, want %d", tc.r.Status, tc.r.Body, tc.status)
			}
			if b := tc.r.Err(t); !strings.Contains(b.Message, tc.want) {
				t.Errorf("message = %q, want it to contain %q", b.Message, tc.want)
			}
		})
	}
	var st argmap.Counts
	e.get("/v1/stats").JSON(t, &st)
	if st.Claims != 0 || st.Sources != 0 {
		t.Errorf("after failed imports the store holds %+v, want nothing", st)
	}
}

func TestImportExportArgdown(t *testing.T) {
	e := newEnv(t, httpapi.Config{}, openStore(t), nil)
	doc := "[Sell]: The council should sell the ferries.\n  + <Fares>: Fares would fall.\n    <_ <Monopoly>: A sole operator keeps fares high.\n"
	if r := e.importMap("", "ferries.argdown", []byte(doc)); r.Status != http.StatusCreated {
		t.Fatalf("POST /v1/import (argdown) = %d %s", r.Status, r.Body)
	}
	r := e.get("/v1/export?format=argdown")
	if r.Status != http.StatusOK || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("GET /v1/export?format=argdown = %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	for _, want := range []string{"[Sell]: The council should sell the ferries.", "<Fares>\n  +> [Sell]", "<Monopoly>\n  _> <Fares>"} {
		if !strings.Contains(string(r.Body), want) {
			t.Errorf("export lacks %q:\n%s", want, r.Body)
		}
	}
	if r := e.importMap("", "bad.argdown", []byte("\n\n  - orphan\n")); r.Status != http.StatusBadRequest || !strings.Contains(r.Err(t).Message, "line 3, column 3") {
		t.Errorf("POST /v1/import (bad argdown) = %d %s, want 400 naming line 3, column 3", r.Status, r.Body)
	}
}
