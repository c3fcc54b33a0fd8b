import { resolve } from 'node:path'
import { Vault } from '../core/vault/vault'
import { createImportService } from '../core/import/import-service'
import { readImportBytes } from '../core/import/source-table'
import { importFormatSchema } from '../api/contract/import'
import { passphraseLine, required, type CliIo } from './io'

export interface ImportCommandOptions {
  data?: string | undefined
  user?: string | undefined
  file?: string | undefined
  format?: string | undefined
  'dry-run'?: boolean | undefined
  'all-or-nothing'?: boolean | undefined
}

/** Headers come from the file: a line break or control character in one must not forge an output line. */
function oneLine(text: string): string {
  return text.replace(/\p{Cc}+/gu, ' ')
}

/**
 * import --data --user --file --format [--dry-run] [--all-or-nothing]; stdin: user passphrase.
 * Prints `read: N`, `imported: N`, `rejected: N`, `duplicates: N` (rejected rows whose case number is
 * in the vault or on another row), with --dry-run `would be imported: N`, then `row R: field: reason`
 * per error (stdout);
 * ignored columns and notes go to stderr. Exit 0 when the run completed, even with rejected rows.
 */
export async function importCommand(values: ImportCommandOptions, io: CliIo): Promise<number> {
  const dataDir = resolve(required(values.data, 'data'))
  const file = resolve(required(values.file, 'file'))
  const username = required(values.user, 'user')
  const format = importFormatSchema.safeParse(required(values.format, 'format'))
  if (!format.success) throw new Error(`--format must be one of ${importFormatSchema.options.join(', ')}`)
  // Read before unlocking: a missing or empty file costs no Argon2 run and no audit row.
  const bytes = await readImportBytes(file)
  const vault = new Vault({ dataDir })
  const session = await vault.unlock(username, await passphraseLine(io, 0, 'user passphrase'))
  try {
    const { report } = await createImportService(session).importFile(bytes, {
      format: format.data,
      dryRun: values['dry-run'] ?? false,
      allOrNothing: values['all-or-nothing'] ?? false,
    })
    io.out(`read: ${report.read}`)
    io.out(`imported: ${report.imported}`)
    io.out(`rejected: ${report.rejected}`)
    io.out(`duplicates: ${report.duplicates}`)
    // A dry run's `imported: 0` says nothing of the file: this is the count it is run for. After
    // the four lines a script reads, and as the real run would count (nothing from a cut-short file,
    // nothing under --all-or-nothing once a row is rejected).
    if (report.dryRun) {
      const refused = !report.complete || (values['all-or-nothing'] === true && report.rejected > 0)
      io.out(`would be imported: ${refused ? 0 : report.valid}`)
    }
    for (const error of report.errors)
      io.out(`row ${error.row}: ${oneLine(error.field)}: ${oneLine(error.reason)}`)
    for (const column of report.ignoredColumns)
      io.err(`ignored column: ${oneLine(column.column)}: ${column.reason}`)
    for (const note of report.notes) io.err(`note: ${note.text}`)
    if (report.dryRun) io.err('dry run: nothing was written')
    return 0
  } finally {
    vault.lock('user')
  }
}
