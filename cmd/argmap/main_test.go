package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// cli runs argmap with args in dir's environment and returns its exit code
// and output streams.
func cli(t testing.TB, envv map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(k string) string { return envv[k] }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

const essay = `# Return and its critics

We argue that the International Organization for Migration (IOM) enforces the exclusion of asylum seekers.
Critics contend that assisted voluntary return is not voluntary when the alternative is detention.
`

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	store := filepath.Join(t.TempDir(), "a.db")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no command", nil, 2, ""},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"unknown flag", []string{"ingest", "--bogus", "x"}, 2, "flag provided but not defined: -bogus"},
		{"no files", []string{"ingest", "--store", store}, 2, "name at least one file"},
		{"bad depth", []string{"supporters", "--store", store, "--depth", "0", "x"}, 2, "--depth must be between"},
		{"bad format", []string{"export", "--store", store, "--format", "gif", "-o", "x.gif"}, 2, "--format must be dot, svg, png or"},
		{"import without files", []string{"import", "--store", store}, 2, "name at least one file"},
		{"import unknown format", []string{"import", "--store", store, "--format", "gif", "x.gif"}, 2, "unknown map format"},
		{"missing file", []string{"ingest", "--store", store, "/no/such/file.txt"}, 1, "no such file or directory"},
		{"unknown claim ID", []string{"supporters", "--store", store, "clm_doesnotexist"}, 1, "not found"},
		{"unknown focus", []string{"export", "--store", store, "--format", "dot", "--claim", "clm_doesnotexist", "-o", filepath.Join(t.TempDir(), "x.dot")}, 1, "not found"},
	}
	for _, tt := range tests {
		code, _, stderr := cli(t, nil, tt.args...)
		if code != tt.wantCode {
			t.Errorf("%s: exit code = %d, want %d (stderr %q)", tt.name, code, tt.wantCode, stderr)
		}
		if !strings.Contains(stderr, tt.wantErr) {
			t.Errorf("%s: stderr = %q, want it to contain %q", tt.name, stderr, tt.wantErr)
		}
		if tt.wantCode == 1 && strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("%s: stderr has several lines, want one clear line: %q", tt.name, stderr)
		}
	}
}

// TestCommandHelp: a command's help, asked with --help, -h or 'argmap help
// COMMAND', is printed on stdout with exit code 0, with the command's notes
// (ingest's say how it sets the collector).
func TestCommandHelp(t *testing.T) {
	for _, args := range [][]string{{"ingest", "--help"}, {"ingest", "-h"}, {"help", "ingest"}, {"ingest", "--store", "x.db", "--help", "dir"}} {
		code, stdout, stderr := cli(t, nil, args...)
		if code != 0 || stderr != "" {
			t.Errorf("argmap %v: exit code %d, stderr %q, want 0 and nothing", args, code, stderr)
		}
		for _, want := range []string{"usage: argmap ingest [--store PATH]", "store their argument graph", "GOGC=200"} {
			if !strings.Contains(stdout, want) {
				t.Errorf("argmap %v: stdout lacks %q:\n%s", args, want, stdout)
			}
		}
	}
	code, stdout, _ := cli(t, nil, "sources", "--help")
	if code != 0 || !strings.HasPrefix(stdout, "usage: argmap sources") || strings.Contains(stdout, "GOGC") {
		t.Errorf("argmap sources --help: exit code %d, stdout %q, want 0 and its usage alone", code, stdout)
	}
}

func TestIngestMixedDirectory(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("IOM acts. "), (maxDocumentBytes/10)+10)
	writeFiles(t, dir, map[string][]byte{
		"good.md":         []byte(essay),
		"page.html":       []byte("<html><head><script>alert(1)</script></head><body><p>Human Rights Watch argues that IOM should stop running detention centres.</p></body></html>"),
		"bad-utf8.txt":    []byte("IOM is \xff criticised."),
		"empty.txt":       nil,
		"image.png":       {0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
		"huge.txt":        big,
		"README.md":       []byte("This folder holds test files."),
		"sub/nested.txt":  []byte("Amnesty International contends that returns from detention cannot be voluntary."),
		".hidden/skip.md": []byte("Never read."),
	})
	store := filepath.Join(t.TempDir(), "s.db")
	code, _, stderr := cli(t, nil, "ingest", "--store", store, dir)
	if code != 1 {
		t.Errorf("ingest(mixed) exit code = %d, want 1 (some files failed); stderr:\n%s", code, stderr)
	}
	for _, want := range []string{"error: invalid UTF-8", "empty.txt", "image.png", "huge.txt", "larger than 50 MiB", "good.md", "page.html", "nested.txt",
		"ingested 3 new, 0 unchanged, 4 failed"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("ingest(mixed) stderr lacks %q:\n%s", want, stderr)
		}
	}
	for _, unwanted := range []string{"README.md", "skip.md", "panic"} {
		if strings.Contains(stderr, unwanted) {
			t.Errorf("ingest(mixed) stderr mentions %q:\n%s", unwanted, stderr)
		}
	}
	// Again: everything good is unchanged, nothing is added.
	_, _, stderr = cli(t, nil, "ingest", "--store", store, dir)
	if !strings.Contains(stderr, "ingested 0 new, 3 unchanged, 4 failed") {
		t.Errorf("second ingest stderr = %s, want 3 unchanged", stderr)
	}
}

func TestIngestSupportersExport(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	envv := map[string]string{"ARGMAP_STORE": filepath.Join(t.TempDir(), "s.db")}
	if code, _, stderr := cli(t, envv, "ingest", filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("ingest exit code = %d; stderr:\n%s", code, stderr)
	}
	code, out, stderr := cli(t, envv, "supporters", "--format", "json", "IOM enforces asylum exclusion")
	if code != 0 {
		t.Fatalf("supporters exit code = %d; stderr:\n%s", code, stderr)
	}
	var ans argmap.SupportAnswer
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatalf("supporters --format json printed invalid JSON: %v\n%s", err, out)
	}
	if len(ans.Claims) == 0 || len(ans.Supporting) == 0 {
		t.Fatalf("supporters = %+v, want a matched claim and a supporting source", ans)
	}
	s := ans.Supporting[0]
	if !strings.HasSuffix(s.Source.URI, "essay.md") || len(s.Spans) == 0 || !strings.Contains(s.Spans[0].Quote, "enforces the exclusion") {
		t.Errorf("supporting[0] = %+v, want essay.md with the quoted span", s)
	}
	code, out, _ = cli(t, envv, "supporters", "IOM", "enforces", "asylum", "exclusion", "--depth", "2")
	if code != 0 || !strings.Contains(out, "Supporting (1 source)") || !strings.Contains(out, "“We argue that") {
		t.Errorf("supporters text = %d\n%s", code, out)
	}
	dot := filepath.Join(t.TempDir(), "map.dot")
	if code, _, stderr := cli(t, envv, "export", "--format", "dot", "-o", dot, "--claim", ans.Claims[0].ID); code != 0 {
		t.Fatalf("export exit code = %d; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(dot)
	if err != nil || !bytes.Contains(data, []byte("digraph")) {
		t.Errorf("export wrote %q (%v), want a DOT digraph", data, err)
	}
}

func TestExtractJSONL(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay), "empty.txt": nil})
	code, out, stderr := cli(t, nil, "extract", "--format", "jsonl", filepath.Join(dir, "essay.md"), filepath.Join(dir, "empty.txt"))
	if code != 1 || !strings.Contains(stderr, "empty.txt") {
		t.Errorf("extract exit code = %d, stderr %q; want 1 and a line about empty.txt", code, stderr)
	}
	types := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var o struct {
			Type, Doc  string
			Start, End int
			Text       string
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("extract printed a bad line %q: %v", line, err)
		}
		types[o.Type]++
		if o.Doc != "essay.md" {
			t.Errorf("line %q has doc %q, want essay.md", line, o.Doc)
		}
		if o.Type == "claim" && essay[o.Start:o.End] != o.Text {
			t.Errorf("claim text %q is not file[%d:%d] = %q", o.Text, o.Start, o.End, essay[o.Start:o.End])
		}
	}
	if types["source"] != 1 || types["claim"] == 0 || types["actor"] == 0 {
		t.Errorf("extract line types = %v, want a source, claims and actors", types)
	}
}

// TestExtractWorkers extracts many files with several workers: the output is
// the one worker's, byte for byte, each document's lines in the order the
// files were named, and a file that fails is reported in its place.
func TestExtractWorkers(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"07-empty.txt": nil}
	var args []string
	for i := range 16 {
		name := fmt.Sprintf("%02d-essay.md", i)
		if i != 7 {
			files[name] = []byte(fmt.Sprintf("%s\nIn %d, the ministry argues that ferry %d should be sold because it loses money.\n", essay, 1990+i, i))
		} else {
			name = "07-empty.txt"
		}
		args = append(args, filepath.Join(dir, name))
	}
	writeFiles(t, dir, files)
	extractWith := func(workers string) (string, string) {
		code, out, stderr := cli(t, nil, append([]string{"extract", "--workers", workers}, args...)...)
		if code != 1 || strings.Count(stderr, "argmap extract:") != 1 || !strings.Contains(stderr, "07-empty.txt") {
			t.Errorf("--workers %s: exit code %d, stderr %q; want 1 and one line about 07-empty.txt", workers, code, stderr)
		}
		return out, stderr
	}
	one, _ := extractWith("1")
	var docs []string
	for _, line := range strings.Split(strings.TrimSpace(one), "\n") {
		var o struct{ Doc string }
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if len(docs) == 0 || docs[len(docs)-1] != o.Doc {
			docs = append(docs, o.Doc)
		}
	}
	if len(docs) != 15 || !slices.IsSorted(docs) {
		t.Errorf("documents in the output: %v, want the 15 named in order", docs)
	}
	for _, w := range []string{"0", "2", "5"} {
		if out, _ := extractWith(w); out != one {
			t.Errorf("--workers %s printed other output than --workers 1", w)
		}
	}
	// a failed write stops the extraction (and does not hang)
	e := &env{stdout: failingWriter{}, stderr: io.Discard, getenv: func(string) string { return "" }}
	if code := run(context.Background(), e, append([]string{"extract", "--workers", "2"}, args...)); code == 0 {
		t.Errorf("extract into a failing writer: exit code 0")
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCopyBetweenStores(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	from, to := filepath.Join(t.TempDir(), "a.db"), filepath.Join(t.TempDir(), "b.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", from, dir); code != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	code, _, stderr := cli(t, nil, "copy", "--from", from, "--to", to)
	if code != 0 || !strings.Contains(stderr, "counts verified") {
		t.Fatalf("copy exit code = %d, stderr %q", code, stderr)
	}
	code, _, stderr = cli(t, nil, "copy", "--from", from, "--to", to)
	if code != 1 || !strings.Contains(stderr, "argmap copy:") {
		t.Errorf("second copy into the same store: exit %d, stderr %q; want a conflict error", code, stderr)
	}
	if code, out, _ := cli(t, nil, "migrate", "--store", to); code != 0 || !strings.Contains(out, "up to date") {
		t.Errorf("migrate = %d %q, want schema up to date", code, out)
	}
}

func TestMergeQueries(t *testing.T) {
	got := mergeQueries([]string{"assisted voluntary return voluntary is questioned", "AVR voluntary is disputed", "IOM keeps out asylum seekers"}, "AVR voluntariness is contested")
	want := "AVR voluntariness is contested assisted voluntary return questioned disputed keeps asylum seekers"
	if got != want {
		t.Errorf("mergeQueries = %q, want %q", got, want)
	}
	long := strings.Repeat("word ", 1000)
	if got := mergeQueries([]string{long}, long); len(got) > maxQueryBytes {
		t.Errorf("mergeQueries(long) has %d bytes, want at most %d", len(got), maxQueryBytes)
	}
}

// TestIngestNothingLostSilently checks the ways a document's content used to
// vanish without a word: CR-only line endings and a document all on one line
// (0 claims and "ok"), a document with nothing to extract (no warning),
// symbolic links in a directory (skipped) and a named pipe (the ingest hung).
func TestIngestNothingLostSilently(t *testing.T) {
	lines := []string{
		"# Return and its critics",
		"",
		"We argue that the International Organization for Migration (IOM) enforces the exclusion of asylum seekers.",
		"Critics contend that assisted voluntary return is not voluntary when the alternative is detention.",
		"",
		"## References",
		"",
		"Smith, J. (2019). Return migration and its discontents. Journal of Refugee Studies, 32(4), 1-20.",
		"Jones, K. (2018). Detention and choice. Migration Studies, 6(2), 100-120.",
		"Brown, A. (2017). Voluntary in name only. Forced Migration Review, 54, 12-14.",
	}
	dir := t.TempDir()
	other := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"cr-only.txt":  []byte(strings.Join(lines, "\r")),
		"one-line.txt": []byte(strings.Join(lines, " ")),
		"nothing.txt":  []byte("Lunch menu\n\nSoup\n\nBread\n"),
	})
	writeFiles(t, other, map[string][]byte{"linked.md": []byte(essay)})
	if err := os.Symlink(filepath.Join(other, "linked.md"), filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(other, filepath.Join(dir, "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	store := filepath.Join(t.TempDir(), "s.db")
	done := make(chan struct{})
	var code int
	var stderr string
	go func() {
		defer close(done)
		code, _, stderr = cli(t, nil, "ingest", "--store", store, dir, filepath.Join(dir, "pipe.txt"))
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("ingest of a directory with a named pipe did not return: it hangs on the pipe")
	}
	if code != 1 {
		t.Errorf("ingest exit code = %d, want 1 (the pipe and the linked directory are refused); stderr:\n%s", code, stderr)
	}
	lineOf := func(name string) string {
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, name) && !strings.Contains(l, "warning:") {
				return l
			}
		}
		return ""
	}
	for _, name := range []string{"cr-only.txt", "one-line.txt"} {
		l := lineOf(name)
		if !strings.Contains(l, " ok ") || strings.Contains(l, "  0 claims") {
			t.Errorf("ingest line of %s = %q, want ok with claims", name, l)
		}
	}
	if l := lineOf("link.md"); !strings.Contains(l, " ok ") {
		t.Errorf("ingest line of a symbolic link to a file = %q, want it followed and ingested", l)
	}
	for _, want := range []struct{ name, msg string }{
		{"nothing.txt", "warning: no claims or evidence were found"},
		{"linkdir", "error: symbolic link to a directory"},
		{"pipe.txt", "error: not a regular file (a named pipe)"},
	} {
		if !regexp.MustCompile(regexp.QuoteMeta(want.name) + ` +` + regexp.QuoteMeta(want.msg)).MatchString(stderr) {
			t.Errorf("ingest stderr lacks %s ... %s:\n%s", want.name, want.msg, stderr)
		}
	}
}

// acronymStore opens an empty store in a temporary directory, closed when
// the test ends, and gives a source for the acronym tests' claims and
// evidence.
func acronymStore(t *testing.T) (*sqlitestore.Store, argmap.Source) {
	t.Helper()
	st, err := sqlitestore.Open(t.Context(), filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: "t", Kind: argmap.SourceReport, Text: "x", CreatedAt: argmap.Now()}
}

// TestSearchSpellsOutDefinedAcronyms: a search spells out the acronyms the
// stored claims define, both ways, and knows none the store does not define.
func TestSearchSpellsOutDefinedAcronyms(t *testing.T) {
	ctx := context.Background()
	st, src := acronymStore(t)
	claim := func(text string) argmap.Claim {
		return argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: argmap.Now()}
	}
	def := claim("The Displacement Tracking Matrix (DTM) was first used in Iraq.")
	long := claim("The Displacement Tracking Matrix counts floods in deltas.")
	short := claim("The DTM counts storms in deltas.")
	other := claim("The XYZ counts floods in deltas.")
	if err := st.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{def, long, short, other}}); err != nil {
		t.Fatal(err)
	}
	ids := func(hs []argmap.ClaimHit) map[string]bool {
		out := map[string]bool{}
		for _, h := range hs {
			out[h.Claim.ID] = true
		}
		return out
	}
	got, err := withSearch(st).SearchClaims(ctx, "DTM", 10)
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(got); !g[long.ID] || !g[short.ID] {
		t.Errorf("search for DTM found %v, want the claims naming it either way", got)
	}
	got, err = withSearch(st).SearchClaims(ctx, "Displacement Tracking Matrix", 10)
	if err != nil {
		t.Fatal(err)
	}
	if g := ids(got); !g[short.ID] {
		t.Errorf("search for the long name found %v, want the claim using the acronym", got)
	}
	got, err = withSearch(st).SearchClaims(ctx, "XYZ", 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range got {
		if strings.Contains(h.Claim.Text, "Displacement") {
			t.Errorf("search for an undefined acronym found %q", h.Claim.Text)
		}
	}
}

// TestSearchEvidenceAcronyms: an evidence search for a long name also
// finds the evidence that uses only its acronym, when some evidence found
// defines it (no claim does), and adds none the store does not define.
func TestSearchEvidenceAcronyms(t *testing.T) {
	ctx := context.Background()
	st, src := acronymStore(t)
	ev := func(text string) argmap.Evidence {
		return argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: text, Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: argmap.Now()}
	}
	def := ev("In 1990 the town set up the Harbour Trust (HT) to run the docks.")
	short := ev("In 2004 the HT took over the old pier.")
	other := ev("In 2006 the KLM took over the old pier.")
	if err := st.WriteGraph(ctx, &argmap.Graph{Sources: []argmap.Source{src}, Evidence: []argmap.Evidence{def, short, other}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  map[string]bool // evidence found (true) or not (false)
	}{
		{"Harbour Trust", map[string]bool{def.ID: true, short.ID: true, other.ID: false}},
		{"docks", map[string]bool{def.ID: true, short.ID: false, other.ID: false}},
	}
	for _, tc := range tests {
		got, err := withSearch(st).SearchEvidence(ctx, tc.query, 10)
		if err != nil {
			t.Fatal(err)
		}
		found := map[string]bool{}
		for _, h := range got {
			found[h.Evidence.ID] = true
		}
		for id, want := range tc.want {
			if found[id] != want {
				t.Errorf("SearchEvidence(%q) found %s = %v, want %v (hits %v)", tc.query, id, found[id], want, got)
			}
		}
	}
}

// TestSupportersReferent: a claim whose subject points back is answered
// with what it was read as and where that is named, in text and JSON.
func TestSupportersReferent(t *testing.T) {
	dir := t.TempDir()
	doc := "# Rent notes\n\nRent statistics, above all, are seen as a fair measure of the market. However, these figures are neither fair nor stable.\n"
	writeFiles(t, dir, map[string][]byte{"rent.md": []byte(doc)})
	envv := map[string]string{"ARGMAP_STORE": filepath.Join(t.TempDir(), "s.db")}
	if code, _, stderr := cli(t, envv, "ingest", filepath.Join(dir, "rent.md")); code != 0 {
		t.Fatalf("ingest exit code = %d; stderr:\n%s", code, stderr)
	}
	code, out, stderr := cli(t, envv, "supporters", "Rent statistics are fair")
	if code != 0 {
		t.Fatalf("supporters exit code = %d; stderr:\n%s", code, stderr)
	}
	want := "read with “these figures” as “Rent statistics”, named before: “Rent statistics, above all, are seen as a fair measure of the market.”"
	if !strings.Contains(out, want) {
		t.Errorf("supporters text lacks %q:\n%s", want, out)
	}
	_, out, _ = cli(t, envv, "supporters", "--format", "json", "Rent statistics are fair")
	var ans argmap.SupportAnswer
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range ans.Propositions {
		for _, c := range p.Claims {
			if r := c.Referent; r != nil && r.Words == "these figures" && r.Text == "Rent statistics" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("supporters JSON has no claim read with its referent:\n%s", out)
	}
}
