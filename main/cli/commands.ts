import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import { Vault } from '../core/vault/vault'
import { readHeader } from '../core/vault/vault-header'
import type { VaultSession } from '../core/vault/vault-session'
import { schemaVersion } from '../core/db/migrate'
import { CaseVaultError } from '../core/errors'
import { displayNameSchema } from '../api/contract/common'
import { createVaultInput } from '../api/contract/vault'
import { checkedOption, checkedUsername, passphraseLine, required, type CliIo } from './io'
import { assertVaultOrEmptyFolder, newVaultPassphrase } from './vault-folder-input'
import { backupCommand, restoreCommand, verifyBackupCommand } from './backup-commands'
import { APP_VERSION } from '../app-version'
import { training } from './training'
import { exportCommand } from './export-commands'
import { importCommand } from './import-command'
import { errorLine } from './error-line'

export const USAGE = `Usage: npm run cli -- <command> [options]   (passphrases on standard input, one per line)
  init   --data <dir> --user <name> [--org <organisation>] [--display-name <name>]
  status --data <dir>
  verify --data <dir> --user <name>
  backup --data <dir> --user <name> --out <file>      (stdin: user passphrase, then backup passphrase)
  verify-backup --file <file>                          (stdin: backup passphrase, or private key AGE-SECRET-KEY-1…)
  restore --data <dir> --file <file> [--another-vault] (stdin: backup passphrase, or private key AGE-SECRET-KEY-1…)
  training --data <dir> --user <name> --cases <N> [--seed <n>]   (new vault of synthetic cases)
  export --data <dir> --user <name> --format htcds-json|htcds-csv|deidentified-csv|ctdc-csv|aggregates-csv
         --out <file> [--plaintext] [--k <n>]   (stdin: user passphrase, then export passphrase unless --plaintext)
  import --data <dir> --user <name> --file <file> --format htcds-csv|htcds-json|ctdc-csv|htcds-xlsx
         [--dry-run] [--all-or-nothing]                (stdin: user passphrase)`

/** The options each command takes: any other is an error, never silently ignored. */
const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  init: ['data', 'user', 'org', 'display-name'],
  status: ['data'],
  verify: ['data', 'user'],
  backup: ['data', 'user', 'out'],
  'verify-backup': ['file'],
  restore: ['data', 'file', 'another-vault'],
  training: ['data', 'user', 'cases', 'seed', 'display-name'],
  export: ['data', 'user', 'format', 'out', 'plaintext', 'k'],
  import: ['data', 'user', 'file', 'format', 'dry-run', 'all-or-nothing'],
}

/**
 * The arguments, refused (one line, echoing no value: it might be a passphrase) when anything is
 * off: a second word after the command (a passphrase typed onto the command line would sit in the
 * shell's history), an option given twice (which one was meant?), or an option the command does
 * not take (`restore --dry-run` must not quietly restore).
 */
function options(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      data: { type: 'string' },
      user: { type: 'string' },
      org: { type: 'string' },
      'display-name': { type: 'string' },
      out: { type: 'string' },
      file: { type: 'string' },
      cases: { type: 'string' },
      seed: { type: 'string' },
      plaintext: { type: 'boolean' },
      k: { type: 'string' },
      format: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'another-vault': { type: 'boolean' },
      'all-or-nothing': { type: 'boolean' },
    },
  })
  const [command, ...extra] = parsed.positionals
  const allowed = command === undefined ? undefined : COMMAND_OPTIONS[command]
  if (!allowed) return parsed // usage, or an unknown command: runCli says so
  if (extra.length > 0)
    throw new Error(
      `unexpected argument after "${command}": options start with --, and passphrases go on standard input, never on the command line`,
    )
  const seen = new Set<string>()
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue
    if (seen.has(token.name)) throw new Error(`--${token.name} is given twice`)
    seen.add(token.name)
    if (!allowed.includes(token.name)) throw new Error(`${command} does not take --${token.name}`)
  }
  return parsed
}

async function init(values: ReturnType<typeof options>['values'], io: CliIo): Promise<number> {
  const dataDir = resolve(required(values.data, 'data'))
  const username = checkedUsername(required(values.user, 'user'))
  // The app's own rules, before the passphrase and Argon2: an empty --org (a blank shell variable)
  // wrote a database, then failed on its vault.json, and the recovery key was never printed.
  const organisation = checkedOption(
    values.org ?? 'CaseVault',
    'org',
    'from 1 to 200 characters, without line breaks or invisible characters',
    (value) => createVaultInput.shape.organisation.safeParse(value),
  )
  const displayName = checkedOption(
    values['display-name'] ?? username,
    'display-name',
    'from 1 to 120 characters, without line breaks or invisible characters',
    (value) => displayNameSchema.safeParse(value),
  )
  assertVaultOrEmptyFolder(dataDir, 'a new or empty folder')
  const passphrase = await newVaultPassphrase(io)
  const vault = new Vault({ dataDir })
  const started = performance.now()
  const { recoveryKey, session } = await vault.create({ organisation, username, displayName, passphrase })
  const seconds = (performance.now() - started) / 1000
  let kdf: ReturnType<typeof readHeader>['kdf']
  try {
    kdf = readHeader(dataDir).kdf
  } finally {
    vault.lock('user')
  }
  io.out(`Created vault in ${dataDir} for ${session.user.username} (admin) in ${seconds.toFixed(1)} s`)
  io.out(`Argon2id: m=${kdf.memoryKiB} KiB, t=${kdf.iterations}, p=${kdf.parallelism}`)
  io.out(`Recovery key: ${recoveryKey}`)
  io.out(
    'Write the recovery key down and keep it offline: it is the only way in if every passphrase is lost.',
  )
  return 0
}

function status(values: ReturnType<typeof options>['values'], io: CliIo): number {
  const header = readHeader(resolve(required(values.data, 'data')))
  const active = header.slots.filter((slot) => slot.status === 'active').length
  io.out(`format: ${header.format} v${header.formatVersion}`)
  io.out(`organisation: ${header.organisation}`)
  io.out(`cipher: ${header.cipher.name} (SQLCipher ${header.cipher.legacy})`)
  io.out(`kdf: argon2id m=${header.kdf.memoryKiB} KiB t=${header.kdf.iterations} p=${header.kdf.parallelism}`)
  // After vault.json was rebuilt with the recovery key only the rebuilder has a slot: the others
  // cannot sign in until an admin resets them, and counting only slots hid them.
  const awaiting = header.awaitingReset?.length ?? 0
  const resets = awaiting > 0 ? `, ${awaiting} awaiting a passphrase reset by an admin` : ''
  io.out(`users: ${active} active, ${header.slots.length - active} deactivated${resets}`)
  return 0
}

async function verify(values: ReturnType<typeof options>['values'], io: CliIo): Promise<number> {
  const vault = new Vault({ dataDir: resolve(required(values.data, 'data')) })
  const username = required(values.user, 'user')
  // Unlocking already runs the full integrity_check (every page, on a worker for a large vault)
  // and refuses a damaged file: its problems are this command's answer, not a second check.
  let session: VaultSession
  try {
    session = await vault.unlock(username, await passphraseLine(io, 0, 'passphrase'))
  } catch (error) {
    const problems =
      error instanceof CaseVaultError && error.code === 'DB_CORRUPT' ? error.details?.problems : null
    if (!Array.isArray(problems)) throw error
    for (const problem of problems) io.err(`integrity: ${String(problem)}`)
    return 1
  }
  try {
    const problems: string[] = []
    const chain = session.audit.verify()
    if (!chain.ok)
      problems.push(
        `audit chain broken at row ${chain.firstBrokenId} (${chain.checkedRows} rows intact before it)`,
      )
    session.audit.append({
      actor: session.user.username,
      action: 'vault.verified',
      details: { ok: problems.length === 0 },
    })
    if (problems.length > 0) {
      for (const problem of problems) io.err(problem)
      return 1
    }
    io.out(`schema ${schemaVersion(session.db)}, audit rows ${chain.checkedRows}`)
    io.out('ok')
    return 0
  } finally {
    vault.lock('user')
  }
}

/** Runs one command; returns the exit code. Errors become one line on stderr. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let dataDir: string | undefined
  try {
    const parsed = options(argv)
    dataDir = parsed.values.data
    const [command] = parsed.positionals
    switch (command) {
      case 'init':
        return await init(parsed.values, io)
      case 'status':
        return status(parsed.values, io)
      case 'verify':
        return await verify(parsed.values, io)
      case 'backup':
        return await backupCommand(parsed.values, io, APP_VERSION)
      case 'verify-backup':
        return await verifyBackupCommand(parsed.values, io)
      case 'restore':
        return await restoreCommand(parsed.values, io)
      case 'training':
        return await training(parsed.values, io)
      case 'export':
        return await exportCommand(parsed.values, io)
      case 'import':
        return await importCommand(parsed.values, io)
      case undefined:
        io.err(USAGE)
        return 2
      default:
        // Not echoed: a word in the command's place may be a passphrase pasted in the wrong spot.
        io.err('error: unknown command (run without a command to list them)')
        return 2
    }
  } catch (error) {
    io.err(`error: ${errorLine(error, dataDir)}`)
    return 1
  }
}
