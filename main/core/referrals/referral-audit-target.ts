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
 * alone. Those are a referral's rows written before it had this case (made from a screening that
 * was linked to the case later) or before referral rows were filed under their case: the consent,
 * the printed form and the sending were missing from the case's History.
 */
export function historyTargets(db: VaultDatabase, target: string): string[] {
  const caseId = /^case:(\d+)$/.exec(target)?.[1]
  if (!caseId) return [target]
  const referrals = db
    .prepare<[number], number>('SELECT id FROM referrals WHERE case_id = ?')
    .pluck()
    .all(Number(caseId))
  return [target, ...referrals.map((id) => `referral:${id}`)]
}
