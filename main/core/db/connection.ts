import { chmodSync, closeSync, openSync, statSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { CaseVaultError } from '../errors'

export type VaultDatabase = Database.Database

/** 64 MiB page cache: brings encrypted scans close to plaintext speed (DESIGN.md §10). */
const CACHE_SIZE_KIB = 64 * 1024

/**
 * Keys the connection with the raw 32-byte key: the SQLCipher raw-key syntax x'…' is built in a
 * Buffer (not a string) so it can be wiped, and no PBKDF2 runs on top of Argon2.
 */
function applyKey(db: VaultDatabase, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`)
  db.pragma('legacy=4')
  const literal = keyLiteral(key)
  try {
    db.key(literal)
  } finally {
    literal.fill(0)
  }
}

const HEX_DIGITS = Buffer.from('0123456789abcdef')
const X = 0x78
const QUOTE = 0x27

/**
 * x'<64 hex>' in a Buffer of its own, for the caller to wipe (or to move to a worker). Written
 * digit by digit: `key.toString('hex')` would leave the key as a JS string, which nothing can
 * wipe and which stays in the heap until the collector happens to reclaim it.
 */
export function keyLiteral(key: Buffer): Buffer {
  const literal = Buffer.alloc(key.length * 2 + 3) // alloc: never a slice of Node's shared pool
  literal[0] = X
  literal[1] = QUOTE
  for (let i = 0; i < key.length; i += 1) {
    literal[2 + 2 * i] = HEX_DIGITS[key[i]! >> 4]!
    literal[3 + 2 * i] = HEX_DIGITS[key[i]! & 15]!
  }
  literal[literal.length - 1] = QUOTE
  return literal
}

/** The connection settings every vault database gets (also used by the bench for its plaintext twin). */
export function applyPragmas(db: VaultDatabase): void {
  db.pragma('journal_mode = WAL')
  // The package's build defaults WAL to synchronous=NORMAL; a shelter's PC loses power: FULL.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
  db.pragma(`cache_size = -${CACHE_SIZE_KIB}`)
  db.pragma('busy_timeout = 5000')
  db.pragma('trusted_schema = OFF')
}

/** SQLite error codes → our codes. Under SQLCipher "not a database" at the first read means wrong key or foreign file. */
export function classifySqliteError(error: unknown): CaseVaultError | null {
  const code = (error as { code?: unknown }).code
  if (code === 'SQLITE_NOTADB') {
    return new CaseVaultError('DB_NOT_OURS', 'The database file does not open with this vault’s key.')
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_IOERR_SHORT_READ') {
    // SQLite's own words as the problem, as the full check gives its own: a damaged page of the
    // schema is found before that check runs, and `verify` then had nothing to say where.
    return new CaseVaultError('DB_CORRUPT', 'The database file is damaged.', {
      problems: [String((error as { message?: unknown }).message ?? code)],
    })
  }
  if (code === 'SQLITE_FULL') {
    // The vault's own drive is full: SQLite rolled the transaction back, nothing was half-saved.
    return new CaseVaultError('DISK_FULL', 'There is not enough free space on the drive.')
  }
  if (code === 'SQLITE_CANTOPEN') {
    return new CaseVaultError('DB_MISSING', 'The database file is missing or cannot be opened.')
  }
  return null
}

/**
 * Opens (or, with `create`, creates) the encrypted vault database and proves the key by reading
 * the schema. Never creates a file unless asked: a missing DB is an error, not a fresh vault.
 */
export function openEncryptedDatabase(
  path: string,
  key: Buffer,
  options: { create: boolean },
): VaultDatabase {
  let db: VaultDatabase
  try {
    if (options.create) createOwnerOnly(path)
    db = new Database(path, { fileMustExist: !options.create })
  } catch (error) {
    throw classifySqliteError(error) ?? error
  }
  try {
    applyKey(db, key)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    applyPragmas(db)
    if (!options.create) tightenModes(path)
    return db
  } catch (error) {
    db.close()
    throw classifySqliteError(error) ?? error
  }
}

/**
 * SQLite creates a database 0644 (less umask): any local account could copy the encrypted case
 * database, while vault.json beside it is 0600. Made here first, owner-only, SQLite opens it as it
 * is; on Unix SQLite gives the -wal and -shm it creates the database file's own mode. ('a': an
 * existing file is neither truncated nor re-moded.)
 */
function createOwnerOnly(path: string): void {
  closeSync(openSync(path, 'a', 0o600))
}

/**
 * A vault made before createOwnerOnly kept its database 0644: anyone with an account on the
 * computer could copy it. Its files are made owner-only once its key has opened it (so it is
 * ours). Best effort: another owner's file, or a file system without modes, stays as it is.
 */
function tightenModes(path: string): void {
  if (process.platform === 'win32') return
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600)
    } catch {
      // Missing (-wal, -shm), not ours, or no modes here: nothing to tighten.
    }
  }
}

/** Full page-by-page check: every page is decrypted and its HMAC verified. Returns problems, [] if none. */
export function integrityProblems(db: VaultDatabase): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const messages = rows.map((row) => row.integrity_check)
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } catch (error) {
    const classified = classifySqliteError(error)
    return [classified ? classified.message : String(error)]
  }
}

/**
 * Which of these tables the database lacks. An empty file opens as a new, empty database under any
 * key, so a file that opened is not yet a vault: the vault's own tables say so.
 */
export function missingTables(db: VaultDatabase, tables: readonly string[]): string[] {
  const present = new Set(
    db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all(),
  )
  return tables.filter((table) => !present.has(table))
}

/**
 * After an erasure: the write-ahead log still held the erased pages as they were (secure_delete
 * overwrites the database, not the log's old frames) until a later checkpoint, so a copy of the
 * folder and a staff passphrase gave a removed file back. TRUNCATE moves the log into the database
 * (whose freed pages secure_delete zeroed) and empties it. Best effort: a reader may hold it.
 */
export function wipeWriteAheadLog(db: VaultDatabase): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
}
