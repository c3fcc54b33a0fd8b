// Screening, referrals, the service directory and support plans, from a reviewing helper's hunt;
// each test failed before its fix. This half, screenings: a referral of one case came to carry
// another case's screening (the walk-in it used linked or converted elsewhere), a screening dated
// tomorrow was taken, a template question keyed "constructor" crashed every screening leaving it
// open, and a reassigned case's screening stayed readable by its former caseworker. Referrals,
// plans and the directory are in casework-review-referrals-fixes.test.ts.
import { describe, expect, it } from 'vitest'
import { ADMIN, TEST_KDF, call, errorCode, tempDir } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { outgoingReferral, survivorConsent } from './support/referral-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import { code } from './support/result-code'
import { createApiHost } from '../../main/api/host'
import type {
  AssessmentDetail,
  AssessmentPage,
  CaseDetail,
  ReferralDetail,
  ReferralForm,
  TemplateVersion,
  UserSummary,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

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
