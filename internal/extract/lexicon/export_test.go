package lexicon

import (
	_ "embed"
	"sort"
	"strings"
	"unsafe"
)

//go:embed wordnet.tsv.gz
var table []byte

// Parse parses the table again (for the load benchmark).
func Parse() (*Lexicon, error) { return parse(table) }

// LoadImage reads the embedded image again (for the load benchmark).
func LoadImage() (*Lexicon, error) { return fromImage(image, true) }

// ImageOfTable is the image made from the table, and the embedded one.
func ImageOfTable() (made, embedded []byte, err error) {
	l, err := parse(table)
	if err != nil {
		return nil, nil, err
	}
	return l.appendImage(nil), image, nil
}

// FromImage reads an image.
func FromImage(b []byte) (*Lexicon, error) { return fromImage(b, false) }

// ImageMagicLen is the length of the image's magic.
const ImageMagicLen = len(imageMagic)

// SharesImage is whether the loaded lexicon's tables lie in the embedded
// image's memory rather than in copies.
func SharesImage() bool {
	l, err := load()
	if err != nil {
		return false
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(image)))
	in := func(p unsafe.Pointer) bool { return uintptr(p) >= lo && uintptr(p) < lo+uintptr(len(image)) }
	return in(unsafe.Pointer(unsafe.SliceData(l.ents))) && in(unsafe.Pointer(unsafe.SliceData(l.slots))) && in(unsafe.Pointer(unsafe.SliceData(l.cs)))
}

// ParseNames parses a gzipped names table.
func ParseNames(gz []byte) ([]Name, error) { return parseNames(gz) }

// MembersByMap is what Members answered before its flat index: a map of
// the lists of every one-word lemma's concepts, each sorted; the test
// compares the two on every concept.
func MembersByMap(l *Lexicon) map[Concept][]string {
	m := map[Concept][]string{}
	for _, k := range l.slots {
		if k == 0 {
			continue
		}
		e := l.ents[k-1]
		lm := l.str(e.key)
		if strings.ContainsRune(lm, ' ') {
			continue
		}
		for _, c := range l.concepts(e) {
			m[c] = append(m[c], lm)
		}
	}
	for _, ls := range m {
		sort.Strings(ls)
	}
	return m
}

// IrregularMissed returns the exceptions' forms the irregular filter rules
// out (none may be) and how many forms there are.
func (l *Lexicon) IrregularMissed() (missed []string, n int) {
	for form := range l.exceptions {
		if !l.irregular.May(form) {
			missed = append(missed, form)
		}
	}
	return missed, len(l.exceptions)
}
