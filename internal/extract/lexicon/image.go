package lexicon

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"unsafe"
)

// The binary embeds the lexicon as an image of its tables (wordnet.img),
// made from wordnet.tsv.gz by `go test ./internal/extract/lexicon -run
// TestImage -update`: reading it is slicing and copying numbers, where
// parsing the table cost a process about 60 ms (gunzip and base-36
// numbers), which every `argmap extract` of a small file paid. TestImage
// checks that the image is the table's.
//
// Layout, little-endian: the magic (20 bytes, so that the tables after it
// lie on 4-byte boundaries and can be used in place), the four
// part-of-speech starts, then
// sections each led by its length in uint32 units or bytes: the entries
// (eight uint32 each: key offset and length, near offset and length,
// concepts start, concepts, antonyms, flags), the hash slots, the
// concepts, the text, the exceptions ("form\tlemma,lemma\n", sorted) and
// the first words of multiword lemmas ("word\n", sorted).

//go:embed wordnet.img
var image []byte

// imageMagic is a multiple of 4 bytes long: the embedded data starts on an
// aligned address, and the entries, slots and concepts that follow the
// magic, the starts and a count must too, or view copies them (version 1's
// 17-byte magic made every process copy 4.4 MB of tables at start).
const imageMagic = "argmap-lexicon-2\n\x00\x00\x00"

// appendImage appends l's image to b.
func (l *Lexicon) appendImage(b []byte) []byte {
	u32 := func(v uint32) { b = binary.LittleEndian.AppendUint32(b, v) }
	b = append(b, imageMagic...)
	for _, s := range l.starts {
		u32(uint32(s))
	}
	u32(uint32(len(l.ents)))
	for _, e := range l.ents {
		for _, v := range [8]uint32{e.key.off, e.key.n, e.near.off, e.near.n, e.cs, e.nc, e.na, uint32(e.flags)} {
			u32(v)
		}
	}
	u32(uint32(len(l.slots)))
	for _, s := range l.slots {
		u32(s)
	}
	u32(uint32(len(l.cs)))
	for _, c := range l.cs {
		u32(uint32(c))
	}
	u32(uint32(len(l.text)))
	b = append(b, l.text...)
	var lines []string
	for form, lms := range l.exceptions {
		lines = append(lines, form+"\t"+strings.Join(lms, ",")+"\n")
	}
	sort.Strings(lines)
	exc := strings.Join(lines, "")
	u32(uint32(len(exc)))
	b = append(b, exc...)
	lines = lines[:0]
	for w := range l.phraseFirst {
		lines = append(lines, w+"\n")
	}
	sort.Strings(lines)
	pf := strings.Join(lines, "")
	u32(uint32(len(pf)))
	return append(b, pf...)
}

// fromImage reads an image appendImage made. Its strings and, where the
// machine allows, its tables point into b, which must not change (the
// embedded image is read-only). Unless trusted, every span and index is
// checked; the embedded image is trusted (TestImage reads it checked), as
// checking would bring every page of it in at start.
func fromImage(b []byte, trusted bool) (*Lexicon, error) {
	r := imageReader{b: b}
	if len(b) < len(imageMagic) || string(b[:len(imageMagic)]) != imageMagic { // string(b) whole would copy the image
		return nil, fmt.Errorf("not a lexicon image")
	}
	r.b = r.b[len(imageMagic):]
	l := &Lexicon{}
	for i := range l.starts {
		l.starts[i] = Concept(r.u32())
	}
	n := r.count(32)
	l.ents = view[entry](r.bytes(32*n), n, func(v []byte) entry {
		return entry{key: span{le.Uint32(v), le.Uint32(v[4:])}, near: span{le.Uint32(v[8:]), le.Uint32(v[12:])},
			cs: le.Uint32(v[16:]), nc: le.Uint32(v[20:]), na: le.Uint32(v[24:]), flags: uint8(le.Uint32(v[28:]))}
	})
	n = r.count(4)
	l.slots = view[uint32](r.bytes(4*n), n, func(v []byte) uint32 { return le.Uint32(v) })
	n = r.count(4)
	l.cs = view[Concept](r.bytes(4*n), n, func(v []byte) Concept { return Concept(le.Uint32(v)) })
	l.text = r.str()
	exc := r.str()
	l.exceptions = make(map[string][]string, strings.Count(exc, "\n"))
	for line := range strings.SplitSeq(exc, "\n") {
		if form, lms, ok := strings.Cut(line, "\t"); ok {
			l.exceptions[form] = strings.Split(lms, ",")
		}
	}
	pf := r.str()
	l.phraseFirst = make(map[string]bool, strings.Count(pf, "\n"))
	for w := range strings.SplitSeq(pf, "\n") {
		if w != "" {
			l.phraseFirst[w] = true
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, fmt.Errorf("lexicon image: %d bytes after its end", len(r.b))
	}
	if !trusted {
		if err := l.check(); err != nil {
			return nil, err
		}
	}
	l.finish()
	return l, nil
}

var le = binary.LittleEndian

// littleEndian is whether this machine lays out numbers as the image does.
var littleEndian = func() bool {
	x := uint32(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// view returns the n items of size len(b)/n in b as a slice that shares
// b's memory, when the machine is little-endian, T is laid out as the image
// (checked by the caller's sizes: an entry is eight uint32s, its flags the
// low byte of the last) and b is aligned for T; otherwise it decodes each
// item into a new slice. Sharing the embedded image costs nothing at start
// and brings its pages in only as look-ups touch them.
func view[T any](b []byte, n int, decode func([]byte) T) []T {
	if n == 0 || b == nil {
		return nil
	}
	var zero T
	size := len(b) / n
	if littleEndian && uintptr(size) == unsafe.Sizeof(zero) && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)
	}
	out := make([]T, n)
	for i := range out {
		out[i] = decode(b[size*i : size*i+size])
	}
	return out
}

// check makes sure every span, concept range and slot of an image points
// inside it, so that a damaged image is an error, not a panic later.
func (l *Lexicon) check() error {
	in := func(s span) bool { return uint64(s.off)+uint64(s.n) <= uint64(len(l.text)) }
	for _, e := range l.ents {
		if !in(e.key) || !in(e.near) || uint64(e.cs)+uint64(e.nc)+uint64(e.na) > uint64(len(l.cs)) {
			return fmt.Errorf("lexicon image: an entry out of range")
		}
	}
	if len(l.slots) == 0 || len(l.slots)&(len(l.slots)-1) != 0 || len(l.slots) < len(l.ents) {
		return fmt.Errorf("lexicon image: %d hash slots", len(l.slots))
	}
	for _, k := range l.slots {
		if int(k) > len(l.ents) {
			return fmt.Errorf("lexicon image: a hash slot out of range")
		}
	}
	if len(l.ents) == 0 {
		return fmt.Errorf("lexicon image: no lemmas")
	}
	return nil
}

// imageReader reads an image's numbers and sections; the first error
// sticks and later reads return zero values.
type imageReader struct {
	b   []byte
	err error
}

func (r *imageReader) fail() {
	if r.err == nil {
		r.err = fmt.Errorf("lexicon image: cut short")
	}
	r.b = nil
}

func (r *imageReader) u32() uint32 {
	if len(r.b) < 4 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint32(r.b)
	r.b = r.b[4:]
	return v
}

// count reads a section's length and makes sure that many items of size
// bytes follow.
func (r *imageReader) count(size int) int {
	n := int(r.u32())
	if n*size > len(r.b) {
		r.fail()
		return 0
	}
	return n
}

// bytes reads n bytes (count has checked that they are there).
func (r *imageReader) bytes(n int) []byte {
	if n > len(r.b) {
		r.fail()
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// str reads a byte section as a string that shares the image's memory.
func (r *imageReader) str() string {
	n := int(r.u32())
	if n > len(r.b) {
		r.fail()
		return ""
	}
	s := unsafe.String(unsafe.SliceData(r.b), n)
	if n == 0 {
		s = ""
	}
	r.b = r.b[n:]
	return s
}
