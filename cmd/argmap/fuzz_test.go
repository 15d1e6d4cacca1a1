package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// FuzzCommandLine runs the read-only commands with arbitrary arguments over a
// small store: flags are parsed without a panic, and every run ends with exit
// code 0, 1 (a clear error) or 2 (a usage error).
func FuzzCommandLine(f *testing.F) {
	dir := f.TempDir()
	store := filepath.Join(dir, "s.db")
	doc := filepath.Join(dir, "essay.md")
	if err := os.WriteFile(doc, []byte(essay), 0o644); err != nil {
		f.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}, []string{"ingest", "--store", store, doc}); code != 0 {
		f.Fatalf("ingest = %d: %s", code, errb.String())
	}
	f.Add(0, "IOM enforces exclusions\x00--depth\x003")
	f.Add(1, "--format\x00jsonl\x00"+doc)
	f.Add(2, "--limit\x00-1\x00--q\x00x")
	f.Add(3, "--\x00--depth")
	f.Add(4, "--format=json\x00--after\x00zzz")
	f.Add(0, "clm_doesnotexist\x00--depth\x0099999999999999999999")
	f.Fuzz(func(t *testing.T, cmd int, args string) {
		if strings.Contains(args, "store") || strings.Contains(args, "-o") || strings.Contains(args, "out") {
			return // never point the commands at other files to write or migrate
		}
		cmds := []string{"supporters", "extract", "sources", "claims", "actors"}
		argv := append([]string{cmds[(cmd%len(cmds)+len(cmds))%len(cmds)]}, strings.Split(args, "\x00")...)
		if argv[0] == "extract" {
			// Only the one document, never paths the fuzzer makes up.
			for _, a := range argv[1:] {
				if !strings.HasPrefix(a, "-") && a != doc {
					return
				}
			}
		}
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, getenv: func(k string) string {
			if k == "ARGMAP_STORE" {
				return store
			}
			return ""
		}}
		if code := run(context.Background(), e, argv); code < 0 || code > 2 {
			t.Fatalf("argmap %q = exit %d: %s", argv, code, errb.String())
		}
	})
}

// FuzzReadDocument reads arbitrary file contents and names as documents: no
// panic, the bytes as written, and only the errors a user can act on.
func FuzzReadDocument(f *testing.F) {
	f.Add([]byte("The IOM acts.\r\n"), "a.txt")
	f.Add([]byte("<html><p>x</p></html>"), "page.HTML")
	f.Add([]byte{0xff, 0xfe, 0}, "bin.md")
	f.Add([]byte{}, "empty")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		name = filepath.Base(strings.Map(func(r rune) rune {
			if r == '/' || r == 0 || r == '\\' {
				return '_'
			}
			return r
		}, name))
		if name == "." || name == ".." || name == "" || len(name) > 200 {
			name = "doc.txt"
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return // a name the file system refuses
		}
		defer os.Remove(p)
		doc, err := readDocument(p)
		if err != nil {
			switch argmap.ErrorCode(err) {
			case argmap.EINVALID, argmap.ENOTFOUND, argmap.ETOOLARGE:
			default:
				t.Fatalf("readDocument(%q): %v", name, err)
			}
			return
		}
		if !bytes.Equal(doc.Data, data) || doc.Name != name {
			t.Fatalf("readDocument(%q) = %q (%d bytes), want the %d bytes written", name, doc.Name, len(doc.Data), len(data))
		}
	})
}
