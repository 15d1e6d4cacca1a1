//go:build !linux

package render

// limitMemory does nothing outside Linux: the worker's memory is bounded only
// by GOMEMLIMIT (a soft limit) there.
func limitMemory(pid int, limit int64) error { return nil }
