//go:build !unix

package render_test

import "time"

// cpuWithChildren is not read on this system (cpu_ms/op is not reported).
func cpuWithChildren() time.Duration { return 0 }
