// What the operating system says when a file cannot be written or read, in words a caseworker can
// act on. The common cases are a USB stick that is full, write-protected or pulled out halfway
// through a backup or an export; before this they all surfaced as "Something went wrong". Every
// writer in CaseVault writes under a temporary name and renames at the end, so by the time one of
// these reaches the user nothing half-written is left under the real name.
import { CaseVaultError } from './errors'

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL'])
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS'])
// A file or folder another program holds open (Windows refuses to rename or delete it then).
const IN_USE = new Set(['EBUSY', 'ETXTBSY'])
const UNAVAILABLE = new Set(['ENOENT', 'ENOTDIR', 'EIO', 'ENODEV', 'ENXIO', 'ESTALE', 'ENOMEDIUM'])

/** The coded error for a file-system failure, or null when `error` is not one. */
export function classifyFileError(error: unknown): CaseVaultError | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  // The path is kept for main's log only: it can name a survivor's exported file.
  if (FULL.has(code))
    return new CaseVaultError('DISK_FULL', 'There is not enough free space on the drive.', { reason: code })
  if (NOT_ALLOWED.has(code))
    return new CaseVaultError('FILE_NOT_ALLOWED', 'This file or folder is read-only or protected.', {
      reason: code,
    })
  if (IN_USE.has(code))
    return new CaseVaultError('FILE_IN_USE', 'Another program is using this file or folder.', {
      reason: code,
    })
  if (UNAVAILABLE.has(code))
    return new CaseVaultError('FILE_UNAVAILABLE', 'The file or its drive is no longer there.', {
      reason: code,
    })
  if (code === 'ENAMETOOLONG')
    return new CaseVaultError('FILE_NAME_TOO_LONG', 'The file name or its path is too long for this drive.', {
      reason: code,
    })
  return null
}
