// Without --data, the vault lived directly in Electron's per-user folder, beside Chromium's
// profile. A restore renames the whole data folder: on Windows that fails while Chromium holds
// files there, and elsewhere it carried Chromium's profile into the rollback copy. The vault now
// has a folder of its own there, and a vault in the old place is moved into it at start.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VAULT_FOLDER_IN_USER_DATA } from '../../main/window/data-dir'
import { moveVaultFromOldFolder } from '../../main/window/legacy-vault-folder'
import type { ApiHost } from '../../main/api/host-types'
import type { CasePage, RollbackCopy } from '../../main/api/contract'
import { ADMIN, call, tempDir, testHost } from './support/temp-vault'
import { createCase } from './support/case-fixtures'
import { fake } from './support/fake-electron'
import { startWithoutDataFlag } from './support/start-app-fake'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

const BACKUP_PASSPHRASE = 'velvet compass hums over eleven salt marshes'
const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }

/** A vault with one case, kept where the app used to keep it: straight in the per-user folder. */
async function vaultInOldPlace(): Promise<string> {
  const userData = join(tempDir(), 'CaseVault')
  const { host } = testHost(userData)
  await call(host, 'vault:create', ADMIN)
  await createCase(host)
  host.dispose()
  // What Chromium keeps there.
  mkdirSync(join(userData, 'Local Storage'))
  writeFileSync(join(userData, 'Local State'), '{}')
  return userData
}

const casesIn = async (host: ApiHost) => (await call<CasePage>(host, 'cases:list', {})).total

describe('the data folder inside Electron’s per-user folder', () => {
  let host: ApiHost | null = null
  beforeEach(() => fake.reset())
  afterEach(() => host?.dispose())

  it('moves a vault from the old place into its own folder at start, and it still opens', async () => {
    const userData = await vaultInOldPlace()
    const running = await startWithoutDataFlag(userData)
    host = running.host

    expect(running.dataDir).toBe(join(userData, VAULT_FOLDER_IN_USER_DATA))
    expect(readdirSync(userData).sort()).toEqual(['Local State', 'Local Storage', 'vault'])
    await call(host, 'vault:unlock', unlock)
    expect(await casesIn(host)).toBe(1)
  })

  it('restores without moving Chromium’s profile: only the vault folder is swapped', async () => {
    const userData = await vaultInOldPlace()
    const running = await startWithoutDataFlag(userData)
    host = running.host
    await call(host, 'vault:unlock', unlock)
    const file = join(tempDir(), 'shelter.cvbackup')
    fake.dialog.savePath = file
    fake.dialog.openPaths = [file]
    await call(host, 'backup:create', { passphrase: BACKUP_PASSPHRASE })
    await call(host, 'backup:restore', { passphrase: BACKUP_PASSPHRASE })

    expect(existsSync(join(userData, 'Local State'))).toBe(true)
    expect(readdirSync(userData).filter((name) => name.startsWith('vault.rollback-'))).toHaveLength(1)
    await call(host, 'vault:unlock', unlock)
    expect(await casesIn(host)).toBe(1)
  })

  it('brings the rollback copies of the old place beside the vault, where the Backup screen lists them', async () => {
    const userData = await vaultInOldPlace()
    const stamp = '2026-01-05T10-00-00-000Z'
    const oldCopy = join(dirname(userData), `CaseVault.rollback-${stamp}`)
    mkdirSync(oldCopy)
    for (const name of ['vault.json', 'casevault.db']) cpSync(join(userData, name), join(oldCopy, name))
    const running = await startWithoutDataFlag(userData)
    host = running.host

    expect(existsSync(oldCopy)).toBe(false)
    await call(host, 'vault:unlock', unlock)
    const copies = await call<RollbackCopy[]>(host, 'backup:rollbackCopies')
    expect(copies.map((copy) => copy.name)).toEqual([`vault.rollback-${stamp}`])
  })

  it('resumes a move cut short, and never overwrites a vault already in the new folder', async () => {
    const userData = await vaultInOldPlace()
    const dataDir = join(userData, VAULT_FOLDER_IN_USER_DATA)
    mkdirSync(dataDir)
    // The database moved, the power went before vault.json did.
    renameSync(join(userData, 'casevault.db'), join(dataDir, 'casevault.db'))

    expect(moveVaultFromOldFolder(userData, dataDir)).toBe(true)
    expect(existsSync(join(userData, 'vault.json'))).toBe(false)
    expect(moveVaultFromOldFolder(userData, dataDir)).toBe(false)

    const other = await vaultInOldPlace()
    expect(moveVaultFromOldFolder(other, dataDir)).toBe(false)
    expect(existsSync(join(other, 'vault.json'))).toBe(true)
    expect(existsSync(join(other, 'casevault.db'))).toBe(true)
  })
})
