// Reviewing helper (finding cases): checks of the case search and list that held (real encrypted vault).
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { CaseDetail, CasePage, CaseSearchHit } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const searchIds = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id)

describe('finding cases (held)', () => {
  it('finds Turkish İ, Armenian capitals and names joined by a Unicode hyphen by any word, in any case', async () => {
    const { host } = await staffedHost('dana')
    const make = (first: string, second: string) =>
      createCase(
        host,
        survivorCase({ survivor: { prs_FirstName: first, prs_SecondName: second }, survivorAliases: [] }),
      )
    const ibrahim = await make('İbrahim', 'ÖZTÜRK')
    const aram = await make('ԱՐԱՄ', 'Petrosyan')
    const anne = await make('Anne\u2010Marie', 'Dupont')
    for (const typed of ['ibrahim', 'Ibrahim', 'ozturk', 'öztürk'])
      expect(await searchIds(host, typed)).toEqual([ibrahim.id])
    expect(await searchIds(host, 'արամ')).toEqual([aram.id])
    expect(await searchIds(host, 'marie')).toEqual([anne.id])
    expect(await searchIds(host, 'anne marie dup')).toEqual([anne.id])
  })

  it('counts and lists once a survivor with two citizenships that are both in the filter', async () => {
    const { host } = await staffedHost('dana')
    const both = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Ina', prs_SecondName: 'Ceban', prs_Citizenship: ['MD', 'RO'] },
      }),
    )
    await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Ola', prs_SecondName: 'Nowak', prs_Citizenship: ['PL'] } }),
    )
    const page = await call<CasePage>(host, 'cases:list', { citizenship: ['MD', 'RO'], pageSize: 1 })
    expect(page.total).toBe(1)
    expect(page.rows.map((row) => row.id)).toEqual([both.id])
  })

  it('moves a reassigned case out of the former caseworker’s search and into the new one’s at once', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Zoryana', prs_SecondName: 'Kvitka' },
        survivorAliases: [],
        assignedUserId: 2,
      }),
    )
    await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase({
        survivor: { prs_FirstName: 'Zoryana', prs_SecondName: 'Kvitka' },
        survivorAliases: [],
      }),
      id: made.id,
      version: made.version,
      assignedUserId: 3,
    })
    await signInAs(host, 'bilal')
    expect(await searchIds(host, 'Zoryana')).toEqual([])
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
    await signInAs(host, 'chen')
    expect(await searchIds(host, 'Zoryana')).toEqual([made.id])
  })
})
