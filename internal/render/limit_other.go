//go:build !linux

package render

import "syscall"

// limitMemory does nothing outside Linux: the worker's memory is bounded only
// by GOMEMLIMIT (a soft limit) there.
func limitMemory(pid int, limit int64) error { return nil }

// prepareWorker does nothing outside Linux.
func prepareWorker(pid int) error { return nil }

// procAttr returns nil outside Linux: workers share the parent's group.
func procAttr() *syscall.SysProcAttr { return nil }

// killGroup does nothing outside Linux; the worker itself is killed.
func killGroup(pid int) {}

// killedBySignal is false outside Linux.
func killedBySignal(ws syscall.WaitStatus) bool { return false }
