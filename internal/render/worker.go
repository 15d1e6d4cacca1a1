package render

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
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
			reply(bw, statusFatal, []byte(argmap.EINVALID+"\n"+"malformed render request"))
			return err
		}
		out, err := serveOne(lay, format, dot)
		if err != nil {
			status := byte(statusError)
			var f *fatalError
			if errors.As(err, &f) {
				status = statusFatal
			}
			if werr := reply(bw, status, []byte(argmap.ErrorCode(err)+"\n"+argmap.ErrorMessage(err))); werr != nil {
				return werr
			}
			if status == statusFatal {
				return err
			}
			continue
		}
		if err := reply(bw, statusOK, out); err != nil {
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
	dot, err := readN(r, size)
	if err != nil {
		return "", nil, err
	}
	return argmap.RenderFormat(format), dot, nil
}

// readN reads exactly n bytes of r, growing its buffer as the bytes come
// rather than trusting a length read from the peer with one allocation.
func readN(r io.Reader, n uint32) ([]byte, error) {
	var buf bytes.Buffer
	got, err := buf.ReadFrom(io.LimitReader(r, int64(n)))
	if err != nil {
		return nil, err
	}
	if got < int64(n) {
		return nil, io.ErrUnexpectedEOF
	}
	return buf.Bytes(), nil
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

func reply(w *bufio.Writer, status byte, payload []byte) error {
	w.WriteString(replyMagic)
	w.WriteByte(status)
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(payload)))
	w.Write(n[:])
	w.Write(payload)
	return w.Flush()
}

// readReply returns the picture of a status 0 reply, or the worker's error
// for others (a *fatalError for status 2).
func readReply(r io.Reader) ([]byte, error) {
	var head [9]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return nil, err
	}
	if string(head[:4]) != replyMagic {
		return nil, fmt.Errorf("bad reply magic %q", head[:4])
	}
	size := binary.BigEndian.Uint32(head[5:])
	if size > maxReply {
		return nil, fmt.Errorf("reply of %d bytes is too large", size)
	}
	payload, err := readN(r, size)
	if err != nil {
		return nil, err
	}
	switch head[4] {
	case statusOK:
		return payload, nil
	case statusError, statusFatal:
		code, msg, _ := strings.Cut(string(payload), "\n")
		switch code {
		case argmap.EINVALID, argmap.ETOOLARGE, argmap.EUNSUPPORTED, argmap.EUNAVAILABLE, argmap.EINTERNAL:
		default:
			code = argmap.EINTERNAL
		}
		e := &argmap.Error{Code: code, Message: msg}
		if head[4] == statusFatal {
			return nil, fatal(e)
		}
		return nil, e
	}
	return nil, fmt.Errorf("bad reply status %d", head[4])
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
type worker struct {
	cmd    *exec.Cmd
	stdin  *os.File
	stdout *bufio.Reader
	rout   *os.File
	stderr *childproc.Tail
	uses   int
	exited chan struct{} // closed when the process has been reaped
	killed atomic.Bool   // this package killed it (not the kernel, not itself)
}

// alive reports whether w's process is still running: a worker can die while
// idle (killed by an operator or the kernel), and must then be replaced
// before it is given a request.
func (w *worker) alive() bool {
	select {
	case <-w.exited:
		return false
	default:
		return true
	}
}

// diedOfSIGKILL reports whether w ended killed by SIGKILL that this package
// did not send: on Linux, the out-of-memory killer.
func (w *worker) diedOfSIGKILL() bool {
	if w.alive() || w.killed.Load() || w.cmd.ProcessState == nil {
		return false
	}
	ws, ok := w.cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && childproc.KilledBySignal(ws)
}

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
	cmd := exec.Command(p.opt.Worker[0], p.opt.Worker[1:]...)
	cmd.Env = append(os.Environ(), p.opt.Env...)
	if os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit below the hard one makes the Go heap collect before
		// the address-space limit kills the process.
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+strconv.FormatInt(p.opt.MemoryLimit/2, 10))
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start a renderer", Err: err}
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start a renderer", Err: err}
	}
	w := &worker{cmd: cmd, stdin: inW, rout: outR, stdout: bufio.NewReaderSize(outR, 64<<10), stderr: &childproc.Tail{}, exited: make(chan struct{})}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, w.stderr
	cmd.SysProcAttr = childproc.Attr()
	// Wait returns this long after the worker exits even when something it
	// started still holds its standard error open.
	cmd.WaitDelay = time.Second
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start a renderer", Err: err}
	}
	if err := childproc.Lower(cmd.Process.Pid); err != nil {
		childproc.KillGroup(cmd.Process.Pid)
		cmd.Process.Kill()
		cmd.Wait()
		inW.Close()
		outR.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start a renderer", Err: err}
	}
	if err := childproc.LimitMemory(cmd.Process.Pid, p.opt.MemoryLimit); err != nil {
		childproc.KillGroup(cmd.Process.Pid)
		cmd.Process.Kill()
		cmd.Wait()
		inW.Close()
		outR.Close()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot limit a renderer's memory", Err: err}
	}
	go func() {
		cmd.Wait()
		close(w.exited)
	}()
	p.live[w] = true
	return w, nil
}

// kill stops w and anything it started, and waits for it to be reaped.
func (p *pool) kill(w *worker) {
	if w.alive() {
		w.killed.Store(true)
	}
	childproc.KillGroup(w.cmd.Process.Pid)
	w.cmd.Process.Kill()
	<-w.exited
	w.stdin.Close()
	w.rout.Close()
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
	if w != nil && !w.alive() {
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
	reused := w.uses > 0
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		if err := writeRequest(w.stdin, format, dot); err != nil {
			done <- result{err: err}
			return
		}
		out, err := readReply(w.stdout)
		done <- result{out, err}
	}()
	select {
	case res := <-done:
		w.uses++
		var ae *argmap.Error
		var fe *fatalError
		switch {
		case res.err == nil || (errors.As(res.err, &ae) && !errors.As(res.err, &fe)):
			// A picture, or an ordinary error: the worker stays.
			if w.uses >= maxUses {
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
			err := w.failure(res.err)
			quiet := errors.Is(res.err, io.EOF) || errors.Is(res.err, io.ErrUnexpectedEOF) || errors.Is(res.err, syscall.EPIPE)
			return nil, err, reused && quiet && argmap.ErrorCode(err) == argmap.EINTERNAL
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
func (w *worker) failure(err error) error {
	s := w.stderr.String()
	cause := fmt.Errorf("worker failed: %w; stderr: %s", err, s)
	if w.stderr.OutOfMemory() || w.diedOfSIGKILL() {
		return &argmap.Error{Code: argmap.ETOOLARGE, Message: errOutOfMemory, Err: cause}
	}
	return &argmap.Error{Code: argmap.EINTERNAL, Message: "the renderer failed", Err: cause}
}
