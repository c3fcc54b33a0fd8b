// `npm run bench`: the vault's hot paths, encrypted vs plaintext SQLite in the same run.
// Targets live here, not in timed tests: a slow CI machine must not fail the suite.
// BENCH_CASES sets the size of the case workload (default 100000; progress goes to stderr).
// BENCH_ONLY=backup,exports,import runs only those parts (default: everything); BENCH_VAULT=<dir>
// keeps the filled encrypted vault there and reuses it on the next run (only without `queries`,
// whose casework timings need the users the fill creates). BENCH_FORMATS=htcds-json,… narrows the
// export part to those formats.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { Vault } from '../../main/core/vault/vault'
import { openEncryptedDatabase } from '../../main/core/db/connection'
import { databasePath, readHeader } from '../../main/core/vault/vault-header'
import { deriveKey } from '../../main/core/vault/kdf'
import { MAX_TRAINING_CASES } from '../../main/core/training/fill-vault'
import { fillForBench, measureQueries, onBenchDay, plaintextSession } from './bench-cases'
import { ms, ratio, table, time, timeAsync } from './bench-stats'
import { measureImport } from './bench-import'
import { measureBackup, type BackupTiming } from './bench-backup'
import { measureExports, type ExportTiming } from './bench-export'
import { measureCasework } from './bench-casework'
import { caseworkReport } from './bench-casework-report'

const QUERY_RUNS = 200
const IMPORT_ROWS = 50_000

function caseCount(): number {
  const value = Number(process.env.BENCH_CASES ?? 100_000)
  if (!Number.isInteger(value) || value < 1 || value > MAX_TRAINING_CASES) {
    throw new Error(`BENCH_CASES must be a whole number from 1 to ${MAX_TRAINING_CASES}`)
  }
  return value
}

const PARTS = ['queries', 'backup', 'exports', 'import'] as const
type Part = (typeof PARTS)[number]

function chosenParts(): Set<Part> {
  const asked = (process.env.BENCH_ONLY ?? PARTS.join(',')).split(',').map((part) => part.trim())
  const unknown = asked.filter((part) => !(PARTS as readonly string[]).includes(part))
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY: unknown part ${unknown.join(', ')} (${PARTS.join(', ')})`)
  return new Set(asked as Part[])
}

function megabytes(path: string): string {
  const bytes = ['', '-wal'].reduce((sum, suffix) => {
    const file = path + suffix
    return sum + (existsSync(file) ? statSync(file).size : 0)
  }, 0)
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`
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

/** Key derivation, raw SQLCipher cost, then the filled vault's queries and casework against a plaintext twin. */
async function measureVaultBasics(vault: Vault, dir: string, passphrase: string, cases: number) {
  const created = await timeAsync(() =>
    vault.create({ organisation: 'Bench', username: 'bench', displayName: 'Bench', passphrase }),
  )
  const { kdf } = readHeader(vault.dataDir)
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

  process.stderr.write(`Writing ${cases} synthetic cases into the encrypted vault and a plaintext twin…\n`)
  const encryptedSession = onBenchDay(await vault.unlock('bench', passphrase))
  const encryptedFill = fillForBench(encryptedSession, cases, 'encrypted')
  const encryptedRate = encryptedFill.casesPerSecond
  const plainPath = join(dir, 'plain-cases.db')
  const plainSession = plaintextSession(plainPath)
  const plainFill = fillForBench(plainSession, cases, 'plaintext')
  const plainRate = plainFill.casesPerSecond
  process.stderr.write(`Timing queries (${QUERY_RUNS} runs each)…\n`)
  const encryptedQueries = measureQueries(encryptedSession, cases, QUERY_RUNS)
  const plainQueries = measureQueries(plainSession, cases, QUERY_RUNS)
  const encryptedCasework = measureCasework(encryptedSession, encryptedFill.users, QUERY_RUNS)
  const plainCasework = measureCasework(plainSession, plainFill.users, QUERY_RUNS)
  const casework = caseworkReport({
    cases,
    runs: QUERY_RUNS,
    plain: { fill: plainFill, times: plainCasework, session: plainSession },
    encrypted: { fill: encryptedFill, times: encryptedCasework, session: encryptedSession },
  })
  const sizes = { encrypted: megabytes(databasePath(vault.dataDir)), plain: megabytes(plainPath) }
  vault.lock('user')
  plainSession.db.close()
  const bigUnlock = await timeAsync(() => vault.unlock('bench', passphrase))
  vault.lock('user')

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
  console.log(
    `\nCases: ${cases} synthetic (seed-fixed), through the case service; queries ${QUERY_RUNS} runs, ms`,
  )
  const row = (
    name: string,
    plain: { p50: number; p95: number },
    encrypted: { p50: number; p95: number },
  ) => [
    name,
    `${ms(plain.p50)} / ${ms(plain.p95)}`,
    `${ms(encrypted.p50)} / ${ms(encrypted.p95)}`,
    ratio(encrypted.p95, plain.p95),
  ]
  console.log(
    table(
      ['', 'plaintext', 'encrypted', 'enc/plain'],
      [
        [
          'bulk insert (cases/s)',
          plainRate.toFixed(0),
          encryptedRate.toFixed(0),
          ratio(plainRate, encryptedRate),
        ],
        row('list, default sort  p50 / p95', plainQueries.listDefault, encryptedQueries.listDefault),
        row('list, 2 filters     p50 / p95', plainQueries.listFiltered, encryptedQueries.listFiltered),
        row('search surname pfx  p50 / p95', plainQueries.search, encryptedQueries.search),
        row('get one case        p50 / p95', plainQueries.get, encryptedQueries.get),
        ['database size (+wal)', sizes.plain, sizes.encrypted, ''],
      ],
    ),
  )
  console.log(`  unlock with ${cases} cases (Argon2 + integrity check + open): ${bigUnlock.ms.toFixed(0)} ms`)
  console.log(`  plaintext answers: ${plainQueries.answers}`)
  console.log(`  encrypted answers: ${encryptedQueries.answers}`)
  console.log(
    '  2 filters = status Active + exploitation type SexualExploitation; ratios from p95 (rate: inverse).',
  )
  console.log(`\n${casework}`)
}

function printBackup(backup: BackupTiming, size: string) {
  const backupTotal = backup.backupMs + backup.verifyMs
  console.log(
    `\nBackup of ${backup.cases} cases (vault ${size}, backup ${backup.fileMegabytes.toFixed(0)} MB, to an age X25519 key): ` +
      `backup ${ms(backup.backupMs)} ms + verify ${ms(backup.verifyMs)} ms (unpack ${ms(backup.unpackMs)} + checks ${ms(backup.verifyMs - backup.unpackMs)}) = ${ms(backupTotal)} ms ` +
      `(target ≤ 3000 ms: ${backupTotal <= 3000 ? 'PASS' : 'MISS'})`,
  )
}

function printExports(exports: ExportTiming[]) {
  // The verdict stays on cases/s, the stricter reading of "rows"; the full-record formats also say
  // how many records (case, event, referral, consent… rows) they wrote per second.
  console.log('Exports (target ≥ 50000 cases/s):')
  for (const timing of exports) {
    const rate = Math.round(timing.casesPerSecond)
    const records =
      timing.recordsPerSecond === null ? '' : `  (${Math.round(timing.recordsPerSecond)} records/s)`
    console.log(
      `  ${timing.format.padEnd(17)} ${timing.protection.padEnd(9)} ${ms(timing.ms).padStart(8)} ms  ` +
        `${String(rate).padStart(7)} cases/s  ${rate >= 50_000 ? 'PASS' : 'MISS'}${records}`,
    )
  }
}

async function printImport(dir: string, passphrase: string) {
  // Import (issue 5: ≥ 20k rows/s): htcds-csv into a fresh encrypted vault, checked then written.
  const importVault = new Vault({ dataDir: join(dir, 'import-vault') })
  const { session: importSession } = await importVault.create({
    organisation: 'Bench',
    username: 'bench',
    displayName: 'Bench',
    passphrase,
  })
  const imported = await measureImport(importSession, IMPORT_ROWS)
  importVault.lock('user')
  console.log(
    `Import htcds-csv, ${imported.rows} rows into an encrypted vault: dry run ${imported.dryRunRowsPerSecond} rows/s, ` +
      `import (checks + one transaction) ${imported.importRowsPerSecond} rows/s (target ≥ 20000)`,
  )
}

async function main() {
  const cases = caseCount()
  const parts = chosenParts()
  const kept = process.env.BENCH_VAULT
  if (kept && parts.has('queries')) throw new Error('BENCH_VAULT needs BENCH_ONLY without queries')
  const dir = mkdtempSync(join(tmpdir(), 'casevault-bench-'))
  try {
    const passphrase = 'benchmark passphrase'
    const vaultDir = kept ?? join(dir, 'vault')
    const vault = new Vault({ dataDir: vaultDir })
    const reuse = vault.exists()
    if (parts.has('queries')) await measureVaultBasics(vault, dir, passphrase, cases)
    else if (!reuse && (parts.has('backup') || parts.has('exports'))) {
      await vault.create({ organisation: 'Bench', username: 'bench', displayName: 'Bench', passphrase })
      vault.lock('user')
    }
    if (parts.has('backup') || parts.has('exports')) {
      const session = onBenchDay(await vault.unlock('bench', passphrase))
      if (!reuse && !parts.has('queries')) {
        process.stderr.write(`Writing ${cases} synthetic cases into the encrypted vault…\n`)
        fillForBench(session, cases, 'encrypted')
      }
      const vaultCases = (session.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
      // Issue 5 on the same vault: backup + verify (≤ 3 s) and every export format (≥ 50k rows/s).
      process.stderr.write('Backup and verify, then each export format…\n')
      if (parts.has('backup'))
        printBackup(await measureBackup(vault, session), megabytes(databasePath(vaultDir)))
      if (parts.has('exports')) printExports(await measureExports(vault, session, vaultCases))
      vault.lock('user')
    }
    if (parts.has('import')) await printImport(dir, passphrase)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

await main()
