// What the tests of attacks on backups share: a vault with a backup, a forged copy of it, and
// where scratch folders would be left.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createdVault, tempDir } from './temp-vault'
import { createBackup } from '../../../main/core/backup/create-backup'
import { extractEncryptedArchive, writeEncryptedArchive } from '../../../main/core/backup/encrypted-archive'
import { PART_NAMES } from '../../../main/core/backup/backup-format'
import { CaseVaultError } from '../../../main/core/errors'
import type { Vault } from '../../../main/core/vault/vault'

export const PASSPHRASE = 'orange kettle marching under seven lanterns'
export const API_PASSPHRASE = 'velvet compass hums over eleven salt marshes'

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'OK',
    (error: unknown) => (error instanceof CaseVaultError ? error.code : Promise.reject(error)),
  )
}

export async function vaultAndBackup() {
  const { vault } = await createdVault({ dataDir: join(tempDir(), 'data') })
  const out = join(tempDir(), 'real.cvbackup')
  const key = vault.databaseKeyCopy()
  await createBackup(
    vault.session()!,
    vault.dataDir,
    out,
    { passphrase: PASSPHRASE },
    {
      appVersion: 'test',
      scryptWorkFactor: 10,
      databaseKey: key,
    },
  )
  key.fill(0)
  return { vault, out }
}

/** The backup's parts re-packed under `names` (a name's file is its last path segment), manifest edited. */
export async function forged(
  out: string,
  edit: (manifest: { parts: Record<string, unknown>[]; counts: Record<string, unknown> }) => void,
  names: string[] = [...PART_NAMES],
) {
  const unpacked = tempDir()
  await extractEncryptedArchive(out, unpacked, { passphrase: PASSPHRASE }, PART_NAMES)
  const manifest = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8'))
  edit(manifest)
  writeFileSync(join(unpacked, 'manifest.json'), JSON.stringify(manifest))
  const file = join(tempDir(), 'forged.cvbackup')
  await writeEncryptedArchive(
    file,
    names.map((name) => ({ name, path: join(unpacked, name.split('/').at(-1)!) })),
    { passphrase: PASSPHRASE },
    { scryptWorkFactor: 10, madeAt: new Date() },
  )
  return file
}

export const scratchFolders = () =>
  [tmpdir(), '/dev/shm'].flatMap((folder) => {
    try {
      return readdirSync(folder).filter((name) => name.startsWith('casevault-verify-'))
    } catch {
      return []
    }
  })

export const liveBytes = (vault: Vault) => readFileSync(join(vault.dataDir, 'casevault.db'))
