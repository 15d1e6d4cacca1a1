//go:build !linux

package childproc

import "syscall"

// LimitMemory does nothing outside Linux: the process's memory is bounded
// only by GOMEMLIMIT (a soft limit) there.
func LimitMemory(pid int, limit int64) error { return nil }

// Lower does nothing outside Linux.
func Lower(pid int) error { return nil }

// Attr returns nil outside Linux: the process shares the parent's group.
func Attr() *syscall.SysProcAttr { return nil }

// KillGroup does nothing outside Linux; the process itself is killed.
func KillGroup(pid int) {}

// KilledBySignal is false outside Linux.
func KilledBySignal(ws syscall.WaitStatus) bool { return false }
