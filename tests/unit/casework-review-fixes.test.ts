// Screening, referrals, the service directory and support plans, from a reviewing helper's hunt;
// each test failed before its fix: a referral of one case came to carry another case's screening
// (the walk-in it used linked or converted elsewhere), dates in the future or in 1026 were taken
// (a screening, a referral, a consent, a plan's actual end, a step before the step it follows), a
// template question keyed "constructor" crashed every screening leaving it open, a reassigned
// case's screening stayed readable by its former caseworker, a service referrals were made to could
// move to another organisation, and a partner's HSDS file reactivated a deactivated organisation.
import { describe, expect, it } from 'vitest'
import { ADMIN, TEST_KDF, call, errorCode, tempDir } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import {
  caseWithReferral,
  daysFromToday,
  outgoingReferral,
  step,
  survivorConsent,
} from './support/referral-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import { createApiHost } from '../../main/api/host'
import type {
  AssessmentDetail,
  AssessmentPage,
  CaseDetail,
  DirectoryImportReport,
  DirectoryOrganisation,
  DirectoryService,
  ReferralDetail,
  ReferralForm,
  SupportPlan,
  TemplateVersion,
  UserSummary,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error!.code)

/**
 * Every referral of `caseId` that carries a screening must carry one of that case (or one not yet
 * linked to any case): the printed form shows that screening's risk level as this survivor's.
 */
async function referralScreeningsOfOtherCases(host: Host, caseId: number): Promise<number[]> {
  const referrals = await call<{ id: number; assessmentId: number | null }[]>(host, 'referrals:forCase', {
    caseId,
  })
  const wrong: number[] = []
  for (const referral of referrals) {
    if (referral.assessmentId === null) continue
    const screening = await call<AssessmentDetail>(host, 'screening:getAssessment', {
      id: referral.assessmentId,
    })
    if (screening.caseId !== null && screening.caseId !== caseId) wrong.push(referral.id)
  }
  return wrong
}

describe('a referral of one case ends up carrying the screening of another case', () => {
  // User: bilal refers Olena (her case) and, by mistake, picks a walk-in screening from the list
  // (allowed: "a screening of no case"). That walk-in is then linked to Marta's case. What
  // happens: Olena's referral still points at the screening, which is now Marta's; her printed
  // referral form shows Marta's risk level and screening date as Olena's (the defect the previous
  // reviewer fixed at create time, reached through the other order). What should happen: linking a
  // screening whose referrals belong to another case is refused (or such referrals are detached),
  // so a case's referral never carries another case's screening.
  // Cause: main/core/screening/assessment-repository.ts:130 (`linkReferrals` only moves referrals
  // with case_id IS NULL; `link` never checks referrals already on another case) together with
  // main/core/referrals/referral-access.ts:73 (an unlinked screening is accepted for any case).
  it('when the walk-in screening is later linked to another case', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const marta = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const walkIn = await walkInScreening(host, { assessedOn: '2026-03-07' })
    const created = await host.dispatch(
      'referrals:create',
      outgoingReferral(olena.id, { assessmentId: walkIn.id }),
    )
    const linked = await host.dispatch('screening:linkToCase', { id: walkIn.id, caseId: marta.id })
    expect(await referralScreeningsOfOtherCases(host, olena.id)).toEqual([])
    if (created.ok && linked.ok) {
      const referral = created.value as ReferralDetail
      await call(
        host,
        'referrals:recordConsent',
        survivorConsent(referral.id, { categories: ['screeningResults'] }),
      )
      const form = await call<ReferralForm>(host, 'referrals:printForm', { id: referral.id })
      // Marta's screening (dated 2026-03-07) must not appear on Olena's form.
      expect(JSON.stringify(form.sections)).not.toContain('2026-03-07')
    }
  })

  // Same defect through "create case from this screening": the walk-in becomes a new case, Olena's
  // referral keeps pointing at it. Cause: assessment-repository.ts:130 as above (convertToCase at
  // main/core/screening/assessment-service.ts:176 links through the same `repository.link`).
  it('when the walk-in screening is later turned into a case of its own', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const walkIn = await walkInScreening(host, { assessedOn: '2026-03-07' })
    await host.dispatch('referrals:create', outgoingReferral(olena.id, { assessmentId: walkIn.id }))
    await host.dispatch('screening:convertToCase', { id: walkIn.id })
    expect(await referralScreeningsOfOtherCases(host, olena.id)).toEqual([])
  })
})

describe('a screening dated tomorrow', () => {
  // User: a screener types tomorrow's date (or the renderer sends it) at 00:30 UTC — a moment when
  // it is at most 14:30 on the 10th anywhere on Earth. What happens: the screening dated the 11th is
  // saved; then "create case from this screening" fails with intakeDate "in the future", because
  // the case rule (latestIntakeDate: today here or in UTC) is stricter than the screening's.
  // What should happen: VALIDATION future_date, as for every other date in the app.
  // Cause: main/core/screening/assessment-service.ts:42-43 (`latestScreeningDate` = UTC clock + 24 h
  // instead of latestIntakeDate(session.clock()) from main/api/contract/dates.ts).
  it('is refused like every other date in the future', async () => {
    const host = createApiHost({
      dataDir: tempDir(),
      kdf: TEST_KDF,
      allowKdfBelowFloor: true,
      clock: () => new Date('2026-06-10T00:30:00Z'),
    })
    try {
      await call(host, 'vault:create', ADMIN)
      const result = await host.dispatch('screening:createAssessment', {
        templateId: await currentTemplateId(host),
        assessedOn: '2026-06-11',
        channel: 'walkIn',
        subject: { firstName: 'Maryna' },
        answers: {},
        nextStep: 'monitor',
      })
      expect(code(result)).toBe('VALIDATION')
    } finally {
      host.dispose()
    }
  })
})

describe('a template question whose key is a built-in object property', () => {
  // User: a supervisor adds a yes/no question with the key "constructor" (the editor accepts any
  // camelCase key; "works in construction?"). What happens: every screening that leaves that
  // question unanswered fails with INTERNAL "Something went wrong" — computeOutcome reads
  // `answers["constructor"]`, gets Object.prototype.constructor (a function) and calls .trim() on
  // it. The same function runs in the form's live result panel. What should happen: the question is
  // simply unanswered and the screening saves (or the template editor refuses such a key).
  // Cause: main/api/contract/screening-outcome.ts:94-95 (`answers[question.key]` on a plain object;
  // use Object.hasOwn / a Map, or a null-prototype answers object from checkAnswers,
  // main/core/screening/answer-check.ts:37).
  it('does not crash the screenings that leave it unanswered', async () => {
    const { host } = await staffedHost('amara')
    const baseId = await currentTemplateId(host)
    const base = await call<TemplateVersion>(host, 'screening:template', { id: baseId })
    const definition = structuredClone(base.definition)
    definition.sections[0]!.questions.push({
      key: 'constructor',
      text: 'Works in construction?',
      help: '',
      type: 'yesNo',
      yesMeans: 'risk',
      weight: 1,
      critical: false,
      source: 'custom',
    })
    const saved = await host.dispatch('screening:saveTemplate', { definition, basedOnTemplateId: baseId })
    if (!saved.ok) {
      expect(saved.error.code).toBe('VALIDATION') // refusing the key up front is a fix too
      return
    }
    const result = await host.dispatch('screening:createAssessment', {
      templateId: (saved.value as TemplateVersion).id,
      assessedOn: '2026-03-10',
      channel: 'walkIn',
      subject: { firstName: 'Maryna' },
      answers: { historyOfAbuse: 'risk' },
      nextStep: 'monitor',
    })
    expect(code(result)).toBe('OK')
  })
})

describe('the date of a referral itself', () => {
  // User: a caseworker types 2027 for 2026 (or the renderer sends next year). What happens: the
  // referral is saved dated in the future; its steps must then be dated on or after that date and
  // not in the future, so it can never be sent until the typo is noticed. Steps, consents and
  // intake dates all refuse the future. What should happen: VALIDATION on referralDate.
  // Cause: main/core/referrals/referral-service.ts:71-95 (`contentRow` checks the directory ids,
  // never referralDate; create/update at :147 and :172).
  it('is refused when in the future', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    expect(
      await errorCode(
        host,
        'referrals:create',
        outgoingReferral(caseId, { referralDate: daysFromToday(400) }),
      ),
    ).toBe('VALIDATION')
  })

  // User: types 1026 for 2026 in a referral date or a consent date. What happens: both are saved
  // (a screening date or an intake date with the same typo is refused: EARLIEST_INTAKE_DATE,
  // "1026 for 2026 was taken (found by a reviewing helper)"); the consent "given in 1026" then
  // gates sending. What should happen: VALIDATION, as for intake and screening dates.
  // Cause: referral-service.ts contentRow (:71) and recordConsent (:233) check no earliest date.
  it('and the date of a consent are refused a thousand years early (typo for 2026)', async () => {
    const { host, caseId, referral } = await caseWithReferral()
    expect({
      referralDate: await errorCode(
        host,
        'referrals:create',
        outgoingReferral(caseId, { referralDate: '1026-03-20' }),
      ),
      consentGivenOn: await errorCode(
        host,
        'referrals:recordConsent',
        survivorConsent(referral.id, { givenOn: '1026-03-19' }),
      ),
    }).toEqual({ referralDate: 'VALIDATION', consentGivenOn: 'VALIDATION' })
  })
})

describe('the steps of a referral, in order', () => {
  // User: records "sent on 25 March", then "accepted on 21 March" (a typo). What happens: both are
  // saved; the history says the partner accepted the referral four days before it was sent, and
  // the HTCDS incoming/outgoing dates and reports read nonsense. What should happen: VALIDATION on
  // `on` ("before the previous step"). Cause: main/core/referrals/referral-service.ts:193-194
  // compares `on` only with referral_date and today, never with the last step's changed_on. (The
  // first history row is dated the day it was recorded, not the referral date, so the check must
  // compare with the last real step — or that row should carry the referral date.)
  it('refuses a step dated before the step it follows', async () => {
    const { host, referral } = await caseWithReferral() // referral date 2026-03-20
    let current = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(referral.id))
    current = await step(host, current, 'sent', { on: '2026-03-25' })
    expect(
      await errorCode(host, 'referrals:transition', {
        id: current.id,
        version: current.version,
        to: 'accepted',
        on: '2026-03-21',
      }),
    ).toBe('VALIDATION')
  })
})

describe('a support plan finished in the future', () => {
  // User: marks a plan completed and types next year as the actual end date. What happens: it is
  // saved as completed "on" a date that has not come; the plan leaves the dashboard reminders as
  // finished. Steps and consents refuse future dates (fixed earlier); an *actual* end date is a
  // fact, not a plan. What should happen: VALIDATION on actualEndDate.
  // Cause: main/core/support-plans/support-plan-service.ts:117-135 (update) and
  // main/api/contract/referrals.ts:176-195 check only end ≥ start.
  it('is refused: an actual end date cannot be in the future', async () => {
    const { host } = await staffedHost('bilal')
    const { id: caseId } = await createCase(host)
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId,
      type: 'Legal',
      objectives: 'Court hearing support',
      startDate: '2026-03-01',
    })
    expect(
      await errorCode(host, 'referrals:updateSupportPlan', {
        id: plan.id,
        version: plan.version,
        type: 'Legal',
        objectives: 'Court hearing support',
        startDate: '2026-03-01',
        status: 'completed',
        actualEndDate: daysFromToday(400),
      }),
    ).toBe('VALIDATION')
  })
})

describe('a caseworker whose case was reassigned away from them', () => {
  // User: bilal screened Olena for his case; the supervisor reassigns the case to chen (conflict of
  // interest, say) and chen records her new name. What happens: bilal can no longer open the case
  // (FORBIDDEN), but screening:getAssessment and screening:listAssessments still give him the
  // screening — answers about abuse and household — and `personName`, read live from the case's
  // survivor, shows the name recorded after he lost access. Referrals already follow the case in
  // this situation (referral-access.ts:58: a linked screening follows its case). What should
  // happen: a screening linked to a case follows that case's visibility; the screener keeps only
  // walk-ins not linked to anyone's case.
  // Cause: main/core/screening/assessment-service.ts:73 (`row.screener_user_id === onlyFor`) and
  // the list filter VISIBLE at main/core/screening/assessment-repository.ts:77.
  it('no longer reads the screening of that case, nor the survivor’s new name through it', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const screening = await walkInScreening(host, { subject: undefined, caseId: olena.id })
    await signInAs(host, 'amara')
    const chenId = (await call<UserSummary[]>(host, 'users:list')).find((u) => u.username === 'chen')!.id
    await signInAs(host, 'dana')
    const current = await call<CaseDetail>(host, 'cases:get', { id: olena.id })
    await call(host, 'cases:update', {
      ...survivorCase({ survivor: { prs_FirstName: 'Newname', prs_SecondName: 'Hidden' } }),
      id: olena.id,
      version: current.version,
      assignedUserId: chenId,
    })
    await signInAs(host, 'bilal')
    expect(await errorCode(host, 'cases:get', { id: olena.id })).toBe('FORBIDDEN')
    const listed = await call<AssessmentPage>(host, 'screening:listAssessments', {})
    expect({
      get: await errorCode(host, 'screening:getAssessment', { id: screening.id }),
      listedNames: listed.rows.map((row) => row.personName),
    }).toEqual({ get: 'FORBIDDEN', listedNames: [] })
  })
})

describe('moving a directory service that referrals point at to another organisation', () => {
  // User: a supervisor edits "Shelter beds" and picks Org B as its organisation (or an HSDS import
  // does it by HSDS id). What happens: referrals already made to that service still say Org A,
  // now with a service of Org B (the printed form names Org A and B's service); and the draft
  // referral can no longer be saved unchanged: referrals:update answers VALIDATION "this service
  // belongs to another organisation" for the values the referral itself holds. What should
  // happen: the move is refused while referrals point at the service (CONFLICT; create a new
  // service instead), or the referrals are kept consistent.
  // Cause: main/core/directory/directory-service.ts:107-124 (saveService updates organisation_id
  // with no look at referrals.service_id); referral-service.ts:77 then refuses the pair.
  it('leaves no referral naming one organisation with a service of another', async () => {
    const { host } = await staffedHost('amara')
    const orgA = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org A' })
    const orgB = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', { name: 'Org B' })
    const beds = await call<DirectoryService>(host, 'directory:saveService', {
      organisationId: orgA.id,
      name: 'Shelter beds',
    })
    const { id: caseId } = await createCase(host)
    const created = await call<ReferralDetail>(
      host,
      'referrals:create',
      outgoingReferral(caseId, { organisationName: null, serviceId: beds.id }),
    )
    await host.dispatch('directory:saveService', {
      id: beds.id,
      organisationId: orgB.id,
      name: 'Shelter beds',
    })
    const referral = await call<ReferralDetail>(host, 'referrals:get', { id: created.id })
    const service = await call<DirectoryService>(host, 'directory:getService', { id: beds.id })
    const resaved = await host.dispatch('referrals:update', {
      id: referral.id,
      version: referral.version,
      organisationId: referral.organisationId,
      serviceId: referral.serviceId,
      counterpartCaseworker: referral.counterpartCaseworker,
      reason: referral.reason,
      details: referral.details,
      servicesRequested: referral.servicesRequested,
      urgency: referral.urgency,
      referralDate: referral.referralDate,
      followUpDate: referral.followUpDate,
    })
    expect({ referralOrganisation: referral.organisationId, resaved: code(resaved) }).toEqual({
      referralOrganisation: service.organisationId,
      resaved: 'OK',
    })
  })
})

describe('importing a partner network’s HSDS directory', () => {
  // User: the shelter deactivated "Fake Jobs Agency" (found to be recruiting for traffickers). A
  // month later the manager imports the partner network's HSDS file, which lists the agency under
  // the same HSDS id (HSDS organizations have no status; only CaseVault's own exports carry the
  // casevault_active extension). What happens: the agency is silently reactivated and offered again
  // in the referral pickers; the report just says "1 updated". What should happen: a file that says
  // nothing about an organisation's activity leaves the local active flag as it is.
  // Cause: main/core/directory/hsds-to-directory.ts:198 (`active: object[EXTENSION] ?? true`) and
  // main/core/directory/hsds-import.ts:110 (updateOrganisation writes that default over the row).
  it('does not reactivate an organisation the shelter deactivated', async () => {
    const { host } = await staffedHost('amara')
    const agency = await call<DirectoryOrganisation>(host, 'directory:saveOrganisation', {
      name: 'Fake Jobs Agency',
    })
    await call(host, 'directory:setOrganisationActive', { id: agency.id, active: false })
    const file = JSON.stringify({
      organizations: [{ id: agency.hsdsId, name: 'Fake Jobs Agency', description: 'Jobs abroad' }],
    })
    const report = await call<DirectoryImportReport>(host, 'directory:importRun', {
      files: [{ name: 'partners.json', content: new TextEncoder().encode(file) }],
    })
    expect(report.imported).toBe(true)
    const after = await call<DirectoryOrganisation>(host, 'directory:getOrganisation', { id: agency.id })
    expect(after.active).toBe(false)
  })
})
