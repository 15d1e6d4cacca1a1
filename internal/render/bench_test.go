package render_test

import (
	"bytes"
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// BenchmarkRender renders a generated 200-node map (claims, evidence,
// relations, a few undercuts) in each format, in process and through a pool
// of worker processes. Memory figures of the worker pool count the parent
// only; the worker's own memory is bounded by Options.MemoryLimit.
func BenchmarkRender(b *testing.B) {
	g := bigGraph(200)
	for _, mode := range []string{"inprocess", "workers"} {
		var r *render.Renderer
		if mode == "workers" {
			r = render.New(workerOptions(2, time.Minute))
		} else {
			r = render.New(inProcess())
		}
		for _, f := range []argmap.RenderFormat{argmap.FormatDOT, argmap.FormatSVG, argmap.FormatPNG} {
			if mode == "workers" && f == argmap.FormatDOT {
				continue // DOT never reaches a worker
			}
			b.Run(mode+"/"+string(f), func(b *testing.B) {
				// Warm up: start the worker, load the fonts.
				if _, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: f}); err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				b.ResetTimer()
				var size int
				for b.Loop() {
					out, err := r.Render(context.Background(), g, argmap.RenderOptions{Format: f, Focus: "clm_0005"})
					if err != nil {
						b.Fatal(err)
					}
					size = len(out)
				}
				b.ReportMetric(float64(size), "bytes/map")
			})
		}
		r.Close()
	}
}

// BenchmarkRenderSVG1000 draws a generated 1000-node map as SVG: the native
// Graphviz dot run on its DOT by hand (the reference), the Renderer with
// native dot (one guarded dot process per map), and the Renderer with
// go-graphviz workers. No cache: every iteration lays the map out. Native
// figures skip when the machine has no dot.
func BenchmarkRenderSVG1000(b *testing.B) {
	g := bigGraph(1000)
	opt := argmap.RenderOptions{Format: argmap.FormatSVG, Focus: "clm_0005"}
	dot, err := render.DOT(g, opt)
	if err != nil {
		b.Fatal(err)
	}
	native := nativeDot()
	// cpu_ms/op is the CPU of every process an iteration used (the test
	// binary, dot, the worker), which the machine's load moves far less than
	// the wall time: the fair ratio on a shared machine.
	cpu := func(b *testing.B, start time.Duration) {
		if used := cpuWithChildren() - start; start > 0 && used > 0 {
			b.ReportMetric(float64(used.Microseconds())/1000/float64(b.N), "cpu_ms/op")
		}
	}
	// The reference by hand, at normal priority and at the lower priority
	// the Renderer gives its renders (nice 10, so that renders do not
	// starve the API): on a loaded machine the two differ.
	for _, nice := range []string{"0", "10"} {
		b.Run("dot-command-nice"+nice, func(b *testing.B) {
			if native == "" {
				b.Skip("no native dot")
			}
			start := cpuWithChildren()
			for b.Loop() {
				cmd := exec.Command("nice", "-n", nice, native, "-Tsvg")
				cmd.Stdin = bytes.NewReader(dot)
				if out, err := cmd.Output(); err != nil || len(out) == 0 {
					b.Fatal(err)
				}
			}
			cpu(b, start)
		})
	}
	modes := map[string]render.Options{"native": {Dot: native, CacheBytes: -1, Workers: 1}, "workers": workerOptions(1, 5*time.Minute)}
	for _, name := range []string{"native", "workers"} {
		b.Run(name, func(b *testing.B) {
			if name == "native" && native == "" {
				b.Skip("no native dot")
			}
			r := render.New(modes[name])
			// Warm up: start the worker (its start-up is counted in
			// cpu_ms/op, once over all iterations: its process is
			// waited for when the Renderer closes).
			if _, err := r.Render(context.Background(), smallGraph(), argmap.RenderOptions{Format: argmap.FormatSVG}); err != nil {
				r.Close()
				b.Fatal(err)
			}
			start := cpuWithChildren()
			for b.Loop() {
				if _, err := r.Render(context.Background(), g, opt); err != nil {
					r.Close()
					b.Fatal(err)
				}
			}
			r.Close()
			cpu(b, start)
		})
	}
}
