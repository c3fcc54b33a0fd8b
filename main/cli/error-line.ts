// The one line a failed command prints on standard error: a code and the first line of its
// message, or plain words where Node's or core's would send the admin the wrong way. Never a stack,
// never a value typed on standard input (it may be a passphrase).
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { CaseVaultError } from '../core/errors'
import { classifyFileError } from '../core/file-errors'
import { DATABASE_FILE } from '../core/vault/vault-header'
import { isMissingFile } from './backup-commands'

/**
 * The line after `error: `. `dataDir` is --data as typed, when the command took one. The kind of
 * path is asked before classifyFileError: it files ENOTDIR (a file given for --data) under "the
 * file or its drive is no longer there", and the admin went looking for a pulled-out drive.
 */
export function errorLine(error: unknown, dataDir: string | undefined): string {
  if (error instanceof CaseVaultError) return lostHeader(error, dataDir) ?? codedLine(error)
  const wrongKind = wrongKindOfPath(error)
  if (wrongKind) return wrongKind
  const known = isMissingFile(error) ?? classifyFileError(error)
  if (known) return codedLine(known)
  const message = error instanceof Error ? error.message : String(error)
  return firstLine(message)
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? ''
}

/** The code and message; with the unlock throttle's wait, which the app shows and a script needs. */
function codedLine(error: CaseVaultError): string {
  const seconds = error.code === 'TOO_MANY_ATTEMPTS' ? error.details?.retryAfterSeconds : undefined
  const wait = typeof seconds === 'number' ? ` (wait ${seconds} s)` : ''
  return `${error.code}: ${firstLine(error.message)}${wait}`
}

/**
 * vault.json gone (a sync tool, a clean-up) with the database still there is what the recovery key
 * is for: "there is no vault in this folder yet" led people to wipe the folder or give up on it.
 */
function lostHeader(error: CaseVaultError, dataDir: string | undefined): string | null {
  if (error.code !== 'NO_VAULT' || !dataDir || !existsSync(join(resolve(dataDir), DATABASE_FILE))) return null
  return (
    `vault.json is missing, but the vault's database (${DATABASE_FILE}) is here: open it in the app ` +
    'with the recovery key ("Forgot passphrase?" on the unlock screen), which rebuilds vault.json'
  )
}

/** A folder given for a file or the other way round: said plainly (Node's words were EISDIR, EEXIST). */
function wrongKindOfPath(error: unknown): string | null {
  switch ((error as NodeJS.ErrnoException | null)?.code) {
    case 'EISDIR':
      return 'a folder was given where a file is needed (--file, --out): name the file itself'
    case 'EEXIST':
    case 'ENOTDIR':
      // Also `--file notes.txt/backup.cvbackup`: a path goes through folders only.
      return 'a file was given where a folder is needed (--data takes the vault folder; in --file and --out only the last name is a file)'
    default:
      return null
  }
}
