package lexicon

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed valence.tsv.gz
var valenceTable []byte

var loadValence = sync.OnceValues(func() (map[string]float64, error) { return parseValence(valenceTable) })

// Valence returns how good (up to +4) or bad (down to -4) a word form is
// judged to be, as the VADER sentiment lexicon rates it (compiled into the
// binary by scripts/build-valence.py; licence in VALENCE-LICENSE): "effective"
// 2.1, "flawed" -2.1, "harms" -2.2. A word it does not rate, or rates
// within 0.5 of 0, is 0. It looks up the form as given, in lower case. It
// panics only if the embedded table is corrupt, which the package tests
// rule out.
func Valence(word string) float64 {
	m, err := loadValence()
	if err != nil {
		panic(fmt.Sprintf("lexicon: embedded valence: %v", err))
	}
	return m[word]
}

func parseValence(gz []byte) (map[string]float64, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	text := string(raw)
	out := make(map[string]float64, strings.Count(text, "\n"))
	for len(text) > 0 {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		word, v, ok := strings.Cut(line, "\t")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || word == "" || n < -40 || n > 40 {
			return nil, fmt.Errorf("bad valence line %q", line)
		}
		out[word] = float64(n) / 10
	}
	return out, nil
}
