// What a restore of a backup made at `at` would take back: the work recorded in this vault since.
// Counted from the rows' own timestamps (ISO 8601 in UTC, as every row is written): cases with
// anything new (the case, its survivor or perpetrators, a comment, an attachment, a referral, a
// support plan, a screening of theirs, new or linked), screenings and referrals made apart from a
// case (hotline screenings), and service directory entries. What leaves no timestamp on a row (a
// perpetrator known to another case linked, one unlinked, a file removed, a case deleted) is read
// from the audit log, which records each with its case: the entries after `afterAuditId`, the last
// one the backup holds too (audit-fork.ts), read by primary key.
import type { VaultDatabase } from '../db/connection'

export interface WorkSince {
  cases: number
  /** Screenings and referrals not tied to a case. */
  unlinked: number
  /** Service directory organisations and services. */
  directory: number
  /** Cases deleted here since: the restore would bring them back. */
  deleted: number
}

/** Changes to a case that leave no timestamp on any row still there (audit actions). */
const UNTIMED_CASE_CHANGES = `('perpetrator.linked', 'perpetrator.unlinked', 'attachment.removed')`

const CASES_TOUCHED = `SELECT count(*) FROM (
  SELECT id AS case_id FROM cases WHERE updated_at > @at
  UNION SELECT case_id FROM case_comments WHERE created_at > @at
  UNION SELECT case_id FROM attachments WHERE created_at > @at
  UNION SELECT case_id FROM referrals WHERE case_id IS NOT NULL AND updated_at > @at
  UNION SELECT case_id FROM support_plans WHERE updated_at > @at
  UNION SELECT case_id FROM assessments WHERE case_id IS NOT NULL AND (created_at > @at OR linked_at > @at)
  UNION SELECT c.id FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE p.updated_at > @at
  UNION SELECT cp.case_id FROM case_perpetrators cp JOIN persons p ON p.id = cp.person_id
    WHERE p.updated_at > @at
  UNION SELECT c.id FROM audit_log a JOIN cases c ON c.id = CAST(substr(a.target, 6) AS INTEGER)
    WHERE a.id > @afterAuditId AND a.action IN ${UNTIMED_CASE_CHANGES} AND a.target LIKE 'case:%'
)`

const DELETED = `SELECT count(*) FROM audit_log WHERE id > @afterAuditId AND action = 'case.deleted'`

const UNLINKED = `SELECT
  (SELECT count(*) FROM assessments WHERE case_id IS NULL AND created_at > @at) +
  (SELECT count(*) FROM referrals WHERE case_id IS NULL AND updated_at > @at)`

const DIRECTORY = `SELECT
  (SELECT count(*) FROM directory_organisations WHERE updated_at > @at) +
  (SELECT count(*) FROM directory_services WHERE updated_at > @at)`

export function workSince(db: VaultDatabase, at: string, afterAuditId: number): WorkSince {
  const params = { at, afterAuditId }
  const count = (sql: string) => db.prepare<[typeof params], number>(sql).pluck().get(params)!
  return {
    cases: count(CASES_TOUCHED),
    unlinked: count(UNLINKED),
    directory: count(DIRECTORY),
    deleted: count(DELETED),
  }
}
