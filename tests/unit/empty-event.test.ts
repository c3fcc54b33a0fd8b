// "Add an event" pressed and nothing filled in: the case was saved with an "Event 2" holding no
// detail, shown on the case and carried into every export as an empty event row (a helper's note
// at stop 20). Main now refuses a new empty event, naming it; each test failed before the fix.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { outcome } from './support/result-code'
import type { CaseDetail } from '../../main/api/contract'

const RECRUITMENT = { record: { hte_Type: 'Recruitment', hte_Date: '2025-11-01', hte_Country: 'UA' } }

describe('an event with no detail', () => {
  it('is refused on a new case, at the empty event, and no case is made', async () => {
    const { host } = await staffedHost('bilal')
    const result = await outcome(
      host,
      'cases:create',
      survivorCase({ events: [RECRUITMENT, { record: { hte_City: '   ' } }] }),
    )
    expect(result).toEqual({ code: 'VALIDATION', paths: ['events.1.hte_Type'] })
    const list = await call<{ total: number }>(host, 'cases:list', {})
    expect(list.total).toBe(0)
  })

  it('is refused when added to a saved case, which keeps its events as they were', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const result = await outcome(host, 'cases:update', {
      id: created.id,
      version: created.version,
      intakeDate: created.intakeDate,
      survivor: created.survivor.record,
      events: [{ id: created.events[0]!.id, record: created.events[0]!.record }, { record: {} }],
    })
    expect(result).toEqual({ code: 'VALIDATION', paths: ['events.1.hte_Type'] })
    const after = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(after.events).toHaveLength(1)
    expect(after.version).toBe(created.version)
  })

  it('still saves an event holding a single detail', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host, survivorCase({ events: [{ record: { hte_City: 'Odesa' } }] }))
    expect(created.events.map((event) => event.record)).toEqual([{ hte_City: 'Odesa' }])
  })
})
