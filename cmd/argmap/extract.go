package main

import (
	"bufio"
	"context"
	"fmt"
	"os"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags("extract")
	format := fs.String("format", "jsonl", "output format: jsonl")
	weights := fs.String("structure-weights", "", "argument-structure weights from train-structure (developers; default: the shipped ones)")
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
	opt := extract.Options{MaxBytes: maxDocumentBytes, CacheDir: pdfCacheDir(), PDFWorker: pdfWorker()}
	if *weights != "" {
		data, err := os.ReadFile(*weights)
		if err != nil {
			return argmap.Errorf(argmap.EINVALID, "cannot read --structure-weights: %w", err)
		}
		if opt.Structure, err = argstruct.LoadModel(data); err != nil {
			return err
		}
	}
	p := extract.New(opt)
	defer p.Close()
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
