package actor_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/sharedtest"
)

// goldUnit is one line of gold-dev.jsonl.
type goldUnit struct {
	Doc       string   `json:"doc"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Label     string   `json:"label"`
	Alt       []string `json:"alt"`
	Actors    []string `json:"actors"`
	Citations []string `json:"citations"`
}

func readGold(t testing.TB, shared string) []goldUnit {
	t.Helper()
	f, err := os.Open(filepath.Join(shared, "eval", "gold-dev.jsonl"))
	if err != nil {
		t.Skipf("gold-dev.jsonl not available: %v", err)
	}
	defer f.Close()
	var out []goldUnit
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var u goldUnit
		if err := json.Unmarshal(sc.Bytes(), &u); err != nil {
			t.Fatalf("gold line: %v", err)
		}
		out = append(out, u)
	}
	return out
}

func argumentative(u goldUnit) bool {
	for _, l := range append([]string{u.Label}, u.Alt...) {
		if l == "CLAIM" || l == "EVIDENCE" {
			return true
		}
	}
	return false
}

// The scorer's alias table, restated: forms folded together when scoring.
var scoreAliases = [][]string{
	{"iom", "international organization for migration", "international organisation for migration", "the migration agency"},
	{"unhcr", "un refugee agency", "u.n. high commissioner for refugees", "un high commissioner for refugees", "united nations high commissioner for refugees", "office of the united nations high commissioner for refugees"},
	{"eu", "european union"},
	{"un", "united nations", "u.n."},
	{"united states", "us", "u.s.", "usa", "united states of america"},
	{"amnesty international", "ai"},
	{"human rights watch", "hrw"},
	{"frontex", "european border agency", "european border and coast guard agency"},
	{"ilo", "international labour organization", "international labor organization"},
	{"icmpd", "international centre for migration policy development"},
	{"eutf", "eu emergency trust fund for africa", "emergency trust fund for africa"},
	{"picmme", "provisional intergovernmental committee for the movement of migrants from europe"},
}

var spaces = regexp.MustCompile(`\s+`)

func scoreNorm(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if r < 128 {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	s = strings.TrimSpace(b.String())
	s = strings.TrimPrefix(s, "the ")
	s = regexp.MustCompile("['`]s?$").ReplaceAllString(s, "")
	return spaces.ReplaceAllString(s, " ")
}

func scoreCanon(name string) string {
	n := scoreNorm(name)
	for _, g := range scoreAliases {
		for _, a := range g {
			if a == n {
				s := append([]string(nil), g...)
				sort.Strings(s)
				return s[0]
			}
		}
	}
	return n
}

// TestCorpusActors runs Find over each gold document and compares the actors
// it names inside the gold argumentative units with the gold actors.
func TestCorpusActors(t *testing.T) {
	shared := sharedtest.Dir(t)
	gold := readGold(t, shared)
	byDoc := map[string][]goldUnit{}
	var docs []string
	for _, u := range gold {
		if _, ok := byDoc[u.Doc]; !ok {
			docs = append(docs, u.Doc)
		}
		byDoc[u.Doc] = append(byDoc[u.Doc], u)
	}
	f := actor.NewFinder()
	tp, np, ng := 0, 0, 0
	for _, doc := range docs {
		b, err := os.ReadFile(filepath.Join(shared, "corpus", "iom", doc))
		if err != nil {
			t.Fatalf("read %s: %v", doc, err)
		}
		want := map[string]bool{}
		for _, u := range byDoc[doc] {
			if argumentative(u) {
				for _, a := range u.Actors {
					want[scoreCanon(a)] = true
				}
			}
		}
		ms, actors := f.Find(string(b))
		aliases := map[string][]string{}
		for _, a := range actors {
			aliases[a.Name] = append([]string{a.Name}, a.Aliases...)
		}
		got := map[string]bool{}
		for _, m := range ms {
			in := false
			for _, u := range byDoc[doc] {
				if argumentative(u) && m.Start >= u.Start && m.End <= u.End {
					in = true
					break
				}
			}
			if !in {
				continue
			}
			key := scoreCanon(m.Name)
			for _, n := range aliases[m.Name] {
				if want[scoreCanon(n)] {
					key = scoreCanon(n)
				}
			}
			got[key] = true
		}
		var fp, fn []string
		for k := range got {
			if want[k] {
				tp++
			} else {
				fp = append(fp, k)
			}
		}
		for k := range want {
			if !got[k] {
				fn = append(fn, k)
			}
		}
		sort.Strings(fp)
		sort.Strings(fn)
		np += len(got)
		ng += len(want)
		t.Logf("%s: %d predicted, %d gold; false positives %q; missed %q", doc, len(got), len(want), fp, fn)
		if testing.Verbose() {
			for _, a := range actors {
				t.Logf("  %-40s %-12s %3d %q", a.Name, a.Kind, a.Mentions, a.Aliases)
			}
		}
	}
	p, r := float64(tp)/float64(max(np, 1)), float64(tp)/float64(max(ng, 1))
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("actor P=%.3f R=%.3f F1=%.3f (tp=%d pred=%d gold=%d)", p, r, f1, tp, np, ng)
	if f1 < minActorF1 {
		t.Errorf("actor F1 = %.3f, want >= %.2f", f1, minActorF1)
	}
}

// minActorF1 is the floor reached on the dev set; a regression fails the test.
const minActorF1 = 0.95

func BenchmarkFind(b *testing.B) {
	text := sharedtest.Repeated(b, 5<<20)
	f := actor.NewFinder()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Find(text)
	}
}
