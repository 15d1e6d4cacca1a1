package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/argmap/argmap/internal/extract"
)

// TestOwnVoice checks OwnVoice against Judge: a text OwnVoice finds all in
// its author's voice gets no asserter from Judge for any question; over the
// sentences of the demo corpus asked every analyst question, and over a few
// reported views, which must not count as the author's.
func TestOwnVoice(t *testing.T) {
	s := extract.NewStancer()
	reported := []string{
		"Critics say that IOM enforces the exclusion of asylum seekers.",
		"According to Human Rights Watch, return from detention is not voluntary.",
		"Ashutosh and Mountz (2011) argue that IOM serves the interests of states.",
	}
	for _, text := range reported {
		if s.OwnVoice(text) {
			t.Errorf("OwnVoice(%q) = true, want false (a reported view)", text)
		}
	}
	var questions []string
	for _, f := range []string{"questions.json", "questions-s3.json", "questions-s4.json"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "scripts", "testdata", f))
		if err != nil {
			t.Fatal(err)
		}
		var qs struct {
			Questions []struct {
				Q string `json:"q"`
			} `json:"questions"`
		}
		if err := json.Unmarshal(data, &qs); err != nil {
			t.Fatal(err)
		}
		for _, q := range qs.Questions {
			questions = append(questions, q.Q)
		}
	}
	names, _ := filepath.Glob(filepath.Join("..", "..", "scripts", "demo", "corpus", "*"))
	if len(names) == 0 || len(questions) == 0 {
		t.Fatal("no demo corpus or no questions")
	}
	sentence := regexp.MustCompile(`[^.!?\n]+[.!?]?`)
	texts := append([]string{"", "  ", "Does IOM enforce exclusion?"}, reported...)
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, sentence.FindAllString(string(data), -1)...)
	}
	own, others := 0, 0
	for _, text := range texts {
		if !s.OwnVoice(text) {
			others++
			continue
		}
		own++
		for _, q := range questions {
			if a := s.Judge(q, text).Asserter; a != "" {
				t.Errorf("OwnVoice(%q) = true, but Judge(%q, it).Asserter = %q", text, q, a)
			}
		}
	}
	if own < 100 || others < len(reported) {
		t.Errorf("OwnVoice: %d texts in their author's voice, %d not; want at least 100 and %d", own, others, len(reported))
	}
}
