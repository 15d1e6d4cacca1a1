package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestTrainJudgeMisses runs train-judge --misses over the demo corpus and
// checks that every source a set lists on a side and the answer misses is
// written with one reason and its best candidate, and that the counts at
// the end are those of the lines.
func TestTrainJudgeMisses(t *testing.T) {
	store, sets := judgeDemoStore(t)
	code, stdout, stderr := cli(t, nil, append([]string{"train-judge", "--store", store, "--misses"}, sets...)...)
	if code != 0 {
		t.Fatalf("train-judge --misses exit code = %d, stderr %q", code, stderr)
	}
	miss := regexp.MustCompile(`^(support|contest) (decided|retrieval|unsaid) (demo/\d\d) \| (.+) \| (.+)$`)
	counts := map[string]int{}
	cause := regexp.MustCompile(`^(support|contest) misses by cause, (.+): (\d+)$`)
	byCause := map[string]int{} // by side, summed over the causes
	causes := map[string]int{}  // by side, from the cause lines of the misses
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	var summary []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := cause.FindStringSubmatch(l); m != nil {
			n, _ := strconv.Atoi(m[3])
			byCause[m[1]] += n
			continue
		}
		if strings.Contains(l, " misses: ") {
			summary = append(summary, l)
			continue
		}
		m := miss.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("train-judge --misses line %q: want a side, a reason, a source, the question and its words", l)
		}
		if !strings.Contains(m[5], "*") {
			t.Errorf("train-judge --misses: words %q have no rarest word starred", m[5])
		}
		counts[m[1]+" "+m[2]]++
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "  best ") && lines[i+1] != "  no candidate" {
			t.Fatalf("train-judge --misses: %q is not followed by its best candidate", l)
		}
		i++
		if i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "  cause: ") {
			t.Fatalf("train-judge --misses: %q is not followed by its cause", l)
		}
		causes[m[1]]++
		i++
	}
	if len(counts) == 0 {
		t.Fatalf("train-judge --misses printed no miss; the demo sets have some:\n%s", stdout)
	}
	for _, side := range []string{"support", "contest"} {
		want := fmt.Sprintf("%s misses: %d decided, %d retrieval, %d unsaid", side,
			counts[side+" decided"], counts[side+" retrieval"], counts[side+" unsaid"])
		found := false
		for _, s := range summary {
			found = found || strings.HasPrefix(s, want)
		}
		if !found {
			t.Errorf("train-judge --misses summary %q, want a line starting %q", summary, want)
		}
		if byCause[side] != causes[side] {
			t.Errorf("train-judge --misses: the %s misses by cause sum to %d, want %d (one cause a miss)", side, byCause[side], causes[side])
		}
	}
}
