package render

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/childproc"
)

// The worker protocol. A worker is long-lived: starting one costs the
// instantiation of Graphviz's WebAssembly module (about 60 ms with wazero's
// compilation cache warm, 1.4 s cold), against a few milliseconds for a small
// render, so a worker serves many requests one after another and is killed
// and replaced only when it overruns, crashes or reports a fatal error.
//
//	request: "AMRQ" | format length (1 byte) | format | DOT length (4 bytes, big-endian) | DOT
//	reply:   "AMRS" | status (1 byte) | payload length (4 bytes, big-endian) | payload
//
// Status 0 carries the picture; 1 an error ("code\nmessage") after which the
// worker goes on; 2 an error after which the worker exits.
const (
	requestMagic = "AMRQ"
	replyMagic   = "AMRS"
	maxRequest   = 64 << 20
	maxReply     = 256 << 20
	maxUses      = 1000 // renders before a worker is replaced, bounding slow leaks
	statusOK     = 0
	statusError  = 1
	statusFatal  = 2
)

// ServeWorker is the worker process's main loop: it reads requests from r,
// lays each out with lay and writes replies to w until r ends (nil) or a request is malformed or Graphviz
// fails in a way that may leave it broken (an error: the process should exit
// and will be replaced). It never writes anything else to w.
func ServeWorker(r io.Reader, w io.Writer, lay Layouter) error {
	br := bufio.NewReader(r)
	bw := bufio.NewWriter(w)
	for {
		format, dot, err := readRequest(br)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			childproc.WriteFrame(bw, replyMagic, statusFatal, []byte(argmap.EINVALID+"\n"+"malformed render request"))
			return err
		}
		out, err := serveOne(lay, format, dot)
		if err != nil {
			status := byte(statusError)
			var f *fatalError
			if errors.As(err, &f) {
				status = statusFatal
			}
			if werr := childproc.WriteFrame(bw, replyMagic, status, childproc.EncodeError(err)); werr != nil {
				return werr
			}
			if status == statusFatal {
				return err
			}
			continue
		}
		if err := childproc.WriteFrame(bw, replyMagic, statusOK, out); err != nil {
			return err
		}
	}
}

// serveOne renders one request in the worker and checks the result there too,
// so that a worker whose Graphviz went bad is noticed and replaced.
func serveOne(lay Layouter, format argmap.RenderFormat, dot []byte) ([]byte, error) {
	out, err := produce(context.Background(), lay, format, dot)
	if err != nil {
		return nil, err
	}
	// SVG comes from Graphviz and is checked here as well, to catch a
	// Graphviz gone bad; a PNG is drawn by this package from a layout that
	// already parsed, and the parent checks its structure (checkPNG).
	if format == argmap.FormatSVG {
		if err := checkOutput(format, out); err != nil {
			return nil, fatal(err)
		}
	}
	return out, nil
}

func readRequest(r *bufio.Reader) (argmap.RenderFormat, []byte, error) {
	var head [5]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		if err == io.ErrUnexpectedEOF {
			return "", nil, err
		}
		return "", nil, err // io.EOF at a frame boundary: the parent is done
	}
	if string(head[:4]) != requestMagic {
		return "", nil, fmt.Errorf("bad request magic %q", head[:4])
	}
	format := make([]byte, head[4])
	if _, err := io.ReadFull(r, format); err != nil {
		return "", nil, noEOF(err)
	}
	var n [4]byte
	if _, err := io.ReadFull(r, n[:]); err != nil {
		return "", nil, noEOF(err)
	}
	size := binary.BigEndian.Uint32(n[:])
	if size > maxRequest {
		return "", nil, fmt.Errorf("request of %d bytes is too large", size)
	}
	dot, err := childproc.ReadN(r, size)
	if err != nil {
		return "", nil, err
	}
	return argmap.RenderFormat(format), dot, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func writeRequest(w io.Writer, format argmap.RenderFormat, dot []byte) error {
	if len(format) > 255 || len(dot) > maxRequest {
		return argmap.Errorf(argmap.ETOOLARGE, "the map is too large to render")
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(requestMagic)
	bw.WriteByte(byte(len(format)))
	bw.WriteString(string(format))
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(dot)))
	bw.Write(n[:])
	bw.Write(dot)
	return bw.Flush()
}

// readReply returns the picture of a status 0 reply, or the worker's error
// for others (a *fatalError for status 2).
func readReply(r io.Reader) ([]byte, error) {
	status, payload, err := childproc.ReadFrame(r, replyMagic, maxReply)
	if err != nil {
		return nil, err
	}
	switch status {
	case statusOK:
		return payload, nil
	case statusError:
		return nil, childproc.DecodeError(payload)
	case statusFatal:
		return nil, fatal(childproc.DecodeError(payload))
	}
	return nil, fmt.Errorf("bad reply status %d", status)
}

// pool runs up to n worker processes. A slot holds an idle worker, or nil
// when its worker must be started.
type pool struct {
	opt   Options
	slots chan *worker

	mu     sync.Mutex
	closed bool
	live   map[*worker]bool

	waiting atomic.Int64 // renders waiting for a worker
}

// errBusy is the message of a render refused because every worker is busy.
const errBusy = "every renderer is busy: try again in a few seconds"

// acquire takes a slot, waiting at most QueueTimeout, and refuses at once
// when MaxQueue renders are already waiting.
func (p *pool) acquire(ctx context.Context) (*worker, error) {
	select {
	case w := <-p.slots:
		return w, nil
	default:
	}
	if p.waiting.Add(1) > int64(p.opt.MaxQueue) {
		p.waiting.Add(-1)
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, errBusy)
	}
	defer p.waiting.Add(-1)
	t := time.NewTimer(p.opt.QueueTimeout)
	defer t.Stop()
	select {
	case w := <-p.slots:
		return w, nil
	case <-t.C:
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, errBusy)
	case <-ctx.Done():
		return nil, unavailable(ctx, errBusy)
	}
}

func newPool(opt Options) *pool {
	p := &pool{opt: opt, slots: make(chan *worker, opt.Workers), live: map[*worker]bool{}}
	for range opt.Workers {
		p.slots <- nil
	}
	return p
}

// worker is one running worker process.
type worker = childproc.Proc

func (p *pool) close() {
	p.mu.Lock()
	p.closed = true
	ws := make([]*worker, 0, len(p.live))
	for w := range p.live {
		ws = append(ws, w)
	}
	p.mu.Unlock()
	for _, w := range ws {
		p.kill(w)
	}
}

func (p *pool) start() (*worker, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "the renderer is closed")
	}
	w, err := childproc.Start(p.opt.Worker, p.opt.Env, p.opt.MemoryLimit)
	if err != nil {
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start a renderer", Err: err}
	}
	p.live[w] = true
	return w, nil
}

// kill stops w and anything it started, and waits for it to be reaped.
func (p *pool) kill(w *worker) {
	w.Kill()
	p.mu.Lock()
	delete(p.live, w)
	p.mu.Unlock()
}

// render sends one request to a worker and waits for the reply, the worker's
// death, or the end of ctx, whichever comes first. A worker found dead when
// it is taken from the pool is replaced; a reused worker that dies before it
// answers anything (it may have been dying already) is replaced and the
// request sent once more, so that a worker lost while idle never costs a
// request its answer.
func (p *pool) render(ctx context.Context, format argmap.RenderFormat, dot []byte) ([]byte, error) {
	for attempt := 0; ; attempt++ {
		out, err, retry := p.renderOnce(ctx, format, dot)
		if !retry || attempt > 0 {
			return out, err
		}
	}
}

func (p *pool) renderOnce(ctx context.Context, format argmap.RenderFormat, dot []byte) (out []byte, err error, retry bool) {
	w, err := p.acquire(ctx)
	if err != nil {
		return nil, err, false
	}
	ctx, cancel := context.WithTimeout(ctx, p.opt.Timeout)
	defer cancel()
	if w != nil && !w.Alive() {
		p.kill(w)
		w = nil
	}
	if w == nil {
		var err error
		if w, err = p.start(); err != nil {
			p.slots <- nil
			return nil, err, false
		}
	}
	reused := w.Uses > 0
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		if err := writeRequest(w.Stdin, format, dot); err != nil {
			done <- result{err: err}
			return
		}
		out, err := readReply(w.Stdout)
		done <- result{out, err}
	}()
	select {
	case res := <-done:
		w.Uses++
		var ae *argmap.Error
		var fe *fatalError
		switch {
		case res.err == nil || (errors.As(res.err, &ae) && !errors.As(res.err, &fe)):
			// A picture, or an ordinary error: the worker stays.
			if w.Uses >= maxUses {
				p.kill(w)
				w = nil
			}
			p.slots <- w
			return res.out, res.err, false
		case errors.As(res.err, &fe):
			p.kill(w)
			p.slots <- nil
			return nil, res.err, false
		default:
			// The worker died or broke the protocol: kill it at once (it may
			// still be running, talking nonsense), then tell why.
			p.kill(w)
			p.slots <- nil
			err := failure(w, res.err)
			quiet := errors.Is(res.err, io.EOF) || errors.Is(res.err, io.ErrUnexpectedEOF) || errors.Is(res.err, syscall.EPIPE)
			// A reused worker that went quiet may have died while idle, SIGKILLed
			// by an operator or the kernel before it read this request: unless it
			// said it ran out of memory on this request, it is tried once more on
			// a fresh worker, which also tells a silent out-of-memory kill caused
			// by this request (it dies again, and its error stands) from one that
			// only happened to fall on an idle worker.
			return nil, err, reused && quiet && !w.Stderr.OutOfMemory()
		}
	case <-ctx.Done():
		p.kill(w)
		<-done
		p.slots <- nil
		return nil, unavailable(ctx, "rendering took too long"), false
	}
}

// errOutOfMemory is the message of a render that needed more memory than a
// worker may use.
const errOutOfMemory = "the map is too large to render in the memory allowed; draw a smaller neighbourhood"

// failure turns the death of w into an error: ETOOLARGE when it ran out of
// memory (it said so, or the kernel killed it), EINTERNAL otherwise. Its
// standard error is kept as the cause, never shown to users.
func failure(w *worker, err error) error {
	cause := fmt.Errorf("worker failed: %w; stderr: %s", err, w.Stderr.String())
	if w.Stderr.OutOfMemory() || w.DiedOfSIGKILL() {
		return &argmap.Error{Code: argmap.ETOOLARGE, Message: errOutOfMemory, Err: cause}
	}
	return &argmap.Error{Code: argmap.EINTERNAL, Message: "the renderer failed", Err: cause}
}
