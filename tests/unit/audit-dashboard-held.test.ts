// Audit log, dashboard and reports: behaviour that held up under review, kept as regression tests.
// Real encrypted vaults throughout (temp-vault helpers); no mocked database.
import { afterEach, describe, expect, it } from 'vitest'
import { createApiHost } from '../../main/api/host'
import { backupHandlers } from '../../main/api/backup'
import type { HandlerContext } from '../../main/api/handler'
import {
  ADMIN,
  call,
  createdVault,
  errorCode,
  folderFileAccess,
  tempDir,
  TEST_KDF,
} from './support/temp-vault'
import { createCase, signInAs, staffedHost, survivorCase } from './support/case-fixtures'
import { daysFromToday, outgoingReferral, step, survivorConsent } from './support/referral-fixtures'
import { aggregateTables } from '../../main/core/export/aggregates'
import type { DeidentifiedCase } from '../../main/core/export/deidentified-source'
import type { AuditEntry, DashboardSummary, ReferralDetail, SupportPlan } from '../../main/api/contract'

type Host = Awaited<ReturnType<typeof staffedHost>>['host']
const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')
const followUpIds = (list: DashboardSummary['overdueFollowUps']) => list.items.map((i) => `${i.kind}:${i.id}`)

const previousTz = process.env.TZ
afterEach(() => {
  if (previousTz === undefined) delete process.env.TZ
  else process.env.TZ = previousTz
})

/** A staffed vault whose clock the test sets (`clock.now`), signed in as bilal. */
async function clockedHost(start: string) {
  const clock = { now: new Date(start) }
  const host = createApiHost({
    dataDir: tempDir(),
    kdf: TEST_KDF,
    allowKdfBelowFloor: true,
    files: folderFileAccess().files,
    exportWorker: null,
    clock: () => clock.now,
  })
  await call(host, 'vault:create', ADMIN)
  await call(host, 'users:create', {
    username: 'bilal',
    displayName: 'Bilal Haddad',
    role: 'caseworker',
    passphrase: 'bilal passphrase 1',
  })
  await signInAs(host, 'bilal')
  return { host, clock }
}

describe('audit chain: tampering is found', () => {
  async function tenRows() {
    const { vault } = await createdVault()
    const { audit, db } = vault.session()!
    for (let i = 0; i < 9; i += 1) audit.append({ actor: 'amara', action: 'case.read', target: `case:${i}` })
    db.exec('DROP TRIGGER audit_log_no_update')
    db.exec('DROP TRIGGER audit_log_no_delete')
    return { audit, db }
  }

  it('two entries swapped (reordered, each keeping its own hash) break the chain at the first', async () => {
    const { audit, db } = await tenRows()
    const row = (id: number) =>
      db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as Record<string, unknown>
    const [four, five] = [row(4), row(5)]
    db.prepare('DELETE FROM audit_log WHERE id IN (4, 5)').run()
    const insert = db.prepare(
      'INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash) VALUES (@id, @at, @actor, @action, @target, @details, @prev_hash, @hash)',
    )
    insert.run({ ...five, id: 4 })
    insert.run({ ...four, id: 5 })
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 4 })
  })

  it('an entry slipped in between (later ids shifted up by one) breaks the chain where it went in', async () => {
    const { audit, db } = await tenRows()
    db.exec('UPDATE audit_log SET id = id + 100 WHERE id >= 6')
    db.exec('UPDATE audit_log SET id = id - 99 WHERE id >= 106')
    const prev = (db.prepare('SELECT hash FROM audit_log WHERE id = 5').get() as { hash: string }).hash
    db.prepare(
      "INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash) VALUES (6, '2026-01-01T00:00:00.000Z', 'amara', 'case.read', 'case:77', NULL, ?, ?)",
    ).run(prev, 'b'.repeat(64))
    expect(audit.verify()).toMatchObject({ ok: false, firstBrokenId: 6 })
  })
})

describe('audit log API: who reads it, what it takes', () => {
  it('refuses caseworkers and analysts (and records the refusal); admins read newest first', async () => {
    const { host } = await staffedHost('bilal')
    expect(await errorCode(host, 'audit:list', { limit: 10 })).toBe('FORBIDDEN')
    expect(await errorCode(host, 'audit:verify')).toBe('FORBIDDEN')
    await signInAs(host, 'eli')
    expect(await errorCode(host, 'audit:list', { limit: 10 })).toBe('FORBIDDEN')
    await signInAs(host, 'amara')
    const rows = await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })
    const denied = rows.filter((r) => r.action === 'access.denied').map((r) => r.actor)
    expect(denied.sort()).toEqual(['bilal', 'bilal', 'eli'])
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a))
  })

  it.each([
    ['no input', undefined],
    ['null', null],
    ['a string', 'x'],
    ['limit 0', { limit: 0 }],
    ['limit 501', { limit: 501 }],
    ['limit as text', { limit: '5' }],
    ['limit 1e308', { limit: 1e308 }],
    ['limit NaN', { limit: Number.NaN }],
    ['limit 2.5', { limit: 2.5 }],
    ['beforeId 0', { beforeId: 0 }],
    ['beforeId negative', { beforeId: -3 }],
    ['beforeId 2^60', { beforeId: 2 ** 60 }],
    ['target with SQL', { target: "case:1' OR '1'='1" }],
    ['target with a newline', { target: 'case:1\n' }],
    ['target as array', { target: ['case:1'] }],
    ['target as object', { target: { toString: 'case:1' } }],
  ])('hostile audit:list input (%s) → VALIDATION, never INTERNAL', async (_name, input) => {
    const { host } = await staffedHost()
    expect(await errorCode(host, 'audit:list', input)).toBe('VALIDATION')
  })

  it('pages by beforeId stay gap-free and duplicate-free while entries are being added', async () => {
    const { host } = await staffedHost()
    const first = await call<AuditEntry[]>(host, 'audit:list', { limit: 3 })
    for (let i = 0; i < 4; i += 1) await createCase(host)
    const seen = [...first]
    for (;;) {
      const page = await call<AuditEntry[]>(host, 'audit:list', { limit: 3, beforeId: seen.at(-1)!.id })
      if (page.length === 0) break
      seen.push(...page)
      await createCase(host) // more rows arrive between pages
    }
    const ids = seen.map((r) => r.id)
    expect(ids).toEqual(Array.from({ length: first[0]!.id }, (_, i) => first[0]!.id - i))
  })

  it('the usual casework writes no survivor name or birth date into the audit log', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call(host, 'cases:get', { id: made.id })
    await call(host, 'cases:search', { query: 'Olena' })
    await call(host, 'cases:close', {
      id: made.id,
      version: made.version,
      status: 'Closed',
      reason: 'Olena moved',
    })
    await signInAs(host, 'amara')
    const rows = await call<AuditEntry[]>(host, 'audit:list', { limit: 500 })
    expect(JSON.stringify(rows)).not.toMatch(/Olena|Kovalenko|Lena|2001-07-02/)
  })
})

describe('dashboard: what is due, and for whom', () => {
  it('at local midnight in Auckland (still yesterday in UTC) today’s item moves from due to overdue', async () => {
    process.env.TZ = 'Pacific/Auckland'
    const { host, clock } = await clockedHost('2026-03-10T10:30:00Z') // 23:30 on the 10th, local
    const made = await createCase(host, survivorCase({ intakeDate: '2026-03-01' }))
    const due = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(made.id, { referralDate: '2026-03-02' }),
      followUpDate: '2026-03-10',
    })
    let view = await summary(host)
    expect(view.today).toBe('2026-03-10')
    expect(followUpIds(view.followUpsThisWeek)).toEqual([`referral:${due.id}`])
    expect(view.overdueFollowUps.total).toBe(0)
    clock.now = new Date('2026-03-10T11:00:00Z') // 00:00 on the 11th, local; 11:00 on the 10th in UTC
    view = await summary(host)
    expect(view.today).toBe('2026-03-11')
    expect(followUpIds(view.overdueFollowUps)).toEqual([`referral:${due.id}`])
    expect(view.followUpsThisWeek.total).toBe(0)
  })

  it('finished referrals, ended plans and deleted cases leave the reminders', async () => {
    const { host } = await staffedHost('bilal')
    const kept = await createCase(host)
    const gone = await createCase(host)
    const done = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(kept.id),
      followUpDate: daysFromToday(-1),
    })
    const consented = await call<ReferralDetail>(host, 'referrals:recordConsent', survivorConsent(done.id))
    const sent = await step(host, consented, 'sent')
    await step(host, sent, 'declined')
    const plan = await call<SupportPlan>(host, 'referrals:createSupportPlan', {
      caseId: kept.id,
      type: 'Health',
      objectives: 'Check-ups',
      startDate: '2026-03-15',
      followUpDate: daysFromToday(1),
    })
    await call(host, 'referrals:updateSupportPlan', {
      ...plan,
      status: 'completed',
      actualEndDate: daysFromToday(0),
    })
    await call(host, 'referrals:create', { ...outgoingReferral(gone.id), followUpDate: daysFromToday(2) })
    await signInAs(host, 'amara')
    await call(host, 'cases:delete', { id: gone.id, reason: 'duplicate' })
    for (const who of ['amara', 'bilal']) {
      await signInAs(host, who)
      const view = await summary(host)
      expect([view.overdueFollowUps.total, view.followUpsThisWeek.total], who).toEqual([0, 0])
    }
  })

  it('a reassigned case takes its reminders to the new caseworker', async () => {
    const { host } = await staffedHost('bilal')
    const made = await createCase(host)
    await call(host, 'referrals:create', { ...outgoingReferral(made.id), followUpDate: daysFromToday(-2) })
    await call(host, 'referrals:createSupportPlan', {
      caseId: made.id,
      type: 'Legal',
      objectives: 'Court',
      startDate: '2026-03-15',
      followUpDate: daysFromToday(-1),
    })
    await signInAs(host, 'amara')
    const full = await call<{ version: number }>(host, 'cases:get', { id: made.id })
    const users = await call<{ id: number; username: string }[]>(host, 'users:list')
    const chen = users.find((u) => u.username === 'chen')!.id
    await call(host, 'cases:update', {
      ...survivorCase(),
      id: made.id,
      version: full.version,
      assignedUserId: chen,
    })
    await signInAs(host, 'bilal')
    expect((await summary(host)).overdueFollowUps.total).toBe(0)
    await signInAs(host, 'chen')
    const view = await summary(host)
    expect(view.overdueFollowUps.total).toBe(2)
    expect(view.overdueFollowUps.items).toHaveLength(2)
  })
})

describe('backup-overdue warning', () => {
  async function statusAt(lastBackupAt: string | null, days: number | null, now: string) {
    const { vault } = await createdVault({ clock: () => new Date(now) })
    const session = vault.session()!
    if (lastBackupAt) session.settings.recordBackup(lastBackupAt)
    if (days !== null) session.settings.saveBackupWarnDays(days)
    return backupHandlers.status({ session } as unknown as HandlerContext, undefined)
  }

  it('warns with no backup ever, and only after the set number of days', async () => {
    expect((await statusAt(null, null, '2026-03-10T12:00:00Z')).overdue).toBe(true)
    expect((await statusAt('2026-03-03T12:00:00Z', null, '2026-03-10T12:00:00Z')).overdue).toBe(false)
    expect((await statusAt('2026-03-03T11:59:00Z', null, '2026-03-10T12:00:00Z')).overdue).toBe(true)
    expect((await statusAt('2026-03-08T12:00:00Z', 2, '2026-03-10T12:01:00Z')).overdue).toBe(true)
    expect((await statusAt('2026-02-10T12:00:00Z', 30, '2026-03-10T12:00:00Z')).overdue).toBe(false)
  })
})

describe('reports: aggregate tables', () => {
  it('refuse caseworkers every export and analysts the full-record ones, before any file is chosen', async () => {
    const { host, files } = await staffedHost('bilal')
    const run = (format: string) =>
      errorCode(host, 'export:run', { format, protection: { plaintext: true, confirmed: true } })
    for (const format of ['aggregates-csv', 'deidentified-csv', 'htcds-json'])
      expect(await run(format)).toBe('FORBIDDEN')
    await signInAs(host, 'eli')
    for (const format of ['htcds-json', 'htcds-csv']) expect(await run(format)).toBe('FORBIDDEN')
    expect(files.saved).toEqual([])
  })

  it('leave out every cell under k and carry no total a left-out cell could be subtracted from', () => {
    const base = {
      year: 2025,
      sex: 'F',
      ageBand: '18-20',
      citizenship: 'UA',
      countryOfExploitation: 'PL',
      exploitationTypes: ['ForcedLabour'],
    }
    const rows = [
      ...Array.from({ length: 6 }, () => base),
      ...Array.from({ length: 2 }, () => ({ ...base, sex: 'M', countryOfExploitation: 'DE' })),
    ] as unknown as DeidentifiedCase[]
    const { entries, suppressedCells } = aggregateTables(rows, 5)
    expect(suppressedCells).toBe(2)
    for (const entry of entries) {
      const text = entry.content.toString('utf8')
      expect(text, entry.name).not.toMatch(/total/i)
      const counts = text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => Number(line.split(',').at(-1)))
      expect(counts, entry.name).toEqual([6])
    }
  })
})
