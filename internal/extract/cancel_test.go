package extract_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// countdown is a context whose Err turns to Canceled on its n-th call (0:
// never), counting the calls: a cancellation that arrives at any chosen
// check, deterministically.
type countdown struct {
	context.Context
	n     int64
	calls atomic.Int64
}

func (c *countdown) Err() error {
	if k := c.calls.Add(1); c.n > 0 && k >= c.n {
		return context.Canceled
	}
	return nil
}

// TestExtractCancelled: extraction looks at its context between its stages
// and, in the structure stage, between the blocks of a long text (it looked
// only before and between the first stages, so a cancelled 20 MB upload
// went on parsing to the end), and every check it makes is honoured: a
// cancellation at any of them ends the extraction with EUNAVAILABLE and no
// graph.
func TestExtractCancelled(t *testing.T) {
	const paras = 60
	var doc strings.Builder
	for i := range paras {
		fmt.Fprintf(&doc, "Councils should fund night buses on route %d. Late shifts end after the last train, so workers walk home. "+
			"Critics reply that the buses would run nearly empty.\n\n", i)
	}
	data := []byte(doc.String())
	p := extract.New(extract.Options{})
	full := &countdown{Context: context.Background()}
	if _, err := p.Extract(full, argmap.Document{Name: "buses.txt", Data: data}); err != nil {
		t.Fatal(err)
	}
	checks := full.calls.Load()
	if checks < paras {
		t.Fatalf("extraction of %d paragraphs looked at its context %d times, want at least once a paragraph", paras, checks)
	}
	for n := int64(1); n <= checks; n += max(1, checks/12) {
		ctx := &countdown{Context: context.Background(), n: n}
		g, err := p.Extract(ctx, argmap.Document{Name: "buses.txt", Data: data})
		if argmap.ErrorCode(err) != argmap.EUNAVAILABLE || g != nil {
			t.Errorf("cancelled at check %d of %d: graph %v, error %v; want no graph and EUNAVAILABLE", n, checks, g != nil, err)
		}
	}
}
