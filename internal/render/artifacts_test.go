package render_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// TestArtifacts writes sample maps to -artifacts, for a person to look at.
func TestArtifacts(t *testing.T) {
	if *artifacts == "" {
		t.Skip("pass -artifacts DIR to write sample maps")
	}
	r := render.New(inProcess())
	for name, g := range map[string]*argmap.Graph{"small": smallGraph(), "big200": bigGraph(200)} {
		for _, f := range []argmap.RenderFormat{argmap.FormatDOT, argmap.FormatSVG, argmap.FormatPNG} {
			out, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: f, Focus: map[string]string{"small": "clm_rose", "big200": "clm_0005"}[name], Title: "Sample map: " + name})
			if err != nil {
				t.Fatalf("Render(%s, %s) error: %v", name, f, err)
			}
			if err := os.WriteFile(filepath.Join(*artifacts, name+"."+string(f)), out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
