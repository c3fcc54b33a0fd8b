import { describe, expect, it } from 'vitest'
import { createdVault } from './support/temp-vault'
import {
  listAssessmentsInput,
  listReferralsInput,
  referralStatuses,
  supportPlanTypes,
  type ReferralDetail,
} from '../../main/api/contract'
import { codesOf } from '../../main/api/contract/htcds'
import { createCaseService } from '../../main/core/cases/case-service'
import { createDashboardService } from '../../main/core/dashboard/dashboard-service'
import { createDirectoryService } from '../../main/core/directory/directory-service'
import { createReferralService } from '../../main/core/referrals/referral-service'
import { createAssessmentService } from '../../main/core/screening/assessment-service'
import { createTemplateService } from '../../main/core/screening/template-service'
import { createSupportPlanService } from '../../main/core/support-plans/support-plan-service'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import { addDays } from '../../main/core/training/synthetic-dates'
import { openSession, type VaultSession } from '../../main/core/vault/vault-session'

const TODAY = new Date('2026-05-01T12:00:00Z')
const TODAY_ISO = '2026-05-01'
const CASES = 150

/** A small training vault, as the CLI makes it: three caseworkers share the cases, one supervisor. */
async function trainingVault(seed: number) {
  const { vault } = await createdVault({ clock: () => TODAY })
  const session = vault.session()!
  const now = TODAY.toISOString()
  const caseworkers = ['bilal', 'chen', 'eli'].map((username) =>
    session.users.insert({ username, displayName: username, role: 'caseworker' }, now),
  )
  const supervisor = session.users.insert({ username: 'dana', displayName: 'Dana', role: 'supervisor' }, now)
  const filled = fillWithSyntheticCases(session, CASES, {
    seed,
    assignees: caseworkers.map((user) => user.id),
    today: TODAY,
    batchSize: 60,
  })
  const as = (user: (typeof caseworkers)[number]) => servicesFor(openSession(session.db, user, () => TODAY))
  return { session, filled, caseworkers, supervisor: as(supervisor), as }
}

function servicesFor(session: VaultSession) {
  const cases = createCaseService(session)
  return {
    session,
    cases,
    referrals: createReferralService(session, cases.assertVisible),
    plans: createSupportPlanService(session, cases.assertVisible),
    assessments: createAssessmentService(session, createTemplateService(session), cases),
    dashboard: createDashboardService(session),
  }
}

function allReferrals(services: ReturnType<typeof servicesFor>): ReferralDetail[] {
  const page = services.referrals.list(listReferralsInput.parse({ limit: 200 }))
  expect(page.total).toBeLessThanOrEqual(200)
  return page.items.map((item) => services.referrals.get(item.id))
}

describe('a training vault’s casework', () => {
  it('holds referrals in every status, each reached through the workflow, consent before sending', async () => {
    const { filled, supervisor, session } = await trainingVault(11)
    const counts = filled.casework!
    for (const status of referralStatuses) {
      expect(counts.referrals[status], status).toBeGreaterThan(0)
      const listed = supervisor.referrals.list(listReferralsInput.parse({ status: [status] }))
      expect(listed.total, status).toBe(counts.referrals[status])
    }
    const referrals = allReferrals(supervisor)
    expect(referrals.some((r) => r.direction === 'incoming')).toBe(true)
    expect(referrals.filter((r) => r.caseId === null)).toHaveLength(counts.referralsFromScreenings)
    for (const referral of referrals) {
      const { history } = referral
      expect(history[0]!.fromStatus).toBeNull()
      expect(history[0]!.toStatus).toBe(referral.direction === 'outgoing' ? 'draft' : 'received')
      history.slice(1).forEach((entry, index) => {
        expect(entry.fromStatus).toBe(history[index]!.toStatus)
        expect(entry.changedOn >= history[index]!.changedOn).toBe(true)
      })
      expect(history.at(-1)!.toStatus).toBe(referral.status)
      expect(history.at(-1)!.changedOn <= TODAY_ISO).toBe(true)
      const sent = history.find((entry) => entry.toStatus === 'sent')
      if (sent) {
        const consent = referral.consentInForce!
        expect(consent.givenOn <= sent.changedOn).toBe(true)
        expect(referral.sharedCategories!.every((c) => consent.categories.includes(c))).toBe(true)
      }
    }
    // Every step wrote its audit row; the chain still verifies.
    const transitions = referrals.reduce((sum, r) => sum + r.history.length - 1, 0)
    const audited = session.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'referral.status_changed'")
      .get() as { n: number }
    expect(audited.n).toBe(transitions)
    expect(session.audit.verify().ok).toBe(true)
  })

  it('gives caseworkers overdue, this week’s and later follow-ups, on their own cases only', async () => {
    const { caseworkers, as, supervisor } = await trainingVault(11)
    const views = caseworkers.map((user) => as(user).dashboard.summary())
    expect(views.every((view) => view.today === TODAY_ISO)).toBe(true)
    expect(views.reduce((sum, view) => sum + view.overdueFollowUps.total, 0)).toBeGreaterThan(0)
    expect(views.reduce((sum, view) => sum + view.followUpsThisWeek.total, 0)).toBeGreaterThan(0)
    expect(views.reduce((sum, view) => sum + view.awaitingAnswer.total, 0)).toBeGreaterThan(0)
    expect(views.reduce((sum, view) => sum + view.screeningsThisMonth.total, 0)).toBeGreaterThan(0)
    const everyone = supervisor.dashboard.summary()
    expect(everyone.overdueFollowUps.total).toBeGreaterThanOrEqual(
      Math.max(...views.map((view) => view.overdueFollowUps.total)),
    )
    const later = allReferrals(supervisor).filter(
      (r) => r.followUpDate !== null && r.followUpDate > addDays(TODAY_ISO, 7) && r.nextStatuses.length > 0,
    )
    expect(later.length).toBeGreaterThan(0)
    // A caseworker's list holds only referrals of cases assigned to them (or screenings they made).
    const own = as(caseworkers[0]!)
    const mine = own.referrals.list(listReferralsInput.parse({ limit: 200 })).items
    expect(mine.length).toBeGreaterThan(0)
    for (const item of mine) {
      if (item.caseId !== null) expect(own.cases.get(item.caseId).assignedUserId).toBe(caseworkers[0]!.id)
      // Made by the caseworker the case is assigned to, as in the app.
      expect(own.referrals.get(item.id).primaryUserName).toBe('bilal')
    }
  })

  it('holds screenings linked to cases, repeated over time with changing factors, and walk-ins', async () => {
    const { filled, supervisor } = await trainingVault(11)
    const { screenings } = filled.casework!
    expect(screenings.walkIns).toBeGreaterThan(0)
    expect(screenings.casesScreenedRepeatedly).toBeGreaterThan(0)
    const list = (linked: 'linked' | 'unlinked') =>
      supervisor.assessments.list(listAssessmentsInput.parse({ linked, pageSize: 1 })).total
    expect(list('linked')).toBe(screenings.linked)
    expect(list('unlinked')).toBe(screenings.walkIns)
    const series = Array.from({ length: CASES }, (_, index) =>
      supervisor.assessments.forCase(index + 1),
    ).filter((rows) => rows.length >= 2)
    expect(series).toHaveLength(screenings.casesScreenedRepeatedly)
    for (const rows of series) {
      expect(rows.length).toBeLessThanOrEqual(4)
      expect(rows.map((row) => row.assessedOn)).toEqual(rows.map((row) => row.assessedOn).sort())
    }
    // The factors change between screenings, so the chart draws a trend, not a flat line.
    const changed = series.filter((rows) => {
      const weights = rows.map((row) => `${row.riskWeight}/${row.protectiveWeight}`)
      return new Set(weights).size > 1
    })
    expect(changed.length).toBeGreaterThan(0)
    // Audit rows carry ids and codes: no survivor's or walk-in's name reaches the log.
    const people = supervisor.assessments
      .list(listAssessmentsInput.parse({ pageSize: 200 }))
      .rows.flatMap((row) => (row.personName ? [row.personName] : []))
    expect(people.length).toBeGreaterThan(50)
    const log = JSON.stringify(supervisor.session.audit.list(100_000))
    expect(people.filter((name) => log.includes(name))).toEqual([])
  })

  it('fills the directory with every organisation type and service type, some inactive', async () => {
    const { filled, session } = await trainingVault(11)
    const directory = createDirectoryService(session)
    const organisations = directory.listOrganisations({ activeOnly: false })
    expect(organisations.length).toBeGreaterThanOrEqual(20)
    expect(organisations.length).toBeLessThanOrEqual(40)
    expect(new Set(organisations.map((o) => o.orgType))).toEqual(
      new Set(codesOf('org_Type').map((code) => code.code)),
    )
    const offered = new Set(directory.listServices({ activeOnly: true }).flatMap((s) => s.serviceTypes))
    expect(offered).toEqual(new Set(supportPlanTypes))
    const { directory: counts } = filled.casework!
    expect(counts.organisations).toBe(organisations.length)
    expect(counts.inactiveOrganisations + counts.inactiveServices).toBeGreaterThan(0)
    // Filling the same vault again refers to the directory it has instead of adding another.
    const again = fillWithSyntheticCases(session, 5, { seed: 12, today: TODAY })
    expect(again.casework!.directory).toEqual(counts)
  })

  it('makes support plans of every type, some from referrals, for a realistic share of cases', async () => {
    const { filled, supervisor } = await trainingVault(11)
    const plans = Array.from({ length: CASES }, (_, index) => supervisor.plans.list(index + 1)).flat()
    expect(plans).toHaveLength(filled.casework!.supportPlans)
    expect(new Set(plans.map((plan) => plan.type))).toEqual(new Set(supportPlanTypes))
    expect(plans.filter((plan) => plan.referralId !== null)).toHaveLength(
      filled.casework!.supportPlansFromReferrals,
    )
    expect(new Set(plans.map((plan) => plan.status))).toEqual(
      new Set(['active', 'completed', 'discontinued']),
    )
    expect(plans.some((plan) => plan.status === 'active' && plan.followUpDate !== null)).toBe(true)
    // Not every case has referrals: a caseload, not a showcase.
    const referred = new Set(allReferrals(supervisor).flatMap((r) => (r.caseId === null ? [] : [r.caseId])))
    expect(referred.size / CASES).toBeGreaterThan(0.2)
    expect(referred.size / CASES).toBeLessThan(0.6)
  })

  it('is the same for the same seed and day, and different for another seed', async () => {
    const digest = async (seed: number) => {
      const { filled, supervisor } = await trainingVault(seed)
      const referrals = supervisor.referrals
        .list(listReferralsInput.parse({ limit: 200 }))
        .items.map((r) => [r.status, r.referralDate, r.followUpDate, r.organisationName, r.caseId])
      return { counts: filled.casework, referrals }
    }
    const first = await digest(23)
    expect(await digest(23)).toEqual(first)
    expect(await digest(24)).not.toEqual(first)
  })
})
