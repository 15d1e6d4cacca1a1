// Package wordfilter tells, most of the time without a map look-up, that a
// word is not in a set: a Filter keeps one bit for each member's length,
// first two bytes and last byte, and a word none of whose members share
// them is out. A tagger looks most words of a text up in sets that hold
// few of them (function words, connectives, cue words, irregular forms);
// the bit costs a few instructions where a miss in a large map costs a hash
// and a cache miss. A word the filter lets through still needs the look-up.
package wordfilter

// Filter is a set's words by their length, first two bytes and last byte,
// one bit for each (hashed into a table of a power of two bits). The zero
// Filter (or a nil one) lets every word through.
type Filter struct {
	bits  []uint64
	shift uint // 64 - log2 of the table's bits
	empty bool // "" is a member
}

// New returns the Filter of words, with room for about sixteen bits a word
// (at least 4096 bits), so that few words outside the set share a member's
// bit by chance.
func New(words []string) *Filter {
	n := 4096
	for n < 16*len(words) {
		n <<= 1
	}
	f := &Filter{bits: make([]uint64, n/64), shift: 64}
	for ; n > 1; n >>= 1 {
		f.shift--
	}
	for _, w := range words {
		f.Add(w)
	}
	return f
}

// Keys returns the keys of a set, for New.
func Keys[V any](set map[string]V) []string {
	ws := make([]string, 0, len(set))
	for w := range set {
		ws = append(ws, w)
	}
	return ws
}

// hash mixes a word's length, first two bytes and last byte.
func (f *Filter) hash(w string) uint64 {
	k := uint64(len(w))<<24 | uint64(w[0])<<16 | uint64(w[len(w)-1])
	if len(w) > 1 {
		k |= uint64(w[1]) << 8
	}
	return k * 0x9e3779b97f4a7c15 >> f.shift
}

// Add makes w a member.
func (f *Filter) Add(w string) {
	if w == "" {
		f.empty = true
		return
	}
	h := f.hash(w)
	f.bits[h>>6] |= 1 << (h & 63)
}

// May reports whether w may be a member: false only when it is not.
func (f *Filter) May(w string) bool {
	if f == nil || f.bits == nil {
		return true
	}
	if w == "" {
		return f.empty
	}
	h := f.hash(w)
	return f.bits[h>>6]&(1<<(h&63)) != 0
}
