package meta_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/extract/meta"
	"github.com/argmap/argmap/internal/sharedtest"
)

// receivedCases are journal header lines and near misses, in our own words.
var receivedCases = []string{
	"Received 3 May 2010; accepted 9 June 2011", "RECEIVED 12 March 2001", "Received 05 May 2010", "Accepted\t4 Jan 1999", "accepted 30 Sept 2020",
	"Received: 3 May 2010", "Received 3May 2010", "Received May 3, 2010", "received  7  Dec  2015", "Received\n\n2 Feb 2002",
	"the grant was received 4 times", "The paper, accepted 12 ago 2019, ran.", "They accepted 2 offers in 2019",
	"REceIVed 8 Aug 2008", "ACCEPTED 8 AUG 2008", "preceived 1 May 2000", "Receivedd 1 May 2000", "Received\v1 May 2000",
	"Received\u00a01 May 2000", "Receıved 1 May 2000", "Received 1 Mai 2000", "accepted 1", "accepted ", "accepted",
	"d 1", "", "\xffaccepted 9 June 2011", "accepted 9 June 2011\xff", "Recei\xffed 1 May 2000",
}

// TestReceivedLineAgrees checks receivedLine against the expression run
// wherever its cues are, on the cases above (each cut at every byte), the
// lines of our long texts and of the corpus documents.
func TestReceivedLineAgrees(t *testing.T) {
	lines := append([]string(nil), receivedCases...)
	for _, c := range receivedCases {
		for k := 0; k <= len(c); k++ {
			lines = append(lines, c[:k], c[k:], "Our notes. "+c[:k])
		}
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "longtext", "open", "*.txt"))
	for _, f := range append(files, sharedtest.CorpusFiles(t)...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	matched := 0
	for _, l := range lines {
		m, err := meta.ReceivedLineAgrees(l)
		if err != nil {
			t.Error(err)
		}
		if m {
			matched++
		}
	}
	if matched < 20 {
		t.Errorf("only %d of %d lines have a date: the test does not reach the expression", matched, len(lines))
	}
}

// FuzzReceivedLine checks the same on any line.
func FuzzReceivedLine(f *testing.F) {
	for _, c := range receivedCases {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, l string) {
		if _, err := meta.ReceivedLineAgrees(l); err != nil {
			t.Error(err)
		}
	})
}
