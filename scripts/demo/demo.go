// Package demo embeds argmap's own demo corpus: short documents about the
// debate over the International Organization for Migration, written for this
// project, that `argmap demo` ingests on a fresh machine.
package demo

import (
	"embed"
	"io/fs"
	"path"
	"sort"
)

//go:embed corpus
var corpus embed.FS

// File is one document of the demo corpus.
type File struct {
	Name string // base name, e.g. "avr-statement.md"
	Path string // path in the repository, e.g. "scripts/demo/corpus/avr-statement.md"
	Data []byte
}

// Files returns the demo documents sorted by name.
func Files() ([]File, error) {
	entries, err := fs.ReadDir(corpus, "corpus")
	if err != nil {
		return nil, err
	}
	var out []File
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(corpus, path.Join("corpus", e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: e.Name(), Path: path.Join("scripts/demo/corpus", e.Name()), Data: data})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}
