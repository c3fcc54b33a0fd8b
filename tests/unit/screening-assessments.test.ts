import { describe, expect, it } from 'vitest'
import { call, createdVault, errorCode } from './support/temp-vault'
import { createTemplateService } from '../../main/core/screening/template-service'
import { createAssessmentService } from '../../main/core/screening/assessment-service'
import { createCaseService } from '../../main/core/cases/case-service'
import { createAssessmentInput } from '../../main/api/contract'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import type {
  AssessmentDetail,
  AssessmentPage,
  AssessmentSummary,
  AuditEntry,
  CaseDetail,
  ConvertedScreening,
} from '../../main/api/contract'

async function auditRows(host: Awaited<ReturnType<typeof staffedHost>>['host'], prefix = 'screening.') {
  await signInAs(host, 'amara')
  const rows = await call<AuditEntry[]>(host, 'audit:list', { limit: 200 })
  return rows.filter((row) => row.action.startsWith(prefix))
}

describe('screening a walk-in', () => {
  it('stores the answers, the computed result per level and the screener', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    expect(screening).toMatchObject({
      caseId: null,
      personName: 'Maryna Hlib',
      screenerName: 'Bilal Haddad',
      channel: 'walkIn',
      computedRiskLevel: 'medium',
      summaryRiskLevel: 'medium',
      judgementDiffers: false,
      nextStep: 'openCase',
      riskWeight: 7,
      protectiveWeight: 2,
      levels: {
        individual: { risk: 5, protective: 2 },
        household: { risk: 2, protective: 0 },
        community: { risk: 0, protective: 0 },
      },
      subject: { firstName: 'Maryna', ageYears: 24, citizenship: 'UA' },
      answers: { historyOfAbuse: 'risk', householdDebt: 'risk' },
    })
    expect(screening.outcome.score).toBe(5)
    expect(screening.template).toMatchObject({ key: 'htcds-domv', version: 1, isLatest: true })
  })

  it('keeps the screener’s different judgement only with a reason', async () => {
    const { host } = await staffedHost('bilal')
    const refused = await host.dispatch('screening:createAssessment', {
      templateId: await currentTemplateId(host),
      assessedOn: '2026-03-10',
      channel: 'hotline',
      subject: { alias: 'Caller 7' },
      answers: {},
      judgementLevel: 'high',
      nextStep: 'urgentProtection',
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ path: 'judgementReason', code: 'reason_required' }] },
      },
    })
    const judged = await walkInScreening(host, {
      subject: { alias: 'Caller 7' },
      answers: {},
      judgementLevel: 'high',
      judgementReason: 'Caller described locked doors and confiscated passports.',
      nextStep: 'urgentProtection',
    })
    expect(judged).toMatchObject({
      computedRiskLevel: 'low',
      judgementLevel: 'high',
      summaryRiskLevel: 'high',
      judgementDiffers: true,
      personName: 'Caller 7',
    })
  })

  it.each([
    ['no case and no person', { subject: undefined }],
    ['both a case and a person', { caseId: 1 }],
    ['a person without name or alias', { subject: { gender: 'Feminine' } }],
    ['a gender outside prs_Gender', { subject: { alias: 'A', gender: 'Female' } }],
    ['a country that is not ISO 3166', { subject: { alias: 'A', citizenship: 'XX' } }],
    ['an impossible date', { assessedOn: '2026-02-30' }],
    ['a date in the future', { assessedOn: '2099-01-01' }],
    ['an answer outside the scale', { answers: { age: 'very' } }],
    ['an answer to a question the template does not have', { answers: { favouriteColour: 'risk' } }],
    ['an unknown next step', { nextStep: 'forget' }],
    ['an unknown template version', { templateId: 999 }],
  ] as [string, Record<string, unknown>][])('refuses %s', async (_what, overrides) => {
    const { host } = await staffedHost('bilal')
    const templateId = await currentTemplateId(host)
    const input = {
      templateId,
      assessedOn: '2026-03-10',
      channel: 'walkIn',
      subject: { alias: 'Walk-in' },
      answers: {},
      nextStep: 'monitor',
      ...overrides,
    }
    const code = await errorCode(host, 'screening:createAssessment', input)
    expect(code).toBe(overrides.templateId ? 'NOT_FOUND' : 'VALIDATION')
    await signInAs(host, 'amara')
    expect((await call<AssessmentPage>(host, 'screening:listAssessments', {})).total).toBe(0)
  })

  it('writes audit rows with ids only — never the person’s name or the answers', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    await call(host, 'screening:getAssessment', { id: screening.id })
    const rows = await auditRows(host)
    expect(rows.map((row) => [row.action, row.target, row.actor])).toEqual(
      expect.arrayContaining([
        ['screening.created', `assessment:${screening.id}`, 'bilal'],
        ['screening.read', `assessment:${screening.id}`, 'bilal'],
      ]),
    )
    const text = JSON.stringify(rows)
    for (const secret of ['Maryna', 'Hlib', 'historyOfAbuse', 'UA']) expect(text).not.toContain(secret)
  })
})

describe('screenings and cases', () => {
  it('turns a walk-in screening into a case with the person as survivor, in one step', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const converted = await call<ConvertedScreening>(host, 'screening:convertToCase', { id: screening.id })
    const created = await call<CaseDetail>(host, 'cases:get', { id: converted.caseId })
    expect(created).toMatchObject({
      intakeDate: '2026-03-10',
      assignedUserName: 'Bilal Haddad',
      survivor: {
        record: {
          prs_FirstName: 'Maryna',
          prs_SecondName: 'Hlib',
          prs_Gender: 'Feminine',
          prs_Citizenship: ['UA'],
        },
      },
    })
    const linked = await call<AssessmentDetail>(host, 'screening:getAssessment', { id: screening.id })
    expect(linked).toMatchObject({ caseId: converted.caseId, caseNumber: created.caseNumber })
    expect(await errorCode(host, 'screening:convertToCase', { id: screening.id })).toBe('CONFLICT')
    const rows = await auditRows(host)
    expect(rows).toContainEqual(
      expect.objectContaining({
        action: 'screening.converted',
        target: `assessment:${screening.id}`,
        details: { caseId: converted.caseId },
      }),
    )
  })

  it('creates no case when linking the screening fails during conversion (one transaction)', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    const templates = createTemplateService(session)
    const service = createAssessmentService(session, templates, createCaseService(session))
    const screening = service.create(
      createAssessmentInput.parse({
        templateId: templates.list()[0]!.id,
        assessedOn: '2026-03-10',
        channel: 'walkIn',
        subject: { alias: 'Walk-in' },
        answers: {},
        nextStep: 'openCase',
      }),
    )
    // Make the link step fail after the case row was written, on the real database.
    session.db.exec(`CREATE TRIGGER test_refuse_link BEFORE UPDATE OF case_id ON assessments
      BEGIN SELECT RAISE(ABORT, 'refused by test'); END`)
    expect(() => service.convertToCase({ id: screening.id })).toThrow(/refused by test/)
    const count = (table: string) =>
      (session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect([count('cases'), count('persons'), count('case_search')]).toEqual([0, 0, 0])
    expect(service.get(screening.id).caseId).toBeNull()
  })

  it('links a screening to an existing case the screener may see, once', async () => {
    const { host } = await staffedHost('bilal')
    const own = await createCase(host)
    const screening = await walkInScreening(host)
    const linked = await call<AssessmentDetail>(host, 'screening:linkToCase', {
      id: screening.id,
      caseId: own.id,
    })
    expect(linked).toMatchObject({ caseId: own.id, personName: 'Olena Kovalenko' })
    expect(linked.linkedAt).not.toBeNull()
    expect(await errorCode(host, 'screening:linkToCase', { id: screening.id, caseId: own.id })).toBe(
      'CONFLICT',
    )

    await signInAs(host, 'chen')
    const chensCase = await createCase(host)
    const chens = await walkInScreening(host)
    await signInAs(host, 'bilal')
    expect(await errorCode(host, 'screening:linkToCase', { id: chens.id, caseId: own.id })).toBe('FORBIDDEN')
    const another = await walkInScreening(host)
    expect(await errorCode(host, 'screening:linkToCase', { id: another.id, caseId: chensCase.id })).toBe(
      'FORBIDDEN',
    )
    expect((await auditRows(host)).map((row) => row.action)).toContain('screening.linked')
  })

  it('repeats screenings during a case and lists them oldest first, for the change over time', async () => {
    const { host } = await staffedHost('bilal')
    const own = await createCase(host)
    const templateId = await currentTemplateId(host)
    const base = { templateId, caseId: own.id, channel: 'caseReview', nextStep: 'monitor' }
    await call(host, 'screening:createAssessment', {
      ...base,
      assessedOn: '2026-04-20',
      answers: { historyOfAbuse: 'risk', safePlaceTonight: 'yes', householdIncome: 'protective' },
    })
    await call(host, 'screening:createAssessment', {
      ...base,
      assessedOn: '2026-03-15',
      answers: { historyOfAbuse: 'risk', householdDebt: 'risk', legalStatus: 'risk' },
      nextStep: 'referToServices',
    })
    const series = await call<AssessmentSummary[]>(host, 'screening:caseAssessments', { caseId: own.id })
    expect(series.map((point) => [point.assessedOn, point.riskWeight, point.protectiveWeight])).toEqual([
      ['2026-03-15', 7, 0],
      ['2026-04-20', 3, 4],
    ])
    expect(series[0]!.personName).toBe('Olena Kovalenko')
  })

  it('does not block deleting a case: its screenings are erased with it (cascade)', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    const converted = await call<ConvertedScreening>(host, 'screening:convertToCase', { id: screening.id })
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: converted.caseId, reason: 'survivorRequest' })
    expect(await errorCode(host, 'screening:getAssessment', { id: screening.id })).toBe('NOT_FOUND')
    expect((await call<AssessmentPage>(host, 'screening:listAssessments', {})).total).toBe(0)
  })
})
