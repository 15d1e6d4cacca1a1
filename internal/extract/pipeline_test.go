package extract_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

func extractDoc(t testing.TB, name string, data []byte) *argmap.Graph {
	t.Helper()
	g, err := extract.New(extract.Options{}).Extract(context.Background(), argmap.Document{Name: name, URI: name, Data: data})
	if err != nil {
		t.Fatalf("Extract(%s) error: %v", name, err)
	}
	if err := g.Validate(nil); err != nil {
		t.Fatalf("Extract(%s) draft does not validate: %v", name, err)
	}
	return g
}

func claimByPrefix(g *argmap.Graph, prefix string) *argmap.Claim {
	for i := range g.Claims {
		if strings.HasPrefix(g.Claims[i].Text, prefix) {
			return &g.Claims[i]
		}
	}
	return nil
}

func TestExtractStatement(t *testing.T) {
	data := readFixture(t, "statement.txt")
	g := extractDoc(t, "statement.txt", data)
	src := g.Sources[0]
	if src.Text != string(data) {
		t.Fatalf("Sources[0].Text is not the file as read")
	}
	if src.ID != argmap.DerivedID(argmap.KindSource, argmap.ContentHash(data)) || src.ContentHash != argmap.ContentHash(data) {
		t.Errorf("source ID/hash = %s/%s, want derived from the content hash", src.ID, src.ContentHash)
	}
	for _, c := range g.Claims {
		for _, sp := range c.Spans {
			if src.Text[sp.Start:sp.End] != sp.Quote || sp.Quote != c.Text {
				t.Errorf("claim %s span %d..%d quote %q, want the text at the offsets", c.ID, sp.Start, sp.End, sp.Quote)
			}
		}
	}
	if c := claimByPrefix(g, "We welcome"); c != nil {
		t.Errorf("courtesy sentence taken as a claim: %q", c.Text)
	}
	concern := claimByPrefix(g, "We are concerned that the new border policy")
	if concern == nil {
		t.Fatalf("missing the concern claim; claims: %v", claimTexts(g))
	}
	asserts := map[string]bool{}
	for _, a := range concern.Actors {
		if a.Role == argmap.RoleAsserts {
			asserts[a.ActorID] = true
		}
	}
	if !asserts[argmap.ActorID("Oxfam")] {
		t.Errorf("concern claim actors = %v, want Oxfam (the statement's speaker) asserting it", concern.Actors)
	}
	if !strings.HasPrefix(concern.Gist, "The new border policy is harming children") {
		t.Errorf("gist = %q, want the frame dropped", concern.Gist)
	}
	rec := claimByPrefix(g, "The ministers should end")
	if rec == nil {
		t.Fatalf("missing the recommendation; claims: %v", claimTexts(g))
	}
	var stat *argmap.Evidence
	for i := range g.Evidence {
		if strings.HasPrefix(g.Evidence[i].Text, "In 2018, more than 4,000 children") {
			stat = &g.Evidence[i]
		}
	}
	if stat == nil {
		t.Fatalf("missing the statistic as evidence; evidence: %v", g.Evidence)
	}
	supports, contests := false, false
	for _, r := range g.Relations {
		if r.Kind == argmap.Supports && r.From[0] == stat.ID && r.To == concern.ID {
			supports = true
		}
		if r.Kind == argmap.Contests && strings.HasPrefix(claimText(g, r.From[0]), "However") {
			contests = true
		}
	}
	if !supports || !contests {
		t.Errorf("relations = %+v, want the figure supporting the concern and the However sentence contesting", g.Relations)
	}
	main := 0
	for _, c := range g.Claims {
		if c.Main {
			main++
		}
	}
	if main == 0 {
		t.Errorf("no main claim marked")
	}
	// deterministic
	g2 := extractDoc(t, "statement.txt", data)
	if claimTexts(g2)[0] != claimTexts(g)[0] || g2.Claims[0].ID != g.Claims[0].ID {
		t.Errorf("a second extraction gave different IDs")
	}
}

func claimTexts(g *argmap.Graph) []string {
	var out []string
	for _, c := range g.Claims {
		out = append(out, c.Text)
	}
	return out
}

func claimText(g *argmap.Graph, id string) string {
	for _, c := range g.Claims {
		if c.ID == id {
			return c.Text
		}
	}
	return ""
}

// TestExtractIDsScoped: every claim, evidence, relation and citation ID
// of a document starts with the document's scope (argmap.Scope of its
// content hash), and another document's IDs with another scope.
func TestExtractIDsScoped(t *testing.T) {
	data := readFixture(t, "statement.txt")
	g := extractDoc(t, "statement.txt", data)
	want := argmap.Scope(argmap.ContentHash(data))
	var ids []string
	for _, c := range g.Claims {
		ids = append(ids, c.ID)
	}
	for _, e := range g.Evidence {
		ids = append(ids, e.ID)
	}
	for _, r := range g.Relations {
		ids = append(ids, r.ID)
	}
	for _, c := range g.Citations {
		ids = append(ids, c.ID)
	}
	if len(g.Claims) == 0 || len(g.Relations) == 0 {
		t.Fatalf("statement.txt gave %d claims, %d relations: want some of each", len(g.Claims), len(g.Relations))
	}
	for _, id := range ids {
		if argmap.ScopeOf(id) != want {
			t.Errorf("ID %s has scope %q, want the document's %q", id, argmap.ScopeOf(id), want)
		}
	}
	other := extractDoc(t, "other.txt", append(append([]byte{}, data...), "\nOne more sentence is enough to make it another document.\n"...))
	if len(other.Claims) == 0 || argmap.ScopeOf(other.Claims[0].ID) == want {
		t.Errorf("another document's claims %v share the scope %q", other.Claims, want)
	}
}

func TestExtractHTML(t *testing.T) {
	g := extractDoc(t, "page.html", readFixture(t, "page.html"))
	if g.Sources[0].Title != "Border agencies and their critics" {
		t.Errorf("title = %q", g.Sources[0].Title)
	}
	if c := claimByPrefix(g, "We argue that the agency"); c == nil {
		t.Errorf("claims = %q, want the argued claim", claimTexts(g))
	}
	for _, c := range g.Claims {
		if strings.Contains(c.Text, "scripts are claims") {
			t.Errorf("script text became a claim: %q", c.Text)
		}
	}
}

func TestExtractBadInput(t *testing.T) {
	long := bytes.Repeat([]byte("words without any stop "), 10<<20/23)
	tests := []struct {
		name string
		data []byte
		code string
	}{
		{"empty", nil, argmap.EINVALID},
		{"whitespace", []byte("\n\n   \t"), argmap.EINVALID},
		{"invalid utf8", []byte("Fine text.\xc3\x28 more."), argmap.EINVALID},
		{"zip archive", []byte("PK\x03\x04\x00\x00binary"), argmap.EUNSUPPORTED},
		{"binary", []byte("\x01\x02binary\x00data"), argmap.EINVALID},
		{"no text.html", []byte("<html><script>alert(1)</script></html>"), argmap.EINVALID},
		{"too large", bytes.Repeat([]byte("a"), 51<<20), argmap.ETOOLARGE},
		{"10 MB without a full stop", long, ""},
		{"script tag in plain text", []byte("The <script>alert('x')</script> tag should never run in our viewer."), ""},
	}
	p := extract.New(extract.Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			g, err := p.Extract(context.Background(), argmap.Document{Name: tt.name, Data: tt.data})
			if got := argmap.ErrorCode(err); got != tt.code {
				t.Fatalf("Extract code = %q (%v), want %q", got, err, tt.code)
			}
			if err == nil {
				if verr := g.Validate(nil); verr != nil {
					t.Fatalf("draft does not validate: %v", verr)
				}
				var buf bytes.Buffer
				if err := extract.WriteJSONL(&buf, "x.txt", g); err != nil {
					t.Fatal(err)
				}
			}
			if d := time.Since(start); d > 60*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Extract(ctx, argmap.Document{Data: []byte("A claim.")}); err == nil {
		t.Errorf("Extract with a cancelled context succeeded")
	}
	small := extract.New(extract.Options{MaxBytes: 10})
	if _, err := small.Extract(context.Background(), argmap.Document{Data: []byte("more than ten bytes.")}); argmap.ErrorCode(err) != argmap.ETOOLARGE {
		t.Errorf("MaxBytes 10: err %v, want ETOOLARGE", err)
	}
}

func TestWriteJSONL(t *testing.T) {
	g := extractDoc(t, "statement.txt", readFixture(t, "statement.txt"))
	var buf bytes.Buffer
	if err := extract.WriteJSONL(&buf, "statement.txt", g); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	types := map[string]int{}
	for i, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("line %d not JSON: %v", i, err)
		}
		if o["doc"] != "statement.txt" {
			t.Errorf("line %d doc = %v", i, o["doc"])
		}
		typ, _ := o["type"].(string)
		if i == 0 && typ != "source" {
			t.Errorf("first line type = %q, want source", typ)
		}
		types[typ]++
		if typ == "claim" {
			for _, k := range []string{"id", "start", "end", "text", "gist", "score", "main", "actors"} {
				if _, ok := o[k]; !ok {
					t.Errorf("claim line lacks %q: %s", k, l)
				}
			}
		}
	}
	for _, k := range []string{"source", "claim", "evidence", "actor", "relation"} {
		if types[k] == 0 {
			t.Errorf("no %s line in\n%s", k, buf.String())
		}
	}
	if err := extract.WriteJSONL(&buf, "x", &argmap.Graph{}); argmap.ErrorCode(err) != argmap.EINVALID {
		t.Errorf("WriteJSONL(empty graph) = %v, want EINVALID", err)
	}
}

func TestExtractReviewHeader(t *testing.T) {
	data := []byte("# A review\n\n**Kofi Lind (2015) *Returns Reconsidered: Agencies and Borders*. Leiden: Brill. Reviewed by\nAna Ruiz, 2016.**\n\n" +
		"Lind argues that return agencies are shaped by the states that fund them, and I think he is right.\n")
	g := extractDoc(t, "review.md", data)
	if c := claimByPrefix(g, "**Kofi Lind"); c != nil {
		t.Errorf("the reviewed book's header taken as a claim: %q", c.Text)
	}
	if c := claimByPrefix(g, "Kofi Lind"); c != nil {
		t.Errorf("the reviewed book's header taken as a claim: %q", c.Text)
	}
	var got []string
	for _, c := range g.Citations {
		got = append(got, c.Author+" "+c.Year)
	}
	if !contains(got, "Lind 2015") {
		t.Errorf("citations = %q, want the reviewed book Lind 2015", got)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestRelationsApart: the relations' From lists and spans, and the claims'
// spans and actor links, share arrays (relate and link cut them from a
// few), but appending to one relation's From list or one claim's spans or
// actors, or changing a relation's span, changes no other.
func TestRelationsApart(t *testing.T) {
	for _, f := range sharedtest.CorpusFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := extractDoc(t, filepath.Base(f), data)
		if len(g.Relations) < 2 {
			continue
		}
		type seen struct {
			from []string
			span argmap.Span
		}
		before := make([]seen, len(g.Relations))
		for i, r := range g.Relations {
			before[i] = seen{append([]string(nil), r.From...), *r.Span}
		}
		for i := range g.Relations {
			r := &g.Relations[i]
			r.From = append(r.From, "x")
			r.Span.Quote += "x"
			for k, o := range g.Relations {
				if k != i && (!slices.Equal(o.From, before[k].from) || *o.Span != before[k].span) {
					t.Fatalf("%s: changing relation %d changed relation %d: %v %+v", filepath.Base(f), i, k, o.From, *o.Span)
				}
			}
			r.From, r.Span.Quote = before[i].from, before[i].span.Quote
		}
		claims := make([]argmap.Claim, len(g.Claims))
		for i, c := range g.Claims {
			claims[i] = c
			claims[i].Spans, claims[i].Actors = slices.Clone(c.Spans), slices.Clone(c.Actors)
		}
		for i := range g.Claims {
			c := &g.Claims[i]
			c.Spans = append(c.Spans, argmap.Span{Quote: "x"})
			c.Actors = append(c.Actors, argmap.ActorRef{ActorID: "x"}, argmap.ActorRef{ActorID: "y"})
			for k, o := range g.Claims {
				if k != i && (!slices.Equal(o.Spans, claims[k].Spans) || !slices.Equal(o.Actors, claims[k].Actors)) {
					t.Fatalf("%s: appending to claim %d's spans and actors changed claim %d's: %+v %+v", filepath.Base(f), i, k, o.Spans, o.Actors)
				}
			}
			c.Spans, c.Actors = claims[i].Spans, claims[i].Actors
		}
		return
	}
	t.Skip("no IOM document with two relations")
}
