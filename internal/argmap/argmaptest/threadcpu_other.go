//go:build !linux

package argmaptest

import "time"

// threadCPU is not read on this system: the benchmarks report wall
// percentiles only.
func threadCPU() (time.Duration, bool) { return 0, false }
