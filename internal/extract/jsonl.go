package extract

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"

	"github.com/argmap/argmap/internal/argmap"
)

// WriteJSONL writes g as the JSONL of the evaluation contract
// (shared/eval/FORMAT.md) for the document named doc (its base name): one
// source line, then claim, evidence, actor, citation and relation lines.
// Offsets are those of the spans: UTF-8 byte offsets into the source text.
func WriteJSONL(w io.Writer, doc string, g *argmap.Graph) error {
	if g == nil || len(g.Sources) == 0 {
		return argmap.Errorf(argmap.EINVALID, "graph has no source document")
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	put := func(v map[string]any) error {
		if err := enc.Encode(v); err != nil {
			return argmap.WrapInternal(err, "cannot write JSONL")
		}
		return nil
	}
	src := g.Sources[0]
	sl := map[string]any{"type": "source", "doc": doc, "title": src.Title}
	if len(src.Authors) > 0 {
		sl["authors"] = src.Authors
	}
	if len(src.Date) >= 4 {
		sl["year"] = src.Date[:4]
		sl["date"] = src.Date
	}
	for k, v := range map[string]string{"kind": src.Kind, "url": src.URI, "doi": src.DOI, "venue": src.Venue} {
		if v != "" {
			sl[k] = v
		}
	}
	if err := put(sl); err != nil {
		return err
	}
	names := map[string]string{}
	for _, a := range g.Actors {
		names[a.ID] = a.Name
	}
	spanOf := func(sp []argmap.Span) (int, int) {
		for _, s := range sp {
			if s.SourceID == src.ID {
				return s.Start, s.End
			}
		}
		return 0, 0
	}
	for _, c := range g.Claims {
		st, en := spanOf(c.Spans)
		l := map[string]any{"type": "claim", "doc": doc, "id": c.ID, "start": st, "end": en, "text": c.Text,
			"gist": c.Gist, "score": c.Score, "main": c.Main}
		actors := []string{}
		speaker := ""
		for _, a := range c.Actors {
			n := names[a.ActorID]
			if n == "" {
				continue
			}
			actors = append(actors, n)
			if a.Role == argmap.RoleAsserts && speaker == "" {
				speaker = n
			}
		}
		l["actors"] = actors
		if speaker != "" {
			l["speaker"] = speaker
		}
		if len(c.Cues) > 0 {
			l["cues"] = c.Cues
		}
		if err := put(l); err != nil {
			return err
		}
	}
	for _, e := range g.Evidence {
		st, en := spanOf(e.Spans)
		if err := put(map[string]any{"type": "evidence", "doc": doc, "id": e.ID, "start": st, "end": en,
			"text": e.Text, "kind": e.Kind, "score": e.Score}); err != nil {
			return err
		}
	}
	low := strings.ToLower(src.Text)
	for _, a := range g.Actors {
		aliases := a.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		n := countMentions(low, a.Name)
		for _, al := range aliases {
			n += countMentions(low, al)
		}
		if err := put(map[string]any{"type": "actor", "doc": doc, "name": a.Name, "kind": a.Kind,
			"aliases": aliases, "mentions": n}); err != nil {
			return err
		}
	}
	for _, c := range g.Citations {
		l := map[string]any{"type": "citation", "doc": doc, "id": c.ID, "author": c.Author, "year": c.Year}
		if c.End > c.Start {
			l["start"], l["end"], l["text"] = c.Start, c.End, c.Text
		}
		if err := put(l); err != nil {
			return err
		}
	}
	for _, r := range g.Relations {
		if err := put(map[string]any{"type": "relation", "doc": doc, "id": r.ID, "kind": string(r.Kind),
			"from": r.From, "to": r.To, "score": r.Score}); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return argmap.WrapInternal(err, "cannot write JSONL")
	}
	return nil
}

// countMentions counts whole-word occurrences of name in the lower-cased text.
func countMentions(low, name string) int {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return 0
	}
	n := 0
	for i := 0; ; {
		j := strings.Index(low[i:], name)
		if j < 0 {
			return n
		}
		a, b := i+j, i+j+len(name)
		if (a == 0 || !isWordByte(low[a-1])) && (b == len(low) || !isWordByte(low[b])) {
			n++
		}
		i = b
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}
