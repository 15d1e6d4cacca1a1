package childproc

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"
)

// Proc is one running helper process, spoken to over its standard input and
// output. Its standard error goes to Stderr, kept to tell why it died.
type Proc struct {
	Stdin  *os.File
	Stdout *bufio.Reader
	Stderr *Tail
	// Uses counts the requests the caller has sent it; the caller keeps it.
	Uses int

	cmd    *exec.Cmd
	rout   *os.File
	exited chan struct{} // closed when the process has been reaped
	killed atomic.Bool   // Kill was called while it ran (not the kernel, not itself)
}

// Start starts argv with env added to this process's environment, guarded as
// the package says: its own process group, a lower priority, its memory
// capped at limit bytes, and GOMEMLIMIT at half of that unless the
// environment sets one, so that a Go helper collects before the hard limit
// stops it. A helper that starts but cannot be guarded is killed.
func Start(argv, env []string, limit int64) (*Proc, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	if os.Getenv("GOMEMLIMIT") == "" {
		cmd.Env = append(cmd.Env, "GOMEMLIMIT="+strconv.FormatInt(limit/2, 10))
	}
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, err
	}
	p := &Proc{cmd: cmd, Stdin: inW, rout: outR, Stdout: bufio.NewReaderSize(outR, 64<<10), Stderr: &Tail{}, exited: make(chan struct{})}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, p.Stderr
	cmd.SysProcAttr = Attr()
	// Wait returns this long after the helper exits even when something it
	// started still holds its standard error open.
	cmd.WaitDelay = time.Second
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, err
	}
	go func() {
		cmd.Wait()
		close(p.exited)
	}()
	// A helper that has already exited (and been reaped) has nothing left
	// to guard: ESRCH. It is returned as started; its caller finds it dead
	// at its first request, as it would a helper that died a moment later.
	if err := Lower(cmd.Process.Pid); err != nil && !errors.Is(err, syscall.ESRCH) {
		p.Kill()
		return nil, fmt.Errorf("lowering its priority: %w", err)
	}
	if err := LimitMemory(cmd.Process.Pid, limit); err != nil && !errors.Is(err, syscall.ESRCH) {
		p.Kill()
		return nil, fmt.Errorf("limiting its memory: %w", err)
	}
	return p, nil
}

// Pid is the process's ID.
func (p *Proc) Pid() int { return p.cmd.Process.Pid }

// Alive reports whether the process is still running: a helper can die while
// idle (killed by an operator or the kernel), and must then be replaced
// before it is given a request.
func (p *Proc) Alive() bool {
	select {
	case <-p.exited:
		return false
	default:
		return true
	}
}

// DiedOfSIGKILL reports whether the process ended killed by a SIGKILL that
// Kill did not send: on Linux, the out-of-memory killer.
func (p *Proc) DiedOfSIGKILL() bool {
	if p.Alive() || p.killed.Load() || p.cmd.ProcessState == nil {
		return false
	}
	ws, ok := p.cmd.ProcessState.Sys().(syscall.WaitStatus)
	return ok && KilledBySignal(ws)
}

// Kill stops the process and anything it started, waits for it to be reaped
// and closes the pipes.
func (p *Proc) Kill() {
	if p.Alive() {
		p.killed.Store(true)
	}
	KillGroup(p.cmd.Process.Pid)
	p.cmd.Process.Kill()
	<-p.exited
	p.Stdin.Close()
	p.rout.Close()
}
