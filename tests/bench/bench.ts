// `npm run bench`: the vault's hot paths, encrypted vs plaintext SQLite in the same run.
// Targets live here, not in timed tests: a slow CI machine must not fail the suite.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Vault } from '../../main/core/vault/vault'
import { openEncryptedDatabase } from '../../main/core/db/connection'
import { readHeader } from '../../main/core/vault/vault-header'
import { deriveKey } from '../../main/core/vault/kdf'

function time<T>(work: () => T): { ms: number; value: T } {
  const started = performance.now()
  const value = work()
  return { ms: performance.now() - started, value }
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { ms: performance.now() - started, value }
}

function workload(db: Database.Database, rows: number) {
  db.exec(
    'CREATE TABLE IF NOT EXISTS bench (id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT NOT NULL) STRICT',
  )
  const insert = db.prepare('INSERT INTO bench (name, note) VALUES (?, ?)')
  const bulk = time(() =>
    db.transaction(() => {
      for (let i = 0; i < rows; i += 1) insert.run(`Person ${i}`, `note ${i} `.repeat(20))
    })(),
  ).ms
  const single = time(() => {
    for (let i = 0; i < 200; i += 1) insert.run(`Single ${i}`, 'x')
  }).ms
  const scan = time(() => db.prepare("SELECT count(*) FROM bench WHERE note LIKE '%99 %'").get()).ms
  const lookup = time(() => {
    const get = db.prepare('SELECT * FROM bench WHERE id = ?')
    for (let i = 1; i <= 10_000; i += 1) get.get(i)
  }).ms
  return { bulk, single, scan, lookup }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'casevault-bench-'))
  try {
    const passphrase = 'benchmark passphrase'
    const vault = new Vault({ dataDir: join(dir, 'vault') })
    const created = await timeAsync(() =>
      vault.create({ organisation: 'Bench', username: 'bench', displayName: 'Bench', passphrase }),
    )
    const { kdf } = readHeader(join(dir, 'vault'))
    vault.lock('user')
    const argon = await timeAsync(() => deriveKey(passphrase, Buffer.alloc(16, 1), kdf))
    argon.value.fill(0)
    const unlock = await timeAsync(() => vault.unlock('bench', passphrase))
    vault.lock('user')

    const rows = 50_000
    const plainDb = new Database(join(dir, 'plain.db'))
    plainDb.pragma('journal_mode = WAL')
    plainDb.pragma('synchronous = FULL')
    plainDb.pragma('cache_size = -65536')
    const plain = workload(plainDb, rows)
    plainDb.close()
    const key = Buffer.alloc(32, 9)
    const encryptedDb = openEncryptedDatabase(join(dir, 'enc.db'), key, { create: true })
    const encrypted = workload(encryptedDb, rows)
    encryptedDb.close()

    console.log(`Argon2id m=${kdf.memoryKiB} KiB t=${kdf.iterations} p=${kdf.parallelism}`)
    console.log(`  create vault (calibration included): ${created.ms.toFixed(0)} ms`)
    console.log(`  one key derivation:                 ${argon.ms.toFixed(0)} ms  (target ≥ 500 ms)`)
    console.log(`  unlock (derive + open + check):     ${unlock.ms.toFixed(0)} ms`)
    console.log(`SQLCipher 4 vs plaintext SQLite (${rows} rows, WAL, synchronous=FULL, 64 MiB cache)`)
    for (const name of ['bulk', 'single', 'scan', 'lookup'] as const) {
      const ratio = encrypted[name] / plain[name]
      console.log(
        `  ${name.padEnd(7)} plain ${plain[name].toFixed(1).padStart(8)} ms  encrypted ${encrypted[name].toFixed(1).padStart(8)} ms  ratio ${ratio.toFixed(2)}×`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
