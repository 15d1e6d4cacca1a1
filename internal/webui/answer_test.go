package webui_test

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/webui"
)

// TestAnswerPages checks that a claim page with more sources than a page
// holds lists the first 20 of each side with the total, links to the next
// page and to the whole answer, and cuts a source's passages at 20 with a
// link to them all.
func TestAnswerPages(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	g := &argmap.Graph{}
	claim := func(src *argmap.Source, text string) string {
		start := len(src.Text)
		src.Text += text + " "
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: src.ID, Start: start, End: start + len(text)}}}
		g.Claims = append(g.Claims, c)
		return c.ID
	}
	var srcs []*argmap.Source
	for i := range 26 {
		srcs = append(srcs, &argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: fmt.Sprintf("Report %02d", i), Kind: argmap.SourceReport, CreatedAt: t0})
	}
	target := claim(srcs[0], "Border camps hold migrants for months.")
	support := func(from string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, From: []string{from}, To: target,
			Origin: argmap.OriginExtracted, CreatedAt: t0})
	}
	for i := 1; i < 26; i++ {
		support(claim(srcs[i], fmt.Sprintf("Report %d saw the camps full.", i)))
	}
	for k := range 24 {
		support(claim(srcs[1], fmt.Sprintf("Visit %d found the same camps full.", k)))
	}
	for _, s := range srcs {
		s.ContentHash = argmap.ContentHash([]byte(s.Text))
		g.Sources = append(g.Sources, *s)
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{})
	backings := regexp.MustCompile(`<article class="backing">`)
	status, body, _ := get(t, ui, "/ui/claims/"+target)
	if status != 200 {
		t.Fatalf("GET claim page = %d\n%s", status, body)
	}
	// 26 sources: the claim's own, and 25 supporting
	if !strings.Contains(body, "Supporting sources (26, 1–20 shown)") || len(backings.FindAllString(body, -1)) != 20 {
		t.Errorf("claim page lists %d sources, want 20 under “Supporting sources (26, 1–20 shown)”", len(backings.FindAllString(body, -1)))
	}
	busy := "/ui/claims/" + target + "?source=" + srcs[1].ID
	if !strings.Contains(body, "and 5 more passages from this source") || !strings.Contains(body, `class="all-passages" href="`+busy+`"`) {
		t.Errorf("claim page does not cut Report 01's 25 passages at 20 with a link to all of them")
	}
	bstatus, bbody, _ := get(t, ui, busy)
	quotes := regexp.MustCompile(`<li class="q"`)
	if bstatus != 200 || len(backings.FindAllString(bbody, -1)) != 1 || len(quotes.FindAllString(bbody, -1)) != 25 ||
		!strings.Contains(bbody, "Supporting sources (26; this source alone is shown)") || !strings.Contains(bbody, `class="back-to-answer" href="/ui/claims/`+target+`"`) {
		t.Errorf("GET %s = %d with %d sources and %d passages, want Report 01 alone with its 25 passages and a way back", busy, bstatus,
			len(backings.FindAllString(bbody, -1)), len(quotes.FindAllString(bbody, -1)))
	}
	next := regexp.MustCompile(`class="next-sources" rel="next" href="([^"]+)"`).FindStringSubmatch(body)
	if next == nil || !strings.Contains(body, `class="all-sources"`) {
		t.Fatalf("claim page has no link to the next page of sources and to the whole answer")
	}
	status, body, _ = get(t, ui, html.UnescapeString(next[1]))
	if status != 200 || !strings.Contains(body, "Supporting sources (26, 21–26 shown)") || len(backings.FindAllString(body, -1)) != 6 || strings.Contains(body, "next-sources") {
		t.Errorf("GET %s = %d with %d sources, want 200 with sources 21–26 and no next page", next[1], status, len(backings.FindAllString(body, -1)))
	}
	status, body, _ = get(t, ui, "/ui/claims/"+target+"?full=1")
	if status != 200 || !strings.Contains(body, "Supporting sources (26)") || len(backings.FindAllString(body, -1)) != 26 || strings.Contains(body, "more passages") {
		t.Errorf("GET ?full=1 = %d with %d sources, want every source and passage", status, len(backings.FindAllString(body, -1)))
	}
	for _, path := range []string{"/ui/claims/" + target + "?cursor=nope", "/ui/claims/" + target + "?full=2",
		"/ui/claims/" + target + "?source=" + target, busy + "&full=1", busy + "&cursor=x",
		"/ui/claims/" + target + "?depth=2&" + strings.TrimPrefix(html.UnescapeString(next[1]), "/ui/claims/"+target+"?"),
		"/ui/search?q=camps+full&cursor=" + regexp.MustCompile(`cursor=([^&]+)`).FindStringSubmatch(html.UnescapeString(next[1]))[1]} {
		if status, body, _ := get(t, ui, path); status != 400 || !strings.Contains(body, "cursor") && !strings.Contains(body, "full must be") && !strings.Contains(body, "source") {
			t.Errorf("GET %s = %d, want 400 naming the cursor, full or source\n%s", path, status, body)
		}
	}
}

// TestSearchDefaultDepth: the search page answers a question in words one
// relation deep, as `supporters` does (a source only a chain of two
// reaches is not listed); a claim page walks as deep as maps.
func TestSearchDefaultDepth(t *testing.T) {
	ctx := context.Background()
	st := tempStore(ctx, t)
	g := &argmap.Graph{}
	claim := func(title, text string) string {
		src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: title, Kind: argmap.SourceReport, Text: text, CreatedAt: t0}
		src.ContentHash = argmap.ContentHash([]byte(src.Text))
		g.Sources = append(g.Sources, src)
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted, CreatedAt: t0,
			Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: len(text)}}}
		g.Claims = append(g.Claims, c)
		return c.ID
	}
	contests := func(from, to string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
			From: []string{from}, To: to, Origin: argmap.OriginExtracted, CreatedAt: t0})
	}
	target := claim("Timetable", "The ferry sails every weekend.")
	objection := claim("Union letter", "The deckhands were laid off in March.")
	contests(objection, target)
	contests(claim("Council minutes", "Replacement deckhands were hired in April."), objection)
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	ui := webui.New(st, webui.Options{})
	for _, tc := range []struct {
		path    string
		council bool
	}{
		{"/ui/search?q=ferry+sails+every+weekend", false},
		{"/ui/claims/" + target, true},
		{"/ui/claims/" + target + "?depth=1", false},
	} {
		status, body, _ := get(t, ui, tc.path)
		if status != 200 || !strings.Contains(body, "Union letter") {
			t.Fatalf("GET %s = %d without the contesting Union letter\n%s", tc.path, status, body)
		}
		if search := strings.HasPrefix(tc.path, "/ui/search"); strings.Contains(body, "data-depth-note") != search {
			t.Errorf("GET %s: the note that a question in words looks one relation deep is there: %v, want %v", tc.path, !search, search)
		}
		if got := strings.Contains(body, "Council minutes"); got != tc.council {
			t.Errorf("GET %s lists Council minutes (two relations away): %v, want %v", tc.path, got, tc.council)
		}
	}
}
