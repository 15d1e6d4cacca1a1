package argmap

import "context"

// Document is one input to extraction: the raw bytes of a file or upload.
type Document struct {
	Name      string // base name, e.g. "000_0f80.txt"
	URI       string // the path or URL it came from
	MediaType string // "text/plain", "text/markdown", "text/html"; "" to sniff
	Data      []byte
}

// Extractor turns a document into a draft graph: Sources[0] is the document
// itself (Text is the text a reader sees; every span indexes into it), plus
// works it cites (kind "cited"). IDs are derived from the content, so the same
// document always gives the same draft. EINVALID for input that is not text
// (binary, invalid UTF-8) or is empty; ETOOLARGE past the size limit.
type Extractor interface {
	Extract(ctx context.Context, doc Document) (*Graph, error)
}

// Links is what a Linker finds for the claims of a new document.
type Links struct {
	// Propositions maps a new claim's ID to the proposition it joins: the
	// proposition of a claim (stored or new) that states the same thing.
	Propositions map[string]string
	// Relations are contests relations of origin "linked" from new claims
	// to claims whose proposition they deny.
	Relations []Relation
}

// Linker links the claims of a new document to claims already stored (the
// candidates a store lookup found): claims that state the same proposition
// are grouped into one proposition, and a claim that denies another
// contests it. It never reads the store itself.
type Linker interface {
	Link(newClaims, stored []Claim) Links
}

// IngestResult tells what ingesting one document did.
type IngestResult struct {
	Source  Source `json:"source"`
	Created bool   `json:"created"` // false when the same content was already stored
	Counts  Counts `json:"counts"`  // what was extracted and written
	// Warnings tell the user about a document stored but likely not read as
	// meant, such as one in which no claim or evidence was found.
	Warnings []string `json:"warnings,omitempty"`
}

// WarnNothingFound is the warning of a document stored without a claim or
// evidence found in it.
const WarnNothingFound = "no claims or evidence were found in the document"

// Ingester extracts a document and stores the result in one transaction.
type Ingester interface {
	Ingest(ctx context.Context, doc Document) (*IngestResult, error)
}

// RenderFormat is an output format of a map.
type RenderFormat string

// Render formats.
const (
	FormatDOT RenderFormat = "dot"
	FormatSVG RenderFormat = "svg"
	FormatPNG RenderFormat = "png"
)

// RenderOptions tune a rendering.
type RenderOptions struct {
	Format RenderFormat
	Focus  string // node to highlight, if any
	Title  string
	// Labels, when set, colours and badges the map by an evaluation: claim,
	// evidence or relation ID -> "in", "out" or "undec". Semantics names
	// the evaluation for the legend.
	Labels    map[string]string
	Semantics string
	// Across lays the map out left to right (premises to the left of what
	// they bear on) instead of bottom to top: a claim with many direct
	// supporters then makes a tall column instead of one very wide row.
	Across bool
}

// Renderer draws a graph as an argument map. EUNSUPPORTED for an unknown
// format; ETOOLARGE for a graph past the renderer's bounds; EUNAVAILABLE when
// rendering times out.
type Renderer interface {
	Render(ctx context.Context, g *Graph, opt RenderOptions) ([]byte, error)
}

// Interchange formats of argument maps.
const (
	MapArgdown = "argdown" // Argdown (argdown.org), as the Argdown CLI 1.7.5 reads it
	MapAIF     = "aif"     // the Argument Interchange Format in AIFdb's JSON
	// MapCarneades is a Carneades 4 argument graph in YAML (read only).
	MapCarneades = "carneades"
	// MapTGF is an abstract framework in the Trivial Graph Format (read only).
	MapTGF = "tgf"
)

// Interchange reads and writes argument maps in interchange formats (Argdown,
// AIF, ...), which, unlike documents, state their argument structure
// explicitly.
type Interchange interface {
	// ImportMap parses doc in the format (one of MapFormats; "" to choose by
	// doc.Name's extension) and stores the map in one transaction, with doc
	// recorded as a Source. A document whose content is already stored is
	// not read again (Created false). EINVALID for a document that does not
	// parse, naming where (nothing is stored); EUNSUPPORTED for an unknown
	// format or extension.
	ImportMap(ctx context.Context, doc Document, format string) (*IngestResult, error)
	// ExportMap writes g in the format. EUNSUPPORTED for an unknown format or
	// one that cannot be written; EINVALID when g cannot be written in it.
	ExportMap(ctx context.Context, g *Graph, format string) ([]byte, error)
	// MapFormats lists the formats ImportMap reads.
	MapFormats() []string
}
