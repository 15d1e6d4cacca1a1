package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

// reachCorpus writes two short documents and a question set over them
// into dir and ingests them: a report whose only sentence on who pays for
// a ferry announces what it examines (a sentence the extraction leaves
// out) and a letter that denies it. It returns the store and the set.
func reachCorpus(t *testing.T, dir string) (store, set string) {
	t.Helper()
	corpus := filepath.Join(dir, "corpus")
	docs := map[string]string{
		"01-ferry.txt": "The Harbour Ferry Review\n\n" +
			"This report examines how the harbour board pays for the night ferry.\n\n" +
			"The night ferry runs every hour between the island and the port. Its timetable has not changed since the service began, " +
			"and local shops depend on it. The harbour board has kept fares low for residents.\n\n" +
			"Critics argue that the ferry wastes public money. We disagree: the ferry carries more than two thousand passengers a week, " +
			"and without it many islanders could not reach the hospital. The board should therefore keep the night service.\n",
		"02-letter.txt": "A letter from the island council\n\n" +
			"The night ferry is a lifeline for the island. The harbour board does not pay for the night ferry; the island council " +
			"covers its costs from local taxes. We ask the board to publish its accounts.\n",
	}
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	set = filepath.Join(dir, "q.json")
	if err := os.WriteFile(set, []byte(`{"questions": [
 {"q": "The harbour board pays for the night ferry", "support": ["demo/01"], "contest": ["demo/02"], "either": []},
 {"q": "The night ferry wastes public money", "support": [], "contest": ["demo/01"], "either": []}
]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	store = filepath.Join(dir, "argmap.db")
	if code, _, stderr := cli(t, nil, "ingest", "--store", store, corpus); code != 0 {
		t.Fatalf("ingest = %d: %s", code, stderr)
	}
	return store, set
}

// TestTrainJudgeReach: over reachCorpus, answers that search no passages
// miss the report, whose statement --reach finds in a dropped sentence;
// answers as argmap gives them (train-judge --reach) find it there and
// list the report as supporting. Every miss has one class and the tallies
// are those of the lines.
func TestTrainJudgeReach(t *testing.T) {
	store, set := reachCorpus(t, t.TempDir())
	ctx := context.Background()
	st, err := openStore(ctx, &env{command: "train-judge"}, store)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var b strings.Builder
	// the store's own search: claims and evidence only
	if err := printReach(ctx, &b, st, st, extract.NewStancer(), []string{set}); err != nil {
		t.Fatalf("printReach: %v", err)
	}
	without := b.String()
	const dropped = "support dropped demo/01 | The harbour board pays for the night ferry\n" +
		"  sentence (alone: other announcement): This report examines how the harbour board pays for the night ferry.\n"
	if !strings.Contains(without, dropped) {
		t.Errorf("printReach without passages = %q, want the report's announcement as a sentence the extraction dropped:\n%s", without, dropped)
	}
	checkReachTallies(t, without)
	code, stdout, stderr := cli(t, nil, "train-judge", "--store", store, "--reach", set)
	if code != 0 {
		t.Fatalf("train-judge --reach exit code = %d, stderr %q", code, stderr)
	}
	if strings.Contains(stdout, "support dropped demo/01") || !strings.Contains(stdout, "listed support direct right: 1\n") {
		t.Errorf("train-judge --reach = %q, want the report listed as supporting through its announcement (listed support direct right: 1)", stdout)
	}
	if !strings.Contains(stdout, "listed contest direct right: 1\n") {
		t.Errorf("train-judge --reach = %q, want the letter listed as contesting in its own words (listed contest direct right: 1)", stdout)
	}
	checkReachTallies(t, stdout)
}

// checkReachTallies checks that printReach's output has a tally line for
// each side whose counts are those of its miss lines.
func checkReachTallies(t *testing.T, stdout string) {
	t.Helper()
	miss := regexp.MustCompile(`^(support|contest) (walk|search|node text|dropped|decided|unsaid) (demo/\d\d) \| (.+)$`)
	tally := regexp.MustCompile(`^(support|contest) misses by reach: (.+)$`)
	counts := map[string]int{}
	summed := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if m := miss.FindStringSubmatch(l); m != nil {
			counts[m[1]+" "+m[2]]++
			continue
		}
		m := tally.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		summed[m[1]] = true
		for _, part := range strings.Split(m[2], ", ") {
			n, class, _ := strings.Cut(part, " ")
			k, err := strconv.Atoi(n)
			if err != nil {
				t.Fatalf("train-judge --reach tally %q: %v", l, err)
			}
			if k != counts[m[1]+" "+class] {
				t.Errorf("train-judge --reach tally %q: %d %s, want %d (the lines above)", l, k, class, counts[m[1]+" "+class])
			}
		}
	}
	for _, side := range []string{"support", "contest"} {
		if !summed[side] {
			t.Errorf("train-judge --reach = %q, want a line %q", stdout, fmt.Sprintf("%s misses by reach: ...", side))
		}
	}
}

// TestSearchPassagesCache: the passages of a source are read once while
// the store is unchanged, and again once a claim covers one of them: the
// report's announcement is offered until a claim is stored at its place.
func TestSearchPassagesCache(t *testing.T) {
	store, _ := reachCorpus(t, t.TempDir())
	ctx := context.Background()
	st, err := openStore(ctx, &env{command: "supporters"}, store)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ps, ok := withSearch(st).(argmap.PassageSearcher)
	if !ok {
		t.Fatal("withSearch(st) is no argmap.PassageSearcher")
	}
	ids, err := sourceIDsByKey(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	const q, announcement = "The harbour board pays for the night ferry", "This report examines how the harbour board pays for the night ferry."
	find := func() *argmap.Span {
		t.Helper()
		hits, err := ps.SearchPassages(ctx, q, []string{ids["demo/01"]}, 30)
		if err != nil {
			t.Fatalf("SearchPassages: %v", err)
		}
		for _, h := range hits {
			if h.Evidence.Text == announcement {
				return &h.Evidence.Spans[0]
			}
		}
		return nil
	}
	sp := find()
	if sp == nil {
		t.Fatalf("SearchPassages(%q) has no passage %q", q, announcement)
	}
	if again := find(); again == nil || *again != *sp {
		t.Fatalf("SearchPassages(%q) again = %+v, want %+v", q, again, sp)
	}
	c := &argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Text: announcement, Origin: argmap.OriginCurated,
		Spans: []argmap.Span{{SourceID: sp.SourceID, Start: sp.Start, End: sp.End}}}
	if err := st.CreateClaim(ctx, c); err != nil {
		t.Fatalf("CreateClaim: %v", err)
	}
	if got := find(); got != nil {
		t.Errorf("SearchPassages(%q) after a claim covers it = %+v, want no such passage", q, got)
	}
}
