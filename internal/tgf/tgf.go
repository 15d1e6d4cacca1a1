// Package tgf reads abstract argumentation frameworks written in the Trivial
// Graph Format: one node per line ("ID [label]"), a line "#", then one
// attack per line ("FROM TO [label]"). Nodes become claims titled with their ID
// (the label, when there is one, is the text); attacks become contests
// relations. It reads only; nothing is stored here.
package tgf

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/argmap/argmap/internal/argmap"
)

// MaxSize bounds the TGF accepted, in bytes.
const MaxSize = 8 << 20

// Import is a framework read from a TGF file.
type Import struct {
	Graph *argmap.Graph
	// Warnings are things read but not kept as written.
	Warnings []string
}

// Read parses a TGF framework. EINVALID when it is not one (every problem
// found, by line); ETOOLARGE over MaxSize.
func Read(data []byte) (*Import, error) {
	if len(data) > MaxSize {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "tgf file is larger than %d bytes", MaxSize)
	}
	if !utf8.Valid(data) {
		return nil, argmap.Errorf(argmap.EINVALID, "tgf file is not valid UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "tgf file contains a NUL byte")
	}
	im := &Import{Graph: &argmap.Graph{}}
	g := im.Graph
	nodes := map[string]int{}
	attacks := map[[2]string]bool{}
	var probs []string
	addNode := func(key, text string) int {
		if i, ok := nodes[key]; ok {
			return i
		}
		if text == "" {
			text = key
		}
		nodes[key] = len(g.Claims)
		g.Claims = append(g.Claims, argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Title: key, Text: text,
			Origin: argmap.OriginCurated, Score: 1})
		return nodes[key]
	}
	edges := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), MaxSize)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		if text == "#" || (!edges && strings.HasPrefix(text, "#") && strings.TrimSpace(text[1:]) == "") {
			if edges {
				probs = append(probs, fmt.Sprintf("line %d: a second # separator", line))
			}
			edges = true
			continue
		}
		fields := strings.Fields(text)
		if !edges {
			key := fields[0]
			label := strings.TrimSpace(strings.TrimPrefix(text, key))
			if _, dup := nodes[key]; dup {
				probs = append(probs, fmt.Sprintf("line %d: node %s is declared twice", line, key))
				continue
			}
			addNode(key, label)
			continue
		}
		if len(fields) < 2 {
			probs = append(probs, fmt.Sprintf("line %d: an attack needs two node IDs, got %q", line, text))
			continue
		}
		from, to := fields[0], fields[1]
		for _, k := range []string{from, to} {
			if _, ok := nodes[k]; !ok {
				im.Warnings = append(im.Warnings, fmt.Sprintf("line %d: node %s is not declared; added", line, k))
				addNode(k, "")
			}
		}
		if attacks[[2]string{from, to}] {
			continue
		}
		attacks[[2]string{from, to}] = true
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
			From: []string{g.Claims[nodes[from]].ID}, To: g.Claims[nodes[to]].ID, Origin: argmap.OriginCurated, Score: 1})
		if len(probs) > 50 {
			break
		}
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, fmt.Sprintf("line %d: %v", line+1, err))
	}
	if len(probs) > 0 {
		ve := &argmap.ValidationError{Problems: probs}
		return nil, &argmap.Error{Code: argmap.EINVALID, Message: "tgf file: " + ve.Error(), Err: ve}
	}
	if err := g.Validate(nil); err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "tgf file: %s", argmap.ErrorMessage(err))
	}
	return im, nil
}

// Write writes the attack framework of g in TGF: every claim is a node, named
// by its title when that is one word used by no other claim (else by its ID)
// and labelled with its text on one line; every contest from one claim to a
// claim is an attack. Nothing else of g has a place in TGF (supports,
// evidence, linked premises, undercuts) and is left out. The output reads back
// through Read to the same nodes and attacks.
func Write(g *argmap.Graph) []byte {
	count := map[string]int{}
	for _, c := range g.Claims {
		count[c.Title]++
	}
	name := map[string]string{}
	var b bytes.Buffer
	for _, c := range g.Claims {
		n := c.Title
		if n == "" || n == "#" || count[n] > 1 || strings.ContainsAny(n, " \t\r\n") {
			n = c.ID
		}
		name[c.ID] = n
		label := strings.Join(strings.Fields(c.Text), " ")
		if label == n {
			label = ""
		}
		b.WriteString(n)
		if label != "" {
			b.WriteString(" " + label)
		}
		b.WriteByte('\n')
	}
	b.WriteString("#\n")
	for _, r := range g.Relations {
		if r.Kind != argmap.Contests || len(r.From) != 1 {
			continue
		}
		from, okF := name[r.From[0]]
		to, okT := name[r.To]
		if okF && okT {
			b.WriteString(from + " " + to + "\n")
		}
	}
	return b.Bytes()
}
