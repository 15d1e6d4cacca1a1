package render

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/goccy/go-graphviz"

	"github.com/argmap/argmap/internal/argmap"
)

// engineLock serialises every use of go-graphviz in this process. Its
// WebAssembly module is one instance per process and is not safe for
// concurrent use (upstream issue 117: out-of-bounds errors, "concurrent map
// writes" crashes, hangs). A channel rather than a mutex, so that waiting for
// it can give up when a context ends.
var engineLock = make(chan struct{}, 1)

// produce lays out dot with Graphviz and returns the map in format (SVG, or
// PNG drawn from Graphviz's json output). The caller holds engineLock. The
// DOT is parsed afresh every time: go-graphviz misbehaves when a graph object
// is rendered more than once. A panic inside go-graphviz becomes EINTERNAL.
func produce(ctx context.Context, format argmap.RenderFormat, dot []byte) (out []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fatal(argmap.WrapInternal(fmt.Errorf("panic: %v", p), "the renderer failed"))
		}
	}()
	var gvFormat graphviz.Format
	switch format {
	case argmap.FormatSVG:
		gvFormat = graphviz.SVG
	case argmap.FormatPNG:
		gvFormat = "json"
	default:
		return nil, argmap.Errorf(argmap.EUNSUPPORTED, "cannot render format %q", shorten(string(format), 20))
	}
	gv, err := graphviz.New(ctx)
	if err != nil {
		return nil, fatal(argmap.WrapInternal(err, "cannot start Graphviz"))
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fatal(argmap.WrapInternal(err, "Graphviz cannot read the map"))
	}
	defer g.Close()
	var buf bytes.Buffer
	if err := gv.Render(ctx, g, gvFormat, &buf); err != nil {
		if isOutOfMemory(err.Error()) {
			return nil, fatal(&argmap.Error{Code: argmap.ETOOLARGE, Message: errOutOfMemory, Err: err})
		}
		return nil, fatal(argmap.WrapInternal(err, "Graphviz failed to lay out the map"))
	}
	if err := checkNonEmpty(buf.Bytes()); err != nil {
		return nil, fatal(err)
	}
	if format == argmap.FormatPNG {
		return rasterise(buf.Bytes())
	}
	return buf.Bytes(), nil
}

// isOutOfMemory reports whether a message says memory ran out.
func isOutOfMemory(msg string) bool {
	for _, m := range oomMarkers {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// fatalError marks a failure after which the Graphviz instance of a process
// may be broken (a trap, a panic, garbage output): a worker process that sees
// one answers and exits, so that a fresh process replaces it.
type fatalError struct{ err error }

func fatal(err error) error { return &fatalError{err: err} }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }
