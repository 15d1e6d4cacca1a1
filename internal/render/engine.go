package render

import (
	"context"
	"errors"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/childproc"
)

// Layouter lays out DOT with Graphviz and returns Graphviz's output in format:
// "svg", or "json" (the layout with its drawing operations, from which this
// package draws PNG). Any error is taken to mean that the engine may be
// broken: a worker process answers it and exits. gvwasm.Layout is one.
type Layouter func(ctx context.Context, format string, dot []byte) ([]byte, error)

// layoutFormat is the Graphviz output that a render format is made from.
func layoutFormat(format argmap.RenderFormat) (string, error) {
	switch format {
	case argmap.FormatSVG:
		return "svg", nil
	case argmap.FormatPNG:
		return "json", nil
	}
	return "", argmap.Errorf(argmap.EUNSUPPORTED, "cannot render format %q", shorten(string(format), 20))
}

// produce lays out dot with lay and returns the map in format (SVG, or PNG
// drawn from the layout).
func produce(ctx context.Context, lay Layouter, format argmap.RenderFormat, dot []byte) ([]byte, error) {
	gvFormat, err := layoutFormat(format)
	if err != nil {
		return nil, err
	}
	out, err := lay(ctx, gvFormat, dot)
	if err != nil {
		return nil, fatal(layoutError(err))
	}
	return finish(format, out)
}

// finish turns Graphviz's output into the map: SVG as it is, PNG drawn from
// the json layout.
func finish(format argmap.RenderFormat, out []byte) ([]byte, error) {
	if err := checkNonEmpty(out); err != nil {
		return nil, fatal(err)
	}
	if format == argmap.FormatPNG {
		return rasterise(out)
	}
	return out, nil
}

// layoutError classifies a failed layout: ETOOLARGE when memory ran out, the
// engine's own error when it is one of argmap's, else EINTERNAL.
func layoutError(err error) error {
	if childproc.IsOutOfMemory(err.Error()) {
		return &argmap.Error{Code: argmap.ETOOLARGE, Message: errOutOfMemory, Err: err}
	}
	var ae *argmap.Error
	if errors.As(err, &ae) {
		return err
	}
	return argmap.WrapInternal(err, "Graphviz failed to lay out the map")
}

// fatalError marks a failure after which the Graphviz instance of a process
// may be broken (a trap, a panic, garbage output): a worker process that sees
// one answers and exits, so that a fresh process replaces it.
type fatalError struct{ err error }

func fatal(err error) error { return &fatalError{err: err} }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }
