package swar_test

import (
	"math/rand/v2"
	"testing"

	"github.com/argmap/argmap/internal/extract/swar"
)

// TestMarks checks Load, Eq and In against a byte-by-byte reading of random
// ASCII words and of every ASCII byte in every place, for every byte c and
// range a..b below 0x80.
func TestMarks(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	var texts []string
	for c := 0; c < 0x80; c++ {
		for k := 0; k < 8; k++ {
			b := []byte("ABCDEFGH")
			b[k] = byte(c)
			texts = append(texts, string(b))
		}
	}
	for n := 0; n < 2000; n++ {
		b := make([]byte, 8)
		for k := range b {
			b[k] = byte(r.IntN(0x80))
		}
		texts = append(texts, string(b))
	}
	mark := func(s string, f func(byte) bool) uint64 {
		var m uint64
		for k := 0; k < 8; k++ {
			if f(s[k]) {
				m |= 0x80 << (8 * k)
			}
		}
		return m
	}
	cs := []byte{0, 1, '\t', '\n', '\r', ' ', '0', 'A', 'Z', 'a', 'z', 0x7f}
	for _, s := range texts {
		x := swar.Load("·"+s, 2)
		for k := 0; k < 8; k++ {
			if byte(x>>(8*k)) != s[k] {
				t.Fatalf("Load(%q) = %x: byte %d is not %q", s, x, k, s[k])
			}
		}
		for _, c := range cs {
			if got, want := swar.Eq(x, c), mark(s, func(b byte) bool { return b == c }); got != want {
				t.Fatalf("Eq(%q, %q) = %x, want %x", s, c, got, want)
			}
			for _, d := range cs {
				if d < c {
					continue
				}
				if got, want := swar.In(x, c, d), mark(s, func(b byte) bool { return c <= b && b <= d }); got != want {
					t.Fatalf("In(%q, %q, %q) = %x, want %x", s, c, d, got, want)
				}
			}
		}
	}
}
