package webui

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/argmap/argmap/internal/argmap"
)

// change is an audit entry as a page shows it: a sentence and the fields
// that changed, old and new.
type change struct {
	Entry   argmap.AuditEntry
	When    string
	Summary string
	Link    string
	Fields  []fieldChange
}

// fieldChange is one field an update changed.
type fieldChange struct {
	Name, Before, After string
}

// changes turns audit entries into changes, naming the claims and evidence
// they touch by their texts (one read; a record since deleted keeps its ID).
func (u *UI) changes(ctx context.Context, es []argmap.AuditEntry) []change {
	var ids []string
	for _, e := range es {
		ids = append(ids, e.TargetID)
		ids = append(ids, e.Refs...)
	}
	texts, err := u.store.NodeTexts(ctx, ids)
	if err != nil {
		texts = nil // the IDs will do
	}
	return changesOf(es, texts)
}

// changesOf turns audit entries into changes; texts holds the short texts of
// claims and evidence by ID.
func changesOf(es []argmap.AuditEntry, texts map[string]string) []change {
	name := func(id string) string {
		if t, ok := texts[id]; ok && t != "" {
			return "“" + argmap.Clip(t, 60) + "”"
		}
		return id
	}
	out := make([]change, 0, len(es))
	for _, e := range es {
		c := change{Entry: e, When: e.At.UTC().Format(time.DateTime) + " UTC"}
		var before, after map[string]any
		_ = json.Unmarshal(e.Before, &before)
		_ = json.Unmarshal(e.After, &after)
		label := describe(e.Kind, before, after, name)
		switch e.Action {
		case argmap.AuditCreate:
			c.Summary = "created " + string(e.Kind) + " " + label
		case argmap.AuditDelete:
			c.Summary = "deleted " + string(e.Kind) + " " + label
		case argmap.AuditMerge:
			if e.Kind == argmap.KindClaim {
				var moved []string
				for _, r := range e.Refs {
					moved = append(moved, name(r))
				}
				c.Summary = "joined " + strings.Join(moved, ", ") + " into the proposition of " + name(e.TargetID)
				c.Link = "/ui/claims/" + e.TargetID
			} else {
				c.Summary = "merged an actor into " + label
			}
		default:
			c.Summary = "changed " + string(e.Kind) + " " + label
		}
		switch e.Kind {
		case argmap.KindClaim:
			if e.Action != argmap.AuditDelete && c.Link == "" {
				c.Link = "/ui/claims/" + e.TargetID
			}
		case argmap.KindActor:
			if e.Action != argmap.AuditDelete {
				c.Link = "/ui/actors/" + e.TargetID
			}
		case argmap.KindRelation:
			if n := len(e.Refs); n > 0 && argmap.KindOf(e.Refs[n-1]) == argmap.KindClaim {
				c.Link = "/ui/claims/" + e.Refs[n-1]
			}
		case argmap.KindSource:
			if e.Action != argmap.AuditDelete {
				c.Link = "/ui/documents/" + e.TargetID
			}
		}
		if e.Action == argmap.AuditUpdate {
			for _, k := range []string{"text", "gist", "kind", "origin", "score", "main", "name", "aliases"} {
				b, a := show(before[k]), show(after[k])
				if b != a {
					c.Fields = append(c.Fields, fieldChange{Name: k, Before: b, After: a})
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// describe names the record of an entry in a few words; name names a
// claim or evidence by ID.
func describe(kind argmap.NodeKind, before, after map[string]any, name func(id string) string) string {
	rec := after
	if rec == nil {
		rec = before
	}
	if kind == argmap.KindActor && rec != nil && rec["from"] != nil {
		rec, _ = rec["into"].(map[string]any)
	}
	if rec == nil {
		return ""
	}
	if src, ok := rec["source"].(map[string]any); ok {
		rec = src
	}
	for _, k := range []string{"text", "name", "title"} {
		if v, ok := rec[k].(string); ok && v != "" {
			return "“" + argmap.Clip(v, 90) + "”"
		}
	}
	if k, ok := rec["kind"].(string); ok {
		from, _ := rec["from"].([]any)
		to, _ := rec["to"].(string)
		var ids []string
		for _, f := range from {
			if s, ok := f.(string); ok {
				ids = append(ids, name(s))
			}
		}
		return "(" + strings.Join(ids, ", ") + " " + k + " " + name(to) + ")"
	}
	return ""
}

// show prints a JSON value of a changed field.
func show(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

// audit shows the audit trail, newest first, one page at a time.
func (u *UI) audit(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ctx, cancel := withTimeout(r)
	defer cancel()
	f := argmap.AuditFilter{NodeID: q.Get("node"), Who: q.Get("who"), Page: argmap.Page{Limit: 51, After: q.Get("after")}}
	es, err := u.store.Audit(ctx, f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	next := ""
	if len(es) > 50 {
		es = es[:50]
		next = es[49].ID
	}
	u.render(w, r, http.StatusOK, "audit", page{Title: "Changes", Nav: "audit", Data: struct {
		Changes []change
		Next    string
		Who     string
		Node    string
		// NodeText names the node by its text (a relation by what it
		// joins); its ID when it is gone
		NodeText string
	}{u.changes(ctx, es), next, f.Who, f.NodeID, u.textOf(r, f.NodeID)}})
}
