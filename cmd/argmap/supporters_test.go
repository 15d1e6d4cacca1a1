package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
)

// TestSupportersPages asks a question of the demo corpus a page of two
// sources at a time and checks that the pages, followed by their cursors,
// list the whole answer's sources in order, each with its first passage
// and their count; and that bad bounds are usage errors.
func TestSupportersPages(t *testing.T) {
	names, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	if len(names) == 0 {
		t.Fatal("no demo corpus in scripts/demo/corpus")
	}
	store := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := cli(t, nil, append([]string{"ingest", "--store", store}, names...)...); code != 0 {
		t.Fatalf("ingest = %d: %s", code, stderr)
	}
	const q = "IOM enforces the exclusion of asylum seekers"
	ask := func(args ...string) argmap.SupportAnswer {
		t.Helper()
		args = append([]string{"supporters", "--store", store, "--format", "json"}, append(args, q)...)
		code, out, stderr := cli(t, nil, args...)
		if code != 0 {
			t.Fatalf("%s = %d: %s", strings.Join(args, " "), code, stderr)
		}
		var ans argmap.SupportAnswer
		if err := json.Unmarshal([]byte(out), &ans); err != nil {
			t.Fatalf("%s printed invalid JSON: %v", strings.Join(args, " "), err)
		}
		return ans
	}
	full := ask("--full")
	if len(full.Supporting) < 3 || full.SupportingTotal != len(full.Supporting) || full.NextCursor != "" {
		t.Fatalf("--full = %d supporting of %d, cursor %q; want 3 or more, all, no cursor", len(full.Supporting), full.SupportingTotal, full.NextCursor)
	}
	var sup []argmap.Backing
	args := []string{"--limit", "2", "--quotes", "1"}
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("more than 10 pages")
		}
		ans := ask(args...)
		if len(ans.Supporting) > 2 || ans.SupportingTotal != full.SupportingTotal {
			t.Fatalf("%v = %d supporting of %d, want at most 2 of %d", args, len(ans.Supporting), ans.SupportingTotal, full.SupportingTotal)
		}
		sup = append(sup, ans.Supporting...)
		if ans.NextCursor == "" {
			break
		}
		args = []string{"--limit", "2", "--quotes", "1", "--cursor", ans.NextCursor}
	}
	if len(sup) != len(full.Supporting) {
		t.Fatalf("pages listed %d supporting sources, want %d", len(sup), len(full.Supporting))
	}
	for i, b := range sup {
		f := full.Supporting[i]
		if b.Source.ID != f.Source.ID || len(b.Quotes) != 1 || b.QuotesTotal != len(f.Quotes) || b.Quotes[0].Span != f.Quotes[0].Span {
			t.Errorf("page source %d = %s with %d quotes of %d, want %s with its first of %d", i, b.Source.ID, len(b.Quotes), b.QuotesTotal, f.Source.ID, len(f.Quotes))
		}
	}
	busy := full.Supporting[0]
	for _, b := range full.Supporting {
		if b.QuotesTotal > busy.QuotesTotal {
			busy = b
		}
	}
	if one := ask("--source", busy.Source.ID); len(one.Supporting) != 1 || len(one.Supporting[0].Quotes) != busy.QuotesTotal || one.SupportingTotal != full.SupportingTotal {
		t.Errorf("--source %s = %+v (total %d); want that source alone with its %d quotes", busy.Source.ID, one.Supporting, one.SupportingTotal, busy.QuotesTotal)
	}
	if code, out, _ := cli(t, nil, "supporters", "--store", store, "--source", busy.Source.ID, q); code != 0 || !strings.Contains(out, "(this source alone of ") {
		t.Errorf("supporters --source (text) = %d:\n%s\nwant the source alone, said", code, out)
	}
	// (three deep, a source has more passages than the text prints)
	code, out, _ := cli(t, nil, "supporters", "--store", store, "--limit", "1", "--depth", "3", q)
	if code != 0 || !strings.Contains(out, "(1 to 1 of ") || !strings.Contains(out, "--cursor ") || !strings.Contains(out, "more passages (--quotes N or --full") {
		t.Errorf("supporters --limit 1 --depth 3 (text) = %d:\n%s\nwant the page's place, the next cursor and the passages left out", code, out)
	}
	// unsaid, a question in words looks one relation deep, and its cursor
	// continues at that depth
	if def, one := ask(), ask("--depth", "1"); !cmp.Equal(def, one) {
		t.Errorf("supporters without --depth differs from --depth 1 (-default +depth 1):\n%s", cmp.Diff(def, one))
	}
	if def, three := ask(), ask("--depth", "3"); cmp.Equal(def, three) {
		t.Errorf("supporters without --depth answers as --depth 3 does; want one relation deep")
	}
	if next := ask("--limit", "1", "--depth", "1", "--cursor", ask("--limit", "1").NextCursor); next.SupportingTotal != full.SupportingTotal {
		t.Errorf("a default-depth cursor at --depth 1: %d supporting in all, want %d", next.SupportingTotal, full.SupportingTotal)
	}
	cursor := ask("--limit", "1").NextCursor
	for _, tc := range []struct {
		name string
		args []string
		msg  string
	}{
		{"limit zero", []string{"--limit", "0", q}, "--limit must be between 1 and 1000"},
		{"quotes too many", []string{"--quotes", "1001", q}, "--quotes must be between 1 and 1000"},
		{"garbled cursor", []string{"--cursor", "???", q}, "the cursor is not one an answer gave"},
		{"cursor of another question", []string{"--cursor", cursor, "IOM is humanitarian"}, "another question"},
		{"cursor of another depth", []string{"--cursor", cursor, "--depth", "2", q}, "another question or depth"},
		{"full with quotes", []string{"--full", "--quotes", "2", q}, "takes no --quotes"},
		{"source not a source", []string{"--source", "clm_x", q}, "--source must be a source ID"},
		{"source with a limit", []string{"--source", "src_x", "--limit", "2", q}, "takes no --limit"},
	} {
		code, _, stderr := cli(t, nil, append([]string{"supporters", "--store", store}, tc.args...)...)
		if code != 2 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%s: exit %d, stderr %q; want 2 and %q", tc.name, code, stderr, tc.msg)
		}
	}
}

// TestSupportTextStatedOnce checks that a proposition two claims of one
// source state names that source once.
func TestSupportTextStatedOnce(t *testing.T) {
	src := argmap.SourceRef{ID: "src_a", Title: "Ferries"}
	ans := &argmap.SupportAnswer{Query: "ferries should be sold", Propositions: []argmap.PropositionMatch{{ID: "clm_1", Text: "Ferries should be sold.", Match: argmap.StanceSame,
		Claims: []argmap.ClaimMatch{{ID: "clm_1", Source: src}, {ID: "clm_2", Source: src}, {ID: "clm_3", Source: argmap.SourceRef{ID: "src_b", Title: "Boats"}}}}}}
	var b strings.Builder
	writeSupportText(&b, ans, false, 0, false)
	if got := strings.Count(b.String(), "stated in Ferries"); got != 1 {
		t.Errorf("writeSupportText names the source stating it twice %d times, want once:\n%s", got, b.String())
	}
	if !strings.Contains(b.String(), "stated in Boats") {
		t.Errorf("writeSupportText lacks the other source:\n%s", b.String())
	}
}

// TestSupportTextFewPropositions checks that the text answer lists the
// first propositions matched and says how many more --full shows.
func TestSupportTextFewPropositions(t *testing.T) {
	ans := &argmap.SupportAnswer{Query: "q"}
	for i := 0; i < maxPropositions+3; i++ {
		ans.Propositions = append(ans.Propositions, argmap.PropositionMatch{ID: "clm_x", Text: "Proposition " + string(rune('A'+i)), Match: argmap.StanceSame})
	}
	var short, full strings.Builder
	writeSupportText(&short, ans, false, 0, false)
	writeSupportText(&full, ans, true, 0, false)
	if !strings.Contains(short.String(), "… and 3 more (--full shows all)") || strings.Contains(short.String(), "Proposition K") {
		t.Errorf("writeSupportText(full=false) lists:\n%s", short.String())
	}
	if !strings.Contains(full.String(), "Proposition K") || strings.Contains(full.String(), "more (--full") {
		t.Errorf("writeSupportText(full=true) lists:\n%s", full.String())
	}
}

// TestSupportTextNamesPropositionsWhole: the supporters text names a
// proposition without the comma its claim was cut at.
func TestSupportTextNamesPropositionsWhole(t *testing.T) {
	ans := &argmap.SupportAnswer{Query: "return is voluntary", Propositions: []argmap.PropositionMatch{
		{ID: "clm_a", Text: "The voluntariness of return is contested,", Match: argmap.StanceDenial, Claims: []argmap.ClaimMatch{{ID: "clm_a", Text: "The voluntariness of return is contested,"}}},
	}}
	var b strings.Builder
	writeSupportText(&b, ans, false, 0, false)
	if want := "  [denies the query] The voluntariness of return is contested\n"; !strings.Contains(b.String(), want) {
		t.Errorf("writeSupportText lacks %q:\n%s", want, b.String())
	}
}

// TestMatchWords: a matched proposition's label says how it stands to the
// query and, for a view its source reports or rejects, whose view it is
// and which side its source takes.
func TestMatchWords(t *testing.T) {
	for _, c := range []struct {
		match    argmap.Stance
		view, by string
		want     string
	}{
		{argmap.StanceSame, "", "", "states the query"},
		{argmap.StanceDenial, "", "", "denies the query"},
		{argmap.StanceSame, argmap.ViewReported, "Riders", "reported view of Riders: states the query"},
		{argmap.StanceDenial, argmap.ViewReported, "", "reported view: denies the query"},
		{argmap.StanceDenial, argmap.ViewRejected, "Riders", "reported view of Riders; the source rejects it, so denies the query"},
		{argmap.StanceSame, argmap.ViewRejected, "", "reported view; the source rejects it, so states the query"},
	} {
		if got := matchWords(c.match, c.view, c.by); got != c.want {
			t.Errorf("matchWords(%q, %q, %q) = %q, want %q", c.match, c.view, c.by, got, c.want)
		}
	}
}
