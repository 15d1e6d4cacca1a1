// Package extract turns a document into a draft argument graph: the claims,
// evidence, actors, citations and support/contest relations it states, every
// one anchored to a quoted span of the text a reader sees.
//
// A document passes five stages, each once and in this order, one file each:
//
//	text.go       bytes -> the text a reader sees (format sniffing, HTML; PDF and
//	              DOCX through package document) and what the document's own
//	              structure says of its title, authors and date
//	units.go      text -> blocks, sentences, sections, page furniture and the
//	              actors mentioned: the units every later stage reads
//	roles.go      units -> claim, evidence or other, and who asserts each
//	structure.go  claims and evidence -> argumentative units below the
//	              sentence, central claim, what supports or contests what
//	              (package structure: a learned parser)
//	links.go      units -> the draft graph: source, claims, evidence, actors,
//	              relations, citations, attribution
//
// features.go holds what the units and roles stages read of a sentence (its
// surface: words, shape) and the word classes and cue weights of the roles
// stage, in one place; the structure stage's features and learned weights
// are in package structure. The links stage's helpers are gist.go (short
// restatements), head.go (titles and metadata) and attribution.go (who
// asserts a claim). Outside the pipeline: linker.go, stance.go and expand.go
// (across documents, at ingest and query time) and jsonl.go (the evaluation
// output).
package extract

import (
	"context"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
	"github.com/argmap/argmap/internal/extract/actor"
	"github.com/argmap/argmap/internal/extract/document"
	argstruct "github.com/argmap/argmap/internal/extract/structure"
)

// Options tune a Pipeline.
type Options struct {
	MaxBytes int64 // largest document accepted; 0 means 50 MB
	// CacheDir keeps the PDF reader's compiled code between runs (see
	// document.Options); "" compiles it anew in every process.
	CacheDir string
	// PDFWorker is the command line of the PDF worker process (see
	// document.Options.Worker); nil reads PDFs in this process.
	PDFWorker []string
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
	p := &Pipeline{maxBytes: opt.MaxBytes, actors: actor.NewFinder(), docs: document.NewReader(document.Options{CacheDir: opt.CacheDir, Worker: opt.PDFWorker}),
		structure: opt.Structure}
	if p.structure == nil {
		p.structure, p.err = argstruct.Default()
	}
	return p
}

// Close stops the PDF reader's worker processes, if any ran. Workers that
// are not closed stop after a minute without work, or when this process
// ends.
func (p *Pipeline) Close() error { return p.docs.Close() }

// state is what the stages hand on about one document: each stage fills its part and reads
// only the parts of the stages before it.
type state struct {
	name, uri string
	hash      string // of the bytes as given
	// text stage
	dec  decoded
	text string // dec.text with line breaks normalised (same length, so offsets hold)
	// units stage
	segs     []Segment
	headline int // the first heading-like block of three words or more among the first 16 that is no furniture, or -1
	sents    []Sentence
	mentions []actor.Mention
	actors   []actor.Actor
	dominant string       // the organisation mentioned most
	bibSegs  map[int]bool // segments of a bibliography
	units    []unit       // one a sentence; the structure stage splits some
}

// unit is one sentence, or after the structure stage one argumentative part
// of a sentence, with what the stages decided about it.
type unit struct {
	Sentence
	Verdict                     // roles stage
	surf      surface           // units stage: the sentence's words and shape
	toks      []argstruct.Token // units stage: its words as the structure parser splits them, split once for both
	words     *sentenceWords    // units stage: toks' words and their structure flags, when they are surf's (surfaceOfTokens)
	furniture string            // units stage: the kind of page furniture its block is ("heading", ...), if any
	sec       Section           // units stage
	para      int               // units stage
	speakers  []string          // units stage, kept by the roles stage: canonical actors asserting it, when not the author
	named     []string          // roles stage: canonical actors mentioned in it
	arg       argUnit           // structure stage
	id        string            // links stage
}

// sentenceWords are a sentence's lower-cased words, as its surface read them
// from the structure parser's tokens, and the parser's flags of them
// (argstruct.Sentence's Lower and Flags). A unit points at its sentence's,
// kept in one array a document: two slices in every unit would make each
// copy of the units 40 bytes a unit longer.
type sentenceWords struct {
	lower []string
	sfl   []uint16
}

// Extract implements argmap.Extractor.
func (p *Pipeline) Extract(ctx context.Context, doc argmap.Document) (*argmap.Graph, error) {
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	if p.err != nil {
		return nil, argmap.WrapInternal(p.err, "the argument-structure weights did not load")
	}
	if int64(len(doc.Data)) > p.maxBytes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "document is %d bytes, more than the limit of %d", len(doc.Data), p.maxBytes)
	}
	d, err := p.readText(ctx, doc) // text.go
	if err != nil {
		return nil, err
	}
	if err := p.findUnits(ctx, d); err != nil { // units.go
		return nil, err
	}
	assignRoles(d) // roles.go
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	p.argue(ctx, d) // structure.go; stops between blocks when ctx ends
	if err := cancelled(ctx); err != nil {
		return nil, err
	}
	return link(ctx, d) // links.go
}

// cancelled returns an EUNAVAILABLE error when ctx is done.
func cancelled(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return argmap.Errorf(argmap.EUNAVAILABLE, "extraction cancelled: %w", err)
	}
	return nil
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
