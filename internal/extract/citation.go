package extract

import (
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/cite"
)

// citations adds the document's citations to g: bibliography entries (each
// also a Source of kind "cited", which the citation points at) and author-year
// citations in running text. An in-text citation inside a claim becomes
// evidence of kind "citation" backing that claim.
func citations(g *argmap.Graph, text, hash string, segs []Segment, bibSegs map[int]bool, units []*unit) {
	srcID := g.Sources[0].ID
	seen := map[string]bool{}
	cited := map[string]bool{}
	addCitation := func(c cite.Citation, offset int) *argmap.Citation {
		if strings.TrimSpace(c.Author) == "" || strings.TrimSpace(c.Year) == "" {
			return nil
		}
		st, en := c.Start+offset, c.End+offset
		if st < 0 || en > len(text) || st > en {
			st, en = 0, 0
		}
		id := argmap.DerivedID(argmap.KindCitation, hash, itoa(st), itoa(en), c.Author, c.Year)
		if seen[id] {
			return nil
		}
		seen[id] = true
		ct := argmap.Citation{ID: id, SourceID: srcID, Author: clip(c.Author, argmap.MaxNameLen), Year: clip(c.Year, 16), Start: st, End: en}
		if en > st {
			ct.Text = clip(text[st:en], argmap.MaxTextLen)
		}
		g.Citations = append(g.Citations, ct)
		return &g.Citations[len(g.Citations)-1]
	}
	for i, sg := range segs {
		if !bibSegs[i] {
			continue
		}
		c, ok := cite.Bibliography(text[sg.Start:sg.End])
		if !ok {
			continue
		}
		ct := addCitation(c, sg.Start)
		if ct == nil {
			continue
		}
		title := strings.TrimSpace(c.Title)
		norm := strings.ToLower(strings.Join(words(c.Author+" "+c.Year+" "+title), " "))
		sid := argmap.DerivedID(argmap.KindSource, "cited", norm)
		ct.CitedID = sid
		if cited[sid] {
			continue
		}
		cited[sid] = true
		if title == "" {
			title = c.Author + " " + c.Year
		}
		var authors []string
		for _, a := range c.Authors {
			if a = strings.TrimSpace(a); a != "" {
				authors = append(authors, clip(a, argmap.MaxNameLen))
			}
		}
		g.Sources = append(g.Sources, argmap.Source{
			ID: sid, Title: clip(title, 2000), Authors: authors, Date: c.Year, Kind: argmap.SourceCited,
			Venue: clip(c.Venue, 2000),
		})
	}
	// in-text citations outside bibliography segments
	// Segments are in text order: a binary search finds the one holding a
	// position (a scan of every segment per citation made a 50 MB document
	// quadratic).
	inBib := func(pos int) bool {
		i := sort.Search(len(segs), func(i int) bool { return segs[i].End > pos })
		return i < len(segs) && bibSegs[i] && pos >= segs[i].Start
	}
	k := 0
	for _, c := range cite.InText(text) {
		if c.Start < 0 || c.End > len(text) || c.Start >= c.End || inBib(c.Start) {
			continue
		}
		if addCitation(c, 0) == nil {
			continue
		}
		// the claim it backs
		for k < len(units) && units[k].End <= c.Start {
			k++
		}
		if k < len(units) && units[k].Start <= c.Start && c.End <= units[k].End && units[k].Label == LabelClaim {
			u := units[k]
			eid := argmap.DerivedID(argmap.KindEvidence, hash, "cite", itoa(c.Start), itoa(c.End))
			if seen[eid] {
				continue
			}
			seen[eid] = true
			sp := argmap.Span{SourceID: srcID, Start: c.Start, End: c.End, Quote: text[c.Start:c.End]}
			g.Evidence = append(g.Evidence, argmap.Evidence{
				ID: eid, Kind: argmap.EvidenceCitation, Text: sp.Quote, Origin: argmap.OriginExtracted, Score: 0.7,
				Spans: []argmap.Span{sp},
			})
			g.Relations = append(g.Relations, argmap.Relation{
				ID: argmap.DerivedID(argmap.KindRelation, hash, "supports", eid, u.id), Kind: argmap.Supports,
				From: []string{eid}, To: u.id, Origin: argmap.OriginExtracted, Score: 0.7,
				Span: &argmap.Span{SourceID: srcID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]},
			})
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	neg := i < 0
	if neg {
		i = -i
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	if neg {
		n--
		b[n] = '-'
	}
	return string(b[n:])
}
