package httpapi_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/httpapi"
)

// pagedStore writes a claim supported by a claim in each of 7 sources (one
// of them states 4 supporters) and contested by one in each of 3 more, and
// returns the claim's ID.
func pagedStore(t *testing.T, st argmap.Store) string {
	t.Helper()
	g := &argmap.Graph{}
	claim := func(src *argmap.Source, text string) string {
		start := len(src.Text)
		src.Text += text + " "
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted,
			Spans: []argmap.Span{{SourceID: src.ID, Start: start, End: start + len(text), Quote: text}}}
		g.Claims = append(g.Claims, c)
		return c.ID
	}
	var srcs []*argmap.Source
	for i := range 11 {
		srcs = append(srcs, &argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: fmt.Sprintf("Report %02d", i), Kind: argmap.SourceReport})
	}
	target := claim(srcs[0], "Border camps hold migrants for months.")
	relate := func(kind argmap.RelationKind, from string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: kind, From: []string{from}, To: target,
			Origin: argmap.OriginExtracted})
	}
	for i := 1; i <= 7; i++ {
		relate(argmap.Supports, claim(srcs[i], fmt.Sprintf("Report %d saw camps full for a season.", i)))
	}
	for k := range 3 {
		relate(argmap.Supports, claim(srcs[1], fmt.Sprintf("A second visit %d found the same camps full.", k)))
	}
	for i := 8; i <= 10; i++ {
		relate(argmap.Contests, claim(srcs[i], fmt.Sprintf("Report %d found the camps empty.", i)))
	}
	for _, s := range srcs {
		s.ContentHash = argmap.ContentHash([]byte(s.Text))
		g.Sources = append(g.Sources, *s)
	}
	if err := st.WriteGraph(context.Background(), g); err != nil {
		t.Fatalf("WriteGraph: %v", err)
	}
	return target
}

func TestSupportersPaged(t *testing.T) {
	st := openStore(t)
	target := pagedStore(t, st)
	e := newEnv(t, httpapi.Config{}, st, nil)
	get := func(path string) argmap.SupportAnswer {
		t.Helper()
		r := e.get(path)
		wantStatus(t, "GET "+path, r, http.StatusOK)
		var ans argmap.SupportAnswer
		r.JSON(t, &ans)
		return ans
	}
	full := get("/v1/claims/" + target + "/supporters?full=true")
	if full.SupportingTotal != 8 || len(full.Supporting) != 8 || full.ContestingTotal != 3 || len(full.Contesting) != 3 || full.NextCursor != "" {
		t.Fatalf("full answer = %d/%d supporting, %d/%d contesting, cursor %q; want 8/8, 3/3, none",
			len(full.Supporting), full.SupportingTotal, len(full.Contesting), full.ContestingTotal, full.NextCursor)
	}
	if def := get("/v1/claims/" + target + "/supporters"); len(def.Supporting) != 8 || def.NextCursor != "" {
		t.Errorf("default page = %d supporting, cursor %q; want all 8 (under the default limit), no cursor", len(def.Supporting), def.NextCursor)
	}
	for _, base := range []string{"/v1/claims/" + target + "/supporters", "/v1/supporters?q=" + target} {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		var sup, con []argmap.Backing
		path := base + sep + "limit=3&quotes=2"
		for pages := 0; ; pages++ {
			if pages > 10 {
				t.Fatalf("%s: more than 10 pages", base)
			}
			ans := get(path)
			if len(ans.Supporting) > 3 || len(ans.Contesting) > 3 || ans.SupportingTotal != 8 || ans.ContestingTotal != 3 {
				t.Fatalf("GET %s = %d/%d supporting, %d/%d contesting; want at most 3 of 8 and of 3", path,
					len(ans.Supporting), ans.SupportingTotal, len(ans.Contesting), ans.ContestingTotal)
			}
			sup, con = append(sup, ans.Supporting...), append(con, ans.Contesting...)
			if ans.NextCursor == "" {
				break
			}
			path = base + sep + "limit=3&quotes=2&cursor=" + url.QueryEscape(ans.NextCursor)
		}
		if len(sup) != 8 || len(con) != 3 {
			t.Fatalf("%s: pages listed %d supporting and %d contesting sources, want 8 and 3", base, len(sup), len(con))
		}
		for i, b := range sup {
			f := full.Supporting[i]
			if b.Source.ID != f.Source.ID || b.QuotesTotal != len(f.Quotes) || len(b.Quotes) != min(2, len(f.Quotes)) {
				t.Errorf("%s: page source %d = %s with %d of %d quotes, want %s with %d of %d", base, i, b.Source.ID, len(b.Quotes), b.QuotesTotal,
					f.Source.ID, min(2, len(f.Quotes)), len(f.Quotes))
			}
		}
	}
	if busy := full.Supporting; busy[0].QuotesTotal < 4 && busy[1].QuotesTotal < 4 {
		t.Errorf("no supporting source with 4 quotes among the first two: %+v", busy[:2])
	}
	// the contesting half pages on its own
	con := get("/v1/claims/" + target + "/contesters?limit=3")
	if len(con.Supporting) != 0 || con.SupportingTotal != 0 || len(con.Contesting) != 3 || con.NextCursor != "" {
		t.Errorf("contesters?limit=3 = %d/%d supporting, %d contesting, cursor %q; want 0/0, 3, none (8 supporters do not page it)",
			len(con.Supporting), con.SupportingTotal, len(con.Contesting), con.NextCursor)
	}
	first := get("/v1/claims/" + target + "/supporters?limit=2")
	if first.NextCursor == "" {
		t.Fatal("supporters?limit=2 has no next_cursor")
	}
	cur := url.QueryEscape(first.NextCursor)
	for _, tc := range []struct{ name, path, msg string }{
		{"limit zero", "/v1/claims/" + target + "/supporters?limit=0", "limit must be an integer from 1 to 1000"},
		{"limit too large", "/v1/supporters?q=" + target + "&limit=1001", "limit"},
		{"quotes zero", "/v1/supporters?q=" + target + "&quotes=0", "quotes must be an integer from 1 to 1000"},
		{"quotes not a number", "/v1/claims/" + target + "/contesters?quotes=all", "quotes"},
		{"garbled cursor", "/v1/claims/" + target + "/supporters?cursor=%21%21", "cursor is not one an answer gave"},
		{"cursor too long", "/v1/claims/" + target + "/supporters?cursor=" + strings.Repeat("a", 201), "cursor is longer"},
		{"cursor of another depth", "/v1/claims/" + target + "/supporters?depth=2&cursor=" + cur, "another question or depth"},
		{"cursor of another question", "/v1/supporters?q=" + url.QueryEscape("camps empty") + "&cursor=" + cur, "another question"},
		{"full not a boolean", "/v1/supporters?q=" + target + "&full=yes", "full must be true or false"},
		{"full with a limit", "/v1/supporters?q=" + target + "&full=true&limit=3", "takes no limit"},
		{"source not a source", "/v1/supporters?q=" + target + "&source=" + target, "source must be a source ID"},
		{"source with a cursor", "/v1/claims/" + target + "/supporters?source=src_x&cursor=" + cur, "takes no cursor"},
		{"full with a source", "/v1/claims/" + target + "/supporters?full=true&source=src_x", "takes no source"},
	} {
		r := e.get(tc.path)
		if r.Status != http.StatusBadRequest {
			t.Errorf("%s: GET %s = %d %s, want 400", tc.name, tc.path, r.Status, trunc(r.Body))
			continue
		}
		if got := r.Err(t); got.Code != "invalid" || !strings.Contains(got.Message, tc.msg) {
			t.Errorf("%s: GET %s = %+v, want invalid with %q", tc.name, tc.path, got, tc.msg)
		}
	}
	// one source alone, every passage, on its side; the totals of the whole
	busy := full.Supporting[0]
	if busy.QuotesTotal < 4 {
		busy = full.Supporting[1]
	}
	one := get("/v1/claims/" + target + "/supporters?source=" + busy.Source.ID)
	if len(one.Supporting) != 1 || one.Supporting[0].Source.ID != busy.Source.ID || len(one.Supporting[0].Quotes) != busy.QuotesTotal ||
		len(one.Contesting) != 0 || one.SupportingTotal != 8 || one.NextCursor != "" {
		t.Errorf("source=%s = %d supporting (%+v), %d contesting, totals %d, cursor %q; want that source alone with its %d quotes",
			busy.Source.ID, len(one.Supporting), one.Supporting, len(one.Contesting), one.SupportingTotal, one.NextCursor, busy.QuotesTotal)
	}
	if two := get("/v1/supporters?q=" + target + "&source=" + busy.Source.ID + "&quotes=2"); len(two.Supporting) != 1 || len(two.Supporting[0].Quotes) != 2 {
		t.Errorf("source=%s&quotes=2 = %+v, want the source with 2 quotes", busy.Source.ID, two.Supporting)
	}
	// the same cursor for the same question by its text works where the
	// claim ID's did not: a cursor is bound to the question as asked
	if ans := get("/v1/supporters?q=" + target + "&limit=2&cursor=" + cur); len(ans.Supporting) != 2 || ans.Supporting[0].Source.ID != full.Supporting[2].Source.ID {
		t.Errorf("page 2 by /v1/supporters?q=ID = %+v, want the third and fourth supporting sources", ans.Supporting)
	}
}

// TestSupportersDefaultDepth: unsaid, a question in words looks one relation
// deep and a claim ID as deep as maps (argmap.AnswerDepth); depth= is
// walked for both.
func TestSupportersDefaultDepth(t *testing.T) {
	st := openStore(t)
	g := &argmap.Graph{}
	claim := func(title, text string) string {
		src := argmap.Source{ID: argmap.NewID(argmap.KindSource), Title: title, Kind: argmap.SourceReport, Text: text}
		src.ContentHash = argmap.ContentHash([]byte(src.Text))
		g.Sources = append(g.Sources, src)
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: text, Origin: argmap.OriginExtracted,
			Spans: []argmap.Span{{SourceID: src.ID, Start: 0, End: len(text), Quote: text}}}
		g.Claims = append(g.Claims, c)
		return c.ID
	}
	contests := func(from, to string) {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
			From: []string{from}, To: to, Origin: argmap.OriginExtracted})
	}
	target := claim("Timetable", "The ferry sails every weekend.")
	objection := claim("Union letter", "The deckhands were laid off in March.")
	reply := claim("Council minutes", "Replacement deckhands were hired in April.")
	contests(objection, target)
	contests(reply, objection)
	if err := st.WriteGraph(context.Background(), g); err != nil {
		t.Fatalf("WriteGraph: %v", err)
	}
	e := newEnv(t, httpapi.Config{}, st, nil)
	titles := func(bs []argmap.Backing) string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Source.Title)
		}
		return strings.Join(out, ", ")
	}
	text := url.QueryEscape("The ferry sails every weekend")
	for _, tc := range []struct{ path, sup, con string }{
		{"/v1/supporters?q=" + text, "Timetable", "Union letter"},
		{"/v1/supporters?q=" + text + "&depth=2", "Timetable, Council minutes", "Union letter"},
		{"/v1/supporters?q=" + target, "Timetable, Council minutes", "Union letter"},
		{"/v1/claims/" + target + "/supporters", "Timetable, Council minutes", "Union letter"},
		{"/v1/claims/" + target + "/supporters?depth=1", "Timetable", "Union letter"},
	} {
		r := e.get(tc.path)
		wantStatus(t, "GET "+tc.path, r, http.StatusOK)
		var ans argmap.SupportAnswer
		r.JSON(t, &ans)
		if got := titles(ans.Supporting); got != tc.sup {
			t.Errorf("GET %s supporting = %q, want %q", tc.path, got, tc.sup)
		}
		if got := titles(ans.Contesting); got != tc.con {
			t.Errorf("GET %s contesting = %q, want %q", tc.path, got, tc.con)
		}
	}
}
