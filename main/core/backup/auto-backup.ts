import { createHash } from 'node:crypto'
import { readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { VaultSession } from '../vault/vault-session'
import type { AutoBackupSettings } from '../../api/contract/backup'
import { createBackup } from './create-backup'
import { BACKUP_EXTENSION } from './backup-format'
import { organisationSlug } from '../file-name-slug'
import { readHeader } from '../vault/vault-header'
import { assertOutsideVaultFolder } from '../vault/vault-folder-guard'

export interface AutoBackupOutcome {
  file: string
  /** Older automatic backups removed to keep the newest `keep`. */
  removed: string[]
}

/** Whose automatic backups a file name speaks of: the organisation, and which of its vaults. */
export interface AutoBackupOwner {
  organisation: string
  /** vault.json's vaultId. */
  vaultId: string
}

/**
 * A few hex characters of a hash of the vault's id, for automatic backup names: two laptops of one
 * organisation sharing a stick rotated each other's backups away when only the organisation's name
 * told them apart, and two locks in one second wrote one name. Not the id itself: anyone who sees
 * the folder sees the names, and the id is what ties a backup to its vault (a restore checks it);
 * a hash gives none of it away, and 32 bits make two vaults sharing a folder collide once in 4
 * billion. (Copies set up from one backup share the id and so the tag: they are one vault in two
 * places, of which only one should be worked in.)
 */
export function vaultTag(vaultId: string): string {
  return createHash('sha256').update(`casevault-auto-backup:${vaultId}`).digest('hex').slice(0, 8)
}

/**
 * `CaseVault-<org>-auto-<vault tag>-<yyyy-mm-dd-hhmmss>.cvbackup`: "auto" so rotation can never
 * touch a backup a person made by hand, the vault's tag so it never touches another vault's, and
 * seconds so two locks in one minute do not collide.
 */
export function autoBackupFileName(owner: AutoBackupOwner, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `${ownPrefix(owner)}${stamp}${BACKUP_EXTENSION}`
}

const ownPrefix = (owner: AutoBackupOwner) =>
  `CaseVault-${organisationSlug(owner.organisation)}-auto-${vaultTag(owner.vaultId)}-`

/**
 * Only names with this vault's tag. Names without a tag (an earlier CaseVault's, organisation and
 * time only) are never removed: nothing in the name says which vault wrote one, and the file is
 * encrypted to keys this vault does not hold, so it may be the only backup of another vault of the
 * organisation. They stop growing in number (at most the `keep` each vault had left), and a person
 * deletes them once the new ones are there.
 */
function isAutoBackupOf(owner: AutoBackupOwner, name: string): boolean {
  const prefix = ownPrefix(owner)
  if (!name.startsWith(prefix) || !name.endsWith(BACKUP_EXTENSION)) return false
  return /^\d{4}-\d{2}-\d{2}-\d{6}$/.test(name.slice(prefix.length, -BACKUP_EXTENSION.length))
}

/**
 * Keeps the newest `keep` automatic backups of this vault in `folder`; returns what it
 * removed. `justWritten` (a name in `folder`) always stays and counts as one of them: sorted by
 * file time with the rest, it was deleted when an older backup carried a later time (made while
 * the PC's clock ran ahead, then corrected). Found by a reviewing helper.
 */
export async function rotateAutoBackups(
  folder: string,
  owner: AutoBackupOwner,
  keep: number,
  justWritten?: string,
): Promise<string[]> {
  const names = (await readdir(folder)).filter((name) => name !== justWritten && isAutoBackupOf(owner, name))
  // Newest first by when each file was written, then by name. The name's local time alone is not
  // enough: where clocks go back an hour in autumn, a backup at 01:10 (winter time) sorted before
  // one made 40 minutes earlier at 01:30 (summer time), and with keep = 1 the newest was deleted.
  const written = new Map(
    await Promise.all(names.map(async (name) => [name, (await stat(join(folder, name))).mtimeMs] as const)),
  )
  names.sort((a, b) => written.get(b)! - written.get(a)! || (a < b ? 1 : a > b ? -1 : 0))
  const surplus = names.slice(justWritten === undefined ? keep : Math.max(keep - 1, 0))
  for (const name of surplus) await rm(join(folder, name), { force: true })
  return surplus
}

/**
 * The backup made when the vault locks or the app quits: to the organisation's public keys (no
 * passphrase is at hand then), into the configured folder, then older automatic backups rotated
 * out.
 */
export async function runAutoBackup(
  session: VaultSession,
  dataDir: string,
  settings: AutoBackupSettings,
  options: { appVersion: string; databaseKey: Buffer; organisation: string },
): Promise<AutoBackupOutcome> {
  if (!settings.folder || settings.recipients.length === 0) {
    throw new Error('Automatic backup needs a folder and at least one public key.')
  }
  // A folder chosen before the app refused the vault's own folder (vault-folder-guard.ts).
  assertOutsideVaultFolder(settings.folder, dataDir)
  const owner = { organisation: options.organisation, vaultId: readHeader(dataDir).vaultId }
  const file = join(settings.folder, autoBackupFileName(owner, session.clock()))
  // The archive writer writes `<file>.partial` and renames it when complete (and removes it on
  // failure), so a crash never leaves a file that looks like a backup.
  const manifest = await createBackup(
    session,
    dataDir,
    file,
    { recipients: settings.recipients },
    { appVersion: options.appVersion, databaseKey: options.databaseKey },
  )
  session.settings.recordBackup(manifest.createdAt)
  // Rotation only ever runs after the new backup exists.
  const removed = await rotateAutoBackups(settings.folder, owner, settings.keep, basename(file))
  return { file, removed }
}
