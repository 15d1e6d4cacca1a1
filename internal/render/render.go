// Package render draws argument maps: it writes a graph as Graphviz DOT and
// lays it out with Graphviz as SVG, or as PNG drawn from Graphviz's layout
// with the Go fonts.
//
// This package does not link Graphviz itself. The layout runs in worker
// processes: a program that calls ServeWorker with an engine (cmd/argmap-render
// with go-graphviz, Graphviz compiled to WebAssembly, package gvwasm). The
// Renderer kills a worker that overruns its time and bounds each worker's
// memory. With Options.Engine and no workers it renders in process under the
// engine's lock, and can then give up waiting but cannot stop a render.
package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// Defaults of Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxNodes     = 2000
	DefaultMemoryLimit  = 1 << 30
	DefaultQueueTimeout = 10 * time.Second
	DefaultMaxCost      = 50000
)

// Options configure a Renderer. Zero values take the defaults.
type Options struct {
	// Worker is the command line of a worker process, such as
	// {"/usr/local/bin/argmap-render"}: a program that calls ServeWorker on
	// its standard input and output.
	Worker []string
	// Dot is the path of a native Graphviz dot program. When set, maps are
	// laid out by it, one guarded process per map (the same bounds as
	// workers: Workers at once, Timeout, MemoryLimit, the queue), instead of
	// by Worker or Engine.
	Dot string
	// Engine lays out maps in this process when there is no Worker (tests,
	// tools). With neither, SVG and PNG fail with EUNAVAILABLE and the
	// message Missing.
	Engine Layouter
	// Missing says what to do when there is no way to lay out a map (no
	// Worker, no Engine): how to build or install one.
	Missing string
	// Env is added to the environment of worker processes.
	Env []string
	// Timeout bounds one render once a worker has it (default
	// DefaultTimeout). A caller whose context ends sooner is answered
	// EUNAVAILABLE at once, but the render goes on until it ends or times
	// out (its worker is not killed) and its map is cached.
	Timeout time.Duration
	// QueueTimeout bounds the wait for a free worker (default
	// DefaultQueueTimeout), and MaxQueue the renders waiting (default
	// 4×Workers): past either the render is refused before any work starts,
	// with EUNAVAILABLE, which the API answers 503 with Retry-After.
	QueueTimeout time.Duration
	MaxQueue     int
	// MaxCost bounds the estimated layout work of a map (default
	// DefaultMaxCost): a map denser than that would not be laid out in
	// Timeout, and is refused at once with ETOOLARGE.
	MaxCost float64
	// MaxNodes bounds the nodes of a map (default DefaultMaxNodes); MaxEdges
	// its edges (default 3×MaxNodes). Larger maps are refused with ETOOLARGE.
	MaxNodes int
	MaxEdges int
	// Workers is the number of worker processes (default GOMAXPROCS).
	Workers int
	// MemoryLimit bounds the memory (data segment) of each worker process in
	// bytes (default DefaultMemoryLimit; Linux only). A worker that runs out
	// is replaced and the render fails with ETOOLARGE.
	MemoryLimit int64
	// CacheBytes bounds the rendered maps kept by the hash of their DOT
	// (default DefaultCacheBytes; negative keeps none): the same map asked
	// again is answered without Graphviz.
	CacheBytes int
}

// Renderer draws graphs as DOT, SVG or PNG. It implements argmap.Renderer and
// is safe for concurrent use. Close stops its worker processes.
type Renderer struct {
	opt    Options
	pool   *pool
	engine string // what lays maps out, part of every map's key
	cache  *cache

	mu      sync.Mutex
	flights map[string]*flight // renders under way, by key
}

// flight is one render under way, which every request for the same map
// waits for; it goes on when they leave, and its map is cached.
type flight struct {
	done chan struct{}
	out  []byte
	err  error
}

var _ argmap.Renderer = (*Renderer)(nil)

// New returns a Renderer with the given options. Worker processes start on
// first use.
func New(opt Options) *Renderer {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.MaxNodes <= 0 {
		opt.MaxNodes = DefaultMaxNodes
	}
	if opt.MaxEdges <= 0 {
		opt.MaxEdges = 3 * opt.MaxNodes
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.MemoryLimit <= 0 {
		opt.MemoryLimit = DefaultMemoryLimit
	}
	if opt.QueueTimeout <= 0 {
		opt.QueueTimeout = DefaultQueueTimeout
	}
	if opt.MaxQueue <= 0 {
		opt.MaxQueue = 4 * opt.Workers
	}
	if opt.MaxCost <= 0 {
		opt.MaxCost = DefaultMaxCost
	}
	if opt.CacheBytes == 0 {
		opt.CacheBytes = DefaultCacheBytes
	}
	r := &Renderer{opt: opt, flights: map[string]*flight{}}
	switch {
	case opt.Dot != "":
		r.pool = newPool(opt)
		r.engine = "dot " + opt.Dot
	case len(opt.Worker) > 0:
		r.pool = newPool(opt)
		r.engine = "worker " + strings.Join(opt.Worker, " ")
	case opt.Engine != nil:
		r.engine = "in process"
	}
	if opt.CacheBytes > 0 {
		r.cache = newCache(opt.CacheBytes)
	}
	return r
}

// Close stops the worker processes. Renders after Close fail with
// EUNAVAILABLE.
func (r *Renderer) Close() error {
	if r.pool != nil {
		r.pool.close()
	}
	return nil
}

// Render draws g in opt.Format with opt.Focus highlighted and opt.Title on
// top. Errors: EUNSUPPORTED for an unknown format; EINVALID for a nil or empty
// graph or a focus not in g; ETOOLARGE past MaxNodes or MaxEdges, or when the
// worker runs out of memory or the PNG canvas would be too large;
// EUNAVAILABLE when the render times out, ctx ends, or no worker can start;
// EINTERNAL when Graphviz fails or returns something that is not a valid
// picture.
func (r *Renderer) Render(ctx context.Context, g *argmap.Graph, opt argmap.RenderOptions) ([]byte, error) {
	switch opt.Format {
	case argmap.FormatDOT, argmap.FormatSVG, argmap.FormatPNG:
	default:
		return nil, argmap.Errorf(argmap.EUNSUPPORTED, "cannot render format %q: use dot, svg or png", shorten(string(opt.Format), 20))
	}
	dot, st, err := buildDOT(g, opt)
	if err != nil {
		return nil, err
	}
	if st.Nodes > r.opt.MaxNodes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the map has %d nodes, more than the %d that can be drawn; draw a smaller neighbourhood", st.Nodes, r.opt.MaxNodes)
	}
	if st.Edges > r.opt.MaxEdges {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the map has %d edges, more than the %d that can be drawn; draw a smaller neighbourhood", st.Edges, r.opt.MaxEdges)
	}
	if opt.Format == argmap.FormatDOT {
		return dot, nil
	}
	if st.Cost > r.opt.MaxCost {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the map is too dense to lay out (%d nodes, %d edges crossing between many ranks); draw a smaller neighbourhood or a lower depth", st.Nodes, st.Edges)
	}
	if r.pool == nil && r.opt.Engine == nil {
		msg := r.opt.Missing
		if msg == "" {
			msg = "maps cannot be drawn: no Graphviz renderer is configured"
		}
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "%s", msg)
	}
	key := r.key(string(opt.Format), dot)
	if out, ok := r.cache.get(key); ok {
		return out, nil
	}
	f := r.join(key, opt.Format, dot)
	select {
	case <-f.done:
		return f.out, f.err
	case <-ctx.Done():
		// The render goes on: its worker is not killed for a client
		// that left (the next map would pay its start-up), and its map
		// is cached for the client's retry.
		return nil, unavailable(ctx, "rendering took too long")
	}
}

// Tag returns the key of the map Render would draw for g and opt, which
// changes whenever the map would: the hash of its DOT, format, engine and
// argmap's build. The API answers it as the map's ETag. The errors are
// Render's before any rendering.
func (r *Renderer) Tag(g *argmap.Graph, opt argmap.RenderOptions) (string, error) {
	switch opt.Format {
	case argmap.FormatDOT, argmap.FormatSVG, argmap.FormatPNG:
	default:
		return "", argmap.Errorf(argmap.EUNSUPPORTED, "cannot render format %q: use dot, svg or png", shorten(string(opt.Format), 20))
	}
	dot, _, err := buildDOT(g, opt)
	if err != nil {
		return "", err
	}
	return r.key(string(opt.Format), dot), nil
}

// join returns the render of key under way, starting it when there is none.
// The render runs apart from any request: only its own Timeout ends it.
func (r *Renderer) join(key string, format argmap.RenderFormat, dot []byte) *flight {
	r.mu.Lock()
	defer r.mu.Unlock()
	if f, ok := r.flights[key]; ok {
		return f
	}
	f := &flight{done: make(chan struct{})}
	r.flights[key] = f
	go func() {
		f.out, f.err = r.draw(format, dot)
		if f.err == nil {
			r.cache.add(key, f.out)
		}
		r.mu.Lock()
		delete(r.flights, key)
		r.mu.Unlock()
		close(f.done)
	}()
	return f
}

// draw lays dot out in a worker or in process and checks the picture.
func (r *Renderer) draw(format argmap.RenderFormat, dot []byte) ([]byte, error) {
	var out []byte
	var err error
	if r.opt.Dot != "" {
		out, err = r.pool.renderDot(context.Background(), format, dot)
	} else if r.pool != nil {
		out, err = r.pool.render(context.Background(), format, dot)
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), r.opt.Timeout)
		defer cancel()
		out, err = renderInProcess(ctx, r.opt.Engine, format, dot)
	}
	if err != nil {
		var f *fatalError
		if errors.As(err, &f) {
			return nil, f.err
		}
		return nil, err
	}
	if err := checkOutput(format, out); err != nil {
		return nil, err
	}
	return out, nil
}

// renderInProcess renders with lay in this process. When ctx ends first it
// returns EUNAVAILABLE at once; the render itself cannot be stopped and
// finishes in the background, holding the engine until it does.
func renderInProcess(ctx context.Context, lay Layouter, format argmap.RenderFormat, dot []byte) ([]byte, error) {
	type result struct {
		out []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		out, err := produce(ctx, lay, format, dot)
		done <- result{out, err}
	}()
	select {
	case res := <-done:
		return res.out, res.err
	case <-ctx.Done():
		return nil, unavailable(ctx, "rendering took too long")
	}
}

// unavailable returns the EUNAVAILABLE error for a context that ended.
func unavailable(ctx context.Context, msg string) error {
	if errors.Is(ctx.Err(), context.Canceled) {
		msg = "rendering was cancelled"
	}
	return &argmap.Error{Code: argmap.EUNAVAILABLE, Message: msg, Err: ctx.Err()}
}

// checkNonEmpty refuses output that is empty or all zero bytes (go-graphviz
// has returned nineteen zero bytes without an error).
func checkNonEmpty(out []byte) error {
	if len(bytes.Trim(out, "\x00 \t\r\n")) == 0 {
		return argmap.Errorf(argmap.EINTERNAL, "the renderer returned an empty picture")
	}
	return nil
}

// checkOutput checks that out is a well-formed picture in format: SVG that
// parses as XML with an svg root, or a PNG that is well formed (checkPNG)
// within the canvas bounds.
func checkOutput(format argmap.RenderFormat, out []byte) error {
	if err := checkNonEmpty(out); err != nil {
		return err
	}
	switch format {
	case argmap.FormatSVG:
		trimmed := bytes.TrimLeft(out, " \t\r\n")
		if !bytes.HasPrefix(trimmed, []byte("<?xml")) && !bytes.HasPrefix(trimmed, []byte("<svg")) {
			return argmap.Errorf(argmap.EINTERNAL, "the renderer returned something that is not SVG")
		}
		// RawToken with a stack of open elements: the same checks as Token
		// (syntax, every element closed by its own end tag) at well under
		// half the cost, without namespace translation (a 1.2 MB map took
		// 95 ms with Token on the loaded machine).
		d := xml.NewDecoder(bytes.NewReader(out))
		d.Strict = true
		root := ""
		var open []xml.Name
		for {
			tok, err := d.RawToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				return argmap.WrapInternal(err, "the renderer returned malformed SVG")
			}
			switch t := tok.(type) {
			case xml.StartElement:
				if root == "" {
					root = t.Name.Local
				}
				open = append(open, t.Name)
			case xml.EndElement:
				if len(open) == 0 || open[len(open)-1] != t.Name {
					return argmap.Errorf(argmap.EINTERNAL, "the renderer returned malformed SVG")
				}
				open = open[:len(open)-1]
			}
		}
		if len(open) > 0 {
			return argmap.Errorf(argmap.EINTERNAL, "the renderer returned malformed SVG (unclosed elements)")
		}
		if root != "svg" {
			return argmap.Errorf(argmap.EINTERNAL, "the renderer returned XML that is not SVG")
		}
	case argmap.FormatPNG:
		return checkPNG(out)
	}
	return nil
}
