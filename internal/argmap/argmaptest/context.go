package argmaptest

import (
	"context"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

func testContext(t *testing.T, e *env) {
	s := e.store(t)
	src := newSource("A", "Some words.")
	c := stated(src, "Some words.")
	write(t, s, &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{c}})
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	expired, cancel2 := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel2()
	for _, cx := range []struct {
		name string
		ctx  context.Context
	}{{"cancelled", cancelled}, {"expired", expired}} {
		c2 := newClaim("Never stored")
		tests := []struct {
			name string
			call func(ctx context.Context) error
		}{
			{"Source", func(ctx context.Context) error { _, err := s.Source(ctx, src.ID); return err }},
			{"Sources", func(ctx context.Context) error { _, err := s.Sources(ctx, argmap.SourceFilter{}); return err }},
			{"Claim", func(ctx context.Context) error { _, err := s.Claim(ctx, c.ID); return err }},
			{"Claims", func(ctx context.Context) error { _, err := s.Claims(ctx, argmap.ClaimFilter{}); return err }},
			{"SearchClaims", func(ctx context.Context) error { _, err := s.SearchClaims(ctx, "words", 5); return err }},
			{"CreateClaim", func(ctx context.Context) error { return s.CreateClaim(ctx, &c2) }},
			{"WriteGraph", func(ctx context.Context) error {
				return s.WriteGraph(ctx, &argmap.Graph{Claims: []argmap.Claim{newClaim("Nor this")}})
			}},
			{"DeleteClaim", func(ctx context.Context) error { return s.DeleteClaim(ctx, c.ID) }},
			{"Reach", func(ctx context.Context) error { _, err := s.Reach(ctx, c.ID, 3); return err }},
			{"Neighbourhood", func(ctx context.Context) error { _, err := s.Neighbourhood(ctx, c.ID, 2, 0); return err }},
			{"Dump", func(ctx context.Context) error { _, err := s.Dump(ctx); return err }},
			{"Stats", func(ctx context.Context) error { _, err := s.Stats(ctx); return err }},
			{"Ping", s.Ping},
		}
		for _, tc := range tests {
			t.Run(cx.name+"/"+tc.name, func(t *testing.T) {
				done := make(chan error, 1)
				go func() { done <- tc.call(cx.ctx) }()
				select {
				case err := <-done:
					if err == nil {
						t.Errorf("%s with a %s context succeeded, want an error", tc.name, cx.name)
					}
				case <-time.After(10 * time.Second):
					t.Fatalf("%s with a %s context still running after 10s", tc.name, cx.name)
				}
			})
		}
	}
	// Nothing the cancelled calls attempted was done.
	if got := stats(t, s); got.Claims != 1 {
		t.Errorf("Stats().Claims = %d after cancelled calls, want 1", got.Claims)
	}
}
