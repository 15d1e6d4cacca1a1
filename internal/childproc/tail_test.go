package childproc_test

import (
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/childproc"
)

func TestTail(t *testing.T) {
	long := strings.Repeat("goroutine 7 [running]:\n", 1000) // far past the kept size
	tests := []struct {
		name   string
		writes []string
		oom    bool
		has    []string // in String()
		hasNot []string
	}{
		{"short", []string{"panic: boom\n"}, false, []string{"panic: boom"}, nil},
		{"runtime out of memory first, dump after", []string{"fatal error: runtime: out of memory\n", long, "end of dump\n"}, true,
			[]string{"fatal error: runtime: out of memory", "[...]", "end of dump"}, nil},
		{"marker split across writes", []string{"cannot allo", "cate memory"}, true, nil, nil},
		{"marker in capitals", []string{"ThreadSanitizer: Failed to allocate 0x1000 bytes\n"}, true, nil, nil},
		{"wasm memory.grow", []string{"wasm error: memory.grow failed\n"}, true, nil, nil},
		{"no marker in a long dump", []string{long, "exit status 2\n"}, false, []string{"exit status 2"}, []string{"out of memory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var tl childproc.Tail
			for _, w := range tt.writes {
				if n, err := tl.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if got := tl.OutOfMemory(); got != tt.oom {
				t.Errorf("OutOfMemory() = %v, want %v", got, tt.oom)
			}
			s := tl.String()
			if len(s) > 9<<10 {
				t.Errorf("String() keeps %d bytes, want at most the start and the end", len(s))
			}
			for _, h := range tt.has {
				if !strings.Contains(s, h) {
					t.Errorf("String() lacks %q", h)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(s, h) {
					t.Errorf("String() has %q", h)
				}
			}
		})
	}
}
