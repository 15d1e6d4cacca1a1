package structure

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// Sentence is a sentence of a text by byte offsets (end exclusive), with the
// index of its paragraph.
type Sentence struct {
	Start, End int
	Para       int
	// Words are the sentence's words as Tokenize splits text[Start:End],
	// when the caller has them already; nil means Segment splits them.
	// Lower, when set with them, holds each one's Word: the caller's slice
	// of them, which the parser only reads.
	Words []Token
	Lower []string
	// Flags, when set with Lower, holds each word's flags as WordFlags
	// gives them (a caller that looks its words up in a table of its own
	// keeps the parser's flags there too, FlaggedWords): the parser does not
	// look them up again.
	Flags []uint16
}

// SentenceFunc splits a text into sentences. The extraction pipeline passes
// its own, so training sees the sentences extraction will see.
type SentenceFunc func(text string) []Sentence

// Doc is a text with its sentences and, for training and checking, its gold
// structure.
type Doc struct {
	Name      string
	Topic     string // what the text argues about, when known
	Text      string
	Sentences []Sentence
	Gold      *Gold
}

// Gold is the annotated structure of a Doc.
type Gold struct {
	EDUs  []Unit // elementary discourse units, in text order
	Units []Unit // argumentative units (one or more EDUs joined), in text order
	// Central is the index in Units of the central claim.
	Central int
	// Opp tells the units that voice the opponent's side.
	Opp []bool
	// Head is every unit's target (-1 for the central claim); Kind the kind
	// of its relation; Undercut whether it attacks the relation Head ->
	// head of Head rather than the unit Head.
	Head     []int
	Kind     []Kind
	Undercut []bool
	// Linked tells the units that join another's relation as a linked
	// premise (microtexts' "add" edges): they bear on that relation's target.
	Linked []bool
	// Spans are the units as the project's scorer sees them; SpanOrder is
	// the order it tries them in when a predicted unit overlaps two alike
	// (the order of the XML's seg edges). A unit is the span from its first
	// EDU to its last, so where a text restates its central claim at the end
	// the central claim's span holds every other unit, and the scorer maps
	// every unit inside it to the central claim: their relations cannot be
	// found (62 of microtexts2's 506 scored relations, in 21 texts).
	Spans     []Unit
	SpanOrder []int
}

// xmlGraph is the microtexts XML: <arggraph> with <edu>, <adu> and <edge>.
type xmlGraph struct {
	ID    string `xml:"id,attr"`
	Topic string `xml:"topic_id,attr"`
	EDUs  []struct {
		ID   string `xml:"id,attr"`
		Text string `xml:",chardata"`
	} `xml:"edu"`
	ADUs []struct {
		ID   string `xml:"id,attr"`
		Type string `xml:"type,attr"`
	} `xml:"adu"`
	Edges []struct {
		ID   string `xml:"id,attr"`
		Src  string `xml:"src,attr"`
		Trg  string `xml:"trg,attr"`
		Type string `xml:"type,attr"`
	} `xml:"edge"`
}

// ReadMicrotexts reads every NAME.txt with its NAME.xml gold structure (the
// arg-microtexts format) in dir, sorted by name. sentences splits the texts.
func ReadMicrotexts(dir string, sentences SentenceFunc) ([]Doc, error) {
	xmls, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "cannot list %s: %w", dir, err)
	}
	sort.Strings(xmls)
	var docs []Doc
	for _, x := range xmls {
		txtPath := strings.TrimSuffix(x, ".xml") + ".txt"
		txt, err := os.ReadFile(txtPath)
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "cannot read the text beside %s: %w", filepath.Base(x), err)
		}
		raw, err := os.ReadFile(x)
		if err != nil {
			return nil, argmap.Errorf(argmap.EINVALID, "cannot read %s: %w", x, err)
		}
		d, err := ParseMicrotext(filepath.Base(txtPath), string(txt), raw)
		if err != nil {
			return nil, err
		}
		d.Sentences = sentences(d.Text)
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "no *.xml gold files in %s", dir)
	}
	return docs, nil
}

// ParseMicrotext reads the gold structure of one text from its XML. Every
// EDU must occur in the text, every edge must join known units, and the
// units must form one tree.
func ParseMicrotext(name, text string, raw []byte) (Doc, error) {
	bad := func(format string, args ...any) (Doc, error) {
		return Doc{}, argmap.Errorf(argmap.EINVALID, "%s: %s", name, fmt.Sprintf(format, args...))
	}
	var g xmlGraph
	if err := xml.Unmarshal(raw, &g); err != nil {
		return bad("malformed XML: %v", err)
	}
	edu := map[string]Unit{}
	var edus []Unit
	pos := 0
	for _, e := range g.EDUs {
		t := strings.TrimSpace(e.Text)
		if t == "" {
			return bad("EDU %s is empty", e.ID)
		}
		i := strings.Index(text[pos:], t)
		if i >= 0 {
			i += pos
		} else if i = strings.Index(text, t); i < 0 {
			return bad("EDU %s does not occur in the text", e.ID)
		}
		u := Unit{Start: i, End: i + len(t)}
		edu[e.ID] = u
		edus = append(edus, u)
		pos = u.End
	}
	type edge struct{ src, trg, typ string }
	edges := map[string]edge{}
	adu := map[string]Unit{}
	var segOrder []string
	opp := map[string]bool{}
	for _, a := range g.ADUs {
		opp[a.ID] = a.Type == "opp"
	}
	for _, e := range g.Edges {
		if e.Type == "seg" {
			s, ok := edu[e.Src]
			if !ok {
				return bad("seg edge %s from unknown EDU %s", e.ID, e.Src)
			}
			if _, ok := opp[e.Trg]; !ok {
				return bad("seg edge %s to unknown ADU %s", e.ID, e.Trg)
			}
			if a, ok := adu[e.Trg]; ok {
				s = Unit{Start: min(a.Start, s.Start), End: max(a.End, s.End)}
			} else {
				segOrder = append(segOrder, e.Trg)
			}
			adu[e.Trg] = s
			continue
		}
		edges[e.ID] = edge{src: e.Src, trg: e.Trg, typ: e.Type}
	}
	ids := make([]string, 0, len(adu))
	for id := range adu {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return adu[ids[i]].Start < adu[ids[j]].Start })
	index := map[string]int{}
	gold := &Gold{EDUs: edus, Central: -1}
	sort.Slice(gold.EDUs, func(i, j int) bool { return gold.EDUs[i].Start < gold.EDUs[j].Start })
	for i, id := range ids {
		index[id] = i
		gold.Units = append(gold.Units, adu[id])
		gold.Opp = append(gold.Opp, opp[id])
		gold.Head = append(gold.Head, -1)
		gold.Kind = append(gold.Kind, Support)
		gold.Undercut = append(gold.Undercut, false)
		gold.Linked = append(gold.Linked, false)
	}
	gold.Spans = gold.Units
	for _, id := range segOrder {
		gold.SpanOrder = append(gold.SpanOrder, index[id])
	}
	// resolve resolves an edge's target: a unit, or the source unit of the
	// relation it targets (an undercut).
	var resolve func(trg string, depth int) (int, bool, bool)
	resolve = func(trg string, depth int) (int, bool, bool) {
		if k, ok := index[trg]; ok {
			return k, false, true
		}
		e, ok := edges[trg]
		if !ok || depth > 10 {
			return 0, false, false
		}
		k, ok := index[e.src]
		return k, true, ok
	}
	eids := make([]string, 0, len(edges))
	for id := range edges {
		eids = append(eids, id)
	}
	sort.Strings(eids)
	for _, id := range eids {
		e := edges[id]
		i, ok := index[e.src]
		if !ok {
			return bad("edge %s from unknown unit %s", id, e.src)
		}
		switch e.typ {
		case "sup", "exa", "reb", "und":
			j, und, ok := resolve(e.trg, 0)
			if !ok {
				return bad("edge %s to unknown target %s", id, e.trg)
			}
			gold.Head[i], gold.Undercut[i] = j, und
			gold.Kind[i] = Support
			if e.typ == "reb" || e.typ == "und" {
				gold.Kind[i] = Attack
			}
		case "add":
			// a linked premise: it bears on what the relation it joins bears on
			r, ok := edges[e.trg]
			if !ok {
				return bad("add edge %s to unknown relation %s", id, e.trg)
			}
			j, und, ok := resolve(r.trg, 0)
			if !ok {
				return bad("edge %s to unknown target %s", e.trg, r.trg)
			}
			gold.Head[i], gold.Undercut[i], gold.Linked[i] = j, und, true
			gold.Kind[i] = Support
			if r.typ == "reb" || r.typ == "und" {
				gold.Kind[i] = Attack
			}
		default:
			return bad("edge %s has unknown type %q", id, e.typ)
		}
	}
	for i, h := range gold.Head {
		if h < 0 {
			if gold.Central >= 0 {
				return bad("two units without a target: %s and %s", ids[gold.Central], ids[i])
			}
			gold.Central = i
		}
	}
	if gold.Central < 0 {
		return bad("no central claim: every unit has a target")
	}
	for i := range gold.Head {
		j := i
		for k := 0; k <= len(gold.Head) && j != gold.Central; k++ {
			j = gold.Head[j]
		}
		if j != gold.Central {
			return bad("unit %s does not lead to the central claim (a cycle)", ids[i])
		}
	}
	return Doc{Name: name, Topic: g.Topic, Text: text, Gold: gold}, nil
}
