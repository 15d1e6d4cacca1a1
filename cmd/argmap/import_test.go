package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
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

// ferriesArgdown is a small map in Argdown: a thesis, two sketched
// arguments (one undercut), a reconstructed argument and a contradiction.
const ferriesArgdown = `# Ferries

[Sell]: The council should sell the ferries.
  + <Fares>: Fares would fall under a private operator. #pro
    <_ <Monopoly>: A sole operator has no reason to cut fares. #con
  - <Jobs>: Crews would lose their jobs.

<Subsidy>

(1) The ferries need a subsidy every year.
(2) [Budget]: The budget cannot carry the subsidy.
----
(3) [Sell]
  >< [Keep]: The council should keep the ferries.
`

func TestImportExportArgdown(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	writeFiles(t, dir, map[string][]byte{
		"ferries.argdown": []byte(ferriesArgdown),
		"broken.ad":       []byte("[A]: fine\n\n  + dangling relation\n"),
	})
	code, _, stderr := cli(t, nil, "import", "--store", store, filepath.Join(dir, "broken.ad"))
	if code != 1 || !strings.Contains(stderr, "line 3, column 3") {
		t.Errorf("import broken.ad = %d %q, want 1 naming line 3, column 3", code, stderr)
	}
	code, _, stderr = cli(t, nil, "import", "--store", store, filepath.Join(dir, "ferries.argdown"))
	if code != 0 || !strings.Contains(stderr, "1 new") {
		t.Fatalf("import ferries.argdown = %d %q", code, stderr)
	}
	// 4 statements + 4 arguments; relations: 1 step, support, undercut,
	// attack, contradictory.
	if !strings.Contains(stderr, "8 claims") || !strings.Contains(stderr, "5 relations") {
		t.Errorf("import ferries.argdown = %q, want 8 claims and 5 relations", stderr)
	}
	out := filepath.Join(dir, "out.argdown")
	if code, _, stderr := cli(t, nil, "export", "--store", store, "--format", "argdown", "-o", out); code != 0 {
		t.Fatalf("export --format argdown = %d %q", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"[Sell]: The council should sell the ferries.", "<Monopoly>\n  _> <Fares>", "(2) [Budget]", "><"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("export lacks %q:\n%s", want, data)
		}
	}
	// The export imports into another store as a map of the same size.
	other := filepath.Join(dir, "b.db")
	if code, _, stderr := cli(t, nil, "import", "--store", other, out); code != 0 || !strings.Contains(stderr, "8 claims   5 relations") {
		t.Errorf("import of the export = %d %q", code, stderr)
	}
}

// TestArgdownUndercutDrawnOnEdge: the map of an imported Argdown document
// draws an undercut onto the edge (the inference) it attacks.
func TestArgdownUndercutDrawnOnEdge(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	writeFiles(t, dir, map[string][]byte{"ferries.argdown": []byte(ferriesArgdown)})
	if code, _, stderr := cli(t, nil, "import", "--store", store, filepath.Join(dir, "ferries.argdown")); code != 0 {
		t.Fatalf("import = %d %q", code, stderr)
	}
	out := filepath.Join(dir, "map.dot")
	if code, _, stderr := cli(t, nil, "export", "--store", store, "--format", "dot", "-o", out); code != 0 {
		t.Fatalf("export --format dot = %d %q", code, stderr)
	}
	dot, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	src := argmap.DerivedID(argmap.KindSource, argmap.ContentHash([]byte(ferriesArgdown)))
	fares := argmap.DerivedID(argmap.KindClaim, src, "argument", "Fares")
	monopoly := argmap.DerivedID(argmap.KindClaim, src, "argument", "Monopoly")
	sell := argmap.DerivedID(argmap.KindClaim, src, "statement", "0", "Sell")
	inference := argmap.DerivedID(argmap.KindRelation, src, "support", fares, sell)
	for _, want := range []string{
		`"` + inference + `" [shape=point`,                   // the supported edge passes a junction
		`"` + fares + `" -> "` + inference + `"`,             // premise into the junction
		`"` + inference + `" -> "` + sell + `"`,              // junction to the conclusion
		`"` + monopoly + `" -> "` + inference + `" [color="`, // the undercut ends on it
	} {
		if !strings.Contains(string(dot), want) {
			t.Errorf("map lacks %s:\n%s", want, dot)
		}
	}
}

// TestExtractedExportsAreValid: the map argmap extracts from a document,
// exported as AIF, has the AIF JSON structure (typed nodes, edges between
// known nodes, every RA and CA node with premises and one conclusion) and
// imports again; exported as Argdown it parses again.
func TestExtractedExportsAreValid(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "a.db")
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay + "\nBecause detention is the alternative, return is coerced. Therefore IOM enforces exclusion.\n")})
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("ingest = %d %q", code, stderr)
	}
	out := filepath.Join(dir, "map.json")
	if code, _, stderr := cli(t, nil, "export", "--store", store, "--format", "aif", "-o", out); code != 0 {
		t.Fatalf("export --format aif = %d %q", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Nodes []struct {
			NodeID string `json:"nodeID"`
			Text   string `json:"text"`
			Type   string `json:"type"`
		} `json:"nodes"`
		Edges []struct {
			EdgeID string `json:"edgeID"`
			FromID string `json:"fromID"`
			ToID   string `json:"toID"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatalf("AIF export is not JSON: %v", err)
	}
	typ := map[string]string{}
	for _, n := range d.Nodes {
		switch n.Type {
		case "I", "RA", "CA", "L", "YA":
		default:
			t.Errorf("node %s has type %q", n.NodeID, n.Type)
		}
		if n.NodeID == "" || n.Text == "" || typ[n.NodeID] != "" {
			t.Errorf("node %+v: empty or repeated ID, or no text", n)
		}
		typ[n.NodeID] = n.Type
	}
	in, outs := map[string]int{}, map[string]int{}
	for _, e := range d.Edges {
		if typ[e.FromID] == "" || typ[e.ToID] == "" || e.EdgeID == "" {
			t.Errorf("edge %+v joins unknown nodes", e)
		}
		in[e.ToID]++
		outs[e.FromID]++
	}
	s := 0
	for id, ty := range typ {
		if ty == "RA" || ty == "CA" {
			s++
			if in[id] == 0 || outs[id] != 1 {
				t.Errorf("%s node %s has %d premises and %d conclusions", ty, id, in[id], outs[id])
			}
		}
	}
	if len(typ) == 0 || s == 0 {
		t.Errorf("AIF export of an extracted document has %d nodes, %d RA/CA: want an argument", len(typ), s)
	}
	if code, _, stderr := cli(t, nil, "import", "--store", filepath.Join(dir, "b.db"), out); code != 0 {
		t.Errorf("import of the AIF export = %d %q", code, stderr)
	}
	ad := filepath.Join(dir, "map.argdown")
	if code, _, stderr := cli(t, nil, "export", "--store", store, "--format", "argdown", "-o", ad); code != 0 {
		t.Fatalf("export --format argdown = %d %q", code, stderr)
	}
	if code, _, stderr := cli(t, nil, "import", "--store", filepath.Join(dir, "c.db"), ad); code != 0 {
		t.Errorf("import of the Argdown export = %d %q", code, stderr)
	}
}
