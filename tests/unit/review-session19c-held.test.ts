// Checks of today's later changes (c813da2^..HEAD) that held up under a reviewing helper's probing
// (review 19c): kept as regression tests.
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, errorCode, tempDir } from './support/temp-vault'
import { signInAs, staffedHost } from './support/case-fixtures'
import { daysFromToday, outgoingReferral } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { codeOf, forged, PASSPHRASE, vaultAndBackup } from './support/backup-attack-fixtures'
import { officeBackupAt, PASS, withFailingStep } from './support/old-schema-fixtures'
import { runCommand } from './support/cli-run'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { restoreBackup } from '../../main/core/backup/restore-backup'
import { survivorNameKey } from '../../main/core/export/deidentified-source'
import type {
  DashboardSummary,
  FollowUpItem,
  ReferralDetail,
  ReferralPage,
  ReferralSummary,
} from '../../main/api/contract'

describe('held: a manifest naming tables to count (countRowsInTurns `also`)', () => {
  it('a name that looks like SQL, or that no table has, is damaged, not run', async () => {
    const { vault, out } = await vaultAndBackup()
    vault.lock('user')
    for (const name of ['users"; DROP TABLE users; --', 'sqlite_master', 'cases WHERE 0', 'x] (']) {
      const file = await forged(out, (manifest) => {
        manifest.counts[name] = 0
      })
      expect(await codeOf(verifyBackup(file, { passphrase: PASSPHRASE })), name).toBe('BACKUP_DAMAGED')
    }
  })

  it('a virtual (FTS5) table the snapshot has is counted: its true count verifies, a false one is damaged', async () => {
    const { vault, out } = await vaultAndBackup()
    vault.lock('user')
    const right = await forged(out, (manifest) => {
      manifest.counts['case_search'] = 0
    })
    expect((await verifyBackup(right, { passphrase: PASSPHRASE })).counts['case_search']).toBe(0)
    const wrong = await forged(out, (manifest) => {
      manifest.counts['case_search'] = 3
    })
    expect(await codeOf(verifyBackup(wrong, { passphrase: PASSPHRASE }))).toBe('BACKUP_DAMAGED')
  })
})

describe('held: the restore that upgrades first', () => {
  it('a same-schema backup is swapped in byte for byte as it was backed up (the upgrade writes nothing)', async () => {
    const { vault, out } = await vaultAndBackup()
    vault.lock('user')
    const verified = await verifyBackup(out, { passphrase: PASSPHRASE })
    const snapshot = verified.manifest.parts.find((part) => part.name === 'casevault.db')!
    const dataDir = join(tempDir(), 'new-pc')
    await restoreBackup(dataDir, out, { passphrase: PASSPHRASE }, { onlyIntoEmptyFolder: true })
    const bytes = readFileSync(join(dataDir, 'casevault.db'))
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(snapshot.sha256)
  })

  it('on the command line, a failed upgrade is one line naming UPGRADE_FAILED, exit 1', async () => {
    const office = await officeBackupAt(8)
    const dataDir = join(tempDir(), 'new-pc')
    const result = await withFailingStep(11, () =>
      runCommand(['restore', '--data', dataDir, '--file', office.file], `${PASS}\n`),
    )
    expect(result.exit).toBe(1)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).toMatch(/^error: UPGRADE_FAILED: /)
    expect(result.err[0]).not.toMatch(/half-way/) // the step's own words stay in main
  })
})

describe('held: a screening-only referral is its screener’s (SCREENED_BY)', () => {
  type Host = Awaited<ReturnType<typeof staffedHost>>['host']
  const summary = (host: Host) => call<DashboardSummary>(host, 'dashboard:summary')

  it('another caseworker sees none of it; the screener’s counts equal the rows listed', async () => {
    const { host } = await staffedHost('bilal')
    const screening = await walkInScreening(host)
    await signInAs(host, 'dana')
    const referral = await call<ReferralDetail>(host, 'referrals:create', {
      ...outgoingReferral(0),
      caseId: null,
      assessmentId: screening.id,
      followUpDate: daysFromToday(-2),
    })
    // Chen, another caseworker, neither screened nor referred.
    await signInAs(host, 'chen')
    expect(await errorCode(host, 'referrals:get', { id: referral.id })).toBe('FORBIDDEN')
    const chenList = await call<ReferralPage>(host, 'referrals:list', {})
    expect(chenList.total).toBe(0)
    expect(chenList.items).toEqual([])
    expect(await call<FollowUpItem[]>(host, 'referrals:followUps', { window: 'overdue' })).toEqual([])
    const chenDash = await summary(host)
    expect(chenDash.overdueFollowUps.total).toBe(0)
    expect(chenDash.awaitingAnswer.total).toBe(0)
    // Bilal, the screener: each count equals its rows, and the referral is counted once.
    await signInAs(host, 'bilal')
    for (const filter of [{}, { due: 'overdue' }, { direction: 'outgoing' }]) {
      const page = await call<ReferralPage>(host, 'referrals:list', filter)
      expect(page.total, JSON.stringify(filter)).toBe(page.items.length)
      expect(page.items.map((item: ReferralSummary) => item.id)).toEqual([referral.id])
    }
    expect((await summary(host)).overdueFollowUps.total).toBe(1)
    await call(host, 'vault:lock')
    host.dispose()
  })
})

describe('held: the survivor key folds what it says it folds', () => {
  it('capitals of any script, accents, NFD/NFKC forms, tabs and no-break spaces are one key', () => {
    const key = survivorNameKey('Олена Коваленко')
    for (const name of ['ОЛЕНА КОВАЛЕНКО', ' Олена\tКоваленко ', 'Олена\u00a0\u00a0Коваленко'])
      expect(survivorNameKey(name), name).toBe(key)
    expect(survivorNameKey('María José'.normalize('NFD'))).toBe(survivorNameKey('MARIA JOSE'))
    expect(survivorNameKey('Ａｎｎａ  Ｌｅｅ')).toBe(survivorNameKey('anna lee'))
    // Different names stay different.
    expect(survivorNameKey('Мина')).not.toBe(survivorNameKey('Мена'))
  })
})
