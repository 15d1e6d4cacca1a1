package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// injections are label texts that try to break out of a DOT string, a
// Graphviz escape, or the SVG document.
var injections = []string{
	`say "hi" ] ; node [shape=box] x -> y`,
	`back\slash \N \G \E \L \l \r \n end\`,
	`{ braces } and [ brackets ]`,
	`<script>alert(1)</script>`,
	`]]> <![CDATA[ x ]]>`,
	"line one\nline two\r\n\tline three",
	`<b>html-like</b> <<TABLE>>`,
	`&amp; &lt;tag&gt; &bogus; &#60;script&#62; AT&T`,
	"nul \x00 and bell \a and invalid \xff utf8",
	`<!-- comment --> -- double dash`,
}

func injectionGraph() *argmap.Graph {
	g := &argmap.Graph{}
	for i, s := range injections {
		id := "clm_inj" + string(rune('a'+i))
		// Every other claim is a main claim, drawn with a bold HTML-like label.
		g.Claims = append(g.Claims, argmap.Claim{ID: id, Text: s, Main: i%2 == 1, Origin: argmap.OriginCurated, CreatedAt: t0})
		if i > 0 {
			g.Relations = append(g.Relations, argmap.Relation{ID: "rel_inj" + string(rune('a'+i)), Kind: argmap.Supports, From: []string{id}, To: "clm_inja", Origin: argmap.OriginCurated, CreatedAt: t0})
		}
	}
	g.Sources = []argmap.Source{{ID: "src_inj", Title: `"Title" with \N and <svg onload=x>`, Authors: []string{`O"Brien`}, CreatedAt: t0}}
	g.Actors = []argmap.Actor{{ID: "act_inj", Name: `Actor \" ]; evil`, CreatedAt: t0}}
	// IDs with characters that are not safe as names must not leak either.
	g.Evidence = []argmap.Evidence{{ID: `evd_"--><x>`, Text: "evidence with an odd ID", Origin: argmap.OriginCurated, CreatedAt: t0}}
	g.Relations = append(g.Relations, argmap.Relation{ID: "rel_odd", Kind: argmap.Contests, From: []string{`evd_"--><x>`}, To: "clm_inja", Origin: argmap.OriginCurated, CreatedAt: t0})
	return g
}

func TestDOTGolden(t *testing.T) {
	tests := []struct {
		name string
		g    *argmap.Graph
		opt  argmap.RenderOptions
	}{
		{"small", smallGraph(), argmap.RenderOptions{}},
		{"small_focus_title", smallGraph(), argmap.RenderOptions{Focus: "clm_rose", Title: "Did ending Mare Nostrum cost lives?"}},
		{"small_focus_relation", smallGraph(), argmap.RenderOptions{Focus: "rel_rebut"}},
		{"injection", injectionGraph(), argmap.RenderOptions{Title: `Title "with" \N <script> & ]]>`}},
		{"tagged", bigGraph(120), argmap.RenderOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := render.DOT(tt.g, tt.opt)
			if err != nil {
				t.Fatalf("DOT(%s) error: %v", tt.name, err)
			}
			path := filepath.Join("testdata", tt.name+".dot")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("DOT(%s) differs from %s (-want +got):\n%s", tt.name, path, diff)
			}
		})
	}
}

func TestDOTDeterministic(t *testing.T) {
	g := smallGraph()
	first, err := render.DOT(g, argmap.RenderOptions{Focus: "clm_main"})
	if err != nil {
		t.Fatal(err)
	}
	// The same records in another order give the same bytes.
	r := smallGraph()
	reverse := func(n int, swap func(i, j int)) {
		for i, j := 0, n-1; i < j; i, j = i+1, j-1 {
			swap(i, j)
		}
	}
	reverse(len(r.Claims), func(i, j int) { r.Claims[i], r.Claims[j] = r.Claims[j], r.Claims[i] })
	reverse(len(r.Relations), func(i, j int) { r.Relations[i], r.Relations[j] = r.Relations[j], r.Relations[i] })
	reverse(len(r.Sources), func(i, j int) { r.Sources[i], r.Sources[j] = r.Sources[j], r.Sources[i] })
	for i := range 3 {
		again, err := render.DOT(r, argmap.RenderOptions{Focus: "clm_main"})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first, again) {
			t.Fatalf("DOT run %d of a reordered graph differs:\n%s", i, cmp.Diff(string(first), string(again)))
		}
	}
}

func TestDOTErrors(t *testing.T) {
	tests := []struct {
		name string
		g    *argmap.Graph
		opt  argmap.RenderOptions
		code string
	}{
		{"nil graph", nil, argmap.RenderOptions{}, argmap.EINVALID},
		{"empty graph", &argmap.Graph{}, argmap.RenderOptions{}, argmap.EINVALID},
		{"only citations", &argmap.Graph{Citations: []argmap.Citation{{ID: "cit_x", SourceID: "src_x"}}}, argmap.RenderOptions{}, argmap.EINVALID},
		{"unknown focus", smallGraph(), argmap.RenderOptions{Focus: "clm_nope"}, argmap.EINVALID},
		{"focus on a stub", smallGraph(), argmap.RenderOptions{Focus: "clm_elsewhere"}, argmap.EINVALID},
	}
	for _, tt := range tests {
		_, err := render.DOT(tt.g, tt.opt)
		if got := argmap.ErrorCode(err); got != tt.code {
			t.Errorf("DOT(%s) error = %v (code %q), want code %q", tt.name, err, got, tt.code)
		}
	}
}

// TestDOTStructure checks what the map draws: shapes, colours, the junction
// of linked premises, the undercut aimed at that junction, the stub for a
// missing endpoint, and the highlighted focus.
func TestDOTStructure(t *testing.T) {
	out, err := render.DOT(smallGraph(), argmap.RenderOptions{Focus: "clm_rose", Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	dot := string(out)
	for _, want := range []string{
		`"clm_main" [shape=box, style="rounded,filled", fillcolor="#e3f2fd", color="#0d47a1", penwidth=2.2, label=<<B>Ending Mare Nostrum made the<BR/>crossing deadlier</B>>`,
		`"evd_deaths" [shape=note`,
		`"src_guardian" [shape=folder`,
		`"act_iom" [shape=ellipse`,
		`"rel_linked" [shape=point`, // linked premises meet at a junction
		`"clm_cut" -> "rel_linked" [color="#2e7d32", penwidth=1.8, arrowhead=none]`, // premise into the junction
		`"rel_linked" -> "clm_main" [color="#2e7d32", penwidth=1.8]`,                // junction to the conclusion
		`"clm_corr" -> "rel_linked" [color="#c62828", penwidth=1.8]`,                // the undercut hits the junction
		`"clm_pull" -> "clm_main" [color="#c62828", penwidth=1.8]`,                  // a plain rebuttal is a direct red edge
		`"stub:clm_elsewhere" [shape=box, style="dashed,rounded"`,                   // endpoint outside the map
		`"clm_rose" -> "stub:clm_elsewhere" [color="#2e7d32", penwidth=1.8, style=dashed]`,
		`"src_guardian" -> "clm_main" [color="#8a8a8a", style=dashed, arrowhead=none]`,
		`"act_iom" -> "clm_pull" [color="#ef6c00", style=dotted, penwidth=1.4, arrowhead=tee]`,
		`"src_guardian" -> "src_iomreport" [color="#8a8a8a", style=dotted, arrowhead=vee]`,
		`id="clm_rose", penwidth=3, color="#1565c0", fillcolor="#fff59d"`, // the focus
		`label="T", labelloc=t`,
		`subgraph cluster_legend`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT(small) lacks %s", want)
		}
	}
	if strings.Contains(dot, `"rel_rebut" [`) {
		t.Errorf("DOT(small) draws a junction for the one-premise, unattacked rel_rebut")
	}
}

// TestDOTLongText checks that long texts are wrapped and cut.
func TestDOTLongText(t *testing.T) {
	long := strings.Repeat("word ", 200) + strings.Repeat("x", 100)
	g := &argmap.Graph{Claims: []argmap.Claim{{ID: "clm_long", Text: long, Origin: argmap.OriginCurated}}}
	out, err := render.DOT(g, argmap.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	line := ""
	for _, l := range strings.Split(string(out), "\n") {
		if strings.Contains(l, `"clm_long" [`) {
			line = l
		}
	}
	_, label, _ := strings.Cut(line, `label="`)
	label, _, _ = strings.Cut(label, `"`)
	lines := strings.Split(label, `\n`)
	if len(lines) != 6 {
		t.Errorf("label of a 1100-character claim has %d lines, want 6: %q", len(lines), label)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 30 {
			t.Errorf("label line %q has %d characters, want at most 30", l, n)
		}
	}
	if !strings.HasSuffix(label, "…") {
		t.Errorf("label of a cut claim = %q, want it to end with an ellipsis", label)
	}
}

// TestDOTEscaping checks every quoted string of the injection map: after
// the DOT string is read back, no quote closes early and no escape is left
// for Graphviz to interpret.
func TestDOTEscaping(t *testing.T) {
	out, err := render.DOT(injectionGraph(), argmap.RenderOptions{Title: `"]; x [label="pwned`})
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(out), "\n") {
		// A bold HTML-like label: no markup but its own, and no backslash
		// Graphviz would expand (\N, \G, \E, \H, \T, \L).
		if a, rest, ok := strings.Cut(line, "label=<<B>"); ok {
			html, after, ok := strings.Cut(rest, "</B>>")
			if !ok {
				t.Fatalf("line %d: bold label not closed: %s", i+1, line)
			}
			if strings.ContainsAny(strings.ReplaceAll(html, "<BR/>", ""), "<>\"") {
				t.Errorf("line %d: bold label holds markup or a quote: %s", i+1, line)
			}
			for j := 0; j+1 < len(html); j++ {
				if html[j] == '\\' && strings.IndexByte("NGEHTL", html[j+1]) >= 0 {
					t.Errorf("line %d: bold label leaves \\%c for Graphviz: %s", i+1, html[j+1], line)
				}
			}
			line = a + after
		}
		// Every quote in a line is either escaped or one of an even number
		// of delimiters.
		n := 0
		for j := 0; j < len(line); j++ {
			switch line[j] {
			case '\\':
				next := byte(0)
				if j+1 < len(line) {
					next = line[j+1]
				}
				if next != '\\' && next != '"' && next != 'n' {
					t.Errorf("line %d: backslash escape \\%c left for Graphviz: %s", i+1, next, line)
				}
				j++
			case '"':
				n++
			}
		}
		if n%2 != 0 {
			t.Errorf("line %d has an odd number of unescaped quotes: %s", i+1, line)
		}
		if strings.ContainsAny(strings.TrimLeft(line, "\t"), "\x00\r\t\a") {
			t.Errorf("line %d has a control character: %q", i+1, line)
		}
	}
	if bytes.Contains(out, []byte(`"--><x>`)) {
		t.Errorf("DOT uses an unsafe ID as a node name")
	}
	if !bytes.Contains(out, []byte(`&amp;bogus;`)) || !bytes.Contains(out, []byte(`&amp;amp;`)) {
		t.Errorf("DOT does not escape ampersands as &amp;")
	}
}

func TestDOTLabels(t *testing.T) {
	a := argmap.Claim{ID: "clm_a", Text: "A stands", Origin: argmap.OriginCurated}
	b := argmap.Claim{ID: "clm_b", Text: "B falls", Origin: argmap.OriginCurated, Main: true}
	c := argmap.Claim{ID: "clm_c", Text: "C is open", Origin: argmap.OriginCurated}
	r := argmap.Relation{ID: "rel_x", Kind: argmap.Contests, From: []string{"clm_c"}, To: "clm_b", Origin: argmap.OriginCurated}
	g := &argmap.Graph{Claims: []argmap.Claim{a, b, c}, Relations: []argmap.Relation{r}}
	plain, err := render.DOT(g, argmap.RenderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "[IN]") || strings.Contains(string(plain), "semantics") {
		t.Errorf("DOT without labels has badges or an evaluation legend:\n%s", plain)
	}
	labels := map[string]string{"clm_a": "in", "clm_b": "out", "clm_c": "undec", "rel_x": "undec"}
	out, err := render.DOT(g, argmap.RenderOptions{Labels: labels, Semantics: "grounded"})
	if err != nil {
		t.Fatal(err)
	}
	dot := string(out)
	for _, want := range []string{
		`"[IN]\nA stands"`, `[OUT]<BR/>B falls`, `[UNDECIDED]`, // badges on the nodes
		`fillcolor="#c8e6c9"`, `fillcolor="#ffcdd2"`, `fillcolor="#eeeeee"`, // colours
		`color="#c6282866"`,               // an open relation faded
		"labels under grounded semantics", // the legend says so
		`label="[OUT] defeated"`, `"relation that fails or is open"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT with labels lacks %q:\n%s", want, dot)
		}
	}
}

// TestDOTTitles: a titled claim shows [Title] above its text, an argument
// <Title>; injections in titles stay escaped.
func TestDOTTitles(t *testing.T) {
	g := &argmap.Graph{Claims: []argmap.Claim{
		{ID: "clm_a", Title: "Sell", Text: "The council should sell the ferries.", Origin: argmap.OriginCurated, CreatedAt: t0},
		{ID: "clm_b", Title: "Fares", Kind: argmap.ClaimArgument, Text: "Fares would fall.", Origin: argmap.OriginCurated, CreatedAt: t0},
		{ID: "clm_c", Title: `say "hi" ] ; x -> y`, Text: "Injected title.", Origin: argmap.OriginCurated, CreatedAt: t0},
		{ID: "clm_d", Title: "Same", Text: "Same", Origin: argmap.OriginCurated, CreatedAt: t0},
	}}
	dot, err := render.DOT(g, argmap.RenderOptions{})
	if err != nil {
		t.Fatalf("DOT = %v", err)
	}
	for _, want := range []string{`label="[Sell]\nThe council should sell the\nferries."`, `label="<Fares>\nFares would fall."`, `[say \"hi\" ] ; x -> y]`, `label="Same"`} {
		if !strings.Contains(string(dot), want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
}

// TestDOTAcross checks the left-to-right layout option.
func TestDOTAcross(t *testing.T) {
	for _, tt := range []struct {
		across bool
		want   string
	}{{false, "rankdir=BT"}, {true, "rankdir=LR"}} {
		out, err := render.DOT(smallGraph(), argmap.RenderOptions{Across: tt.across})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), tt.want) {
			t.Errorf("DOT(Across: %v) lacks %s", tt.across, tt.want)
		}
	}
}
