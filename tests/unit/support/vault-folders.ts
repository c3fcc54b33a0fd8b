// Vaults as folders on disk, for tests of what happens between two starts (a restore cut short,
// a folder moved): each made or counted by a host of its own, closed again afterwards.
import { cpSync, existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { rollbackFolderFor } from '../../../main/core/backup/rollback-copies'
import { restoreStagingFolder } from '../../../main/core/backup/scratch-folder'
import { writeSwapJournal } from '../../../main/core/backup/swap-journal'
import type { CasePage } from '../../../main/api/contract'
import { ADMIN, call, folderFileAccess, tempDir, testHost } from './temp-vault'
import { createCase, survivorCase } from './case-fixtures'

/** A new vault in `dataDir`, created by ADMIN, holding `cases` cases. */
export async function vaultFolderWithCases(dataDir: string, cases: number): Promise<void> {
  const { host } = testHost(dataDir)
  await call(host, 'vault:create', ADMIN)
  for (let i = 0; i < cases; i++) await createCase(host)
  host.dispose()
}

/** How many cases the vault in `dataDir` holds, unlocked by ADMIN; null when none opens there. */
export async function casesInVaultFolder(dataDir: string): Promise<number | null> {
  const { host } = testHost(dataDir) // as at a start: a swap cut short is finished first
  try {
    if (!existsSync(join(dataDir, 'vault.json'))) return null
    await call(host, 'vault:unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase })
    return (await call<CasePage>(host, 'cases:list', {})).total
  } catch {
    return null
  } finally {
    host.dispose()
  }
}

/**
 * What a power cut leaves between a restore's two renames: a restored vault with `cases` cases
 * staged beside `dataDir`, the swap's note written, and the live data folder already moved aside.
 */
export async function restoreCutBetweenRenames(dataDir: string, cases: number, now = new Date()) {
  const incoming = join(restoreStagingFolder(dataDir, now), 'vault')
  const restored = join(tempDir(), 'restored')
  await vaultFolderWithCases(restored, cases)
  cpSync(restored, incoming, { recursive: true })
  const movedAside = rollbackFolderFor(dataDir, now)
  writeSwapJournal(dataDir, incoming, movedAside)
  renameSync(dataDir, movedAside)
  return { incoming, movedAside }
}

/**
 * An office vault with one case, and a laptop set up as an exact copy of it (as a restore of the
 * office's backup would make it): a second copy, same vault id. Both unlocked by ADMIN.
 */
export async function vaultAndSecondCopy() {
  const unlock = { username: ADMIN.username, passphrase: ADMIN.passphrase }
  const office = testHost(join(tempDir(), 'office'), folderFileAccess(tempDir()))
  await call(office.host, 'vault:create', ADMIN)
  await call(office.host, 'cases:create', survivorCase())
  await call(office.host, 'vault:lock')
  const laptopDir = join(tempDir(), 'laptop')
  cpSync(office.dataDir, laptopDir, { recursive: true })
  const laptop = testHost(laptopDir, folderFileAccess(tempDir()))
  await call(office.host, 'vault:unlock', unlock)
  await call(laptop.host, 'vault:unlock', unlock)
  return { office, laptop }
}
