// Package gvwasm lays out Graphviz DOT with go-graphviz (Graphviz compiled to
// WebAssembly and run by wazero). It is the render worker's engine when the
// machine has no native Graphviz.
//
// Linking this package costs every process that does the compilation and
// instantiation of Graphviz's WebAssembly module in a package init (about
// 60–80 ms warm, a second or more with an empty cache), whatever the process
// then does: only cmd/argmap-render and tests link it, never cmd/argmap.
package gvwasm

import (
	"bytes"
	"context"
	"fmt"

	"github.com/goccy/go-graphviz"

	"github.com/argmap/argmap/internal/argmap"
)

// engineLock serialises every use of go-graphviz in this process. Its
// WebAssembly module is one instance per process and is not safe for
// concurrent use (upstream issue 117: out-of-bounds errors, "concurrent map
// writes" crashes, hangs). A channel rather than a mutex, so that waiting for
// it can give up when a context ends.
var engineLock = make(chan struct{}, 1)

// Layout lays out dot with Graphviz and returns its output in format ("svg",
// or "json": the layout with its drawing operations). It is a
// render.Layouter. The DOT is parsed afresh every time: go-graphviz
// misbehaves when a graph object is rendered more than once. A panic inside
// go-graphviz becomes EINTERNAL; any error may mean that this process's
// Graphviz is broken. Waiting for the engine ends with ctx; the layout itself
// cannot be stopped.
func Layout(ctx context.Context, format string, dot []byte) (out []byte, err error) {
	select {
	case engineLock <- struct{}{}:
	case <-ctx.Done():
		return nil, &argmap.Error{Code: argmap.EUNAVAILABLE, Message: "the renderer is busy", Err: ctx.Err()}
	}
	defer func() { <-engineLock }()
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, argmap.WrapInternal(fmt.Errorf("panic: %v", p), "the renderer failed")
		}
	}()
	var gvFormat graphviz.Format
	switch format {
	case "svg":
		gvFormat = graphviz.SVG
	case "json":
		gvFormat = "json"
	default:
		return nil, argmap.Errorf(argmap.EUNSUPPORTED, "cannot lay out as %q", format)
	}
	gv, err := graphviz.New(context.Background())
	if err != nil {
		return nil, argmap.WrapInternal(err, "cannot start Graphviz")
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, argmap.WrapInternal(err, "Graphviz cannot read the map")
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(context.Background(), g, gvFormat, &buf); err != nil {
		return nil, err // render classifies it (out of memory or a failed layout)
	}
	return buf.Bytes(), nil
}
