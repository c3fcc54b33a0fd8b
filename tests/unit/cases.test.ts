import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase, OTHER_CASEWORKER } from './support/case-fixtures'
import type { CaseDetail, CasePage } from '../../main/api/contract'

async function validationIssues(
  host: Awaited<ReturnType<typeof staffedHost>>['host'],
  channel: string,
  input: unknown,
) {
  const result = await host.dispatch(channel, input)
  if (result.ok) throw new Error('expected a validation error')
  expect(result.error.code).toBe('VALIDATION')
  return (result.error.details?.issues as { path: string }[]).map((issue) => issue.path)
}

describe('creating and reading cases', () => {
  it('creates a case with a generated number, derived columns and the full HTCDS record', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    expect(created.caseNumber).toMatch(/^SHS-2026-00001$/)
    expect(created).toMatchObject({
      status: 'Active',
      version: 1,
      assignedUserName: 'Bilal Haddad',
      survivor: { record: { prs_FirstName: 'Olena', prs_Citizenship: ['UA'] }, aliases: ['Lena'] },
      victim: { vic_TypeOfExploitation: ['ForcedLabour'] },
    })
    expect(created.events).toHaveLength(1)
    const second = await createCase(host)
    expect(second.caseNumber).toBe('SHS-2026-00002')
    const page = await call<CasePage>(host, 'cases:list', {})
    expect(page.total).toBe(2)
    expect(page.rows[0]).toMatchObject({
      survivorName: 'Olena Kovalenko',
      ageBand: '18-25',
      citizenship: 'UA',
      gender: 'Feminine',
    })
  })

  it('names every bad field: unknown code, wrong type, unknown field, deprecated field, impossible date', async () => {
    const { host } = await staffedHost('bilal')
    const paths = await validationIssues(
      host,
      'cases:create',
      survivorCase({
        survivor: {
          prs_FirstName: 'Olena',
          prs_Gender: 'Martian',
          prs_NumberOfChildren: 'two',
          prs_Birthdate: '2001-02-30',
          prs_ShoeSize: 40,
        },
        victim: { vic_Vulnerabilities: ['Poverty'], vic_TypeOfExploitation: ['ForcedLabour', 'NotACode'] },
      }),
    )
    expect(paths).toEqual(
      expect.arrayContaining([
        'survivor.prs_Gender',
        'survivor.prs_NumberOfChildren',
        'survivor.prs_Birthdate',
        expect.stringMatching(/^survivor\.(prs_ShoeSize)?$/),
        expect.stringMatching(/^victim\.vic_Vulnerabilities/),
        expect.stringMatching(/^victim\.vic_TypeOfExploitation/),
      ]),
    )
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
  })

  it('requires a name or alias for the survivor', async () => {
    const { host } = await staffedHost('bilal')
    const paths = await validationIssues(
      host,
      'cases:create',
      survivorCase({ survivor: { prs_Gender: 'Feminine' }, survivorAliases: [] }),
    )
    expect(paths).toEqual(['survivor.prs_FirstName'])
    await expect(
      createCase(host, survivorCase({ survivor: {}, survivorAliases: ['Star'] })),
    ).resolves.toMatchObject({})
  })

  it('refuses status and owner smuggled through the record', async () => {
    const { host } = await staffedHost('bilal')
    const paths = await validationIssues(
      host,
      'cases:create',
      survivorCase({ details: { cas_Status: 'Closed' } }),
    )
    expect(paths).toEqual(['details.cas_Status'])
  })

  it('writes an audit row for every read and change, without the survivor’s name', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    await call(host, 'cases:get', { id: created.id })
    await signInAs(host, 'amara')
    const entries = await call<{ action: string; target: string }[]>(host, 'audit:list', { limit: 100 })
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.created', 'case.read']),
    )
    const text = JSON.stringify(entries)
    expect(text).not.toContain('Olena')
    expect(text).not.toContain('Kovalenko')
  })
})

describe('who sees which case', () => {
  it('shows caseworkers only their assigned cases; supervisors all; analysts none', async () => {
    const { host } = await staffedHost('bilal')
    const mine = await createCase(host)
    await signInAs(host, 'chen')
    await createCase(host)
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
    expect(await errorCode(host, 'cases:get', { id: mine.id })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'comments:list', { caseId: mine.id })).toBe('FORBIDDEN')
    expect(await call(host, 'cases:search', { query: 'Olena' })).toHaveLength(1)
    await signInAs(host, 'dana')
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(2)
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'cases:list', {})).toBe('FORBIDDEN')
    expect(await errorCode(host, 'cases:get', { id: mine.id })).toBe('FORBIDDEN')
  })

  it('lets caseworkers assign only to themselves, supervisors to any active caseworker', async () => {
    const { host } = await staffedHost('bilal')
    const users = await (async () => {
      await signInAs(host, 'amara')
      const list = await call<{ id: number; username: string }[]>(host, 'users:list')
      return Object.fromEntries(list.map((user) => [user.username, user.id]))
    })()
    await signInAs(host, 'bilal')
    expect(await errorCode(host, 'cases:create', survivorCase({ assignedUserId: users.chen }))).toBe(
      'FORBIDDEN',
    )
    await signInAs(host, 'dana')
    const assigned = await createCase(host, survivorCase({ assignedUserId: users.chen }))
    expect(assigned.assignedUserName).toBe(OTHER_CASEWORKER.displayName)
    expect(await errorCode(host, 'cases:create', survivorCase({ assignedUserId: users.eli }))).toBe(
      'VALIDATION',
    )
  })
})

describe('updating with optimistic concurrency', () => {
  it('saves with the current version and refuses a stale one with CONFLICT, changing nothing', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const edit = { ...survivorCase(), id: created.id, version: created.version }
    const saved = await call<CaseDetail>(host, 'cases:update', {
      ...edit,
      survivor: { ...edit.survivor, prs_FirstName: 'Olha' },
      events: [{ id: created.events[0]!.id, record: { hte_Type: 'Exploitation', hte_Country: 'PL' } }],
    })
    expect(saved.version).toBe(2)
    expect(saved.events).toEqual([
      { id: created.events[0]!.id, record: { hte_Type: 'Exploitation', hte_Country: 'PL' } },
    ])
    const stale = await host.dispatch('cases:update', {
      ...edit,
      survivor: { ...edit.survivor, prs_FirstName: 'Stale' },
    })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { yourVersion: 1, currentVersion: 2 } },
    })
    const current = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(current.survivor.record.prs_FirstName).toBe('Olha')
  })

  it('refuses an event id that belongs to another case', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host)
    const result = await host.dispatch('cases:update', {
      ...survivorCase(),
      id: second.id,
      version: 1,
      events: [{ id: first.events[0]!.id, record: { hte_Type: 'Transit' } }],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect((await call<CaseDetail>(host, 'cases:get', { id: first.id })).events[0]!.record.hte_Type).toBe(
      'Recruitment',
    )
  })
})

describe('closing, reopening and deleting', () => {
  it('closes with a reason, refuses a second close, reopens with the reason on the timeline', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const closed = await call<CaseDetail>(host, 'cases:close', {
      id: created.id,
      version: 1,
      status: 'ClosedReferred',
      reason: 'Referred to shelter',
    })
    expect(closed).toMatchObject({
      status: 'ClosedReferred',
      closureReason: 'Referred to shelter',
      version: 2,
    })
    expect(
      await errorCode(host, 'cases:close', { id: created.id, version: 2, status: 'Closed', reason: 'again' }),
    ).toBe('CONFLICT')
    const reopened = await call<CaseDetail>(host, 'cases:reopen', {
      id: created.id,
      version: 2,
      reason: 'Came back for legal help',
    })
    expect(reopened).toMatchObject({ status: 'Active', closureReason: null })
    const comments = await call<{ body: string }[]>(host, 'comments:list', { caseId: created.id })
    // Both reasons stay on the timeline: why it was closed, and why it was reopened.
    expect(comments.map((comment) => comment.body)).toEqual([
      'Referred to shelter',
      'Came back for legal help',
    ])
  })

  it('lets only admins delete, removes the survivor and the search entry, and audits the reason', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    expect(await errorCode(host, 'cases:delete', { id: created.id, reason: 'duplicate' })).toBe('FORBIDDEN')
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: created.id, reason: 'duplicate' })
    expect(await errorCode(host, 'cases:get', { id: created.id })).toBe('NOT_FOUND')
    expect(await call(host, 'cases:search', { query: 'Kovalenko' })).toEqual([])
    const entries = await call<{ action: string; details: unknown }[]>(host, 'audit:list', { limit: 5 })
    expect(entries).toContainEqual(
      expect.objectContaining({
        action: 'case.deleted',
        details: {
          caseNumber: created.caseNumber,
          reason: 'duplicate',
          intakeYear: Number(created.intakeDate.slice(0, 4)),
        },
      }),
    )
  })
})
