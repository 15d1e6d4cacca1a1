// The audit trail: AuditEntry nodes, found by ID and listed newest first.
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
CREATE INDEX audit_entry_target IF NOT EXISTS FOR (a:AuditEntry) ON (a.target_id);
