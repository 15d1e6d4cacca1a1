package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/childproc"
)

// renderDot lays dot out with the native Graphviz program opt.Dot, one
// process per map, under the guards of the worker processes: a slot of the
// pool (at most Workers at once, the queue bounded), Timeout, the memory
// limit, a process group killed whole, and the output checked. A native dot
// starts in a few milliseconds, so nothing is kept running between maps. A
// PNG is drawn in this process from dot's json layout.
func (p *pool) renderDot(ctx context.Context, format argmap.RenderFormat, dot []byte) ([]byte, error) {
	gvFormat, err := layoutFormat(format)
	if err != nil {
		return nil, err
	}
	if _, err := p.acquire(ctx); err != nil {
		return nil, err
	}
	defer func() { p.slots <- nil }()
	ctx, cancel := context.WithTimeout(ctx, p.opt.Timeout)
	defer cancel()

	p.mu.Lock()
	closed := p.closed
	p.mu.Unlock()
	if closed {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "the renderer is closed")
	}

	// dot reads the map from a pipe written only once its priority and
	// memory limit are set: it cannot finish (nor allocate much) before.
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start Graphviz (dot)", Err: err}
	}
	defer inW.Close()
	cmd := exec.Command(p.opt.Dot, "-T"+gvFormat)
	cmd.Env = append(os.Environ(), p.opt.Env...)
	cmd.Stdin = inR
	out := &capped{max: maxReply}
	stderr := &childproc.Tail{}
	cmd.Stdout, cmd.Stderr = out, stderr
	cmd.SysProcAttr = childproc.Attr()
	cmd.WaitDelay = time.Second
	err = cmd.Start()
	inR.Close()
	if err != nil {
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start Graphviz (dot)", Err: err}
	}
	pid := cmd.Process.Pid
	if err := childproc.Lower(pid); err != nil {
		childproc.KillGroup(pid)
		cmd.Wait()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot start Graphviz (dot)", Err: err}
	}
	if err := childproc.LimitMemory(pid, p.opt.MemoryLimit); err != nil {
		childproc.KillGroup(pid)
		cmd.Wait()
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "cannot limit Graphviz's memory", Err: err}
	}
	go func() {
		// A dot that dies early leaves the write failing (EPIPE): its exit
		// status tells why.
		inW.Write(dot)
		inW.Close()
	}()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err = <-done:
	case <-ctx.Done():
		childproc.KillGroup(pid)
		cmd.Process.Kill()
		<-done
		return nil, unavailable(ctx, "rendering took too long")
	}
	if err != nil || out.over {
		cause := fmt.Errorf("dot: %v; stderr: %s", err, stderr.String())
		var ee *exec.ExitError
		if stderr.OutOfMemory() || (errors.As(err, &ee) && sigkilled(ee)) {
			return nil, &argmap.Error{Code: argmap.ETOOLARGE, Message: errOutOfMemory, Err: cause}
		}
		if out.over {
			return nil, &argmap.Error{Code: argmap.ETOOLARGE, Message: "the map is too large to render", Err: cause}
		}
		return nil, argmap.WrapInternal(cause, "Graphviz failed to lay out the map")
	}
	res, err := finish(format, out.buf.Bytes())
	if err != nil {
		var f *fatalError
		if errors.As(err, &f) {
			return nil, f.err
		}
		return nil, err
	}
	return res, nil
}

// sigkilled reports whether a process ended killed by SIGKILL (here: by the
// kernel, out of memory).
func sigkilled(ee *exec.ExitError) bool {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	return ok && childproc.KilledBySignal(ws)
}

// capped keeps what is written to it up to max bytes and notes when more
// came.
type capped struct {
	buf  bytes.Buffer
	max  int
	over bool
}

func (c *capped) Write(b []byte) (int, error) {
	if c.buf.Len()+len(b) > c.max {
		c.over = true
		return 0, errors.New("output too large")
	}
	return c.buf.Write(b)
}
