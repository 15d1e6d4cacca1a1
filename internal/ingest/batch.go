package ingest

import (
	"context"
	"runtime"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
)

// Outcome is what became of one document of IngestAll.
type Outcome struct {
	Index  int                  // the document's position, 0 to n-1
	Name   string               // the document's name, as read
	Bytes  int                  // the size of its content (0 if it could not be read)
	Result *argmap.IngestResult // nil when Err is set
	Err    error
}

// Reader returns the i-th document of an IngestAll; an error is that
// document's outcome (it is reported and the others are ingested).
type Reader func(ctx context.Context, i int) (argmap.Document, error)

// IngestAll ingests n documents: workers (GOMAXPROCS when 0 or less) read and
// extract several documents at once while one writer links and stores them
// one after another, in order, each in its own transaction (all or nothing
// per document, as Ingest). done is called once per document, in order, from
// the calling goroutine, as soon as the document is stored or has failed. At
// most twice as many documents as workers are held in memory at a time.
// When ctx ends, IngestAll stops and returns ctx's error; documents not
// reported to done were not stored.
func (s *Service) IngestAll(ctx context.Context, n, workers int, read Reader, done func(Outcome)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	window := 2 * workers
	type item struct {
		name  string
		bytes int
		p     prepared
	}
	slots := make([]chan item, window) // document i waits in slots[i%window]
	for i := range slots {
		slots[i] = make(chan item, 1)
	}
	// a token per document in flight: taken before a document is read,
	// given back once it is written, so at most window are read ahead
	tokens := make(chan struct{}, window)
	for range window {
		tokens <- struct{}{}
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() {
		cancel()
		wg.Wait()
	}()
	var mu sync.Mutex
	next := 0
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-ctx.Done():
					return
				case <-tokens:
				}
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				it := item{}
				doc, err := read(ctx, i)
				it.name, it.bytes = doc.Name, len(doc.Data)
				if err != nil {
					it.p = prepared{err: err}
				} else {
					it.p = s.prepare(ctx, doc)
				}
				slots[i%window] <- it
			}
		}()
	}
	for i := 0; i < n; i++ {
		var it item
		select {
		case <-ctx.Done():
			return ctx.Err()
		case it = <-slots[i%window]:
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		res, err := s.commit(ctx, it.p)
		if err != nil && ctx.Err() != nil {
			return ctx.Err() // interrupted, not the document's fault
		}
		done(Outcome{Index: i, Name: it.name, Bytes: it.bytes, Result: res, Err: err})
		tokens <- struct{}{}
	}
	return nil
}
