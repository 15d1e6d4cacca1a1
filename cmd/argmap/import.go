package main

import (
	"bytes"
	"context"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/aif"
	"github.com/argmap/argmap/internal/argdown"
	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/carneades"
	"github.com/argmap/argmap/internal/interchange"
	"github.com/argmap/argmap/internal/tgf"
)

// mapFormats is the format switch of import and export (CLI and API). To add
// a format, write its package (pure: bytes in, graph out, and back) and add
// an entry here.
func mapFormats() []interchange.Format {
	return []interchange.Format{
		{Name: argmap.MapArgdown, Exts: []string{".argdown", ".ad"}, Read: readArgdown, Write: argdown.Write},
		{Name: argmap.MapAIF, Exts: []string{".json", ".aif"}, Read: readAIF, Write: writeAIF},
		{Name: argmap.MapCarneades, Exts: []string{".yml", ".yaml"}, Read: readCarneades},
		{Name: argmap.MapTGF, Exts: []string{".tgf"}, Read: readTGF, Write: writeTGF},
	}
}

func newInterchange(st interchange.Store) *interchange.Service {
	return interchange.New(st, mapFormats())
}

func readArgdown(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
	d, err := argdown.Parse(doc.Data)
	if err != nil {
		return nil, err
	}
	if d.Title != "" {
		src.Title = shortText(d.Title, argmap.MaxNameLen)
	}
	src.Text = string(doc.Data) // spans index into it
	g, err := argdown.ToGraph(d, *src, src.CreatedAt)
	src.Text = ""
	return g, err
}

// shortText cuts s to at most n bytes on a rune boundary.
func shortText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func readAIF(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
	d, err := aif.Decode(bytes.NewReader(doc.Data))
	if err != nil {
		return nil, err
	}
	g, _, err := aif.ToGraph(d, *src, src.CreatedAt)
	return g, err
}

// readCarneades reads a Carneades YAML argument graph; its title, when it
// has one, names the source.
func readCarneades(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error) {
	im, err := carneades.Read(doc.Data)
	if err != nil {
		return nil, err
	}
	if im.Title != "" {
		src.Title = argmap.Clip(im.Title, argmap.MaxNameLen)
	}
	return im.Graph, nil
}

func readTGF(doc argmap.Document, _ *argmap.Source) (*argmap.Graph, error) {
	im, err := tgf.Read(doc.Data)
	if err != nil {
		return nil, err
	}
	return im.Graph, nil
}

// writeTGF writes the attacks between claims (TGF has no place for the rest).
func writeTGF(g *argmap.Graph) ([]byte, error) { return tgf.Write(g), nil }

func writeAIF(g *argmap.Graph) ([]byte, error) {
	var buf bytes.Buffer
	if err := aif.Encode(&buf, aif.FromGraph(g)); err != nil {
		return nil, argmap.Errorf(argmap.EINTERNAL, "aif: %w", err)
	}
	return buf.Bytes(), nil
}

func runImport(ctx context.Context, e *env, args []string) error {
	fs := newFlags("import")
	store := storeFlag(fs, e)
	x := newInterchange(nil)
	format := fs.String("format", "", "map format (default: from each file's extension: "+x.Extensions()+")")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("name at least one file")
	}
	if *format != "" {
		if _, err := x.Format(*format, ""); err != nil {
			return usagef("%s", argmap.ErrorMessage(err))
		}
	}
	st, err := openStore(ctx, e, *store)
	if err != nil {
		return err
	}
	defer st.Close()
	x = newInterchange(st)
	inputs := expandInputs(pos)
	width := 0
	for _, in := range inputs {
		width = min(max(width, len(in.path)), 60)
	}
	var created, unchanged, failed int
	var total argmap.Counts
	for i, in := range inputs {
		if ctx.Err() != nil {
			fmt.Fprintf(e.stderr, "interrupted: %d files not imported\n", len(inputs)-i)
			failed += len(inputs) - i
			break
		}
		start := time.Now()
		res, err := importOne(ctx, x, in, *format)
		switch {
		case err != nil:
			failed++
			fmt.Fprintf(e.stderr, "%-*s  error: %s\n", width, in.path, argmap.ErrorMessage(err))
		case !res.Created:
			unchanged++
			fmt.Fprintf(e.stderr, "%-*s  unchanged (already stored as %s)\n", width, in.path, res.Source.ID)
		default:
			created++
			c := res.Counts
			total.Claims += c.Claims
			total.Relations += c.Relations
			total.Actors += c.Actors
			fmt.Fprintf(e.stderr, "%-*s  ok  %3d claims %3d relations %3d actors  %s  (%v)\n",
				width, in.path, c.Claims, c.Relations, c.Actors, res.Source.ID, time.Since(start).Round(time.Millisecond))
		}
	}
	fmt.Fprintf(e.stderr, "imported %d new, %d unchanged, %d failed: %d claims, %d relations, %d actors\n",
		created, unchanged, failed, total.Claims, total.Relations, total.Actors)
	if failed > 0 {
		return &reportedError{msg: fmt.Sprintf("%d of %d files failed", failed, len(inputs))}
	}
	return nil
}

// importOne imports one file; the format is checked before the file is read.
func importOne(ctx context.Context, x *interchange.Service, in input, format string) (*argmap.IngestResult, error) {
	if in.err != nil {
		return nil, in.err
	}
	if _, err := x.Format(format, in.path); err != nil {
		return nil, err
	}
	doc, err := readDocument(in.path)
	if err != nil {
		return nil, err
	}
	return x.ImportMap(ctx, doc, format)
}
