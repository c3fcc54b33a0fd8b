-- The question before a restore (main/core/backup/work-since.ts) reads from the audit log the
-- changes to a case that leave no timestamp on any row (a perpetrator linked or unlinked, a file
-- removed, a case deleted), by action and time. Without this index each restore scanned the whole
-- log: at 100k cases (531k audit rows, `npm run bench`'s vault) the count took 1.6 s instead of
-- 0.93 s with it. Building it there took 1.1 s, once, at the first unlock after the upgrade.
CREATE INDEX audit_log_by_action ON audit_log (action, at);
