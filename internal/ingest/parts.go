package ingest

import (
	"bytes"
	"context"
	"fmt"
	"path"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Documents of plain text or Markdown over bigDocument bytes are extracted
// part by part, each part about partBytes and ending at a paragraph break
// (else a line break): extraction holds several times a document's size in
// memory while it works (about 35 bytes a byte: 360 MB for 10 MB, over
// 1.5 GB for 50 MB), a part of it only a part's worth. The parts make one
// source and are written in one transaction, all or nothing, as any
// document. What is lost: relations and citations that would join units of
// different parts, and the document's metadata is read from its first part.
const (
	bigDocument = 4 << 20
	partBytes   = 1 << 20
)

// SetParts sets the size over which a text document is extracted part by
// part and the size of a part (defaults 4 MiB and 1 MiB), for tests and
// tuning. It returns s.
func (s *Service) SetParts(over, part int) *Service {
	s.partsOver, s.partBytes = over, part
	return s
}

// extract extracts doc, part by part when it is a big text document.
func (s *Service) extract(ctx context.Context, doc argmap.Document) (*argmap.Graph, error) {
	if len(doc.Data) <= s.partsOver || !plainText(doc) {
		return s.extractor.Extract(ctx, doc)
	}
	hash := argmap.ContentHash(doc.Data)
	m := merger{id: argmap.DerivedID(argmap.KindSource, hash), hash: hash, g: &argmap.Graph{},
		cited: map[string]bool{}, actors: map[string]int{}}
	for off := 0; off < len(doc.Data); {
		end := partEnd(doc.Data, off, s.partBytes)
		part := doc
		part.Data = doc.Data[off:end]
		if len(bytes.TrimSpace(part.Data)) > 0 {
			pg, err := s.extractor.Extract(ctx, part)
			if err != nil {
				return nil, &argmap.Error{Code: argmap.ErrorCode(err),
					Message: fmt.Sprintf("bytes %d to %d: %s", off, end, argmap.ErrorMessage(err)), Err: err}
			}
			if err := m.add(pg, argmap.ContentHash(part.Data), off); err != nil {
				return nil, err
			}
		}
		off = end
	}
	if !m.haveSource {
		return s.extractor.Extract(ctx, doc) // nothing but blank parts: let extraction say what is wrong
	}
	m.g.Sources[0].Text = string(doc.Data)
	return m.g, nil
}

// plainText reports whether doc is declared plain text or Markdown (by media
// type or name) and is not a PDF or Word file in disguise.
func plainText(doc argmap.Document) bool {
	if bytes.HasPrefix(doc.Data, []byte("%PDF")) || bytes.HasPrefix(doc.Data, []byte("PK\x03\x04")) {
		return false
	}
	mt := strings.ToLower(doc.MediaType)
	switch {
	case strings.HasPrefix(mt, "text/plain"), strings.HasPrefix(mt, "text/markdown"):
		return true
	case mt != "":
		return false
	}
	switch strings.ToLower(path.Ext(doc.Name)) {
	case ".txt", ".text", ".md", ".markdown":
		return true
	}
	return false
}

// partEnd returns where the part of data starting at off ends: after the
// last paragraph break (a blank line) within about n bytes, else the last
// line break, else the last space, else n bytes on (never inside a UTF-8
// sequence), or the end of data.
func partEnd(data []byte, off, n int) int {
	if len(data)-off <= n {
		return len(data)
	}
	window := data[off : off+n]
	for _, sep := range [][]byte{[]byte("\n\n"), []byte("\n\r\n"), []byte("\n"), []byte(" ")} {
		if i := bytes.LastIndex(window, sep); i > n/2 {
			return off + i + len(sep)
		}
	}
	end := off + n
	for end > off && data[end]&0xC0 == 0x80 { // a continuation byte
		end--
	}
	return end
}

// merger joins the graphs of a document's parts into one graph of one
// source.
type merger struct {
	id, hash   string // the whole document's source ID and content hash
	g          *argmap.Graph
	cited      map[string]bool
	actors     map[string]int // actor ID -> index in g.Actors
	haveSource bool
	haveMain   bool
}

// add merges the graph of the part at byte off whose content hash is
// partHash.
func (m *merger) add(pg *argmap.Graph, partHash string, off int) error {
	partID := argmap.DerivedID(argmap.KindSource, partHash)
	found := false
	for _, src := range pg.Sources {
		switch {
		case src.ID == partID:
			found = true
			if !m.haveSource {
				src.ID, src.ContentHash, src.Text = m.id, m.hash, ""
				m.g.Sources = append([]argmap.Source{src}, m.g.Sources...)
				m.haveSource = true
			}
		default: // a source the part cites: once
			if !m.cited[src.ID] {
				m.cited[src.ID] = true
				m.g.Sources = append(m.g.Sources, src)
			}
		}
	}
	if !found {
		return argmap.Errorf(argmap.EINTERNAL, "extraction returned no source for the part at byte %d", off)
	}
	spans := func(sps []argmap.Span) {
		for i := range sps {
			if sps[i].SourceID == partID {
				sps[i].SourceID = m.id
				sps[i].Start += off
				sps[i].End += off
			}
		}
	}
	for _, c := range pg.Claims {
		spans(c.Spans)
		if c.Main {
			c.Main = !m.haveMain // the first part's main claim is the document's
			m.haveMain = true
		}
		m.g.Claims = append(m.g.Claims, c)
	}
	for _, e := range pg.Evidence {
		spans(e.Spans)
		m.g.Evidence = append(m.g.Evidence, e)
	}
	for _, r := range pg.Relations {
		if r.Span != nil {
			sp := []argmap.Span{*r.Span}
			spans(sp)
			r.Span = &sp[0]
		}
		m.g.Relations = append(m.g.Relations, r)
	}
	for _, c := range pg.Citations {
		if c.SourceID == partID {
			c.SourceID = m.id
			c.Start += off
			c.End += off
		}
		m.g.Citations = append(m.g.Citations, c)
	}
	for _, a := range pg.Actors {
		i, ok := m.actors[a.ID]
		if !ok {
			m.actors[a.ID] = len(m.g.Actors)
			m.g.Actors = append(m.g.Actors, a)
			continue
		}
		have := &m.g.Actors[i]
		for _, al := range a.Aliases {
			if len(have.Aliases) < argmap.MaxAliases && al != have.Name && !contains(have.Aliases, al) {
				have.Aliases = append(have.Aliases, al)
			}
		}
	}
	return nil
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
