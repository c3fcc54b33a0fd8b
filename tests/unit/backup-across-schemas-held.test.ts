// Backups, restores and vaults across schema versions: a backup made by an older CaseVault (its
// database at an older `user_version`, without the tables and indexes of later migrations) is
// verified, restored (command line, Backup screen, first-run screen) and upgraded on unlock. The
// older vault is made as the upgrade tests do (cases-review.test.ts, case-search-folding.test.ts):
// a vault of this version, the later migrations' effects undone, user_version lowered, then
// backed up. Checks that held up (a reviewing helper's session on schema versions).
import { describe, expect, it } from 'vitest'
import {
  FAST,
  hostPicking,
  officeBackupAt,
  PASS,
  schemaOnDisk,
  unlockAdmin,
  withFailingStep,
  found,
} from './support/old-schema-fixtures'
import { existsSync, readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ADMIN, call, tempDir, testHost, testVault } from './support/temp-vault'
import { CASEWORKER, createCase, survivorCase } from './support/case-fixtures'
import { outgoingReferral } from './support/referral-fixtures'
import { walkInScreening } from './support/screening-fixtures'
import { runCommand } from './support/cli-run'
import { createBackup } from '../../main/core/backup/create-backup'
import { verifyBackup } from '../../main/core/backup/verify-backup'
import { SCHEMA_VERSION } from '../../main/core/db/migrate'
import { openEncryptedDatabase } from '../../main/core/db/connection'
import { databasePath } from '../../main/core/vault/vault-header'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'
import type {
  ApiErrorPayload,
  AuditVerification,
  BackupCheck,
  CasePage,
  ReferralDetail,
  VaultStatus,
} from '../../main/api/contract'

describe('held: a backup made at an older schema', () => {
  it('verifies on the command line, with a count for each table it has and none for those it lacks', async () => {
    const office = await officeBackupAt(4)
    const result = await runCommand(['verify-backup', '--file', office.file], `${PASS}\n`)
    expect(result.exit).toBe(0)
    expect(result.out.at(-1)).toBe('ok')
    expect(result.out.slice(0, -1).map((line) => line.split(':')[0])).toEqual([
      'users',
      'cases',
      'persons',
      'trafficking_events',
      'case_comments',
      'attachments',
      'audit_log',
    ])
    expect(result.out).toContain('cases: 2')
    // In the app too: the counts name only the tables the backup holds.
    const verified = await verifyBackup(office.file, { passphrase: PASS })
    expect(Object.keys(verified.counts)).not.toContain('referrals')
    expect(verified.manifest.schemaVersion).toBe(4)
  })

  it('restores on a new PC from the command line; the unlock upgrades it: search, citizenships, referral, audit chain', async () => {
    const office = await officeBackupAt(8)
    const dataDir = join(tempDir(), 'new-pc')
    const result = await runCommand(['restore', '--data', dataDir, '--file', office.file], `${PASS}\n`)
    expect(result.exit).toBe(0)
    // The restore upgraded the copy before it swapped it in (an upgrade that fails refuses it).
    expect(schemaOnDisk(dataDir, office.recoveryKey)).toBe(SCHEMA_VERSION)
    const { host } = testHost(dataDir)
    await unlockAdmin(host)
    expect(schemaOnDisk(dataDir, office.recoveryKey)).toBe(SCHEMA_VERSION)
    expect(await found(host, 'فاطمة')).toEqual([office.caseIds[0]])
    expect(await found(host, 'Ковалева')).toEqual([office.caseIds[1]])
    expect(await found(host, 'Петром')).toEqual([office.caseIds[1]])
    expect((await call<CasePage>(host, 'cases:list', { citizenship: ['MD'] })).total).toBe(1)
    const forCase = await call<{ id: number }[]>(host, 'referrals:forCase', {
      caseId: office.screeningCaseId,
    })
    expect(forCase.map((one) => one.id)).toEqual([office.referralId])
    expect((await call<AuditVerification>(host, 'audit:verify')).ok).toBe(true)
    const entries = await call<{ action: string }[]>(host, 'audit:list', { limit: 20 })
    expect(entries.filter((entry) => entry.action === 'backup.restored_here')).toHaveLength(1)
    // The backup's vault.json came with it: a caseworker's slot of that time opens it.
    await call(host, 'vault:lock')
    await call(host, 'vault:unlock', { username: CASEWORKER.username, passphrase: CASEWORKER.passphrase })
    await call(host, 'vault:lock')
    host.dispose()
    // The upgraded vault backs up at this schema, and that backup verifies.
    const again = testVault({ dataDir })
    const session = await again.unlock(ADMIN.username, ADMIN.passphrase)
    const out = join(tempDir(), 'new.cvbackup')
    const key = again.databaseKeyCopy()
    try {
      const manifest = await createBackup(
        session,
        dataDir,
        out,
        { passphrase: PASS },
        { ...FAST, databaseKey: key },
      )
      expect(manifest.schemaVersion).toBe(SCHEMA_VERSION)
      expect((await verifyBackup(out, { passphrase: PASS })).counts).toEqual(manifest.counts)
    } finally {
      key.fill(0)
    }
  })

  it('a backup from before screenings and referrals existed is upgraded with those tables, and they work', async () => {
    const office = await officeBackupAt(4)
    const dataDir = join(tempDir(), 'new-pc')
    expect((await runCommand(['restore', '--data', dataDir, '--file', office.file], `${PASS}\n`)).exit).toBe(
      0,
    )
    const { host } = testHost(dataDir)
    await unlockAdmin(host)
    expect(await found(host, 'فاطمة')).toEqual([office.caseIds[0]])
    const screening = await walkInScreening(host)
    await call(host, 'screening:linkToCase', { id: screening.id, caseId: office.caseIds[0] })
    const referral = await call<ReferralDetail>(
      host,
      'referrals:create',
      outgoingReferral(office.caseIds[0]!),
    )
    expect(referral.id).toBeGreaterThan(0)
    expect((await call<AuditVerification>(host, 'audit:verify')).ok).toBe(true)
  })

  it('restores on the first-run screen of a new PC, and opens upgraded', async () => {
    const office = await officeBackupAt(8)
    const { host } = hostPicking(office.file)
    const check = await call<BackupCheck>(host, 'backup:restoreFirst', { passphrase: PASS })
    expect(check.counts.cases).toBe(2)
    expect(check.counts.referrals).toBe(1)
    expect((await call<VaultStatus>(host, 'vault:status')).state).toBe('locked')
    await unlockAdmin(host)
    expect(await found(host, 'فاطمة')).toEqual([office.caseIds[0]])
    expect((await call<AuditVerification>(host, 'audit:verify')).ok).toBe(true)
  })

  it('restores on the Backup screen over the upgraded vault at once (no false "newer work"), then again', async () => {
    const office = await officeBackupAt(8)
    const { host } = hostPicking(office.file, office.dataDir)
    await unlockAdmin(host) // the office upgrades: 0011 moves the referral, 0009 re-indexes
    expect((await call<BackupCheck>(host, 'backup:restore', { passphrase: PASS })).counts.cases).toBe(2)
    await unlockAdmin(host)
    expect(await found(host, 'Ковалева')).toEqual([office.caseIds[1]])
    expect((await call<BackupCheck>(host, 'backup:restore', { passphrase: PASS })).counts.cases).toBe(2)
    await unlockAdmin(host)
    expect((await call<AuditVerification>(host, 'audit:verify')).ok).toBe(true)
  })

  it('asks before replacing work done since the older backup, counting it', async () => {
    const office = await officeBackupAt(8)
    const { host } = hostPicking(office.file, office.dataDir)
    await unlockAdmin(host)
    await createCase(host, survivorCase({ survivor: { prs_FirstName: 'Later' }, survivorAliases: [] }))
    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused.ok).toBe(false)
    const error = (refused as { error: ApiErrorPayload }).error
    expect(error.code).toBe('NEWER_WORK')
    expect(error.details).toMatchObject({ cases: 1, unlinked: 0, directory: 0, deleted: 0, accounts: 0 })
  })

  it('a migration step that fails at unlock leaves an older vault at its old schema, untouched', async () => {
    // The office's own folder is at schema 8 (officeBackupAt), as after an app update.
    const office = await officeBackupAt(8)
    const { host } = testHost(office.dataDir)
    const result = await withFailingStep(11, () =>
      host.dispatch('vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase }),
    )
    expect(result.ok ? 'OK' : result.error.code).toBe('UPGRADE_FAILED')
    expect(result.ok ? null : result.error.details).toMatchObject({
      vaultSchema: 8,
      appSchema: SCHEMA_VERSION,
      failedAt: 11,
    })
    expect((await call<VaultStatus>(host, 'vault:status')).state).toBe('locked')
    // 0009 and 0010 ran before the failing step: rolled back with it.
    expect(schemaOnDisk(office.dataDir, office.recoveryKey)).toBe(8)
    const key = parseRecoveryKey(office.recoveryKey)
    try {
      const db = openEncryptedDatabase(databasePath(office.dataDir), key, { create: false })
      try {
        const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all()
        expect(tables).not.toContain('person_citizenships')
      } finally {
        db.close()
      }
    } finally {
      key.fill(0)
    }
    // Once the app can upgrade it, it opens with everything.
    await unlockAdmin(host)
    expect(await found(host, 'فاطمة')).toEqual([office.caseIds[0]])
    expect((await call<AuditVerification>(host, 'audit:verify')).ok).toBe(true)
  })

  it('a restore whose upgrade fails is refused before the swap: the live vault stays, no copy is made', async () => {
    const office = await officeBackupAt(8)
    // The office's own vault, upgraded, is the one a restore would move aside.
    const live = testHost(office.dataDir)
    await unlockAdmin(live.host)
    await call(live.host, 'vault:lock')
    live.host.dispose()
    const restored = await withFailingStep(11, () =>
      runCommand(['restore', '--data', office.dataDir, '--file', office.file], `${PASS}\n`),
    )
    expect(restored.exit).not.toBe(0)
    expect(schemaOnDisk(office.dataDir, office.recoveryKey)).toBe(SCHEMA_VERSION)
    const copies = readdirSync(dirname(office.dataDir)).filter((name) =>
      name.startsWith(`${basename(office.dataDir)}.rollback-`),
    )
    expect(copies).toEqual([])
    const { host } = testHost(office.dataDir)
    await unlockAdmin(host)
    const entries = await call<{ action: string }[]>(host, 'audit:list', { limit: 20 })
    expect(entries.filter((entry) => entry.action === 'backup.restored_here')).toHaveLength(0)
  })

  it('a backup whose database is newer than this app is refused before anything is replaced', async () => {
    const office = await officeBackupAt(8)
    const vault = testVault({ dataDir: office.dataDir })
    const session = await vault.unlock(ADMIN.username, ADMIN.passphrase)
    session.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    const file = join(tempDir(), 'newer.cvbackup')
    const key = vault.databaseKeyCopy()
    try {
      await createBackup(session, office.dataDir, file, { passphrase: PASS }, { ...FAST, databaseKey: key })
    } finally {
      key.fill(0)
      session.db.pragma(`user_version = ${SCHEMA_VERSION}`)
      vault.lock('user')
    }
    const verify = await runCommand(['verify-backup', '--file', file], `${PASS}\n`)
    expect(verify.exit).not.toBe(0)
    expect(verify.err.join('\n')).toMatch(/SCHEMA_TOO_NEW/)
    const dataDir = join(tempDir(), 'new-pc')
    const restore = await runCommand(['restore', '--data', dataDir, '--file', file], `${PASS}\n`)
    expect(restore.exit).not.toBe(0)
    expect(existsSync(join(dataDir, 'casevault.db'))).toBe(false)
  })
})
