// Input main refuses that it took before. Found by a reviewing helper (each failed before): one
// event id sent twice in a case update (one of the two versions was lost without a word), and a
// screening dated 1026 for 2026 (it becomes the intake date of the case made from it, which the
// case rules refuse before 1950).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import type { CaseDetail } from '../../main/api/contract'

describe('events in a case update', () => {
  it('refuses the same event id twice instead of keeping only one of the two events', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const eventId = created.events[0]!.id
    const result = await host.dispatch('cases:update', {
      ...survivorCase(),
      id: created.id,
      version: created.version,
      events: [
        { id: eventId, record: { hte_Type: 'Recruitment', hte_Date: '2025-11-01' } },
        { id: eventId, record: { hte_Type: 'Exploitation', hte_Date: '2025-12-01' } },
      ],
    })
    const after = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect({ result: result.ok ? 'OK' : result.error.code, version: after.version }).toEqual({
      result: 'VALIDATION',
      version: created.version,
    })
  })
})

describe('the date of a screening', () => {
  it('refuses a date before the earliest intake date (1950-01-01), as it refuses one in the future', async () => {
    const { host } = await staffedHost('bilal')
    const code = await walkInScreening(host, { assessedOn: '1026-03-10' }).then(
      () => 'OK',
      (error: { code: string }) => error.code,
    )
    expect(code).toBe('VALIDATION')
  })
})
