import type { VaultDatabase } from '../db/connection'

/**
 * Where a referral's audit row is filed: under its case when it has one, so that the case's
 * history (rows with target case:<id>) shows who shared the survivor's details with another
 * organisation and when (her consent, the printed form, the sending). Filed under the referral
 * alone, none of it appeared there, while her support plans did. The referral is named in the
 * row's details; one made apart from a case keeps its own target.
 */
export function referralAuditTarget(referralId: number, caseId: number | null): { target: string } {
  return { target: caseId === null ? `referral:${referralId}` : `case:${caseId}` }
}

/**
 * What a case's history reads: the rows filed under the case, and those filed under its referrals
 * and its screenings alone. A referral's rows written before it had this case (made from a
 * screening that was linked to the case later) or before referral rows were filed under their
 * case: the consent, the printed form and the sending were missing from the case's History. A
 * screening's rows are always filed under the screening: who screened the survivor, and who linked
 * the screening to her case, were missing too.
 */
export function historyTargets(db: VaultDatabase, target: string): string[] {
  const caseId = /^case:(\d+)$/.exec(target)?.[1]
  if (!caseId) return [target]
  const own = db
    .prepare<[number, number], string>(
      `SELECT 'referral:' || id FROM referrals WHERE case_id = ?
       UNION ALL SELECT 'assessment:' || id FROM assessments WHERE case_id = ?`,
    )
    .pluck()
    .all(Number(caseId), Number(caseId))
  return [target, ...own]
}
