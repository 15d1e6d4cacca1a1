package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/evaluate"
	"github.com/argmap/argmap/internal/render"
)

// maxExportNodes bounds the claims and evidence of a drawn map: a larger
// graph is cut by relevance (render.Trim) and the cut is reported.
const maxExportNodes = 1500

func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags("export")
	store := storeFlag(fs, e)
	format := fs.String("format", "", "output format: dot, svg, png (a drawn map) or "+strings.Join(newInterchange(nil).MapFormats(), ", ")+" (an interchange file)")
	claim := fs.String("claim", "", "render the neighbourhood of this claim (default: the whole graph)")
	depth := fs.Int("depth", 2, "neighbourhood depth with --claim (1-8)")
	out := fs.String("o", "", "output file")
	title := fs.String("title", "", "title printed on the map")
	eval := fs.Bool("evaluate", false, "colour and badge the map by evaluation: in, out, undecided (dot, svg, png)")
	sem := fs.String("semantics", "", "with --evaluate: grounded, complete, preferred, stable or carneades (default: chosen by the graph)")
	premises := fs.Bool("assume-premises", false, "with --evaluate and carneades: take claims nothing argues for or against as given")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("unexpected argument %q", pos[0])
	}
	x := newInterchange(nil)
	f := argmap.RenderFormat(*format)
	interchangeFormat := slices.Contains(x.MapFormats(), *format)
	if f != argmap.FormatDOT && f != argmap.FormatSVG && f != argmap.FormatPNG && !interchangeFormat {
		return usagef("--format must be dot, svg, png or %s", strings.Join(x.MapFormats(), ", "))
	}
	if *out == "" {
		return usagef("-o FILE is required")
	}
	if *depth < 1 || *depth > argmap.MaxDepth {
		return usagef("--depth must be between 1 and %d", argmap.MaxDepth)
	}
	if (*sem != "" || *premises) && !*eval {
		return usagef("--semantics and --assume-premises go with --evaluate")
	}
	if *eval && interchangeFormat {
		return usagef("--evaluate colours a drawn map: use --format dot, svg or png")
	}
	if *sem != "" {
		if _, err := evaluate.ParseSemantics(*sem); err != nil {
			return usagef("%s", argmap.ErrorMessage(err))
		}
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	d := *depth
	if *claim == "" {
		d = 0
	}
	if interchangeFormat {
		// An interchange file has no drawing to bound: the whole graph.
		g, err := st.Neighbourhood(ctx, *claim, d, 0)
		if err != nil {
			return err
		}
		data, err := x.ExportMap(ctx, g, *format)
		if err != nil {
			return err
		}
		if err := writeFileAtomic(*out, data); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s (%d bytes, %s, %d claims, %d relations)\n", *out, len(data), *format, len(g.Claims), len(g.Relations))
		return nil
	}
	g, chosen, err := exportGraph(ctx, st, *claim, d)
	if err != nil {
		return err
	}
	opt := argmap.RenderOptions{Format: f, Focus: *claim, Title: *title}
	read := g.Counts()
	g, cut, err := trimToDraw(ctx, g, *claim, f)
	if err != nil {
		return err
	}
	if chosen != nil {
		// what was not read was left out too
		cut.Claims += max(0, chosen.Claims-read.Claims)
		cut.Evidence += max(0, chosen.Evidence-read.Evidence)
		cut.Relations += max(0, chosen.Relations-read.Relations)
	}
	if cut.Omitted() {
		how := ""
		if chosen != nil {
			how = fmt.Sprintf(" (chosen among the %d claims and evidence with the most relations)", maxExportRead)
		}
		fmt.Fprintf(e.stderr, "the graph is too large to draw whole: %s%s; draw a neighbourhood with --claim ID, or write everything with --format argdown or aif\n", cut, how)
		if opt.Title == "" {
			opt.Title = fmt.Sprintf("Part of the graph: %d of %d claims and %d of %d evidence (left out: %d claims, %d evidence, %d relations)",
				cut.KeptClaims, cut.KeptClaims+cut.Claims, cut.KeptEvidence, cut.KeptEvidence+cut.Evidence, cut.Claims, cut.Evidence, cut.Relations)
		}
	}
	if *eval {
		// Labels come from the whole graph, whatever part of it is drawn.
		whole, err := st.Neighbourhood(ctx, "", 0, 0)
		if err != nil {
			return err
		}
		ev, err := evaluate.Answer(whole, evaluate.Query{Semantics: evaluate.Semantics(*sem)}, evaluate.Options{AssumePremises: *premises})
		if err != nil {
			return err
		}
		opt.Labels, opt.Semantics = ev.LabelMap(), string(ev.Semantics)
	}
	// DOT needs no Graphviz, hence no render worker.
	r, closeR := render.New(render.Options{}), func() {}
	if f != argmap.FormatDOT {
		if r, closeR, err = newRenderer(ctx, e); err != nil {
			return err
		}
	}
	defer closeR()
	data, err := r.Render(ctx, g, opt)
	if err != nil {
		return err
	}
	if err := writeFileAtomic(*out, data); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s (%d bytes, %d claims, %d evidence, %d relations)\n", *out, len(data), len(g.Claims), len(g.Evidence), len(g.Relations))
	return nil
}

// maxExportRead bounds what a drawn export of the whole graph reads: a
// larger store is not read whole, the map is chosen among its maxExportRead
// claims and evidence with the most relations (Store.Hubs).
const maxExportRead = 5000

// exportGraph reads what a drawn map is cut from: the claim's neighbourhood,
// the whole graph, or, for a store of more than maxExportRead claims and
// evidence, the graph of those with the most relations, with the store's
// counts (nil otherwise).
func exportGraph(ctx context.Context, st argmap.Store, claim string, depth int) (*argmap.Graph, *argmap.Counts, error) {
	if claim == "" {
		n, err := st.Stats(ctx)
		if err != nil {
			return nil, nil, err
		}
		if n.Claims+n.Evidence > maxExportRead {
			g, err := st.Hubs(ctx, maxExportRead)
			return g, &n, err
		}
	}
	g, err := st.Neighbourhood(ctx, claim, depth, 0)
	return g, nil, err
}

// trimToDraw cuts g by relevance to at most maxExportNodes claims and
// evidence, and fewer while the renderer's own checks refuse the map in
// format f as too large: the relations drawn as nodes of their own (several
// premises, undercuts) count against render.DefaultMaxNodes, and an SVG or
// PNG must not be too dense to lay out. The checks run without Graphviz (a
// renderer with no engine answers EUNAVAILABLE once they pass).
func trimToDraw(ctx context.Context, g *argmap.Graph, focus string, f argmap.RenderFormat) (*argmap.Graph, render.Cut, error) {
	check := render.New(render.Options{})
	for limit := maxExportNodes; ; limit = limit * 4 / 5 {
		t, cut := render.Trim(g, limit, focus)
		_, err := check.Render(ctx, t, argmap.RenderOptions{Format: f, Focus: focus})
		if argmap.ErrorCode(err) != argmap.ETOOLARGE || limit < 10 {
			return t, cut, nil
		}
	}
}

// writeFileAtomic writes data to a temporary file beside path and renames it,
// so a failed write never leaves half a file.
func writeFileAtomic(path string, data []byte) error {
	tmp := fmt.Sprintf("%s.tmp-%d", path, time.Now().UnixNano())
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return argmap.Errorf(argmap.EINVALID, "cannot write %s: %v", path, unwrapPathError(err))
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return argmap.Errorf(argmap.EINVALID, "cannot write %s: %v", path, unwrapPathError(err))
	}
	return nil
}
