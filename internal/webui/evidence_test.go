package webui_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/webui"
)

// TestEvidencePage: a piece of evidence has a page of its own: its text, the
// quoted span in the text around it in its source (title, author, web
// address), who it is attributed to, the works it cites, and what it
// supports or contests named by text, never by ID. Stored text stays text
// (HTML and SVG injection), and an unknown ID is a clear 404.
func TestEvidencePage(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	const svgEvil = `</mark><svg onload=alert(3)>`
	para := "An opening paragraph that the page leaves out.\n\n"
	post := "Posted by kestrel<b>\n"
	quote := "Roe (2019) counted 40 " + svgEvil + " returns,\nall from detention."
	text := para + post + "Before it comes a long line of the post, one that its writer wrapped by hand at\nabout eighty characters. " + quote + " After it, more.\n\nA closing paragraph."
	qs := strings.Index(text, quote)
	cs := strings.Index(text, "Roe (2019)")
	g := &argmap.Graph{
		Sources: []argmap.Source{
			{ID: "src_doc", Title: "Thread <script>alert(1)</script>", Authors: []string{"Ann <i>Author</i>"}, Kind: "thread",
				URI: "https://example.org/t?a=1&b=<x>", Text: text, ContentHash: "h1", CreatedAt: t0},
			{ID: "src_roe", Title: "Roe's <em>report</em>", Kind: "cited", ContentHash: "h2", CreatedAt: t0},
		},
		Actors: []argmap.Actor{{ID: "act_roe", Name: "Roe <img src=x onerror=alert(2)>", CreatedAt: t0}},
		Claims: []argmap.Claim{
			{ID: "clm_target", Text: "Return from detention is not <u>voluntary</u>.", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
			{ID: "clm_with", Text: "Detention leaves no other choice.", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
			{ID: "clm_doubt", Text: "Return is mostly freely chosen.", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
		},
		Citations: []argmap.Citation{{ID: "cit_roe", SourceID: "src_doc", Author: "Roe", Year: "2019", Text: "Roe (2019)", Start: cs, End: cs + len("Roe (2019)"), CitedID: "src_roe"}},
		Evidence: []argmap.Evidence{{ID: "evd_count", Kind: "statistic", Text: quote, Origin: argmap.OriginExtracted, Score: 0.9, CreatedAt: t0,
			Spans:  []argmap.Span{{SourceID: "src_doc", Start: qs, End: qs + len(quote), Quote: quote}},
			Actors: []argmap.ActorRef{{ActorID: "act_roe", Role: argmap.RoleNamed}}}},
		Relations: []argmap.Relation{
			{ID: "rel_sup", Kind: argmap.Supports, From: []string{"evd_count", "clm_with"}, To: "clm_target", Origin: argmap.OriginExtracted, Score: 0.6, CreatedAt: t0},
			{ID: "rel_con", Kind: argmap.Contests, From: []string{"evd_count"}, To: "clm_doubt", Origin: argmap.OriginExtracted, Score: 0.6, CreatedAt: t0},
		},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{Judge: postJudge{}})
	status, body, h := get(t, ui, "/ui/evidence/evd_count")
	if status != http.StatusOK {
		t.Fatalf("GET /ui/evidence/evd_count = %d\n%s", status, body)
	}
	for _, w := range []string{
		`<span class="badge ev">statistic</span>`, `data-evidence="evd_count"`,
		// the passage, in the text around it, hand wraps joined
		`<blockquote class="in-context" data-context>Posted by kestrel&lt;b&gt;` + "\n" + `Before it comes a long line of the post, one that its writer wrapped by hand at about eighty characters. <mark class="hl hl-evidence target">Roe (2019) counted 40 &lt;/mark&gt;&lt;svg onload=alert(3)&gt; returns, all from detention.</mark> After it, more.</blockquote>`,
		// its source: title, web address, poster; where it stands in it
		`<a class="src" href="/ui/documents/src_doc">Thread &lt;script&gt;alert(1)&lt;/script&gt;</a>`,
		`<a class="ext" href="https://example.org/t?a=1&amp;b=%3cx%3e" rel="noopener noreferrer">the original</a>`,
		`posted by <b>kestrel&lt;b&gt;</b>`, "Attributed to: its poster kestrel&lt;b&gt;",
		`href="/ui/documents/src_doc?at=`, "It cites Roe 2019 — <span class=\"muted\">Roe&#39;s &lt;em&gt;report&lt;/em&gt;</span>",
		`It names: <a class="chip role-named" href="/ui/actors/act_roe">Roe &lt;img src=x onerror=alert(2)&gt; <span>named</span></a>`,
		// what it bears on, by text, linked to the claims' pages
		`this evidence supports <a href="/ui/claims/clm_target">“Return from detention is not &lt;u&gt;voluntary&lt;/u&gt;.”</a>`,
		"together with “Detention leaves no other choice.”",
		`this evidence contests <a href="/ui/claims/clm_doubt">“Return is mostly freely chosen.”</a>`,
		`<a href="/ui/explore?focus=evd_count">`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("GET /ui/evidence/evd_count lacks %q", w)
		}
	}
	if strings.Contains(body, "opening paragraph") || strings.Contains(body, "closing paragraph") {
		t.Errorf("the passage's context runs past its paragraph")
	}
	for _, bad := range []string{"<script>alert", "<svg onload", "<img src=x", "<em>report", "<u>voluntary", "<i>Author"} {
		if strings.Contains(body, bad) {
			t.Errorf("GET /ui/evidence/evd_count lets %q through as markup", bad)
		}
	}
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
	visible := regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(body[strings.Index(body, "<main"):], " ")
	if ids := regexp.MustCompile(`\b(clm|rel|src|act)_[a-z0-9]+`).FindAllString(visible, -1); len(ids) > 0 {
		t.Errorf("the evidence page shows IDs as text: %v", ids)
	}

	// The pages that list evidence link to its page.
	for _, p := range []string{"/ui/documents/src_doc", "/ui/claims/clm_target", "/ui/claims/clm_doubt"} {
		if _, body, _ := get(t, ui, p); !strings.Contains(body, `href="/ui/evidence/evd_count"`) {
			t.Errorf("GET %s does not link the evidence to its page", p)
		}
	}

	for _, tt := range []struct{ path, want string }{
		{"/ui/evidence/evd_nope", "evidence evd_nope not found"},
		{"/ui/evidence/clm_target", "is not an evidence ID"},
		{"/ui/evidence/%3Csvg%20onload=alert(1)%3E", "is not an evidence ID"},
	} {
		status, body, _ := get(t, ui, tt.path)
		if status != http.StatusNotFound || !strings.Contains(body, tt.want) || !strings.Contains(body, "Back to the documents") {
			t.Errorf("GET %s = %d, want 404 saying %q\n%s", tt.path, status, tt.want, body)
		}
		if strings.Contains(body, "<svg onload") {
			t.Errorf("GET %s echoes the ID as markup", tt.path)
		}
	}
}

// TestEvidencePageMarkdown: in a Markdown source's passage the syntax
// (heading hashes, emphasis stars) is left out of the context, as the
// document page fades it, and the quoted span is still marked whole.
func TestEvidencePageMarkdown(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "# Title\n\n**1. A question?** Critics say yes (*Roe 2019*; Doe 2020). More.\n"
	es := strings.Index(text, "*Roe 2019*")
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_md", Title: "Notes", URI: "notes.md", Text: text, ContentHash: "h1", CreatedAt: t0}},
		Evidence: []argmap.Evidence{{ID: "evd_roe", Kind: "citation", Text: "Roe 2019", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_md", Start: es, End: es + len("*Roe 2019*")}}}},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	status, body, _ := get(t, webui.New(st, webui.Options{}), "/ui/evidence/evd_roe")
	want := `data-context>1. A question? Critics say yes (<mark class="hl hl-evidence target">Roe 2019</mark>; Doe 2020). More.</blockquote>`
	if status != http.StatusOK || !strings.Contains(body, want) {
		t.Errorf("GET /ui/evidence/evd_roe = %d, want the context %q\n%s", status, want, body)
	}
}
