import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { call } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { CasePage, CaseSearchHit, CreateCaseInput } from '../../main/api/contract'
import { toFtsQuery } from '../../main/core/cases/case-search'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import { decryptAllPages, headerPageSize } from './support/sqlcipher-pages'

function person(
  first: string,
  second: string,
  extra: Record<string, unknown> = {},
): Partial<CreateCaseInput> {
  return { survivor: { prs_FirstName: first, prs_SecondName: second, ...extra }, survivorAliases: [] }
}

async function seeded() {
  const { host, dataDir, recoveryKey } = await staffedHost('dana')
  await createCase(
    host,
    survivorCase({
      ...person('Amina', 'Yusuf', {
        prs_Gender: 'Feminine',
        prs_Birthdate: '2010-01-01',
        prs_Citizenship: ['NG'],
      }),
      intakeDate: '2026-01-10',
      victim: { vic_TypeOfExploitation: ['SexualExploitation'] },
    }),
  )
  await createCase(
    host,
    survivorCase({
      ...person('Tomás', 'Reyes', {
        prs_Gender: 'Masculine',
        prs_Birthdate: '1990-05-05',
        prs_Citizenship: ['MX'],
      }),
      intakeDate: '2026-02-20',
      victim: { vic_TypeOfExploitation: ['ForcedLabour'] },
    }),
  )
  await createCase(
    host,
    survivorCase({
      ...person('Somchai', 'Boonmee', { prs_Gender: 'Masculine', prs_Citizenship: ['TH'] }),
      intakeDate: '2025-12-01',
      victim: { vic_TypeOfExploitation: ['ForcedLabour', 'Servitude'] },
    }),
  )
  return { host, dataDir, recoveryKey }
}

describe('the case list', () => {
  it('pages and sorts by an allowlisted column', async () => {
    const { host } = await seeded()
    const byIntake = await call<CasePage>(host, 'cases:list', {
      sortBy: 'intakeDate',
      sortDirection: 'asc',
      pageSize: 2,
    })
    expect(byIntake.total).toBe(3)
    expect(byIntake.rows.map((row) => row.survivorName)).toEqual(['Somchai Boonmee', 'Amina Yusuf'])
    const pageTwo = await call<CasePage>(host, 'cases:list', {
      sortBy: 'intakeDate',
      sortDirection: 'asc',
      pageSize: 2,
      page: 1,
    })
    expect(pageTwo.rows.map((row) => row.survivorName)).toEqual(['Tomás Reyes'])
    const byName = await call<CasePage>(host, 'cases:list', { sortBy: 'survivorName', sortDirection: 'desc' })
    expect(byName.rows.map((row) => row.survivorName)).toEqual([
      'Tomás Reyes',
      'Somchai Boonmee',
      'Amina Yusuf',
    ])
    const injected = await host.dispatch('cases:list', { sortBy: 'id; DROP TABLE cases' })
    expect(injected).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it.each([
    [{ gender: ['Masculine'] }, ['Somchai Boonmee', 'Tomás Reyes']],
    [{ ageBand: ['12-17'] }, ['Amina Yusuf']],
    [{ ageBand: ['unknown'] }, ['Somchai Boonmee']],
    [{ citizenship: ['MX', 'TH'] }, ['Somchai Boonmee', 'Tomás Reyes']],
    [{ exploitationType: ['ForcedLabour'] }, ['Somchai Boonmee', 'Tomás Reyes']],
    [{ intakeFrom: '2026-01-01', intakeTo: '2026-01-31' }, ['Amina Yusuf']],
    [{ status: ['Closed'] }, []],
  ])('filters by %j', async (filter, expected) => {
    const { host } = await seeded()
    const page = await call<CasePage>(host, 'cases:list', {
      ...filter,
      sortBy: 'survivorName',
      sortDirection: 'asc',
    })
    expect(page.rows.map((row) => row.survivorName)).toEqual(expected)
    expect(page.total).toBe(expected.length)
  })
})

describe('full-text search', () => {
  it('finds by name prefix, alias, case number and comment text, ignoring accents', async () => {
    const { host } = await seeded()
    const withAlias = await createCase(
      host,
      survivorCase({ ...person('Grace', 'Mensah'), survivorAliases: ['Sunshine'] }),
    )
    await call(host, 'comments:add', { caseId: withAlias.id, body: 'Met at the bus terminal in Accra' })
    const names = async (query: string) =>
      (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.survivorName)
    expect(await names('Tomas')).toEqual(['Tomás Reyes'])
    expect(await names('somch')).toEqual(['Somchai Boonmee'])
    expect(await names('Sunshine')).toEqual(['Grace Mensah'])
    expect(await names('terminal accra')).toEqual(['Grace Mensah'])
    expect(await names(withAlias.caseNumber)).toEqual(['Grace Mensah'])
  })

  it('treats FTS syntax in the query as plain words', async () => {
    expect(toFtsQuery('Amina" OR names:*')).toBe('"amina"* AND "or"* AND "names"*')
    expect(toFtsQuery('  ')).toBeNull()
    const { host } = await seeded()
    const result = await host.dispatch('cases:search', { query: 'NEAR(a b) AND "' })
    expect(result.ok).toBe(true)
  })

  it('leaves no trace of a deleted survivor’s name in any page, free pages and FTS shadow tables included', async () => {
    const { host, dataDir, recoveryKey } = await seeded()
    const marker = 'Xylophonequist'
    const created = await createCase(host, survivorCase(person(marker, 'Zed')))
    await call(host, 'comments:add', {
      caseId: created.id,
      body: `${marker} said the recruiter took her passport`,
    })
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: created.id, reason: 'enteredInError' })
    expect(await call(host, 'cases:search', { query: marker })).toEqual([])
    await call(host, 'vault:lock')
    const pages = decryptAllPages(join(dataDir, 'casevault.db'), parseRecoveryKey(recoveryKey))
    expect(headerPageSize(pages[0]!)).toBe(4096) // the decryption is right: we can read the header
    const plaintext = Buffer.concat(pages)
    expect(plaintext.includes(Buffer.from('Somchai'))).toBe(true) // live data is visible to this check
    expect(plaintext.includes(Buffer.from(marker))).toBe(false)
    // FTS5 stores tokens lower-cased: the index is where a name would linger without its secure-delete.
    expect(plaintext.includes(Buffer.from(marker.toLowerCase()))).toBe(false)
    expect(plaintext.includes(Buffer.from('recruiter took her passport'))).toBe(false)
  })
})
