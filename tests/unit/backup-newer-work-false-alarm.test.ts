// A question raised when the restore would lose nothing trains admins to click through it: a case
// created after the backup and deleted again is not "brought back"; reads, searches, checks and
// going back and forth between backups ask nothing. (Written by a reviewing helper.)
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADMIN, call, errorCode, folderFileAccess, tempDir, testHost } from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type { BackupResult, CaseDetail, CasePage } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'
const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }
const later = () => new Promise((resolve) => setTimeout(resolve, 5))

async function vaultWithBackup() {
  const access = folderFileAccess(tempDir())
  const { host } = testHost(tempDir(), access)
  await call(host, 'vault:create', ADMIN)
  const kept = await call<CaseDetail>(host, 'cases:create', survivorCase())
  const made = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
  access.files.chooseBackupFile = async () => made.file
  await later()
  return { host, access, kept, made }
}

/** A vault with a backup of 1 case and a newer one of 2, gone back to the older (and unlocked). */
async function backToOlderBackup() {
  const { host, access, made: older } = await vaultWithBackup()
  await call(host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
  access.files.chooseSaveLocation = async () => join(access.folder, 'newer.cvbackup')
  const newer = await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
  expect(newer.file).not.toBe(older.file)
  await later()
  access.files.chooseBackupFile = async () => older.file
  expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('NEWER_WORK')
  await call(host, 'backup:restore', { passphrase: PASS, replaceNewerWork: true })
  await call(host, 'vault:unlock', unlock)
  return { host, access, newer }
}

describe('false alarms', () => {
  it('a case created after the backup and deleted again: nothing to lose, nothing to bring back', async () => {
    const { host } = await vaultWithBackup()
    const typo = await call<CaseDetail>(host, 'cases:create', survivorCase({ intakeDate: '2026-04-01' }))
    await call(host, 'cases:delete', { id: typo.id, reason: 'enteredInError' })
    const result = await host.dispatch('backup:restore', { passphrase: PASS })
    // Today: NEWER_WORK with deleted: 1, i.e. "the backup would bring it back" — it would not.
    expect(result).toMatchObject({ ok: true })
  })

  it('only reads, searches, a second backup and a check since: restores at once', async () => {
    const { host, access, kept, made } = await vaultWithBackup()
    await call(host, 'cases:get', { id: kept.id })
    await call(host, 'cases:search', { query: 'Olena' }).catch(() => undefined)
    await call(host, 'cases:list', {})
    await call(host, 'audit:verify')
    await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    access.files.chooseBackupFile = async () => made.file
    await call(host, 'backup:verify', { passphrase: PASS })
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('OK')
  })

  it('back to an older backup, then the newer one again: restores at once', async () => {
    const { host, access, newer } = await backToOlderBackup()
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
    access.files.chooseBackupFile = async () => newer.file
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('OK')
    await call(host, 'vault:unlock', unlock)
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(2)
  })

  it('back to an older backup, work here, then the newer one: asks, counting that work', async () => {
    const { host, access, newer } = await backToOlderBackup()
    await later()
    await call(host, 'cases:create', survivorCase({ intakeDate: '2026-05-01' }))
    access.files.chooseBackupFile = async () => newer.file
    const result = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(result).toMatchObject({ ok: false, error: { code: 'NEWER_WORK', details: { cases: 1 } } })
    // Its history parted from this vault's when this vault went back: said as such.
    expect(result).toMatchObject({ error: { details: { otherCopy: true } } })
  })
})
