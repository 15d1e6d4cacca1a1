package main

import (
	"bufio"
	"context"
	"fmt"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags("extract")
	format := fs.String("format", "jsonl", "output format: jsonl")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *format != "jsonl" {
		return usagef("unknown --format %q (want jsonl)", *format)
	}
	if len(pos) == 0 {
		return usagef("name at least one file")
	}
	p := extract.New(extract.Options{MaxBytes: maxDocumentBytes, CacheDir: pdfCacheDir()})
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	failed := 0
	inputs := expandInputs(pos)
	for _, in := range inputs {
		err := extractOne(ctx, p, w, in)
		if err != nil {
			failed++
			w.Flush()
			fmt.Fprintf(e.stderr, "argmap extract: %s: %s\n", in.path, argmap.ErrorMessage(err))
		}
	}
	if failed > 0 {
		return &reportedError{msg: fmt.Sprintf("%d of %d files failed", failed, len(inputs))}
	}
	return nil
}

func extractOne(ctx context.Context, p *extract.Pipeline, w *bufio.Writer, in input) error {
	if in.err != nil {
		return in.err
	}
	doc, err := readDocument(in.path)
	if err != nil {
		return err
	}
	g, err := p.Extract(ctx, doc)
	if err != nil {
		return err
	}
	return extract.WriteJSONL(w, doc.Name, g)
}
