package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// TestExtractPutsCollectorBack: 'argmap extract' runs with the collector
// waiting for its memory limit unless GOGC or GOMEMLIMIT is set, and puts
// the process's settings back when it ends (a library caller of run, as
// the tests are, keeps its own).
func TestExtractPutsCollectorBack(t *testing.T) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		t.Skip("GOGC or GOMEMLIMIT is set: extract leaves the collector alone")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	const percent, limit = 137, 3 << 30
	defer debug.SetGCPercent(debug.SetGCPercent(percent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
	if code, _, stderr := cli(t, nil, "extract", filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("extract exit code %d: %s", code, stderr)
	}
	if got := debug.SetGCPercent(percent); got != percent {
		t.Errorf("GC percent after extract = %d, want %d", got, percent)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("memory limit after extract = %d, want %d", got, limit)
	}
}
