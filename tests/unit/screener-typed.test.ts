// The new-screening form asks before leaving only when the screener typed something: the template
// and the date are filled in for them, so the form's dirty flag alone cannot tell.
import { describe, expect, it } from 'vitest'
import { screenerTyped } from '../../renderer/src/components/screening/screening-form'

describe('whether a screener typed anything', () => {
  it('is no for the form as it opens, for a walk-in and for a case', () => {
    expect(screenerTyped({ templateId: 3, assessedOn: '2026-11-29', answers: {}, subject: {} })).toBe(false)
    expect(screenerTyped({ templateId: 3, caseId: 7, answers: {} })).toBe(false)
    expect(screenerTyped({ subject: { initials: '', ageBand: undefined } as never })).toBe(false)
  })

  it('is yes for one answer, one detail of the person, a judgement reason or a note', () => {
    expect(screenerTyped({ answers: { q1: 'yes' } })).toBe(true)
    expect(screenerTyped({ subject: { initials: 'AK' } as never })).toBe(true)
    expect(screenerTyped({ judgementReason: 'She said more later' })).toBe(true)
    expect(screenerTyped({ nextStepNote: 'Call back' })).toBe(true)
  })
})
