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
