// Screening: checks of important behaviour that held during a reviewing helper's hunt. They pass
// today and are kept as regression tests (defects found are in screening-review.test.ts).
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost } from './support/case-fixtures'
import { currentTemplateId, walkInScreening } from './support/screening-fixtures'
import type { AssessmentDetail, AssessmentPage, AuditEntry } from '../../main/api/contract'

describe('held: hostile screening payloads', () => {
  it('refuses an option the question does not offer or an unknown question, saving nothing; drops a __proto__ key', async () => {
    const { host } = await staffedHost('bilal')
    const templateId = await currentTemplateId(host)
    const base = {
      templateId,
      assessedOn: '2026-03-10',
      channel: 'walkIn',
      subject: { firstName: 'Maryna' },
      nextStep: 'monitor',
    }
    const proto = JSON.parse('{"__proto__": "risk"}') as Record<string, string>
    const badOption = await host.dispatch('screening:createAssessment', {
      ...base,
      answers: { historyOfAbuse: 'maybe-secret-detail', immediateDanger: 'risk' },
    })
    expect(
      await errorCode(host, 'screening:createAssessment', { ...base, answers: { notAQuestion: 'risk' } }),
    ).toBe('VALIDATION')
    expect(badOption.ok).toBe(false)
    if (!badOption.ok) {
      const issues = (badOption.error.details as { issues: { path: string }[] }).issues.map((i) => i.path)
      expect(issues.sort()).toEqual(['answers.historyOfAbuse', 'answers.immediateDanger'])
      expect(JSON.stringify(badOption.error)).not.toContain('maybe-secret-detail')
    }
    expect((await call<AssessmentPage>(host, 'screening:listAssessments', {})).total).toBe(0)
    // zod's record drops a "__proto__" key: nothing reaches the stored answers or any prototype.
    const saved = await call<AssessmentDetail>(host, 'screening:createAssessment', {
      ...base,
      answers: proto,
    })
    expect(Object.keys(saved.answers)).toEqual([])
    expect(Object.getPrototypeOf(saved.answers)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).risk).toBeUndefined()
  })

  it('keeps analysts away from templates and screenings', async () => {
    const { host } = await staffedHost('eli')
    expect(await errorCode(host, 'screening:templates')).toBe('FORBIDDEN')
    expect(await errorCode(host, 'screening:template', { id: 1 })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'screening:listAssessments', {})).toBe('FORBIDDEN')
  })
})

describe('held: linking and converting respect who may see what', () => {
  it('refuses linking a walk-in to another caseworker’s case, and converting another’s walk-in', async () => {
    const { host } = await staffedHost('chen')
    const chensCase = await createCase(host)
    const chensWalkIn = await walkInScreening(host)
    await signInAs(host, 'bilal')
    const bilalsWalkIn = await walkInScreening(host)
    expect(await errorCode(host, 'screening:linkToCase', { id: bilalsWalkIn.id, caseId: chensCase.id })).toBe(
      'FORBIDDEN',
    )
    expect(await errorCode(host, 'screening:convertToCase', { id: chensWalkIn.id })).toBe('FORBIDDEN')
    const mine = await call<AssessmentDetail>(host, 'screening:getAssessment', { id: bilalsWalkIn.id })
    expect(mine.caseId).toBeNull()
  })

  it('writes link and conversion audit rows with ids only, never the walk-in’s name or notes', async () => {
    const { host } = await staffedHost('bilal')
    const olena = await createCase(host)
    const linked = await walkInScreening(host, { answers: { individualNotes: 'sleeps at Hotel Rivne' } })
    await call(host, 'screening:linkToCase', { id: linked.id, caseId: olena.id })
    const converted = await walkInScreening(host, { subject: { firstName: 'Zoryana', alias: 'Zoya' } })
    await call(host, 'screening:convertToCase', { id: converted.id })
    await signInAs(host, 'amara')
    const audit = await call<{ rows: AuditEntry[] } | AuditEntry[]>(host, 'audit:list', {})
    const rows = Array.isArray(audit) ? audit : audit.rows
    const text = JSON.stringify(rows.filter((row) => row.action.startsWith('screening.')))
    expect(text).toContain('screening.linked')
    expect(text).toContain('screening.converted')
    for (const secret of ['Zoryana', 'Zoya', 'Maryna', 'Hlib', 'Hotel Rivne'])
      expect(text).not.toContain(secret)
  })
})
