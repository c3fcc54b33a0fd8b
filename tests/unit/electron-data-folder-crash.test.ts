// The move of a vault from Electron's per-user folder into <userData>/vault (legacy-vault-folder.ts)
// when the power went in the middle of it, or of a restore: swaps cut short are finished before
// anything is moved, and a move that cannot finish leaves the whole vault where it was. (Written by
// a reviewing helper; each failed before the fixes.)
import type * as Fs from 'node:fs'
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { VAULT_FOLDER_IN_USER_DATA } from '../../main/window/data-dir'
import { sweepAbandonedScratch } from '../../main/core/backup/scratch-folder'
import { swapJournalPath } from '../../main/core/backup/swap-journal'
import type { ApiHost } from '../../main/api/host-types'
import type { CasePage } from '../../main/api/contract'
import { ADMIN, call, tempDir } from './support/temp-vault'
import { fake } from './support/fake-electron'
import { casesInVaultFolder, restoreCutBetweenRenames, vaultFolderWithCases } from './support/vault-folders'
import { startWithoutDataFlag } from './support/start-app-fake'

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectronModule)

/** A rename from this path fails as Windows fails it while another program holds the file. */
const failRename = vi.hoisted(() => ({ from: null as string | null }))
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>()
  const renameSync = (from: Fs.PathLike, to: Fs.PathLike) => {
    if (failRename.from && String(from) === failRename.from)
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' })
    return real.renameSync(from, to)
  }
  return { ...real, default: { ...real, renameSync }, renameSync }
})

const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }

describe('moving the vault into its own folder, with the power cut somewhere', () => {
  let host: ApiHost | null = null
  beforeEach(() => fake.reset())
  afterEach(() => {
    failRename.from = null
    host?.dispose()
    host = null
  })

  it('does not move a leftover vault from userData into a data folder whose restore swap is pending', async () => {
    const userData = join(tempDir(), 'CaseVault')
    const dataDir = join(userData, VAULT_FOLDER_IN_USER_DATA)
    // A vault already in the new folder (2 cases); a second, stale one left in userData (3 cases),
    // which the move refused to bring over ("never over a vault already there").
    await vaultFolderWithCases(dataDir, 2)
    const stale = join(tempDir(), 'stale')
    await vaultFolderWithCases(stale, 3)
    for (const name of readdirSync(stale)) cpSync(join(stale, name), join(userData, name))
    // A restore (to 1 case) cut short between its two renames.
    await restoreCutBetweenRenames(dataDir, 1)

    const running = await startWithoutDataFlag(userData)
    host = running.host
    host.dispose()
    host = null
    // The sweep an hour and more later.
    await sweepAbandonedScratch(dataDir, new Date(Date.now() + 3 * 60 * 60 * 1000))

    expect(running.dataDir).toBe(dataDir)
    // The restore should have been finished: the restored vault (1 case) is live.
    expect(await casesInVaultFolder(dataDir)).toBe(1)
  })

  it('a restore cut short while the vault was used in place in userData (move had failed) is finished', async () => {
    // The fallback start used userData itself as the data folder; a restore there was cut short
    // after userData was renamed aside. Electron recreates userData at the next start.
    const userData = join(tempDir(), 'CaseVault')
    await vaultFolderWithCases(userData, 2)
    await restoreCutBetweenRenames(userData, 1)
    mkdirSync(userData)
    writeFileSync(join(userData, 'Local State'), '{}')

    const running = await startWithoutDataFlag(userData)
    host = running.host
    host.dispose()
    host = null
    // One of the two vaults must be the live one, not a first-run screen.
    expect([1, 2]).toContain(await casesInVaultFolder(running.dataDir))
    expect(existsSync(swapJournalPath(userData))).toBe(false)
  })

  it('a move resumed after a power cut, whose last file cannot be moved, leaves the whole vault in the old folder', async () => {
    const userData = join(tempDir(), 'CaseVault')
    await vaultFolderWithCases(userData, 1)
    const dataDir = join(userData, VAULT_FOLDER_IN_USER_DATA)
    mkdirSync(dataDir)
    // First start: the database moved, then the power went.
    renameSync(join(userData, 'casevault.db'), join(dataDir, 'casevault.db'))
    // Second start: vault.json is held open by another program (backup tool, antivirus).
    failRename.from = join(userData, 'vault.json')
    const running = await startWithoutDataFlag(userData)
    host = running.host
    failRename.from = null
    expect(running.dataDir).toBe(userData)
    expect(existsSync(join(running.dataDir, 'casevault.db'))).toBe(true)
    await call(host, 'vault:unlock', unlock)
    expect((await call<CasePage>(host, 'cases:list', {})).total).toBe(1)
  })
})
