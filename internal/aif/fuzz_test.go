package aif_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/aif"
)

// FuzzDecode feeds arbitrary bytes through the whole mapping: whatever
// decodes must map to a valid graph or a clear error, and the graph must
// write back to AIF that decodes and maps again.
func FuzzDecode(f *testing.F) {
	if data, err := os.ReadFile(filepath.Join("testdata", "dialogue.json")); err == nil {
		f.Add(data)
	}
	f.Add([]byte(`{"nodes":[{"nodeID":1,"text":"a","type":"I"},{"nodeID":2,"text":"RA","type":"RA"},{"nodeID":3,"text":"b","type":"I"}],"edges":[{"fromID":1,"toID":2},{"fromID":2,"toID":3}]}`))
	f.Add([]byte(`{"nodes":[],"edges":[]}`))
	f.Add([]byte("{\"nodes\":[{\"nodeID\":\"\xff\",\"type\":\"I\"}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := aif.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		src := source(data)
		g, _, err := aif.ToGraph(d, src, now)
		if err != nil {
			return
		}
		if err := g.Validate(nil); err != nil {
			t.Fatalf("ToGraph gave an invalid graph: %v", err)
		}
		var buf bytes.Buffer
		if err := aif.Encode(&buf, aif.FromGraph(g)); err != nil {
			t.Fatalf("Encode = %v", err)
		}
		back, err := aif.Decode(&buf)
		if err != nil {
			t.Fatalf("Decode(exported) = %v\n%s", err, buf.String())
		}
		if _, _, err := aif.ToGraph(back, src, now); err != nil {
			t.Fatalf("ToGraph(exported) = %v", err)
		}
	})
}
