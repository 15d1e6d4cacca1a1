package cite_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/argmap/argmap/internal/extract/cite"
	"github.com/argmap/argmap/internal/sharedtest"
)

// goldCitations reads the (surname, year) keys of gold-dev.jsonl per document,
// keyed the way score.py keys them.
func goldCitations(t testing.TB, shared string) (map[string]map[string]bool, []string) {
	t.Helper()
	f, err := os.Open(filepath.Join(shared, "eval", "gold-dev.jsonl"))
	if err != nil {
		t.Skipf("gold-dev.jsonl not available: %v", err)
	}
	defer f.Close()
	re := regexp.MustCompile(`^(.+?)\s+((?:19|20)\d\d)`)
	out := map[string]map[string]bool{}
	var docs []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var u struct {
			Doc       string   `json:"doc"`
			Citations []string `json:"citations"`
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
			t.Fatalf("gold line: %v", err)
		}
		if out[u.Doc] == nil {
			out[u.Doc] = map[string]bool{}
			docs = append(docs, u.Doc)
		}
		for _, c := range u.Citations {
			if m := re.FindStringSubmatch(c); m != nil {
				out[u.Doc][citeKey(m[1], m[2])] = true
			}
		}
	}
	return out, docs
}

// citeKey mirrors score.py: the last word of the first author's folded
// surname, and the year's first four characters.
func citeKey(author, year string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(author) {
		if r < 128 {
			b.WriteRune(r)
		}
	}
	s := strings.ToLower(strings.TrimSpace(b.String()))
	s = strings.TrimPrefix(s, "the ")
	s = strings.Split(s, " and ")[0]
	s = strings.Split(s, " & ")[0]
	s = strings.Split(s, ",")[0]
	if w := strings.Fields(s); len(w) > 0 {
		s = w[len(w)-1]
	}
	if len(year) > 4 {
		year = year[:4]
	}
	return s + " " + year
}

// docCitations is what a pipeline gets from this package for one document:
// in-text citations plus bibliography entries, one per line.
func docCitations(text string) []cite.Citation {
	cs := cite.InText(text)
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if c, ok := cite.Bibliography(strings.TrimSpace(line)); ok {
			c.Start += off
			c.End += off
			cs = append(cs, c)
		}
		off += len(line)
	}
	return cs
}

// TestCorpusCitations compares the citations found in each gold document
// with the gold (author, year) pairs.
func TestCorpusCitations(t *testing.T) {
	shared := sharedtest.Dir(t)
	gold, docs := goldCitations(t, shared)
	tp, np, ng := 0, 0, 0
	for _, doc := range docs {
		b, err := os.ReadFile(filepath.Join(shared, "corpus", "iom", doc))
		if err != nil {
			t.Fatalf("read %s: %v", doc, err)
		}
		got := map[string]bool{}
		for _, c := range docCitations(string(b)) {
			got[citeKey(c.Author, c.Year)] = true
		}
		var fp, fn []string
		for k := range got {
			if gold[doc][k] {
				tp++
			} else {
				fp = append(fp, k)
			}
		}
		for k := range gold[doc] {
			if !got[k] {
				fn = append(fn, k)
			}
		}
		sort.Strings(fp)
		sort.Strings(fn)
		np += len(got)
		ng += len(gold[doc])
		t.Logf("%s: %d predicted, %d gold; false positives %q; missed %q", doc, len(got), len(gold[doc]), fp, fn)
	}
	p, r := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("citation P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", p, r, f1, tp, np, ng)
	if f1 < minCitationF1 {
		t.Errorf("citation F1 = %.3f, want >= %.2f", f1, minCitationF1)
	}
}

// minCitationF1 is the floor reached on the dev set.
const minCitationF1 = 0.95

// TestCorpusAnalyticalArticle checks the one corpus document with a
// bibliography (not in the gold set): every in-text citation must be found,
// and every bibliography entry parsed.
func TestCorpusAnalyticalArticle(t *testing.T) {
	shared := sharedtest.Dir(t)
	b, err := os.ReadFile(filepath.Join(shared, "corpus", "iom", "003_95a1ca5cadbce04d.txt"))
	if err != nil {
		t.Skipf("analytical article not available: %v", err)
	}
	var inText, bib []string
	for _, c := range docCitations(string(b)) {
		k := citeKey(c.Author, c.Year)
		if c.Bibliography {
			bib = append(bib, k)
		} else {
			inText = append(inText, k)
		}
	}
	sort.Strings(inText)
	sort.Strings(bib)
	wantIn := []string{"andrijasevic 2010", "bartels 2018", "bartels 2018", "bartels 2021", "geiger 2014", "georgi 2019", "georgi 2019", "heller 2019", "kipp 2018", "korneev 2014", "pecoud 2018"}
	wantBib := []string{"bartels 2021", "geiger 2014", "georgi 2019", "heller 2020", "kipp 2018", "korneev 2014", "pecoud 2018"}
	if strings.Join(inText, ",") != strings.Join(wantIn, ",") {
		t.Errorf("in-text citations = %q, want %q", inText, wantIn)
	}
	if strings.Join(bib, ",") != strings.Join(wantBib, ",") {
		t.Errorf("bibliography entries = %q, want %q", bib, wantBib)
	}
}

func BenchmarkInText(b *testing.B) {
	text := sharedtest.Repeated(b, 5<<20)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cite.InText(text)
	}
}

func BenchmarkBibliography(b *testing.B) {
	text := sharedtest.Repeated(b, 5<<20)
	lines := strings.Split(text, "\n")
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range lines {
			cite.Bibliography(l)
		}
	}
}
