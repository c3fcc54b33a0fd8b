// Vaults as folders on disk, for tests of what happens between two starts (a restore cut short,
// a folder moved): each made or counted by a host of its own, closed again afterwards.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CasePage } from '../../../main/api/contract'
import { ADMIN, call, testHost } from './temp-vault'
import { createCase } from './case-fixtures'

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
