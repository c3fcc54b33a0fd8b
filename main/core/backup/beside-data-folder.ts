// The folders CaseVault keeps beside a data folder, by name: the rollback copies restores leave
// (`<data folder>.rollback-<time>`) and the hidden staging folders they unpack into
// (`.<data folder>.restore-<time>`). One place, so the sweep, the swap note, the vault-folder guard
// and the listing all mean the same folders.
import { basename } from 'node:path'

export const rollbackPrefix = (dataDir: string): string => `${basename(dataDir)}.rollback-`

export const restoreStagingPrefix = (dataDir: string): string => `.${basename(dataDir)}.restore-`

/** A time as it appears in these folders' names (no characters Windows refuses). */
export const folderStamp = (at: Date): string => at.toISOString().replace(/[:.]/g, '-')
