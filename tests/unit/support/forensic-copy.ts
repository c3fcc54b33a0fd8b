// What a forensic examiner finds in a copy of the data folder, with the vault's raw key (what a
// staff passphrase unwraps; in the tests the recovery key, which is the raw key): every page of
// casevault.db and every frame of casevault.db-wal decrypted, and every row of every table of a
// copy of the database read as text (erasure-forensics*).
import { copyFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { parseRecoveryKey } from '../../../main/core/vault/recovery-key'
import { decryptAllPages, decryptWalFrames } from './sqlcipher-pages'
import { tempDir } from './temp-vault'

/** What a forensic copy of the folder gives back, decrypted: database pages and WAL frames. */
export function decryptedFolder(dataDir: string, recoveryKey: string): Buffer {
  const key = parseRecoveryKey(recoveryKey)
  return Buffer.concat([
    ...decryptAllPages(join(dataDir, 'casevault.db'), key),
    ...decryptWalFrames(join(dataDir, 'casevault.db-wal'), key),
  ])
}

/** Every row of every table (shadow tables included) of a copy of the vault, as text. */
export function liveRowsText(dataDir: string, recoveryKey: string): Record<string, string> {
  const copy = tempDir()
  copyFileSync(join(dataDir, 'casevault.db'), join(copy, 'casevault.db'))
  if (existsSync(join(dataDir, 'casevault.db-wal')))
    copyFileSync(join(dataDir, 'casevault.db-wal'), join(copy, 'casevault.db-wal'))
  const db = new Database(join(copy, 'casevault.db'))
  try {
    db.pragma(`cipher='sqlcipher'`)
    db.pragma('legacy=4')
    db.pragma(`key="x'${parseRecoveryKey(recoveryKey).toString('hex')}'"`)
    const tables = db
      .prepare<[], string>(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'`,
      )
      .pluck()
      .all()
    const text: Record<string, string> = {}
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]
      text[table] = rows
        .map((row) =>
          Object.values(row)
            .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') : String(value)))
            .join('\u0001'),
        )
        .join('\n')
    }
    return text
  } finally {
    db.close()
  }
}

/** Whether `text` (or its lower case) is anywhere in `bytes`. */
export const has = (bytes: Buffer, text: string) =>
  bytes.includes(Buffer.from(text)) || bytes.includes(Buffer.from(text.toLowerCase()))

/** The tables with a row holding `text` (any case). */
export const tablesWith = (rows: Record<string, string>, text: string) =>
  Object.entries(rows)
    .filter(([, body]) => body.includes(text) || body.toLowerCase().includes(text.toLowerCase()))
    .map(([table]) => table)
