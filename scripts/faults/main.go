// Command faults probes argmap under faults and load and reports figures:
//
//   - kills: ingest a directory with the argmap binary and SIGKILL it at a
//     random moment, N times, each on a fresh store; then open the store as a
//     user would, check SQLite's integrity and that every stored document has
//     exactly the claims and evidence its extraction gives (nothing partial).
//   - soak: serve a store on a loopback port and run writers (unique document
//     uploads), readers (search, supporters, claim maps, the whole map) and
//     deleters (claims) at once for a while; then check that every
//     acknowledged upload is stored, count wrongly rejected uploads and server
//     errors, and accept 503 only on maps, with Retry-After (refused before
//     work starts).
//
// It exits non-zero when a check fails. scripts/faults.sh builds argmap and
// runs it; see there for the defaults.
package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	_ "modernc.org/sqlite"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/sqlitestore"
)

func main() {
	bin := flag.String("bin", "", "the argmap binary")
	docs := flag.String("docs", "scripts/demo/corpus", "directory of documents to ingest")
	kills := flag.Int("kills", 10, "SIGKILLs during ingest (0: none)")
	soak := flag.Duration("soak", 20*time.Second, "duration of the concurrent load (0: none)")
	writers := flag.Int("writers", 8, "concurrent writers")
	readers := flag.Int("readers", 8, "concurrent readers")
	deleters := flag.Int("deleters", 2, "concurrent deleters")
	flag.Parse()
	if *bin == "" {
		fmt.Fprintln(os.Stderr, "faults: -bin is required")
		os.Exit(2)
	}
	ok := true
	if *kills > 0 {
		ok = killIngest(*bin, *docs, *kills) && ok
	}
	if *soak > 0 {
		ok = soakServer(*bin, *docs, *soak, *writers, *readers, *deleters) && ok
	}
	if !ok {
		fmt.Println("FAIL")
		os.Exit(1)
	}
	fmt.Println("PASS")
}

// expected returns, per document file name, the claims and evidence its
// extraction gives (argmap extract --format jsonl).
func expected(bin, docs string) (map[string][2]int, error) {
	files, err := filepath.Glob(filepath.Join(docs, "*"))
	if err != nil {
		return nil, err
	}
	out := map[string][2]int{}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || !st.Mode().IsRegular() {
			continue
		}
		b, err := exec.Command(bin, "extract", "--format", "jsonl", f).Output()
		if err != nil {
			return nil, fmt.Errorf("extract %s: %w", f, err)
		}
		var n [2]int
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var rec struct{ Type string }
			if json.Unmarshal(sc.Bytes(), &rec) == nil {
				switch rec.Type {
				case "claim":
					n[0]++
				case "evidence":
					n[1]++
				}
			}
		}
		out[filepath.Base(f)] = n
	}
	return out, nil
}

func killIngest(bin, docs string, n int) bool {
	fmt.Printf("== SIGKILL during ingest, %d times (%s)\n", n, docs)
	want, err := expected(bin, docs)
	if err != nil {
		fmt.Println("  cannot extract the documents:", err)
		return false
	}
	dir, _ := os.MkdirTemp("", "argmap-faults-")
	defer os.RemoveAll(dir)
	// How long a whole ingest takes, to kill inside it.
	start := time.Now()
	if out, err := exec.Command(bin, "ingest", "--store", filepath.Join(dir, "full.db"), docs).CombinedOutput(); err != nil {
		fmt.Printf("  ingest without a kill failed: %v\n%s", err, out)
		return false
	}
	full := time.Since(start)
	fmt.Printf("  a whole ingest takes %v; kills land uniformly within it\n", full.Round(time.Millisecond))
	var partial, corrupt, unopenable, docsSeen, killedMid int
	for i := range n {
		store := filepath.Join(dir, fmt.Sprintf("k%03d.db", i))
		cmd := exec.Command(bin, "ingest", "--store", store, docs)
		if err := cmd.Start(); err != nil {
			fmt.Println("  cannot start ingest:", err)
			return false
		}
		time.Sleep(time.Duration(rand.Int64N(int64(full))))
		if cmd.Process.Signal(syscall.SIGKILL) == nil {
			killedMid++
		}
		cmd.Wait()
		got, err := storedCounts(store)
		switch {
		case errors.Is(err, errNoStore):
			continue // killed before the file was created
		case errors.Is(err, errCorrupt):
			corrupt++
			fmt.Printf("  kill %d: %v\n", i, err)
			continue
		case err != nil:
			unopenable++
			fmt.Printf("  kill %d: %v\n", i, err)
			continue
		}
		for uri, c := range got {
			docsSeen++
			w, ok := want[filepath.Base(uri)]
			if !ok || c != w {
				partial++
				fmt.Printf("  kill %d: %s stored with %d claims %d evidence, extraction gives %d and %d\n", i, filepath.Base(uri), c[0], c[1], w[0], w[1])
			}
		}
		os.Remove(store)
		os.Remove(store + "-wal")
		os.Remove(store + "-shm")
	}
	fmt.Printf("  kills: %d; documents found stored after them: %d; partial: %d; integrity failures: %d; stores that did not open: %d\n",
		killedMid, docsSeen, partial, corrupt, unopenable)
	return partial == 0 && corrupt == 0 && unopenable == 0
}

var (
	errNoStore = errors.New("no store")
	errCorrupt = errors.New("integrity check failed")
)

// storedCounts opens the store as a user would and returns claims and
// evidence per stored document (by URI).
func storedCounts(path string) (map[string][2]int, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, errNoStore
	}
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, err
	}
	var res string
	err = db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	db.Close()
	if err != nil || res != "ok" {
		return nil, fmt.Errorf("%w: %v %s", errCorrupt, err, res)
	}
	st, err := sqlitestore.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	defer st.Close()
	g, err := st.Neighbourhood(ctx, "", 0, 0)
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	uri := map[string]string{}
	for _, s := range g.Sources {
		if s.Kind != argmap.SourceCited {
			uri[s.ID] = s.URI
		}
	}
	out := map[string][2]int{}
	for id, u := range uri {
		_ = id
		out[u] = [2]int{}
	}
	for _, c := range g.Claims {
		if len(c.Spans) > 0 {
			if u, ok := uri[c.Spans[0].SourceID]; ok {
				n := out[u]
				n[0]++
				out[u] = n
			}
		}
	}
	for _, e := range g.Evidence {
		if len(e.Spans) > 0 {
			if u, ok := uri[e.Spans[0].SourceID]; ok {
				n := out[u]
				n[1]++
				out[u] = n
			}
		}
	}
	return out, nil
}

// tally counts answers by route class and status.
type tally struct {
	mu       sync.Mutex
	byStatus map[string]int
	bad      []string
}

func (t *tally) add(class string, status int, note string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.byStatus[fmt.Sprintf("%s %d", class, status)]++
	if note != "" && len(t.bad) < 20 {
		t.bad = append(t.bad, note)
	}
}

func soakServer(bin, docs string, d time.Duration, nw, nr, nd int) bool {
	fmt.Printf("== %d writers, %d readers, %d deleters against a live server for %v\n", nw, nr, nd, d)
	dir, _ := os.MkdirTemp("", "argmap-soak-")
	defer os.RemoveAll(dir)
	store := filepath.Join(dir, "s.db")
	if out, err := exec.Command(bin, "ingest", "--store", store, docs).CombinedOutput(); err != nil {
		fmt.Printf("  ingest failed: %v\n%s", err, out)
		return false
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("  no port:", err)
		return false
	}
	addr := l.Addr().String()
	l.Close()
	token := fmt.Sprintf("soak-%d", rand.Int64())
	srv := exec.Command(bin, "serve", "--store", store, "--addr", addr)
	srv.Env = append(os.Environ(), "ARGMAP_API_TOKENS=soak:"+token)
	logf, _ := os.Create(filepath.Join(dir, "server.log"))
	srv.Stdout, srv.Stderr = logf, logf
	if err := srv.Start(); err != nil {
		fmt.Println("  cannot serve:", err)
		return false
	}
	defer func() {
		srv.Process.Signal(syscall.SIGTERM)
		srv.Wait()
	}()
	base := "http://" + addr
	client := &http.Client{Timeout: 3 * time.Minute}
	for i := 0; ; i++ {
		if r, err := client.Get(base + "/healthz"); err == nil && r.StatusCode == 200 {
			r.Body.Close()
			break
		}
		if i > 300 {
			fmt.Println("  the server did not come up")
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
	t := &tally{byStatus: map[string]int{}}
	do := func(class, method, path string, body io.Reader, ct string) (int, []byte, http.Header) {
		req, _ := http.NewRequest(method, base+path, body)
		if ct != "" {
			req.Header.Set("Content-Type", ct)
		}
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := client.Do(req)
		if err != nil {
			t.add(class, 0, fmt.Sprintf("%s %s: %v", method, path, err))
			return 0, nil, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b, resp.Header
	}
	var acked sync.Map // source ID -> document name
	var ackedN, rejected, serverErrors, overloadOK, overloadBad atomic.Int64
	judge := func(class string, status int, h http.Header, b []byte, path string) {
		note := ""
		switch {
		case status >= 500 && status != 503:
			serverErrors.Add(1)
			note = fmt.Sprintf("%s %d %s", path, status, trunc(b))
		case status == 503 || status == 429:
			if (class == "map") && h.Get("Retry-After") != "" {
				overloadOK.Add(1)
			} else {
				overloadBad.Add(1)
				note = fmt.Sprintf("%s %d (retry-after %q) %s", path, status, h.Get("Retry-After"), trunc(b))
			}
		}
		t.add(class, status, note)
	}
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	// Readers read the claims of recent uploads (the deleters work through
	// the first page of all claims, so reading only that page mostly met 404s).
	var recentMu sync.Mutex
	recent := make([]string, 256)
	recentN := 0
	recentSource := func() string {
		recentMu.Lock()
		defer recentMu.Unlock()
		if recentN == 0 {
			return ""
		}
		return recent[rand.IntN(min(recentN, len(recent)))]
	}
	words := []string{"rescue", "detention", "return", "asylum", "border", "funding", "mandate", "protection", "deportation", "camps"}
	for w := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(stop); i++ {
				a, b := words[rand.IntN(len(words))], words[rand.IntN(len(words))]
				name := fmt.Sprintf("soak-%d-%d.txt", w, i)
				text := fmt.Sprintf("# Draft %d of writer %d\n\nWe argue that %s policy shapes %s outcomes for migrants (%d).\n"+
					"Critics contend that the IOM enforces the exclusion of asylum seekers, not their %s.\n"+
					"The report shows that %d people were affected by %s decisions in %d.\n", i, w, a, b, rand.IntN(1e6), b, 100+rand.IntN(9000), a, 2000+rand.IntN(25))
				var buf bytes.Buffer
				mw := multipart.NewWriter(&buf)
				fw, _ := mw.CreateFormFile("file", name)
				fw.Write([]byte(text))
				mw.Close()
				status, body, h := do("upload", http.MethodPost, "/v1/sources", &buf, mw.FormDataContentType())
				judge("upload", status, h, body, "POST /v1/sources")
				switch status {
				case 201, 200:
					var res struct{ Source struct{ ID string } }
					if json.Unmarshal(body, &res) == nil && res.Source.ID != "" {
						acked.Store(res.Source.ID, name)
						ackedN.Add(1)
						recentMu.Lock()
						recent[recentN%len(recent)] = res.Source.ID
						recentN++
						recentMu.Unlock()
					}
				case 400, 409, 413, 415:
					rejected.Add(1)
				}
			}
		}()
	}
	claimIDs := func(source string) []string {
		path := "/v1/claims?limit=100"
		if source != "" {
			path += "&source=" + source
		}
		_, b, _ := do("list", http.MethodGet, path, nil, "")
		var page struct{ Items []struct{ ID string } }
		json.Unmarshal(b, &page)
		var ids []string
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		return ids
	}
	for range nr {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids := claimIDs("")
			for i := 0; time.Now().Before(stop); i++ {
				if i%5 == 0 {
					if more := claimIDs(recentSource()); len(more) > 0 {
						ids = more
					}
				}
				id := "clm_none"
				if len(ids) > 0 {
					id = ids[rand.IntN(len(ids))]
				}
				var class, path string
				switch i % 5 {
				case 0:
					class, path = "search", "/v1/claims/search?q="+words[rand.IntN(len(words))]
				case 1:
					class, path = "read", "/v1/claims/"+id+"/supporters"
				case 2, 3:
					class, path = "map", "/v1/claims/"+id+"/map.svg"
				case 4:
					class, path = "map", "/v1/map.svg?limit=100"
				}
				status, body, h := do(class, http.MethodGet, path, nil, "")
				judge(class, status, h, body, "GET "+path)
			}
		}()
	}
	for range nd {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(stop) {
				ids := claimIDs("")
				if len(ids) == 0 {
					time.Sleep(50 * time.Millisecond)
					continue
				}
				path := "/v1/claims/" + ids[rand.IntN(len(ids))]
				status, body, h := do("delete", http.MethodDelete, path, nil, "")
				judge("delete", status, h, body, "DELETE "+path)
				time.Sleep(20 * time.Millisecond)
			}
		}()
	}
	// /healthz is asked four times a second throughout: it must answer 200,
	// and its latencies are reported (it shared the store's read pool).
	var health []time.Duration
	var healthBad int
	wg.Add(1)
	go func() {
		defer wg.Done()
		for time.Now().Before(stop) {
			start := time.Now()
			r, err := client.Get(base + "/healthz")
			el := time.Since(start)
			if err != nil || r.StatusCode != 200 {
				healthBad++
				note := fmt.Sprint(err)
				if r != nil {
					note = r.Status
					r.Body.Close()
				}
				t.add("healthz", 0, "GET /healthz: "+note)
			} else {
				r.Body.Close()
				health = append(health, el)
				t.add("healthz", 200, "")
			}
			time.Sleep(250 * time.Millisecond)
		}
	}()
	wg.Wait()
	if len(health) > 0 {
		sort.Slice(health, func(i, j int) bool { return health[i] < health[j] })
		q := func(p float64) time.Duration { return health[min(len(health)-1, int(p*float64(len(health))))] }
		fmt.Printf("  /healthz latency: p50 %v, p99 %v, max %v over %d requests\n", q(0.5).Round(time.Millisecond),
			q(0.99).Round(time.Millisecond), health[len(health)-1].Round(time.Millisecond), len(health))
	}
	// Every acknowledged upload must be stored (deleters delete claims only).
	var lost int
	acked.Range(func(k, v any) bool {
		status, _, _ := do("verify", http.MethodGet, "/v1/sources/"+k.(string), nil, "")
		if status != 200 {
			lost++
			t.add("verify", status, fmt.Sprintf("acknowledged %s (%s) answers %d", k, v, status))
		}
		return true
	})
	var keys []string
	for k := range t.byStatus {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("  %-14s %d\n", k, t.byStatus[k])
	}
	for _, b := range t.bad {
		fmt.Println("  !", b)
	}
	fmt.Printf("  uploads acknowledged: %d; lost: %d; wrongly rejected: %d; server errors (5xx but 503): %d; 503/429 with Retry-After on maps: %d; other 503/429: %d\n",
		ackedN.Load(), lost, rejected.Load(), serverErrors.Load(), overloadOK.Load(), overloadBad.Load())
	return lost == 0 && rejected.Load() == 0 && serverErrors.Load() == 0 && overloadBad.Load() == 0 && healthBad == 0
}

func trunc(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 160 {
		s = s[:160] + "…"
	}
	return s
}
