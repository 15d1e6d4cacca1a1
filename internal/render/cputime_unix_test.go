//go:build unix

package render_test

import (
	"syscall"
	"time"
)

// cpuWithChildren returns the CPU time (user and system) of this process
// and of the child processes it has waited for: a native dot run to its
// end, a worker once its Renderer is closed.
func cpuWithChildren() time.Duration {
	var self, children syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &self) != nil || syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children) != nil {
		return 0
	}
	return time.Duration(self.Utime.Nano() + self.Stime.Nano() + children.Utime.Nano() + children.Stime.Nano())
}
