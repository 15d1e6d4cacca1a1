package render_test

import (
	"context"
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
