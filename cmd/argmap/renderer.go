package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/render"
)

// workerName is the render worker's executable (cmd/argmap-render).
const workerName = "argmap-render"

// modulePath is argmap's Go module.
const modulePath = "github.com/argmap/argmap"

// newRenderer returns the map renderer of the commands that draw maps
// (serve, demo, export). Graphviz never runs in this process (linking it
// would cost every command its WebAssembly start-up). Where the machine has
// native Graphviz (ARGMAP_DOT, else dot on PATH; ARGMAP_DOT=off to not use
// it), maps are laid out by dot, one guarded process per map. Otherwise they
// are laid out by the render worker, cmd/argmap-render (go-graphviz), in
// guarded worker processes: ARGMAP_RENDER_WORKER, else argmap-render beside
// this executable, else on PATH; when argmap runs from its source tree (go
// run ./cmd/argmap) and finds none, it builds the worker into its cache
// directory with go build. Without either the renderer still writes DOT,
// and SVG and PNG fail with a message that says how to get one.
func newRenderer(ctx context.Context, e *env) (*render.Renderer, func(), error) {
	opt := render.Options{Missing: missingWorker}
	dot, err := findDot(e)
	if err != nil {
		return nil, nil, err
	}
	if dot != "" {
		opt.Dot = dot
	} else {
		worker, err := findWorker(ctx, e)
		if err != nil {
			return nil, nil, err
		}
		if worker != "" {
			opt.Worker = []string{worker}
		}
	}
	r := render.New(opt)
	return r, func() { r.Close() }, nil
}

// missingWorker is the error of a map drawn without a render worker.
const missingWorker = "cannot draw the map: no Graphviz dot (ARGMAP_DOT, PATH) and the render worker argmap-render was not found (looked in ARGMAP_RENDER_WORKER, beside argmap and on PATH); " +
	"install Graphviz (Debian: apt-get install graphviz), or build the worker beside argmap with: go build -o DIR/ ./cmd/argmap ./cmd/argmap-render (or set ARGMAP_RENDER_WORKER to its path); --format dot needs neither"

// findDot returns the native Graphviz dot to lay maps out with: ARGMAP_DOT
// (a path, or off), else dot on PATH, else "".
func findDot(e *env) (string, error) {
	switch p := e.getenv("ARGMAP_DOT"); p {
	case "off":
		return "", nil
	case "":
		p, err := exec.LookPath("dot")
		if err != nil {
			return "", nil
		}
		return p, nil
	default:
		if !isExecutable(p) {
			return "", argmap.Errorf(argmap.EINVALID, "ARGMAP_DOT=%s is not an executable file: name Graphviz's dot, or set ARGMAP_DOT=off to draw maps with argmap-render", p)
		}
		return p, nil
	}
}

// findWorker returns the path of the render worker, or "" when there is none.
func findWorker(ctx context.Context, e *env) (string, error) {
	exe := workerName
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if p := e.getenv("ARGMAP_RENDER_WORKER"); p != "" {
		if !isExecutable(p) {
			return "", argmap.Errorf(argmap.EINVALID, "ARGMAP_RENDER_WORKER=%s is not an executable file: build it with go build -o %s ./cmd/argmap-render, or unset it", p, p)
		}
		return p, nil
	}
	if self, err := os.Executable(); err == nil {
		if p := filepath.Join(filepath.Dir(self), exe); isExecutable(p) {
			return p, nil
		}
	}
	if p, err := exec.LookPath(exe); err == nil {
		return p, nil
	}
	root := sourceTree()
	if root == "" {
		return "", nil
	}
	return buildWorker(ctx, e, root, exe)
}

// isExecutable reports whether p is a regular file someone may execute.
func isExecutable(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// sourceTree returns the root of argmap's source tree when this program is
// argmap and runs inside one (the current directory or one of its parents:
// go run ./cmd/argmap), with the go command at hand, else "".
func sourceTree() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Path != modulePath {
		return ""
	}
	if _, err := exec.LookPath("go"); err != nil {
		return ""
	}
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil {
			first, _, _ := strings.Cut(string(b), "\n")
			if strings.TrimSpace(first) == "module "+modulePath {
				if _, err := os.Stat(filepath.Join(dir, "cmd", workerName)); err == nil {
					return dir
				}
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// buildWorker builds cmd/argmap-render of the source tree at root into the
// cache directory (ARGMAP_CACHE_DIR, else the user cache directory) and
// returns its path. go build brings it up to date with the source (a fraction
// of a second when nothing changed); the new file replaces the old one by
// rename, so workers already running keep theirs.
func buildWorker(ctx context.Context, e *env, root, exe string) (string, error) {
	dir := e.getenv("ARGMAP_CACHE_DIR")
	if dir == "" {
		ucd, err := os.UserCacheDir()
		if err != nil {
			return "", nil
		}
		dir = filepath.Join(ucd, "argmap")
	}
	dir = filepath.Join(dir, "bin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", argmap.Errorf(argmap.EUNAVAILABLE, "cannot build the render worker: %v", unwrapPathError(err))
	}
	target := filepath.Join(dir, exe)
	tmp := fmt.Sprintf("%s.tmp-%d", target, os.Getpid())
	if !isExecutable(target) {
		fmt.Fprintf(e.stderr, "argmap: building the map render worker (go build ./cmd/%s) into %s; the first build takes a minute\n", workerName, dir)
	}
	cmd := exec.CommandContext(ctx, "go", "build", "-o", tmp, "./cmd/"+workerName)
	cmd.Dir = root
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		msg := strings.TrimSpace(out.String())
		if len(msg) > 2000 {
			msg = msg[len(msg)-2000:]
		}
		return "", argmap.Errorf(argmap.EUNAVAILABLE, "cannot build the render worker (go build ./cmd/%s in %s): %v\n%s", workerName, root, err, msg)
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Remove(tmp)
		return "", argmap.Errorf(argmap.EUNAVAILABLE, "cannot build the render worker: %v", unwrapPathError(err))
	}
	return target, nil
}
