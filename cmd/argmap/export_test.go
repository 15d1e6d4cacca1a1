package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// TestExportLargeStore checks the drawn export of a store larger than
// export reads: the map is chosen among the claims and evidence with the
// most relations, so a hub whose ID sorts after every other claim is drawn,
// and the message says how much of the store was left out and how the rest
// was chosen.
func TestExportLargeStore(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 6000 claims")
	}
	ctx := context.Background()
	store := filepath.Join(t.TempDir(), "big.db")
	st, err := sqlitestore.Open(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := argmaptest.GenerateBenchGraph(ctx, st, 6000)
	if err != nil {
		t.Fatal(err)
	}
	now := argmap.Now()
	hub := argmap.Claim{ID: "clm_zzzzzzzzzzzzzzzz", Text: "The hub claim everyone argues about.", Origin: argmap.OriginCurated, CreatedAt: now}
	g := &argmap.Graph{Claims: []argmap.Claim{hub}}
	for i := range 60 {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
			From: []string{bg.Claims[i*97]}, To: hub.ID, Origin: argmap.OriginCurated, CreatedAt: now})
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	st.Close()
	out := filepath.Join(t.TempDir(), "big.dot")
	code, stdout, errs := cli(t, nil, "export", "--store", store, "--format", "dot", "-o", out)
	if code != 0 {
		t.Fatalf("export = %d: %s%s", code, stdout, errs)
	}
	dot, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(dot), hub.ID) {
		t.Errorf("the exported map does not draw the hub %s", hub.ID)
	}
	// fewer than 1500 when the relations drawn as nodes would pass the
	// renderer's bound; what was drawn and left out make the store's 6001
	m := regexp.MustCompile(`drew (\d+) of 6001 claims .*; left out (\d+) claims.*with the most relations`).FindStringSubmatch(errs)
	if m == nil {
		t.Fatalf("export said %q, want what it drew of the store's 6001 claims, what it left out and how it chose", errs)
	}
	drew, _ := strconv.Atoi(m[1])
	left, _ := strconv.Atoi(m[2])
	if drew+left != 6001 || drew > 1500 || drew < 500 {
		t.Errorf("export drew %d and left out %d of 6001 claims", drew, left)
	}
	if n := strings.Count(string(dot), "clm_"); n < drew {
		t.Errorf("the map names %d claims, fewer than the %d it says it drew", n, drew)
	}

	// an SVG or PNG is cut further, until it is not too dense to lay out
	// (the check needs no Graphviz: past it, a renderer without one says
	// EUNAVAILABLE)
	st, err = sqlitestore.Open(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hubs, err := st.Hubs(ctx, maxExportRead)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []argmap.RenderFormat{argmap.FormatSVG, argmap.FormatPNG} {
		cut, _, err := trimToDraw(ctx, hubs, "", f)
		if err != nil {
			t.Fatal(err)
		}
		_, err = render.New(render.Options{}).Render(ctx, cut, argmap.RenderOptions{Format: f})
		if n := len(cut.Claims); n == 0 || n > maxExportNodes || argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
			t.Errorf("trimToDraw(%s) kept %d claims; the renderer's checks say %v", f, n, err)
		}
	}
}
