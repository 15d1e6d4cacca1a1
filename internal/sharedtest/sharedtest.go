// Package sharedtest finds the material tests share with the rest of the
// team: ../shared beside the repository, holding the IOM corpus and the
// evaluation data. The project never copies it; tests that need it read it
// from there and skip, saying why, when it is absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// Dir returns the shared directory: the first "shared" (or "../shared") above
// the working directory that holds corpus/iom. It skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		for _, c := range []string{filepath.Join(dir, "shared"), filepath.Join(dir, "..", "shared")} {
			if fi, err := os.Stat(filepath.Join(c, "corpus", "iom")); err == nil && fi.IsDir() {
				return c
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared/corpus/iom (../shared beside the repository) is absent; skipping")
		}
		dir = parent
	}
}

// CorpusDir returns the directory of the IOM corpus, skipping tb without it.
func CorpusDir(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(Dir(tb), "corpus", "iom")
}

// CorpusFiles returns the paths of the IOM corpus documents (*.txt), sorted;
// it skips tb when there are none.
func CorpusFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(CorpusDir(tb), "*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skip("no IOM corpus documents in shared/corpus/iom; skipping")
	}
	sort.Strings(files)
	return files
}

// CorpusTexts returns the texts of the corpus documents (CorpusFiles'
// order) and their total size in bytes, for benchmarks over the corpus.
func CorpusTexts(tb testing.TB) (texts []string, size int) {
	tb.Helper()
	for _, f := range CorpusFiles(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
		size += len(data)
	}
	return texts, size
}

// Repeated returns the corpus documents joined by blank lines and repeated
// until the text is at least size bytes, for throughput benchmarks.
func Repeated(tb testing.TB, size int) string {
	tb.Helper()
	var one strings.Builder
	for _, f := range CorpusFiles(tb) {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		one.Write(data)
		one.WriteString("\n\n")
	}
	return strings.Repeat(one.String(), size/one.Len()+1)
}
