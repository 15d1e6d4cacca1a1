package evaluate_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
)

// graphBuilder makes small argmap graphs with readable names.
type graphBuilder struct {
	g   argmap.Graph
	ids map[string]string
}

func newGraph() *graphBuilder { return &graphBuilder{ids: map[string]string{}} }

// claim adds a claim; stated claims have a span in a source.
func (b *graphBuilder) claim(name string, stated bool, mod ...func(*argmap.Claim)) *graphBuilder {
	c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Title: name, Text: "Claim " + name, Origin: argmap.OriginExtracted}
	if stated {
		c.Spans = []argmap.Span{{SourceID: "src_doc", Start: 0, End: 1}}
	}
	for _, m := range mod {
		m(&c)
	}
	b.ids[name] = c.ID
	b.g.Claims = append(b.g.Claims, c)
	return b
}

func (b *graphBuilder) evidence(name string) *graphBuilder {
	e := argmap.Evidence{ID: argmap.NewID(argmap.KindEvidence), Text: "Evidence " + name, Origin: argmap.OriginExtracted}
	b.ids[name] = e.ID
	b.g.Evidence = append(b.g.Evidence, e)
	return b
}

// rel adds a relation named name from the premises to a node or relation.
func (b *graphBuilder) rel(name string, kind argmap.RelationKind, score float64, to string, from ...string) *graphBuilder {
	r := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: kind, To: b.ids[to], Score: score, Origin: argmap.OriginExtracted, Title: name}
	for _, f := range from {
		r.From = append(r.From, b.ids[f])
	}
	b.ids[name] = r.ID
	b.g.Relations = append(b.g.Relations, r)
	return b
}

func labels(t *testing.T, g *argmap.Graph, sem evaluate.Semantics) (map[string]string, map[string]string) {
	t.Helper()
	ev, err := evaluate.EvaluateGraph(g, sem, evaluate.Options{})
	if err != nil {
		t.Fatalf("EvaluateGraph(%s): %v", sem, err)
	}
	got, why := map[string]string{}, map[string]string{}
	for _, s := range ev.Statements {
		name := s.Key
		if name == "" {
			name = strings.TrimPrefix(s.Text, "Evidence ")
		}
		got[name] = s.Label.String()
		why[name] = s.Reason
		if s.Reason == "" {
			t.Errorf("%s: statement %s has no reason", sem, name)
		}
	}
	return got, why
}

func TestEvaluateGraphCarneades(t *testing.T) {
	cce := func(c *argmap.Claim) { c.Standard = argmap.StandardCCE }
	tests := []struct {
		name  string
		graph *graphBuilder
		want  map[string]string
		why   map[string]string // substrings of reasons
	}{
		{"empty", newGraph(), map[string]string{}, nil},
		{"stated and uncontested", newGraph().claim("a", true), map[string]string{"a": "in"},
			map[string]string{"a": "stated in a source"}},
		{"unstated and unsupported", newGraph().claim("a", false), map[string]string{"a": "out"},
			map[string]string{"a": "no argument"}},
		{"supported by evidence", newGraph().claim("a", false).evidence("e").rel("r", argmap.Supports, 0.9, "a", "e"),
			map[string]string{"a": "in", "e": "in"}, map[string]string{"a": "supported by argument r"}},
		{"strong contest defeats a stated claim", newGraph().claim("a", true).claim("b", true).rel("r", argmap.Contests, 0.8, "a", "b"),
			map[string]string{"a": "out", "b": "in"}, map[string]string{"a": "wins its issue (0.8 against 0.5"}},
		{"weak contest leaves a stated claim standing", newGraph().claim("a", true).claim("b", true).rel("r", argmap.Contests, 0.4, "a", "b"),
			map[string]string{"a": "in", "b": "in"}, map[string]string{"a": "weighs 0.5 against 0.4"}},
		{"support outweighs contest", newGraph().claim("a", false).evidence("e").claim("b", true).
			rel("s", argmap.Supports, 1, "a", "e").rel("r", argmap.Contests, 0.8, "a", "b"),
			map[string]string{"a": "in", "b": "in", "e": "in"}, nil},
		{"clear and convincing not met", newGraph().claim("a", false, cce).evidence("e").claim("b", true).
			rel("s", argmap.Supports, 1, "a", "e").rel("r", argmap.Contests, 0.8, "a", "b"),
			map[string]string{"a": "out", "b": "in", "e": "in"}, map[string]string{"a": "clear and convincing"}},
		{"undercut support", newGraph().claim("a", false).evidence("e").claim("u", true).
			rel("s", argmap.Supports, 1, "a", "e").rel("x", argmap.Contests, 1, "s", "u"),
			map[string]string{"a": "out", "e": "in", "u": "in"}, map[string]string{"a": "undercut"}},
		{"mutual contest", newGraph().claim("a", true).claim("b", true).
			rel("r1", argmap.Contests, 1, "a", "b").rel("r2", argmap.Contests, 1, "b", "a"),
			map[string]string{"a": "undec", "b": "undec"}, map[string]string{"a": "undec:"}},
		{"self-contest", newGraph().claim("a", true).rel("r", argmap.Contests, 1, "a", "a"),
			map[string]string{"a": "undec"}, nil},
		{"rival positions", newGraph().claim("a", false, func(c *argmap.Claim) { c.Issue = "i" }).
			claim("b", false, func(c *argmap.Claim) { c.Issue = "i" }).evidence("e").evidence("f").
			rel("s1", argmap.Supports, 0.9, "a", "e").rel("s2", argmap.Supports, 0.6, "b", "f"),
			map[string]string{"a": "in", "b": "out", "e": "in", "f": "in"}, map[string]string{"b": "a wins its issue"}},
		{"assumed rival", newGraph().claim("a", false, func(c *argmap.Claim) { c.Issue, c.Assumed = "i", true }).
			claim("b", false, func(c *argmap.Claim) { c.Issue = "i" }).evidence("e").rel("s", argmap.Supports, 1, "b", "e"),
			map[string]string{"a": "in", "b": "out", "e": "in"}, map[string]string{"b": "rival position a is assumed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := cloneGraph(&tt.graph.g)
			got, why := labels(t, &tt.graph.g, evaluate.SemCarneades)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("labels (-want +got):\n%s\nreasons: %v", diff, why)
			}
			for k, sub := range tt.why {
				if !strings.Contains(why[k], sub) {
					t.Errorf("reason of %s = %q, want it to contain %q", k, why[k], sub)
				}
			}
			if diff := cmp.Diff(before, tt.graph.g); diff != "" {
				t.Errorf("EvaluateGraph changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestEvaluateGraphDung(t *testing.T) {
	b := newGraph().claim("a", true).claim("b", true).claim("c", true).claim("d", false).
		rel("r1", argmap.Contests, 1, "b", "a").rel("r2", argmap.Contests, 1, "c", "b").
		rel("r3", argmap.Contests, 1, "d", "d")
	got, why := labels(t, &b.g, evaluate.SemGrounded)
	want := map[string]string{"a": "in", "b": "out", "c": "in", "d": "undec"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("grounded labels (-want +got):\n%s", diff)
	}
	if !strings.Contains(why["b"], "defeated by argument r1") {
		t.Errorf("reason of b = %q, want the deciding attack r1", why["b"])
	}
	// An attack on a premise of a contest defeats the contest: c loses its
	// attack on b when a is defeated by e.
	b.claim("e", true).rel("r4", argmap.Contests, 1, "a", "e")
	got, _ = labels(t, &b.g, evaluate.SemPreferred)
	want = map[string]string{"a": "out", "b": "in", "c": "out", "d": "undec", "e": "in"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("preferred labels (-want +got):\n%s", diff)
	}
}

func cloneGraph(g *argmap.Graph) argmap.Graph {
	c := *g
	c.Claims = append([]argmap.Claim(nil), g.Claims...)
	for i := range c.Claims {
		c.Claims[i].Spans = append([]argmap.Span(nil), g.Claims[i].Spans...)
	}
	c.Evidence = append([]argmap.Evidence(nil), g.Evidence...)
	c.Relations = append([]argmap.Relation(nil), g.Relations...)
	for i := range c.Relations {
		c.Relations[i].From = append([]string(nil), g.Relations[i].From...)
	}
	return c
}

func TestAssumePremises(t *testing.T) {
	// An argument map without assumptions: p and q support c, r contests c.
	b := newGraph().claim("p", false).claim("q", false).claim("r", false).claim("c", false).
		rel("s", argmap.Supports, 1, "c", "p", "q").rel("x", argmap.Contests, 0.5, "c", "r")
	got, _ := labels(t, &b.g, evaluate.SemCarneades)
	if diff := cmp.Diff(map[string]string{"p": "out", "q": "out", "r": "out", "c": "out"}, got); diff != "" {
		t.Errorf("without assumptions (-want +got):\n%s", diff)
	}
	ev, err := evaluate.EvaluateGraph(&b.g, evaluate.SemCarneades, evaluate.Options{AssumePremises: true})
	if err != nil {
		t.Fatal(err)
	}
	got = map[string]string{}
	for _, s := range ev.Statements {
		got[s.Key] = s.Label.String()
	}
	if diff := cmp.Diff(map[string]string{"p": "in", "q": "in", "r": "in", "c": "in"}, got); diff != "" {
		t.Errorf("with AssumePremises (-want +got):\n%s", diff)
	}
	// A contested premise weighs its being given against the contest.
	b = newGraph().claim("a", false).claim("b", false).claim("c", false).
		rel("x", argmap.Contests, 1, "b", "a").rel("y", argmap.Contests, 1, "c", "b")
	ev, err = evaluate.EvaluateGraph(&b.g, evaluate.SemCarneades, evaluate.Options{AssumePremises: true})
	if err != nil {
		t.Fatal(err)
	}
	got = map[string]string{}
	for _, s := range ev.Statements {
		got[s.Key] = s.Label.String()
	}
	if diff := cmp.Diff(map[string]string{"a": "in", "b": "out", "c": "in"}, got); diff != "" {
		t.Errorf("with AssumePremises (-want +got):\n%s", diff)
	}
}

// linked marks the relations named as found by the linker across documents.
func (b *graphBuilder) linked(names ...string) *graphBuilder {
	for _, n := range names {
		for i := range b.g.Relations {
			if b.g.Relations[i].ID == b.ids[n] {
				b.g.Relations[i].Origin = argmap.OriginLinked
			}
		}
	}
	return b
}

func TestLinkedPropositions(t *testing.T) {
	// a and a2 state the same proposition (linked both ways); b denies it
	// (a linked contest, read both ways); e supports a2 and c is contested
	// by a2.
	b := newGraph().claim("a", true).claim("a2", true).claim("b", true).claim("c", true).evidence("e").
		rel("l1", argmap.Supports, 0.9, "a2", "a").rel("l2", argmap.Supports, 0.9, "a", "a2").
		rel("x", argmap.Contests, 0.8, "a", "b").
		rel("s", argmap.Supports, 1, "a2", "e").
		rel("y", argmap.Contests, 1, "c", "a2").
		linked("l1", "l2", "x")
	ev, err := evaluate.EvaluateGraph(&b.g, evaluate.SemCarneades, evaluate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, why, rel := map[string]string{}, map[string]string{}, map[string]string{}
	for _, s := range ev.Statements {
		name := s.Key
		if name == "" {
			name = "e"
		}
		got[name], why[name] = s.Label.String(), s.Reason
	}
	for _, a := range ev.Arguments {
		rel[a.Key] = a.Label.String() + ": " + a.Reason
	}
	// a (one statement with a2) is backed by e (1) against b's denial
	// (0.8): a and a2 in; b, denied by a at 0.8 against its being stated
	// (0.5), out; c, contested by a2 at full weight, out.
	want := map[string]string{"a": "in", "a2": "in", "b": "out", "c": "out", "e": "in"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("labels (-want +got):\n%s\nreasons: %v", diff, why)
	}
	if !strings.Contains(why["a2"], "same proposition as a") || !strings.Contains(why["b"], "read both ways") && !strings.Contains(why["b"], "wins its issue") {
		t.Errorf("reasons: a2 %q, b %q", why["a2"], why["b"])
	}
	if !strings.Contains(rel["l1"], "same proposition") {
		t.Errorf("linked relation l1: %q", rel["l1"])
	}
	// Two stated claims denying each other with nothing else: neither
	// prevails.
	b = newGraph().claim("p", true).claim("q", true).rel("x", argmap.Contests, 0.7, "p", "q").linked("x")
	got, why = labels(t, &b.g, evaluate.SemCarneades)
	if diff := cmp.Diff(map[string]string{"p": "undec", "q": "undec"}, got); diff != "" {
		t.Errorf("mutual denial (-want +got):\n%s\nreasons: %v", diff, why)
	}
}

func TestSharedProposition(t *testing.T) {
	// p2 restates p (Claim.Proposition); q denies p (a linked contest).
	b := newGraph().claim("p", true).claim("q", true).claim("p2", true).evidence("e").
		rel("x", argmap.Contests, 0.7, "p", "q").rel("s", argmap.Supports, 1, "p2", "e").linked("x")
	b.g.Claims[2].Proposition = b.ids["p"]
	got, why := labels(t, &b.g, evaluate.SemCarneades)
	// p and p2 are one statement backed by e (1) against q (stated, 0.5).
	if diff := cmp.Diff(map[string]string{"p": "in", "p2": "in", "q": "out", "e": "in"}, got); diff != "" {
		t.Errorf("labels (-want +got):\n%s\nreasons: %v", diff, why)
	}
	if !strings.Contains(why["p2"], "same proposition as p") {
		t.Errorf("reason of p2 = %q", why["p2"])
	}
}

func TestSettleWhileArgumentsAreOpen(t *testing.T) {
	// a and b support each other (a cycle), a is backed by evidence e and
	// contested by c. The cycle leaves b's argument for a open, but e's
	// argument (0.9) already beats the most c can reach (0.4): a is in.
	b := newGraph().claim("a", true).claim("b", false).claim("c", true).evidence("e").
		rel("r1", argmap.Supports, 0.8, "a", "b").rel("r2", argmap.Supports, 0.8, "b", "a").
		rel("r3", argmap.Supports, 0.9, "a", "e").rel("x", argmap.Contests, 0.4, "a", "c").
		rel("y", argmap.Contests, 0.6, "b", "c")
	got, why := labels(t, &b.g, evaluate.SemCarneades)
	want := map[string]string{"a": "in", "b": "in", "c": "in", "e": "in"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("labels (-want +got):\n%s\nreasons: %v", diff, why)
	}
	if !strings.Contains(why["a"], "whatever its open arguments turn out to be") {
		t.Errorf("reason of a = %q, want it to say it was settled while arguments were open", why["a"])
	}
	// The same graph written by a person (curated relations, no sources) is
	// evaluated exactly as Carneades does: the cycle leaves a undecided.
	for i := range b.g.Relations {
		b.g.Relations[i].Origin = argmap.OriginCurated
	}
	for i := range b.g.Claims {
		b.g.Claims[i].Spans = nil
	}
	b.g.Claims[2].Assumed = true
	got, why = labels(t, &b.g, evaluate.SemCarneades)
	want = map[string]string{"a": "undec", "b": "undec", "c": "in", "e": "in"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("curated labels (-want +got):\n%s\nreasons: %v", diff, why)
	}
}

func TestDungLinkedDenial(t *testing.T) {
	// A linked denial is an attack both ways: neither claim wins under
	// grounded semantics; each is credulously accepted under preferred.
	b := newGraph().claim("p", true).claim("q", true).rel("x", argmap.Contests, 0.7, "p", "q").linked("x")
	got, _ := labels(t, &b.g, evaluate.SemGrounded)
	if diff := cmp.Diff(map[string]string{"p": "undec", "q": "undec"}, got); diff != "" {
		t.Errorf("grounded (-want +got):\n%s", diff)
	}
	ev, err := evaluate.EvaluateGraph(&b.g, evaluate.SemPreferred, evaluate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ev.Count != 2 {
		t.Errorf("preferred extensions = %d, want 2", ev.Count)
	}
}

// TestReasonsNameRelationsByText: relations without a title (all extracted
// ones) are named in reasons by the texts they join, never by their IDs,
// under every semantics, including a linked denial read both ways and an
// undercut.
func TestReasonsNameRelationsByText(t *testing.T) {
	b := newGraph().claim("p", true).claim("q", true).claim("c", true).claim("u", true).evidence("e").
		rel("x", argmap.Contests, 0.7, "p", "q").linked("x").
		rel("s", argmap.Supports, 0.9, "c", "e").
		rel("k", argmap.Contests, 0.6, "s", "u")
	for i := range b.g.Claims { // extracted claims have no key: reasons quote their text
		b.g.Claims[i].Title = ""
	}
	var relIDs []string
	for i := range b.g.Relations {
		b.g.Relations[i].Title = ""
		relIDs = append(relIDs, b.g.Relations[i].ID)
	}
	for _, sem := range []evaluate.Semantics{evaluate.SemCarneades, evaluate.SemGrounded, evaluate.SemPreferred} {
		t.Run(string(sem), func(t *testing.T) {
			ev, err := evaluate.EvaluateGraph(&b.g, sem, evaluate.Options{})
			if err != nil {
				t.Fatal(err)
			}
			var all []string
			for _, s := range ev.Statements {
				all = append(all, s.Key+": "+s.Reason)
			}
			for _, a := range ev.Arguments {
				all = append(all, "argument: "+a.Reason)
			}
			text := strings.Join(all, "\n")
			for _, id := range relIDs {
				if strings.Contains(text, id) {
					t.Errorf("a reason shows relation ID %s:\n%s", id, text)
				}
			}
			if strings.Contains(text, "relation rel_") || strings.Contains(text, "~reverse") {
				t.Errorf("a reason shows a raw relation:\n%s", text)
			}
			if want := `the relation "Claim q" contests "Claim p"`; !strings.Contains(text, want) {
				t.Errorf("no reason names the denial as %s:\n%s", want, text)
			}
			if want := `the relation "Evidence e" supports "Claim c"`; sem == evaluate.SemCarneades && !strings.Contains(text, want) {
				t.Errorf("the undercut support is not named as %s:\n%s", want, text)
			}
		})
	}
}

// TestReasonsQuoteTextPlainly: a claim's own double quotes show in a reason
// as curly ones, never as escapes (\") a reader would see.
func TestReasonsQuoteTextPlainly(t *testing.T) {
	b := newGraph().claim("p", true).claim("q", true).rel("x", argmap.Supports, 0.9, "p", "q")
	for i := range b.g.Claims {
		b.g.Claims[i].Title = ""
	}
	b.g.Claims[1].Text = `Whoever defines who counts as "stranded" shapes which needs are seen`
	b.g.Relations[0].Title = ""
	ev, err := evaluate.EvaluateGraph(&b.g, evaluate.SemCarneades, evaluate.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range ev.Statements {
		all = append(all, s.Reason)
	}
	text := strings.Join(all, "\n")
	if want := `the relation "Whoever defines who counts as “stranded” shapes which needs are seen" supports "Claim p"`; !strings.Contains(text, want) {
		t.Errorf("no reason quotes the premise as %s:\n%s", want, text)
	}
	if strings.Contains(text, `\"`) {
		t.Errorf("a reason shows an escaped quote:\n%s", text)
	}
}
