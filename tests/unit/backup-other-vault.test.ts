// Restoring a backup of another vault (another organisation's, with the same backup passphrase)
// was accepted without a word, and afterwards nobody of this vault could unlock: only that vault's
// users exist in it. Main now refuses it (OTHER_VAULT, with whose it is) before anything changes,
// and restores that same file only once the user has confirmed it.
import { join } from 'node:path'
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  ADMIN,
  call,
  errorCode,
  folderFileAccess,
  restoreOverNewerWork,
  tempDir,
  testHost,
} from './support/temp-vault'
import { survivorCase } from './support/case-fixtures'
import type { BackupCheck, BackupResult, CasePage, VaultStatus } from '../../main/api/contract'

const PASS = 'quiet walnut ferry orbit 1987 maple'

async function twoVaults() {
  const usb = tempDir()
  const other = testHost(join(tempDir(), 'other'), folderFileAccess(usb))
  await call(other.host, 'vault:create', { ...ADMIN, organisation: 'Other Shelter', username: 'zoe' })
  const made = await call<BackupResult>(other.host, 'backup:create', { passphrase: PASS })
  const access = folderFileAccess(usb)
  let dialogs = 0
  access.files.chooseBackupFile = async () => {
    dialogs += 1
    return made.file
  }
  const ours = testHost(join(tempDir(), 'ours'), access)
  await call(ours.host, 'vault:create', ADMIN)
  await call(ours.host, 'cases:create', survivorCase())
  return { host: ours.host, dialogs: () => dialogs }
}

describe('restoring a backup of another vault', () => {
  it('is refused with whose backup it is, and this vault stays as it was, unlocked', async () => {
    const { host } = await twoVaults()
    const refused = await host.dispatch('backup:restore', { passphrase: PASS })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'OTHER_VAULT', details: { organisation: 'Other Shelter', cases: 0 } },
    })
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'unlocked' })
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
  })

  it('once confirmed, restores that same file without another dialog', async () => {
    const { host, dialogs } = await twoVaults()
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS })).toBe('OTHER_VAULT')
    const restored = await call<BackupCheck>(host, 'backup:restore', { passphrase: PASS, anotherVault: true })
    expect(restored).toMatchObject({ organisation: 'Other Shelter' })
    expect(dialogs()).toBe(1)
    expect(await call<VaultStatus>(host, 'vault:status')).toMatchObject({ state: 'locked' })
    await call(host, 'vault:unlock', { username: 'zoe', passphrase: ADMIN.passphrase })
  })

  it('a confirmation with nothing refused before is NOT_FOUND, and nothing changes', async () => {
    const { host } = await twoVaults()
    expect(await errorCode(host, 'backup:restore', { passphrase: PASS, anotherVault: true })).toBe(
      'NOT_FOUND',
    )
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
  })

  it('a backup of this vault itself is not asked about as another vault’s', async () => {
    const usb = tempDir()
    const { host, dataDir } = testHost(join(tempDir(), 'ours'), folderFileAccess(usb))
    await call(host, 'vault:create', ADMIN)
    await call<BackupResult>(host, 'backup:create', { passphrase: PASS })
    await call(host, 'cases:create', survivorCase())
    // Only whether to replace the newer case (backup-newer-work.test.ts), never whose vault it is.
    await restoreOverNewerWork<BackupCheck>(host, { passphrase: PASS })
    expect(readdirSync(join(dataDir, '..')).some((name) => name.startsWith('ours.rollback-'))).toBe(true)
  })
})
