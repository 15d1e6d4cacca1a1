// Records one audit trail entry. Entries are not linked to the records they
// describe: they outlive them.
// params: $id, $at, $who, $action, $kind, $target_id, $refs, $before, $after
CREATE (a:AuditEntry {
  id: $id, at: $at, who: $who, action: $action, kind: $kind, target_id: $target_id,
  refs: $refs, before: $before, after: $after
})
RETURN a.id AS id
