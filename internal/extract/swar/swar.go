// Package swar reads text eight bytes at a time in a 64-bit word ("SIMD
// within a register"): Load reads the word, and Eq and In mark with 0x80
// each of its bytes that is one byte or in a range, with a few additions
// and masks and no branch a byte. A word with a byte outside ASCII (a top
// bit set: x&Hi != 0) is read byte by byte by the caller; on ASCII bytes no
// sum carries into the next byte, so the marks are exact.
package swar

// Hi has the top bit of each of the eight bytes.
const Hi = 0x8080808080808080

const (
	low  = 0x7f7f7f7f7f7f7f7f
	ones = 0x0101010101010101
)

// Load returns s[i:i+8] as a little-endian word (one load): byte k of the
// text is byte k of the word.
func Load(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// Eq returns 0x80 in each byte of x (eight ASCII bytes) equal to c (below
// 0x80): x^c has the byte zero, which adding 0x7f to its low seven bits
// tells.
func Eq(x uint64, c byte) uint64 {
	t := x ^ uint64(c)*ones
	return ^(t&low + low | t) & Hi
}

// In returns 0x80 in each byte of x (eight ASCII bytes) from a to b
// (a <= b < 0x80): adding 0x80-a sets the byte's top bit when it is a or
// more, adding 0x80-(b+1) when it is past b.
func In(x uint64, a, b byte) uint64 {
	return (x + (0x80-uint64(a))*ones) &^ (x + (0x80-uint64(b)-1)*ones) & Hi
}
