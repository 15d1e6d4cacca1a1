package main

import (
	"bytes"
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/document"
)

// maxDocumentBytes bounds one input file; larger files are refused before
// they are read whole.
const maxDocumentBytes = 50 << 20

// input is one file named on the command line or found in a directory.
type input struct {
	path string
	err  error // set when the file cannot be used
}

// skippedInDirs are files a directory walk passes over: they describe the
// folder rather than argue. Naming such a file explicitly still ingests it.
func skippedInDirs(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "CHANGELOG", "NOTICE":
		return true
	}
	return strings.HasPrefix(name, ".")
}

// expandInputs turns file and directory arguments into a sorted list of files.
// Directories are walked recursively; unreadable paths become inputs with an
// error so that the caller reports them and carries on.
func expandInputs(args []string) []input {
	var out []input
	for _, a := range args {
		info, err := os.Stat(a)
		if err != nil {
			out = append(out, input{path: a, err: argmap.Errorf(argmap.ENOTFOUND, "no such file or directory")})
			continue
		}
		if !info.IsDir() {
			out = append(out, input{path: a, err: notRegular(info)})
			continue
		}
		var found []input
		walkErr := filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				found = append(found, input{path: p, err: argmap.Errorf(argmap.EINVALID, "cannot read: %v", err)})
				return nil
			}
			if d.IsDir() {
				if p != a && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if skippedInDirs(d.Name()) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file is followed; a link to a directory is
				// reported, not walked (it may loop back).
				info, err := os.Stat(p)
				switch {
				case err != nil:
					found = append(found, input{path: p, err: argmap.Errorf(argmap.ENOTFOUND, "broken symbolic link: %v", unwrapPathError(err))})
				case info.IsDir():
					found = append(found, input{path: p, err: argmap.Errorf(argmap.EINVALID, "symbolic link to a directory, not followed: name it to ingest it")})
				default:
					found = append(found, input{path: p, err: notRegular(info)})
				}
				return nil
			}
			if !d.Type().IsRegular() {
				found = append(found, input{path: p, err: argmap.Errorf(argmap.EINVALID, "not a regular file (%s)", fileKind(d.Type()))})
				return nil
			}
			found = append(found, input{path: p})
			return nil
		})
		if walkErr != nil {
			out = append(out, input{path: a, err: argmap.Errorf(argmap.EINVALID, "cannot walk the directory: %v", walkErr)})
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		out = append(out, found...)
	}
	return out
}

// notRegular returns the error of a file that is not a regular file (a
// FIFO, socket or device, which may block forever or never end), or nil.
func notRegular(info fs.FileInfo) error {
	if info.Mode().IsRegular() {
		return nil
	}
	return argmap.Errorf(argmap.EINVALID, "not a regular file (%s)", fileKind(info.Mode()))
}

// fileKind names the type of a file mode.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a directory"
	}
	return "an irregular file"
}

// readDocument reads one file as a Document, refusing files past the size
// limit without reading them and anything that is not a regular file. The
// file is opened without blocking, so a named pipe with no writer is refused
// at once instead of hanging the open.
func readDocument(path string) (argmap.Document, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return argmap.Document{}, argmap.Errorf(argmap.ENOTFOUND, "cannot open: %v", unwrapPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "cannot read: %v", unwrapPathError(err))
	}
	if err := notRegular(info); err != nil {
		return argmap.Document{}, err
	}
	if info.Size() > maxDocumentBytes {
		return argmap.Document{}, argmap.Errorf(argmap.ETOOLARGE, "larger than %d MiB", maxDocumentBytes>>20)
	}
	// Read into a buffer of the file's size: io.ReadAll alone grows its
	// buffer by doubling, leaving up to twice the document in garbage.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, maxDocumentBytes+1))
	data := buf.Bytes()
	if err != nil {
		return argmap.Document{}, argmap.Errorf(argmap.EINVALID, "cannot read: %v", unwrapPathError(err))
	}
	if len(data) > maxDocumentBytes {
		return argmap.Document{}, argmap.Errorf(argmap.ETOOLARGE, "larger than %d MiB", maxDocumentBytes>>20)
	}
	uri := path
	if abs, err := filepath.Abs(path); err == nil {
		uri = abs
	}
	return argmap.Document{Name: filepath.Base(path), URI: uri, MediaType: mediaType(path), Data: data}, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err
	}
	return err
}

// mediaType guesses a document's media type from its extension; "" lets the
// extractor sniff.
func mediaType(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".xhtml":
		return "text/html"
	case ".md", ".markdown":
		return "text/markdown"
	case ".txt", ".text":
		return "text/plain"
	case ".pdf":
		return "application/pdf"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return ""
}

// pdfCacheDir is where the PDF reader keeps its compiled code between runs:
// ARGMAP_CACHE_DIR, else the user cache directory; "" (compile every time)
// when neither is usable.
func pdfCacheDir() string {
	d := os.Getenv("ARGMAP_CACHE_DIR")
	if d == "" {
		ucd, err := os.UserCacheDir()
		if err != nil {
			return ""
		}
		d = filepath.Join(ucd, "argmap")
	}
	return filepath.Join(d, "pdfium")
}

// pdfWorkerCommand is the hidden command that makes argmap a PDF worker:
// the process argmap starts to read PDFs in (document.ServeWorker). PDFium
// runs there at full speed, and a PDF that overruns its time or memory is
// stopped by killing the process.
const pdfWorkerCommand = "pdf-worker"

// pdfWorker returns the command line of the PDF worker: this executable
// with the hidden command (also under go run, whose executable lasts as long
// as the run); nil, reading PDFs in this process, when it cannot be found.
func pdfWorker() []string {
	self, err := os.Executable()
	if err != nil {
		return nil
	}
	return []string{self, pdfWorkerCommand}
}

// runPDFWorker serves PDF reads on standard input and output until the
// input ends.
func runPDFWorker(ctx context.Context, e *env, args []string) error {
	if len(args) > 0 {
		return usagef("argmap %s is the PDF reader process argmap starts itself; it takes no arguments", pdfWorkerCommand)
	}
	return document.ServeWorker(os.Stdin, e.stdout, document.Options{CacheDir: pdfCacheDir()})
}
