package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	"github.com/argmap/argmap/internal/ingest"
	"github.com/argmap/argmap/internal/sqlitestore"
)

// BenchmarkScale is the scale curve of issue 15 (scripts/bench.sh scale):
// one store grows to each size of ARGMAP_SCALE_DOCS (default 1000,10000
// documents) through IngestAll, the path of argmap ingest; at each size it
// prints the ingest rate of the documents added since the last size (and
// the process's CPU seconds for them: other load changes it less), the
// store's size and counts, and supporters latency by claim ID and by text
// (p50, p99) over stored claims picked at random. The documents are the
// mixed real corpus (IOM, demo, microtexts) first, then generated ones: a
// real document with about a third of its words replaced by words of other
// claims, so that texts are new but stay on the corpus's subjects (and a
// real document again every 20th and for HTML pages, whose claims restate
// stored ones). Right after each ingest the answers read SQL; they are timed
// again once the store's copies are read into memory (Warm), as a server
// answers, and without the stance judge (the store's part alone: the judge
// is most of a judged answer's CPU on real documents). ARGMAP_SCALE_KEEP=FILE
// grows the store at FILE and leaves it there.
func BenchmarkScale(b *testing.B) {
	sizes := []int{1000, 10000}
	if s := os.Getenv("ARGMAP_SCALE_DOCS"); s != "" {
		sizes = nil
		for _, f := range strings.Split(s, ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
				sizes = append(sizes, n)
			}
		}
		slices.Sort(sizes)
	}
	corpus := mixedCorpus(b)
	var vocab []string
	for _, d := range corpus {
		vocab = append(vocab, strings.Fields(string(d.Data))...)
	}
	doc := func(i int) argmap.Document {
		d := corpus[i%len(corpus)]
		if i < len(corpus) {
			return d
		}
		if i%20 == 0 || strings.HasSuffix(d.Name, ".html") { // words shuffled would break its markup
			d.Data = append(append([]byte{}, d.Data...), fmt.Sprintf("\n\nCopy %d.\n", i)...)
			d.Name = fmt.Sprintf("copy%d-%s", i, d.Name)
			return d
		}
		rnd := rand.New(rand.NewPCG(uint64(i), 7))
		lines := strings.Split(string(d.Data), "\n")
		for k, l := range lines {
			ws := strings.Fields(l)
			for j := range ws {
				if rnd.IntN(3) == 0 {
					ws[j] = vocab[rnd.IntN(len(vocab))]
				}
			}
			lines[k] = strings.Join(ws, " ")
		}
		d.Data = []byte(strings.Join(lines, "\n"))
		d.Name = fmt.Sprintf("gen%d-%s", i, d.Name)
		return d
	}
	for i := 0; i < b.N; i++ {
		path := filepath.Join(b.TempDir(), "scale.db")
		if keep := os.Getenv("ARGMAP_SCALE_KEEP"); keep != "" {
			// the grown store is left at that path (new) to be measured again
			if _, err := os.Stat(keep); err == nil {
				b.Fatalf("ARGMAP_SCALE_KEEP=%s exists: the curve grows a new store", keep)
			}
			path = keep
		}
		st, err := sqlitestore.Open(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		// the write-ahead log of 'argmap ingest'
		if err := st.SetWALPages(context.Background(), sqlitestore.IngestWALPages); err != nil {
			b.Fatal(err)
		}
		linker := extract.NewLinker()
		svc := ingest.New(st, extract.New(extract.Options{}), linker)
		j := extract.NewStancer()
		// the judge's word lists are read on its first question: not timed
		j.JudgeAll("Migrants return voluntarily.", []string{"Return is not voluntary for most migrants."})
		fmt.Printf("%8s %9s %8s %9s %7s %9s %8s %9s %10s %16s %16s %7s %16s %16s %16s %16s\n", "docs", "added MB", "MB/s", "docs/s", "CPU s", "store MB", "claims", "props", "relations",
			"SQL ID p50/p99/c", "SQL text", "warm s", "mem ID", "mem text", "no judge ID", "no judge text")
		done := 0
		var counts extract.LinkCounts
		for _, n := range sizes {
			var bytes int64
			failed, firstErr := 0, ""
			start, cpu := time.Now(), cpuTime(b)
			read := func(_ context.Context, k int) (argmap.Document, error) { return doc(done + k), nil }
			err := svc.IngestAll(context.Background(), n-done, 0, read, func(o ingest.Outcome) {
				bytes += int64(o.Bytes)
				if o.Err != nil {
					if failed++; failed == 1 {
						firstErr = o.Name + ": " + argmap.ErrorMessage(o.Err)
					}
				}
			})
			took, cpu := time.Since(start), cpuTime(b)-cpu
			if err != nil {
				b.Fatal(err)
			}
			added := n - done
			done = n
			c, err := st.Stats(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			props := propositions(b, st)
			size := int64(0)
			for _, suffix := range []string{"", "-wal"} {
				if fi, err := os.Stat(path + suffix); err == nil {
					size += fi.Size()
				}
			}
			// right after the ingest the answers read SQL (the store keeps no
			// copy of a version it has not seen unchanged for a second);
			// then as a server answers, once its copies are read (Warm)
			byID, byText := supportersLatency(b, st, j)
			t0 := time.Now()
			held, err := st.Warm(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			warm := fmt.Sprintf("%.1f", time.Since(t0).Seconds())
			memID, memText := "-", "-"
			if held {
				memID, memText = supportersLatency(b, st, j)
			} else {
				warm += "*" // too big to keep: answers read SQL
			}
			// and the store's part alone: the same questions without the
			// stance judge (the store benchmark's answers)
			storeID, storeText := supportersLatency(b, st, nil)
			fmt.Printf("%8d %9.1f %8.2f %9.1f %7.1f %9.1f %8d %9d %10d %16s %16s %7s %16s %16s %16s %16s\n", n, float64(bytes)/1e6, float64(bytes)/1e6/took.Seconds(),
				float64(added)/took.Seconds(), cpu.Seconds(), float64(size)/1e6, c.Claims, props, c.Relations, byID, byText, warm, memID, memText, storeID, storeText)
			// linking's work per new claim linked since the last size
			// (the writer links again what it could not take ahead)
			now := linker.Counts()
			per := func(x, y int64) float64 { return float64(x) / float64(max(y, 1)) }
			n := now.Claims - counts.Claims
			fmt.Printf("         linking per claim: %.1f stored candidates given, %.2f compared (%.2f of them with the document's own), %.2f matched (%d claims linked)\n",
				per(now.Pooled-counts.Pooled, n), per(now.Compared-counts.Compared, n), per(now.Own-counts.Own, n), per(now.Matched-counts.Matched, n), n)
			counts = now
			if failed > 0 {
				fmt.Printf("         (%d documents failed, the first %s)\n", failed, firstErr)
			}
		}
		st.Close()
	}
}

// propositions counts the propositions stored: claims that name their own.
func propositions(tb testing.TB, st *sqlitestore.Store) int {
	tb.Helper()
	n := 0
	after := ""
	for {
		cs, err := st.Claims(context.Background(), argmap.ClaimFilter{Page: argmap.Page{Limit: argmap.MaxLimit, After: after}})
		if err != nil {
			tb.Fatal(err)
		}
		for _, c := range cs {
			if c.Proposition == "" {
				n++
			}
		}
		if len(cs) < argmap.MaxLimit {
			return n
		}
		after = cs[len(cs)-1].ID
	}
}

// supportersLatency times FindSupporters for 100 claims picked at random,
// by ID and by their text (three relations deep), and returns
// "p50/p99/cpu" in milliseconds of each: wall p50 and p99, and the process's
// CPU time per answer (mean; a loaded machine changes it less than the wall
// time).
func supportersLatency(tb testing.TB, st *sqlitestore.Store, j argmap.Judge) (string, string) {
	tb.Helper()
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(1, 2))
	var picked []argmap.Claim
	for len(picked) < 100 {
		cs, err := st.Claims(ctx, argmap.ClaimFilter{Page: argmap.Page{Limit: 1, After: argmap.DerivedID(argmap.KindClaim, strconv.Itoa(rnd.IntN(1<<30)))}})
		if err != nil {
			tb.Fatal(err)
		}
		if len(cs) == 1 {
			picked = append(picked, cs[0])
		}
	}
	timeIt := func(q func(argmap.Claim) string) string {
		var ds []time.Duration
		cpu := cpuTime(tb)
		for _, c := range picked {
			start := time.Now()
			if _, err := argmap.FindSupporters(ctx, st, j, q(c), 3); err != nil {
				tb.Fatalf("FindSupporters(%q): %v", q(c), err)
			}
			ds = append(ds, time.Since(start))
		}
		cpu = (cpuTime(tb) - cpu) / time.Duration(len(ds))
		slices.Sort(ds)
		ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
		return fmt.Sprintf("%.1f/%.1f/%.1f", ms(ds[len(ds)/2]), ms(ds[len(ds)*99/100]), ms(cpu))
	}
	return timeIt(func(c argmap.Claim) string { return c.ID }), timeIt(func(c argmap.Claim) string { return c.Text })
}
