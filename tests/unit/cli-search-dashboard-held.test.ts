// Edges of the command line, case search, the dashboard and the training generator that a
// reviewing helper probed and that held up; kept as regression checks.
import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BACKUP_PASSPHRASE, closedVault, runCommand } from './support/cli-run'
import { ADMIN, call, createdVault, tempDir } from './support/temp-vault'
import {
  CASEWORKER,
  OTHER_CASEWORKER,
  createCase,
  signInAs,
  staffedHost,
  survivorCase,
} from './support/case-fixtures'
import { daysFromToday, outgoingReferral } from './support/referral-fixtures'
import { fillWithSyntheticCases } from '../../main/core/training/fill-vault'
import type { Assignee, CaseDetail, CaseSearchHit, DashboardSummary } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']

const searchIds = async (host: Host, query: string) =>
  (await call<CaseSearchHit[]>(host, 'cases:search', { query })).map((hit) => hit.id)

describe('CLI edges that held', () => {
  it('--help and -h are one line and a non-zero exit', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await runCommand([flag])
      expect(result.exit).not.toBe(0)
      expect(result.err.join('\n').split('\n')).toHaveLength(1)
    }
  })

  it('status and restore with --data naming a file: one line, exit 1, the file untouched', async () => {
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'meeting notes')
    const status = await runCommand(['status', '--data', file])
    expect(status).toMatchObject({ exit: 1, err: [expect.stringMatching(/^error: /)] })
    const restore = await runCommand(
      ['restore', '--data', file, '--file', join(tempDir(), 'x.cvbackup')],
      `${BACKUP_PASSPHRASE}\n`,
    )
    expect(restore.exit).toBe(1)
    expect(restore.err).toHaveLength(1)
    expect(readFileSync(file, 'utf8')).toBe('meeting notes')
  })

  it('verify-backup of a folder: one line, exit 1', async () => {
    const result = await runCommand(['verify-backup', '--file', tempDir()], `${BACKUP_PASSPHRASE}\n`)
    expect(result.exit).toBe(1)
    expect(result.err).toHaveLength(1)
  })

  it('stdin without a trailing newline is read; an empty first line is named, not taken as a passphrase', async () => {
    const { dataDir } = await closedVault()
    const noNewline = await runCommand(
      ['verify', '--data', dataDir, '--user', ADMIN.username],
      ADMIN.passphrase,
    )
    expect(noNewline.out.at(-1)).toBe('ok')
    const emptyFirst = await runCommand(
      ['verify', '--data', dataDir, '--user', ADMIN.username],
      `\n${ADMIN.passphrase}\n`,
    )
    expect(emptyFirst).toMatchObject({ exit: 1, err: [expect.stringMatching(/line 1 of standard input/)] })
  })

  it('export --k that is not a whole number is refused before anything is written', async () => {
    const { dataDir, out } = await closedVault()
    const result = await runCommand(
      [
        'export',
        '--data',
        dataDir,
        '--user',
        ADMIN.username,
        '--format',
        'deidentified-csv',
        '--out',
        join(out, 'x.csv'),
        '--plaintext',
        '--k',
        '5.5',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result).toMatchObject({ exit: 1, err: ['error: --k must be a whole number'] })
    expect(readdirSync(out)).toEqual([])
  })
})

describe('case search edges that held', () => {
  it('finds names saved decomposed (NFD), typed composed or without accents, in several scripts', async () => {
    const { host } = await staffedHost('dana')
    const nfd = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Tomás'.normalize('NFD'), prs_SecondName: 'Peña'.normalize('NFD') },
        survivorAliases: [],
      }),
    )
    const others: [string, string][] = [
      ['Nguyễn', 'Thị Hương'],
      ['प्रिया', 'शर्मा'],
      ['สมชาย', 'บุญมี'],
      ['김민준', '이'],
      ['Олена', 'Коваленко'],
    ]
    const ids: number[] = []
    for (const [first, second] of others)
      ids.push(
        (
          await createCase(
            host,
            survivorCase({ survivor: { prs_FirstName: first, prs_SecondName: second }, survivorAliases: [] }),
          )
        ).id,
      )
    for (const query of ['Tomás', 'tomas', 'PENA', 'Peña'])
      expect(await searchIds(host, query)).toEqual([nfd.id])
    expect(await searchIds(host, 'nguyen huong')).toEqual([ids[0]])
    expect(await searchIds(host, 'प्रिया')).toEqual([ids[1]])
    expect(await searchIds(host, 'สม')).toEqual([ids[2]])
    expect(await searchIds(host, '김')).toEqual([ids[3]])
    expect(await searchIds(host, 'ОЛЕНА КОВАЛ')).toEqual([ids[4]])
  })

  it('takes FTS syntax characters as plain text, never an error', async () => {
    const { host } = await staffedHost('dana')
    const created = await createCase(host)
    for (const query of [
      '*',
      '-',
      ':',
      '"',
      'Olena*',
      '-Kovalenko',
      'names:Olena',
      'NEAR(Olena',
      '^Olena',
      '(',
      'AND',
    ]) {
      const result = await host.dispatch('cases:search', { query })
      expect(result.ok, query).toBe(true)
    }
    expect(await searchIds(host, '"Olena" -Kovalenko*')).toEqual([created.id])
  })

  it('forgets an old name and a removed alias once the case is saved without them', async () => {
    const { host } = await staffedHost('dana')
    const created = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Quillonia', prs_SecondName: 'Brandtwick' },
        survivorAliases: ['Marigoldette'],
      }),
    )
    expect(await searchIds(host, 'Marigoldette')).toEqual([created.id])
    await call<CaseDetail>(host, 'cases:update', {
      ...survivorCase({
        survivor: { prs_FirstName: 'Renata', prs_SecondName: 'Solberg' },
        survivorAliases: [],
      }),
      id: created.id,
      version: created.version,
    })
    expect(await searchIds(host, 'Quillonia')).toEqual([])
    expect(await searchIds(host, 'Brandtwick')).toEqual([])
    expect(await searchIds(host, 'Marigoldette')).toEqual([])
    expect(await searchIds(host, 'Solberg')).toEqual([created.id])
  })

  it('never shows a caseworker a colleague’s case by name, alias, perpetrator or comment', async () => {
    const { host } = await staffedHost(OTHER_CASEWORKER.username)
    const theirs = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Oksanella', prs_SecondName: 'Vantrest' },
        survivorAliases: ['Sparrowine'],
      }),
    )
    await call(host, 'perpetrators:add', {
      caseId: theirs.id,
      person: { prs_FirstName: 'Grobwick', prs_SecondName: 'Malloran' },
      aliases: ['The Ferryman'],
    })
    await call(host, 'comments:add', { caseId: theirs.id, body: 'Seen near the Zellbrook quarry' })
    await signInAs(host, CASEWORKER.username)
    const mine = await createCase(
      host,
      survivorCase({
        survivor: { prs_FirstName: 'Oksanella', prs_SecondName: 'Dunmore' },
        survivorAliases: [],
      }),
    )
    for (const query of ['Vantrest', 'Sparrowine', 'Grobwick', 'Ferryman', 'Zellbrook'])
      expect(await searchIds(host, query), query).toEqual([])
    expect(await searchIds(host, 'Oksanella')).toEqual([mine.id])
  })
})

describe('dashboard edges that held', () => {
  it('moves a case’s overdue follow-up from one caseworker’s dashboard to the other’s when it is reassigned', async () => {
    const { host } = await staffedHost(CASEWORKER.username)
    const created = await createCase(host)
    await call(host, 'referrals:create', { ...outgoingReferral(created.id), followUpDate: daysFromToday(-3) })
    await call(host, 'referrals:createSupportPlan', {
      caseId: created.id,
      type: 'Legal',
      objectives: 'Court hearing support.',
      startDate: '2026-03-15',
      followUpDate: daysFromToday(-1),
    })
    const before = await call<DashboardSummary>(host, 'dashboard:summary')
    expect(before.overdueFollowUps.total).toBe(2)

    await signInAs(host, 'dana')
    const chen = (await call<Assignee[]>(host, 'users:assignable')).find(
      (user) => user.displayName === OTHER_CASEWORKER.displayName,
    )!
    const current = await call<CaseDetail>(host, 'cases:get', { id: created.id })
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: created.id,
      version: current.version,
      assignedUserId: chen.id,
    })

    await signInAs(host, CASEWORKER.username)
    const old = await call<DashboardSummary>(host, 'dashboard:summary')
    expect(old.overdueFollowUps).toEqual({ total: 0, items: [] })
    expect(old.myOpenCases.total).toBe(0)

    await signInAs(host, OTHER_CASEWORKER.username)
    const next = await call<DashboardSummary>(host, 'dashboard:summary')
    expect(next.overdueFollowUps.total).toBe(2)
    expect(next.overdueFollowUps.items.map((item) => item.caseId)).toEqual([created.id, created.id])
    expect(next.myOpenCases.items.map((item) => item.id)).toEqual([created.id])
  })
})

describe('the training generator at the edges of the world’s time zones', () => {
  // The services check dates against the local day and UTC; the generator's story clock is
  // midday UTC. Near midnight in UTC+14 and UTC−11 every record still passes those checks.
  it.each([['Pacific/Kiritimati'], ['Pacific/Auckland'], ['Pacific/Pago_Pago']])(
    'fills a vault in %s just before midnight UTC',
    async (zone) => {
      const previous = process.env.TZ
      process.env.TZ = zone
      try {
        const now = new Date('2026-01-10T23:30:00Z')
        const { vault } = await createdVault({ clock: () => now })
        const session = vault.session()!
        const at = now.toISOString()
        const staff = ['bilal', 'chen'].map(
          (username) => session.users.insert({ username, displayName: username, role: 'caseworker' }, at).id,
        )
        const filled = fillWithSyntheticCases(session, 150, { seed: 3, assignees: staff })
        expect(filled.cases).toBe(150)
        expect(filled.casework?.supportPlans).toBeGreaterThan(0)
      } finally {
        if (previous === undefined) delete process.env.TZ
        else process.env.TZ = previous
      }
    },
  )
})
