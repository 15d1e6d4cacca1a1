package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestRenderWorker draws maps the ways a user's argmap finds its render
// worker: built from the source tree into the cache directory (go run
// ./cmd/argmap), then named by ARGMAP_RENDER_WORKER; and refuses a worker
// path that is not a program.
func TestRenderWorker(t *testing.T) {
	if testing.Short() {
		t.Skip("builds cmd/argmap-render with go build")
	}
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	if code, _, errs := cli(t, nil, "ingest", "--store", store, filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("ingest = %d: %s", code, errs)
	}
	cache := filepath.Join(dir, "cache")
	built := filepath.Join(cache, "bin", workerName)

	// The test runs in cmd/argmap of the source tree: argmap builds the
	// worker into its cache directory.
	svg := filepath.Join(dir, "map.svg")
	code, _, errs := cli(t, map[string]string{"ARGMAP_CACHE_DIR": cache, "ARGMAP_DOT": "off"}, "export", "--store", store, "--format", "svg", "-o", svg)
	if code != 0 {
		t.Fatalf("export svg from the source tree = %d: %s", code, errs)
	}
	if !strings.Contains(errs, "building the map render worker") {
		t.Errorf("export stderr = %q, want it to say that it builds the render worker", errs)
	}
	if !isExecutable(built) {
		t.Fatalf("no render worker at %s after the export", built)
	}
	if b, err := os.ReadFile(svg); err != nil || !bytes.Contains(b, []byte("<svg")) {
		t.Fatalf("map.svg = %.80q, %v; want an SVG", b, err)
	}

	tests := []struct {
		name   string
		worker string
		code   int
		stderr string
	}{
		{"worker named", built, 0, "wrote "},
		{"missing worker", filepath.Join(dir, "nope"), 1, "ARGMAP_RENDER_WORKER=" + filepath.Join(dir, "nope") + " is not an executable file"},
		{"directory", dir, 1, "is not an executable file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			png := filepath.Join(t.TempDir(), "map.png")
			code, _, errs := cli(t, map[string]string{"ARGMAP_RENDER_WORKER": tt.worker, "ARGMAP_CACHE_DIR": filepath.Join(dir, "unused"), "ARGMAP_DOT": "off"}, "export", "--store", store, "--format", "png", "-o", png)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("export png with ARGMAP_RENDER_WORKER=%s = %d, %q; want %d and %q", tt.worker, code, errs, tt.code, tt.stderr)
			}
			if _, err := os.Stat(filepath.Join(dir, "unused")); err == nil {
				t.Errorf("argmap built a worker although ARGMAP_RENDER_WORKER names one")
			}
		})
	}
}

// TestNativeDot draws a map with the machine's Graphviz dot, and refuses an
// ARGMAP_DOT that is not a program.
func TestNativeDot(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	if code, _, errs := cli(t, nil, "ingest", "--store", store, filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("ingest = %d: %s", code, errs)
	}
	if code, _, errs := cli(t, map[string]string{"ARGMAP_DOT": filepath.Join(dir, "nope")}, "export", "--store", store, "--format", "svg", "-o", filepath.Join(dir, "x.svg")); code != 1 || !strings.Contains(errs, "ARGMAP_DOT="+filepath.Join(dir, "nope")+" is not an executable file") {
		t.Errorf("export with a missing ARGMAP_DOT = %d, %q", code, errs)
	}
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("no Graphviz dot on PATH (Debian: apt-get install graphviz)")
	}
	// No worker can be found or built: the map must come from dot.
	envv := map[string]string{"ARGMAP_DOT": dot, "ARGMAP_RENDER_WORKER": "", "ARGMAP_CACHE_DIR": filepath.Join(dir, "unused")}
	for _, f := range []string{"svg", "png"} {
		out := filepath.Join(dir, "map."+f)
		if code, _, errs := cli(t, envv, "export", "--store", store, "--format", f, "-o", out); code != 0 {
			t.Fatalf("export %s with dot = %d: %s", f, code, errs)
		}
		b, err := os.ReadFile(out)
		if err != nil || !(bytes.Contains(b[:min(len(b), 1000)], []byte("<svg")) || bytes.HasPrefix(b, []byte("\x89PNG"))) {
			t.Errorf("map.%s = %.40q, %v", f, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "unused")); err == nil {
		t.Errorf("argmap built a render worker although dot was there")
	}
}
