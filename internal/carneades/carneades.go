// Package carneades reads Carneades 4 argument graphs written in YAML
// (statements, assumptions, issues with proof standards, arguments with
// premises, undercutters and basic schemes, and the expected labels under
// tests) into argmap graphs: statements become claims titled with their
// Carneades name, arguments become supports relations, undercutters become
// contests of those relations. It reads only; nothing is stored here.
package carneades

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/argmap/argmap/internal/argmap"
)

// MaxSize bounds the YAML accepted, in bytes.
const MaxSize = 8 << 20

// Import is a graph read from a Carneades YAML file.
type Import struct {
	Graph *argmap.Graph
	Title string
	// Expected holds the labels the file's tests section states, by
	// statement key: "in", "out" or "undec".
	Expected map[string]string
	// Schemes tells whether the file defines argument schemes of its own
	// (argument_schemes), which are not evaluated: arguments using them are
	// weighed as linked.
	Schemes bool
	// Warnings are things read but not kept.
	Warnings []string
}

// Read parses a Carneades YAML argument graph. EINVALID with every problem
// found when it is not one; ETOOLARGE over MaxSize.
func Read(data []byte) (*Import, error) {
	if len(data) > MaxSize {
		return nil, argmap.Errorf(argmap.ETOOLARGE, "carneades file is larger than %d bytes", MaxSize)
	}
	if !utf8.Valid(data) {
		return nil, argmap.Errorf(argmap.EINVALID, "carneades file is not valid UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, argmap.Errorf(argmap.EINVALID, "carneades file contains a NUL byte")
	}
	var doc any
	if err := yaml.UnmarshalWithOptions(data, &doc, yaml.UseOrderedMap()); err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "carneades file is not YAML: %s", firstLine(err.Error()))
	}
	r := &reader{im: &Import{Graph: &argmap.Graph{}, Expected: map[string]string{}}, stmt: map[string]int{}}
	if doc == nil {
		return r.im, nil // an empty file is an empty graph
	}
	top, ok := doc.(yaml.MapSlice)
	if !ok {
		return nil, argmap.Errorf(argmap.EINVALID, "carneades file: the top level must be a map of sections")
	}
	r.read(top)
	if len(r.probs) > 0 {
		ve := &argmap.ValidationError{Problems: r.probs}
		return nil, &argmap.Error{Code: argmap.EINVALID, Message: "carneades file: " + ve.Error(), Err: ve}
	}
	if err := r.im.Graph.Validate(nil); err != nil {
		return nil, argmap.Errorf(argmap.EINVALID, "carneades file: %s", argmap.ErrorMessage(err))
	}
	return r.im, nil
}

type reader struct {
	im    *Import
	stmt  map[string]int // key -> claim index
	probs []string
}

func (r *reader) addf(format string, args ...any) {
	if len(r.probs) < 50 {
		r.probs = append(r.probs, fmt.Sprintf(format, args...))
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// scalar renders a YAML scalar as text; ok is false for maps and lists.
func scalar(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		return strings.TrimSpace(x), true
	case bool, int, int64, uint64, float64:
		return fmt.Sprint(x), true
	}
	return "", false
}

// list reads a list of scalars (a lone scalar is a list of one).
func (r *reader) list(where string, v any) []string {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, 0, len(x))
		for i, e := range x {
			s, ok := scalar(e)
			if !ok || s == "" {
				r.addf("%s[%d] is not a name", where, i)
				continue
			}
			out = append(out, normKey(s))
		}
		return out
	}
	if s, ok := scalar(v); ok && s != "" {
		return []string{normKey(s)}
	}
	r.addf("%s is not a list of names", where)
	return nil
}

func (r *reader) read(top yaml.MapSlice) {
	sections := map[string]any{}
	for _, it := range top {
		k, _ := scalar(it.Key)
		sections[strings.ToLower(k)] = it.Value
	}
	if meta, ok := sections["meta"].(yaml.MapSlice); ok {
		for _, it := range meta {
			if k, _ := scalar(it.Key); strings.EqualFold(k, "title") {
				r.im.Title, _ = scalar(it.Value)
			}
		}
	}
	if _, ok := sections["argument_schemes"]; ok {
		r.im.Schemes = true
		r.im.Warnings = append(r.im.Warnings, "the file defines argument schemes; they are not evaluated, and arguments using them are weighed as linked")
	}
	for _, s := range []string{"language", "issue_schemes", "weighing_functions", "references"} {
		if _, ok := sections[s]; ok {
			r.im.Warnings = append(r.im.Warnings, "the "+s+" section is not kept")
		}
	}
	r.statements(sections["statements"])
	for _, k := range r.list("assumptions", sections["assumptions"]) {
		if i, ok := r.stmt[k]; ok {
			r.im.Graph.Claims[i].Assumed = true
		} else {
			r.im.Warnings = append(r.im.Warnings, fmt.Sprintf("assumption %s is not a statement; ignored", k))
		}
	}
	r.issues(sections["issues"])
	r.arguments(sections["arguments"])
	r.tests(sections["tests"])
}

func (r *reader) statements(v any) {
	if v == nil {
		return
	}
	m, ok := v.(yaml.MapSlice)
	if !ok {
		r.addf("statements must be a map from keys to texts")
		return
	}
	for _, it := range m {
		key, ok := scalar(it.Key)
		if !ok || key == "" {
			r.addf("statements: a key is not a name")
			continue
		}
		key = normKey(key)
		c := argmap.Claim{ID: argmap.NewID(argmap.KindClaim), Title: key, Origin: argmap.OriginCurated, Score: 1}
		switch x := it.Value.(type) {
		case yaml.MapSlice:
			for _, f := range x {
				fk, _ := scalar(f.Key)
				switch strings.ToLower(fk) {
				case "text":
					c.Text, _ = scalar(f.Value)
				case "assumed":
					s, _ := scalar(f.Value)
					switch strings.ToLower(s) {
					case "true", "1", "yes":
						c.Assumed = true
					case "false", "0", "no", "":
					default:
						r.addf("statement %s: assumed must be true or false", key)
					}
				}
			}
		default:
			s, ok := scalar(x)
			if !ok {
				r.addf("statement %s: the text must be a string or a map with text", key)
			}
			c.Text = s
		}
		if c.Text == "" {
			c.Text = key
		}
		if _, dup := r.stmt[key]; dup {
			r.addf("statement %s is declared twice", key)
			continue
		}
		r.stmt[key] = len(r.im.Graph.Claims)
		r.im.Graph.Claims = append(r.im.Graph.Claims, c)
	}
}

func (r *reader) issues(v any) {
	if v == nil {
		return
	}
	m, ok := v.(yaml.MapSlice)
	if !ok {
		r.addf("issues must be a map from issue IDs to positions")
		return
	}
	for _, it := range m {
		id, _ := scalar(it.Key)
		body, ok := it.Value.(yaml.MapSlice)
		if !ok {
			r.addf("issue %s must have positions", id)
			continue
		}
		standard := ""
		var positions []string
		for _, f := range body {
			fk, _ := scalar(f.Key)
			switch strings.ToLower(fk) {
			case "positions":
				positions = r.list("issue "+id+" positions", f.Value)
			case "standard":
				s, _ := scalar(f.Value)
				switch strings.ToLower(s) {
				case "", "pe":
					standard = argmap.StandardPE
				case "cce":
					standard = argmap.StandardCCE
				case "brd":
					standard = argmap.StandardBRD
				case "dv":
					standard = argmap.StandardDV
				default:
					r.addf("issue %s: standard %q is not one of PE, CCE, BRD, DV", id, s)
				}
			}
		}
		for _, p := range positions {
			i, ok := r.stmt[p]
			if !ok {
				r.addf("issue %s: position %s is not a statement", id, p)
				continue
			}
			c := &r.im.Graph.Claims[i]
			if c.Issue != "" && c.Issue != id {
				r.addf("statement %s is a position of two issues, %s and %s", p, c.Issue, id)
				continue
			}
			c.Issue, c.Standard = id, standard
		}
	}
}

// schemes are the basic Carneades weighing schemes argmap keeps.
var schemes = map[string]string{
	"linked": argmap.SchemeLinked, "convergent": argmap.SchemeConvergent,
	"cumulative": argmap.SchemeCumulative, "factorized": argmap.SchemeFactorized,
}

func (r *reader) arguments(v any) {
	if v == nil {
		return
	}
	m, ok := v.(yaml.MapSlice)
	if !ok {
		r.addf("arguments must be a map from argument IDs to arguments")
		return
	}
	g := r.im.Graph
	type undercut struct{ rel, stmt string }
	var undercuts []undercut
	for _, it := range m {
		id, _ := scalar(it.Key)
		body, ok := it.Value.(yaml.MapSlice)
		if !ok {
			r.addf("argument %s must be a map with a conclusion", id)
			continue
		}
		rel := argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Supports, Title: id,
			Origin: argmap.OriginCurated, Score: 1}
		var conclusion, undercutter string
		for _, f := range body {
			fk, _ := scalar(f.Key)
			switch strings.ToLower(fk) {
			case "conclusion":
				conclusion, _ = scalar(f.Value)
				conclusion = normKey(conclusion)
			case "undercutter", "nas", "not app statement":
				undercutter, _ = scalar(f.Value)
				undercutter = normKey(undercutter)
			case "scheme":
				s, _ := scalar(f.Value)
				if sc, ok := schemes[strings.ToLower(s)]; ok {
					rel.Scheme = sc
				} else if s != "" {
					rel.Scheme = s
					r.im.Warnings = append(r.im.Warnings, fmt.Sprintf("argument %s: scheme %s is weighed as linked", id, s))
				}
			case "premises":
				for _, p := range r.premises("argument "+id, f.Value) {
					if !contains(rel.From, p) {
						rel.From = append(rel.From, p)
					}
				}
			}
		}
		ci, ok := r.stmt[conclusion]
		if !ok {
			r.addf("argument %s: conclusion %q is not a statement", id, conclusion)
			continue
		}
		rel.To = g.Claims[ci].ID
		for i, p := range rel.From {
			pi, ok := r.stmt[p]
			if !ok {
				r.addf("argument %s: premise %s is not a statement", id, p)
				continue
			}
			if pi == ci {
				r.addf("argument %s: its conclusion %s is also its premise", id, p)
			}
			rel.From[i] = g.Claims[pi].ID
		}
		if undercutter != "" {
			if _, ok := r.stmt[undercutter]; !ok {
				r.addf("argument %s: undercutter %s is not a statement", id, undercutter)
			} else {
				undercuts = append(undercuts, undercut{rel.ID, undercutter})
			}
		}
		g.Relations = append(g.Relations, rel)
	}
	for _, u := range undercuts {
		g.Relations = append(g.Relations, argmap.Relation{ID: argmap.NewID(argmap.KindRelation), Kind: argmap.Contests,
			From: []string{g.Claims[r.stmt[u.stmt]].ID}, To: u.rel, Origin: argmap.OriginCurated, Score: 1})
	}
}

// premises reads a list of statement keys, or a map from roles to keys (in
// role order).
func (r *reader) premises(where string, v any) []string {
	if m, ok := v.(yaml.MapSlice); ok {
		var out []string
		for _, it := range m {
			s, ok := scalar(it.Value)
			if !ok || s == "" {
				r.addf("%s: a premise is not a statement key", where)
				continue
			}
			out = append(out, normKey(s))
		}
		return out
	}
	return r.list(where+" premises", v)
}

func (r *reader) tests(v any) {
	if v == nil {
		return
	}
	m, ok := v.(yaml.MapSlice)
	if !ok {
		r.addf("tests must be a map with in, out and undecided")
		return
	}
	for _, it := range m {
		k, _ := scalar(it.Key)
		var label string
		switch strings.ToLower(k) {
		case "in":
			label = "in"
		case "out":
			label = "out"
		case "undecided", "undec":
			label = "undec"
		default:
			continue
		}
		for _, s := range r.list("tests "+k, it.Value) {
			r.im.Expected[s] = label
		}
	}
}

// normKey writes a statement key the way Carneades does when the key is a
// Prolog-style atomic formula ("price(car, 1000)" is "price(car,1000)"):
// spaces outside quotes are dropped. Other keys are only trimmed.
func normKey(k string) string {
	k = strings.TrimSpace(k)
	open := strings.IndexByte(k, '(')
	if open <= 0 || !strings.HasSuffix(k, ")") {
		return k
	}
	for i, r := range k[:open] {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return k
		}
	}
	var b strings.Builder
	var quote rune
	for _, r := range k {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ' ' || r == '\t':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}
