package webui_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/webui"
)

// TestExploreLargeStore checks the list of connected arguments of a store
// larger than the app reads for it: an argument whose claims' IDs sort after
// 5000 lone claims is listed (read by most relations, not by ID).
func TestExploreLargeStore(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 5030 claims")
	}
	_, st := newUI(t)
	ctx := context.Background()
	g := &argmap.Graph{}
	for i := range 5000 {
		g.Claims = append(g.Claims, argmap.Claim{ID: fmt.Sprintf("clm_a%05d", i), Text: fmt.Sprintf("Lone claim %d.", i), Origin: argmap.OriginCurated, CreatedAt: t0})
	}
	g.Claims = append(g.Claims, argmap.Claim{ID: "clm_zhub", Text: "The late hub everyone argues about.", Origin: argmap.OriginCurated, CreatedAt: t0})
	for i := range 25 {
		id := fmt.Sprintf("clm_zp%02d", i)
		g.Claims = append(g.Claims, argmap.Claim{ID: id, Text: "A premise of the late hub.", Origin: argmap.OriginCurated, CreatedAt: t0})
		g.Relations = append(g.Relations, argmap.Relation{ID: fmt.Sprintf("rel_z%02d", i), Kind: argmap.Supports,
			From: []string{id}, To: "clm_zhub", Origin: argmap.OriginCurated, CreatedAt: t0})
	}
	if err := st.WriteGraph(ctx, g); err != nil {
		t.Fatal(err)
	}
	code, body, _ := get(t, webui.New(st, webui.Options{}), "/ui/explore")
	if code != 200 || !strings.Contains(body, "focus=clm_zhub") || !strings.Contains(body, "26 claims and evidence") {
		t.Errorf("/ui/explore = %d; want the late hub's argument (26 claims and evidence) listed", code)
	}
}
