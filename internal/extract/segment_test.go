package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/argmap/argmap/internal/extract"
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
		{"pages", "See pp. 12-15 of it. Next.", []string{"See pp. 12-15 of it.", "Next."}},
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
