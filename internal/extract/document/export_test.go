package document

// WorkerPIDs returns the process IDs of r's running PDF workers, for tests
// that kill one as an operator or the kernel might.
func WorkerPIDs(r *Reader) []int {
	if r.procs == nil {
		return nil
	}
	r.procs.mu.Lock()
	defer r.procs.mu.Unlock()
	var pids []int
	for w := range r.procs.live {
		pids = append(pids, w.Pid())
	}
	return pids
}
