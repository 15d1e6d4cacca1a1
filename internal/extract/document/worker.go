package document

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"syscall"
	"time"

	"github.com/klippa-app/go-pdfium"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/childproc"
)

// PDFs are read in worker processes when Options.Worker is set. PDFium then
// runs compiled for speed, with no checks that let it be stopped inside a
// call (those made reading about seven times slower in CPU); a PDF that
// overruns its time is stopped by killing its worker's process group, which
// also frees all its memory, and the worker is replaced. A worker serves
// many PDFs one after another, so PDFium's start-up (about 0.1 s from the
// compilation cache) is paid once per worker, not per document.
//
//	worker, once started:  "AMPS" | status 2 (ready) or 1 (error) | length (4 bytes) | payload
//	request:               "AMPQ" | PDF length (4 bytes, big-endian) | PDF
//	reply:                 "AMPS" | status (1 byte) | payload length (4 bytes, big-endian) | payload
//
// Status 0 carries the Document as JSON; 1 an error ("code\nmessage") after
// which the worker goes on; 3 an error after which it exits.
const (
	requestMagic = "AMPQ"
	replyMagic   = "AMPS"
	maxRequest   = 1 << 30
	maxReply     = 1 << 30
	statusOK     = 0
	statusError  = 1
	statusReady  = 2
	statusFatal  = 3
	// maxUses bounds the PDFs one worker reads before it is replaced, so a
	// slow leak in PDFium cannot grow without end.
	maxUses = 500
	// idleTimeout is how long a worker may wait for the next PDF before it
	// is stopped, giving its memory back.
	idleTimeout = time.Minute
	// startTimeout bounds a worker's start: PDFium compiled anew (no cache)
	// takes seconds, tens of them on a loaded machine.
	startTimeout = 5 * time.Minute
)

// DefaultMemoryLimit is the memory (data segment) a PDF worker may use.
const DefaultMemoryLimit = 1 << 30

// ServeWorker is the PDF worker process's main loop: it starts PDFium, says
// so on w, then reads PDFs from r and writes what they hold to w until r
// ends (nil) or a request is malformed or PDFium fails in a way that may
// leave it broken (an error: the process should exit, and is replaced).
// opt.CacheDir is where PDFium's compiled code is kept; the other options
// are the parent's business. It never writes anything else to w.
func ServeWorker(r io.Reader, w io.Writer, opt Options) error {
	br := bufio.NewReader(r)
	bw := bufio.NewWriter(w)
	rd := &Reader{opt: Options{CacheDir: opt.CacheDir, Workers: 1}, unstoppable: true}
	defer rd.Close()
	pool, err := rd.start()
	if err != nil {
		childproc.WriteFrame(bw, replyMagic, statusFatal, childproc.EncodeError(err))
		return err
	}
	inst, err := pool.GetInstance(startTimeout)
	if err != nil {
		err = argmap.Errorf(argmap.EINTERNAL, "starting the PDF reader: %v", err)
		childproc.WriteFrame(bw, replyMagic, statusFatal, childproc.EncodeError(err))
		return err
	}
	if err := childproc.WriteFrame(bw, replyMagic, statusReady, nil); err != nil {
		return err
	}
	for {
		data, err := readRequest(br)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			childproc.WriteFrame(bw, replyMagic, statusFatal, []byte(argmap.EINVALID+"\nmalformed PDF request"))
			return err
		}
		doc, err, broken := readRecovered(inst, data)
		if err != nil {
			status := byte(statusError)
			if broken {
				status = statusFatal
			}
			if werr := childproc.WriteFrame(bw, replyMagic, status, childproc.EncodeError(err)); werr != nil {
				return werr
			}
			if broken {
				return err
			}
			continue
		}
		out, err := json.Marshal(doc)
		if err != nil {
			return err
		}
		if err := childproc.WriteFrame(bw, replyMagic, statusOK, out); err != nil {
			return err
		}
	}
}

// readRecovered reads one PDF in the worker; broken reports a panic, after
// which the instance is not trusted again.
func readRecovered(inst pdfium.Pdfium, data []byte) (doc *Document, err error, broken bool) {
	defer func() {
		if p := recover(); p != nil {
			doc, err, broken = nil, argmap.Errorf(argmap.EINVALID, "unreadable PDF: the reader failed on it"), true
		}
	}()
	doc, err = readPDF(context.Background(), inst, data)
	return doc, err, false
}

func readRequest(r *bufio.Reader) ([]byte, error) {
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err // io.EOF at a frame boundary: the parent is done
	}
	if string(head[:4]) != requestMagic {
		return nil, fmt.Errorf("bad request magic %q", head[:4])
	}
	size := binary.BigEndian.Uint32(head[4:])
	if size > maxRequest {
		return nil, fmt.Errorf("request of %d bytes is too large", size)
	}
	return childproc.ReadN(r, size)
}

func writeRequest(w io.Writer, data []byte) error {
	if len(data) > maxRequest {
		return argmap.Errorf(argmap.ETOOLARGE, "the PDF is %d bytes, more than the reader takes (%d)", len(data), maxRequest)
	}
	var head [8]byte
	copy(head[:], requestMagic)
	binary.BigEndian.PutUint32(head[4:], uint32(len(data)))
	if _, err := w.Write(head[:]); err != nil {
		return err
	}
	_, err := w.Write(data)
	return err
}

// errWorkerFatal marks an error after which the worker exits.
type errWorkerFatal struct{ err *argmap.Error }

func (e *errWorkerFatal) Error() string { return e.err.Error() }
func (e *errWorkerFatal) Unwrap() error { return e.err }

// readReply returns the status and payload of a reply that is not an error,
// or the worker's error (an *errWorkerFatal for status 3); any other error
// means the worker died or broke the protocol.
func readReply(r io.Reader) (byte, []byte, error) {
	status, payload, err := childproc.ReadFrame(r, replyMagic, maxReply)
	if err != nil {
		return 0, nil, err
	}
	switch status {
	case statusOK, statusReady:
		return status, payload, nil
	case statusError:
		return status, nil, childproc.DecodeError(payload)
	case statusFatal:
		return status, nil, &errWorkerFatal{childproc.DecodeError(payload)}
	}
	return 0, nil, fmt.Errorf("bad reply status %d", status)
}

// procPool runs up to Options.Workers PDF worker processes and keeps idle
// ones for the next PDF.
type procPool struct {
	opt Options
	sem chan struct{} // a token per PDF being read

	mu     sync.Mutex
	idle   []*proc
	live   map[*proc]bool
	closed bool
}

func newProcPool(opt Options) *procPool {
	return &procPool{opt: opt, sem: make(chan struct{}, opt.Workers), live: map[*proc]bool{}}
}

// proc is one running worker process, and the timer that stops it when it
// waits too long for work.
type proc struct {
	*childproc.Proc
	idle *time.Timer
}

// read reads one PDF in a worker. A worker that was idle and turns out to
// have died (killed by an operator or the kernel) before it answered is
// replaced and the PDF sent once more.
func (p *procPool) read(ctx context.Context, data []byte) (*Document, error) {
	for attempt := 0; ; attempt++ {
		doc, err, retry := p.readOnce(ctx, data)
		if !retry || attempt > 0 {
			return doc, err
		}
	}
}

func (p *procPool) readOnce(ctx context.Context, data []byte) (doc *Document, err error, retry bool) {
	select {
	case p.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled while waiting for a PDF reader: %w", ctx.Err()), false
	}
	defer func() { <-p.sem }()
	w := p.take()
	if w != nil && !w.Alive() {
		p.kill(w)
		w = nil
	}
	if w == nil {
		if w, err = p.start(ctx); err != nil {
			return nil, err, false
		}
	}
	reused := w.Uses > 0
	limit, cancel := context.WithTimeout(ctx, p.opt.Timeout)
	defer cancel()
	type result struct {
		payload []byte
		err     error
	}
	done := make(chan result, 1)
	go func() {
		if err := writeRequest(w.Stdin, data); err != nil {
			done <- result{err: err}
			return
		}
		_, payload, err := readReply(w.Stdout)
		done <- result{payload, err}
	}()
	var res result
	stopped := false
	select {
	case res = <-done:
	case <-limit.Done():
		p.kill(w)
		stopped = true
		if res = <-done; res.err == nil {
			break // read in full just as the time ran out
		}
		if ctx.Err() != nil {
			return nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled: %w", ctx.Err()), false
		}
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the PDF was not read within %s, the time allowed for one document: it is very long or damaged (PDFium was stopped); split it, or print it to a new PDF, and ingest that", p.opt.Timeout), false
	}
	w.Uses++
	var ae *argmap.Error
	var fe *errWorkerFatal
	switch {
	case res.err == nil:
		if !stopped {
			p.put(w)
		}
		doc := &Document{}
		if err := json.Unmarshal(res.payload, doc); err != nil {
			return nil, argmap.Errorf(argmap.EINTERNAL, "the PDF reader answered nonsense: %v", err), false
		}
		return doc, nil, false
	case errors.As(res.err, &fe):
		p.kill(w)
		return nil, fe.err, false
	case errors.As(res.err, &ae):
		p.put(w) // an ordinary error: the worker goes on
		return nil, res.err, false
	default:
		// The worker died or broke the protocol: kill it at once (it may
		// still be running), then tell why.
		p.kill(w)
		err := w.failure(res.err, p.opt.MemoryLimit)
		quiet := errors.Is(res.err, io.EOF) || errors.Is(res.err, io.ErrUnexpectedEOF) || errors.Is(res.err, syscall.EPIPE)
		// A reused worker that went quiet may have died while idle, SIGKILLed
		// by an operator or the kernel before it read this request: unless it
		// said it ran out of memory on this request, it is tried once more on
		// a fresh worker, which also tells a silent out-of-memory kill caused
		// by this request (it dies again, and its error stands) from one that
		// only happened to fall on an idle worker.
		return nil, err, reused && quiet && !w.Stderr.OutOfMemory()
	}
}

// take returns an idle worker, or nil.
func (p *procPool) take() *proc {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.idle)
	if n == 0 {
		return nil
	}
	w := p.idle[n-1]
	p.idle = p.idle[:n-1]
	w.idle.Stop()
	return w
}

// put keeps w for the next PDF, or stops it when it has read enough or the
// pool is closed.
func (p *procPool) put(w *proc) {
	p.mu.Lock()
	if p.closed || w.Uses >= maxUses {
		p.mu.Unlock()
		p.kill(w)
		return
	}
	p.idle = append(p.idle, w)
	w.idle = time.AfterFunc(idleTimeout, func() { p.expire(w) })
	p.mu.Unlock()
}

// expire stops w if it is still idle.
func (p *procPool) expire(w *proc) {
	p.mu.Lock()
	for i, x := range p.idle {
		if x == w {
			p.idle = append(p.idle[:i], p.idle[i+1:]...)
			p.mu.Unlock()
			p.kill(w)
			return
		}
	}
	p.mu.Unlock()
}

func (p *procPool) close() {
	p.mu.Lock()
	p.closed = true
	ws := make([]*proc, 0, len(p.live))
	for w := range p.live {
		ws = append(ws, w)
	}
	p.idle = nil
	p.mu.Unlock()
	for _, w := range ws {
		p.kill(w)
	}
}

// start starts a worker and waits until its PDFium is ready.
func (p *procPool) start(ctx context.Context) (*proc, error) {
	failed := func(err error) error {
		return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start the PDF reader", Err: err}
	}
	p.mu.Lock()
	if p.closed {
		p.mu.Unlock()
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "the PDF reader is closed")
	}
	cp, err := childproc.Start(p.opt.Worker, p.opt.Env, p.opt.MemoryLimit)
	if err != nil {
		p.mu.Unlock()
		return nil, failed(err)
	}
	w := &proc{Proc: cp}
	p.live[w] = true
	p.mu.Unlock()
	ready := make(chan error, 1)
	go func() {
		status, _, err := readReply(w.Stdout)
		if err == nil && status != statusReady {
			err = fmt.Errorf("the worker did not say it was ready (status %d)", status)
		}
		ready <- err
	}()
	t := time.NewTimer(startTimeout)
	defer t.Stop()
	select {
	case err := <-ready:
		if err != nil {
			p.kill(w)
			var fe *errWorkerFatal
			if errors.As(err, &fe) {
				return nil, failed(fe.err)
			}
			return nil, failed(fmt.Errorf("%w; stderr: %s", err, w.Stderr))
		}
		return w, nil
	case <-t.C:
		p.kill(w)
		<-ready
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "the PDF reader did not start within %s", startTimeout)
	case <-ctx.Done():
		p.kill(w)
		<-ready
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "reading the PDF cancelled while starting a PDF reader: %w", ctx.Err())
	}
}

// kill stops w and anything it started, and waits for it to be reaped.
func (p *procPool) kill(w *proc) {
	w.Kill()
	p.mu.Lock()
	delete(p.live, w)
	p.mu.Unlock()
}

// failure turns the death of w into an error: ETOOLARGE when it ran out of
// memory (it said so, or the kernel killed it), else EINVALID (PDFium died
// on this file). Its standard error is kept as the cause, never shown.
func (w *proc) failure(err error, limit int64) error {
	cause := fmt.Errorf("PDF worker failed: %w; stderr: %s", err, w.Stderr)
	if w.Stderr.OutOfMemory() || w.DiedOfSIGKILL() {
		return &argmap.Error{Code: argmap.ETOOLARGE, Err: cause,
			Message: fmt.Sprintf("the PDF needs more memory to read than one document may use (%d MiB): it is very large or damaged; split it, or print it to a new PDF, and ingest that", limit>>20)}
	}
	return &argmap.Error{Code: argmap.EINVALID, Message: "unreadable PDF: the reader failed on it", Err: cause}
}
