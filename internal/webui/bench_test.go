package webui_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/argmap/argmaptest"
	"github.com/argmap/argmap/internal/sqlitestore"
	"github.com/argmap/argmap/internal/webui"
)

// BenchmarkClaimPage serves the page of a well-connected claim (its
// supporters, its proposition, its evaluation label) over a generated store
// of 1000 and of 4000 claims (SQLite): "view" again and again, as the
// evaluation is reused while the store is unchanged; "after-change" with an
// audited change before each view, so that the whole store is evaluated
// again every time.
func BenchmarkClaimPage(b *testing.B) {
	for _, n := range []int{1000, 4000} {
		ctx := context.Background()
		st, err := sqlitestore.Open(ctx, filepath.Join(b.TempDir(), "argmap.db"))
		if err != nil {
			b.Fatal(err)
		}
		defer st.Close()
		g, err := argmaptest.GenerateBenchGraph(ctx, st, n)
		if err != nil {
			b.Fatal(err)
		}
		ui := webui.New(st, webui.Options{})
		path := "/ui/claims/" + g.Targets[len(g.Targets)/2]
		view := func(b *testing.B) {
			rec := httptest.NewRecorder()
			ui.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
			if rec.Code != http.StatusOK {
				b.Fatalf("GET %s = %d", path, rec.Code)
			}
		}
		size := map[int]string{1000: "1k", 4000: "4k"}[n]
		b.Run(size+"/view", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				view(b)
			}
		})
		b.Run(size+"/after-change", func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				e := &argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), Who: "bench", Action: argmap.AuditUpdate,
					Kind: argmap.KindClaim, TargetID: g.Claims[0], After: []byte(`{}`)}
				if err := st.RecordAudit(ctx, e); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				view(b)
			}
		})
	}
}
