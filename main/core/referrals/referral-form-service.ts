import type { VaultSession } from '../vault/vault-session'
import {
  consentCategories,
  type ConsentCategory,
  type ReferralForm,
  type ReferralFormGap,
} from '../../api/contract/referral-types'
import type { ReferralService } from './referral-service'
import { buildReferralForm, releasedCategories, type ReferralFormSources } from './referral-print'
import { localIsoDate } from './local-date'
import { referralAuditTarget } from './referral-audit-target'

/**
 * The categories read from the case's survivor and victim records: empty on a referral with no
 * case. The others come from the screening and the referral itself.
 */
const NOT_FROM_THE_CASE: readonly ConsentCategory[] = [
  'screeningResults',
  'healthInformation',
  'referralNotes',
]
const FROM_THE_CASE = consentCategories.filter((category) => !NOT_FROM_THE_CASE.includes(category))

/**
 * Why each released category came out empty. Without it the sheet said "not recorded in CaseVault"
 * of a walk-in's name, which is on her screening (not printed here on purpose): false to the
 * receiving organisation, and it told the caseworker the data was missing.
 */
function emptyReasons(
  form: ReferralForm,
  caseId: number | null,
): Partial<Record<ConsentCategory, ReferralFormGap>> {
  const printed = new Set(form.sections.map((section) => section.category))
  return Object.fromEntries(
    form.categories
      .filter((category) => !printed.has(category))
      .map((category) => [
        category,
        caseId === null && FROM_THE_CASE.includes(category) ? 'noCase' : 'notRecorded',
      ]),
  )
}

/**
 * The printable referral form. Each source reads the database only when the builder asks for it,
 * which it does only for categories the consent releases. Printing is a disclosure: audited.
 */
export function createReferralFormService(session: VaultSession, referrals: ReferralService) {
  const survivorOf = session.db.prepare<
    [number],
    { record: string; aliases: string; age_at_intake: number | null }
  >(
    'SELECT p.record, p.aliases, c.age_at_intake FROM cases c JOIN persons p ON p.id = c.survivor_id WHERE c.id = ?',
  )
  const victimOf = session.db.prepare<[number], { victim: string }>('SELECT victim FROM cases WHERE id = ?')

  function screeningOf(assessmentId: number | null, caseId: number | null) {
    // Screening rows belong to another module; read lazily, the latest one for the case otherwise.
    const hasScreening = session.db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'assessments'")
      .get()
    if (!hasScreening) return null
    const row = session.db
      .prepare<
        [number | null, number | null, number | null],
        { assessed_on: string; summary_risk_level: string | null }
      >(
        `SELECT assessed_on, summary_risk_level FROM assessments
         WHERE id = ? OR (? IS NULL AND case_id = ?) ORDER BY assessed_on DESC, id DESC LIMIT 1`,
      )
      .get(assessmentId, assessmentId, caseId)
    return row ? { assessedOn: row.assessed_on, summaryRiskLevel: row.summary_risk_level } : null
  }

  return {
    printForm(id: number): ReferralForm {
      const row = referrals.loadVisible(id)
      const detail = referrals.detail(id)
      const consent = detail.consentInForce
      const released = releasedCategories(consent?.categories ?? null, detail.sharedCategories)
      const caseId = row.case_id
      const sources: ReferralFormSources = {
        survivor: () => {
          const survivor = caseId === null ? undefined : survivorOf.get(caseId)
          if (!survivor) return null
          return {
            record: JSON.parse(survivor.record) as Record<string, unknown>,
            aliases: JSON.parse(survivor.aliases) as string[],
            ageAtIntake: survivor.age_at_intake,
          }
        },
        victim: () => {
          const victim = caseId === null ? undefined : victimOf.get(caseId)
          return victim ? (JSON.parse(victim.victim) as Record<string, unknown>) : null
        },
        caseNumber: () => row.case_number,
        screening: () => screeningOf(row.assessment_id, caseId),
        notes: () => ({ reason: row.reason, details: row.details, direction: row.direction }),
      }
      const ours = session.settings.organisation() ?? 'CaseVault'
      const form = buildReferralForm(
        {
          referralId: row.id,
          direction: row.direction,
          referralDate: row.referral_date,
          ourOrganisation: ours,
          counterpartOrganisation: row.organisation_label,
          serviceName: row.service_name,
          servicesRequested: detail.servicesRequested,
          urgency: row.urgency,
          consent: consent
            ? { givenBy: consent.givenBy, givenOn: consent.givenOn, purpose: consent.purpose }
            : null,
          generatedOn: localIsoDate(session.clock()),
        },
        released,
        sources,
      )
      session.audit.append({
        actor: session.user.username,
        action: 'referral.form_printed',
        ...referralAuditTarget(id, row.case_id),
        details: { referralId: id, categories: form.categories satisfies ConsentCategory[] },
      })
      return { ...form, emptyReasons: emptyReasons(form, caseId) }
    },
  }
}
