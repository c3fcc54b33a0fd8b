// What the commands that make or replace a vault (init, training, restore) take from the person
// at the keyboard: the --data folder and a new vault's passphrase.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { MIN_PASSPHRASE_LENGTH, passphraseSchema } from '../api/contract/common'
import { CaseVaultError } from '../core/errors'
import { DATABASE_FILE, HEADER_FILE } from '../core/vault/vault-header'
import { passphraseLine, type CliIo } from './io'

/**
 * Only a vault's folder, or an empty or new one. In the app the data folder is the vault's own;
 * here it is whatever was typed. A restore moves the whole folder aside, and `--data ~/Documents`
 * moved someone's documents into a rollback copy; init and training wrote a vault in among them,
 * making the whole folder a vault's (a later restore moved it, and "Remove copies" deleted it).
 */
export function assertVaultOrEmptyFolder(dataDir: string, expected: string): void {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) return
  if (existsSync(join(dataDir, HEADER_FILE)) || existsSync(join(dataDir, DATABASE_FILE))) return
  throw new Error(`--data holds files but no vault: give ${expected} (${dataDir} was left as it is)`)
}

/**
 * A new vault's first passphrase, line 1 of standard input. A space at either end cannot be seen
 * and is easily written by accident (`echo words > pass.txt` on Windows keeps the one before >):
 * the vault was made, and then refused the passphrase as the admin typed it in the app.
 */
export async function newVaultPassphrase(io: CliIo): Promise<string> {
  const passphrase = await passphraseLine(io, 0, 'passphrase')
  if (passphrase !== passphrase.trim())
    throw new Error('the passphrase starts or ends with a space: remove it, nothing was written')
  // Both limits named: a line over the upper one is most often a key or text file piped in by
  // mistake, and "at least 12 characters" sent the admin looking for the opposite fault.
  if (!passphraseSchema.safeParse(passphrase).success)
    throw new CaseVaultError(
      'WEAK_PASSPHRASE',
      passphrase.length < MIN_PASSPHRASE_LENGTH
        ? `the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters`
        : `the passphrase line is too long: it must be ${MIN_PASSPHRASE_LENGTH} to ${passphraseSchema.maxLength ?? 1024} characters (a file piped in by mistake?)`,
    )
  return passphrase
}
