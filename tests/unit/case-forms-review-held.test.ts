// Checks on editing a case that held up when a reviewing helper attacked them: kept as regression tests.
import { describe, expect, it } from 'vitest'
import { call } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import type { CaseDetail, CaseSearchHit } from '../../main/api/contract'

describe('held: an edit keeps every value as typed', () => {
  it('round-trips RTL text, emoji, a zero, a false checkbox and a multi-picklist’s order', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const survivor = {
      prs_FirstName: 'فاطمة 🌸',
      prs_SecondName: 'Ünal',
      prs_Birthdate: '2001-07-02',
      prs_NumberOfChildren: 0,
      prs_Deceased: false,
      prs_Citizenship: ['SY', 'TR'],
    }
    const victim = { vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'] }
    const saved = await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase(),
      id: created.id,
      version: created.version,
      survivor,
      victim,
      survivorAliases: ['أم علي', 'Lena 👩‍👧'],
    })
    const loaded = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(loaded.survivor.record).toEqual(survivor)
    expect(loaded.victim).toEqual(victim)
    expect(loaded.survivor.aliases).toEqual(['أم علي', 'Lena 👩‍👧'])
    expect(loaded.version).toBe(saved.version)
    const hits = await call<CaseSearchHit[]>(host, 'cases:search', { query: 'فاطمة' })
    expect(hits.map((hit) => hit.id)).toEqual([created.id])
  })

  it('a version conflict between two editors keeps the first save and tells the second', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const base = { ...survivorCase(), id: created.id, version: created.version }
    await call(host, 'cases:update', { ...base, survivor: { prs_FirstName: 'First' } })
    const second = await host.dispatch('cases:update', { ...base, survivor: { prs_FirstName: 'Second' } })
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { stale: true } } })
    const loaded = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(loaded.survivor.record.prs_FirstName).toBe('First')
  })
})
