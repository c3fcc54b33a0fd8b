// Settings, dashboard and admin command-line behaviour a reviewing helper probed that held up,
// kept as regression checks.
import { describe, expect, it } from 'vitest'
import { Vault } from '../../main/core/vault/vault'
import type { BackupStatus, CaseDetail, DashboardSummary } from '../../main/api/contract'
import { closedVault, runCommand, BACKUP_PASSPHRASE } from './support/cli-run'
import { ADMIN, call, errorCode } from './support/temp-vault'
import { createCase, signInAs, staffedHost, SUPERVISOR } from './support/case-fixtures'
import { join } from 'node:path'

describe('organisation settings held', () => {
  it('a supervisor or caseworker cannot change the backup warning or the export k; nothing changes', async () => {
    const { host } = await staffedHost(SUPERVISOR.username)
    for (const who of [SUPERVISOR.username, 'bilal']) {
      await signInAs(host, who)
      expect(await errorCode(host, 'backup:updateSettings', { warnAfterDays: 365 })).toBe('FORBIDDEN')
      expect(await errorCode(host, 'export:updateSettings', { k: 5 })).toBe('FORBIDDEN')
      expect(await errorCode(host, 'backup:updateAuto', { enabled: false, recipients: [], keep: 1 })).toBe(
        'FORBIDDEN',
      )
    }
    await signInAs(host, ADMIN.username)
    expect((await call<BackupStatus>(host, 'backup:status')).warnAfterDays).toBe(7)
    expect(await call(host, 'export:getSettings')).toEqual({ k: 5 })
  })

  it('backup warning days of 0, negative, fractional, huge or text are refused and the setting kept', async () => {
    const { host } = await staffedHost()
    for (const warnAfterDays of [0, -3, 1.5, 366, 1e9, '7', Number.NaN, null])
      expect(await errorCode(host, 'backup:updateSettings', { warnAfterDays }), String(warnAfterDays)).toBe(
        'VALIDATION',
      )
    expect(await errorCode(host, 'backup:updateAuto', { enabled: false, recipients: [], keep: 0 })).toBe(
      'VALIDATION',
    )
    expect((await call<BackupStatus>(host, 'backup:status')).warnAfterDays).toBe(7)
  })
})

describe('dashboard held', () => {
  it('a caseworker’s open-case total equals their Active and FollowUp cases in the case list', async () => {
    const { host } = await staffedHost('bilal')
    const cases: CaseDetail[] = []
    for (let i = 0; i < 3; i += 1) cases.push(await createCase(host))
    await call(host, 'cases:close', {
      id: cases[0]!.id,
      version: cases[0]!.version,
      status: 'Closed',
      reason: 'Done.',
    })
    const view = await call<DashboardSummary>(host, 'dashboard:summary')
    const list = await call<{ total: number }>(host, 'cases:list', { status: ['Active', 'FollowUp'] })
    expect(view.myOpenCases.total).toBe(2)
    expect(list.total).toBe(view.myOpenCases.total)
  })
})

describe('admin command line held', () => {
  it('a CLI backup is audited under the user’s own name, whatever capitals were typed in --user', async () => {
    const { dataDir, out } = await closedVault()
    const result = await runCommand(
      ['backup', '--data', dataDir, '--user', 'AMARA', '--out', join(out, 'b.cvbackup')],
      `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
    )
    expect(result.exit).toBe(0)
    expect(result.err).toEqual([])
    expect(result.out.join('\n')).not.toContain(BACKUP_PASSPHRASE)
    const vault = new Vault({ dataDir })
    const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
    try {
      const row = session.db.prepare(`SELECT actor FROM audit_log WHERE action = 'backup.created'`).get() as {
        actor: string
      }
      expect(row.actor).toBe(ADMIN.username)
    } finally {
      vault.lock('user')
    }
  })

  it('verify reads the user passphrase from a file starting with a byte-order mark, lines ending in CRLF', async () => {
    const { dataDir } = await closedVault()
    const result = await runCommand(
      ['verify', '--data', dataDir, '--user', ADMIN.username],
      `\uFEFF${ADMIN.passphrase}\r\n`,
    )
    expect(result).toMatchObject({ exit: 0, out: [expect.stringMatching(/^schema/), 'ok'] })
  })
})
