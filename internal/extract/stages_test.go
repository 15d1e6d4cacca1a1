package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
	"github.com/argmap/argmap/internal/sharedtest"
)

// The stage tests: one a stage, each over the fixtures of its own
// testdata/ directory (texts written for these tests). The units and roles
// stages are compared with goldens (go test -run Stage -update rewrites
// them); the structure and links stages, whose output follows the learned
// weights, are checked for what must hold whatever the weights.

var update = flag.Bool("update", false, "rewrite the stage goldens in testdata/")

// stageFixtures returns the fixture files of a stage's testdata directory.
func stageFixtures(t *testing.T, stage string) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"*.txt", "*.md", "*.html"} {
		m, err := filepath.Glob(filepath.Join("testdata", stage, pat))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatalf("no fixtures in testdata/%s", stage)
	}
	return files
}

// checkGolden compares got with the golden file next to fixture.
func checkGolden(t *testing.T, fixture, got string) {
	t.Helper()
	golden := strings.TrimSuffix(fixture, filepath.Ext(fixture)) + ".golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run Stage -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s: stage output differs from %s:\n%s", fixture, golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines of want and got that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d\n  want %s\n  got  %s\n", i+1, a, c)
		}
	}
	return b.String()
}

func runStages(t *testing.T, p *extract.Pipeline, file, stage string) (string, []extract.StageUnit) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text, us, err := extract.RunStages(p, filepath.Base(file), data, stage)
	if err != nil {
		t.Fatalf("RunStages(%s, %s): %v", file, stage, err)
	}
	return text, us
}

// TestUnitsStage: blocks, sentences, sections, page furniture and the
// speaker of a statement.
func TestUnitsStage(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, f := range stageFixtures(t, "units") {
		text, us := runStages(t, p, f, "units")
		var b strings.Builder
		for _, u := range us {
			furn := u.Furniture
			if furn == "" {
				furn = "-"
			}
			fmt.Fprintf(&b, "%s\tpara %d\t%s\tspeakers %v\t%q\n", u.Section, u.Para, furn, u.Speakers, text[u.Start:u.End])
		}
		checkGolden(t, f, b.String())
	}
}

// TestRolesStage: claim, evidence or other, the cue that decided it, and
// the actors named and asserting.
func TestRolesStage(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, f := range stageFixtures(t, "roles") {
		text, us := runStages(t, p, f, "roles")
		var b strings.Builder
		for _, u := range us {
			kind := u.Kind
			if kind == "" {
				kind = "-"
			}
			fmt.Fprintf(&b, "%s\t%s\t%s\tnamed %v\tspeakers %v\t%q\n", u.Label, kind, u.Cue, u.Named, u.Speakers, text[u.Start:u.End])
		}
		checkGolden(t, f, b.String())
	}
}

// TestStructureStage: the units below the sentence and their tree, checked
// for what holds whatever the weights: parts lie inside their sentence in
// order and cover its words, every argumentative text has a central claim,
// heads are argumentative units of the same document, no unit bears on
// itself or, through others, on itself again, and an undercut bears on a
// unit that bears on another.
func TestStructureStage(t *testing.T) {
	p := extract.New(extract.Options{})
	for _, f := range stageFixtures(t, "structure") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, roles := runStages(t, p, f, "roles")
			text, us := runStages(t, p, f, "structure")
			// every argumentative sentence of the roles stage is covered by
			// the structure stage's parts, in order, without gaps of words
			pos := 0
			for _, r := range roles {
				if r.Label == "other" {
					continue
				}
				var parts []extract.StageUnit
				for pos < len(us) && us[pos].Start < r.End {
					if us[pos].Start >= r.Start {
						parts = append(parts, us[pos])
					}
					pos++
				}
				if len(parts) == 0 {
					t.Fatalf("sentence %q has no unit after the structure stage", text[r.Start:r.End])
				}
				if parts[0].Start != r.Start || parts[len(parts)-1].End != r.End {
					t.Errorf("parts of %q do not span it: %+v", text[r.Start:r.End], parts)
				}
				for k := 1; k < len(parts); k++ {
					gap := text[parts[k-1].End:parts[k].Start]
					if parts[k].Start < parts[k-1].End || strings.TrimSpace(gap) != "" {
						t.Errorf("parts of %q overlap or leave words out: %q", text[r.Start:r.End], gap)
					}
				}
			}
			central := 0
			for i, u := range us {
				if u.Central {
					central++
					if u.Label != "claim" {
						t.Errorf("central unit %q is %s, want claim", text[u.Start:u.End], u.Label)
					}
				}
				if u.Head < 0 {
					if u.Undercut {
						t.Errorf("unit %q undercuts without a head", text[u.Start:u.End])
					}
					continue
				}
				if u.Head == i {
					t.Errorf("unit %q bears on itself", text[u.Start:u.End])
				}
				h := us[u.Head]
				if h.Label == "other" {
					t.Errorf("unit %q bears on %q, which is not argumentative", text[u.Start:u.End], text[h.Start:h.End])
				}
				if u.Undercut && h.Head < 0 {
					t.Errorf("unit %q undercuts %q, which bears on nothing", text[u.Start:u.End], text[h.Start:h.End])
				}
				seen := map[int]bool{i: true}
				for k := u.Head; k >= 0; k = us[k].Head {
					if seen[k] {
						t.Fatalf("the heads of %q run in a cycle", text[u.Start:u.End])
					}
					seen[k] = true
				}
			}
			if central == 0 {
				t.Errorf("no central claim among %d units", len(us))
			}
		})
	}
}

// TestLinksStage: the draft graph of every fixture validates, and its
// JSONL keeps the contract of shared/eval/FORMAT.md: a source first; claims
// and evidence quote the file at their byte offsets; relations run from
// claims or evidence to a claim or to a relation (an undercut) of the same
// document; main only on claims, and on one at least.
func TestLinksStage(t *testing.T) {
	for _, f := range stageFixtures(t, "links") {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f)
			g := extractDoc(t, name, data)
			if err := g.Validate(nil); err != nil {
				t.Fatalf("Extract(%s) does not validate: %v", name, err)
			}
			var buf bytes.Buffer
			if err := extract.WriteJSONL(&buf, name, g); err != nil {
				t.Fatal(err)
			}
			kinds := map[string]string{} // id -> type
			type rel struct {
				From []string `json:"from"`
				To   string   `json:"to"`
				Kind string   `json:"kind"`
				ID   string   `json:"id"`
			}
			var rels []rel
			mains := 0
			sc := bufio.NewScanner(&buf)
			sc.Buffer(nil, 1<<20)
			for n := 0; sc.Scan(); n++ {
				var o struct {
					Type, Doc, ID, Text, Kind string
					Start, End                *int
					Main                      bool
				}
				line := sc.Bytes()
				if err := json.Unmarshal(line, &o); err != nil {
					t.Fatalf("line %d is not JSON: %v", n+1, err)
				}
				if o.Doc != name {
					t.Errorf("line %d: doc %q, want %q", n+1, o.Doc, name)
				}
				if n == 0 && o.Type != "source" {
					t.Errorf("first line is a %s, want the source", o.Type)
				}
				switch o.Type {
				case "claim", "evidence":
					kinds[o.ID] = o.Type
					if o.Start == nil || o.End == nil || *o.Start < 0 || *o.End > len(data) || *o.Start >= *o.End {
						t.Fatalf("line %d: bad offsets: %s", n+1, line)
					}
					if got := string(data[*o.Start:*o.End]); got != o.Text && !strings.Contains(o.Text, "…") {
						t.Errorf("line %d: file[%d:%d] = %q, text %q", n+1, *o.Start, *o.End, got, o.Text)
					}
					if o.Main {
						mains++
						if o.Type != "claim" {
							t.Errorf("line %d: main on %s", n+1, o.Type)
						}
					}
				case "relation":
					var r rel
					if err := json.Unmarshal(line, &r); err != nil {
						t.Fatal(err)
					}
					kinds[r.ID] = "relation"
					rels = append(rels, r)
				}
			}
			for _, r := range rels {
				if r.Kind != string(argmap.Supports) && r.Kind != string(argmap.Contests) {
					t.Errorf("relation %s has kind %q", r.ID, r.Kind)
				}
				for _, from := range r.From {
					if k := kinds[from]; k != "claim" && k != "evidence" {
						t.Errorf("relation %s runs from %s, a %q", r.ID, from, k)
					}
				}
				if k := kinds[r.To]; k != "claim" && k != "relation" {
					t.Errorf("relation %s runs to %s, a %q", r.ID, r.To, k)
				}
			}
			if mains == 0 || len(rels) == 0 {
				t.Errorf("%d main claims and %d relations in\n%s", mains, len(rels), buf.String())
			}
		})
	}
}

// TestJoinedSurfaces: a block's surface built from its sentences' is the
// surface read from the block itself (the stage fixtures, some hard cases
// and the shared corpus).
func TestJoinedSurfaces(t *testing.T) {
	texts := []string{
		"One sentence here. Another follows it! And a third? Yes.",
		"Prices rose by 5 percent in March 2020. The board, however, said nothing.\n\nA NEW HEADING\n\nShort line. Then more.",
		"“Quoted words,” she said. (A bracket.) 'Single quotes' end it...",
		"U.S. officials met. The U.N. replied. Dr. Smith agreed.",
		"Tabs\tand  double  spaces. Línea en español. Ärger über Zölle.",
	}
	for _, f := range append(append(stageFixtures(t, "units"), stageFixtures(t, "roles")...), stageFixtures(t, "structure")...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		if err := extract.JoinedSurfacesAgree(text); err != nil {
			t.Error(err)
		}
	}
	t.Run("corpus", func(t *testing.T) {
		for _, f := range sharedtest.CorpusFiles(t) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := extract.JoinedSurfacesAgree(string(data)); err != nil {
				t.Errorf("%s: %v", filepath.Base(f), err)
			}
		}
	})
}

// FuzzJoinedSurfaces checks the same on any text.
func FuzzJoinedSurfaces(f *testing.F) {
	f.Add("One. Two three. Four!\nFive six.")
	f.Add("A 5% rise. B’s turn… C-d. e.g. this.")
	f.Fuzz(func(t *testing.T, text string) {
		if err := extract.JoinedSurfacesAgree(text); err != nil {
			t.Error(err)
		}
	})
}

// TestPaddedWords: the padded words a sentence's surface is read from are
// its words joined by single spaces between two spaces.
func TestPaddedWords(t *testing.T) {
	for _, s := range []string{"", "  ", "One.", "It's a 5% rise—isn't it?", "U.S.-led talks... end", "Ärger über Zölle", "'quoted' -dash- .dot."} {
		if err := extract.PaddedWordsAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzPaddedWords checks the same on any text.
func FuzzPaddedWords(f *testing.F) {
	f.Add("A 5% rise. B’s turn… C-d. e.g. this.")
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.PaddedWordsAgree(s); err != nil {
			t.Error(err)
		}
	})
}

// TestTokenSurface: a sentence's surface read from the words the structure
// parser splits it into is the one read from its text, and the structure
// flags read with it are the parser's (argstruct.WordFlags): on every line
// of our long texts and essays, on every word the parser flags (in runs of
// twenty, as written and in capitals, with odd marks between), and on cases
// of the marks the two splitters treat apart (runs of marks inside a word,
// '%', curly quotes).
func TestTokenSurface(t *testing.T) {
	lines := append(scanLines(t), "a--b", "a.-b c", "50%", "5-%", "5%-6", "a%b", "%a", "a-.%", "x‘y", "it’s", "‘quoted’",
		"rock’n’roll", "U.S.", "U.S.-led", "end.", "ends--", "— dash —", "co-operate", "Straße", "ÉCOLE’S", ".", "''",
		"e\u0301t\u00e9", "\xff a\xfeb", "a’‘b", "we--they’re--all 3.5%.", "x ’ y")
	flagged := argstruct.FlaggedWords()
	slices.Sort(flagged)
	for i := 0; i < len(flagged); i += 20 {
		run := flagged[i:min(i+20, len(flagged))]
		lines = append(lines, strings.Join(run, " "), strings.ToUpper(strings.Join(run, ", ")), strings.Join(run, "’s-")+".",
			"«"+strings.Join(run, "» «")+"»", strings.Join(run, "x ")+"\xff")
	}
	for _, s := range lines {
		for _, prefix := range []string{"", "Word. "} {
			if err := extract.TokenSurfaceAgrees(prefix, s); err != nil {
				t.Error(err)
			}
		}
	}
}

// FuzzTokenSurface checks the same on any text.
func FuzzTokenSurface(f *testing.F) {
	f.Add("A 5% rise. B’s turn… C-d. e.g. this--that‘s.")
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.TokenSurfaceAgrees("x ", s); err != nil {
			t.Error(err)
		}
	})
}

// TestAttributionTokens: the attribution tokens of a sentence, and of its
// parts, read from the words the structure parser splits it into are those
// read from its text: on every line of our long texts and essays and on
// cases of marks the two splitters treat apart. The lines of ordinary
// prose are read from the words.
func TestAttributionTokens(t *testing.T) {
	for _, s := range []string{"We think, as they said (twice), that it rains.", "Who knows? “Nobody” does — or they do!"} {
		if read, err := extract.AttributionTokensAgree("", s); err != nil || !read {
			t.Errorf("AttributionTokensAgree(%q) = %v, %v, want true, <nil>", s, read, err)
		}
	}
	for _, s := range []string{"a.’b", "it-’s", "U.S.’ aid", "end.’"} {
		if read, err := extract.AttributionTokensAgree("", s); err != nil || read {
			t.Errorf("AttributionTokensAgree(%q) = %v, %v, want false, <nil> (tokens runs the word on)", s, read, err)
		}
	}
	lines := append(scanLines(t), "a--b", "50%", "x‘y", "it’s", "‘quoted’", "rock’n’roll", "U.S.", "U.S.-led talks",
		"end.", "ends--", "— dash —", "co-operate", "ÉCOLE’S", ".", "''", "\xff a\xfeb", "a’‘b", "we--they’re--all 3.5%.",
		"x ’ y", "a-—b", "(a) b; c: d? e! “f” g–h", "Dr. Smith’s view.", "don't, won’t.")
	for _, s := range lines {
		for _, prefix := range []string{"", "Word. "} {
			if _, err := extract.AttributionTokensAgree(prefix, s); err != nil {
				t.Error(err)
			}
		}
	}
}

// FuzzAttributionTokens checks the same on any text.
func FuzzAttributionTokens(f *testing.F) {
	f.Add("They said, “it’s 5% — a.’b (U.S.)”; we doubt it!")
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := extract.AttributionTokensAgree("x ", s); err != nil {
			t.Error(err)
		}
	})
}

// TestFieldHelpers: the gist's word helpers split as strings.Fields does.
func TestFieldHelpers(t *testing.T) {
	for _, s := range []string{"", " ", "one", " lead and trail ", "two  spaces", "tab\tand\nnewline",
		"nbsp\u00a0here", "curly “quotes” stay", "ideographic\u3000space", "\xffbad utf8 \xfe"} {
		if err := extract.FieldHelpersAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzFieldHelpers checks the same on any text.
func FuzzFieldHelpers(f *testing.F) {
	f.Add("It is, in fact,  a “test”\u00a0of\tfields.")
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.FieldHelpersAgree(s); err != nil {
			t.Error(err)
		}
	})
}

// TestDropParens: bracketed asides are dropped byte by byte as they were
// rune by rune.
func TestDropParens(t *testing.T) {
	for _, s := range []string{"", "no brackets", "IOM (the agency) acts", "a [b (c) d] e", "open ( only", "close ) only",
		"before (aside) , after", "Zölle (tariffs)\u00a0rise", "spaces  (x)  around\tthem", "\xffbad (utf8) \xfe"} {
		if err := extract.DropParensAgrees(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzDropParens checks the same on any text.
func FuzzDropParens(f *testing.F) {
	f.Add("It (the “agency”) acts [see 4] , now.")
	f.Fuzz(func(t *testing.T, s string) {
		if err := extract.DropParensAgrees(s); err != nil {
			t.Error(err)
		}
	})
}

// TestHasWords: a run of words is found in a sentence's words where its
// padded words have it.
func TestHasWords(t *testing.T) {
	for _, tt := range []struct{ text, phrase string }{
		{"All but two states signed.", "all but"}, {"It was all, but not quite.", "all but"}, {"Small buttons", "all but"},
		{"More than half of them left", "more than half"}, {"more than halfway", "more than half"}, {"", "all but"},
		{"They want more than half.", "more than half"}, {"more than", "more than half"},
	} {
		if err := extract.HasWordsAgrees(tt.text, tt.phrase); err != nil {
			t.Error(err)
		}
	}
}

// TestLenFirst: the attribution word sets' filters pass their members.
func TestLenFirst(t *testing.T) {
	if err := extract.LenFirstCovers(); err != nil {
		t.Error(err)
	}
}
