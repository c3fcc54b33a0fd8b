-- The cases entered or edited after a de-identified export, found by the audit log's order as
-- well as by the clock: an edit made after the computer's clock was set back (a time sync) had an
-- earlier updated_at than the export and went uncounted (found by a reviewing helper;
-- main/core/export/release-changes.ts). Partial indexes: these rows only.
CREATE INDEX IF NOT EXISTS audit_log_case_creations ON audit_log (id) WHERE action = 'case.created';
CREATE INDEX IF NOT EXISTS audit_log_case_updates ON audit_log (id) WHERE action = 'case.updated';
