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

// TestGCPercent: the collector's next run is at the floor while the live
// heap is small, and at the given percent more than the live heap once
// that is later.
func TestGCPercent(t *testing.T) {
	const floor = 256 << 20
	tests := []struct {
		live uint64
		want int
	}{
		{0, 6400},             // before any run: 64 times the minimum heap of 4 MiB
		{16 << 20, 1500},      // 16 MiB live: a run at 256 MiB
		{64 << 20, 300},       // 64 MiB: at 256
		{floor / 3, 200},      // 256/3 MiB: percent gives the floor itself
		{100 << 20, 200},      // past it: percent
		{floor, 200},          // at the floor
		{1 << 30, 200},        // far past it
		{floor - 1, 200},      // just under it: percent is later
		{floor / 1000, 99900}, // a tiny live heap
	}
	for _, tt := range tests {
		if got := gcPercent(tt.live, 200, floor); got != tt.want {
			t.Errorf("gcPercent(%d, 200, %d) = %d, want %d", tt.live, floor, got, tt.want)
		}
	}
	if got := gcPercent(0, 20000, floor); got != 20000 {
		t.Errorf("gcPercent(0, 20000, %d) = %d, want the percent, 20000", floor, got)
	}
}
