package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/carneades"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/sharedtest"
)

type evalJSON struct {
	Semantics  string `json:"semantics"`
	Focus      string `json:"focus"`
	Statements []struct {
		ID, Key, Text, Label, Reason string
	} `json:"statements"`
	Extensions [][]string `json:"extensions"`
}

func evaluateJSON(t *testing.T, store string, args ...string) evalJSON {
	t.Helper()
	code, out, errs := cli(t, nil, append([]string{"evaluate", "--store", store, "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("evaluate %v = %d: %s", args, code, errs)
	}
	var ev evalJSON
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatalf("evaluate output is not JSON: %v\n%s", err, out)
	}
	return ev
}

// TestImportEvaluateCarneades imports each scheme-free Carneades example that
// states labels into a store of its own, as a user would, and checks that
// evaluate gives every stated label, by key.
func TestImportEvaluateCarneades(t *testing.T) {
	dir := filepath.Join(sharedtest.Dir(t), "data", "carneades", "yaml")
	files, _ := filepath.Glob(filepath.Join(dir, "*.yml"))
	if len(files) == 0 {
		t.Skipf("no Carneades files in %s; skipping", dir)
	}
	checked := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		im, err := carneades.Read(data)
		if err != nil || im.Schemes || len(im.Expected) == 0 {
			continue
		}
		checked++
		name := strings.TrimSuffix(filepath.Base(path), ".yml")
		t.Run(name, func(t *testing.T) {
			store := filepath.Join(t.TempDir(), "s.db")
			if code, _, errs := cli(t, nil, "import", "--store", store, "--format", "carneades", path); code != 0 {
				t.Fatalf("import = %d: %s", code, errs)
			}
			ev := evaluateJSON(t, store)
			if ev.Semantics != "carneades" {
				t.Errorf("semantics = %q, want carneades chosen for an argument graph", ev.Semantics)
			}
			got := map[string]string{}
			for _, s := range ev.Statements {
				got[s.Key] = s.Label
			}
			gotStated := map[string]string{}
			for k := range im.Expected {
				gotStated[k] = got[k]
			}
			if diff := cmp.Diff(im.Expected, gotStated); diff != "" {
				t.Errorf("labels after import into a store (-want +got):\n%s", diff)
			}
		})
	}
	if checked < 21 {
		t.Errorf("checked %d files, want 21", checked)
	}
}

func TestImportEvaluateTGF(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"f.tgf": []byte("a\nb\nc\nd\n#\na b\nb c\nc d\nd c\n")})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "f.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	labels := func(args ...string) map[string]string {
		ev := evaluateJSON(t, store, args...)
		m := map[string]string{}
		for _, s := range ev.Statements {
			m[s.Key] = s.Label
		}
		return m
	}
	// a defeats b, which frees c; c and d attack each other.
	if diff := cmp.Diff(map[string]string{"a": "in", "b": "out", "c": "undec", "d": "undec"}, labels()); diff != "" {
		t.Errorf("default (grounded) labels (-want +got):\n%s", diff)
	}
	ev := evaluateJSON(t, store, "--semantics", "preferred")
	keys := map[string]string{}
	for _, s := range ev.Statements {
		keys[s.ID] = s.Key
	}
	var exts []string
	for _, e := range ev.Extensions {
		var names []string
		for _, id := range e {
			names = append(names, keys[id])
		}
		sort.Strings(names)
		exts = append(exts, strings.Join(names, ","))
	}
	sort.Strings(exts)
	if diff := cmp.Diff([]string{"a,c", "a,d"}, exts); diff != "" {
		t.Errorf("preferred extensions (-want +got):\n%s", diff)
	}
	// A focus claim comes first; unknown IDs and semantics are clear errors.
	var c string
	for id, k := range keys {
		if k == "c" {
			c = id
		}
	}
	if ev := evaluateJSON(t, store, "--claim", c, "--depth", "1"); ev.Focus != c || ev.Statements[0].ID != c || len(ev.Statements) != 3 {
		t.Errorf("evaluate --claim c --depth 1 = focus %s, %d statements; want c first of 3 (b, c, d)", ev.Focus, len(ev.Statements))
	}
	if code, _, errs := cli(t, nil, "evaluate", "--store", store, "--claim", "clm_nosuchclaimxxxxx"); code != 1 || !strings.Contains(errs, "no claim") {
		t.Errorf("evaluate --claim unknown = %d, %q; want 1 and a message", code, errs)
	}
	if code, _, errs := cli(t, nil, "evaluate", "--store", store, "--semantics", "ideal"); code != 2 || !strings.Contains(errs, "unknown semantics") {
		t.Errorf("evaluate --semantics ideal = %d, %q; want 2 and a message", code, errs)
	}
	code, out, _ := cli(t, nil, "evaluate", "--store", store, "--claim", c)
	if code != 0 || !strings.Contains(out, "UNDEC under grounded semantics") || !strings.Contains(out, "Around it") {
		t.Errorf("evaluate --claim (text) = %d:\n%s", code, out)
	}
}

func TestImportExportTGF(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	in := "a First\nb\n#\na b\nb a\n"
	writeFiles(t, dir, map[string][]byte{"f.tgf": []byte(in)})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "f.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	out := filepath.Join(dir, "out.tgf")
	if code, _, errs := cli(t, nil, "export", "--store", store, "--format", "tgf", "-o", out); code != 0 {
		t.Fatalf("export --format tgf = %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a First\n", "b\n", "#\n", "a b\n", "b a\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("exported TGF lacks %q:\n%s", want, data)
		}
	}
	if code, _, errs := cli(t, nil, "export", "--store", store, "--format", "carneades", "-o", out); code != 1 || !strings.Contains(errs, "does not write") {
		t.Errorf("export --format carneades = %d, %q; want a clear refusal", code, errs)
	}
}

func TestExportEvaluate(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"f.tgf": []byte("a\nb\n#\na b\n")})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "f.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	out := filepath.Join(dir, "m.dot")
	if code, _, errs := cli(t, nil, "export", "--store", store, "--format", "dot", "--evaluate", "-o", out); code != 0 {
		t.Fatalf("export --evaluate = %d: %s", code, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"[IN]\na"`, `"[OUT]\nb"`, "labels under grounded semantics"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("export --evaluate lacks %q:\n%s", want, data)
		}
	}
	if code, _, errs := cli(t, nil, "export", "--store", store, "--format", "dot", "--semantics", "stable", "-o", out); code != 2 || !strings.Contains(errs, "go with --evaluate") {
		t.Errorf("export --semantics without --evaluate = %d, %q; want a usage error", code, errs)
	}
}

func TestEvaluateQuestion(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"essay.md": []byte(essay)})
	if code, _, errs := cli(t, nil, "ingest", "--store", store, filepath.Join(dir, "essay.md")); code != 0 {
		t.Fatalf("ingest = %d: %s", code, errs)
	}
	code, out, errs := cli(t, nil, "evaluate", "--store", store, "IOM enforces the exclusion of asylum seekers")
	if code != 0 || !strings.Contains(out, "Verdict: it stands") || !strings.Contains(out, "[states the question]") || !strings.Contains(out, "IN under carneades semantics") {
		t.Errorf("evaluate QUESTION = %d, %s:\n%s", code, errs, out)
	}
	code, out, _ = cli(t, nil, "evaluate", "--store", store, "--format", "json", "IOM enforces the exclusion of asylum seekers")
	var ans struct {
		Verdict     string
		Evaluations []struct {
			Match      string
			Focus      string
			Statements []struct{ ID, Label string }
		}
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil || code != 0 {
		t.Fatalf("evaluate --format json QUESTION = %d, %v:\n%s", code, err, out)
	}
	if len(ans.Evaluations) == 0 || ans.Evaluations[0].Match != "same" || ans.Evaluations[0].Statements[0].ID != ans.Evaluations[0].Focus {
		t.Errorf("evaluate --format json QUESTION = %+v", ans)
	}
}

// TestExportCutByRelevance draws a graph larger than a map holds: a chain
// of 1000 claims and 1100 lone claims. The chain is drawn whole, 500 lone
// claims fill the rest, and the cut is said on stderr and in the title.
func TestExportCutByRelevance(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	var b strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "c%d chain%04d\n", i, i)
	}
	for i := 0; i < 1100; i++ {
		fmt.Fprintf(&b, "l%d lone%04d\n", i, i)
	}
	b.WriteString("#\n")
	for i := 1; i < 1000; i++ {
		fmt.Fprintf(&b, "c%d c%d\n", i, i-1)
	}
	writeFiles(t, dir, map[string][]byte{"big.tgf": []byte(b.String())})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "big.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	out := filepath.Join(dir, "map.dot")
	code, _, errs := cli(t, nil, "export", "--store", store, "--format", "dot", "-o", out)
	if code != 0 {
		t.Fatalf("export = %d: %s", code, errs)
	}
	if !strings.Contains(errs, "left out 600 claims, 0 evidence, 0 relations") || !strings.Contains(errs, "--claim") {
		t.Errorf("export stderr = %q, want the cut said (600 lone claims left out) and how to see the rest", errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	chain := map[string]bool{}
	for _, m := range regexp.MustCompile(`chain\d{4}`).FindAllString(string(data), -1) {
		chain[m] = true
	}
	lone := map[string]bool{}
	for _, m := range regexp.MustCompile(`lone\d{4}`).FindAllString(string(data), -1) {
		lone[m] = true
	}
	if len(chain) != 1000 || len(lone) != 500 || !strings.Contains(string(data), "Part of the graph") {
		t.Errorf("map has %d chain and %d lone claims (title said: %v), want 1000 and 500 with the cut in the title",
			len(chain), len(lone), strings.Contains(string(data), "Part of the graph"))
	}
}

// TestEvaluateDecidingNamesRelations: the text output's "Deciding:" list says
// how each relation bears on the claim in words, never by relation ID; IDs
// come with --ids (and are always in the JSON).
func TestEvaluateDecidingNamesRelations(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"f.tgf": []byte("1 Fares should be free\n2 Someone has to pay\n3 The city has a surplus\n#\n2 1\n3 2\n")})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "f.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	var focus string
	for _, s := range evaluateJSON(t, store).Statements {
		if strings.Contains(s.Text, "Fares should be free") || s.Key == "1" {
			focus = s.ID
		}
	}
	if focus == "" {
		t.Fatal("no statement for the imported node 1")
	}
	relID := regexp.MustCompile(`rel_[a-z0-9]+`)
	code, out, errs := cli(t, nil, "evaluate", "--store", store, "--claim", focus)
	if code != 0 {
		t.Fatalf("evaluate --claim = %d: %s", code, errs)
	}
	if !strings.Contains(out, "Deciding:\n   - contests it, weight 1, out; from:") {
		t.Errorf("evaluate --claim: the deciding relation is not named as contesting the claim:\n%s", out)
	}
	if ids := relID.FindAllString(out, -1); len(ids) > 0 {
		t.Errorf("evaluate --claim prints relation IDs %v without --ids:\n%s", ids, out)
	}
	code, out, errs = cli(t, nil, "evaluate", "--store", store, "--claim", focus, "--ids")
	if code != 0 {
		t.Fatalf("evaluate --claim --ids = %d: %s", code, errs)
	}
	if !regexp.MustCompile(`- contests it, weight 1, out \[rel_[a-z0-9]+\]; from:`).MatchString(out) || !regexp.MustCompile(`\[out\] “[^”]*” \[clm_`).MatchString(out) {
		t.Errorf("evaluate --ids does not give the relation's and the premise's IDs:\n%s", out)
	}
}

// TestDecidingRelation names each kind of deciding relation by the texts it
// joins: one on the claim, one on another claim, an undercut, a titled one and
// a linked denial read the other way round.
func TestDecidingRelation(t *testing.T) {
	g := &argmap.Graph{
		Claims: []argmap.Claim{
			{ID: "clm_focus", Text: "Fares should be free"},
			{ID: "clm_same", Text: "Buses should cost nothing", Proposition: "clm_focus"},
			{ID: "clm_pay", Text: "Someone has to pay"},
			{ID: "clm_surplus", Text: "The city has a surplus"},
		},
		Relations: []argmap.Relation{
			{ID: "rel_direct", Kind: argmap.Contests, From: []string{"clm_pay"}, To: "clm_focus"},
			{ID: "rel_same", Kind: argmap.Supports, From: []string{"clm_surplus"}, To: "clm_same"},
			{ID: "rel_other", Kind: argmap.Contests, From: []string{"clm_surplus"}, To: "clm_pay"},
			{ID: "rel_under", Kind: argmap.Contests, From: []string{"clm_surplus"}, To: "rel_direct"},
			{ID: "rel_titled", Kind: argmap.Supports, From: []string{"clm_surplus"}, To: "clm_focus", Title: "Budget"},
			{ID: "rel_denial", Kind: argmap.Contests, From: []string{"clm_focus"}, To: "clm_pay"},
		},
	}
	texts := map[string]string{}
	for _, c := range g.Claims {
		texts[c.ID] = c.Text
	}
	for _, tc := range []struct {
		d    evaluate.Decider
		want string
	}{
		{evaluate.Decider{Relation: "rel_direct", Kind: "contests", From: []string{"clm_pay"}}, "contests it"},
		{evaluate.Decider{Relation: "rel_same", Kind: "supports", From: []string{"clm_surplus"}}, "supports it"},
		{evaluate.Decider{Relation: "rel_other", Kind: "contests", From: []string{"clm_surplus"}}, "contests “Someone has to pay”"},
		{evaluate.Decider{Relation: "rel_under", Kind: "undercuts", From: []string{"clm_surplus"}}, "undercuts the relation “Someone has to pay” contests “Fares should be free”"},
		{evaluate.Decider{Relation: "rel_titled", Kind: "supports", From: []string{"clm_surplus"}}, "argument Budget: supports it"},
		{evaluate.Decider{Relation: "rel_denial", Kind: "contests", From: []string{"clm_pay"}}, "contests it (a denial read both ways: “Fares should be free” contests “Someone has to pay”)"},
		{evaluate.Decider{Relation: "rel_gone", Kind: "contests"}, "contests"},
	} {
		if got := decidingRelation(g, "clm_focus", tc.d, texts); got != tc.want {
			t.Errorf("decidingRelation(%s) = %q, want %q", tc.d.Relation, got, tc.want)
		}
	}
}

// TestEvaluateExtensionsNameWhatDiffers: with several extensions, the
// statements all of them accept are named once and each extension by what it
// adds, so that what tells them apart shows.
func TestEvaluateExtensionsNameWhatDiffers(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "s.db")
	writeFiles(t, dir, map[string][]byte{"f.tgf": []byte("1 Fares should be free\n2 Fares should stay\n3 The city has a surplus\n#\n1 2\n2 1\n")})
	if code, _, errs := cli(t, nil, "import", "--store", store, filepath.Join(dir, "f.tgf")); code != 0 {
		t.Fatalf("import = %d: %s", code, errs)
	}
	code, out, errs := cli(t, nil, "evaluate", "--store", store, "--semantics", "preferred")
	if code != 0 {
		t.Fatalf("evaluate --semantics preferred = %d: %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	if len(lines) < 5 || lines[1] != "2 preferred extensions (statements accepted together):" ||
		lines[2] != "  each accepts the 1 statement labelled in below, and besides:" {
		t.Fatalf("evaluate --semantics preferred does not name the shared statement once:\n%s", out)
	}
	got := []string{lines[3], lines[4]}
	sort.Strings(got)
	if diff := cmp.Diff([]string{"  {1}", "  {2}"}, got); diff != "" {
		t.Errorf("extensions (-want +got):\n%s\n%s", diff, out)
	}
}
