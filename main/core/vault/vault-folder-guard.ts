// Nothing the user saves may land in the vault's own data folder, or in a rollback copy of it
// (`<data folder>.rollback-<time>`, beside it). A backup saved there is moved aside with the vault
// by the next restore and deleted with the rollback copies; a file saved over casevault.db (a
// save dialog asks "Replace?", and people say yes) destroyed the vault it was a backup of.
import { realpathSync } from 'node:fs'
import { basename, dirname, resolve, sep } from 'node:path'
import { CaseVaultError } from '../errors'
import { rollbackPrefix } from '../backup/beside-data-folder'

/** The path as the file system resolves it (links followed); the part that does not exist yet as given. */
function realPath(path: string): string {
  const absolute = resolve(path)
  try {
    return realpathSync(absolute)
  } catch {
    const parent = dirname(absolute)
    return parent === absolute ? absolute : resolve(realPath(parent), basename(absolute))
  }
}

// Windows and macOS compare names without regard to capitals.
const comparable = (path: string) =>
  process.platform === 'win32' || process.platform === 'darwin' ? path.toLowerCase() : path

const within = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep)

/** True when `path` (a file or a folder) is the data folder, a rollback copy of it, or inside one. */
export function isInVaultFolder(path: string, dataDir: string): boolean {
  const target = comparable(realPath(path))
  const data = comparable(realPath(dataDir))
  if (within(target, data)) return true
  const parent = dirname(data)
  const copyPrefix = rollbackPrefix(data)
  if (!within(target, parent) || target === parent) return false
  const topFolder = target
    .slice(parent.length)
    .split(sep)
    .find((part) => part !== '')!
  return topFolder.startsWith(copyPrefix)
}

export function assertOutsideVaultFolder(path: string, dataDir: string): void {
  if (isInVaultFolder(path, dataDir)) {
    throw new CaseVaultError('FILE_IN_VAULT_FOLDER', 'Nothing may be saved in the vault’s own folder.')
  }
}
