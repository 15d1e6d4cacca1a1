package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sync"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags("extract")
	format := fs.String("format", "jsonl", "output format: jsonl")
	weights := fs.String("structure-weights", "", "argument-structure weights from train-structure (developers; default: the shipped ones)")
	workers := fs.Int("workers", 0, "documents extracted at once (0: one per CPU)")
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
	if *workers < 0 {
		return usagef("--workers must be 0 or more")
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
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		// a run that is over in tens of milliseconds for a small file
		// spent half of them in collections of tables it keeps to the
		// end: the collector waits until the heap nears
		// extractMemoryLimit instead; GOGC or GOMEMLIMIT set by the user
		// are left alone
		defer debug.SetGCPercent(debug.SetGCPercent(-1))
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(extractMemoryLimit))
	}
	p := extract.New(opt)
	defer p.Close()
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	failed := 0
	inputs := expandInputs(pos)
	n := *workers
	if n == 0 {
		n = runtime.GOMAXPROCS(0)
	}
	err = extractAll(ctx, p, inputs, n, func(i int, r extracted) error {
		if r.err != nil {
			failed++
			w.Flush()
			fmt.Fprintf(e.stderr, "argmap extract: %s: %s\n", inputs[i].path, argmap.ErrorMessage(r.err))
			return nil
		}
		_, err := w.Write(r.jsonl)
		return err
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return &reportedError{msg: fmt.Sprintf("%d of %d files failed", failed, len(inputs))}
	}
	return nil
}

// extractMemoryLimit is where the collector starts during 'argmap extract'
// (GOMEMLIMIT with GOGC=off): a small file never reaches it; a large run
// collects whenever its heap comes near it (IOM repeated to 10 MiB: max RSS
// 70 -> 148 MB, CPU -20 %).
const extractMemoryLimit = 128 << 20

// extracted is one input's jsonl, or why it failed.
type extracted struct {
	jsonl []byte
	err   error
}

// extractAll extracts inputs with n workers and passes each result to emit
// in the inputs' order, as one worker would; it stops at emit's first
// error. At most 2n inputs are extracted ahead of the one emitted next, so
// the output held is bounded.
func extractAll(ctx context.Context, p *extract.Pipeline, inputs []input, n int, emit func(i int, r extracted) error) error {
	outs := make([]chan extracted, len(inputs))
	for i := range outs {
		outs[i] = make(chan extracted, 1)
	}
	next := make(chan int)
	ahead := make(chan struct{}, 2*n) // a slot per input taken and not yet emitted
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() {
		close(stop)
		wg.Wait()
	}()
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(next)
		for i := range inputs {
			select {
			case ahead <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-stop:
				return
			}
		}
	}()
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				var buf bytes.Buffer
				bw := bufio.NewWriter(&buf)
				err := extractOne(ctx, p, bw, inputs[i])
				if err == nil {
					err = bw.Flush()
				}
				outs[i] <- extracted{buf.Bytes(), err}
			}
		}()
	}
	for i := range outs {
		r := <-outs[i]
		<-ahead
		if err := emit(i, r); err != nil {
			return err
		}
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
