// What a restore of a backup would take back: the work recorded in this vault that the backup does
// not hold. Read two ways, and a case counts if either sees it:
// - from the audit log, after the last entry this vault and the backup share (`afterAuditId`,
//   audit-fork.ts), by id: every write to a case is logged against it, so this holds when the
//   clock was set back, and for work done while the backup was being written (its date is stamped
//   when it ends, after the snapshot);
// - from the rows' own timestamps (ISO 8601 in UTC) after `at`: what is written without a per-case
//   log entry (an import, bulk-created training cases).
// Screenings and referrals made apart from a case, and service directory entries, are read both
// ways too.
// User accounts and screening templates are counted from the log on their own: a restore undoes
// a deactivation or a passphrase reset, so a person let go could unlock again.
import type { VaultDatabase } from '../db/connection'

export interface WorkSince {
  cases: number
  /** Screenings and referrals not tied to a case. */
  unlinked: number
  /** Service directory organisations and services. */
  directory: number
  /** Cases deleted here that the backup holds: the restore would bring them back. */
  deleted: number
  /** Changes to user accounts (new, deactivated, passphrases) and to screening templates. */
  accounts: number
}

/** Audit actions that only read (or were refused): logged against a record, they change nothing. */
const READS = `('case.read', 'case.searched', 'attachment.exported', 'referral.form_printed', 'referral.read', 'screening.read',
  'screening.printed', 'access.denied', 'directory.exported')`

const CASES_TOUCHED = `SELECT count(*) FROM (
  SELECT c.id FROM audit_log a JOIN cases c ON c.id = CAST(substr(a.target, 6) AS INTEGER)
    WHERE a.id > @afterAuditId AND a.target LIKE 'case:%' AND a.action NOT IN ${READS}
  UNION SELECT id FROM cases WHERE updated_at > @at
  UNION SELECT case_id FROM case_comments WHERE created_at > @at
  UNION SELECT case_id FROM attachments WHERE created_at > @at
  UNION SELECT case_id FROM referrals WHERE case_id IS NOT NULL AND updated_at > @at
  UNION SELECT case_id FROM support_plans WHERE updated_at > @at
  UNION SELECT case_id FROM assessments WHERE case_id IS NOT NULL AND (created_at > @at OR linked_at > @at)
  UNION SELECT c.id FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE p.updated_at > @at
  UNION SELECT cp.case_id FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id
    WHERE p.updated_at > @at
)`

// A case created after the backup and deleted since is not in the backup: nothing comes back.
const DELETED = `SELECT count(*) FROM audit_log d
  WHERE d.id > @afterAuditId AND d.action = 'case.deleted'
    AND NOT EXISTS (SELECT 1 FROM audit_log n
      WHERE n.id > @afterAuditId AND n.action = 'case.created' AND n.target = d.target)`

// A refused passphrase check changes no account (it is logged as a user.* action all the same).
const ACCOUNTS = `SELECT count(*) FROM audit_log
  WHERE id > @afterAuditId AND action <> 'user.passphrase_check_failed'
    AND (action LIKE 'user.%' OR action = 'screening.template_saved')`

// Screenings and referrals not tied to a case, and directory entries, are counted like cases: by
// their log entries after the shared history (a clock set back hides their dates) and by dates.
// Ids of two tables are told apart by the log's own target names.
const UNLINKED = `SELECT count(*) FROM (
  SELECT 'assessment:' || id FROM assessments WHERE case_id IS NULL AND created_at > @at
  UNION SELECT 'referral:' || id FROM referrals WHERE case_id IS NULL AND updated_at > @at
  UNION SELECT a.target FROM audit_log a JOIN assessments s ON s.id = CAST(substr(a.target, 12) AS INTEGER)
    WHERE a.id > @afterAuditId AND a.target LIKE 'assessment:%' AND s.case_id IS NULL
      AND a.action NOT IN ${READS}
  UNION SELECT a.target FROM audit_log a JOIN referrals r ON r.id = CAST(substr(a.target, 10) AS INTEGER)
    WHERE a.id > @afterAuditId AND a.target LIKE 'referral:%' AND r.case_id IS NULL
      AND a.action NOT IN ${READS}
)`

// A directory import logs counts, not entries: the larger of the two readings, so that an import
// found by its rows' dates as well is not counted twice.
const DIRECTORY = `SELECT max(
  (SELECT count(*) FROM (
    SELECT 'directory_organisation:' || id FROM directory_organisations WHERE updated_at > @at
    UNION SELECT 'directory_service:' || id FROM directory_services WHERE updated_at > @at
    UNION SELECT target FROM audit_log WHERE id > @afterAuditId
      AND (target LIKE 'directory_organisation:%' OR target LIKE 'directory_service:%')
      AND action NOT IN ${READS}
  )),
  (SELECT coalesce(sum(
      json_extract(details, '$.organisations.created') + json_extract(details, '$.organisations.updated') +
      json_extract(details, '$.services.created') + json_extract(details, '$.services.updated')), 0)
    FROM audit_log WHERE id > @afterAuditId AND action = 'directory.imported'))`

export function workSince(db: VaultDatabase, at: string, afterAuditId: number): WorkSince {
  const params = { at, afterAuditId }
  const count = (sql: string) => db.prepare<[typeof params], number>(sql).pluck().get(params)!
  return {
    cases: count(CASES_TOUCHED),
    unlinked: count(UNLINKED),
    directory: count(DIRECTORY),
    deleted: count(DELETED),
    accounts: count(ACCOUNTS),
  }
}
