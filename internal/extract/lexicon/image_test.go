package lexicon_test

import (
	"bytes"
	"flag"
	"os"
	"testing"
	"unsafe"

	"github.com/argmap/argmap/internal/extract/lexicon"
)

var update = flag.Bool("update", false, "write wordnet.img from wordnet.tsv.gz")

// TestImage: the embedded image is the one made from the table (run with
// -update after scripts/build-lexicon.py), and reads back.
func TestImage(t *testing.T) {
	made, embedded, err := lexicon.ImageOfTable()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("wordnet.img", made, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(made, embedded) {
		t.Fatalf("wordnet.img (%d bytes) is not the image of wordnet.tsv.gz (%d bytes): go test ./internal/extract/lexicon -run TestImage -update", len(embedded), len(made))
	}
	if _, err := lexicon.FromImage(made); err != nil {
		t.Fatal(err)
	}
}

// TestDamagedImage: a cut, foreign or damaged image is an error, not a
// panic.
func TestDamagedImage(t *testing.T) {
	made, _, err := lexicon.ImageOfTable()
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(made)
	// the first entry's key length, far past the text
	copy(flipped[lexicon.ImageMagicLen+16+4+4:], []byte{0xff, 0xff, 0xff, 0x7f})
	for name, b := range map[string][]byte{
		"empty":               nil,
		"not an image":        []byte("hello"),
		"cut short":           made[:len(made)/2],
		"one byte more":       append(bytes.Clone(made), 0),
		"a span out of range": flipped,
	} {
		if _, err := lexicon.FromImage(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func BenchmarkLoadImage(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := lexicon.LoadImage(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImageUsedInPlace: on a little-endian machine the embedded image's
// entries, hash slots and concepts are used where they lie, not copied at
// start (a magic whose length is no multiple of 4 misaligns them).
func TestImageUsedInPlace(t *testing.T) {
	if x := uint16(1); *(*byte)(unsafe.Pointer(&x)) != 1 {
		t.Skip("big-endian: the tables are decoded into copies")
	}
	if !lexicon.SharesImage() {
		t.Fatal("the lexicon's tables are copies of the embedded image's")
	}
}
