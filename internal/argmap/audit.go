package argmap

import (
	"context"
	"encoding/json"
	"time"
)

// Audit actions: what a recorded change did.
const (
	AuditCreate = "create"
	AuditUpdate = "update"
	AuditDelete = "delete"
	AuditMerge  = "merge"
)

// AuditEntry records one change made through the API: who made it (the name
// of the token used), when, what (an action on a record of a kind), and the
// record before and after as JSON (Before is empty for a create, After for a
// delete). Refs are the other records the change touches, such as the ends
// of a relation or the actor merged away, so that a record's history lists
// the changes around it too.
type AuditEntry struct {
	ID       string          `json:"id"`
	At       time.Time       `json:"at"`
	Who      string          `json:"who"`
	Action   string          `json:"action"`
	Kind     NodeKind        `json:"kind"`
	TargetID string          `json:"target_id"`
	Refs     []string        `json:"refs,omitempty"`
	Before   json.RawMessage `json:"before,omitempty"`
	After    json.RawMessage `json:"after,omitempty"`
}

// AuditFilter selects audit entries. Zero fields match everything. Entries
// come newest first; Page.After is the ID of the last entry of the previous
// page, and the next page holds the entries recorded before it.
type AuditFilter struct {
	NodeID string // entries whose target is the record, or that touch it (Refs)
	Who    string
	Page
}

// MaxAuditJSON bounds the Before and After of one entry.
const MaxAuditJSON = 1 << 20

// AuditStore keeps the audit trail. Entries are never changed or removed,
// not even when their record is deleted.
type AuditStore interface {
	// RecordAudit stores e; a zero At is set to Now(). EINVALID if e is
	// invalid; ECONFLICT if its ID is taken.
	RecordAudit(ctx context.Context, e *AuditEntry) error
	// Audit lists entries, newest first (by At, then ID).
	Audit(ctx context.Context, f AuditFilter) ([]AuditEntry, error)
}

// Validate reports every problem of e at once.
func (e *AuditEntry) Validate() error {
	var p problems
	checkID(&p, "id", e.ID, KindAudit)
	checkText(&p, "who", e.Who, MaxNameLen, true)
	switch e.Action {
	case AuditCreate, AuditUpdate, AuditDelete, AuditMerge:
	default:
		p.addf("action %q is not one of create, update, delete, merge", e.Action)
	}
	if _, ok := kindPrefix[e.Kind]; !ok || e.Kind == KindAudit {
		p.addf("kind %q is not a record kind", e.Kind)
	}
	checkText(&p, "target_id", e.TargetID, MaxNameLen, true)
	if len(e.Refs) > MaxPremises {
		p.addf("refs has more than %d IDs", MaxPremises)
	}
	for i, r := range e.Refs {
		if i == MaxPremises {
			break
		}
		if KindOf(r) == "" {
			p.addf("refs[%d] %q is not a record ID", i, r)
		}
	}
	for _, f := range []struct {
		name string
		v    json.RawMessage
	}{{"before", e.Before}, {"after", e.After}} {
		if len(f.v) > MaxAuditJSON {
			p.addf("%s is longer than %d bytes", f.name, MaxAuditJSON)
		} else if len(f.v) > 0 && !json.Valid(f.v) {
			p.addf("%s is not valid JSON", f.name)
		}
	}
	if len(e.Before) == 0 && len(e.After) == 0 {
		p.addf("before or after is required")
	}
	return p.err()
}
