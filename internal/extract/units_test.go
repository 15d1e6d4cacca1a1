package extract_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/sharedtest"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range extract.Sentences(text, extract.Segments(text)) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two", "The IOM grew. It expanded fast.", []string{"The IOM grew.", "It expanded fast."}},
		{"abbreviations", "Mr. Smith met the U.S. envoy, e.g. at the U.N. High Commission. Then he left.",
			[]string{"Mr. Smith met the U.S. envoy, e.g. at the U.N. High Commission.", "Then he left."}},
		{"initials", "John D. and Catherine T. MacArthur Foundation funded it. Good.",
			[]string{"John D. and Catherine T. MacArthur Foundation funded it.", "Good."}},
		{"quotes", `He said "stop." Then "go!" She left.`, []string{`He said "stop."`, `Then "go!"`, "She left."}},
		{"questions", "why? doesn't it matter?", []string{"why?", "doesn't it matter?"}},
		{"lines are units", "Back to top\nPosted: today\nA claim here.", []string{"Back to top", "Posted: today", "A claim here."}},
		{"comma continues line", "To save items to your account,\nplease confirm it.", []string{"To save items to your account,\nplease confirm it."}},
		{"list markers trimmed", "1. First note.\n• A bullet", []string{"First note.", "A bullet"}},
		// a line of a sentence's length ending mid-clause runs on into a
		// line in lower case, in text not wrapped at a fixed width; a
		// short heading does not, nor a line ending in a bracket
		{"sentence runs on", "1. Do ferries pay? Planners say yes: a fare rise makes\nthe crossing cheaper to run.\n",
			[]string{"Do ferries pay?", "Planners say yes: a fare rise makes\nthe crossing cheaper to run."}},
		{"short line stays", "Ferry fares rise\nthe council says.", []string{"Ferry fares rise", "the council says."}},
		{"title stays", "Why the Island Ferry Must Keep Running\nby the Harbour Group", []string{"Why the Island Ferry Must Keep Running", "by the Harbour Group"}},
		{"bracket ends the line", "I have long thought the ferry fares too high ( )\nhow can anyone pay them?",
			[]string{"I have long thought the ferry fares too high ( )", "how can anyone pay them?"}},
		{"pages", "See pp. 12-15 of it. Next.", []string{"See pp. 12-15 of it.", "Next."}},
		{"no as an answer", "No. Ferries cost more than buses. See No. 5 of the list.", []string{"No.", "Ferries cost more than buses.", "See No. 5 of the list."}},
		{"bom", "\uFEFFA. B c.", []string{"A. B c."}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.in)); diff != "" {
				t.Errorf("Sentences(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestSentencesHardWrapped(t *testing.T) {
	in := "This is a long paragraph that was wrapped by an editor at a fixed\n" +
		"width so that every line runs on into the next one without any\n" +
		"punctuation at the end of the line, which is how plain text from\n" +
		"mail and old archives usually looks when it reaches us here.\n"
	got := sentenceTexts(in)
	if len(got) != 1 {
		t.Fatalf("Sentences(hard-wrapped) = %d sentences %q, want 1", len(got), got)
	}
}

func TestSentencesBounded(t *testing.T) {
	in := ""
	for i := 0; i < 5000; i++ {
		in += "word "
	}
	for _, s := range extract.Sentences(in, extract.Segments(in)) {
		if s.End-s.Start > 1200 {
			t.Fatalf("sentence of %d bytes, want at most 1200", s.End-s.Start)
		}
	}
}

// TestExtractLineEndings checks that a document's line endings do not decide
// what is found in it: CR-only and CR LF files give the claims of the LF
// file, and the same text all on one line still gives claims (a long report
// in either form once gave 0 claims and no error).
func TestExtractLineEndings(t *testing.T) {
	for _, path := range sharedtest.CorpusFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(path)
		lf := extractDoc(t, name, data)
		variants := []struct {
			name string
			data []byte
			same bool // the same claims as the LF file
		}{
			{"CR", bytes.ReplaceAll(data, []byte("\n"), []byte("\r")), true},
			{"CRLF", bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n")), true},
			{"one line", bytes.ReplaceAll(data, []byte("\n"), []byte(" ")), false},
		}
		for _, v := range variants {
			g := extractDoc(t, name, v.data) // also checks spans lie inside the text as read
			switch {
			case v.same && len(g.Claims) != len(lf.Claims):
				t.Errorf("Extract(%s with %s line endings) = %d claims, want %d as with LF", name, v.name, len(g.Claims), len(lf.Claims))
			case !v.same && 2*len(g.Claims) < len(lf.Claims):
				t.Errorf("Extract(%s %s) = %d claims, want at least half the %d of the original", name, v.name, len(g.Claims), len(lf.Claims))
			}
			for _, c := range g.Claims {
				sp := c.Spans[0]
				if strings.TrimSpace(string(v.data[sp.Start:sp.End])) == "" {
					t.Errorf("Extract(%s %s): claim span %d..%d is blank in the text as read", name, v.name, sp.Start, sp.End)
					break
				}
			}
		}
	}
}

func TestNormalizeBreaks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\rb", "a\nb"},
		{"a\r\nb", "a \nb"},
		{"a\r\r\nb", "a\n \nb"},
		{"a\u2028b\u2029c\u0085d", "a\n  b\n\n c\n d"},
		{"plain\ntext", "plain\ntext"},
	}
	for _, tt := range tests {
		got := extract.NormalizeBreaks(tt.in)
		if got != tt.want || len(got) != len(tt.in) {
			t.Errorf("NormalizeBreaks(%q) = %q, want %q (same length)", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("The IOM runs return programmes in many states. ", 200)
	if segs := extract.Segments(long); len(segs) < 100 {
		t.Errorf("Segments(one line of 200 sentences) = %d segments, want one per sentence", len(segs))
	}
}

// longRuns are texts past maxSentence (1200 bytes) with no stop, with a
// stop right at the bound, and with runes of two and three bytes where the
// bound falls.
func longRuns() []string {
	return []string{
		strings.Repeat("word ", 300), strings.Repeat("x", 1199) + ". Next one.", strings.Repeat("x", 1200) + ". Next one.",
		strings.Repeat("x", 1201) + ".. Then?", strings.Repeat("é", 700) + "! Ü", strings.Repeat("a’b ", 400) + ".",
		strings.Repeat("y", 2500), strings.Repeat("Dr. Who said no. ", 100), strings.Repeat("z ", 601) + "." + strings.Repeat("q", 1300),
		strings.Repeat("ab", 650) + "?\n\n" + strings.Repeat("cd ", 500) + "!",
	}
}

// TestSentencesAgree checks Sentences against the form it replaced on the
// long texts and essays (each whole), every IOM document and long runs.
func TestSentencesAgree(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "longtext", "open", "*.txt"))
	essays, _ := filepath.Glob(filepath.Join("testdata", "essays", "*.txt"))
	files = append(append(files, essays...), sharedtest.CorpusFiles(t)...)
	if len(files) < 10 {
		t.Fatalf("only %d files: the long texts are missing", len(files))
	}
	texts := longRuns()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if err := extract.SentencesAgree(s); err != nil {
			t.Error(err)
		}
	}
}

// FuzzSentences checks the same on any text, alone and repeated (up to
// 40 times: past maxSentence for a text of 30 bytes or more; the fuzzer's
// worker died minimizing texts repeated to 2,600 bytes, which the test
// above and TestSentencesAgree's long runs pass).
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A b. C d! E?", "x.y. Z", "é! ü? ö.", "no stop at all"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if s == "" {
			return
		}
		for _, text := range []string{s, strings.Repeat(s, min(2600/len(s)+1, 40))} {
			if err := extract.SentencesAgree(text); err != nil {
				t.Error(err)
			}
		}
	})
}

// BenchmarkSentences splits the IOM documents into segments and sentences,
// with Sentences and with the form it replaced.
func BenchmarkSentences(b *testing.B) {
	docs, _ := sharedtest.CorpusTexts(b)
	for _, form := range []struct {
		name string
		slow bool
	}{{"new", false}, {"old", true}} {
		b.Run(form.name, func(b *testing.B) {
			cpu := cpuTime(b)
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					extract.SentencesCount(d, form.slow)
				}
			}
			b.ReportMetric(float64((cpuTime(b)-cpu).Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
