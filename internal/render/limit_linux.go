package render

import "golang.org/x/sys/unix"

// limitMemory caps the address space of process pid at limit bytes. A Go
// program reserves some hundreds of megabytes of address space at start, so
// limits below about 600 MB stop it from working at all.
func limitMemory(pid int, limit int64) error {
	l := &unix.Rlimit{Cur: uint64(limit), Max: uint64(limit)}
	return unix.Prlimit(pid, unix.RLIMIT_AS, l, nil)
}
