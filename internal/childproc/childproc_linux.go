package childproc

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// LimitMemory caps the memory process pid may use at limit bytes: its data
// segment (RLIMIT_DATA: since Linux 4.7 every private writable mapping, so
// the Go heap and the WebAssembly memory of a module it runs). The address
// space is not capped to the same figure: a Go program reserves more than a
// gigabyte of address space it never touches (an idle render worker had 1.67
// GiB mapped, 134 MiB of it writable), so an address-space cap of 2 GiB left
// a worker about 300 MiB to work in. The address space gets a generous
// backstop only.
func LimitMemory(pid int, limit int64) error {
	l := &unix.Rlimit{Cur: uint64(limit), Max: uint64(limit)}
	if err := unix.Prlimit(pid, unix.RLIMIT_DATA, l, nil); err != nil {
		return err
	}
	as := uint64(limit) + addressSlack
	return unix.Prlimit(pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: as, Max: as}, nil)
}

// addressSlack is the address space a process may reserve beyond its memory
// limit without using it.
const addressSlack = 6 << 30

// nice is the scheduling priority of helper processes: below the server's,
// so that a burst of work on a small machine does not starve the API.
const nice = 10

// Lower lowers the priority of process pid.
func Lower(pid int) error {
	return unix.Setpriority(unix.PRIO_PROCESS, pid, nice)
}

// Attr starts a process in its own process group, so that killing the group
// also kills anything it started, and has the kernel kill it when the thread
// that started it ends (argmap killed outright, with no chance to kill its
// helpers: a helper busy in a loop would not notice its input close). The Go
// runtime ends a thread only when a goroutine locked to it exits, which
// argmap's code that starts helpers never does.
func Attr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}

// KillGroup kills the process group led by pid.
func KillGroup(pid int) { _ = syscall.Kill(-pid, syscall.SIGKILL) }

// KilledBySignal reports whether a process that ended with status ws was
// killed by SIGKILL (by its parent, or by the kernel's out-of-memory killer).
func KilledBySignal(ws syscall.WaitStatus) bool {
	return ws.Signaled() && ws.Signal() == syscall.SIGKILL
}
