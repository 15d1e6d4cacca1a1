package render_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
)

// renderers returns an in-process renderer and one with two worker
// processes (copies of this test binary), closed when the test ends.
func renderers(t *testing.T) map[string]*render.Renderer {
	t.Helper()
	rs := map[string]*render.Renderer{
		"inprocess": render.New(inProcess()),
		"workers":   render.New(workerOptions(2, 0)),
	}
	if dot := nativeDot(); dot != "" {
		// The same wait for a free worker as workerOptions: on a loaded
		// machine the default ten seconds is a timing the test is not about.
		rs["native"] = render.New(render.Options{Dot: dot, CacheBytes: -1, Workers: 2, QueueTimeout: 5 * time.Minute})
	}
	t.Cleanup(func() {
		for _, r := range rs {
			r.Close()
		}
	})
	return rs
}

var labelRE = regexp.MustCompile(`label="((?:[^"\\]|\\.)*)"`)

// dotLabels returns the text lines of every node label in a DOT document, as
// a reader should see them.
func dotLabels(t *testing.T, dot []byte) []string {
	t.Helper()
	var lines []string
	for _, m := range labelRE.FindAllStringSubmatch(string(dot), -1) {
		var cur strings.Builder
		flush := func() {
			if l := strings.ReplaceAll(cur.String(), "&amp;", "&"); strings.TrimSpace(l) != "" {
				lines = append(lines, l)
			}
			cur.Reset()
		}
		s := m[1]
		for i := 0; i < len(s); i++ {
			if s[i] == '\\' && i+1 < len(s) {
				i++
				if s[i] == 'n' {
					flush()
					continue
				}
			}
			cur.WriteByte(s[i])
		}
		flush()
	}
	return lines
}

// svgTexts parses an SVG strictly and returns the text of its text elements
// and the names of all its elements.
func svgTexts(t *testing.T, svg []byte) (texts map[string]bool, elems map[string]bool) {
	t.Helper()
	texts, elems = map[string]bool{}, map[string]bool{}
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	inText := false
	var cur strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse as XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			elems[tok.Name.Local] = true
			if tok.Name.Local == "text" {
				inText = true
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				// Bold labels keep Graphviz off their backslashes with an
				// invisible word joiner; what a reader sees is the text.
				texts[strings.ReplaceAll(cur.String(), "\u2060", "")] = true
				inText = false
			}
		}
	}
	return texts, elems
}

func TestRenderSVG(t *testing.T) {
	graphs := map[string]*argmap.Graph{"small": smallGraph(), "injection": injectionGraph()}
	for rname, r := range renderers(t) {
		for gname, g := range graphs {
			t.Run(rname+"/"+gname, func(t *testing.T) {
				opt := argmap.RenderOptions{Format: argmap.FormatSVG, Title: `Title "with" \N <script> & ]]>`}
				svg, err := r.Render(context.Background(), g, opt)
				if err != nil {
					t.Fatalf("Render(svg) error: %v", err)
				}
				if !bytes.HasPrefix(svg, []byte("<?xml")) {
					t.Errorf("Render(svg) starts with %q, want <?xml", svg[:min(len(svg), 20)])
				}
				texts, elems := svgTexts(t, svg)
				for _, bad := range []string{"script", "foreignObject", "iframe"} {
					if elems[bad] {
						t.Errorf("Render(svg) has a <%s> element", bad)
					}
				}
				dot, err := render.DOT(g, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range dotLabels(t, dot) {
					if !texts[l] {
						t.Errorf("Render(svg) lacks the label text %q", l)
					}
				}
				// Every injection text reaches the picture literally.
				if gname == "injection" {
					for _, want := range []string{`say "hi" ] ; node [shape=box]`, `back\slash \N \G \E \L \l \r`, `<script>alert(1)</script>`, `]]> <![CDATA[ x ]]>`, `&amp; &lt;tag&gt; &bogus;`, `<!-- comment --> -- double`, `Title "with" \N <script> & ]]>`} {
						if !texts[want] {
							t.Errorf("Render(svg) lacks the literal text %q", want)
						}
					}
				}
			})
		}
	}
}

func TestRenderDeterministic(t *testing.T) {
	var first []byte
	for _, name := range []string{"inprocess", "workers"} {
		r := renderers(t)[name]
		for i := range 3 {
			svg, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG, Focus: "rel_linked"})
			if err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = svg
			} else if !bytes.Equal(first, svg) {
				t.Fatalf("Render(svg) %s run %d differs from the first run", name, i)
			}
		}
	}
}

// colourCount counts pixels within tol of c on every channel.
func colourCount(img image.Image, r, g, b uint8, tol int) int {
	n := 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			pr, pg, pb, _ := img.At(x, y).RGBA()
			d := func(a uint32, b uint8) int { return max(int(a>>8)-int(b), int(b)-int(a>>8)) }
			if d(pr, r) <= tol && d(pg, g) <= tol && d(pb, b) <= tol {
				n++
			}
		}
	}
	return n
}

func TestRenderPNG(t *testing.T) {
	for rname, r := range renderers(t) {
		t.Run(rname, func(t *testing.T) {
			out, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatPNG, Focus: "clm_rose", Title: "Sea rescue"})
			if err != nil {
				t.Fatalf("Render(png) error: %v", err)
			}
			img, err := png.Decode(bytes.NewReader(out))
			if err != nil {
				t.Fatalf("Render(png) does not decode: %v", err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			if w < 600 || h < 300 || w > 4000 || h > 2000 {
				t.Errorf("Render(png) is %d×%d pixels, want between 600×300 and 4000×2000 for the small map", w, h)
			}
			for _, c := range []struct {
				name    string
				r, g, b uint8
				min     int
			}{
				{"support green", 0x2e, 0x7d, 0x32, 300},
				{"contest red", 0xc6, 0x28, 0x28, 200},
				{"focus yellow", 0xff, 0xf5, 0x9d, 1000},
				{"white background", 0xff, 0xff, 0xff, w * h / 2},
				{"black text", 0, 0, 0, 300},
			} {
				if n := colourCount(img, c.r, c.g, c.b, 40); n < c.min {
					t.Errorf("Render(png) has %d %s pixels, want at least %d", n, c.name, c.min)
				}
			}
		})
	}
}

func TestRenderErrors(t *testing.T) {
	small := smallGraph()
	tests := []struct {
		name string
		opt  render.Options
		g    *argmap.Graph
		ropt argmap.RenderOptions
		code string
	}{
		{"unknown format", inProcess(), small, argmap.RenderOptions{Format: "gif"}, argmap.EUNSUPPORTED},
		{"empty format", inProcess(), small, argmap.RenderOptions{}, argmap.EUNSUPPORTED},
		{"empty graph", inProcess(), &argmap.Graph{}, argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.EINVALID},
		{"unknown focus", inProcess(), small, argmap.RenderOptions{Format: argmap.FormatSVG, Focus: "clm_x"}, argmap.EINVALID},
		{"too many nodes", render.Options{MaxNodes: 5}, small, argmap.RenderOptions{Format: argmap.FormatDOT}, argmap.ETOOLARGE},
		{"too many edges", render.Options{MaxEdges: 5}, small, argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.ETOOLARGE},
		{"default node bound", inProcess(), bigGraph(2100), argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.ETOOLARGE},
		{"worker that exits", render.Options{Worker: []string{"/bin/sh", "-c", "exit 3"}}, small, argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.EINTERNAL},
		{"worker that talks nonsense", render.Options{Worker: []string{"/bin/sh", "-c", "head -c 64 /dev/zero; exec sleep 600"}}, small, argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.EINTERNAL},
		{"worker that cannot start", render.Options{Worker: []string{"/nonexistent/argmap"}}, small, argmap.RenderOptions{Format: argmap.FormatSVG}, argmap.EUNAVAILABLE},
		{"no worker and no engine", render.Options{Missing: "build cmd/argmap-render"}, small, argmap.RenderOptions{Format: argmap.FormatPNG}, argmap.EUNAVAILABLE},
		{"DOT without an engine", render.Options{}, small, argmap.RenderOptions{Format: argmap.FormatDOT}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render.New(tt.opt)
			defer r.Close()
			out, err := r.Render(context.Background(), tt.g, tt.ropt)
			if got := argmap.ErrorCode(err); got != tt.code {
				t.Errorf("Render(%s) = %d bytes, error %v (code %q), want code %q", tt.name, len(out), err, got, tt.code)
			}
		})
	}
}

func TestRenderTimeout(t *testing.T) {
	big := bigGraph(1500)
	t.Run("caller leaves", func(t *testing.T) {
		// A caller whose context ends (a client that disconnects) is
		// answered at once, but its render goes on in the same worker,
		// which is not killed: the map is then served to the next caller
		// without starting a worker again. The worker is started through a
		// shell that counts its starts.
		starts := filepath.Join(t.TempDir(), "starts")
		opt := workerOptions(1, 2*time.Minute)
		opt.Worker = append([]string{"/bin/sh", "-c", `echo started >> "$0"; exec "$@"`, starts}, opt.Worker...)
		r := render.New(opt)
		defer r.Close()
		countStarts := func() int {
			b, _ := os.ReadFile(starts)
			return strings.Count(string(b), "started")
		}
		if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := r.Render(ctx, big, argmap.RenderOptions{Format: argmap.FormatSVG})
		if got := argmap.ErrorCode(err); got != argmap.EUNAVAILABLE {
			t.Fatalf("Render(1500 nodes, 100 ms) error = %v, want EUNAVAILABLE", err)
		}
		if d := time.Since(start); d > time.Second {
			t.Errorf("Render(1500 nodes, 100 ms) took %v to give up", d)
		}
		svg, err := r.Render(context.Background(), big, argmap.RenderOptions{Format: argmap.FormatSVG})
		if err != nil || !bytes.Contains(svg, []byte("<svg")) {
			t.Fatalf("Render of the map again = %d bytes, %v", len(svg), err)
		}
		if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatPNG}); err != nil {
			t.Fatal(err)
		}
		if n := countStarts(); n != 1 {
			t.Errorf("worker started %d times, want once: a caller that left killed its worker", n)
		}
	})
	t.Run("option", func(t *testing.T) {
		r := render.New(workerOptions(1, 50*time.Millisecond))
		defer r.Close()
		_, err := r.Render(context.Background(), big, argmap.RenderOptions{Format: argmap.FormatPNG})
		if got := argmap.ErrorCode(err); got != argmap.EUNAVAILABLE {
			t.Fatalf("Render(Timeout 50 ms) error = %v, want EUNAVAILABLE", err)
		}
	})
	t.Run("inprocess", func(t *testing.T) {
		r := render.New(render.Options{Engine: gvwasm.Layout, Timeout: 50 * time.Millisecond})
		start := time.Now()
		_, err := r.Render(context.Background(), bigGraph(600), argmap.RenderOptions{Format: argmap.FormatSVG})
		if got := argmap.ErrorCode(err); got != argmap.EUNAVAILABLE {
			t.Fatalf("Render in process (Timeout 50 ms) error = %v, want EUNAVAILABLE", err)
		}
		if d := time.Since(start); d > 500*time.Millisecond {
			t.Errorf("Render in process took %v to give up", d)
		}
		// The abandoned render finishes in the background; then renders work.
		r2 := render.New(inProcess())
		if _, err := r2.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
			t.Fatalf("Render in process after a timeout: %v", err)
		}
	})
}

func TestRenderMemoryLimit(t *testing.T) {
	t.Run("out of memory", func(t *testing.T) {
		opt := workerOptions(1, 20*time.Second)
		opt.MemoryLimit = 48 << 20 // far below what Graphviz needs
		r := render.New(opt)
		defer r.Close()
		_, err := r.Render(context.Background(), bigGraph(300), argmap.RenderOptions{Format: argmap.FormatSVG})
		if got := argmap.ErrorCode(err); got != argmap.ETOOLARGE {
			t.Fatalf("Render with a 48 MiB worker = %v, want ETOOLARGE (out of memory is the map's size, not a server fault)", err)
		}
	})
	t.Run("sized to the work", func(t *testing.T) {
		// A worker's limit is on the memory it uses, not on the address
		// space it reserves: a Go process reserves over a gigabyte it never
		// touches, so a 512 MiB address-space cap stopped workers starting.
		opt := workerOptions(1, 20*time.Second)
		opt.MemoryLimit = 512 << 20
		r := render.New(opt)
		defer r.Close()
		for _, g := range []*argmap.Graph{smallGraph(), bigGraph(300)} {
			if _, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
				t.Errorf("Render(%d claims) with a 512 MiB worker: %v", len(g.Claims), err)
			}
		}
	})
}

// TestRenderWorkerLifecycle checks that a worker's death is never the next
// request's failure, and that a worker that misbehaves is killed with all it
// started, at once.
func TestRenderWorkerLifecycle(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc")
	}
	t.Run("died while idle", func(t *testing.T) {
		pidFile := filepath.Join(t.TempDir(), "pid")
		opt := workerOptions(1, 20*time.Second)
		// The shell writes its PID and becomes the worker (exec keeps it).
		opt.Worker = []string{"/bin/sh", "-c", `echo $$ > "$0"; exec "$@"`, pidFile, os.Args[0], "-test.run=^$"}
		r := render.New(opt)
		defer r.Close()
		if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
			t.Fatalf("first Render: %v", err)
		}
		pid := readPID(t, pidFile)
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatalf("kill worker %d: %v", pid, err)
		}
		waitGone(t, pid)
		if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
			t.Errorf("Render after the idle worker died = %v, want a picture from a new worker", err)
		}
	})
	t.Run("talks nonsense", func(t *testing.T) {
		// The worker starts a child that holds its output open, then writes
		// garbage: both must be gone when Render returns.
		pidFile := filepath.Join(t.TempDir(), "pid")
		r := render.New(render.Options{Worker: []string{"/bin/sh", "-c", `sleep 600 & echo $! > "$0"; head -c 64 /dev/zero; wait`, pidFile}})
		defer r.Close()
		_, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG})
		if got := argmap.ErrorCode(err); got != argmap.EINTERNAL {
			t.Errorf("Render(nonsense) = %v, want EINTERNAL", err)
		}
		waitGone(t, readPID(t, pidFile))
	})
}

func readPID(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("pid file %q: %v", b, err)
	}
	return pid
}

// waitGone waits until process pid has ended (gone or a zombie). Its only
// deadline guards against a hang: a process that was not killed sleeps far
// longer.
func waitGone(t *testing.T, pid int) {
	t.Helper()
	for range 600 {
		b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return
		}
		if f := strings.Fields(string(b)); len(f) > 2 && f[2] == "Z" {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("process %d still runs: the worker was not killed with all it started", pid)
}

func TestRenderConcurrent(t *testing.T) {
	for rname, r := range renderers(t) {
		t.Run(rname, func(t *testing.T) {
			const goroutines = 6
			var wg sync.WaitGroup
			errs := make(chan error, goroutines*3)
			for i := range goroutines {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for j, f := range []argmap.RenderFormat{argmap.FormatSVG, argmap.FormatPNG, argmap.FormatSVG} {
						g := smallGraph()
						if (i+j)%2 == 1 {
							g = bigGraph(60)
						}
						// A title of its own: the same map asked at once is rendered once.
						out, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: f, Title: fmt.Sprint("map ", i, j)})
						if err != nil {
							errs <- fmt.Errorf("goroutine %d render %d (%s): %w", i, j, f, err)
							continue
						}
						switch f {
						case argmap.FormatSVG:
							if !bytes.HasPrefix(out, []byte("<?xml")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("</svg>")) {
								errs <- fmt.Errorf("goroutine %d render %d: not a whole SVG", i, j)
							}
						case argmap.FormatPNG:
							if _, err := png.Decode(bytes.NewReader(out)); err != nil {
								errs <- fmt.Errorf("goroutine %d render %d: %w", i, j, err)
							}
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
		})
	}
}

func TestServeWorkerMalformed(t *testing.T) {
	tests := []struct {
		name string
		in   string
	}{
		{"bad magic", "XXXX\x03svg\x00\x00\x00\x01x"},
		{"truncated", "AMRQ\x03sv"},
		{"oversized", "AMRQ\x03svg\xff\xff\xff\xff"},
	}
	for _, tt := range tests {
		var out bytes.Buffer
		if err := render.ServeWorker(strings.NewReader(tt.in), &out, gvwasm.Layout); err == nil {
			t.Errorf("ServeWorker(%s) = nil, want an error", tt.name)
		}
	}
	var out bytes.Buffer
	if err := render.ServeWorker(strings.NewReader(""), &out, gvwasm.Layout); err != nil || out.Len() != 0 {
		t.Errorf("ServeWorker(no requests) = %v with %d bytes written, want nil and nothing", err, out.Len())
	}
}

// TestRenderQueueBound checks that renders beyond the workers and the queue
// are refused at once, before any work, with EUNAVAILABLE (503 with
// Retry-After in the API), instead of piling up until they time out.
func TestRenderQueueBound(t *testing.T) {
	opt := render.Options{Worker: []string{"/bin/sh", "-c", "exec sleep 600"}, Workers: 1, MaxQueue: 1,
		QueueTimeout: time.Hour, Timeout: time.Hour}
	r := render.New(opt)
	defer r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const renders = 5
	errs := make(chan error, renders)
	for i := range renders {
		go func() {
			// Different titles: renders of one map would share one render.
			_, err := r.Render(ctx, smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG, Title: fmt.Sprint("map ", i)})
			errs <- err
		}()
	}
	// One render holds the worker (which never answers), one waits: the
	// other three are refused without waiting.
	for range renders - 2 {
		err := <-errs
		if argmap.ErrorCode(err) != argmap.EUNAVAILABLE || !strings.Contains(argmap.ErrorMessage(err), "busy") {
			t.Errorf("Render beyond worker and queue = %v, want EUNAVAILABLE, every renderer is busy", err)
		}
	}
	cancel()
	for range 2 {
		if err := <-errs; argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
			t.Errorf("Render cancelled while rendering or queued = %v, want EUNAVAILABLE", err)
		}
	}
}

// TestRenderCache checks that a map asked again comes from the cache (it is
// served after the workers are gone), that the cache keeps within its bound
// (the least recently used map goes first), and that Tag names a map.
func TestRenderCache(t *testing.T) {
	opt := workerOptions(1, 2*time.Minute)
	opt.CacheBytes = 0 // the default
	r := render.New(opt)
	svg := argmap.RenderOptions{Format: argmap.FormatSVG}
	first, err := r.Render(context.Background(), smallGraph(), svg)
	if err != nil {
		t.Fatal(err)
	}
	tag, err := r.Tag(smallGraph(), svg)
	if err != nil || len(tag) < 32 {
		t.Fatalf("Tag = %q, %v", tag, err)
	}
	for _, other := range []argmap.RenderOptions{{Format: argmap.FormatPNG}, {Format: argmap.FormatSVG, Title: "another"}, {Format: argmap.FormatSVG, Focus: "clm_rose"}} {
		if t2, _ := r.Tag(smallGraph(), other); t2 == tag {
			t.Errorf("Tag(%+v) = Tag(svg) = %s: a different map has the same tag", other, tag)
		}
	}
	if _, err := r.Tag(smallGraph(), argmap.RenderOptions{Format: "gif"}); argmap.ErrorCode(err) != argmap.EUNSUPPORTED {
		t.Errorf("Tag(gif) error = %v, want EUNSUPPORTED", err)
	}
	r.Close()
	again, err := r.Render(context.Background(), smallGraph(), svg)
	if err != nil || !bytes.Equal(again, first) {
		t.Fatalf("Render of a cached map after Close = %d bytes, %v; want the first map", len(again), err)
	}
	if _, err := r.Render(context.Background(), bigGraph(60), svg); argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
		t.Errorf("Render of a new map after Close = %v, want EUNAVAILABLE", err)
	}

	// A bound of about four small maps: the first of six is evicted.
	opt.CacheBytes = 4*len(first) + len(first)/2
	r = render.New(opt)
	for i := range 6 {
		if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG, Title: fmt.Sprint("map ", i)}); err != nil {
			t.Fatal(err)
		}
	}
	r.Close()
	if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG, Title: "map 5"}); err != nil {
		t.Errorf("the last map rendered is not cached: %v", err)
	}
	if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG, Title: "map 0"}); err == nil {
		t.Errorf("the first of six maps is still cached past a bound of about four")
	}
}

// TestRenderNativeGuards checks the guards around a native dot with fake
// programs: one that hangs is killed with all it started when Timeout
// passes; one that fails, or writes what is not a picture, is an internal
// error; one that cannot start is EUNAVAILABLE.
func TestRenderNativeGuards(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	script := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"+body+"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, dot string
		code      string
	}{
		{"hangs", script("hang", `sleep 600 & echo $! > "`+pidFile+`"; wait`), argmap.EUNAVAILABLE},
		{"fails", script("fail", `echo "Error: syntax" >&2; exit 1`), argmap.EINTERNAL},
		{"garbage", script("garbage", `cat >/dev/null; head -c 64 /dev/zero`), argmap.EINTERNAL},
		{"not svg", script("notsvg", `cat >/dev/null; echo "<html></html>"`), argmap.EINTERNAL},
		{"missing", filepath.Join(dir, "nope"), argmap.EUNAVAILABLE},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := render.New(render.Options{Dot: tt.dot, Timeout: 300 * time.Millisecond, CacheBytes: -1})
			defer r.Close()
			start := time.Now()
			_, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG})
			if got := argmap.ErrorCode(err); got != tt.code {
				t.Errorf("Render with a dot that %s = %v, want %s", tt.name, err, tt.code)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Render with a dot that %s took %v", tt.name, d)
			}
		})
	}
	closed := render.New(render.Options{Dot: script("closed", `cat >/dev/null; echo "<svg/>"`), CacheBytes: -1})
	closed.Close()
	if _, err := closed.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); argmap.ErrorCode(err) != argmap.EUNAVAILABLE {
		t.Errorf("Render with native dot after Close = %v, want EUNAVAILABLE", err)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatalf("the hanging dot did not start its child: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	for range 100 {
		if syscall.Kill(pid, 0) != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("process %d still runs: the hanging dot was not killed with all it started", pid)
}

// TestCheckOutputSVG checks what the SVG check lets through: a well-formed
// document whose root is svg, and nothing malformed.
func TestCheckOutputSVG(t *testing.T) {
	tests := []struct {
		name, svg string
		ok        bool
	}{
		{"minimal", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><g><text>a &amp; b</text></g></svg>`, true},
		{"namespaced", `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="#x"><g/></a></svg>`, true},
		{"doctype and comment", "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">\n<!-- c -->\n<svg><g></g></svg>\n", true},
		{"unclosed", `<svg><g><text>a</text></svg>`, false},
		{"truncated", `<svg><g><text>a</text>`, false},
		{"crossed", `<svg><g><a></g></a></svg>`, false},
		{"end without start", `<svg></g></svg>`, false},
		{"other prefix closes", `<svg><x:g></y:g></svg>`, false},
		{"bad entity", `<svg>&nope;</svg>`, false},
		{"root not svg", `<html><svg></svg></html>`, false},
		{"not xml", `<svg <<>`, false},
	}
	for _, tt := range tests {
		err := render.CheckOutput(argmap.FormatSVG, []byte(tt.svg))
		if (err == nil) != tt.ok {
			t.Errorf("CheckOutput(%s) = %v, want ok %v", tt.name, err, tt.ok)
		}
		if err != nil && argmap.ErrorCode(err) != argmap.EINTERNAL {
			t.Errorf("CheckOutput(%s) code %s, want EINTERNAL", tt.name, argmap.ErrorCode(err))
		}
	}
}
