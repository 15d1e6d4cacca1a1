// Package interchange imports and exports argument maps written in
// interchange formats (Argdown, AIF, ...): it picks the format, keeps imports
// idempotent by content hash, records each imported file as a Source and
// writes its map in one transaction. The formats themselves are pure codecs
// (packages argdown and aif) handed in by cmd; this package knows none of
// them.
package interchange

import (
	"context"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// SourceKind is the kind of the Source an imported map is recorded as.
const SourceKind = "argument map"

// Format is one interchange format.
type Format struct {
	Name string   // "argdown", "aif"
	Exts []string // lower-case file name extensions that select it (".argdown")
	// Read parses a document into a graph whose claims, relations and actors
	// cite src (IDs derived from src.ID, so the same file gives the same
	// graph). It may set src.Title from the document. The graph must not hold
	// src itself. EINVALID, naming line and column, for a document that does
	// not parse.
	Read func(doc argmap.Document, src *argmap.Source) (*argmap.Graph, error)
	// Write renders a graph; nil for a format that is only read.
	Write func(g *argmap.Graph) ([]byte, error)
}

// Store is the part of a store imports need.
type Store interface {
	SourceByHash(ctx context.Context, hash string) (*argmap.Source, error)
	WriteGraph(ctx context.Context, g *argmap.Graph) error
}

// Service implements argmap.Interchange.
type Service struct {
	store   Store
	formats []Format
}

// New returns a Service over the store with the formats. store may be nil
// for a Service that only exports.
func New(store Store, formats []Format) *Service {
	return &Service{store: store, formats: formats}
}

// MapFormats lists the names of the formats, in the order given.
func (s *Service) MapFormats() []string {
	out := make([]string, 0, len(s.formats))
	for _, f := range s.formats {
		out = append(out, f.Name)
	}
	return out
}

// Format returns the format named, or, when name is "", the one file's
// extension selects. EUNSUPPORTED when there is none.
func (s *Service) Format(name, file string) (Format, error) {
	if name != "" {
		for _, f := range s.formats {
			if f.Name == name {
				return f, nil
			}
		}
		return Format{}, argmap.Errorf(argmap.EINVALID, "unknown map format %q (want %s)", short(name, 40), strings.Join(s.MapFormats(), " or "))
	}
	ext := strings.ToLower(filepath.Ext(file))
	for _, f := range s.formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, nil
			}
		}
	}
	return Format{}, argmap.Errorf(argmap.EUNSUPPORTED, "cannot tell the map format of %q from its extension (%s): name the format", short(file, 80), s.Extensions())
}

// Extensions describes which extensions select which format.
func (s *Service) Extensions() string {
	var parts []string
	for _, f := range s.formats {
		parts = append(parts, strings.Join(f.Exts, " ")+" → "+f.Name)
	}
	return strings.Join(parts, ", ")
}

// ImportMap implements argmap.Interchange.
func (s *Service) ImportMap(ctx context.Context, doc argmap.Document, format string) (*argmap.IngestResult, error) {
	f, err := s.Format(format, doc.Name)
	if err != nil {
		return nil, err
	}
	hash := argmap.ContentHash(doc.Data)
	if existing, err := s.store.SourceByHash(ctx, hash); err == nil {
		existing.Text = ""
		return &argmap.IngestResult{Source: *existing, Created: false}, nil
	} else if !argmap.IsNotFound(err) {
		return nil, err
	}
	title := strings.TrimSpace(doc.Name)
	if title == "" {
		title = f.Name + " map"
	}
	src := argmap.Source{
		ID: argmap.DerivedID(argmap.KindSource, hash), Title: short(title, argmap.MaxNameLen), Kind: SourceKind,
		URI: doc.URI, ContentHash: hash, CreatedAt: argmap.Now(),
	}
	g, err := f.Read(doc, &src)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(doc.Data) { // the parsers refuse it first, saying where
		return nil, argmap.Errorf(argmap.EINVALID, "%s is not valid UTF-8", doc.Name)
	}
	src.Text = string(doc.Data)
	g.Sources = append([]argmap.Source{src}, g.Sources...)
	if err := s.store.WriteGraph(ctx, g); err != nil {
		if argmap.ErrorCode(err) == argmap.ECONFLICT {
			// Another writer stored the same content meanwhile.
			if existing, err2 := s.store.SourceByHash(ctx, hash); err2 == nil {
				existing.Text = ""
				return &argmap.IngestResult{Source: *existing, Created: false}, nil
			}
		}
		return nil, err
	}
	res := &argmap.IngestResult{Source: src, Created: true, Counts: g.Counts()}
	res.Source.Text = ""
	return res, nil
}

// ExportMap implements argmap.Interchange.
func (s *Service) ExportMap(ctx context.Context, g *argmap.Graph, format string) ([]byte, error) {
	if format == "" {
		return nil, argmap.Errorf(argmap.EUNSUPPORTED, "name a map format (%s)", strings.Join(s.MapFormats(), ", "))
	}
	f, err := s.Format(format, "")
	if err != nil {
		return nil, err
	}
	if f.Write == nil {
		return nil, argmap.Errorf(argmap.EUNSUPPORTED, "argmap reads %s but does not write it", f.Name)
	}
	if err := ctx.Err(); err != nil {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "export cancelled: %w", err)
	}
	if g == nil {
		g = &argmap.Graph{}
	}
	return f.Write(g)
}

// short cuts s to at most n bytes on a rune boundary.
func short(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
