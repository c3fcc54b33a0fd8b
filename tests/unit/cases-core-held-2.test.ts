// Behaviour of the cases core that held up when a reviewing helper attacked it (continued from
// cases-core-held.test.ts): the timeline, age at intake, closed cases, shared perpetrators, roles and
// hostile payloads. Kept as regression tests.
import { describe, expect, it } from 'vitest'
import { call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import type { CaseComment, CaseDetail, CasePage, CasePerpetrator } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

describe('the timeline', () => {
  it('keeps comments in order, with their author’s name after the author is deactivated', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    for (const body of ['First call', 'Second call', '  Third call  '])
      await call(host, 'comments:add', { caseId: made.id, body })
    const longest = 'x'.repeat(20_000)
    await call(host, 'comments:add', { caseId: made.id, body: longest })
    expect(await errorCode(host, 'comments:add', { caseId: made.id, body: ' \n\t ' })).toBe('VALIDATION')
    expect(await errorCode(host, 'comments:add', { caseId: 999_999, body: 'x' })).toBe('NOT_FOUND')
    await signInAs(host, 'amara')
    await call(host, 'users:deactivate', { username: 'bilal' })
    const comments = await call<CaseComment[]>(host, 'comments:list', { caseId: made.id })
    expect(comments.map((comment) => comment.body)).toEqual([
      'First call',
      'Second call',
      'Third call',
      longest,
    ])
    expect(new Set(comments.map((comment) => comment.authorName))).toEqual(new Set(['Bilal Haddad']))
    expect(comments.map((comment) => comment.id)).toEqual(
      [...comments.map((comment) => comment.id)].sort((a, b) => a - b),
    )
  })
})

describe('age at intake', () => {
  async function bandOf(host: Host, birthdate: string, intakeDate: string) {
    const made = await createCase(
      host,
      survivorCase({ intakeDate, survivor: { prs_FirstName: 'Ama', prs_Birthdate: birthdate }, events: [] }),
    )
    const page = await call<CasePage>(host, 'cases:list', { pageSize: 200 })
    return page.rows.find((row) => row.id === made.id)!.ageBand
  }

  it('counts the birthday itself, a 29 February birthday, and every band edge', async () => {
    const { host } = await staffedHost('bilal')
    expect(await bandOf(host, '2008-03-14', '2026-03-13')).toBe('12-17')
    expect(await bandOf(host, '2008-03-14', '2026-03-14')).toBe('18-25')
    expect(await bandOf(host, '2008-02-29', '2026-02-28')).toBe('12-17')
    expect(await bandOf(host, '2008-02-29', '2026-03-01')).toBe('18-25')
    expect(await bandOf(host, '2014-03-14', '2026-03-14')).toBe('12-17')
    expect(await bandOf(host, '2014-03-15', '2026-03-14')).toBe('0-11')
    expect(await bandOf(host, '1980-03-14', '2026-03-14')).toBe('46+')
    expect(await bandOf(host, '2026-03-14', '2026-03-14')).toBe('0-11')
  })

  it('computes the age again when the intake date or the birthdate is corrected', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(
      host,
      survivorCase({ survivor: { prs_FirstName: 'Ama', prs_Birthdate: '2008-01-01' } }),
    )
    const band = async () => (await call<CasePage>(host, 'cases:list', {})).rows[0]!.ageBand
    expect(await band()).toBe('18-25')
    const saved = await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase({
        intakeDate: '2026-01-01',
        survivor: { prs_FirstName: 'Ama', prs_Birthdate: '2008-01-02' },
      }),
      id: made.id,
      version: made.version,
    })
    expect(await band()).toBe('12-17')
    await call(host, 'cases:update', {
      ...survivorCase({ intakeDate: '2026-01-01', survivor: { prs_FirstName: 'Ama' } }),
      id: made.id,
      version: saved.version,
    })
    expect(await band()).toBe('unknown')
  })
})

describe('closed cases', () => {
  it('keeps a closed case closed, with its reason, when its record is edited; reopens a referred one', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    const closed = await call<CaseDetail>(host, 'cases:close', {
      id: made.id,
      version: 1,
      status: 'ClosedReferred',
      reason: '  Referred to shelter  ',
    })
    expect(closed).toMatchObject({ status: 'ClosedReferred', closureReason: 'Referred to shelter' })
    const edited = await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase(),
      id: made.id,
      version: 2,
    })
    expect(edited).toMatchObject({
      status: 'ClosedReferred',
      closureReason: 'Referred to shelter',
      version: 3,
    })
    expect(
      await errorCode(host, 'cases:close', { id: made.id, version: 3, status: 'Closed', reason: 'x' }),
    ).toBe('CONFLICT')
    const reopened = await call<CaseDetail>(host, 'cases:reopen', { id: made.id, version: 3, reason: 'Back' })
    expect(reopened).toMatchObject({ status: 'Active', closureReason: null, version: 4 })
    expect(await errorCode(host, 'cases:reopen', { id: made.id, version: 4, reason: 'Again' })).toBe(
      'CONFLICT',
    )
    expect(
      await errorCode(host, 'cases:close', { id: made.id, version: 4, status: 'Closed', reason: '   ' }),
    ).toBe('VALIDATION')
    expect(
      await errorCode(host, 'cases:close', { id: made.id, version: 4, status: 'Active', reason: 'x' }),
    ).toBe('VALIDATION')
  })
})

describe('a perpetrator shared by two cases', () => {
  it('shares the person but keeps each case’s role in the crime to that case', async () => {
    const { host } = await staffedHost('bilal')
    const first = await createCase(host)
    const second = await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Marta' } }))
    const person = await call<CasePerpetrator>(host, 'perpetrators:add', {
      caseId: first.id,
      person: { prs_FirstName: 'Viktor' },
      context: { per_RoleInProcess: ['Exploiter'] },
    })
    await call(host, 'perpetrators:add', { caseId: second.id, existingPersonId: person.personId })
    await call(host, 'perpetrators:update', {
      caseId: second.id,
      personId: person.personId,
      updatedAt: person.updatedAt,
      person: { prs_FirstName: 'Viktor', prs_SecondName: 'Zarubin' },
      context: { per_RoleInProcess: ['Transporter'] },
    })
    const [inFirst] = await call<CasePerpetrator[]>(host, 'perpetrators:list', { caseId: first.id })
    expect(inFirst).toMatchObject({
      displayName: 'Viktor Zarubin',
      context: { per_RoleInProcess: ['Exploiter'] },
      otherCaseCount: 1,
    })
    // Editing the survivor of one case never touches another case's survivor.
    await call(host, 'cases:update', {
      ...survivorCase({ survivor: { prs_FirstName: 'Olha' } }),
      id: first.id,
      version: first.version,
    })
    const other = await call<CaseDetail>(host, 'cases:get', { id: second.id })
    expect(other.survivor.record.prs_FirstName).toBe('Marta')
    expect(other.survivor.id).not.toBe(first.survivor.id)
  })
})

describe('roles', () => {
  it('refuses analysts every case-changing channel and caseworkers deletion', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    expect(await errorCode(host, 'cases:delete', { id: made.id, reason: 'duplicate' })).toBe('FORBIDDEN')
    await signInAs(host, 'eli')
    const calls: [string, unknown][] = [
      ['cases:create', survivorCase()],
      ['cases:update', { ...survivorCase(), id: made.id, version: 1 }],
      ['cases:close', { id: made.id, version: 1, status: 'Closed', reason: 'x' }],
      ['cases:reopen', { id: made.id, version: 1, reason: 'x' }],
      ['comments:add', { caseId: made.id, body: 'x' }],
      ['perpetrators:add', { caseId: made.id, person: { prs_FirstName: 'X' } }],
      ['cases:delete', { id: made.id, reason: 'duplicate' }],
    ]
    for (const [channel, input] of calls)
      expect(await errorCode(host, channel, input), channel).toBe('FORBIDDEN')
    await signInAs(host, 'bilal')
    expect(await call<CaseDetail>(host, 'cases:get', { id: made.id })).toMatchObject({ version: 1 })
  })
})

describe('hostile payloads', () => {
  it('answers VALIDATION naming the field, never INTERNAL, and stores nothing', async () => {
    const { host } = await staffedHost('bilal')
    const base = survivorCase()
    const deep = JSON.parse('['.repeat(3000) + ']'.repeat(3000)) as unknown
    const manyKeys = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`prs_X${i}`, 1]))
    const attempts: [unknown, string][] = [
      [
        { ...base, survivor: { prs_FirstName: 'A', prs_NumberOfChildren: Number.NaN } },
        'survivor.prs_NumberOfChildren',
      ],
      [
        { ...base, survivor: { prs_FirstName: 'A', prs_MailingLatitude: Infinity } },
        'survivor.prs_MailingLatitude',
      ],
      [
        { ...base, survivor: { prs_FirstName: 'A', prs_NumberOfChildren: 2n } },
        'survivor.prs_NumberOfChildren',
      ],
      [{ ...base, survivor: { prs_FirstName: 'A', prs_Title: deep } }, 'survivor.prs_Title'],
      [
        { ...base, survivor: { prs_FirstName: 'A', prs_Citizenship: Array(100_000).fill('UA') } },
        'survivor.prs_Citizenship',
      ],
      [{ ...base, victim: { constructor: 'x' } }, 'victim.constructor'],
      [{ ...base, details: { toString: 'x' } }, 'details.toString'],
      [{ ...base, details: { cas_CaseOwner: 2 } }, 'details.cas_CaseOwner'],
      [
        { ...base, events: [{ record: { hte_Type: 'Transit', vic_TraffickingStatus: 'x' } }] },
        'events.0.vic_TraffickingStatus',
      ],
      [{ ...base, victim: { vic_LocationOfRecruitment: 2 ** 60 } }, 'victim.vic_LocationOfRecruitment'],
      [{ ...base, events: [{ record: { hte_Date: '2025-02-29' } }] }, 'events.0.hte_Date'],
      [{ ...base, survivor: { prs_FirstName: 'A'.repeat(1001) } }, 'survivor.prs_FirstName'],
      [{ ...base, survivor: manyKeys }, 'survivor'],
      [{ ...base, survivor: { ['k'.repeat(81)]: 1 } }, 'survivor'],
      [{ ...base, events: Array(201).fill({ record: {} }) }, 'events'],
      [{ ...base, survivorAliases: Array(21).fill('a') }, 'survivorAliases'],
      [{ ...base, survivorAliases: ['  '] }, 'survivorAliases.0'],
      [{ ...base, intakeDate: '2026-02-30' }, 'intakeDate'],
      [{ ...base, assignedUserId: 1.5 }, 'assignedUserId'],
    ]
    for (const [input, path] of attempts) {
      const result = await host.dispatch('cases:create', input)
      const paths = result.ok
        ? []
        : ((result.error.details?.issues ?? []) as { path: string }[]).map((i) => i.path)
      expect(
        { code: result.ok ? 'OK' : result.error.code, named: paths.some((p) => p.startsWith(path)) },
        path,
      ).toEqual({
        code: 'VALIDATION',
        named: true,
      })
    }
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(0)
  })
})
