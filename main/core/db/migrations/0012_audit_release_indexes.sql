-- The de-identified exports and the case deletions in the audit log, found without reading the
-- whole log: a later export of a year asks when it was last exported and what was deleted since
-- (main/core/export/release-changes.ts). On a vault of 100k cases, 530k audit rows, the scans took
-- 2.4 s on every change of the export screen's years. Partial indexes: a few rows each.
CREATE INDEX IF NOT EXISTS audit_log_exports ON audit_log (id) WHERE action = 'export.created';
CREATE INDEX IF NOT EXISTS audit_log_case_deletions ON audit_log (id) WHERE action = 'case.deleted';
-- Edits that moved a case to another year of intake (the year it left changed too).
CREATE INDEX IF NOT EXISTS audit_log_case_moves ON audit_log (id)
  WHERE action = 'case.updated' AND json_extract(details, '$.movedFromYear') IS NOT NULL;
