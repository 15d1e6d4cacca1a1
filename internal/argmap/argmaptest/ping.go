package argmaptest

import (
	"context"
	"sync"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// testPing checks that Ping answers on an open store, also while other
// goroutines keep the store's reads busy, and that a cancelled context is
// EUNAVAILABLE.
func testPing(t *testing.T, e *env) {
	s := e.store(t)
	must(t, "Ping", s.Ping(ctx(t)))
	buildArgument(t, s)

	busy, stop := context.WithCancel(ctx(t))
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for busy.Err() == nil {
				if _, err := s.Dump(busy); err != nil && busy.Err() == nil {
					t.Errorf("Dump while pinging: %v", err)
					return
				}
			}
		}()
	}
	for i := range 20 {
		if err := s.Ping(ctx(t)); err != nil {
			t.Errorf("Ping %d while 8 goroutines read = %v, want nil", i, err)
		}
	}
	stop()
	wg.Wait()

	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	wantCode(t, "Ping(cancelled)", s.Ping(cancelled), argmap.EUNAVAILABLE)
}
