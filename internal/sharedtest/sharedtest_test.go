package sharedtest_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/sharedtest"
)

func TestCorpus(t *testing.T) {
	files := sharedtest.CorpusFiles(t)
	for _, f := range files {
		if filepath.Dir(f) != sharedtest.CorpusDir(t) || !strings.HasSuffix(f, ".txt") {
			t.Errorf("CorpusFiles() holds %s, want *.txt files of %s", f, sharedtest.CorpusDir(t))
		}
	}
	if got := sharedtest.Repeated(t, 1<<20); len(got) < 1<<20 {
		t.Errorf("len(Repeated(1 MiB)) = %d, want at least %d", len(got), 1<<20)
	}
}
