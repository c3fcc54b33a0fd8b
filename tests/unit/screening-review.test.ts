// Screening templates and assessments: defects found by a reviewing helper's hunt (main side).
// Each test failed on the code before its fix; the comment above it says what goes wrong today and
// why it matters to a user. Screen defects are in tests/component/screening-review-ui.test.ts.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { staffedHost } from './support/case-fixtures'
import { currentTemplateId } from './support/screening-fixtures'
import type { AssessmentPage, TemplateVersion } from '../../main/api/contract'

describe('a walk-in’s details are checked like a case’s', () => {
  // A hotline screener types the caller's birth year as 2090 (a slip for 2009, or the year field
  // taken for "age"). Today the screening is saved with a person born 64 years after she was
  // screened; it is shown on the screening, printed and exported as is. The same person entered as
  // a case is refused ("birth_after_intake", case-prepare.ts:41). Cause:
  // main/api/contract/screening.ts:51 (birthYear 1900..2100, never compared with assessedOn) and
  // main/core/screening/assessment-service.ts:101-106 (only the screening date is checked).
  it('refuses a birth year after the screening date, and saves nothing', async () => {
    const { host } = await staffedHost('bilal')
    const result = await host.dispatch('screening:createAssessment', {
      templateId: await currentTemplateId(host),
      assessedOn: '2026-03-10',
      channel: 'hotline',
      subject: { firstName: 'Maryna', birthYear: 2090 },
      answers: {},
      nextStep: 'monitor',
    })
    const listed = await call<AssessmentPage>(host, 'screening:listAssessments', {})
    expect({ code: result.ok ? 'OK' : result.error.code, saved: listed.total }).toEqual({
      code: 'VALIDATION',
      saved: 0,
    })
  })
})

describe('a template cannot promise a rule it never applies', () => {
  // A supervisor marks the shipped "Does the person have a safe place to stay tonight?" as
  // critical, expecting a person with nowhere safe to sleep to come out high. That question's "yes"
  // means protective, so no answer to it is ever a risk: the critical flag can never fire, the
  // version is saved, and every screener trusts a rule that does nothing (a "no" scores nothing).
  // The schema already refuses the same dead flag on a text question. Cause:
  // main/api/contract/screening-template.ts:57-65 (critical checked only against type 'text');
  // the effect in screening-outcome.ts:94-97 (critical counts only on the risk side).
  it('refuses “critical” on a yes/no question whose yes means protective', async () => {
    const { host } = await staffedHost('dana')
    const baseId = await currentTemplateId(host)
    const base = await call<TemplateVersion>(host, 'screening:template', { id: baseId })
    const definition = structuredClone(base.definition)
    const safePlace = definition.sections[0]!.questions.find((q) => q.key === 'safePlaceTonight')!
    expect(safePlace).toMatchObject({ type: 'yesNo', yesMeans: 'protective' })
    safePlace.critical = true
    const result = await host.dispatch('screening:saveTemplate', { definition, basedOnTemplateId: baseId })
    expect(result.ok ? 'OK' : result.error.code).toBe('VALIDATION')
  })
})
