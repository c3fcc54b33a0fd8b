// Defects found by a reviewing helper in creating and editing a case and its parts. Each test
// states the expected behaviour and failed on the code before its fix; the comment says what goes wrong.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import type { CaseDetail, CasePerpetrator } from '../../main/api/contract'

type Issue = { path: string; code: string }
const issuesOf = (result: { ok: boolean; error?: { details?: unknown } }): Issue[] =>
  ((result.error?.details as { issues?: Issue[] } | undefined)?.issues ?? []) as Issue[]

describe('trafficking events contradicting the calendar', () => {
  // A recruitment dated 1995 for a survivor born in 2001 is stored as it is (main/core/cases/
  // case-facts.ts checks an event's date only against today). One of the two dates is a typo; the
  // case then reports a recruitment six years before the survivor was born, and the de-identified
  // export and reports use that year. case-facts.ts already refuses the like for ages.
  it('refuses a trafficking event dated before the survivor was born, naming the event’s date', async () => {
    const { host } = await staffedHost('bilal')
    const result = await host.dispatch(
      'cases:create',
      survivorCase({
        events: [{ record: { hte_Type: 'Recruitment', hte_Date: '1995-11-01', hte_Country: 'UA' } }],
      }),
    )
    expect(result.ok).toBe(false)
    expect(issuesOf(result).map((issue) => issue.path)).toContain('events.0.hte_Date')
  })

  // "0225-11-01" (typed for 2025-11-01) is accepted for an event when the survivor's birthdate is
  // not known: only a future event date is checked (case-facts.ts:69-73). Intake dates, screening,
  // consent and plan dates are all refused "a thousand years early"; an event is the one date left.
  it('refuses a trafficking event dated a thousand years early (typo for 2025)', async () => {
    const { host } = await staffedHost('bilal')
    const survivor = { ...(survivorCase().survivor as Record<string, unknown>) }
    delete survivor['prs_Birthdate']
    const result = await host.dispatch(
      'cases:create',
      survivorCase({ survivor, events: [{ record: { hte_Type: 'Recruitment', hte_Date: '0225-11-01' } }] }),
    )
    expect(result.ok).toBe(false)
    expect(issuesOf(result).map((issue) => issue.path)).toContain('events.0.hte_Date')
  })
})

describe('a perpetrator’s dates', () => {
  // perpetratorFields (main/core/cases/perpetrator-service.ts:41-59) validates the person's record
  // only against the field types: a perpetrator "born" on 2099-01-01 is saved and shown on the case.
  // A survivor's birthdate cannot be in the future (it must precede the intake): the same typo in a
  // trafficker's record goes through, to exports and to every case linking that person.
  it('refuses a perpetrator birthdate in the future, naming the field', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const result = await host.dispatch('perpetrators:add', {
      caseId: created.id,
      person: { prs_FirstName: 'Viktor', prs_Birthdate: '2099-01-01' },
    })
    expect(result.ok).toBe(false)
    expect(issuesOf(result).map((issue) => issue.path)).toContain('person.prs_Birthdate')
    expect(await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: created.id })).toEqual([])
    void (created satisfies CaseDetail)
  })
})
