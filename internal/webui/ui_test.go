package webui_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/internal/webui"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// evil is claim text that tries to become markup.
const evil = `<script>alert(1)</script><img src=x onerror=alert(2)> "quoted" & done`

// tempStore opens a fresh store in t's temporary directory, closed when
// t ends.
func tempStore(ctx context.Context, t *testing.T) *sqlitestore.Store {
	t.Helper()
	st, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "argmap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// newUI returns the app over a fresh store holding one document with a main
// claim (evil text), a supporting claim and evidence, and an actor.
func newUI(t *testing.T) (*webui.UI, *sqlitestore.Store) {
	t.Helper()
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "Intro. " + evil + " Then: the reason holds. In 2020, 40 people were counted."
	start := strings.Index(text, evil)
	rs := strings.Index(text, "the reason holds")
	es := strings.Index(text, "In 2020")
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_doc", Title: "A <b>doc</b>", Authors: []string{"Ann Author"}, Date: "2020", Kind: "article", Text: text, ContentHash: "h1", CreatedAt: t0}},
		Actors:  []argmap.Actor{{ID: "act_ann", Name: "Ann <i>Author</i>", CreatedAt: t0}},
		Claims: []argmap.Claim{
			{ID: "clm_main", Text: evil, Origin: argmap.OriginExtracted, Score: 0.8, Main: true, CreatedAt: t0,
				Spans:  []argmap.Span{{SourceID: "src_doc", Start: start, End: start + len(evil)}},
				Actors: []argmap.ActorRef{{ActorID: "act_ann", Role: argmap.RoleAsserts}}},
			{ID: "clm_reason", Text: "the reason holds", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0, Cues: []string{argmap.CueNeedsContext},
				Spans:  []argmap.Span{{SourceID: "src_doc", Start: rs, End: rs + len("the reason holds")}},
				Actors: []argmap.ActorRef{{ActorID: "act_ann", Role: argmap.RoleAsserts}}},
		},
		Citations: []argmap.Citation{{ID: "cit_1", SourceID: "src_doc", Author: "Roe<script>", Year: "2019", Text: "Roe 2019", Start: 0, End: 5}},
		Evidence: []argmap.Evidence{{ID: "evd_count", Kind: "statistic", Text: "In 2020, 40 people were counted.", Origin: argmap.OriginExtracted, Score: 0.9, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_doc", Start: es, End: len(text)}}}},
		Relations: []argmap.Relation{
			{ID: "rel_1", Kind: argmap.Supports, From: []string{"clm_reason"}, To: "clm_main", Origin: argmap.OriginExtracted, Score: 0.6, CreatedAt: t0},
			{ID: "rel_2", Kind: argmap.Supports, From: []string{"evd_count"}, To: "clm_reason", Origin: argmap.OriginExtracted, Score: 0.6, CreatedAt: t0},
		},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	return webui.New(st, webui.Options{}), st
}

func get(t *testing.T, h http.Handler, path string) (int, string, http.Header) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b), rec.Header()
}

func TestPages(t *testing.T) {
	ui, _ := newUI(t)
	tests := []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`href="/ui/documents/src_doc"`, "A &lt;b&gt;doc&lt;/b&gt;", "Ann Author", ">2<", "2 claims, 1 piece of evidence, 1 actor and 2 support or contest relations from 1 document."}},
		{"/ui/documents/src_doc", 200, []string{"2 claims · 1 evidence · 1 actor · 2 relations", `class="hl hl-main"`, `class="hl hl-claim"`, `class="hl hl-evidence"`, `data-map="/v1/sources/src_doc/map.svg?layout=across"`, "&lt;script&gt;alert(1)&lt;/script&gt;", `href="/ui/actors/act_ann"`, "Ann &lt;i&gt;Author&lt;/i&gt;", "Citations (1)", "Roe&lt;script&gt; 2019", `href="?at=0-5#at"`}},
		{"/ui/documents/src_doc?at=7-15", 200, []string{`target" id="at"`}},
		{"/ui/claims/clm_main", 200, []string{"Supporting sources (1)", "Contesting sources (0)", "/ui/documents/src_doc?at=", "Asserted by", `data-map="/v1/claims/clm_main/map"`, "&lt;img src=x onerror=alert(2)&gt;"}},
		{"/ui/claims/clm_reason", 200, []string{"Needs context: this sentence points at something it does not name"}},
		{"/ui/claims/clm_main?depth=1", 200, []string{"No source contests it within 1 step.", `<option value="1" selected>`, `data-map="/v1/claims/clm_main/map" `, `name="labels" value="1" data-labels>`}},
		{"/ui/claims/clm_main?depth=2&labels=1", 200, []string{`data-map="/v1/claims/clm_main/map.svg?depth=2&amp;evaluate=true"`, `data-labels checked>`}},
		{"/ui/claims/clm_main?labels=yes", 400, []string{"labels must be 1"}},
		{"/ui/explore?focus=clm_reason&labels=1", 200, []string{`data-map="/v1/claims/clm_reason/map.svg?depth=3&amp;evaluate=true"`}},
		{"/ui/actors/act_ann", 200, []string{"Asserts (2)", `href="/ui/claims/clm_reason">the reason holds</a> <span class="muted small">· A &lt;b&gt;doc&lt;/b&gt;</span>`}},
		{"/ui/search?q=reason", 200, []string{`href="/ui/claims/clm_reason"`, "Who supports or contests it?"}},
		{"/ui/search", 200, []string{"Type a claim above"}},
		{"/ui/explore", 200, []string{`data-map="/v1/claims/clm_main/map"`, "Connected arguments", "3 claims and evidence"}},
		{"/ui/explore?focus=clm_reason&depth=2", 200, []string{`data-map="/v1/claims/clm_reason/map"`, `data-depth-value="2"`}},
		{"/ui/print/clm_main", 200, []string{`data-map="/v1/claims/clm_main/map.svg?depth=1&amp;limit=24&amp;layout=across"`}},
		{"/ui/print/clm_main?depth=3&layout=up", 200, []string{`data-map="/v1/claims/clm_main/map.svg?depth=3&amp;limit=24&amp;layout=up"`}},
		{"/ui/print/clm_main?layout=sideways", 400, []string{"layout must be"}},
		{"/ui/print/src_doc", 200, []string{`data-map="/v1/sources/src_doc/map.svg?layout=across"`}},
		{"/ui/print/clm_main?labels=1", 200, []string{`data-map="/v1/claims/clm_main/map.svg?depth=1&amp;limit=24&amp;layout=across&amp;evaluate=true"`, `data-labels checked>`}},
		{"/ui/print/src_doc?labels=1", 200, []string{`data-map="/v1/sources/src_doc/map.svg?layout=across&amp;evaluate=true"`}},
		{"/ui/static/app.js", 200, []string{"svgPanZoom"}},
		{"/ui/static/vendor/svg-pan-zoom.min.js", 200, []string{"svg-pan-zoom v3.6.2"}},
		{"/ui/documents/src_nope", 404, []string{"not found", "Back to the documents"}},
		{"/ui/documents/clm_main", 404, []string{"is not a source ID"}},
		{"/ui/documents/src_doc?at=9-999999", 400, []string{"is not a span of this document"}},
		{"/ui/claims/clm_main?depth=99", 400, []string{"depth must be"}},
		{"/ui/explore?focus=act_ann", 400, []string{"focus must be"}},
		{"/ui/nowhere", 404, []string{"there is no page at /ui/nowhere"}},
	}
	for _, tt := range tests {
		status, body, h := get(t, ui, tt.path)
		if status != tt.status {
			t.Errorf("GET %s = %d, want %d\n%s", tt.path, status, tt.status, body)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tt.path, w)
			}
		}
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || strings.Contains(body, "<b>doc</b>") {
				t.Errorf("GET %s lets stored text through as markup", tt.path)
			}
			if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
				t.Errorf("GET %s has CSP %q, want script-src 'self'", tt.path, csp)
			}
		}
	}
}

// TestReadLocked checks that pages say reads need a token instead of showing
// records when the server requires tokens for reads.
func TestReadLocked(t *testing.T) {
	_, st := newUI(t)
	ui := webui.New(st, webui.Options{ReadLocked: true})
	status, body, _ := get(t, ui, "/")
	if status != 200 || !strings.Contains(body, "Reads need a bearer token") || strings.Contains(body, "src_doc") {
		t.Errorf("GET / on a locked server = %d, want the notice and no records\n%s", status, body)
	}
}

// TestAuditPages checks the change feed and a claim's history: who, what,
// old and new text, escaped.
func TestAuditPages(t *testing.T) {
	ui, st := newUI(t)
	ctx := context.Background()
	e := &argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), Who: "ann<b>", Action: argmap.AuditUpdate, Kind: argmap.KindClaim,
		TargetID: "clm_reason", Before: []byte(`{"text":"the reason holds"}`), After: []byte(`{"text":"the <i>reason</i> fails"}`)}
	if err := st.RecordAudit(ctx, e); err != nil {
		t.Fatal(err)
	}
	r := &argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), Who: "bob", Action: argmap.AuditCreate, Kind: argmap.KindRelation,
		TargetID: "rel_9", Refs: []string{"evd_count", "clm_main"}, After: []byte(`{"id":"rel_9","kind":"contests","from":["evd_count"],"to":"clm_main"}`)}
	if err := st.RecordAudit(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateActor(ctx, &argmap.Actor{ID: "act_bob", Name: "Bob", CreatedAt: t0}); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string][]string{
		"/ui/audit":                   {"ann&lt;b&gt;", "changed claim", "<del>the reason holds</del>", "<ins>the &lt;i&gt;reason&lt;/i&gt; fails</ins>", "bob", `href="/ui/claims/clm_main">created relation (“In 2020, 40 people were counted.” contests “&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;…”)`},
		"/ui/audit?who=bob":           {"bob", "Only those by"},
		"/ui/audit?node=clm_reason":   {`Only those about <a href="/ui/claims/clm_reason">“the reason holds”</a>`},
		"/ui/claims/clm_reason":       {"History", "<del>the reason holds</del>", `data-edit-claim="clm_reason"`},
		"/ui/actors/act_ann":          {`data-merge-actor="act_ann"`},
		"/ui/claims/clm_main?depth=2": {`data-link="1"`},
	} {
		status, body, _ := get(t, ui, path)
		if status != 200 {
			t.Errorf("GET %s = %d", path, status)
		}
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", path, w)
			}
		}
		if strings.Contains(body, "<i>reason") || strings.Contains(body, "ann<b>") {
			t.Errorf("GET %s lets audit text through as markup", path)
		}
	}
}

// TestUnwrap checks that hard-wrapped lines flow and structure stays.
func TestUnwrap(t *testing.T) {
	long := "This sentence is long enough to be a wrapped line of a paragraph,"
	tests := []struct{ in, want string }{
		{long + "\nand it goes on.", long + " and it goes on."},
		{long + "\n\nNew paragraph.", long + "\n\nNew paragraph."},
		{long + "\n- a list item", long + "\n- a list item"},
		{long + "\n2. numbered", long + "\n2. numbered"},
		{"# Short title\nBody text.", "# Short title\nBody text."},
		{long + "\n", long + "\n"},
		// A post's header laid out in columns, and its bar of links, keep
		// their own lines.
		{"Posted: 4 March 2019, 15:51    by avr_counsellor\n" + long + "\nReply | Quote | Report", "Posted: 4 March 2019, 15:51    by avr_counsellor\n" + long + "\nReply | Quote | Report"},
		{long + "\nHome | Search | Members\nnext", long + "\nHome | Search | Members\nnext"},
		{long + "\nrates | fees go up", long + " rates | fees go up"},
	}
	for _, tt := range tests {
		if got := webui.Unwrap(tt.in); got != tt.want {
			t.Errorf("unwrap(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(webui.Unwrap(tt.in)) != len(tt.in) {
			t.Errorf("unwrap(%q) changed the length", tt.in)
		}
	}
}

// reportJudge takes every candidate as stating the question, reported when
// its text starts with "Critics say".
type reportJudge struct{}

func (reportJudge) Judge(question, claim string) argmap.Judgement {
	j := argmap.Judgement{Stance: argmap.StanceSame, Score: 1}
	if strings.HasPrefix(claim, "Critics say") {
		j.Asserter = "Critics"
	}
	return j
}

func (r reportJudge) JudgeAll(question string, texts []string) []argmap.Judgement {
	out := make([]argmap.Judgement, len(texts))
	for i, t := range texts {
		out[i] = r.Judge(question, t)
	}
	return out
}

// TestAnswerDetails checks that the claim and search pages show a
// proposition once with every source stating it, who asserts each passage
// (the author, or a reported speaker), its stance and chain, and the
// evaluation labels.
func TestAnswerDetails(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	src := func(id, title, text string) argmap.Source {
		return argmap.Source{ID: id, Title: title, Kind: "article", Text: text, ContentHash: id, CreatedAt: t0}
	}
	claim := func(id, src, text, prop string) argmap.Claim {
		return argmap.Claim{ID: id, Text: text, Origin: argmap.OriginExtracted, Score: 0.8, Proposition: prop, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: src, Start: 0, End: len(text)}}}
	}
	g := &argmap.Graph{
		Sources: []argmap.Source{
			src("src_a", "Sell the ferries", "Ferries should be sold."),
			src("src_b", "A reply", "Critics say ferries should be sold."),
			src("src_c", "Fares", "Fares would fall."),
			src("src_d", "Against", "Ferries must stay public."),
		},
		Claims: []argmap.Claim{
			claim("clm_a", "src_a", "Ferries should be sold.", ""),
			claim("clm_b", "src_b", "Critics say ferries should be sold.", "clm_a"),
			claim("clm_c", "src_c", "Fares would fall.", ""),
			claim("clm_d", "src_d", "Ferries must stay public.", ""),
		},
		Relations: []argmap.Relation{
			{ID: "rel_fall", Kind: argmap.Supports, From: []string{"clm_c"}, To: "clm_a", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0},
			{ID: "rel_keep", Kind: argmap.Contests, From: []string{"clm_d"}, To: "clm_c", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0},
		},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{Judge: reportJudge{}})
	tests := []struct {
		path string
		want []string
	}{
		{"/ui/claims/clm_a", []string{
			"One proposition: 2 claims state it, in 2 sources", `href="/ui/documents/src_b"`, `class="small other-claim" href="/ui/claims/clm_b"`,
			`<span class="ev ev-in" data-label="in">stands</span>`, "Evaluation (carneades)",
			`data-stance="same" data-asserted-by="author" data-voice="author"`, "the author&#39;s own view",
			"Fares would fall.", `<b class="kind kind-supports">supports</b>`,
		}},
		{"/ui/claims/clm_c", []string{`<span class="ev ev-out" data-label="out">defeated</span>`, "Contesting sources (1)", "Ferries must stay public."}},
		{"/ui/search?q=ferries+should+be+sold", []string{
			`data-match="same"`, `class="best" href="/ui/claims/clm_a"`, "Stated in", `href="/ui/claims/clm_b">A reply</a>`,
			`data-verdict>Evaluation (carneades): it stands`,
			`data-asserted-by="Critics" data-voice="reported" data-reported`, "the view of Critics, not the author&#39;s",
			`data-asserted-by="author"`, `<b class="kind kind-supports">supports</b>`,
			`</a> <span class="ev ev-in" data-label="in" title="stated in a source and contested by none">stands</span></li>`,
		}},
	}
	for _, tt := range tests {
		status, body, _ := get(t, ui, tt.path)
		if status != http.StatusOK {
			t.Errorf("GET %s = %d\n%s", tt.path, status, body)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tt.path, w)
			}
		}
	}

	// A change made through the API (audited; the counts stay the same)
	// shows at once: the labels are not reused past it.
	supports := argmap.Supports
	if _, err := st.UpdateRelation(ctx, "rel_keep", argmap.RelationUpdate{Kind: &supports}); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordAudit(ctx, &argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), Who: "ann", Action: argmap.AuditUpdate,
		Kind: argmap.KindRelation, TargetID: "rel_keep", Before: []byte(`{"kind":"contests"}`), After: []byte(`{"kind":"supports"}`)}); err != nil {
		t.Fatal(err)
	}
	if _, body, _ := get(t, ui, "/ui/claims/clm_c"); !strings.Contains(body, `<span class="ev ev-in" data-label="in">stands</span>`) {
		t.Errorf("GET /ui/claims/clm_c after its contest became a support lacks the label stands")
	}
}

// TestMarkdownDocument checks that a Markdown document is shown as stored,
// byte for byte, with its syntax faded and its headings and emphasis set,
// and its claims still marked where their spans say.
func TestMarkdownDocument(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "# Ferries <b>\n\n*Policy brief* · 2024\n\n- Ferries **should** be sold.\n2 * 3 = 6 stays as it is.\n\n| year | event |\n|---|---|\n| 1951 | founded |\n"
	claim := "Ferries **should** be sold."
	at := strings.Index(text, claim)
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_md", Title: "Ferries", URI: "notes/ferries.md", Kind: "article", Text: text, ContentHash: "md", CreatedAt: t0}},
		Claims: []argmap.Claim{{ID: "clm_sell", Text: "Ferries should be sold.", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_md", Start: at, End: at + len(claim)}}}},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{})
	status, body, _ := get(t, ui, "/ui/documents/src_md")
	if status != http.StatusOK {
		t.Fatalf("GET /ui/documents/src_md = %d\n%s", status, body)
	}
	for _, w := range []string{
		`<span class="md-mark md-h1"># </span><span class="md-h1">Ferries &lt;b&gt;</span>`,
		`<span class="md-mark md-em">*</span><span class="md-em">Policy brief</span><span class="md-mark md-em">*</span> · 2024`,
		`<span class="md-mark">-</span> <a class="hl hl-claim" href="/ui/claims/clm_sell"`,
		`>Ferries <span class="md-mark md-strong">**</span><span class="md-strong">should</span><span class="md-mark md-strong">**</span> be sold.</a>`,
		"2 * 3 = 6 stays as it is.",
		`<span class="md-mark">|</span> 1951 <span class="md-mark">|</span> founded <span class="md-mark">|</span>`,
		`<span class="md-mark">|---|---|</span>`,
	} {
		if !strings.Contains(body, w) {
			t.Errorf("GET /ui/documents/src_md lacks %q", w)
		}
	}
	// A document that is not Markdown is not styled.
	plain, _ := newUI(t)
	if _, body, _ := get(t, plain, "/ui/documents/src_doc"); strings.Contains(body, "md-mark") {
		t.Errorf("GET /ui/documents/src_doc (plain text) has Markdown styles")
	}
}

// postJudge takes every candidate as stating the question and finds posts
// in a text written "Posted by NAME" line by line, as a forum thread.
type postJudge struct{ reportJudge }

func (postJudge) Posts(text string) []argmap.Post {
	var out []argmap.Post
	at := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if name, ok := strings.CutPrefix(line, "Posted by "); ok {
			out = append(out, argmap.Post{Start: at, Poster: strings.TrimSpace(name)})
		}
		at += len(line)
	}
	return out
}

// TestAnswerVoices checks that the answer pages show what the API answer
// carries about who asserts each passage: the posters of a thread on each
// side and each passage's poster, a view a poster reports, whole quotes
// with full=1, and the closest propositions when nothing states the
// question; names and text from documents stay text.
func TestAnswerVoices(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	long := "Ferries should be sold, " + strings.Repeat("and the reasons go on and on ", 20) + "until the END."
	thread := "Posted by ann<b>\n" + long + "\nPosted by bo\nCritics say ferries should be sold.\n"
	at := strings.Index(thread, long)
	cs := strings.Index(thread, "Critics say")
	claim := func(id, text string, start int) argmap.Claim {
		return argmap.Claim{ID: id, Text: text, Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_t", Start: start, End: start + len(text)}}}
	}
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_t", Title: "Ferry <i>forum</i>", Kind: "forum thread", Text: thread, ContentHash: "t", CreatedAt: t0}},
		Claims:  []argmap.Claim{claim("clm_long", long, at), claim("clm_rep", "Critics say ferries should be sold.", cs)},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{Judge: postJudge{}})
	tests := []struct {
		path    string
		want    []string
		notWant []string
	}{
		{"/ui/search?q=ferries+should+be+sold", []string{
			`data-posters>A thread several people wrote: on this side its posters <b class="poster">bo</b>, <b class="poster">ann&lt;b&gt;</b>`,
			`data-voice="poster" data-posted-by="ann&lt;b&gt;"`, "asserted by ann&lt;b&gt;, a poster of this thread",
			`data-asserted-by="Critics" data-voice="reported" data-posted-by="bo" data-reported`,
			"the view of Critics, reported by bo (a poster), not the poster&#39;s own",
			`href="/ui/search?q=ferries%20should%20be%20sold&amp;full=1" data-full-link>`, "reasons go on…",
		}, []string{"until the END."}},
		{"/ui/search?q=ferries+should+be+sold&full=1", []string{"until the END.”", "data-full>"}, []string{"data-full-link"}},
		{"/ui/claims/clm_long", []string{`data-full-link>Show every passage and whole quotes`}, nil},
		{"/ui/claims/clm_long?full=1", []string{"data-full>Every source and passage is shown, quotes whole"}, nil},
		{"/ui/search?q=ferries&full=yes", []string{"full must be 1"}, nil},
	}
	for _, tt := range tests {
		_, body, _ := get(t, ui, tt.path)
		for _, w := range tt.want {
			if !strings.Contains(body, w) {
				t.Errorf("GET %s lacks %q", tt.path, w)
			}
		}
		for _, w := range tt.notWant {
			if strings.Contains(body, w) {
				t.Errorf("GET %s has %q", tt.path, w)
			}
		}
		if strings.Contains(body, "ann<b>") || strings.Contains(body, "<i>forum") {
			t.Errorf("GET %s lets document text through as markup", tt.path)
		}
	}
}

// nothingJudge takes every candidate as sharing only the topic.
type nothingJudge struct{}

func (nothingJudge) Judge(question, claim string) argmap.Judgement {
	return argmap.Judgement{Stance: argmap.StanceTopic}
}

func (n nothingJudge) JudgeAll(question string, texts []string) []argmap.Judgement {
	out := make([]argmap.Judgement, len(texts))
	for i, t := range texts {
		out[i] = n.Judge(question, t)
	}
	return out
}

// TestAnswerSuggestions checks that a question no claim states lists the
// closest propositions the answer suggests, escaped.
func TestAnswerSuggestions(t *testing.T) {
	_, st := newUI(t)
	ui := webui.New(st, webui.Options{Judge: nothingJudge{}})
	status, body, _ := get(t, ui, "/ui/search?q=reason")
	if status != http.StatusOK {
		t.Fatalf("GET /ui/search?q=reason = %d\n%s", status, body)
	}
	for _, w := range []string{"No stored claim states or denies this as such.", "Closest propositions", `data-suggestions><li><a href="/ui/claims/clm_reason">`, "in A &lt;b&gt;doc&lt;/b&gt;"} {
		if !strings.Contains(body, w) {
			t.Errorf("GET /ui/search?q=reason lacks %q\n%s", w, body)
		}
	}
}

// TestStatedOnce checks that a proposition two claims of one source state
// names that source once under "Stated in".
func TestStatedOnce(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "Ferries should be sold. Later: ferries should be sold."
	second := strings.LastIndex(text, "ferries")
	claim := func(id, src string, start int) argmap.Claim {
		return argmap.Claim{ID: id, Text: "Ferries should be sold.", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: src, Start: start, End: start + len("ferries should be sold.")}}}
	}
	g := &argmap.Graph{
		Sources: []argmap.Source{
			{ID: "src_a", Title: "Sell them", Kind: "article", Text: text, ContentHash: "a", CreatedAt: t0},
			{ID: "src_b", Title: "Boats", Kind: "article", Text: "Ferries should be sold.", ContentHash: "b", CreatedAt: t0},
		},
		Claims: []argmap.Claim{claim("clm_1", "src_a", 0), claim("clm_2", "src_a", second), claim("clm_3", "src_b", 0)},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{Judge: reportJudge{}})
	_, body, _ := get(t, ui, "/ui/search?q=ferries+should+be+sold")
	at := strings.Index(body, `class="small muted stated-by"`)
	if at < 0 {
		t.Fatalf("GET /ui/search has no Stated in:\n%s", body)
	}
	stated := body[at : at+strings.Index(body[at:], "</p>")]
	if n := strings.Count(stated, ">Sell them</a>"); n != 1 {
		t.Errorf("Stated in names the source stating it twice %d times, want once: %s", n, stated)
	}
	if !strings.Contains(stated, ">Boats</a>") {
		t.Errorf("Stated in lacks the other source stating it: %s", stated)
	}
}

// TestFewPropositions checks that the search page lists the first
// propositions matched, says how many more there are, and shows them all
// with full=1.
func TestFewPropositions(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	g := &argmap.Graph{}
	for i := 0; i < 11; i++ {
		id := string(rune('a' + i))
		text := "Ferries should be sold, reason " + id + "."
		g.Sources = append(g.Sources, argmap.Source{ID: "src_" + id, Title: "Source " + id, Kind: "article", Text: text, ContentHash: id, CreatedAt: t0})
		g.Claims = append(g.Claims, argmap.Claim{ID: "clm_" + id, Text: text, Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_" + id, Start: 0, End: len(text)}}})
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{Judge: reportJudge{}})
	_, body, _ := get(t, ui, "/ui/search?q=ferries+should+be+sold")
	if n := strings.Count(body, `class="prop"`); n != 8 {
		t.Errorf("GET /ui/search lists %d propositions, want 8", n)
	}
	if !strings.Contains(body, "and 3 more propositions matched") || !strings.Contains(body, "data-full-link") {
		t.Errorf("GET /ui/search does not say 3 more propositions matched, with the full link")
	}
	_, body, _ = get(t, ui, "/ui/search?q=ferries+should+be+sold&full=1")
	if n := strings.Count(body, `class="prop"`); n != 11 {
		t.Errorf("GET /ui/search?full=1 lists %d propositions, want 11", n)
	}
}

// TestClaimHeading: a claim the extraction cut off its sentence at a comma
// is titled without that comma on its page (heading and window title); the
// edit box keeps the text as stated.
func TestClaimHeading(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "The levy on small shops is unfair,\n but it stays."
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_doc", Title: "Doc", Text: text, ContentHash: "h1", CreatedAt: t0}},
		Claims: []argmap.Claim{{ID: "clm_cut", Text: "The levy on small shops is unfair,", Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_doc", Start: 0, End: 34}}}},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	status, body, _ := get(t, webui.New(st, webui.Options{}), "/ui/claims/clm_cut")
	if status != 200 {
		t.Fatalf("GET = %d\n%s", status, body)
	}
	for _, want := range []string{`data-claim="clm_cut">The levy on small shops is unfair</h1>`, "<title>The levy on small shops is unfair · argmap</title>",
		`rows="3">The levy on small shops is unfair,</textarea>`} {
		if !strings.Contains(body, want) {
			t.Errorf("claim page lacks %q", want)
		}
	}
}

// TestAnswerReferent: a matched claim whose subject points back shows on
// the search page what it was read as and the passage that names it,
// escaped.
func TestAnswerReferent(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "The <b>harbour</b> board met. It closed the ferry port."
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_doc", Title: "Doc", Text: text, ContentHash: "h1", CreatedAt: t0}},
		Claims: []argmap.Claim{{ID: "clm_it", Text: "It closed the ferry port.", Origin: argmap.OriginExtracted, Score: 0.5, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_doc", Start: 30, End: len(text)}},
			Referent: &argmap.Referent{Words: "It", Text: "The <b>harbour</b> board",
				Span: argmap.Span{SourceID: "src_doc", Start: 0, End: 29, Quote: "The <b>harbour</b> board met."}}}},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	status, body, _ := get(t, webui.New(st, webui.Options{}), "/ui/search?q=closed+ferry+port")
	if status != 200 {
		t.Fatalf("GET = %d\n%s", status, body)
	}
	want := "Read with “It” as “The &lt;b&gt;harbour&lt;/b&gt; board”, named before: “The &lt;b&gt;harbour&lt;/b&gt; board met.”"
	if !strings.Contains(body, want) {
		t.Errorf("search page lacks %q", want)
	}
	if strings.Contains(body, "<b>harbour") {
		t.Error("the referent's text reaches the page as markup")
	}
	// and on the claim's own page
	_, body, _ = get(t, webui.New(st, webui.Options{}), "/ui/claims/clm_it")
	if !strings.Contains(body, want) || strings.Contains(body, "<b>harbour") {
		t.Errorf("claim page lacks %q, or lets its markup through", want)
	}
}

// TestEvaluationNamesRelationsByText: a claim page's evaluation line names
// the relations that keep the claim open by the texts they join, not by
// their IDs (two stated claims the linker found to deny each other).
func TestEvaluationNamesRelationsByText(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	g := &argmap.Graph{
		Sources: []argmap.Source{
			{ID: "src_a", Title: "For", Kind: "article", Text: "Ferries should be sold.", ContentHash: "a", CreatedAt: t0},
			{ID: "src_b", Title: "Against", Kind: "article", Text: "Ferries must stay public.", ContentHash: "b", CreatedAt: t0},
		},
		Claims: []argmap.Claim{
			{ID: "clm_sell", Text: "Ferries should be sold.", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
				Spans: []argmap.Span{{SourceID: "src_a", Start: 0, End: 23}}},
			{ID: "clm_keep", Text: "Ferries must stay public.", Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
				Spans: []argmap.Span{{SourceID: "src_b", Start: 0, End: 25}}},
		},
		Relations: []argmap.Relation{
			{ID: "rel_deny", Kind: argmap.Contests, From: []string{"clm_keep"}, To: "clm_sell", Origin: argmap.OriginLinked, Score: 0.7, CreatedAt: t0},
		},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{})
	for _, id := range []string{"clm_sell", "clm_keep"} {
		status, body, _ := get(t, ui, "/ui/claims/"+id)
		if status != http.StatusOK {
			t.Fatalf("GET /ui/claims/%s = %d\n%s", id, status, body)
		}
		if !strings.Contains(body, `data-label="undec"`) {
			t.Errorf("GET /ui/claims/%s: the claim is not open", id)
		}
		if strings.Contains(body, "relation rel_deny") || strings.Contains(body, "rel_deny read") {
			t.Errorf("GET /ui/claims/%s shows the relation's ID in the evaluation", id)
		}
		if want := "the relation &#34;Ferries must stay public.&#34; contests &#34;Ferries should be sold.&#34;"; !strings.Contains(body, want) {
			i := strings.Index(body, "open")
			t.Errorf("GET /ui/claims/%s lacks %q; near 'open': %.300s", id, want, body[max(i, 0):])
		}
	}
}

// TestGistOnlyWhenShorter: the claim page says "In short" only when the gist
// says less than the claim, not when it only drops a closing comma.
func TestGistOnlyWhenShorter(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	g := &argmap.Graph{Claims: []argmap.Claim{
		{ID: "clm_comma", Text: "The fares are contested,", Gist: "The fares are contested", Origin: argmap.OriginExtracted, CreatedAt: t0},
		{ID: "clm_long", Text: "The fares, which riders find too high, are contested.", Gist: "The fares are contested", Origin: argmap.OriginExtracted, CreatedAt: t0},
	}}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{})
	for id, want := range map[string]bool{"clm_comma": false, "clm_long": true} {
		status, body, _ := get(t, ui, "/ui/claims/"+id)
		if got := strings.Contains(body, "In short: The fares are contested"); status != 200 || got != want {
			t.Errorf("GET /ui/claims/%s = %d, shows the gist %v, want %v", id, status, got, want)
		}
	}
}

// TestReasonParts: a long evaluation reason is split where it goes on to
// another consideration, never inside a quoted text or parentheses.
func TestReasonParts(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"stated in a source and contested by none", []string{"stated in a source and contested by none"}},
		{`stated in a source and contested by none; also supported by the relation "a; b" supports "c"; the relation "d (e; f" supports "c"`,
			[]string{"stated in a source and contested by none", `also supported by the relation "a; b" supports "c"`, `the relation "d (e; f" supports "c"`}},
		{`undec: weighs 0.9 (open; waits); open: the relation "x" contests "y"`, []string{"undec: weighs 0.9 (open; waits)", `open: the relation "x" contests "y"`}},
		{"", []string{""}},
	} {
		if diff := cmp.Diff(tt.want, webui.ReasonParts(tt.in)); diff != "" {
			t.Errorf("ReasonParts(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
	ui, _ := newUI(t)
	_, body, _ := get(t, ui, "/ui/claims/clm_main")
	if want := `Evaluation (carneades): stated in a source and contested by none</span></p><details class="why small muted"><summary>The rest of the reason (1 more)</summary><ul><li>also supported by the relation`; !strings.Contains(body, want) {
		t.Errorf("the claim page does not show the first part of the reason and the rest under a summary (want %q)", want)
	}
}

// TestLinksResolve follows every link of the pages, from the documents list
// on, and asks that each page it reaches answers 200: a highlighted piece of
// evidence in a document, or evidence among a claim's relations, opens a
// page (the explorer centred on it), not a claim page that is not there;
// so does evidence an answer lists among its propositions.
func TestLinksResolve(t *testing.T) {
	_, st := newUI(t)
	ui := webui.New(st, webui.Options{Judge: reportJudge{}}) // every match states the question: evidence among the answer's propositions
	href := regexp.MustCompile(`href="(/ui/[^"#]*|/)"`)
	seen := map[string]bool{}
	queue := []string{"/", "/ui/explore", "/ui/search?q=reason", "/ui/search?q=people+counted+reason"}
	for len(queue) > 0 && len(seen) < 200 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] || strings.HasPrefix(u, "/ui/static/") {
			continue
		}
		seen[u] = true
		status, body, _ := get(t, ui, u)
		if status != 200 {
			t.Errorf("GET %s = %d", u, status)
			continue
		}
		for _, m := range href.FindAllStringSubmatch(body, -1) {
			queue = append(queue, html.UnescapeString(m[1]))
		}
		if strings.Contains(body, `href="#"`) {
			t.Errorf("GET %s has a link that goes nowhere (href=\"#\")", u)
		}
	}
	for _, want := range []string{"/ui/evidence/evd_count", "/ui/claims/clm_reason", "/ui/actors/act_ann"} {
		if !seen[want] {
			t.Errorf("no page links to %s", want)
		}
	}
}

// TestChainNamesInference: a passage that reaches the claim by undercutting
// an inference names that inference by the texts it joins, never by its ID.
func TestChainNamesInference(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	text := "Fares should be free. Buses run empty at noon. Noon counts are from one week only."
	claim := func(id, s string) argmap.Claim {
		i := strings.Index(text, s)
		return argmap.Claim{ID: id, Text: s, Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: "src_d", Start: i, End: i + len(s)}}}
	}
	g := &argmap.Graph{
		Sources: []argmap.Source{{ID: "src_d", Title: "Fares", Kind: "article", Text: text, ContentHash: "h", CreatedAt: t0}},
		Claims:  []argmap.Claim{claim("clm_free", "Fares should be free."), claim("clm_empty", "Buses run empty at noon."), claim("clm_week", "Noon counts are from one week only.")},
		Relations: []argmap.Relation{
			{ID: "rel_because", Kind: argmap.Supports, From: []string{"clm_empty"}, To: "clm_free", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
			{ID: "rel_under", Kind: argmap.Contests, From: []string{"clm_week"}, To: "rel_because", Origin: argmap.OriginExtracted, Score: 0.7, CreatedAt: t0},
		},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, webui.New(st, webui.Options{}), "/ui/claims/clm_free")
	if want := "the inference from ‘Buses run empty at noon.’ to ‘Fares should be free.’"; !strings.Contains(html.UnescapeString(body), want) {
		t.Errorf("the claim page does not name the undercut inference as %q", want)
	}
	if strings.Contains(body, "inference rel_") || strings.Contains(body, "relation rel_") {
		t.Errorf("the claim page names an inference by its ID")
	}
}

// TestViewChips: the search page's proposition rows say whose view a claim
// is. A view its source reports to reject reads "reported view of Critics;
// the source rejects it" with the source's side ("so its source denies
// it"), never a bare "denies it" that reads as if the critics denied the
// question; a view reported without rejecting it says so beside its stance.
func TestViewChips(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	src := func(id, text string) argmap.Source {
		return argmap.Source{ID: id, Title: "Source " + id, Kind: "article", Text: text, ContentHash: id, CreatedAt: t0}
	}
	claim := func(id, src, text string, cues ...string) argmap.Claim {
		return argmap.Claim{ID: id, Text: text, Origin: argmap.OriginExtracted, Score: 0.8, CreatedAt: t0, Cues: cues,
			Spans: []argmap.Span{{SourceID: src, Start: 0, End: len(text)}}}
	}
	g := &argmap.Graph{
		Sources: []argmap.Source{src("src_own", "Ferries should be sold now."), src("src_rej", "Critics say ferries should be sold. We disagree."),
			src("src_rep", "Critics say that ferries should be sold soon.")},
		Claims: []argmap.Claim{claim("clm_own", "src_own", "Ferries should be sold now."),
			claim("clm_rej", "src_rej", "Critics say ferries should be sold.", argmap.CueRejectedView),
			claim("clm_rep", "src_rep", "Critics say that ferries should be sold soon.")},
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	_, body, _ := get(t, webui.New(st, webui.Options{Judge: reportJudge{}}), "/ui/search?q=ferries+should+be+sold")
	rows := map[string]string{}
	for _, li := range strings.Split(body, `<li class="prop"`)[1:] {
		li, _, _ = strings.Cut(li, "</li>")
		switch {
		case strings.Contains(li, `data-view="rejected"`):
			rows["rejected"] = li
		case strings.Contains(li, `data-view="reported"`):
			rows["reported"] = li
		default:
			rows["own"] = li
		}
	}
	for view, want := range map[string][]string{
		"rejected": {`data-match="denial"`, `<span class="badge rep">reported view of Critics; the source rejects it</span>`,
			`<span class="badge con-b">so its source denies it</span>`, "Critics say ferries should be sold."},
		"reported": {`data-match="same"`, `<span class="badge">states it</span> <span class="badge rep">reported view of Critics</span>`},
		"own":      {`data-match="same"`, `<span class="badge">states it</span>`},
	} {
		li, ok := rows[view]
		if !ok {
			t.Errorf("GET /ui/search has no %s row:\n%s", view, body)
			continue
		}
		for _, w := range want {
			if !strings.Contains(li, w) {
				t.Errorf("%s row lacks %q:\n%s", view, w, li)
			}
		}
	}
	if strings.Contains(rows["rejected"], ">denies it<") || strings.Contains(rows["own"], "reported view") {
		t.Errorf("rows mislabelled:\nrejected %s\nown %s", rows["rejected"], rows["own"])
	}
}
