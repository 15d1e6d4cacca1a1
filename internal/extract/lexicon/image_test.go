package lexicon_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

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
	copy(flipped[len("argmap-lexicon-1\n")+16+4+4:], []byte{0xff, 0xff, 0xff, 0x7f})
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
