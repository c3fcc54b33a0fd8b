// The admin command line's checks of its inputs, from a reviewing helper's hunt; each test failed
// before its fix: an empty or over-long --org or a blank --display-name wrote a vault that could
// not be opened (its recovery key never printed), a bad --user printed "error: [", a UTF-16
// passphrase file made a passphrase nobody could type, a folder for a file (or the other way round)
// printed Node's EISDIR / EEXIST, an empty database file was "verified" by writing a fresh empty
// vault into it, and --k with a full-record format was silently ignored.
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { closedVault, runCommand } from './support/cli-run'
import { ADMIN, tempDir } from './support/temp-vault'
import { Vault } from '../../main/core/vault/vault'

/** A new passphrase zxcvbn scores 3 or more (several unrelated words). */
const STRONG = 'lantern orchard quietly folds seven paper cranes'

/** The folder holds nothing (or was never made): the command wrote no vault. */
const nothingIn = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0

describe('CLI init: what it accepts must make a vault that opens', () => {
  // The admin runs `init --data ./vault --user admin --org ""` (an empty shell variable in a script)
  // or pastes a long organisation name (over 200 characters). Argon2 runs, the database and a
  // vault.json are written, then the command fails with "CORRUPT_HEADER: vault.json is damaged"
  // and exit 1: the recovery key is never printed (the database key is lost for good), the WAL,
  // -shm and in-use marker stay (the session is never locked), and a second `init` says
  // VAULT_EXISTS. What should happen: --org is checked as the app checks it (createVaultInput:
  // 1 to 200 characters, trimmed) before anything is written, with one line and exit 1.
  // Cause: main/cli/commands.ts:84-95 passes `values.org ?? 'CaseVault'` to vault.create
  // unchecked ('' is not nullish), and the header schema (main/core/vault/vault-header.ts:46)
  // only refuses it when readHeader runs after the vault is made (commands.ts:94, outside any
  // try/finally, so vault.lock is never reached either).
  it.each([
    ['empty', ''],
    ['201 characters', 'Safe Harbour '.repeat(16).slice(0, 201)],
  ])('init --org (%s) is refused before anything is written', async (_, org) => {
    const dataDir = join(tempDir(), 'vault')
    const result = await runCommand(
      ['init', '--data', dataDir, '--user', 'admin', '--org', org],
      `${STRONG}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).not.toMatch(/CORRUPT_HEADER/)
    expect(nothingIn(dataDir)).toBe(true)
  })

  // `init --display-name "   "` (or "") makes an admin whose display name is blank: the app's own
  // contract (displayNameSchema, trimmed, at least 1 character) refuses that name on vault:create
  // and users:create, but the CLI writes it. It should be refused like any invalid option, before
  // the vault is made. Cause: main/cli/commands.ts:88 (and main/cli/training.ts:93) use
  // `values['display-name'] ?? username` without displayNameSchema.
  it('init --display-name "   " is refused, writing no vault', async () => {
    const dataDir = join(tempDir(), 'vault')
    const result = await runCommand(
      ['init', '--data', dataDir, '--user', 'admin', '--display-name', '   '],
      `${STRONG}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(nothingIn(dataDir)).toBe(true)
  })

  // The admin types `init --user a` (too short) or `--user "Amara Okafor"` (a space). The one error
  // line is literally `error: [` — the first line of a ZodError's JSON message — which says
  // nothing about what is wrong. It should name --user and what a user name may hold, as
  // `training` does. Cause: main/cli/commands.ts:82 uses usernameSchema.parse (throws ZodError),
  // and runCli prints message.split('\n')[0] (commands.ts:205-207).
  it.each([['a'], ['Amara Okafor']])('init --user %j says what is wrong with the user name', async (user) => {
    const dataDir = join(tempDir(), 'vault')
    const result = await runCommand(['init', '--data', dataDir, '--user', user], `${STRONG}\n`)
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).not.toBe('error: [')
    expect(result.err[0]).toMatch(/--user/)
    expect(nothingIn(dataDir)).toBe(true)
  })

  // A script pipes the admin passphrase from a file that Windows PowerShell 5.1 wrote with
  // `echo ... > pass.txt` (UTF-16LE with a byte-order mark). `init` accepts the decoded mess
  // ("\uFFFD\uFFFDl\0a\0n\0…", NULs between the letters) as the passphrase and creates the vault:
  // nobody can type that passphrase on the unlock screen, and the typed one is refused. Standard
  // input that is not UTF-8 (NUL bytes, a UTF-16 byte-order mark) should be refused with one line,
  // or decoded as UTF-16, never turned into a passphrase. Cause: main/cli/io.ts:19-23
  // (readAllStdin decodes every byte as UTF-8 and strips only a UTF-8 BOM).
  it('init from a UTF-16 passphrase file: refused, or the typed passphrase opens the vault', async () => {
    const dataDir = join(tempDir(), 'vault')
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${STRONG}\r\n`, 'utf16le')])
    const result = await runCommand(['init', '--data', dataDir, '--user', 'admin'], utf16)
    if (result.exit !== 0) {
      expect(existsSync(join(dataDir, 'vault.json'))).toBe(false)
      return
    }
    const vault = new Vault({ dataDir })
    await expect(vault.unlock('admin', STRONG)).resolves.toBeDefined()
    vault.lock('user')
  })
})

describe('CLI: errors are the app’s one-line messages, not raw Node ones', () => {
  // `import --file ./exports` (a folder picked by mistake) prints the raw Node error
  // "error: EISDIR: illegal operation on a directory, read". `init --data ./notes.txt` (a file)
  // prints "error: EEXIST: file already exists, mkdir '/full/path'". They should be coded,
  // plain-language lines ("--file is a folder…", "--data is a file…"), as --out already is
  // (main/cli/io.ts:48-56). Causes: main/core/import/source-table.ts readImportBytes and
  // main/core/vault/vault.ts:94 (mkdirSync) throw Node errors that classifyFileError
  // (main/core/file-errors.ts) does not know (EISDIR, EEXIST), so runCli prints them raw
  // (main/cli/commands.ts:205-207).
  it('import --file <a folder>', async () => {
    const { dataDir } = await closedVault()
    const folder = tempDir()
    const result = await runCommand(
      ['import', '--data', dataDir, '--user', ADMIN.username, '--file', folder, '--format', 'htcds-csv'],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).toBe(1)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).not.toMatch(/EISDIR|illegal operation/)
  })

  it('init --data <a file>', async () => {
    const file = join(tempDir(), 'notes.txt')
    writeFileSync(file, 'meeting notes')
    const result = await runCommand(['init', '--data', file, '--user', 'admin'], `${STRONG}\n`)
    expect(result.exit).toBe(1)
    expect(result.err).toHaveLength(1)
    expect(result.err[0]).not.toMatch(/EEXIST|mkdir/)
    expect(readFileSync(file, 'utf8')).toBe('meeting notes')
  })
})

describe('CLI verify of a vault whose database file is empty', () => {
  // casevault.db was left at 0 bytes (a crash during a copy, a sync tool, a full disk). The admin
  // runs `verify`: it answers "UNKNOWN_USER: There is no user with this name in this vault" — and
  // has written a brand-new empty schema (~300 KB) into the file, so a second look sees a healthy,
  // empty database. verify should report the database as damaged/empty (non-zero exit, not
  // UNKNOWN_USER) and change nothing. Cause: main/core/vault/open-vault-database.ts:35-47 —
  // openEncryptedDatabase({ create: false }) only requires the file to exist, an empty file opens
  // as a new database, passes integrity_check, and migrate(db) creates every table in it.
  it('says the database is empty or damaged, and leaves the file as it was', async () => {
    const { dataDir } = await closedVault()
    const db = join(dataDir, 'casevault.db')
    writeFileSync(db, '')
    const result = await runCommand(
      ['verify', '--data', dataDir, '--user', ADMIN.username],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err.join('\n')).not.toMatch(/UNKNOWN_USER/)
    expect(statSync(db).size).toBe(0)
  })
})

describe('CLI export: options that do nothing are refused', () => {
  // `export --format htcds-json --k 7`: an admin who thinks --k de-identifies gets every full
  // record written (exit 0), and --k is silently dropped. The CLI's own rule (commands.ts:29:
  // "any other is an error, never silently ignored") should hold: --k only goes with the
  // de-identified formats. Cause: main/cli/export-commands.ts:47-48 reads --k for every format
  // and runExport ignores it for full records.
  it('refuses --k with a full-record format, writing nothing', async () => {
    const { dataDir, out } = await closedVault()
    const file = join(out, 'cases.json')
    const result = await runCommand(
      [
        'export',
        '--data',
        dataDir,
        '--user',
        ADMIN.username,
        '--format',
        'htcds-json',
        '--out',
        file,
        '--plaintext',
        '--k',
        '7',
      ],
      `${ADMIN.passphrase}\n`,
    )
    expect(result.exit).not.toBe(0)
    expect(result.err).toHaveLength(1)
    expect(existsSync(file)).toBe(false)
  })
})
