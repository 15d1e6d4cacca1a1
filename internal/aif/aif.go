// Package aif reads and writes the Argument Interchange Format in the JSON
// form AIFdb and OVA exchange (nodes, edges, optional locutions) and maps it
// to and from argmap graphs. It does no I/O beyond the io.Reader and
// io.Writer it is given.
//
// Mapping (AIF → argmap):
//   - I-node: a claim (its text; curated, score 1).
//   - RA-node: a supports relation; the I-nodes with an edge into it are its
//     linked premises, the one node it has an edge to is its target. The
//     scheme name (the "scheme" field, or the node text when it is not the
//     default "RA"/"Default Inference") is kept as the relation's Scheme.
//   - CA-node: a contests relation, read the same way. A CA (or RA) whose
//     target is an RA or CA node is an undercut (or a backing): a relation
//     whose To is a relation.
//   - L-node anchored to an I-node through a YA-node: who said it. The
//     speaker ("Speaker : words" in the L text, else the locution's personID)
//     becomes an actor asserting the claim (disputing it for YA schemes of
//     disagreement or challenge).
//   - MA, PA, TA nodes and YA nodes anchored elsewhere carry dialogue
//     structure argmap has no place for: they are counted in Result.Dropped,
//     not stored.
//
// Mapping (argmap → AIF): claims and evidence become I-nodes, supports
// relations RA-nodes, contests relations CA-nodes (text "Default Inference"
// or "Default Conflict", scheme kept), with one edge from each premise and one
// to the target; an actor asserting or disputing a claim becomes an L-node
// ("Name : text") joined through a YA-node (Asserting or Disagreeing). Titles
// have no place in AIF and are not written.
package aif

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// MaxBytes bounds an AIF document read by Decode.
const MaxBytes = 64 << 20

// ID is an AIF identifier. AIFdb writes node and edge IDs as strings, some
// tools as numbers; both are read, and written back as strings.
type ID string

// UnmarshalJSON accepts a JSON string or number (null gives "").
func (id *ID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*id = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*id = ID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return fmt.Errorf("an ID must be a string or a number, not %s", shorten(string(b), 20))
	}
	*id = ID(n.String())
	return nil
}

// Node is one AIF node.
type Node struct {
	NodeID    ID     `json:"nodeID"`
	Text      string `json:"text"`
	Type      string `json:"type"`
	Timestamp string `json:"timestamp,omitempty"`
	Scheme    string `json:"scheme,omitempty"`
	SchemeID  ID     `json:"schemeID,omitempty"`
}

// Edge is one AIF edge, from FromID to ToID.
type Edge struct {
	EdgeID     ID  `json:"edgeID"`
	FromID     ID  `json:"fromID"`
	ToID       ID  `json:"toID"`
	FormEdgeID *ID `json:"formEdgeID"`
}

// Locution tells who uttered an L-node.
type Locution struct {
	NodeID    ID     `json:"nodeID"`
	PersonID  ID     `json:"personID"`
	Timestamp string `json:"timestamp,omitempty"`
	Start     any    `json:"start,omitempty"`
	End       any    `json:"end,omitempty"`
	Source    any    `json:"source,omitempty"`
}

// Document is an AIF JSON document.
type Document struct {
	Nodes     []Node     `json:"nodes"`
	Edges     []Edge     `json:"edges"`
	Locutions []Locution `json:"locutions,omitempty"`
}

// Node types.
const (
	TypeI  = "I"  // information: a proposition
	TypeRA = "RA" // rule application: an inference
	TypeCA = "CA" // conflict application
	TypeMA = "MA" // rephrase
	TypePA = "PA" // preference application
	TypeL  = "L"  // locution
	TypeTA = "TA" // transition between locutions
	TypeYA = "YA" // illocutionary anchor
)

// Decode reads an AIF JSON document. It returns EINVALID, naming the line
// and column, for input that is not UTF-8 or not JSON, and for a document
// whose nodes or edges are malformed (a missing or repeated nodeID, an
// unknown endpoint); ETOOLARGE past MaxBytes.
func Decode(r io.Reader) (*Document, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "cannot read the AIF document: %v", err)
	}
	if len(data) > MaxBytes {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "the AIF document is larger than %d MiB", MaxBytes>>20)
	}
	if !utf8.Valid(data) {
		off := invalidUTF8At(data)
		line, col := lineCol(data, off)
		return nil, argmap.Errorf(argmap.EINVALID, "AIF: line %d, column %d: invalid UTF-8", line, col)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "AIF: the document is empty")
	}
	var d Document
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&d); err != nil {
		return nil, jsonError(data, err)
	}
	if dec.More() {
		off := int(dec.InputOffset())
		line, col := lineCol(data, off)
		return nil, argmap.Errorf(argmap.EINVALID, "AIF: line %d, column %d: more data after the JSON document", line, col)
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	return &d, nil
}

func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := lineCol(data, int(se.Offset)-1) // Offset is past the bad byte
		return argmap.Errorf(argmap.EINVALID, "AIF: line %d, column %d: %v", line, col, se)
	case errors.As(err, &te):
		line, col := lineCol(data, int(te.Offset))
		field := te.Field
		if field == "" {
			field = "the document"
		}
		return argmap.Errorf(argmap.EINVALID, "AIF: line %d, column %d: %s must be %s, not a JSON %s", line, col, field, jsonKind(te.Type.Kind().String()), te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := lineCol(data, len(data))
		return argmap.Errorf(argmap.EINVALID, "AIF: line %d, column %d: the JSON ends too early", line, col)
	}
	return argmap.Errorf(argmap.EINVALID, "AIF: %v", err)
}

func jsonKind(k string) string {
	switch k {
	case "slice":
		return "an array"
	case "struct", "map":
		return "an object"
	}
	return "a " + k
}

// check reports the first structural problem of d.
func (d *Document) check() error {
	if d.Nodes == nil {
		return argmap.Errorf(argmap.EINVALID, "AIF: the document has no \"nodes\" array")
	}
	seen := make(map[ID]bool, len(d.Nodes))
	for i, n := range d.Nodes {
		if n.NodeID == "" {
			return argmap.Errorf(argmap.EINVALID, "AIF: nodes[%d] has no nodeID", i)
		}
		if seen[n.NodeID] {
			return argmap.Errorf(argmap.EINVALID, "AIF: nodes[%d]: nodeID %q is used twice", i, shorten(string(n.NodeID), 40))
		}
		seen[n.NodeID] = true
		if n.Type == "" {
			return argmap.Errorf(argmap.EINVALID, "AIF: node %q has no type", shorten(string(n.NodeID), 40))
		}
	}
	for i, e := range d.Edges {
		if !seen[e.FromID] {
			return argmap.Errorf(argmap.EINVALID, "AIF: edges[%d] comes from unknown node %q", i, shorten(string(e.FromID), 40))
		}
		if !seen[e.ToID] {
			return argmap.Errorf(argmap.EINVALID, "AIF: edges[%d] goes to unknown node %q", i, shorten(string(e.ToID), 40))
		}
	}
	return nil
}

// Encode writes d as indented JSON.
func Encode(w io.Writer, d *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// lineCol returns the 1-based line and column (in characters) of byte offset
// off in data.
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	if off < 0 {
		off = 0
	}
	line := 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:off])
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// itoa formats a sequence number as an AIF ID.
func itoa(n int) ID { return ID(strconv.Itoa(n)) }
