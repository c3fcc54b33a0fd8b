// Checks a reviewing helper tried on perpetrators and training vaults that the code passes, kept
// as regression tests (the failing ones are in training-perpetrators-review.test.ts).
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { CasePerpetrator, PerpetratorMatch } from '../../main/api/contract'

describe('held: perpetrator links', () => {
  it('refuses to link a survivor (not a perpetrator) by id, and links nothing', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const result = await host.dispatch('perpetrators:add', {
      caseId: second.id,
      existingPersonId: first.survivor.id,
      context: {},
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: second.id })).toEqual([])
  })

  it('refuses to edit a person through a case he is not linked to, and changes nothing', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const viktor = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Viktor' },
      context: {},
    })
    expect(
      await errorCode(host, 'perpetrators:update', {
        caseId: second.id,
        personId: viktor.personId,
        updatedAt: viktor.updatedAt,
        person: { prs_FirstName: 'Renamed' },
        context: {},
      }),
    ).toBe('NOT_FOUND')
    const [kept] = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: first.id })
    expect(kept!.displayName).toBe('Viktor')
  })

  it('keeps analysts out of the finder (main, not only the UI)', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call(host, 'perpetrators:add', {
      caseId: made.id,
      person: { prs_FirstName: 'Viktor' },
      context: {},
    })
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'perpetrators:find', { query: 'Viktor' })).toBe('FORBIDDEN')
  })

  it('finds an alias stored with combining accents (NFD) when typed precomposed, and the reverse', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call(host, 'perpetrators:add', {
      caseId: made.id,
      person: { prs_FirstName: 'Zoe\u0301' },
      aliases: ['Rene\u0301e'],
      context: {},
    })
    for (const query of ['Renée', 'renee', 'Zoé', 'zoe\u0301'])
      expect(
        (await call<PerpetratorMatch[]>(host, 'perpetrators:find', { query })).length,
        JSON.stringify(query),
      ).toBe(1)
  })
})
