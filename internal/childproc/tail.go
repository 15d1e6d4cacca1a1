package childproc

import (
	"strings"
	"sync"
)

// Tail keeps the first and the last few kilobytes a helper process wrote to
// standard error, and notes whether it ever said it ran out of memory, to
// tell why it died. A Go program that runs out of memory says so first and
// then dumps every goroutine: the cause lies far from the end. Write it the
// process's standard error; it is safe for concurrent use.
type Tail struct {
	mu   sync.Mutex
	head []byte
	buf  []byte
	oom  bool
	edge []byte // the end of the previous write, for a marker split across writes
}

// tailSize is how much of the start and of the end a Tail keeps.
const tailSize = 4 << 10

// oomMarkers are what the Go runtime, the C library, wazero and the race
// detector's runtime write when memory runs out (under a data-segment
// limit a thread's stack cannot be mapped either: pthread_create fails).
var oomMarkers = []string{"out of memory", "cannot allocate memory", "failed to reserve", "failed to allocate", "memory.grow", "pthread_create failed"}

// IsOutOfMemory reports whether msg says memory ran out.
func IsOutOfMemory(msg string) bool {
	msg = strings.ToLower(msg)
	for _, m := range oomMarkers {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

func (t *Tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if n := tailSize - len(t.head); n > 0 {
		t.head = append(t.head, b[:min(n, len(b))]...)
	}
	if !t.oom {
		window := append(append([]byte(nil), t.edge...), b...)
		t.oom = IsOutOfMemory(string(window))
		t.edge = append(t.edge[:0], window[max(0, len(window)-32):]...)
	}
	t.buf = append(t.buf, b...)
	if len(t.buf) > tailSize {
		t.buf = append([]byte(nil), t.buf[len(t.buf)-tailSize:]...)
	}
	return len(b), nil
}

// String returns what was kept: all of it when it was short, else its
// start and its end.
func (t *Tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.head) < tailSize || len(t.buf) < tailSize {
		return string(t.buf)
	}
	return string(t.head) + "\n[...]\n" + string(t.buf)
}

// OutOfMemory reports whether the process said it ran out of memory.
func (t *Tail) OutOfMemory() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.oom
}
