package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const ferriesAIF = `{"nodes":[
 {"nodeID":"1","text":"Ferries should be sold","type":"I"},
 {"nodeID":"2","text":"Fares would fall","type":"I"},
 {"nodeID":"3","text":"Default Inference","type":"RA","scheme":"Consequences"},
 {"nodeID":"4","text":"Fares never fell after a sale","type":"I"},
 {"nodeID":"5","text":"CA","type":"CA"}],
"edges":[{"edgeID":"1","fromID":"2","toID":"3"},{"edgeID":"2","fromID":"3","toID":"1"},
 {"edgeID":"3","fromID":"4","toID":"5"},{"edgeID":"4","fromID":"5","toID":"3"}]}`

func TestImportExportAIF(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	writeFiles(t, dir, map[string][]byte{
		"ferries.json": []byte(ferriesAIF),
		"broken.json":  []byte("{\"nodes\": [\n  {\"nodeID\": 1,}\n]}"),
		"notes.docx":   []byte("x"),
	})
	code, _, stderr := cli(t, nil, "import", "--store", store, filepath.Join(dir, "ferries.json"))
	if code != 0 || !strings.Contains(stderr, "3 claims") || !strings.Contains(stderr, "2 relations") {
		t.Fatalf("import = %d %q, want 0 with 3 claims and 2 relations", code, stderr)
	}
	code, _, stderr = cli(t, nil, "import", "--store", store, filepath.Join(dir, "ferries.json"), filepath.Join(dir, "broken.json"), filepath.Join(dir, "notes.docx"))
	for _, want := range []string{"unchanged", "line 2, column 16", "extension", "1 unchanged, 2 failed"} {
		if code != 1 || !strings.Contains(stderr, want) {
			t.Errorf("import (again, broken, unknown) = %d %q, want 1 and %q", code, stderr, want)
		}
	}
	out := filepath.Join(dir, "out.json")
	if code, _, stderr := cli(t, nil, "export", "--store", store, "--format", "aif", "-o", out); code != 0 {
		t.Fatalf("export --format aif = %d %q", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Nodes []struct{ Type, Text, Scheme string }
		Edges []struct{ FromID, ToID string }
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	types := map[string]int{}
	scheme := ""
	for _, n := range d.Nodes {
		types[n.Type]++
		if n.Type == "RA" {
			scheme = n.Scheme
		}
	}
	if types["I"] != 3 || types["RA"] != 1 || types["CA"] != 1 || len(d.Edges) != 4 || scheme != "Consequences" {
		t.Errorf("export = %v nodes, %d edges, RA scheme %q; want 3 I, 1 RA, 1 CA, 4 edges, Consequences", types, len(d.Edges), scheme)
	}
	// The export imports into another store as the same map.
	other := filepath.Join(dir, "b.db")
	if code, _, stderr := cli(t, nil, "import", "--store", other, "--format", "aif", out); code != 0 || !strings.Contains(stderr, "3 claims   2 relations") {
		t.Errorf("import of the export = %d %q", code, stderr)
	}
}
