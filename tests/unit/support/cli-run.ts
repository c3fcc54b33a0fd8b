import { readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { runCli } from '../../../main/cli/commands'
import { readAllStdin } from '../../../main/cli/io'
import { ADMIN, call } from './temp-vault'
import { createCase, staffedHost, survivorCase } from './case-fixtures'
import { tempDir } from './temp-vault'

export const BACKUP_PASSPHRASE = 'copper violin drifts past nine quiet harbours'
export const EXPORT_PASSPHRASE = 'granite heron counts twelve slow tides'

/** One CLI command, with standard input read as the real entry reads it (bytes, then lines). */
export function runCommand(argv: string[], stdin: Buffer | string = '') {
  const out: string[] = []
  const err: string[] = []
  let lines: Promise<string[]> | null = null
  return runCli(argv, {
    stdinLines: () => (lines ??= readAllStdin(Readable.from([Buffer.from(stdin)]))),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  }).then((exit) => ({ exit, out, err }))
}

/** A locked vault with staff (admin, caseworker, analyst…) and `cases` cases; `out` is an empty folder. */
export async function closedVault(cases = 1) {
  const { host, dataDir } = await staffedHost(ADMIN.username)
  for (let index = 0; index < cases; index += 1) await createCase(host, survivorCase())
  await call(host, 'vault:lock')
  host.dispose()
  return { dataDir, out: tempDir() }
}

/** A locked vault and a CLI backup of it (`file`), made by the admin. */
export async function closedVaultWithBackup() {
  const { dataDir, out } = await closedVault()
  const file = join(out, 'ok.cvbackup')
  const made = await runCommand(
    ['backup', '--data', dataDir, '--user', ADMIN.username, '--out', file],
    `${ADMIN.passphrase}\n${BACKUP_PASSPHRASE}\n`,
  )
  if (made.exit !== 0) throw new Error(`the backup failed: ${made.err.join(' ')}`)
  return { dataDir, out, file }
}

/** The rollback copies a restore left beside the data folder. */
export const rollbackCopiesOf = (dataDir: string) =>
  readdirSync(dirname(dataDir)).filter((name) => name.startsWith(`${basename(dataDir)}.rollback-`))
