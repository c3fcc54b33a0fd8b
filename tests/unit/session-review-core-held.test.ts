// Checks of today's changes (8119ace..HEAD) that PASS and are worth keeping, from a reviewing
// helper's hunt. Real encrypted vaults only.
import { describe, expect, it } from 'vitest'
import type { VaultDatabase } from '../../main/core/db/connection'
import { ADMIN, call, testVault } from './support/temp-vault'
import { createCase, staffedHost, survivorCase } from './support/case-fixtures'
import { caseWithReferral } from './support/referral-fixtures'
import type { CaseDetail, CasePage, CaseSearchHit, PerpetratorMatch } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const found = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id)

/** Reads the vault's database directly (host locked meanwhile), then unlocks the host again. */
async function withDb<T>(host: Host, dataDir: string, read: (db: VaultDatabase) => T) {
  await call(host, 'vault:lock')
  const direct = testVault({ dataDir })
  const { db } = await direct.unlock(ADMIN.username, ADMIN.passphrase)
  const value = read(db)
  direct.lock('user')
  await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
  return value
}

describe('held: search and finder', () => {
  it('FTS syntax in a query is plain text, never an error', async () => {
    const { host } = await staffedHost('dana')
    await createCase(host)
    for (const query of [
      'NEAR(Olena Lena)',
      'names:Olena',
      'folded:olena',
      '*',
      '"',
      '(',
      'Olena OR',
      '^Olena',
    ])
      expect((await host.dispatch('cases:search', { query })).ok).toBe(true)
    expect(await found(host, 'Olena')).toHaveLength(1)
  })

  it('the finder escapes LIKE: % and _ find nobody, n_a does not match Anna', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(host)
    const person = { prs_FirstName: 'Anna', prs_SecondName: 'Smith' }
    await call(host, 'perpetrators:add', { caseId: made.id, person, aliases: ['Annie'], context: {} })
    const find = (query: string) => call<PerpetratorMatch[]>(host, 'perpetrators:find', { query })
    expect(await find('%')).toEqual([])
    expect(await find('_')).toEqual([])
    expect(await find('n_a')).toEqual([])
    expect((await find('ANNIE')).map((m) => m.displayName)).toEqual(['Anna Smith'])
  })

  it('an Arabic name typed as written is found (the stray-mark defect’s baseline)', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'فاطمة' }, survivorAliases: [] }),
    )
    expect(await found(host, 'فاطمه')).toEqual([made.id])
  })

  it('a vault at schema 8 is re-indexed by 0009 and filled by 0010 on unlock', async () => {
    const { host, dataDir } = await staffedHost('dana')
    const made = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Σοφία', prs_Citizenship: ['UA', 'MD'] },
        survivorAliases: [],
      }),
    )
    await call(host, 'perpetrators:add', {
      caseId: made.id,
      person: { prs_FirstName: 'Пётр' },
      aliases: ['Бос'],
      context: {},
    })
    await withDb(host, dataDir, (db) =>
      db.exec(`DROP TABLE person_citizenships; DROP TABLE case_search;
        CREATE VIRTUAL TABLE case_search USING fts5 (case_number, names, notes);
        PRAGMA user_version = 8;`),
    )
    expect(await found(host, 'σοφια')).toEqual([made.id])
    expect(await found(host, 'Петр')).toEqual([made.id])
    expect((await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })).total).toBe(1)
  })
})

describe('held: deletion, closing, dates, languages', () => {
  it('deleting a case leaves no citizenship row and no search row of its survivor', async () => {
    const { host, dataDir } = await staffedHost('amara')
    const made = await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['UA', 'MD'] } }),
    )
    await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Eva', prs_Citizenship: ['RO'] } }))
    await call(host, 'cases:delete', { id: made.id, reason: 'survivorRequest' })
    const left = await withDb(host, dataDir, (db) => ({
      codes: db.prepare('SELECT code FROM person_citizenships ORDER BY code').pluck().all(),
      orphans: db
        .prepare('SELECT count(*) FROM person_citizenships WHERE person_id NOT IN (SELECT id FROM persons)')
        .pluck()
        .get(),
      search: db.prepare('SELECT count(*) FROM case_search WHERE rowid = ?').pluck().get(made.id),
    }))
    // Only second and later citizenships are kept in the table (migration 0010): Eva's one is not.
    expect(left).toEqual({ codes: [], orphans: 0, search: 0 })
    expect((await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })).total).toBe(0)
  })

  it('a typed deletion reason is a clear VALIDATION refusal, not INTERNAL', async () => {
    const { host } = await staffedHost('amara')
    const made = await createCase(host)
    const result = await host.dispatch('cases:delete', { id: made.id, reason: 'Olena asked to be forgotten' })
    expect(result.ok ? 'OK' : result.error.code).toBe('VALIDATION')
  })

  it('a citizenship changed by an edit moves the filter with it', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['UA', 'MD'] } }),
    )
    await call(host, 'cases:update', {
      ...survivorCase({ survivor: { prs_FirstName: 'Ana', prs_Citizenship: ['RO'] } }),
      id: made.id,
      version: made.version,
    })
    const total = async (code: string) =>
      (await call<CasePage>(host, 'cases:list', { citizenship: [code] })).total
    expect([await total('MD'), await total('RO')]).toEqual([0, 1])
  })

  it('close then reopen: the closing reason stays on the timeline', async () => {
    const { host } = await staffedHost('dana')
    const made = await createCase(host)
    const closed = await call<CaseDetail>(host, 'cases:close', {
      id: made.id,
      version: made.version,
      status: 'ClosedReferred',
      reason: 'Referred to La Strada',
    })
    await call(host, 'cases:reopen', { id: made.id, version: closed.version, reason: 'Back again' })
    const comments = await call<{ body: string }[]>(host, 'comments:list', { caseId: made.id })
    expect(comments.map((comment) => comment.body)).toEqual(
      expect.arrayContaining(['Referred to La Strada', 'Back again']),
    )
  })

  it('a referral step before the referral date names its rule', async () => {
    const { host, referral } = await caseWithReferral()
    const result = await host.dispatch('referrals:transition', {
      id: referral.id,
      version: referral.version,
      to: 'sent',
      on: '2026-03-01',
    })
    const issues = result.ok ? [] : ((result.error.details?.issues ?? []) as { path: string; code: string }[])
    expect(issues).toEqual([expect.objectContaining({ path: 'on', code: 'before_referral_date' })])
  })

  it('Hmong (hmn), with no two-letter code, can be recorded; an unknown code cannot', async () => {
    const { host } = await staffedHost('dana')
    const code = async (language: string) => {
      const result = await host.dispatch(
        'cases:create',
        survivorCase({ survivor: { prs_FirstName: 'Mai', prs_PrimaryLanguage: language } }),
      )
      return result.ok ? 'OK' : result.error.code
    }
    expect([await code('hmn'), await code('fil'), await code('xx1')]).toEqual(['OK', 'OK', 'VALIDATION'])
  })
})
