import { CaseVaultError } from '../errors'
import type { VaultSession } from '../vault/vault-session'
import { caseVisibilityFilter } from '../cases/case-access'

interface AssessmentLink {
  id: number
  case_id: number | null
  screener_user_id: number | null
}

/** What a referral's visibility depends on: the case it belongs to, or else its screening. */
export interface ReferralOwner {
  id: number
  case_id: number | null
  assessment_id: number | null
  created_by: number | null
}

// "Not assigned" rather than a bare FORBIDDEN: the renderer then says whose it is, not that the
// caseworker's role forbids the action (which sent her to ask for a role change she does not need).
function notAssigned(message: string): CaseVaultError {
  return new CaseVaultError('FORBIDDEN', message, {
    reason: 'not_assigned',
  })
}

/**
 * Referral visibility follows the case (the cases service's own rule, so the two can never
 * disagree). A screening-only referral follows its screening: when the screening has since become
 * a case, that case; otherwise a caseworker sees it only if they screened or referred.
 */
export function createReferralAccess(session: VaultSession, assertCaseVisible: (caseId: number) => void) {
  // Prepared on first use: the screening table belongs to another module and this keeps the
  // referral service usable in vaults where no screening was ever made.
  let assessmentStatement: ReturnType<typeof prepareAssessment> | null = null
  function prepareAssessment() {
    return session.db.prepare<[number], AssessmentLink>(
      'SELECT id, case_id, screener_user_id FROM assessments WHERE id = ?',
    )
  }
  function assessment(id: number): AssessmentLink | undefined {
    assessmentStatement ??= prepareAssessment()
    return assessmentStatement.get(id)
  }

  function deny(target: string): never {
    session.audit.append({
      actor: session.user.username,
      action: 'access.denied',
      target,
      details: { reason: 'not assigned' },
    })
    throw notAssigned('This referral belongs to a case assigned to someone else.')
  }

  /**
   * A caseworker's refusal of a case already says "not assigned" (case-access.ts); re-said here
   * with the referral's own words for main's log.
   */
  function assertCaseOf(caseId: number): void {
    const onlyFor = caseVisibilityFilter(session)
    try {
      assertCaseVisible(caseId)
    } catch (error) {
      if (onlyFor !== null && error instanceof CaseVaultError && error.code === 'FORBIDDEN')
        throw notAssigned('This case is assigned to someone else.')
      throw error
    }
  }

  function assertAssessmentVisible(id: number, createdBy: number | null, target: string): void {
    const link = assessment(id)
    if (!link) throw new CaseVaultError('NOT_FOUND', 'This screening does not exist.')
    if (link.case_id !== null) return assertCaseOf(link.case_id)
    const onlyFor = caseVisibilityFilter(session)
    if (onlyFor === null || onlyFor === link.screener_user_id || onlyFor === createdBy) return
    deny(target)
  }

  return {
    /** For an existing referral. Throws FORBIDDEN (audited) or NOT_FOUND. */
    assertCanSee(referral: ReferralOwner): void {
      if (referral.case_id !== null) return assertCaseOf(referral.case_id)
      assertAssessmentVisible(referral.assessment_id!, referral.created_by, `referral:${referral.id}`)
    },
    /**
     * Before creating a referral from a case and/or a screening. Returns the case the referral
     * belongs to: the one given, or the screening's. A referral made from a screening already
     * linked to a case (a screen opened before the link) was stored with no case: it stayed in
     * the creator's lists after the case went to another caseworker, and that caseworker, whose
     * survivor it was about, found it nowhere (found by a reviewing helper).
     */
    assertCanReferFrom(caseId: number | null, assessmentId: number | null): number | null {
      caseVisibilityFilter(session)
      if (caseId !== null) assertCaseOf(caseId)
      if (assessmentId !== null)
        // Only the screener (or whoever sees its case) may refer from it: being the referrer comes after.
        assertAssessmentVisible(assessmentId, null, `assessment:${assessmentId}`)
      // Both given: the screening must be of that case (or of none). Another case's screening put
      // its risk level on this case's printed referral form (found by a reviewing helper).
      const screeningCase = assessmentId === null ? null : (assessment(assessmentId)?.case_id ?? null)
      if (caseId !== null && screeningCase !== null && screeningCase !== caseId)
        throw new CaseVaultError('VALIDATION', 'This screening is of another case.', {
          issues: [{ path: 'assessmentId', code: 'custom', message: 'a screening of another case' }],
        })
      return caseId ?? screeningCase
    },
  }
}
