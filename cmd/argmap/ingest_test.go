package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestProgress: a progress bar with documents/s and an estimate of
// the time left, or plain lines, one per document.
func TestIngestProgress(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a.md":    []byte(essay),
		"b.txt":   []byte("Amnesty International contends that returns from detention cannot be voluntary."),
		"bad.txt": []byte("IOM is \xff criticised."),
	})
	tests := []struct {
		progress string
		code     int
		want     []string
		unwanted []string
	}{
		{"bar", 1, []string{"ingesting", "/3, ", " docs/", "bad.txt  error: invalid UTF-8", "ingested 2 new, 0 unchanged, 1 failed"}, []string{" ok "}},
		{"lines", 1, []string{"a.md", " ok ", "b.txt", "bad.txt  error: invalid UTF-8", "ingested 2 new"}, []string{"docs/s |", "█"}},
		{"auto", 1, []string{" ok ", "ingested 2 new"}, []string{"█"}}, // stderr is not a terminal here
		{"sometimes", 2, []string{"--progress is auto, bar or lines"}, nil},
	}
	for _, tt := range tests {
		store := filepath.Join(t.TempDir(), "s.db")
		code, _, stderr := cli(t, nil, "ingest", "--store", store, "--progress", tt.progress, dir)
		if code != tt.code {
			t.Errorf("--progress %s: exit code %d, want %d; stderr:\n%s", tt.progress, code, tt.code, stderr)
		}
		for _, w := range tt.want {
			if !strings.Contains(stderr, w) {
				t.Errorf("--progress %s: stderr lacks %q:\n%s", tt.progress, w, stderr)
			}
		}
		for _, w := range tt.unwanted {
			if strings.Contains(stderr, w) {
				t.Errorf("--progress %s: stderr has %q:\n%s", tt.progress, w, stderr)
			}
		}
	}
}
