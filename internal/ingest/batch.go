package ingest

import (
	"context"
	"runtime"
	"sync"
	"time"

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
// one after another, in order (several small ones in one transaction, each
// still all or nothing, as Ingest). done is called once per document, in order, from
// the calling goroutine, once the document is stored or has failed, that
// is once its transaction has committed. At most 2×workers+128 documents,
// and about 64 MiB of them past what the workers hold, are in memory at a
// time.
// When ctx ends, IngestAll stops and returns ctx's error; documents not
// reported to done were not stored.
func (s *Service) IngestAll(ctx context.Context, n, workers int, read Reader, done func(Outcome)) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// documents in flight: enough for a batch beside the workers' own, and
	// at most maxAhead bytes of them read ahead (checked before a read)
	window := 2*workers + s.batchDocs
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
	cond := sync.NewCond(&mu)
	next, inflight := 0, 0
	go func() { // wake the workers waiting for room when ctx ends
		<-ctx.Done()
		mu.Lock()
		cond.Broadcast()
		mu.Unlock()
	}()
	// linking ahead of the writer (ahead.go), when the store allows it: in
	// order, by the worker that extracted the next document to link, which
	// then links the documents after it already extracted (no goroutine
	// of its own: a hand-over less per document, which on a loaded machine
	// costs a wait for a CPU each)
	a := s.newAhead(&mu, cond)
	// the CPUs, shared by the workers and the writer, the writer first
	cpus := newGate(ctx, gateSize(workers))
	var aheadWaits chan struct{} // linking ahead waits for the writer
	if a != nil {
		aheadWaits = a.waiting
	}
	pend := make([]*item, window) // extracted, not linked yet: document i in pend[i%window]
	linking, nextLink := false, 0
	// handOver passes document i on to the writer; false when ctx ended
	handOver := func(i int, it item) bool {
		if a == nil {
			slots[i%window] <- it
			return true
		}
		mu.Lock()
		pend[i%window] = &it
		if linking {
			mu.Unlock()
			return true
		}
		linking = true
		for {
			p := pend[nextLink%window]
			if p == nil || nextLink >= n {
				linking = false
				mu.Unlock()
				return true
			}
			pend[nextLink%window] = nil
			j := nextLink
			nextLink++
			mu.Unlock()
			if s.linkAhead(ctx, a, j, &p.p) != nil {
				return false
			}
			select {
			case <-ctx.Done():
				return false
			case slots[j%window] <- *p:
			}
			mu.Lock()
		}
	}
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
				for inflight >= maxAhead && ctx.Err() == nil {
					cond.Wait()
				}
				i := next
				next++
				mu.Unlock()
				if i >= n || ctx.Err() != nil {
					return
				}
				it := item{}
				doc, err := read(ctx, i)
				it.name, it.bytes = doc.Name, len(doc.Data)
				mu.Lock()
				inflight += it.bytes
				mu.Unlock()
				if !cpus.take(false) {
					return
				}
				if err != nil {
					it.p = prepared{err: err}
				} else {
					it.p = s.prepare(ctx, doc)
				}
				ok := handOver(i, it)
				cpus.give()
				if !ok {
					return
				}
			}
		}()
	}
	// the writer: documents already extracted are committed together, in
	// one transaction, up to a batch (a transaction's commit rewrites the
	// pages its rows touched, scattered over the indexes of random IDs and
	// keys, and fewer, bigger transactions rewrite fewer of them per
	// document); while a batch is under its floor (batchFloor) the writer
	// waits up to batchWait in all for the next document
	seenBytes := 0 // of the documents the writer has had
	// textSize is a document's weight in a batch, or its bytes when it is
	// committed on its own
	textSize := func(it item) int {
		if w := batchSize(it.p); w > 0 {
			return w
		}
		return it.bytes
	}
	for i := 0; i < n; {
		var it item
		select {
		case <-ctx.Done():
			return ctx.Err()
		case it = <-slots[i%window]:
		}
		batch := []item{it}
		i++
		seenBytes += textSize(it)
		size := batchSize(it.p)
		var wait *time.Timer // started when the writer first waits for the next document
		for size > 0 && len(batch) < s.batchDocs && i < n && size < maxBatchBytes {
			var more item
			ready := false
			select {
			case more = <-slots[i%window]:
				ready = true
			default:
			}
			if !ready && size < s.batchFloor(seenBytes, i, n) && s.batchWait > 0 && (a == nil || !a.awaited()) {
				if wait == nil {
					wait = time.NewTimer(s.batchWait)
				}
				select {
				case more = <-slots[i%window]:
					ready = true
				case <-wait.C:
				case <-aheadWaits:
					// linking ahead waits for this batch
				case <-ctx.Done():
				}
			}
			if !ready {
				break // not extracted yet: commit what is ready
			}
			batch = append(batch, more)
			i++
			seenBytes += textSize(more)
			if batchSize(more.p) == 0 {
				break // committed on its own
			}
			size += batchSize(more.p)
		}
		if wait != nil {
			wait.Stop()
		}
		ps := make([]prepared, len(batch))
		for k := range batch {
			ps[k] = batch[k].p
		}
		if s.beforeCommit != nil {
			s.beforeCommit(i - len(batch))
		}
		if !cpus.take(true) {
			return ctx.Err()
		}
		results, errs := s.commitAll(ctx, ps, a)
		cpus.give()
		for k, b := range batch {
			if errs[k] != nil && ctx.Err() != nil {
				return ctx.Err() // interrupted, not the document's fault
			}
			if a != nil {
				a.handled(i - len(batch) + k)
			}
			done(Outcome{Index: i - len(batch) + k, Name: b.name, Bytes: b.bytes, Result: results[k], Err: errs[k]})
			mu.Lock()
			inflight -= b.bytes
			cond.Broadcast()
			mu.Unlock()
			tokens <- struct{}{}
		}
	}
	return nil
}

// Batches of documents committed in one transaction: at most maxBatch
// documents (Service.batchDocs), of maxBatchBytes of text in all; a
// document of more than linkPart claims, or one that failed or is stored
// already, ends a batch. While a batch holds less than its floor of text
// (batchFloor) the writer waits for the next document, up to maxBatchWait
// (Service.batchWait) a batch: a document is reported (and safe) at most
// that much later than without the wait. The writer waits without a CPU
// (gate), so the workers extract at full speed meanwhile: with the writer
// keeping up (gate) a wait of 50 ms cut the 10 MiB corpus into three times
// as many transactions, each commit of a large store costing tens of ms.
// In a large store a commit rewrites most pages of the indexes keyed by
// random IDs and keys whatever the number of documents it holds, so that
// small documents cost less together: 512 instead of 128 took 5-15 % off
// ingest's CPU (scale benchmark at 10k documents, IOM repeated to 10 MiB)
// for about a quarter more memory (the documents in flight).
const (
	maxBatch      = 512
	maxBatchBytes = 4 << 20
	maxBatchFloor = 1 << 20
	maxBatchWait  = 500 * time.Millisecond
)

// batchFloor is the text a batch waits for: 1 MiB, or a batchShare-th of
// the corpus when that is less (its size guessed from the text of the
// seen documents of the n), so that a small corpus is written in a few
// transactions while the workers extract the rest, not in one after them
// (the mixed corpus, 136 KB, was written whole at the end, the writer
// alone on one CPU).
func (s *Service) batchFloor(seenBytes, seen, n int) int {
	if seen == 0 || s.batchShare <= 0 {
		return maxBatchFloor
	}
	return min(maxBatchFloor, int(int64(seenBytes)*int64(n)/int64(seen))/s.batchShare)
}

// batchShare is the share of a small corpus a batch waits for (1/4).
const batchShare = 4

// maxAhead bounds the bytes of documents read and not yet written: a
// worker does not read another document past it.
const maxAhead = 64 << 20

// batchSize is the weight of a prepared document in a batch, 0 when it is
// committed on its own.
func batchSize(p prepared) int {
	if p.g == nil || len(p.g.Claims) > linkPart || len(p.g.Sources) == 0 {
		return 0
	}
	return len(p.g.Sources[0].Text) + 1
}

// commitAll commits prepared documents in order, those that can be in one
// transaction (argmap.Transactor): each is linked to the stored claims and
// to those before it in the transaction, and written. If one of them
// fails, the transaction is rolled back, those before it are committed
// together again, it is committed on its own (commit, with its answers to
// conflicts and vanished candidates), and those after it together after
// it: each document is stored all or nothing, in order, and a bad one
// costs the documents before it a second write. With a (IngestAll linking
// ahead), a transaction of documents all linked ahead in the current
// generation takes their links when the store's ClaimsVersion in it is the
// one expected, and links them itself otherwise; every outcome is reported
// to a.
func (s *Service) commitAll(ctx context.Context, ps []prepared, a *ahead) ([]*argmap.IngestResult, []error) {
	results, errs, fast, version := s.commitBatch(ctx, ps, a)
	if a != nil {
		for k := range ps {
			wrote := errs[k] == nil && results[k] != nil && results[k].Created
			a.wrote(ps[k].ahead, wrote, fast[k], version)
		}
	}
	return results, errs
}

// commitBatch is commitAll; fast says which documents were written with
// their links found ahead, and version is the ClaimsVersion after them.
func (s *Service) commitBatch(ctx context.Context, ps []prepared, a *ahead) ([]*argmap.IngestResult, []error, []bool, int64) {
	fastDone := make([]bool, len(ps))
	var version int64
	results := make([]*argmap.IngestResult, len(ps))
	errs := make([]error, len(ps))
	var batch []int // the documents to write together
	hashes := map[string]bool{}
	for k, p := range ps {
		if batchSize(p) > 0 && !hashes[p.hash] {
			hashes[p.hash] = true
			batch = append(batch, k)
		}
	}
	// take the links found ahead if all were found in the generation now
	fast := a != nil && len(batch) > 0
	var expect int64
	if fast {
		var gen int
		gen, expect = a.current()
		for _, k := range batch {
			if l := ps[k].ahead; l == nil || !l.writes || l.gen != gen {
				fast = false
			}
		}
	}
	if !fast {
		for _, k := range batch {
			ps[k].ahead.unlink(ps[k].g)
		}
	}
	tr, ok := s.store.(argmap.Transactor)
	if !ok || (len(batch) < 2 && !fast) {
		for k := range ps {
			results[k], errs[k] = s.commit(ctx, ps[k])
		}
		return results, errs, fastDone, version
	}
	type state struct {
		relations int
		props     []string
	}
	saved := make([]state, len(batch))
	for b, k := range batch {
		g := ps[k].g
		saved[b].relations = len(g.Relations)
		for _, c := range g.Claims {
			saved[b].props = append(saved[b].props, c.Proposition)
		}
	}
	restore := func(from int) { // batch[from:] as before the transaction
		for b := from; b < len(batch); b++ {
			g := ps[batch[b]].g
			g.Relations = g.Relations[:saved[b].relations]
			for i := range g.Claims {
				g.Claims[i].Proposition = saved[b].props[i]
			}
		}
	}
	inBatch := map[int]bool{}
	for _, k := range batch {
		inBatch[k] = true
	}
	// batch[rest:end] is the next transaction. When a document fails in a
	// transaction of several, the transaction is rolled back, the
	// documents before it are written together again (still with the links
	// found ahead, the store being as it was), it is committed on its own,
	// then the rest together, linked in their transaction (the copy had
	// counted the failed one): stored in order, as one after another.
	alone := -1 // the document that failed among several
	for rest, end := 0, len(batch); rest < len(batch); {
		if rest == alone {
			k := batch[rest]
			restore(rest)
			results[k], errs[k] = s.commit(ctx, ps[k])
			rest, end, fast = rest+1, len(batch), false
			continue
		}
		todo := batch[rest:end]
		took := false    // the links found ahead were taken
		foreign := false // the store changed otherwise than the copy predicts
		failed := -1     // the document of todo that failed
		err := tr.Atomically(ctx, func(tx argmap.Store) error {
			restore(rest) // fn may be called again
			took, foreign, failed = false, false, -1
			if fast {
				if kl, ok := tx.(argmap.KeyLists); ok {
					v, err := kl.ClaimsVersion(ctx)
					if err != nil {
						return err
					}
					took = v == expect
					foreign = !took
				}
			}
			for b, k := range todo {
				if !took {
					ps[k].ahead.unlink(ps[k].g)
					if err := s.linkIn(ctx, tx, ps[k].g); err != nil {
						failed = b
						return err
					}
				}
				if err := tx.WriteGraph(ctx, ps[k].g); err != nil {
					failed = b
					return err
				}
			}
			if took {
				v, err := tx.(argmap.KeyLists).ClaimsVersion(ctx)
				if err != nil {
					return err
				}
				version = v
			}
			return nil
		})
		if foreign {
			a.sawForeign()
		}
		if err != nil {
			restore(rest)
			if ctx.Err() != nil { // the documents committed before stay reported as such
				for k := range errs {
					if results[k] == nil && errs[k] == nil {
						errs[k] = ctx.Err()
					}
				}
				return results, errs, fastDone, version
			}
			if failed >= 0 && len(todo) > 1 {
				alone = rest + failed
				end = alone // the ones before it, if any
				continue
			}
			for _, k := range todo { // each on its own
				results[k], errs[k] = s.commit(ctx, ps[k])
			}
			rest, end, fast = end, len(batch), false
			continue
		}
		for _, k := range todo {
			results[k] = created(ps[k].g)
			fastDone[k] = took
			if took {
				s.tookAhead.Add(1)
			}
		}
		rest, end = end, len(batch)
	}
	for k := range ps {
		if !inBatch[k] {
			results[k], errs[k] = s.commit(ctx, ps[k])
		}
	}
	return results, errs, fastDone, version
}

// gate shares the CPUs between IngestAll's workers and its writer, the
// writer first. The writer is one goroutine that every document passes
// through; with as many workers as CPUs the scheduler gave it two thirds of
// a CPU while it had work (two workers and the writer in turn), so that it
// fell behind and wrote the last batches alone at the end, the other CPU
// idle. A worker takes a CPU before it extracts a document and links it
// (and those after it) ahead, and gives it back after; the writer takes one
// for each transaction without ever waiting, overdrawing the count while
// the workers finish the documents they hold: the workers then wait until
// it is done, so that it runs whenever it has work and the workers share
// the rest.
type gate struct {
	ctx     context.Context
	mu      sync.Mutex
	cond    *sync.Cond
	free    int  // CPUs not taken; below 0 while the writer overdraws
	waiting int  // workers waiting for a CPU (for tests)
	off     bool // fewer than two: nothing is gated
}

// gateSize is the gate's size for IngestAll with workers: the workers,
// when there are as many as CPUs or more; 0 (no gate) with fewer, the
// writer then having a CPU of its own.
func gateSize(workers int) int {
	if workers < runtime.GOMAXPROCS(0) {
		return 0
	}
	return workers
}

func newGate(ctx context.Context, n int) *gate {
	g := &gate{ctx: ctx, free: n, off: n < 2}
	g.cond = sync.NewCond(&g.mu)
	if !g.off {
		go func() { // wake the waiters when ctx ends
			<-ctx.Done()
			g.mu.Lock()
			g.cond.Broadcast()
			g.mu.Unlock()
		}()
	}
	return g
}

// take takes a CPU: the writer's at once, a worker's once one is free;
// false when ctx ended.
func (g *gate) take(writer bool) bool {
	if g.off {
		return g.ctx.Err() == nil
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for !writer && g.ctx.Err() == nil && g.free <= 0 {
		g.waiting++
		g.cond.Wait()
		g.waiting--
	}
	if g.ctx.Err() != nil {
		return false
	}
	g.free--
	return true
}

// give hands a CPU back.
func (g *gate) give() {
	if g.off {
		return
	}
	g.mu.Lock()
	g.free++
	if g.free > 0 {
		g.cond.Signal()
	}
	g.mu.Unlock()
}
