import { readdir, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { VaultSession } from '../vault/vault-session'
import type { AutoBackupSettings } from '../../api/contract/backup'
import { createBackup } from './create-backup'
import { BACKUP_EXTENSION } from './backup-format'
import { asciiOrganisationSlug, organisationSlug } from '../file-name-slug'
import { assertOutsideVaultFolder } from '../vault/vault-folder-guard'

export interface AutoBackupOutcome {
  file: string
  /** Older automatic backups removed to keep the newest `keep`. */
  removed: string[]
}

/**
 * `CaseVault-<org>-auto-<yyyy-mm-dd-hhmmss>.cvbackup`: seconds in the name so two locks in one
 * minute do not collide, and "auto" so rotation can never touch a backup a person made by hand.
 */
export function autoBackupFileName(organisation: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  const stamp = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  return `CaseVault-${organisationSlug(organisation)}-auto-${stamp}${BACKUP_EXTENSION}`
}

function isAutoBackupOf(organisation: string, name: string): boolean {
  // Also under the name an earlier CaseVault gave them (ASCII only), except the generic "vault"
  // that every name in another script became: those may be another organisation's.
  const legacy = asciiOrganisationSlug(organisation)
  const slugs = [organisationSlug(organisation), ...(legacy === 'vault' ? [] : [legacy])]
  return slugs.some((slug) => {
    const prefix = `CaseVault-${slug}-auto-`
    if (!name.startsWith(prefix) || !name.endsWith(BACKUP_EXTENSION)) return false
    return /^\d{4}-\d{2}-\d{2}-\d{6}$/.test(name.slice(prefix.length, -BACKUP_EXTENSION.length))
  })
}

/**
 * Keeps the newest `keep` automatic backups of this organisation in `folder`; returns what it
 * removed. `justWritten` (a name in `folder`) always stays and counts as one of them: sorted by
 * file time with the rest, it was deleted when an older backup carried a later time (made while
 * the PC's clock ran ahead, then corrected). Found by a reviewing helper.
 */
export async function rotateAutoBackups(
  folder: string,
  organisation: string,
  keep: number,
  justWritten?: string,
): Promise<string[]> {
  const names = (await readdir(folder)).filter(
    (name) => name !== justWritten && isAutoBackupOf(organisation, name),
  )
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
  const file = join(settings.folder, autoBackupFileName(options.organisation, session.clock()))
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
  const removed = await rotateAutoBackups(
    settings.folder,
    options.organisation,
    settings.keep,
    basename(file),
  )
  return { file, removed }
}
