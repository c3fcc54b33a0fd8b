import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { createdVault } from './support/temp-vault'
import { parseRecoveryKey } from '../../main/core/vault/recovery-key'

const MARKER = 'Zuzanna-Wiśniewska-marker-7f3a'

function openWith(path: string, configure: (db: Database.Database) => void): string {
  const db = new Database(path, { fileMustExist: true })
  try {
    configure(db)
    return (
      db.prepare('SELECT display_name FROM users WHERE username = ?').get('marker') as {
        display_name: string
      }
    ).display_name
  } catch (error) {
    return (error as { code?: string }).code ?? 'ERROR'
  } finally {
    db.close()
  }
}

describe('encryption at rest', () => {
  it('keeps a known inserted string out of the database file and its WAL', async () => {
    const { vault } = await createdVault()
    const session = vault.session()!
    session.users.insert(
      { username: 'marker', displayName: MARKER, role: 'caseworker' },
      new Date().toISOString(),
    )
    const dbFile = join(vault.dataDir, 'casevault.db')
    // Read while still open: the row sits in the WAL at this point.
    expect(existsSync(`${dbFile}-wal`)).toBe(true)
    const wal = readFileSync(`${dbFile}-wal`)
    expect(wal.length).toBeGreaterThan(0)
    for (const bytes of [readFileSync(dbFile), wal]) {
      expect(bytes.includes(Buffer.from(MARKER))).toBe(false)
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
      expect(bytes.includes(Buffer.from('audit_log'))).toBe(false)
    }
    vault.lock('user')
    const afterCheckpoint = readFileSync(dbFile)
    expect(afterCheckpoint.includes(Buffer.from(MARKER))).toBe(false)
  })

  it('opens in a SQLCipher 4 tool with the raw recovery key, and with nothing else', async () => {
    const { vault, recoveryKey } = await createdVault()
    vault
      .session()!
      .users.insert({ username: 'marker', displayName: MARKER, role: 'caseworker' }, '2026-01-01')
    vault.lock('user')
    const dbFile = join(vault.dataDir, 'casevault.db')
    const hex = parseRecoveryKey(recoveryKey).toString('hex')

    // The README's recipe, exactly.
    expect(
      openWith(dbFile, (db) => {
        db.pragma(`cipher='sqlcipher'`)
        db.pragma('legacy=4')
        db.pragma(`key="x'${hex}'"`)
      }),
    ).toBe(MARKER)
    expect(openWith(dbFile, () => undefined)).toBe('SQLITE_NOTADB')
    expect(
      openWith(dbFile, (db) => {
        db.pragma(`cipher='sqlcipher'`)
        db.pragma('legacy=4')
        db.pragma(`key='${hex}'`) // the hex as a passphrase, not a raw key
      }),
    ).toBe('SQLITE_NOTADB')
    expect(
      openWith(dbFile, (db) => {
        db.pragma(`cipher='sqlcipher'`)
        db.pragma('legacy=3')
        db.pragma(`key="x'${hex}'"`)
      }),
    ).toBe('SQLITE_NOTADB')
    expect(
      openWith(dbFile, (db) => {
        db.pragma(`cipher='sqlcipher'`)
        db.pragma('legacy=4')
        db.pragma(`key="x'${'0'.repeat(64)}'"`)
      }),
    ).toBe('SQLITE_NOTADB')
  })

  it('sets WAL, synchronous=FULL, foreign keys and secure delete on every open', async () => {
    const { vault } = await createdVault()
    vault.lock('user')
    const { db } = await vault.unlock('amara', 'correct horse battery staple')
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
  })
})
