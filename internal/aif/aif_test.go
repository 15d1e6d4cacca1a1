package aif_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/aif"
	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sharedtest"
)

var now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func source(data []byte) argmap.Source {
	h := argmap.ContentHash(data)
	return argmap.Source{ID: argmap.DerivedID(argmap.KindSource, h), Title: "t", ContentHash: h, CreatedAt: now}
}

// counts returns the number of I, RA and CA nodes and of the edges between
// them by endpoint types ("I>RA", "CA>RA", ...).
func counts(d *aif.Document) map[string]int {
	typ := map[aif.ID]string{}
	out := map[string]int{}
	for _, n := range d.Nodes {
		typ[n.NodeID] = n.Type
		switch n.Type {
		case aif.TypeI, aif.TypeRA, aif.TypeCA:
			out[n.Type]++
		}
	}
	core := func(t string) bool { return t == aif.TypeI || t == aif.TypeRA || t == aif.TypeCA }
	for _, e := range d.Edges {
		if f, t := typ[e.FromID], typ[e.ToID]; core(f) && core(t) {
			out[f+">"+t]++
		}
	}
	return out
}

func roundTrip(t *testing.T, data []byte) (*aif.Document, *aif.Document, *argmap.Graph) {
	t.Helper()
	d, err := aif.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Decode = %v", err)
	}
	src := source(data)
	g, _, err := aif.ToGraph(d, src, now)
	if err != nil {
		t.Fatalf("ToGraph = %v", err)
	}
	g.Sources = []argmap.Source{src}
	if err := g.Validate(nil); err != nil {
		t.Fatalf("ToGraph gave an invalid graph: %v", err)
	}
	var buf bytes.Buffer
	if err := aif.Encode(&buf, aif.FromGraph(g)); err != nil {
		t.Fatalf("Encode = %v", err)
	}
	back, err := aif.Decode(&buf)
	if err != nil {
		t.Fatalf("Decode(exported) = %v", err)
	}
	return d, back, g
}

// TestSharedNodesets imports every nodeset in ../shared/data/aif and checks
// that writing it back keeps the I, RA and CA nodes and the edges between
// them, by type.
func TestSharedNodesets(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "data", "aif")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if len(files) == 0 {
		t.Skipf("no AIF nodesets under %s", dir)
	}
	for _, f := range files {
		name, _ := filepath.Rel(dir, f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			in, back, g := roundTrip(t, data)
			if got, want := fmt.Sprint(counts(back)), fmt.Sprint(counts(in)); got != want {
				t.Errorf("AIF -> argmap -> AIF counts = %s, want %s", got, want)
			}
			// Importing the export again gives the same claims and relations.
			src2 := source([]byte("again"))
			g2, _, err := aif.ToGraph(back, src2, now)
			if err != nil {
				t.Fatalf("ToGraph(exported) = %v", err)
			}
			if got, want := shape(g2), shape(g); got != want {
				t.Errorf("re-imported graph differs:\n got %s\nwant %s", got, want)
			}
		})
	}
}

// shape describes a graph without its IDs: claim texts with their actors,
// and relations as kind, scheme, premise texts and target.
func shape(g *argmap.Graph) string {
	text := map[string]string{}
	names := map[string]string{}
	for _, a := range g.Actors {
		names[a.ID] = a.Name
	}
	var lines []string
	for _, c := range g.Claims {
		text[c.ID] = c.Text
		var as []string
		for _, a := range c.Actors {
			as = append(as, string(a.Role)+" "+names[a.ActorID])
		}
		sort.Strings(as)
		lines = append(lines, "claim "+c.Text+" "+strings.Join(as, ","))
	}
	var desc func(id string) string
	rel := map[string]argmap.Relation{}
	for _, r := range g.Relations {
		rel[r.ID] = r
	}
	desc = func(id string) string {
		if r, ok := rel[id]; ok {
			var from []string
			for _, f := range r.From {
				from = append(from, text[f])
			}
			sort.Strings(from)
			return fmt.Sprintf("(%s %s [%s] -> %s)", r.Kind, r.Scheme, strings.Join(from, " | "), desc(r.To))
		}
		return text[id]
	}
	for _, r := range g.Relations {
		lines = append(lines, desc(r.ID))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestMapping(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "dialogue.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := aif.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Decode = %v", err)
	}
	g, res, err := aif.ToGraph(d, source(data), now)
	if err != nil {
		t.Fatalf("ToGraph = %v", err)
	}
	want := strings.Join([]string{
		"(contests  [Ferries should stay public] -> (supports ExpertOpinion [The harbour board knows the routes | The harbour board says fares would fall] -> Ferries should be sold))",
		"(supports ExpertOpinion [The harbour board knows the routes | The harbour board says fares would fall] -> Ferries should be sold)",
		"claim Ferries should be sold asserts Ana",
		"claim Ferries should stay public disputes Ana",
		"claim The harbour board knows the routes ",
		"claim The harbour board says fares would fall asserts person 7",
		"claim the ferries ought to be sold ",
	}, "\n")
	if got := shape(g); got != want {
		t.Errorf("ToGraph(dialogue.json) =\n%s\nwant\n%s", got, want)
	}
	if res.Dropped[aif.TypeTA] != 1 || res.Dropped[aif.TypeMA] != 1 {
		t.Errorf("ToGraph dropped %v, want one TA and one MA", res.Dropped)
	}
}

func TestDecodeErrors(t *testing.T) {
	big := `{"nodes":[` + strings.Repeat(`{"nodeID":"1","text":"x","type":"I"},`, 10) + `]}`
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty"},
		{"not JSON", "{\n  \"nodes\": [oops]}", "line 2, column 13"},
		{"invalid UTF-8", "{\"nodes\":[{\"nodeID\":\"1\",\"text\":\"caf\xe9\",\"type\":\"I\"}]}", "line 1, column 36: invalid UTF-8"},
		{"truncated", `{"nodes":[{"nodeID":"1"`, "ends too early"},
		{"wrong type", `{"nodes":{"a":1}}`, "must be an array"},
		{"no nodes", `{"edges":[]}`, `no "nodes"`},
		{"no nodeID", `{"nodes":[{"text":"a","type":"I"}]}`, "no nodeID"},
		{"duplicate", `{"nodes":[{"nodeID":1,"text":"a","type":"I"},{"nodeID":"1","text":"b","type":"I"}]}`, "used twice"},
		{"dangling edge", `{"nodes":[{"nodeID":"1","text":"a","type":"I"}],"edges":[{"fromID":"1","toID":"9"}]}`, `unknown node "9"`},
		{"trailing data", `{"nodes":[]} {}`, "more data"},
		{"trailing comma", big, "line 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := aif.Decode(strings.NewReader(tc.in))
			if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(argmap.ErrorMessage(err), tc.want) {
				t.Errorf("Decode(%.40q) = %v, want EINVALID containing %q", tc.in, err, tc.want)
			}
		})
	}
}

func TestToGraphErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"no premise", `{"nodes":[{"nodeID":"1","text":"a","type":"I"},{"nodeID":"2","text":"RA","type":"RA"}],"edges":[{"fromID":"2","toID":"1"}]}`, "RA node 2 has no premise"},
		{"no conclusion", `{"nodes":[{"nodeID":"1","text":"a","type":"I"},{"nodeID":"2","text":"CA","type":"CA"}],"edges":[{"fromID":"1","toID":"2"}]}`, "CA node 2 has no conclusion"},
		{"two conclusions", `{"nodes":[{"nodeID":"1","text":"a","type":"I"},{"nodeID":"3","text":"b","type":"I"},{"nodeID":"4","text":"c","type":"I"},{"nodeID":"2","text":"RA","type":"RA"}],"edges":[{"fromID":"1","toID":"2"},{"fromID":"2","toID":"3"},{"fromID":"2","toID":"4"}]}`, "2 conclusions"},
		{"circular", `{"nodes":[{"nodeID":"1","text":"a","type":"I"},{"nodeID":"2","text":"RA","type":"RA"}],"edges":[{"fromID":"1","toID":"2"},{"fromID":"2","toID":"1"}]}`, "cannot bear on itself"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := aif.Decode(strings.NewReader(tc.in))
			if err != nil {
				t.Fatalf("Decode = %v", err)
			}
			_, _, err = aif.ToGraph(d, source([]byte(tc.in)), now)
			if argmap.ErrorCode(err) != argmap.EINVALID || !strings.Contains(argmap.ErrorMessage(err), tc.want) {
				t.Errorf("ToGraph = %v, want EINVALID containing %q", err, tc.want)
			}
		})
	}
}

// TestLargeInput reads a 10 MB nodeset.
func TestLargeInput(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"nodes":[`)
	n := 0
	for b.Len() < 10<<20 {
		if n > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"nodeID":"%d","text":"claim number %d about ferries","type":"I"}`, n, n)
		if n > 0 {
			fmt.Fprintf(&b, `,{"nodeID":"r%d","text":"RA","type":"RA"}`, n)
		}
		n++
	}
	b.WriteString(`],"edges":[`)
	for i := 1; i < n; i++ {
		if i > 1 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"fromID":"%d","toID":"r%d"},{"fromID":"r%d","toID":"%d"}`, i, i, i, i-1)
	}
	b.WriteString(`]}`)
	d, err := aif.Decode(strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("Decode(10 MB) = %v", err)
	}
	g, _, err := aif.ToGraph(d, source([]byte("big")), now)
	if err != nil {
		t.Fatalf("ToGraph(10 MB) = %v", err)
	}
	if len(g.Claims) != n || len(g.Relations) != n-1 {
		t.Errorf("ToGraph(10 MB) = %d claims, %d relations, want %d, %d", len(g.Claims), len(g.Relations), n, n-1)
	}
}
