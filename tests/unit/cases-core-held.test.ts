// Behaviour of the cases core that held up when a reviewing helper attacked it: stale and racing
// edits, case numbers (deletes, years, time zones), reassignment, the caseworker's view of the list.
// Kept as regression tests. More in cases-core-held-2.test.ts.
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN, call, createdVault, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { createCaseService } from '../../main/core/cases/case-service'
import { createCaseInput } from '../../main/api/contract'
import type {
  CaseDetail,
  CasePage,
  CaseSearchHit,
  DashboardSummary,
  ListCasesInput,
  UserSummary,
} from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

async function userIds(host: Host, back: string): Promise<Record<string, number>> {
  await signInAs(host, ADMIN.username)
  const users = await call<UserSummary[]>(host, 'users:list')
  await signInAs(host, back)
  return Object.fromEntries(users.map((user) => [user.username, user.id]))
}

const searchIds = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id)

describe('stale and racing edits', () => {
  it('refuses a stale edit with CONFLICT and writes none of its parts', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const edit = { ...survivorCase(), id: created.id, version: created.version }
    const saved = await call<CaseDetail>(host, 'cases:update', {
      ...edit,
      survivor: { ...edit.survivor, prs_FirstName: 'Olha' },
    })
    const stale = await host.dispatch('cases:update', {
      ...edit,
      intakeDate: '2026-01-02',
      survivor: { prs_FirstName: 'Stale', prs_Birthdate: '1990-01-01', prs_Citizenship: ['MD'] },
      survivorAliases: ['Nikadoria'],
      victim: { vic_TraffickingStatus: 'ActualVictimOfTrafficking', vic_TypeOfExploitation: ['Servitude'] },
      events: [
        { record: { hte_Type: 'Transit', hte_Country: 'PL' } },
        { record: { hte_Type: 'Exploitation' } },
      ],
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const after = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(after).toEqual({ ...saved, updatedAt: after.updatedAt })
    expect(after.updatedAt).toBe(saved.updatedAt)
    expect((await call<CasePage>(host, 'cases:list', { exploitationType: ['Servitude'] })).total).toBe(0)
    expect((await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })).total).toBe(0)
    expect((await call<CasePage>(host, 'cases:list', { ageBand: ['36-45'] })).total).toBe(0)
    expect(await searchIds(host, 'Nikadoria')).toEqual([])
    expect(await searchIds(host, 'Olha')).toEqual([created.id])
  })

  it('lets exactly one of two racing saves from the same version through', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    const edit = (name: string) => ({
      ...survivorCase({ survivor: { prs_FirstName: name } }),
      id: created.id,
      version: created.version,
    })
    const results = await Promise.all([
      host.dispatch('cases:update', edit('Anna')),
      host.dispatch('cases:update', edit('Berta')),
    ])
    const codes = results.map((result) => (result.ok ? 'OK' : result.error.code))
    expect(codes.sort()).toEqual(['CONFLICT', 'OK'])
    const winner = results.find((result) => result.ok)!.value as CaseDetail
    const after = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    expect(after.survivor.record.prs_FirstName).toBe(winner.survivor.record.prs_FirstName)
    expect(after.version).toBe(2)
  })

  it('refuses a stale close and a stale reopen, changing nothing', async () => {
    const { host } = await staffedHost('bilal')
    const created = await createCase(host)
    await call(host, 'cases:update', { ...survivorCase(), id: created.id, version: 1 })
    expect(
      await errorCode(host, 'cases:close', { id: created.id, version: 1, status: 'Closed', reason: 'x' }),
    ).toBe('CONFLICT')
    expect(await call<CaseDetail>(host, 'cases:get', { id: created.id })).toMatchObject({
      status: 'Active',
      closureReason: null,
      version: 2,
    })
    await call(host, 'cases:close', { id: created.id, version: 2, status: 'Closed', reason: 'Moved' })
    expect(await errorCode(host, 'cases:reopen', { id: created.id, version: 2, reason: 'x' })).toBe(
      'CONFLICT',
    )
    // Only the closing reason is on the timeline: the stale reopen wrote nothing.
    const timeline = await call<{ body: string }[]>(host, 'comments:list', { caseId: created.id })
    expect(timeline.map((comment) => comment.body)).toEqual(['Moved'])
  })
})

describe('case numbers', () => {
  const timeZone = process.env.TZ
  afterEach(() => {
    if (timeZone === undefined) delete process.env.TZ
    else process.env.TZ = timeZone
  })

  it('never reuses the number of a deleted case, and numbers each intake year on its own', async () => {
    const { host } = await staffedHost('amara')
    const first = await createCase(host)
    const second = await createCase(host)
    await call(host, 'cases:delete', { id: second.id, reason: 'enteredInError' })
    const third = await createCase(host)
    const backdated = await createCase(host, survivorCase({ intakeDate: '2025-12-31' }))
    await call(host, 'cases:delete', { id: third.id, reason: 'duplicate' })
    const fourth = await createCase(host)
    expect([first, second, third, backdated, fourth].map((made) => made.caseNumber)).toEqual([
      'SHS-2026-00001',
      'SHS-2026-00002',
      'SHS-2026-00003',
      'SHS-2025-00001',
      'SHS-2026-00004',
    ])
  })

  it('numbers an intake on the new local day east of UTC in the new year, and west of UTC in the old', async () => {
    process.env.TZ = 'Pacific/Kiritimati' // UTC+14: 02:00 on 1 January 2027 there
    const east = (await createdVault({ clock: () => new Date('2026-12-31T12:00:00Z') })).vault.session()!
    const eastCase = createCaseService(east).create(
      createCaseInput.parse(survivorCase({ intakeDate: '2027-01-01' })),
    )
    expect(eastCase.caseNumber).toBe('SHS-2027-00001')
    process.env.TZ = 'America/Los_Angeles' // 19:00 on 31 December 2026 there
    const west = (await createdVault({ clock: () => new Date('2027-01-01T03:00:00Z') })).vault.session()!
    const cases = createCaseService(west)
    const local = cases.create(createCaseInput.parse(survivorCase({ intakeDate: '2026-12-31' })))
    const utc = cases.create(createCaseInput.parse(survivorCase({ intakeDate: '2027-01-01' })))
    expect([local.caseNumber, utc.caseNumber]).toEqual(['SHS-2026-00001', 'SHS-2027-00001'])
    expect(() => cases.create(createCaseInput.parse(survivorCase({ intakeDate: '2027-01-02' })))).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
  })
})

describe('reassigning a case', () => {
  it('moves the case, its timeline, perpetrators, documents and counts to the new caseworker in one save', async () => {
    const { host } = await staffedHost('dana')
    const ids = await userIds(host, 'dana')
    const made = await createCase(host, survivorCase({ assignedUserId: ids.bilal }))
    await call(host, 'comments:add', { caseId: made.id, body: 'Safe house address given verbally' })
    await call(host, 'perpetrators:add', { caseId: made.id, person: { prs_FirstName: 'Viktor' } })
    await call(host, 'attachments:add', {
      caseId: made.id,
      fileName: 'statement.txt',
      content: new TextEncoder().encode('statement'),
    })
    const view = async (username: string) => {
      await signInAs(host, username)
      const summary = await call<DashboardSummary>(host, 'dashboard:summary')
      return {
        list: (await call<CasePage>(host, 'cases:list', {})).total,
        search: (await searchIds(host, 'Kovalenko')).length,
        get: await errorCode(host, 'cases:get', { id: made.id }),
        comments: await errorCode(host, 'comments:list', { caseId: made.id }),
        perpetrators: await errorCode(host, 'perpetrators:list', { caseId: made.id }),
        attachments: await errorCode(host, 'attachments:list', { caseId: made.id }),
        myOpenCases: summary.myOpenCases.total,
      }
    }
    const sees = {
      list: 1,
      search: 1,
      get: 'OK',
      comments: 'OK',
      perpetrators: 'OK',
      attachments: 'OK',
      myOpenCases: 1,
    }
    const blind = {
      list: 0,
      search: 0,
      get: 'FORBIDDEN',
      comments: 'FORBIDDEN',
      perpetrators: 'FORBIDDEN',
      attachments: 'FORBIDDEN',
      myOpenCases: 0,
    }
    expect(await view('bilal')).toEqual(sees)
    expect(await view('chen')).toEqual(blind)
    await signInAs(host, 'dana')
    const moved = await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase(),
      id: made.id,
      version: made.version,
      assignedUserId: ids.chen,
    })
    expect(moved.assignedUserName).toBe('Chen Wei')
    expect(await view('bilal')).toEqual(blind)
    expect(await view('chen')).toEqual(sees)
    // And a caseworker cannot hand a case back to someone else.
    expect(
      await errorCode(host, 'cases:update', {
        ...survivorCase(),
        id: made.id,
        version: moved.version,
        assignedUserId: ids.bilal,
      }),
    ).toBe('FORBIDDEN')
  })
})

describe('a caseworker’s list', () => {
  it('never shows another caseworker’s case, through any filter, sort or page', async () => {
    const { host } = await staffedHost('chen')
    for (const name of ['Ana', 'Bo', 'Cem'])
      await createCase(host, survivorCase({ survivor: { prs_FirstName: name, prs_Citizenship: ['MD'] } }))
    await signInAs(host, 'bilal')
    await createCase(host)
    await createCase(host, survivorCase({ intakeDate: '2025-05-05' }))
    const ids = await userIds(host, 'bilal')
    const filters: ListCasesInput[] = [
      {},
      { assignedUserId: ids.chen },
      { citizenship: ['MD'] },
      { status: ['Active', 'FollowUp', 'Closed', 'ClosedReferred'] },
      { ageBand: ['0-11', '12-17', '18-25', '26-35', '36-45', '46+', 'unknown'] },
      { gender: ['Feminine'], exploitationType: ['ForcedLabour'] },
      { intakeFrom: '1950-01-01', intakeTo: '2026-12-31' },
    ]
    for (const filter of filters)
      for (const sortBy of ['caseNumber', 'intakeDate', 'status', 'updatedAt', 'survivorName'] as const)
        for (const sortDirection of ['asc', 'desc'] as const)
          for (const [page, pageSize] of [
            [0, 1],
            [1, 1],
            [4, 1],
            [0, 200],
            [100_000, 200],
          ] as const) {
            const result = await call<CasePage>(host, 'cases:list', {
              ...filter,
              sortBy,
              sortDirection,
              page,
              pageSize,
            })
            expect(result.total).toBeLessThanOrEqual(2)
            expect(result.rows.every((row) => row.assignedUserId === ids.bilal)).toBe(true)
          }
    expect(await searchIds(host, 'Cem')).toEqual([])
  })
})
