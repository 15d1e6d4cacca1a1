package render

import (
	"syscall"

	"golang.org/x/sys/unix"
)

// limitMemory caps the memory process pid may use at limit bytes: its data
// segment (RLIMIT_DATA: since Linux 4.7 every private writable mapping, so
// the Go heap and the WebAssembly memory of Graphviz). The address space is
// not capped to the same figure: a Go program reserves more than a gigabyte
// of address space it never touches (an idle worker had 1.67 GiB mapped, 134
// MiB of it writable), so an address-space cap of 2 GiB left a worker about
// 300 MiB to work in. The address space gets a generous backstop only.
func limitMemory(pid int, limit int64) error {
	l := &unix.Rlimit{Cur: uint64(limit), Max: uint64(limit)}
	if err := unix.Prlimit(pid, unix.RLIMIT_DATA, l, nil); err != nil {
		return err
	}
	as := uint64(limit) + addressSlack
	return unix.Prlimit(pid, unix.RLIMIT_AS, &unix.Rlimit{Cur: as, Max: as}, nil)
}

// addressSlack is the address space a worker may reserve beyond its memory
// limit without using it.
const addressSlack = 6 << 30

// workerNice is the scheduling priority of workers: below the server's, so
// that a burst of renders on a small machine does not starve the API.
const workerNice = 10

// prepareWorker lowers the priority of process pid.
func prepareWorker(pid int) error {
	return unix.Setpriority(unix.PRIO_PROCESS, pid, workerNice)
}

// procAttr starts a worker in its own process group, so that killing the
// group also kills anything the worker started.
func procAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

// killGroup kills the process group led by pid.
func killGroup(pid int) { _ = syscall.Kill(-pid, syscall.SIGKILL) }

// killedBySignal reports whether a process that ended with status ws was
// killed by SIGKILL (by this package or by the kernel's out-of-memory killer).
func killedBySignal(ws syscall.WaitStatus) bool {
	return ws.Signaled() && ws.Signal() == syscall.SIGKILL
}
