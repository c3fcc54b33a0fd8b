// Reviewing helper: checks of the case list, search and dashboard that hold (real encrypted vault).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { CasePage, CaseSearchHit, DashboardSummary } from '../../main/api/contract'

describe('case list, search and dashboard (held)', () => {
  it('pages through equal intake dates and equal names with every case once, both directions', async () => {
    const { host } = await staffedHost('dana')
    const ids: number[] = []
    for (let index = 0; index < 7; index += 1) {
      const made = await createCase(
        host,
        survivorCase({
          survivor: { prs_FirstName: 'Anna', prs_SecondName: index % 2 ? 'Li' : 'LI' },
          survivorAliases: [],
        }),
      )
      ids.push(made.id)
    }
    for (const sortBy of ['intakeDate', 'survivorName', 'status', 'updatedAt'] as const) {
      for (const sortDirection of ['asc', 'desc'] as const) {
        const seen: number[] = []
        for (let page = 0; page < 4; page += 1) {
          const answer = await call<CasePage>(host, 'cases:list', {
            sortBy,
            sortDirection,
            page,
            pageSize: 2,
          })
          expect(answer.total).toBe(7)
          seen.push(...answer.rows.map((row) => row.id))
        }
        expect([...seen].sort((a, b) => a - b)).toEqual(ids)
      }
    }
  })

  it('counts what it lists under status + assignee + intake range combined', async () => {
    const { host } = await staffedHost('dana')
    const bilalId = (await call<{ id: number; displayName: string }[]>(host, 'users:assignable')).find(
      (user) => user.displayName === 'Bilal Haddad',
    )!.id
    await createCase(host, survivorCase({ intakeDate: '2026-01-05', assignedUserId: bilalId }))
    const kept = await createCase(host, survivorCase({ intakeDate: '2026-02-05', assignedUserId: bilalId }))
    await createCase(host, survivorCase({ intakeDate: '2026-02-06' }))
    const closed = await createCase(host, survivorCase({ intakeDate: '2026-02-07', assignedUserId: bilalId }))
    await call(host, 'cases:close', {
      id: closed.id,
      version: closed.version,
      status: 'Closed',
      reason: 'Done.',
    })
    const page = await call<CasePage>(host, 'cases:list', {
      status: ['Active'],
      assignedUserId: bilalId,
      intakeFrom: '2026-02-01',
      intakeTo: '2026-02-28',
    })
    expect(page.rows.map((row) => row.id)).toEqual([kept.id])
    expect(page.total).toBe(1)
  })

  it('the caseworker’s "My open cases" total equals the list of their Active and FollowUp cases', async () => {
    const { host } = await staffedHost('bilal')
    const a = await createCase(host)
    await createCase(host)
    await call(host, 'cases:close', { id: a.id, version: a.version, status: 'Closed', reason: 'Done.' })
    const dashboard = await call<DashboardSummary>(host, 'dashboard:summary')
    const list = await call<CasePage>(host, 'cases:list', { status: ['Active', 'FollowUp'] })
    expect(dashboard.myOpenCases.total).toBe(1)
    expect(list.total).toBe(dashboard.myOpenCases.total)
    expect(list.rows.map((row) => row.id)).toEqual(dashboard.myOpenCases.items.map((item) => item.id))
  })

  it('finds a case by its number in lower case, with spaces or in full-width digits; a colleague finds nothing', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const number = made.caseNumber
    const fullWidth = number.replace(/[0-9A-Z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    for (const typed of [number.toLowerCase(), number.replace(/-/g, ' '), fullWidth]) {
      const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: typed })
      expect(hits.map((hit) => hit.id)).toEqual([made.id])
    }
    await signInAs(host, 'chen')
    expect(await call<CaseSearchHit[]>(host, 'cases:search', { query: number })).toEqual([])
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
  })
})
