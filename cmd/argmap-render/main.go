// Command argmap-render is argmap's map render worker: it reads render
// requests (DOT) on standard input and writes SVG or PNG on standard output,
// laying maps out with go-graphviz (Graphviz compiled to WebAssembly). argmap
// starts it itself when it draws a map and the machine has no native Graphviz;
// it is a separate program so that no other argmap command pays Graphviz's
// WebAssembly start-up. argmap finds it through ARGMAP_RENDER_WORKER, beside
// its own executable, or on PATH. It is not meant to be run by hand.
package main

import (
	"fmt"
	"os"

	"github.com/argmap/argmap/internal/render"
	"github.com/argmap/argmap/internal/render/gvwasm"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Fprintln(os.Stderr, "argmap-render is argmap's render worker: argmap starts it to draw maps; it takes no arguments")
		os.Exit(2)
	}
	if err := render.ServeWorker(os.Stdin, os.Stdout, gvwasm.Layout); err != nil {
		fmt.Fprintln(os.Stderr, "argmap-render:", err)
		os.Exit(1)
	}
}
