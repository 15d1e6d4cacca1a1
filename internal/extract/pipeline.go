// Package extract turns a document into a draft argument graph: the claims,
// evidence, actors, citations and support/contest relations it states, every
// one anchored to a quoted span of the text a reader sees. One file per stage:
// text (decoding, sniffing, HTML), segment (blocks and sentences),
// boilerplate (page furniture and sections), classify (claim, evidence or
// other), gist (short restatements), relation (links inside a document),
// linker (links across documents) and jsonl (the evaluation output).
package extract

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/extract/document"
	"github.com/argmap/argmap/internal/extract/meta"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// Options tune a Pipeline.
type Options struct {
	MaxBytes int64 // largest document accepted; 0 means 50 MB
	// CacheDir keeps the PDF reader's compiled code between runs (see
	// document.Options); "" compiles it anew in every process.
	CacheDir string
	// Structure is the argument-structure parser; nil means the shipped
	// weights.
	Structure *argstruct.Model
}

// Pipeline extracts draft graphs from documents. It is safe for concurrent
// use.
type Pipeline struct {
	maxBytes  int64
	actors    *actor.Finder
	docs      *document.Reader
	structure *argstruct.Model
	err       error // the shipped structure weights did not load
}

// New returns a Pipeline with the given options.
func New(opt Options) *Pipeline {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 50 << 20
	}
	p := &Pipeline{maxBytes: opt.MaxBytes, actors: actor.NewFinder(), docs: document.NewReader(document.Options{CacheDir: opt.CacheDir}),
		structure: opt.Structure}
	if p.structure == nil {
		p.structure, p.err = argstruct.Default()
	}
	return p
}

// unit is one classified sentence.
type unit struct {
	Sentence
	Verdict
	sec      Section
	para     int
	speakers []string // canonical actors asserting it, when not the author
	named    []string // canonical actors mentioned in it
	p        string   // padded lower-case words
	id       string
	arg      argUnit // the structure stage's decisions
}

// Extract implements argmap.Extractor.
func (p *Pipeline) Extract(ctx context.Context, doc argmap.Document) (*argmap.Graph, error) {
	if err := ctx.Err(); err != nil {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "extraction cancelled: %w", err)
	}
	if p.err != nil {
		return nil, argmap.WrapInternal(p.err, "the argument-structure weights did not load")
	}
	if int64(len(doc.Data)) > p.maxBytes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "document is %d bytes, more than the limit of %d", len(doc.Data), p.maxBytes)
	}
	dec, err := p.decode(ctx, doc)
	if err != nil {
		return nil, err
	}
	text := dec.text
	hash := argmap.ContentHash(doc.Data)
	src := argmap.Source{
		ID:          argmap.DerivedID(argmap.KindSource, hash),
		URI:         doc.URI,
		ContentHash: hash,
		Text:        text,
		Kind:        argmap.SourceDocument,
	}
	// Stages read the text with its line breaks normalised (the same length,
	// so offsets hold); the source keeps the text as read.
	text = NormalizeBreaks(text)
	segs := Segments(text)
	sents := Sentences(text, segs)
	if err := ctx.Err(); err != nil {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "extraction cancelled: %w", err)
	}
	mentions, actors := p.actors.Find(text)
	if err := ctx.Err(); err != nil {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "extraction cancelled: %w", err)
	}
	units, bibSegs := label(text, segs, sents, mentions)
	units = p.argue(text, units)
	g := &argmap.Graph{}
	md := meta.Detect(metaText(dec), doc.Name)
	src.Title = chooseTitle(dec, md, text, segs, units, doc.Name)
	if len(dec.authors) > 0 {
		md.Authors = dec.authors
	}
	if dec.date != "" && !(dec.binary && md.Date != "") {
		md.Date = dec.date // a PDF's creation date may be a scan's: its text's date first
	}
	for _, a := range md.Authors {
		if a = strings.TrimSpace(a); a != "" && len(a) <= argmap.MaxNameLen {
			src.Authors = append(src.Authors, a)
		}
	}
	src.Date, src.Venue, src.DOI = md.Date, clip(md.Venue, 2000), clip(md.DOI, 2000)
	if src.Date == "" {
		src.Date = md.Year
	}
	if md.Kind != "" {
		src.Kind = md.Kind
	}
	src.Title = cleanField(src.Title, 2000)
	if strings.TrimSpace(src.Title) == "" {
		src.Title = "untitled document"
	}
	src.URI = cleanField(src.URI, 4096)
	src.Venue, src.DOI, src.Date = cleanField(src.Venue, 2000), cleanField(src.DOI, 2000), cleanField(src.Date, 64)
	authors := src.Authors[:0]
	for _, a := range src.Authors {
		if a = strings.TrimSpace(cleanField(a, argmap.MaxNameLen)); a != "" {
			authors = append(authors, a)
		}
	}
	src.Authors = authors
	g.Sources = append(g.Sources, src)
	dominant := p.actors.Dominant(mentions)
	now := argmap.Now()
	_ = now
	var kept []*unit
	for i := range units {
		u := &units[i]
		if u.Label == LabelOther {
			continue
		}
		n := strconv.Itoa(len(kept))
		span := argmap.Span{SourceID: src.ID, Start: u.Start, End: u.End, Quote: text[u.Start:u.End]}
		switch u.Label {
		case LabelClaim:
			u.id = argmap.DerivedID(argmap.KindClaim, hash, n)
			c := argmap.Claim{
				ID: u.id, Text: unitText(span.Quote, dec.format), Origin: argmap.OriginExtracted, Score: u.Score,
				Cues: u.Cues, Spans: []argmap.Span{span},
				Gist: Gist(span.Quote, mentionsIn(mentions, u.Start, u.End), referent(text, units, i, mentions, dominant)),
			}
			for _, s := range u.speakers {
				c.Actors = append(c.Actors, argmap.ActorRef{ActorID: argmap.ActorID(s), Role: argmap.RoleAsserts})
			}
			for _, a := range u.named {
				if !contains(u.speakers, a) {
					c.Actors = append(c.Actors, argmap.ActorRef{ActorID: argmap.ActorID(a), Role: argmap.RoleNamed})
				}
			}
			g.Claims = append(g.Claims, c)
		case LabelEvidence:
			u.id = argmap.DerivedID(argmap.KindEvidence, hash, n)
			g.Evidence = append(g.Evidence, argmap.Evidence{
				ID: u.id, Kind: u.Kind, Text: unitText(span.Quote, dec.format), Origin: argmap.OriginExtracted, Score: u.Score,
				Spans: []argmap.Span{span},
			})
		}
		kept = append(kept, u)
	}
	// actors named in argumentative units, or asserting them
	used := map[string]bool{}
	for _, u := range kept {
		for _, a := range u.named {
			used[a] = true
		}
		for _, a := range u.speakers {
			used[a] = true
		}
	}
	for _, a := range actors {
		if !used[a.Name] {
			continue
		}
		aliases := []string{}
		for _, al := range a.Aliases {
			if al != a.Name && len(al) <= argmap.MaxNameLen && strings.TrimSpace(al) != "" {
				aliases = append(aliases, al)
			}
		}
		g.Actors = append(g.Actors, argmap.Actor{ID: argmap.ActorID(a.Name), Name: a.Name, Kind: a.Kind, Aliases: aliases})
		delete(used, a.Name)
	}
	// speakers the finder did not list (should not happen) still need nodes
	rest := make([]string, 0, len(used))
	for a := range used {
		rest = append(rest, a)
	}
	sort.Strings(rest)
	for _, a := range rest {
		g.Actors = append(g.Actors, argmap.Actor{ID: argmap.ActorID(a), Name: a})
	}
	if err := ctx.Err(); err != nil {
		return nil, argmap.Errorf(argmap.EUNAVAILABLE, "extraction cancelled: %w", err)
	}
	relate(g, kept, src.ID, text, hash)
	citations(g, text, hash, segs, bibSegs, kept)
	tidyTitles(g, dec.format)
	attribute(g)
	return g, nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// mentionsIn returns the mentions lying inside [start,end).
func mentionsIn(ms []actor.Mention, start, end int) []actor.Mention {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= start })
	j := i
	for j < len(ms) && ms[j].End <= end {
		j++
	}
	return ms[i:j]
}

// statementHeads open a statement made by the actors they name.
var statementHeads = []string{
	"statement by", "statement of", "statement from", "joint statement by", "joint statement of",
	"open letter from", "open letter by", "letter from", "submission by", "submission of", "remarks by",
	"press release by", "declaration by", "declaration of", "testimony of", "testimony by", "position paper by",
	"communique by", "communiqué by",
}

// label walks the segments in order, keeping track of the section and of the
// speaker of a quoted statement, and classifies every sentence.
func label(text string, segs []Segment, sents []Sentence, ms []actor.Mention) ([]unit, map[int]bool) {
	units := make([]unit, 0, len(sents))
	bibSegs := map[int]bool{}
	sec := SectionBody
	var speakers []string
	si := 0
	for gi, sg := range segs {
		st := surfaceOf(text[sg.Start:sg.End])
		segOther := ""
		switch {
		case isHeading(st):
			segOther = "heading"
			if strongChromeHit(st.p) {
				speakers = nil // a new post or page part: the statement is over
			}
			if ns, ok := sectionOf(st); ok && (ns == SectionBody || st.nWords <= 6) {
				sec = ns
				if ns != SectionBody {
					speakers = nil
				}
			}
			for _, h := range statementHeads {
				if st.firstWords(3, h) {
					speakers = speakers[:0:0]
					for _, m := range mentionsIn(ms, sg.Start, sg.End) {
						if m.Kind == argmap.ActorOrganisation || m.Kind == argmap.ActorPerson || m.Kind == argmap.ActorGroup || m.Kind == "" {
							if !contains(speakers, m.Name) {
								speakers = append(speakers, m.Name)
							}
						}
					}
					break
				}
			}
		case isCaption(text[sg.Start:sg.End], st.p):
			segOther = "caption"
		case isMetadata(st):
			segOther = "metadata"
		case sg.End-sg.Start < 400 && strongChromeHit(st.p):
			segOther = "chrome"
			speakers = nil
		case bibScore(text[sg.Start:sg.End]) >= 3:
			segOther = "bibliographic"
			bibSegs[gi] = true
		case st.nWords <= 12 && strings.Contains(text[sg.Start:sg.End], " | "):
			segOther = "byline"
		}
		if sec == SectionBibliography {
			bibSegs[gi] = true
		}
		for ; si < len(sents) && sents[si].Seg == gi; si++ {
			s := sents[si]
			u := unit{Sentence: s, sec: sec, para: sg.Para}
			if segOther != "" {
				u.Verdict = Verdict{Label: LabelOther, Score: 0.9, Cues: []string{segOther}}
			} else {
				ss := st
				if s.Start != sg.Start || s.End != sg.End {
					ss = surfaceOf(text[s.Start:s.End])
				}
				u.Verdict = classify(ss, sec)
				u.p = ss.p
			}
			if u.Label != LabelOther {
				for _, m := range mentionsIn(ms, s.Start, s.End) {
					if !contains(u.named, m.Name) {
						u.named = append(u.named, m.Name)
					}
				}
				if len(speakers) > 0 {
					u.speakers = append([]string(nil), speakers...)
				}
			}
			units = append(units, u)
		}
	}
	// A sentence broken over two lines that were not joined takes the
	// furniture verdict of either half.
	for k := 0; k+1 < len(units); k++ {
		a, b := &units[k], &units[k+1]
		if a.Seg == b.Seg || segs[a.Seg].Para != segs[b.Seg].Para || endsSentence(text[a.Start:a.End]) || !startsLower(text[b.Start:b.End]) {
			continue
		}
		if isFurniture(a.Verdict) && !isFurniture(b.Verdict) {
			b.Verdict = a.Verdict
		} else if isFurniture(b.Verdict) && !isFurniture(a.Verdict) {
			a.Verdict = b.Verdict
			if k > 0 {
				k -= 2
			}
		}
	}
	return units, bibSegs
}

// isFurniture reports whether a verdict found page furniture.
func isFurniture(v Verdict) bool {
	return v.Label == LabelOther && len(v.Cues) > 0 && (strings.HasPrefix(v.Cues[0], "chrome") || v.Cues[0] == "metadata")
}

func strongChromeHit(p string) bool {
	for c := range strongChrome {
		if hasPhrase(p, c) {
			return true
		}
	}
	return false
}

// cleanField makes s fit a record field: valid UTF-8, no control
// characters, at most n bytes.
func cleanField(s string, n int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, s)
	return clip(s, n)
}

// clip cuts s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n]
}
