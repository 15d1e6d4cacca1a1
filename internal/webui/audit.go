package webui

import (
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

// changesOf turns audit entries into changes.
func changesOf(es []argmap.AuditEntry) []change {
	out := make([]change, 0, len(es))
	for _, e := range es {
		c := change{Entry: e, When: e.At.UTC().Format(time.DateTime) + " UTC"}
		var before, after map[string]any
		_ = json.Unmarshal(e.Before, &before)
		_ = json.Unmarshal(e.After, &after)
		label := describe(e.Kind, before, after)
		switch e.Action {
		case argmap.AuditCreate:
			c.Summary = "created " + string(e.Kind) + " " + label
		case argmap.AuditDelete:
			c.Summary = "deleted " + string(e.Kind) + " " + label
		case argmap.AuditMerge:
			if e.Kind == argmap.KindClaim {
				c.Summary = "joined " + strings.Join(e.Refs, ", ") + " into the proposition of " + e.TargetID
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

// describe names the record of an entry in a few words.
func describe(kind argmap.NodeKind, before, after map[string]any) string {
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
			return "“" + shortText(v, 90) + "”"
		}
	}
	if k, ok := rec["kind"].(string); ok {
		from, _ := rec["from"].([]any)
		to, _ := rec["to"].(string)
		var ids []string
		for _, f := range from {
			if s, ok := f.(string); ok {
				ids = append(ids, s)
			}
		}
		return "(" + strings.Join(ids, ", ") + " " + k + " " + to + ")"
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
	}{changesOf(es), next, f.Who, f.NodeID}})
}
