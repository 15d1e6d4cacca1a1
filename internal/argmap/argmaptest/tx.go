package argmaptest

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/argmap/argmap/internal/argmap"
)

// auditOf returns an audit entry recording the creation of id.
func auditOf(kind argmap.NodeKind, id string) *argmap.AuditEntry {
	return &argmap.AuditEntry{ID: argmap.NewID(argmap.KindAudit), Who: "tester", Action: argmap.AuditCreate,
		Kind: kind, TargetID: id, After: json.RawMessage(`{"id":"` + id + `"}`)}
}

// audited returns the IDs of the records the audit trail names as targets.
func audited(t *testing.T, s argmap.Store) []string {
	t.Helper()
	es, err := s.Audit(ctx(t), argmap.AuditFilter{})
	must(t, "Audit", err)
	var out []string
	for _, e := range es {
		out = append(out, e.TargetID)
	}
	return out
}

// testAtomically checks that the calls made in Atomically are one
// transaction: committed together, rolled back together, and visible to
// each other; and that WriteGraph runs the context's GraphHook in its own.
func testAtomically(t *testing.T, e *env) {
	errStop := errors.New("stop")
	tests := []struct {
		name string
		// fn makes changes through tx around the claim c, stored in src.
		fn        func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error
		wantErr   func(err error) bool
		wantClaim bool // whether c is stored afterwards
	}{
		{"commit", func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error {
			if err := tx.CreateClaim(ctx, &c); err != nil {
				return err
			}
			got, err := tx.Claim(ctx, c.ID) // a read in the transaction sees its writes
			if err != nil {
				return err
			}
			text := "Edited in the same transaction."
			if _, err := tx.UpdateClaim(ctx, got.ID, argmap.ClaimUpdate{Text: &text}); err != nil {
				return err
			}
			return tx.RecordAudit(ctx, auditOf(argmap.KindClaim, c.ID))
		}, func(err error) bool { return err == nil }, true},
		{"error from fn rolls back", func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error {
			if err := tx.CreateClaim(ctx, &c); err != nil {
				return err
			}
			if err := tx.RecordAudit(ctx, auditOf(argmap.KindClaim, c.ID)); err != nil {
				return err
			}
			return errStop
		}, func(err error) bool { return errors.Is(err, errStop) }, false},
		{"failed store call rolls back", func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error {
			if err := tx.CreateClaim(ctx, &c); err != nil {
				return err
			}
			if err := tx.RecordAudit(ctx, auditOf(argmap.KindClaim, c.ID)); err != nil {
				return err
			}
			text := "No such claim."
			_, err := tx.UpdateClaim(ctx, argmap.NewID(argmap.KindClaim), argmap.ClaimUpdate{Text: &text})
			return err
		}, func(err error) bool { return argmap.ErrorCode(err) == argmap.ENOTFOUND }, false},
		{"refused audit entry rolls back", func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error {
			if err := tx.CreateClaim(ctx, &c); err != nil {
				return err
			}
			bad := auditOf(argmap.KindClaim, c.ID)
			bad.Who = ""
			return tx.RecordAudit(ctx, bad)
		}, func(err error) bool { return argmap.ErrorCode(err) == argmap.EINVALID }, false},
		{"nested", func(ctx context.Context, tx argmap.Store, src argmap.Source, c argmap.Claim) error {
			if err := tx.Atomically(ctx, func(inner argmap.Store) error { return inner.CreateClaim(ctx, &c) }); err != nil {
				return err
			}
			if err := tx.RecordAudit(ctx, auditOf(argmap.KindClaim, c.ID)); err != nil {
				return err
			}
			return errStop
		}, func(err error) bool { return errors.Is(err, errStop) }, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := e.store(t)
			src := newSource("Transactions", "A change and its record.")
			must(t, "CreateSource", s.CreateSource(ctx(t), &src))
			c := stated(src, "A change and its record.")
			err := s.Atomically(ctx(t), func(tx argmap.Store) error { return tc.fn(ctx(t), tx, src, c) })
			if !tc.wantErr(err) {
				t.Fatalf("Atomically(%s) = %v", tc.name, err)
			}
			got, cerr := s.Claim(ctx(t), c.ID)
			if stored := cerr == nil; stored != tc.wantClaim {
				t.Errorf("after Atomically(%s), Claim(%s) error = %v, want stored %v", tc.name, c.ID, cerr, tc.wantClaim)
			}
			trail := audited(t, s)
			if tc.wantClaim {
				if got.Text != "Edited in the same transaction." {
					t.Errorf("Claim(%s).Text = %q, want the text set in the transaction", c.ID, got.Text)
				}
				if len(trail) != 1 || trail[0] != c.ID {
					t.Errorf("audit targets = %v, want [%s]", trail, c.ID)
				}
			} else if len(trail) != 0 {
				t.Errorf("audit targets after a rolled-back transaction = %v, want none", trail)
			}
		})
	}

	t.Run("GraphHook", func(t *testing.T) {
		for _, fail := range []bool{false, true} {
			s := e.store(t)
			src := newSource("Hooked", "A graph and its record.")
			g := &argmap.Graph{Sources: []argmap.Source{src}, Claims: []argmap.Claim{stated(src, "A graph and its record.")}}
			calls := 0
			hctx := argmap.WithGraphHook(ctx(t), func(ctx context.Context, tx argmap.Store, hg *argmap.Graph) error {
				calls++
				if _, err := tx.Source(ctx, src.ID); err != nil { // the hook sees the graph written
					return err
				}
				if err := tx.RecordAudit(ctx, auditOf(argmap.KindSource, hg.Sources[0].ID)); err != nil {
					return err
				}
				if fail {
					return errStop
				}
				return nil
			})
			err := s.WriteGraph(hctx, g)
			if fail != errors.Is(err, errStop) || (!fail && err != nil) {
				t.Fatalf("WriteGraph with a hook that fails=%v = %v", fail, err)
			}
			if calls == 0 {
				t.Errorf("WriteGraph did not run the hook")
			}
			_, serr := s.Source(ctx(t), src.ID)
			trail := audited(t, s)
			if fail {
				if serr == nil || len(trail) != 0 {
					t.Errorf("after a failed hook: Source error %v, audit %v; want neither stored", serr, trail)
				}
				continue
			}
			if serr != nil || len(trail) != 1 || trail[0] != src.ID {
				t.Errorf("after WriteGraph with a hook: Source error %v, audit %v; want both stored", serr, trail)
			}
			// Without the hook in the context, WriteGraph does not run it.
			other := newSource("Plain", "No hook here.")
			must(t, "WriteGraph", s.WriteGraph(ctx(t), &argmap.Graph{Sources: []argmap.Source{other}}))
			if trail := audited(t, s); len(trail) != 1 {
				t.Errorf("audit after a WriteGraph without a hook = %v, want only the hooked one", trail)
			}
		}
	})
}
